package editor

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"time"
)

// ParseNewsML reads NewsML-G2 as agencies send it: a newsItem, or a
// newsMessage whose itemSet holds one or more items. The first text item
// (itemClass ninat:text, or none given) is imported; the other items are
// named in the editor's note, so the desk knows what the file also held.
// The item's content is read from contentSet:
//   - inlineXML with NITF (RenderNITF's document, or an agency's), read
//     by the NITF importer;
//   - inlineXML with XHTML, read by the HTML importer;
//   - inlineData with plain text, one paragraph per line or blank-line
//     block.
//
// The item's own properties fill in what the content does not say: guid
// (a UUID in it becomes the article ID), versionCreated and firstCreated,
// pubStatus, edNote (notes to editors go to the editor's note; Dateline's
// correction note back to the correction), contentMeta's headline,
// slugline, by or creators, dateline, located, creditline, keywords and
// subjects (as tags), language and the summary description (the deck),
// and rightsInfo's copyright holder and notice. Elements are matched by
// namespace URI, whatever prefixes the file uses. A file that is not
// well-formed, not NewsML-G2, or holds no text item gives an *Error with
// code EINVALID.
func ParseNewsML(data []byte, p Profile) (*Article, error) {
	root, err := parseXMLTree(data, "NewsML-G2 file")
	if err != nil {
		return nil, err
	}
	item, others, err := pickNewsItem(root)
	if err != nil {
		return nil, err
	}
	a, err := readNewsItem(item, p)
	if err != nil {
		return nil, err
	}
	if len(others) > 0 {
		a.EditorsNote = strings.TrimSpace(a.EditorsNote + "\n" + fmt.Sprintf(
			"Imported from a NewsML-G2 message with %d items; not imported: %s.", len(others)+1, strings.Join(others, "; ")))
	}
	if err := finishImported(a); err != nil {
		return nil, err
	}
	return a, nil
}

// sniffNewsML: an XML document whose root element is in the NewsML-G2
// namespace (a newsItem or newsMessage; any other item gets
// ParseNewsML's message saying what it is).
func sniffNewsML(text []byte, _ *FooterReader) bool {
	name, ok := xmlRoot(text)
	return ok && name.Space == NewsMLNamespace
}

// pickNewsItem finds the item to import: the root newsItem, or the first
// text item of a newsMessage. others describes the items left out.
func pickNewsItem(root *xmlNode) (item *xmlNode, others []string, err error) {
	const ns = NewsMLNamespace
	switch {
	case root.is(ns, "newsItem"):
		if c := newsItemClass(root); !isTextItemClass(c) {
			return nil, nil, Errorf(EINVALID, "the NewsML-G2 item is of class %s; only text items (ninat:text) can be imported", c)
		}
		return root, nil, nil
	case root.is(ns, "newsMessage"):
	case root.Name.Space == ns:
		return nil, nil, Errorf(EINVALID, "the NewsML-G2 file holds a %s; only a newsItem or a newsMessage with news items can be imported", root.Name.Local)
	default:
		return nil, nil, Errorf(EINVALID, "the file is not NewsML-G2: its root element is %s, not a newsItem or newsMessage in namespace %s", describeXMLName(root), ns)
	}
	var items []*xmlNode
	for _, set := range root.children(ns, "itemSet") {
		for _, k := range set.Kids {
			if !k.isText() && k.Name.Space == ns {
				items = append(items, k)
			}
		}
	}
	for _, it := range items {
		if item == nil && it.is(ns, "newsItem") && isTextItemClass(newsItemClass(it)) {
			item = it
			continue
		}
		desc := it.Name.Local
		if c := newsItemClass(it); c != "" {
			desc += " " + c
		}
		if g := it.attr("guid"); g != "" {
			desc += " " + g
		}
		others = append(others, desc)
	}
	if item == nil {
		if len(items) == 0 {
			return nil, nil, Errorf(EINVALID, "the NewsML-G2 message holds no items")
		}
		return nil, nil, Errorf(EINVALID, "the NewsML-G2 message holds no text item (it has: %s)", strings.Join(others, "; "))
	}
	return item, others, nil
}

// newsItemClass returns the qcode of an item's itemClass.
func newsItemClass(item *xmlNode) string {
	c := item.path(NewsMLNamespace, "itemMeta", "itemClass")
	return strings.TrimSpace(firstNonEmpty(c.attr("qcode"), c.attr("uri")))
}

// isTextItemClass reports whether an item class is text: ninat:text, its
// URI form, or none given.
func isTextItemClass(c string) bool {
	return c == "" || c == "ninat:text" || strings.HasSuffix(c, "/ninature/text") || strings.HasSuffix(c, ":text")
}

// readNewsItem reads one newsItem: its content first, then the item's
// properties where the content said nothing.
func readNewsItem(item *xmlNode, p Profile) (*Article, error) {
	const ns = NewsMLNamespace
	a, err := readNewsMLContent(item.child(ns, "contentSet"), p)
	if err != nil {
		return nil, err
	}
	meta := item.child(ns, "itemMeta")
	cm := item.child(ns, "contentMeta")
	if a.ID == "" {
		a.ID = ninjsID(Ninjs{URI: item.attr("guid")})
	}
	if a.Language == "" {
		a.Language = oneLine(firstNonEmpty(cm.child(ns, "language").attr("tag"), item.attrNS(xmlLangSpace, "lang")))
	}
	readNewsMLItemMeta(a, meta)
	readNewsMLContentMeta(a, cm)
	if r := item.child(ns, "rightsInfo"); r != nil && a.Copyright.Holder == "" {
		if f, ok := NewFooterReader(p).ReadFooter(oneLine(r.child(ns, "copyrightNotice").text())); ok {
			a.Copyright = f.Copyright
		}
		if a.Copyright.Holder == "" {
			a.Copyright.Holder = oneLine(r.path(ns, "copyrightHolder", "name").text())
		}
	}
	if a.Headline == "" && strings.TrimSpace(a.Body) == "" {
		return nil, Errorf(EINVALID, "the NewsML-G2 item holds no article: no headline and no text")
	}
	return a, nil
}

// readNewsMLContent reads the first content of a contentSet that can be
// read: inline NITF, inline XHTML or inline plain text. A contentSet with
// only remote content gives an empty article, which the item's headline
// may still fill.
func readNewsMLContent(set *xmlNode, p Profile) (*Article, error) {
	const ns = NewsMLNamespace
	if set == nil {
		return &Article{}, nil
	}
	for _, c := range set.Kids {
		switch {
		case c.is(ns, "inlineXML"):
			for _, k := range c.Kids {
				switch {
				case k.isText():
				case isNITFRoot(k.Name.Space, k.Name.Local):
					return readNITF(k, p), nil
				case k.Name.Local == "html" || k.Name.Space == xhtmlNamespace:
					return readNewsMLXHTML(k, p)
				}
			}
		case c.is(ns, "inlineData"):
			return &Article{Body: plainTextBody(c.text())}, nil
		}
	}
	return &Article{}, nil
}

// xhtmlNamespace is the namespace of XHTML.
const xhtmlNamespace = "http://www.w3.org/1999/xhtml"

// readNewsMLXHTML reads an inline XHTML document or fragment with the HTML
// importer.
func readNewsMLXHTML(n *xmlNode, p Profile) (*Article, error) {
	var buf bytes.Buffer
	writeAsHTML(&buf, n)
	h, err := ParseHTMLArticle(buf.Bytes(), p)
	if err != nil {
		return nil, fmt.Errorf("newsml xhtml content: %w", err)
	}
	h.ID, h.Slug, h.Status = "", "", ""
	return h, nil
}

// writeAsHTML serialises an XHTML tree as HTML markup for the HTML
// importer: element local names, attributes, escaped text.
func writeAsHTML(buf *bytes.Buffer, n *xmlNode) {
	if n.isText() {
		_ = xml.EscapeText(buf, []byte(n.Text))
		return
	}
	buf.WriteString("<" + n.Name.Local)
	for _, at := range n.Attr {
		if at.Name.Space != "" || at.Name.Local == "xmlns" {
			continue
		}
		buf.WriteString(" " + at.Name.Local + `="`)
		_ = xml.EscapeText(buf, []byte(at.Value))
		buf.WriteString(`"`)
	}
	buf.WriteString(">")
	for _, k := range n.Kids {
		writeAsHTML(buf, k)
	}
	buf.WriteString("</" + n.Name.Local + ">")
}

// plainTextBody turns plain text into Markdown paragraphs, one per
// non-blank line, escaped so that the text stays as it is.
func plainTextBody(s string) string {
	var paras []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			paras = append(paras, escapeMarkdownText(l, true))
		}
	}
	return strings.Join(paras, "\n\n")
}

// readNewsMLItemMeta reads times, status and notes from itemMeta.
func readNewsMLItemMeta(a *Article, meta *xmlNode) {
	const ns = NewsMLNamespace
	if meta == nil {
		if a.Status == "" {
			a.Status = StatusDraft
		}
		return
	}
	if t, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(meta.child(ns, "versionCreated").text())); err == nil && a.Updated.IsZero() {
		a.Updated = t
	}
	if t, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(meta.child(ns, "firstCreated").text())); err == nil && a.Created.IsZero() {
		a.Created = t
	}
	if a.Created.IsZero() {
		a.Created = a.Updated
	}
	correction := false
	for _, s := range meta.children(ns, "signal") {
		correction = correction || s.attr("qcode") == "sig:correction"
	}
	for _, n := range meta.children(ns, "edNote") {
		text := strings.TrimSpace(n.text())
		switch {
		case text == "":
		case n.attr("role") == "dl:correction":
			if a.CorrectionNote == "" {
				a.CorrectionNote = text
			}
		default:
			if !strings.Contains(a.EditorsNote, text) {
				a.EditorsNote = strings.TrimSpace(a.EditorsNote + "\n" + oneLine(text))
			}
		}
	}
	ps := meta.child(ns, "pubStatus")
	switch s := Status(ps.attrNS(datelineNamespace, "status")); {
	case s.Valid() && (a.Status == "" || a.Status == StatusDraft):
		a.Status = s
	case a.Status != "" && a.Status != StatusDraft:
	case correction || a.CorrectionNote != "":
		a.Status = StatusCorrected
	case ps != nil:
		a.Status = statusFromManagement(strings.TrimPrefix(ps.attr("qcode"), "stat:"))
	}
}

// readNewsMLContentMeta fills what the content left empty from
// contentMeta.
func readNewsMLContentMeta(a *Article, cm *xmlNode) {
	const ns = NewsMLNamespace
	if cm == nil {
		return
	}
	if a.Headline == "" {
		a.Headline = oneLine(cm.child(ns, "headline").text())
	}
	if a.Slug == "" {
		a.Slug = oneLine(cm.child(ns, "slugline").text())
	}
	if a.Deck == "" {
		for _, d := range cm.children(ns, "description") {
			if r := d.attr("role"); r == "" || r == "drol:summary" || r == "drol:headline" {
				a.Deck = oneLine(d.text())
				break
			}
		}
	}
	if len(a.Byline.Authors) == 0 {
		if by := oneLine(cm.child(ns, "by").text()); by != "" {
			a.Byline = readNITFByline(textElement("byline", by), "")
		} else {
			for _, c := range cm.children(ns, "creator") {
				if n := oneLine(firstNonEmpty(c.child(ns, "name").text(), c.attr("literal"))); n != "" {
					a.Byline.Authors = append(a.Byline.Authors, n)
				}
			}
		}
	}
	if a.Dateline.IsZero() {
		if dl := oneLine(cm.child(ns, "dateline").text()); dl != "" {
			readNITFDateline(a, textElement("dateline", dl), "")
		}
		if a.Dateline.Place == "" {
			a.Dateline.Place = oneLine(cm.path(ns, "located", "name").text())
		}
		if a.Dateline.Credit == "" {
			a.Dateline.Credit = oneLine(cm.child(ns, "creditline").text())
		}
	}
	if len(a.Tags) == 0 {
		for _, k := range cm.children(ns, "keyword") {
			if t := oneLine(k.text()); t != "" {
				a.Tags = append(a.Tags, t)
			}
		}
		for _, s := range cm.children(ns, "subject") {
			if t := oneLine(s.child(ns, "name").text()); t != "" {
				a.Tags = append(a.Tags, t)
			}
		}
	}
	for _, s := range cm.children(ns, "infoSource") {
		name := oneLine(s.child(ns, "name").text())
		switch {
		case name == "":
		case s.attr("role") == "dl:contributor" && a.Attribution.Kind == "":
			a.Attribution.Kind, a.Attribution.Source = AttributionContributed, name
		case s.attr("role") == "dl:originator" && (a.Attribution.Kind == "" || a.Attribution.Kind == AttributionSyndicated):
			a.Attribution.Kind = AttributionSyndicated
			if a.Attribution.OriginalPublisher == "" {
				a.Attribution.OriginalPublisher = name
			}
			if a.Attribution.OriginalURL == "" {
				a.Attribution.OriginalURL = SafeURL(s.attr("uri"))
			}
		}
	}
}

// textElement is an element of no namespace that holds one text, for
// reading NewsML-G2's text properties with the NITF readers.
func textElement(local, text string) *xmlNode {
	return &xmlNode{Name: xml.Name{Local: local}, Kids: []*xmlNode{{Text: text}}}
}
