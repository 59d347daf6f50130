package editor

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/strikethrough"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/table"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ParseHTMLArticle reads an HTML article: a page or fragment that Dateline
// exported, or a news page from elsewhere. It reads, where present:
//   - the schema.org NewsArticle JSON-LD block (headline, authors, dates,
//     identifier, keywords, language, copyright, isBasedOn);
//   - the hNews classes (entry-title, deck or entry-summary, byline with fn
//     names, dateline, tagline, correction, item-license, the related
//     aside), falling back to the first h1, the page title and the meta
//     description;
//   - the body: div.entry-content, else the <article>, <main> or <body>,
//     with scripts, styles, navigation and the parts above taken out,
//     converted to Markdown by html-to-markdown (CommonMark, GFM tables and
//     strikethrough).
//
// The footer is read by the FooterReader of p's templates, as
// ParseWireText reads it. Empty, binary, non-UTF-8 or oversized input
// gives an *Error with code EINVALID, as does a page with neither headline
// nor body.
func ParseHTMLArticle(data []byte, p Profile) (*Article, error) {
	text, err := checkImportText(data, "HTML file")
	if err != nil {
		return nil, err
	}
	doc, err := html.Parse(bytes.NewReader(text))
	if err != nil {
		return nil, Errorf(EINVALID, "the HTML file cannot be parsed: %v", err)
	}
	r := &htmlReader{a: &Article{}, doc: doc, root: htmlArticleRoot(doc)}
	ld := readNewsArticleLD(doc)
	r.readHead(ld)
	r.readFrame(NewFooterReader(p))
	if err := r.readBody(); err != nil {
		return nil, err
	}
	a := r.a
	if a.Headline == "" && a.Body == "" {
		return nil, Errorf(EINVALID, "the HTML file holds no article: no headline and no text")
	}
	ld.apply(a)
	r.readArticleData()
	if lang := htmlAttr(firstElement(doc, func(n *html.Node) bool { return n.DataAtom == atom.Html }), "lang"); lang != "" && a.Language == "" {
		a.Language = lang
	}
	if err := finishImported(a); err != nil {
		return nil, err
	}
	return a, nil
}

// htmlReader is the state of one ParseHTMLArticle: the article read so
// far, the page and the element the article is in, and the elements taken
// out of the body because they were read as something else.
type htmlReader struct {
	a         *Article
	doc, root *html.Node
	remove    []*html.Node
	// h1Headline is set when the headline was the page's <h1>: body
	// headings then stand one level below it (h2 is the body's #).
	h1Headline bool
}

// htmlArticleRoot is the element that holds the article: the hNews
// article, else the first <article>, <main> or <body>, else the document.
func htmlArticleRoot(doc *html.Node) *html.Node {
	for _, match := range []func(*html.Node) bool{
		func(n *html.Node) bool { return n.DataAtom == atom.Article && hasHTMLClass(n, "hentry") },
		func(n *html.Node) bool { return n.DataAtom == atom.Article },
		func(n *html.Node) bool { return n.DataAtom == atom.Main },
		func(n *html.Node) bool { return n.DataAtom == atom.Body },
	} {
		if root := firstElement(doc, match); root != nil {
			return root
		}
	}
	return doc
}

// take returns the text of the first element under the root that matches
// and marks it for removal from the body.
func (r *htmlReader) take(match func(*html.Node) bool) (string, *html.Node) {
	n := firstElement(r.root, match)
	if n == nil {
		return "", nil
	}
	r.remove = append(r.remove, n)
	return oneLine(nodeText(n)), n
}

// readHead reads the headline, deck and byline, falling back to the
// JSON-LD block and the page's title and meta elements.
func (r *htmlReader) readHead(ld newsArticleLD) {
	a, doc := r.a, r.doc
	var h *html.Node
	a.Headline, h = r.take(func(n *html.Node) bool { return hasHTMLClass(n, "entry-title") })
	if a.Headline == "" {
		a.Headline, h = r.take(func(n *html.Node) bool { return n.DataAtom == atom.H1 })
	}
	r.h1Headline = a.Headline != "" && h != nil && h.DataAtom == atom.H1
	if a.Headline == "" {
		a.Headline = firstNonEmpty(ld.Headline, oneLine(nodeText(firstElement(doc, func(n *html.Node) bool { return n.DataAtom == atom.Title }))))
	}
	a.Deck, _ = r.take(func(n *html.Node) bool { return hasHTMLClass(n, "deck") || hasHTMLClass(n, "entry-summary") })
	if a.Deck == "" {
		a.Deck = firstNonEmpty(ld.Description, metaContent(doc, "description"))
	}
	if by, n := r.take(func(n *html.Node) bool { return hasHTMLClass(n, "byline") }); n != nil {
		if b, ok := parseWireByline(by); ok {
			a.Byline = b
		} else {
			for _, fn := range allElements(n, func(n *html.Node) bool { return hasHTMLClass(n, "fn") }) {
				a.Byline.Authors = append(a.Byline.Authors, oneLine(nodeText(fn)))
			}
		}
	}
	if len(a.Byline.Authors) == 0 {
		a.Byline.Authors = ld.authorNames()
	}
	if len(a.Byline.Authors) == 0 {
		if m := metaContent(doc, "author"); m != "" {
			a.Byline.Authors = []string{m}
		}
	}
}

// readArticleData reads what the export writes on its <article> element
// alone: data-slug and data-status. A slug or status that is not valid is
// ignored; finishImported then makes one up as for any other page.
func (r *htmlReader) readArticleData() {
	if CheckSlug(htmlAttr(r.root, "data-slug")) == nil {
		r.a.Slug = htmlAttr(r.root, "data-slug")
	}
	if s := Status(htmlAttr(r.root, "data-status")); s.Valid() {
		r.a.Status = s
	}
	r.readHNewsTimes()
}

// readHNewsTimes reads the hNews dates the export writes in its
// entry-dates element (writeHNewsTimes): "published" and "updated" <time>
// elements with a datetime. They count where the page's JSON-LD gave none,
// as in a fragment, which has no JSON-LD.
func (r *htmlReader) readHNewsTimes() {
	for _, n := range allElements(r.root, func(n *html.Node) bool { return n.DataAtom == atom.Time }) {
		t, ok := parseFrontMatterTime(htmlAttr(n, "datetime"))
		if !ok {
			continue
		}
		switch {
		case hasHTMLClass(n, "published") && r.a.Published.IsZero():
			r.a.Published = t
		case hasHTMLClass(n, "updated") && r.a.Updated.IsZero():
			r.a.Updated = t
		}
	}
}

// readFrame reads the frame parts after the body: tagline, correction,
// copyright footer and the related list.
func (r *htmlReader) readFrame(fr *FooterReader) {
	a := r.a
	if s, _ := r.take(func(n *html.Node) bool { return hasHTMLClass(n, "tagline") }); s != "" {
		if source, ok := ParseTagline(s); ok {
			a.Attribution = Attribution{Kind: AttributionContributed, Source: source}
		}
	}
	if s, _ := r.take(func(n *html.Node) bool { return hasHTMLClass(n, "correction") }); s != "" {
		a.CorrectionNote, a.Status = s, StatusCorrected
	}
	if s, _ := r.take(func(n *html.Node) bool { return hasHTMLClass(n, "item-license") }); s != "" {
		if f, ok := fr.ReadFooter(s); ok {
			a.Copyright = f.Copyright
			if f.Kind == AttributionSyndicated {
				a.Attribution = Attribution{Kind: AttributionSyndicated, OriginalPublisher: f.Publisher}
			}
		}
	}
	if _, n := r.take(func(n *html.Node) bool { return n.DataAtom == atom.Aside && hasHTMLClass(n, "related") }); n != nil {
		a.Related = readRelatedList(n)
	}
}

// readRelatedList reads the items of the related aside: text and link.
func readRelatedList(aside *html.Node) []Teaser {
	var out []Teaser
	for _, li := range allElements(aside, func(n *html.Node) bool { return n.DataAtom == atom.Li }) {
		t := Teaser{Text: oneLine(nodeText(li))}
		if link := firstElement(li, func(n *html.Node) bool { return n.DataAtom == atom.A }); link != nil {
			t.URL = SafeURL(htmlAttr(link, "href"))
		}
		if t.Text != "" {
			out = append(out, t)
		}
	}
	return out
}

// readBody reads the dateline, takes out everything read elsewhere and
// the page furniture, and converts the rest of the body to Markdown with
// its footnotes.
func (r *htmlReader) readBody() error {
	a := r.a
	body := firstElement(r.root, func(n *html.Node) bool { return hasHTMLClass(n, "entry-content") })
	if body == nil {
		body = r.root
	}
	if dl := firstElement(body, func(n *html.Node) bool { return hasHTMLClass(n, "dateline") }); dl != nil {
		year := time.Now().Year()
		if a.Copyright.Year != 0 {
			year = a.Copyright.Year
		}
		if d, _, _, ok := parseWireDateline(strings.TrimSpace(nodeText(dl)), year); ok {
			a.Dateline = d
			r.remove = append(r.remove, dl)
		}
	}
	r.remove = append(r.remove, allElements(body, isPageFurniture)...)
	for _, n := range r.remove {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
	if r.h1Headline {
		raiseHeadings(body)
	}
	subs := prepareHTMLBodyImport(body)
	md, err := htmlToMarkdown(body)
	if err != nil {
		return err
	}
	a.Body = subs.apply(separateLists(md))
	return nil
}

// isPageFurniture reports whether n is an element that is never article
// text: scripts, styles, navigation, headers, footers, asides, forms.
func isPageFurniture(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Nav, atom.Header, atom.Footer, atom.Aside, atom.Form, atom.Noscript, atom.Template, atom.Iframe:
		return true
	}
	return false
}

// htmlToMarkdown converts a body element to Markdown with html-to-markdown,
// goldmark's footnotes turned back into Markdown footnotes.
func htmlToMarkdown(body *html.Node) (string, error) {
	conv := converter.NewConverter(converter.WithPlugins(
		base.NewBasePlugin(),
		commonmark.NewCommonmarkPlugin(),
		table.NewTablePlugin(),
		strikethrough.NewStrikethroughPlugin(),
	))
	notes := takeFootnotes(body)
	md, err := conv.ConvertNode(body)
	if err != nil {
		return "", Errorf(EINVALID, "the HTML body cannot be converted to Markdown: %v", err)
	}
	out := strings.TrimSpace(string(md))
	if len(notes) == 0 {
		return out, nil
	}
	var defs []string
	for _, fn := range notes {
		out = strings.ReplaceAll(out, fn.placeholder, "[^"+fn.label+"]")
		text, err := conv.ConvertNode(fn.node)
		if err != nil {
			return "", Errorf(EINVALID, "the HTML footnotes cannot be converted to Markdown: %v", err)
		}
		defs = append(defs, "[^"+fn.label+"]: "+strings.Join(strings.Fields(string(text)), " "))
	}
	return strings.TrimSpace(out + "\n\n" + strings.Join(defs, "\n")), nil
}

// htmlFootnote is one footnote of goldmark's HTML taken out of a body.
type htmlFootnote struct {
	label, placeholder string
	node               *html.Node
}

// takeFootnotes turns goldmark's footnote markup back into Markdown
// footnotes: each reference <sup><a class="footnote-ref" href="#fn-N">
// becomes a placeholder text that the caller replaces by "[^N]" after
// conversion, and the <div class="footnotes"> list is taken out and
// returned, one note per item without its back-link.
func takeFootnotes(body *html.Node) []htmlFootnote {
	list := firstElement(body, func(n *html.Node) bool {
		return n.DataAtom == atom.Div && hasHTMLClass(n, "footnotes")
	})
	if list == nil {
		return nil
	}
	var notes []htmlFootnote
	for _, li := range allElements(list, func(n *html.Node) bool { return n.DataAtom == atom.Li }) {
		label, ok := cutFootnotePrefix(htmlAttr(li, "id"))
		if !ok || label == "" || !isFootnoteLabel(label) {
			continue
		}
		for _, back := range allElements(li, func(n *html.Node) bool { return hasHTMLClass(n, "footnote-backref") }) {
			back.Parent.RemoveChild(back)
		}
		notes = append(notes, htmlFootnote{label: label, placeholder: "DATELINEFOOTNOTE" + label + "X", node: li})
	}
	for _, ref := range allElements(body, func(n *html.Node) bool { return hasHTMLClass(n, "footnote-ref") }) {
		label, ok := strings.CutPrefix(htmlAttr(ref, "href"), "#")
		if ok {
			label, ok = cutFootnotePrefix(label)
		}
		if !ok || !isFootnoteLabel(label) {
			continue
		}
		target := ref
		if p := ref.Parent; p != nil && p.DataAtom == atom.Sup {
			target = p
		}
		if target.Parent != nil {
			target.Parent.InsertBefore(&html.Node{Type: html.TextNode, Data: "DATELINEFOOTNOTE" + label + "X"}, target)
			target.Parent.RemoveChild(target)
		}
	}
	list.Parent.RemoveChild(list)
	return notes
}

// cutFootnotePrefix returns the label of a footnote id: fn-N as Dateline
// writes it, or fn:N as goldmark and older Dateline versions do.
func cutFootnotePrefix(id string) (string, bool) {
	if label, ok := strings.CutPrefix(id, footnoteIDPrefix); ok {
		return label, true
	}
	return strings.CutPrefix(id, "fn:")
}

// isFootnoteLabel reports whether s is a footnote label this importer
// writes back: letters and digits only.
func isFootnoteLabel(s string) bool {
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return s != ""
}

// newsArticleLD is what ParseHTMLArticle reads from a JSON-LD block.
type newsArticleLD struct {
	Type            any             `json:"@type"`
	Identifier      any             `json:"identifier"`
	Headline        string          `json:"headline"`
	Description     string          `json:"description"`
	Author          json.RawMessage `json:"author"`
	DatePublished   string          `json:"datePublished"`
	DateModified    string          `json:"dateModified"`
	Keywords        json.RawMessage `json:"keywords"`
	InLanguage      string          `json:"inLanguage"`
	IsBasedOn       any             `json:"isBasedOn"`
	CopyrightHolder json.RawMessage `json:"copyrightHolder"`
	CopyrightYear   any             `json:"copyrightYear"`
	ArticleSection  any             `json:"articleSection"`
}

// readNewsArticleLD returns the first JSON-LD object of an article type.
func readNewsArticleLD(doc *html.Node) newsArticleLD {
	for _, s := range allElements(doc, func(n *html.Node) bool {
		return n.DataAtom == atom.Script && strings.EqualFold(htmlAttr(n, "type"), "application/ld+json")
	}) {
		var ld newsArticleLD
		if json.Unmarshal([]byte(nodeText(s)), &ld) != nil {
			continue
		}
		if t, _ := ld.Type.(string); strings.HasSuffix(t, "Article") || t == "ReportageNewsArticle" {
			return ld
		}
	}
	return newsArticleLD{}
}

// names reads a schema.org name or list of names: "A", {"name": "A"} or a
// list of either.
func ldNames(raw json.RawMessage) []string {
	if len(raw) == 0 {
		return nil
	}
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) != nil {
		list = []json.RawMessage{raw}
	}
	var out []string
	for _, item := range list {
		var s string
		var obj struct {
			Name string `json:"name"`
		}
		switch {
		case json.Unmarshal(item, &s) == nil:
		case json.Unmarshal(item, &obj) == nil:
			s = obj.Name
		}
		if s = oneLine(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func (ld newsArticleLD) authorNames() []string { return ldNames(ld.Author) }

// apply fills the fields of a that the page body did not give.
func (ld newsArticleLD) apply(a *Article) {
	if id, ok := ld.Identifier.(string); ok && isUUID(id) {
		a.ID = id
	}
	if t, ok := parseFrontMatterTime(ld.DateModified); ok {
		a.Updated = t
	}
	if t, ok := parseFrontMatterTime(ld.DatePublished); ok {
		a.Published = t
		if a.Updated.IsZero() {
			a.Updated = t
		}
	}
	if len(a.Tags) == 0 {
		kw := ldNames(ld.Keywords)
		if len(kw) == 1 && strings.Contains(kw[0], ",") {
			kw = strings.Split(kw[0], ",")
			for i := range kw {
				kw[i] = strings.TrimSpace(kw[i])
			}
		}
		a.Tags = kw
	}
	if a.Language == "" {
		a.Language = oneLine(ld.InLanguage)
	}
	if s, ok := ld.ArticleSection.(string); ok && a.Section == "" {
		a.Section = oneLine(s)
	}
	if u, ok := ld.IsBasedOn.(string); ok && SafeURL(u) != "" {
		if a.Attribution.Kind == "" {
			a.Attribution.Kind = AttributionSyndicated
		}
		if a.Attribution.Kind == AttributionSyndicated {
			a.Attribution.OriginalURL = u
		}
	}
	if a.Copyright.Holder == "" {
		if h := ldNames(ld.CopyrightHolder); len(h) > 0 {
			a.Copyright.Holder = h[0]
		}
	}
	if a.Copyright.Since == 0 {
		switch y := ld.CopyrightYear.(type) {
		case float64:
			a.Copyright.Since = int(y)
		case string:
			a.Copyright.Since, _ = strconv.Atoi(y)
		}
		if a.Copyright.Year != 0 && a.Copyright.Since > a.Copyright.Year {
			a.Copyright.Since = 0
		}
	}
}

// firstElement returns the first element under n (n included) for which
// match is true, in document order.
func firstElement(n *html.Node, match func(*html.Node) bool) *html.Node {
	if n == nil {
		return nil
	}
	if n.Type == html.ElementNode && match(n) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := firstElement(c, match); f != nil {
			return f
		}
	}
	return nil
}

// allElements returns the outermost elements under n for which match is
// true; it does not look inside a match.
func allElements(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && match(c) {
				out = append(out, c)
				continue
			}
			walk(c)
		}
	}
	if n != nil {
		walk(n)
	}
	return out
}

// nodeText returns the text content of n.
func nodeText(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// htmlAttr returns the value of n's attribute key, or "".
func htmlAttr(n *html.Node, key string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// hasHTMLClass reports whether n has the class.
func hasHTMLClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(htmlAttr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

// metaContent returns the content of <meta name="NAME">.
func metaContent(doc *html.Node, name string) string {
	m := firstElement(doc, func(n *html.Node) bool {
		return n.DataAtom == atom.Meta && strings.EqualFold(htmlAttr(n, "name"), name)
	})
	return oneLine(htmlAttr(m, "content"))
}
