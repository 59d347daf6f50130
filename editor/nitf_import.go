package editor

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// ParseNITF reads a NITF document (3.x, with the NITF 3.6 namespace or
// without one, as many agencies send it) into an article; p's templates
// tell the copyright footer. It reads what RenderNITF writes and what
// agencies fill in:
//   - head: title; docdata's doc-id (a UUID becomes the article ID),
//     management-status and Dateline's exact status, correction, ed-msg
//     (to the editor's note: notes to editors are for the desk),
//     date.issue (updated), date.release (published), du-key (slug),
//     doc.copyright, key-list (tags); pubdata (section, publication date,
//     and for syndicated copy the original URL); baselang;
//   - body.head: hedline (hl1 headline, hl2 deck; abstract when there is
//     no hl2), byline (person elements, or its text "By A and B"), byttl,
//     distributor (the dateline credit), dateline (location and
//     story.date, or text such as "BERLIN, Oct. 18 (Reuters) -");
//   - body.content, converted to Markdown (nitf_markdown.go), with the
//     tagline, correction and "More …" list Dateline writes taken out;
//   - body.end: a tagline that is a copyright footer gives the holder,
//     years and, for a syndicated footer, the original publisher; any
//     other tagline, and a bibliography, stay in the body.
//
// A file that is not well-formed XML, nests too deep, is not NITF or holds
// no headline and no text gives an *Error with code EINVALID.
func ParseNITF(data []byte, p Profile) (*Article, error) {
	root, err := parseXMLTree(data, "NITF file")
	if err != nil {
		return nil, err
	}
	if !isNITFRoot(root.Name.Space, root.Name.Local) {
		return nil, Errorf(EINVALID, "the file is not NITF: its root element is %s, not <nitf>", describeXMLName(root))
	}
	a := readNITF(root, p)
	if a.Headline == "" && strings.TrimSpace(a.Body) == "" {
		return nil, Errorf(EINVALID, "the NITF document holds no article: no headline and no text")
	}
	if err := finishImported(a); err != nil {
		return nil, err
	}
	return a, nil
}

// isNITFRoot reports whether an element is a NITF root.
func isNITFRoot(space, local string) bool {
	return local == "nitf" && (space == NITFNamespace || space == "" || strings.HasPrefix(space, "http://iptc.org/std/NITF/"))
}

// sniffNITF: an XML document whose root element is <nitf>.
func sniffNITF(text []byte, _ *FooterReader) bool {
	name, ok := xmlRoot(text)
	return ok && isNITFRoot(name.Space, name.Local)
}

// describeXMLName names an element for a message: <name> and its
// namespace.
func describeXMLName(n *xmlNode) string {
	if n.Name.Space == "" {
		return "<" + n.Name.Local + ">"
	}
	return "<" + n.Name.Local + "> in namespace " + n.Name.Space
}

// readNITF reads a parsed <nitf> element; ParseNITF and the NewsML-G2
// importer's inline NITF share it. The article is not finished (no slug
// or ID checks) and may be empty.
func readNITF(root *xmlNode, p Profile) *Article {
	ns := root.Name.Space
	a := &Article{Language: oneLine(firstNonEmpty(root.attr("baselang"), root.attrNS(xmlLangSpace, "lang")))}
	head := root.child(ns, "head")
	body := root.child(ns, "body")
	readNITFDocdata(a, head.child(ns, "docdata"), ns)
	readNITFPubdata(a, head.children(ns, "pubdata"))
	readNITFBodyHead(a, body.child(ns, "body.head"), ns)
	if a.Headline == "" {
		a.Headline = oneLine(head.child(ns, "title").text())
	}
	m := &nitfMarkdown{space: ns}
	var contents []*xmlNode
	for _, c := range body.children(ns, "body.content") {
		contents = append(contents, takeNITFFrame(a, c, ns))
	}
	if head.child(ns, "docdata").attrNS(datelineNamespace, "status") == "" && len(contents) > 0 {
		// Agency copy often opens the story with the dateline run-in as
		// well; Dateline's own files never do.
		takeNITFRunIn(a, contents[0], ns)
	}
	var extra []string
	if end := body.child(ns, "body.end"); end != nil {
		extra = readNITFBodyEnd(a, end, ns, NewFooterReader(p), m)
	}
	a.Body = m.body(contents...)
	if len(extra) > 0 {
		a.Body = strings.TrimSpace(a.Body + "\n\n" + strings.Join(extra, "\n\n"))
	}
	return a
}

// xmlLangSpace is the namespace of xml:lang.
const xmlLangSpace = "http://www.w3.org/XML/1998/namespace"

// readNITFDocdata reads <docdata>.
func readNITFDocdata(a *Article, d *xmlNode, ns string) {
	if d == nil {
		a.Status = StatusDraft
		return
	}
	for _, k := range d.Kids {
		if k.isText() || k.Name.Space != ns {
			continue
		}
		switch k.Name.Local {
		case "doc-id":
			if id := strings.TrimSpace(k.attr("id-string")); isUUID(id) {
				a.ID = id
			}
		case "correction":
			if info := strings.TrimSpace(k.attr("info")); info != "" {
				a.CorrectionNote = info
			}
		case "ed-msg":
			if info := strings.TrimSpace(firstNonEmpty(k.attr("info"), k.text())); info != "" {
				a.EditorsNote = strings.TrimSpace(a.EditorsNote + "\n" + info)
			}
		case "date.issue":
			if t, ok := parseNITFNorm(k.attr("norm")); ok {
				a.Updated = t
			}
		case "date.release":
			if t, ok := parseNITFNorm(k.attr("norm")); ok {
				a.Published = t
			}
		case "du-key":
			a.Slug = strings.TrimSpace(k.attr("key"))
		case "doc.copyright":
			a.Copyright.Holder = oneLine(k.attr("holder"))
			if y, err := strconv.Atoi(strings.TrimSpace(k.attr("year"))); err == nil && y > 0 && y < 10000 {
				a.Copyright.Year = y
			}
		case "key-list":
			for _, kw := range k.children(ns, "keyword") {
				if t := oneLine(kw.attr("key")); t != "" {
					a.Tags = append(a.Tags, t)
				}
			}
		}
	}
	if t, err := time.Parse(time.RFC3339Nano, d.attrNS(datelineNamespace, "created")); err == nil {
		a.Created = t
	}
	if a.Created.IsZero() {
		a.Created = a.Updated
	}
	switch s := Status(d.attrNS(datelineNamespace, "status")); {
	case s.Valid():
		a.Status = s
	case a.CorrectionNote != "":
		a.Status = StatusCorrected
	default:
		a.Status = statusFromManagement(d.attr("management-status"))
	}
}

// readNITFPubdata reads the section, the publication date and, for
// syndicated copy, the original publication.
func readNITFPubdata(a *Article, pubs []*xmlNode) {
	for _, pd := range pubs {
		if a.Section == "" {
			a.Section = oneLine(pd.attr("position.section"))
		}
		if a.Published.IsZero() {
			if t, ok := parseNITFNorm(pd.attr("date.publication")); ok {
				a.Published = t
			}
		}
		if pd.attrNS(datelineNamespace, "role") == "original" {
			a.Attribution.Kind = AttributionSyndicated
			a.Attribution.OriginalPublisher = oneLine(pd.attr("name"))
			a.Attribution.OriginalURL = SafeURL(pd.attr("ex-ref"))
		}
	}
}

// readNITFBodyHead reads the headline, deck, byline, credit and dateline.
func readNITFBodyHead(a *Article, bh *xmlNode, ns string) {
	if bh == nil {
		return
	}
	if hl := bh.child(ns, "hedline"); hl != nil {
		a.Headline = oneLine(hl.child(ns, "hl1").text())
		if d := hl.child(ns, "hl2"); d != nil {
			a.Deck = oneLine(d.text())
		}
	}
	if a.Deck == "" {
		a.Deck = oneLine(bh.child(ns, "abstract").text())
	}
	if by := bh.child(ns, "byline"); by != nil {
		a.Byline = readNITFByline(by, ns)
	}
	a.Dateline.Credit = oneLine(bh.child(ns, "distributor").text())
	if dl := bh.child(ns, "dateline"); dl != nil {
		readNITFDateline(a, dl, ns)
	}
}

// readNITFByline reads a byline: its person elements and byttl, or else
// its text as "By A, B and C, Title".
func readNITFByline(by *xmlNode, ns string) Byline {
	var b Byline
	for _, p := range by.children(ns, "person") {
		if n := oneLine(p.text()); n != "" {
			b.Authors = append(b.Authors, n)
		}
	}
	b.Title = oneLine(by.child(ns, "byttl").text())
	if len(b.Authors) > 0 {
		return b
	}
	text := oneLine(by.text())
	if t := b.Title; t != "" {
		text = strings.TrimSuffix(strings.TrimSpace(strings.TrimSuffix(text, t)), ",")
	}
	if !strings.HasPrefix(strings.ToLower(text), "by ") {
		text = "by " + text
	}
	names := strings.TrimSpace(text[3:])
	if names == "" {
		return Byline{}
	}
	for _, part := range strings.Split(names, ", ") {
		for _, n := range strings.Split(part, " and ") {
			if n = strings.TrimSpace(n); n != "" {
				b.Authors = append(b.Authors, n)
			}
		}
	}
	return b
}

// nitfDatelineText reads a dateline written as text: "PLACE, DATE
// (CREDIT) –" with any of the parts and dashes missing.
var nitfDatelineText = regexp.MustCompile(`^(.*?)\s*(?:\(([^()]*)\))?\s*(?:-{1,3}|–|—|_)?\s*$`)

// readNITFDateline reads a dateline: location and story.date elements, or
// the same parts as text.
func readNITFDateline(a *Article, dl *xmlNode, ns string) {
	year := a.PublicationDate().Year()
	if a.PublicationDate().IsZero() {
		year = time.Now().Year()
	}
	if sd := dl.child(ns, "story.date"); sd != nil {
		if t, ok := parseNITFNorm(sd.attr("norm")); ok {
			a.Dateline.Date = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
		} else if t, ok := ParseAPDate(oneLine(sd.text()), year); ok {
			a.Dateline.Date = t
		}
	}
	if loc := dl.child(ns, "location"); loc != nil {
		a.Dateline.Place = oneLine(loc.text())
		return
	}
	// Text only: the story.date's text is not part of the place.
	var text strings.Builder
	for _, k := range dl.Kids {
		if !k.is(ns, "story.date") {
			text.WriteString(k.text())
		}
	}
	m := nitfDatelineText.FindStringSubmatch(oneLine(text.String()))
	if m == nil {
		return
	}
	place := strings.TrimSuffix(strings.TrimSpace(m[1]), ",")
	if i := strings.LastIndex(place, ", "); i >= 0 && a.Dateline.Date.IsZero() {
		if t, ok := ParseAPDate(place[i+2:], year); ok {
			a.Dateline.Date, place = t, place[:i]
		}
	}
	a.Dateline.Place = strings.TrimSpace(place)
	if c := oneLine(m[2]); c != "" && a.Dateline.Credit == "" {
		a.Dateline.Credit = c
	}
}

// takeNITFFrame takes the frame parts Dateline writes out of a
// body.content element: <p class="tagline">, <p class="correction"> and
// <block class="related">. It returns the element with the rest.
func takeNITFFrame(a *Article, c *xmlNode, ns string) *xmlNode {
	rest := &xmlNode{Name: c.Name, Attr: c.Attr}
	for _, k := range c.Kids {
		switch {
		case k.is(ns, "p") && k.attr("class") == "tagline":
			if source, ok := ParseTagline(oneLine(k.text())); ok {
				a.Attribution.Kind, a.Attribution.Source = AttributionContributed, source
				continue
			}
		case k.is(ns, "p") && k.attr("class") == "correction":
			if a.CorrectionNote == "" {
				a.CorrectionNote = oneLine(k.text())
			}
			if a.Status == StatusDraft || a.Status == "" {
				a.Status = StatusCorrected
			}
			continue
		case k.is(ns, "block") && k.attr("class") == "related":
			for _, ul := range k.Kids {
				for _, li := range ul.children(ns, "li") {
					t := Teaser{Text: oneLine(li.text())}
					if link := li.child(ns, "a"); link != nil {
						t.URL = SafeURL(link.attr("href"))
					}
					if t.Text != "" {
						a.Related = append(a.Related, t)
					}
				}
			}
			continue
		}
		rest.Kids = append(rest.Kids, k)
	}
	return rest
}

// readNITFBodyEnd reads body.end: a tagline that is a copyright footer
// sets the copyright (and, written by a syndicated template, the original
// publisher). Any other tagline and the bibliography are returned as
// Markdown paragraphs for the end of the body.
func readNITFBodyEnd(a *Article, end *xmlNode, ns string, fr *FooterReader, m *nitfMarkdown) []string {
	var extra []string
	for _, k := range end.Kids {
		if !k.is(ns, "tagline", "bibliography") {
			continue
		}
		text := oneLine(k.text())
		if text == "" {
			continue
		}
		if k.Name.Local == "tagline" {
			if f, ok := fr.ReadFooter(text); ok {
				a.Copyright = f.Copyright
				if f.Kind == AttributionSyndicated {
					a.Attribution.Kind = AttributionSyndicated
					if a.Attribution.OriginalPublisher == "" {
						a.Attribution.OriginalPublisher = f.Publisher
					}
				}
				continue
			}
			if source, ok := ParseTagline(text); ok && a.Attribution.Kind == "" {
				a.Attribution.Kind, a.Attribution.Source = AttributionContributed, source
				continue
			}
		}
		if s := m.paragraph(k.Kids); s != "" {
			extra = append(extra, s)
		}
	}
	return extra
}

// parseNITFNorm reads a NITF norm date: 20260121T093000+0000,
// 20260121T093000Z, 20260121, or RFC 3339. A zero offset gives UTC.
func parseNITFNorm(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	for _, layout := range []string{nitfNormLayout, "20060102T150405Z0700", "20060102T150405", "20060102T1504-0700", "20060102", time.RFC3339Nano} {
		if t, err := time.Parse(layout, s); err == nil {
			if _, off := t.Zone(); off == 0 {
				t = t.UTC()
			}
			return t, true
		}
	}
	return time.Time{}, false
}

// nitfRunIn matches a dateline run-in at the start of a paragraph:
// "PLACE, DATE (CREDIT) – " with any dash (a hyphen only after a credit),
// or "PLACE – " with a spaced en or em dash or "--".
var nitfRunIn = regexp.MustCompile(`^\s*(?:([^()]{1,80}?)\s*\(([^()]{1,60})\)\s*(?:--|—|–|-|_)|([^()]{1,80}?)\s+(?:--|—|–|_))\s*`)

// takeNITFRunIn takes a dateline run-in off the first paragraph of agency
// copy: one that repeats the dateline of body.head, or, when there is
// none, one whose place is in capitals, which then becomes the dateline.
func takeNITFRunIn(a *Article, content *xmlNode, ns string) {
	p := firstNITFParagraph(content, ns)
	if p == nil || len(p.Kids) == 0 || !p.Kids[0].isText() {
		return
	}
	first := p.Kids[0]
	m := nitfRunIn.FindStringSubmatchIndex(first.Text)
	if m == nil || m[1] >= len(strings.TrimRight(first.Text, " \t\r\n")) {
		return
	}
	lead, credit := "", ""
	if m[2] >= 0 {
		lead, credit = first.Text[m[2]:m[3]], first.Text[m[4]:m[5]]
	} else {
		lead = first.Text[m[6]:m[7]]
	}
	lead, credit = oneLine(lead), oneLine(credit)
	year := a.PublicationDate().Year()
	if a.PublicationDate().IsZero() {
		year = time.Now().Year()
	}
	place, date := lead, time.Time{}
	if i := strings.LastIndex(lead, ", "); i >= 0 {
		if t, ok := ParseAPDate(lead[i+2:], year); ok {
			place, date = lead[:i], t
		}
	}
	switch {
	case a.Dateline.IsZero():
		if place == "" || strings.ToUpper(place) != place || !strings.ContainsFunc(place, func(r rune) bool { return r >= 'A' && r <= 'Z' }) {
			return
		}
		a.Dateline = Dateline{Place: place, Date: date, Credit: credit}
	case !strings.EqualFold(place, a.Dateline.Place):
		return
	default:
		if a.Dateline.Credit == "" {
			a.Dateline.Credit = credit
		}
		if a.Dateline.Date.IsZero() {
			a.Dateline.Date = date
		}
	}
	first.Text = first.Text[m[1]:]
}

// firstNITFParagraph returns the first block of content when it is a
// paragraph, looking into block containers.
func firstNITFParagraph(n *xmlNode, ns string) *xmlNode {
	for _, k := range n.Kids {
		switch {
		case k.isText():
			if strings.TrimSpace(k.Text) != "" {
				return nil
			}
		case k.is(ns, "p"):
			return k
		case k.is(ns, "block"):
			return firstNITFParagraph(k, ns)
		default:
			return nil
		}
	}
	return nil
}
