package editor

import (
	"bytes"
	"html"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// This file holds what keeps the HTML export valid for validators and
// tidy on paper: ids that html-validate accepts and that never collide,
// body headings shifted under the page's <h1> headline, autolinks marked
// so the print stylesheet does not print their URL twice, and the <title>
// fallback. The stylesheet (assets/export.css) holds every style; no
// element carries a style attribute.

// Footnote ids: goldmark writes "fn:1" and "fnref:1", which html-validate
// rejects (valid-id). Dateline writes fn-1, fnref-1 (fnref-1-2 for the
// second reference to the same note). Heading ids never take these forms
// (headingIDs).
const (
	footnoteIDPrefix    = "fn-"
	footnoteRefIDPrefix = "fnref-"
)

// footnoteExtension renders goldmark's footnote links, back-links and
// notes with footnoteIDPrefix ids; the rest (the list, the classes and
// roles) is goldmark's. It also writes task boxes with bare boolean
// attributes (checked, not checked=""), as html-validate's
// attribute-boolean-style rule asks. Priority 100 wins over the footnote extension's
// 500, as for tableCellExtension.
type footnoteExtension struct{}

// Extend implements goldmark.Extender.
func (footnoteExtension) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(footnoteRenderer{}, 100)))
}

// footnoteRenderer is the renderer of footnoteExtension.
type footnoteRenderer struct{}

// footnoteRefID is the id of a reference to note index; refIndex counts
// further references to the same note from 1.
func footnoteRefID(index, refIndex int) string {
	id := footnoteRefIDPrefix + strconv.Itoa(index)
	if refIndex > 0 {
		id += "-" + strconv.Itoa(refIndex+1)
	}
	return id
}

// RegisterFuncs implements renderer.NodeRenderer.
func (footnoteRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(east.KindFootnoteLink, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			n := node.(*east.FootnoteLink)
			is := strconv.Itoa(n.Index)
			_, _ = w.WriteString(`<sup id="` + footnoteRefID(n.Index, n.RefIndex) + `"><a href="#` + footnoteIDPrefix + is +
				`" class="footnote-ref" role="doc-noteref">` + is + `</a></sup>`)
		}
		return ast.WalkContinue, nil
	})
	reg.Register(east.KindFootnoteBacklink, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			n := node.(*east.FootnoteBacklink)
			_, _ = w.WriteString(`&#160;<a href="#` + footnoteRefID(n.Index, n.RefIndex) +
				`" class="footnote-backref" role="doc-backlink">&#x21a9;&#xfe0e;</a>`)
		}
		return ast.WalkContinue, nil
	})
	reg.Register(east.KindTaskCheckBox, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			if node.(*east.TaskCheckBox).IsChecked {
				_, _ = w.WriteString(`<input checked disabled type="checkbox"> `)
			} else {
				_, _ = w.WriteString(`<input disabled type="checkbox"> `)
			}
		}
		return ast.WalkContinue, nil
	})
	reg.Register(east.KindFootnote, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			n := node.(*east.Footnote)
			_, _ = w.WriteString(`<li id="` + footnoteIDPrefix + strconv.Itoa(n.Index) + "\">\n")
		} else {
			_, _ = w.WriteString("</li>\n")
		}
		return ast.WalkContinue, nil
	})
}

// headingIDs generates the automatic heading ids of a body: goldmark's
// rule (ASCII letters and digits lower-cased, spaces to hyphens, "-1"
// suffixes for repeats), made valid for html-validate and kept apart from
// the footnote ids: an id that does not start with a letter, or that could
// be a footnote id, gets the prefix "h-".
type headingIDs struct {
	taken map[string]bool
}

// newHeadingIDs returns an empty id set for one body.
func newHeadingIDs() *headingIDs {
	return &headingIDs{taken: map[string]bool{}}
}

// Generate implements parser.IDs.
func (s *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	var b []byte
	for _, c := range bytes.TrimSpace(value) {
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			b = append(b, c)
		case 'A' <= c && c <= 'Z':
			b = append(b, c+'a'-'A')
		case c == ' ' || c == '\t' || c == '-' || c == '_':
			b = append(b, '-')
		}
	}
	id := string(b)
	switch {
	case id == "":
		id = "heading"
	case id[0] < 'a' || id[0] > 'z', strings.HasPrefix(id, footnoteIDPrefix), strings.HasPrefix(id, footnoteRefIDPrefix):
		id = "h-" + id
	}
	if s.taken[id] {
		for i := 1; ; i++ {
			if c := id + "-" + strconv.Itoa(i); !s.taken[c] {
				id = c
				break
			}
		}
	}
	s.taken[id] = true
	return []byte(id)
}

// Put implements parser.IDs.
func (s *headingIDs) Put(value []byte) {
	s.taken[string(value)] = true
}

// newParseContext is the parser context of one body: its heading ids.
func newParseContext() parser.Context {
	return parser.NewContext(parser.WithIDs(newHeadingIDs()))
}

// MaxHeadingLevel is the deepest HTML heading level.
const MaxHeadingLevel = 6

// prepareHTMLBody readies a sanitised body AST for the HTML renderer: with
// a headline on the page (its <h1>), body headings move one level down (#
// becomes <h2>, capped at <h6>: a body ###### keeps <h6> with the class
// bodyH6Class, so the importer tells it from #####), and autolinks get the class "url", which
// the print stylesheet reads to print every other link's target once after
// its text.
func prepareHTMLBody(doc ast.Node, shiftHeadings bool) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			switch {
			case !shiftHeadings:
			case n.Level < MaxHeadingLevel:
				n.Level++
			default:
				n.SetAttributeString("class", []byte(bodyH6Class))
			}
		case *ast.AutoLink:
			n.SetAttributeString("class", []byte("url"))
		}
		return ast.WalkContinue, nil
	})
}

// UntitledStory is the page title of an article with no headline, no deck
// and no text.
const UntitledStory = "Untitled story"

// titleWords is how many words of the body an untitled page's title takes.
const titleWords = 12

// HTMLTitle is the <title> of a's page: the headline, else the deck, else
// the first words of the body's text, else UntitledStory. It is never
// empty.
func HTMLTitle(a *Article) string {
	if t := firstNonEmpty(Typeset(a.Headline), Typeset(a.Deck)); t != "" {
		return t
	}
	doc, src := ParseBody(a.PublicBody())
	var b strings.Builder
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			b.Write(n.Segment.Value(src))
			if n.SoftLineBreak() || n.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(n.Value)
		case *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock, *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		if n.Type() == ast.TypeBlock && b.Len() > 0 {
			b.WriteByte(' ')
		}
		return ast.WalkContinue, nil
	})
	words := strings.Fields(b.String())
	if len(words) == 0 {
		return UntitledStory
	}
	if len(words) > titleWords {
		return strings.Join(words[:titleWords], " ") + "…"
	}
	return strings.Join(words, " ")
}

// writeArticleOpen writes the <article> start tag of the fragment. Its
// data-slug and data-status attributes carry what no visible part of the
// page says, so that ParseHTMLArticle reads a Dateline page back whole.
func writeArticleOpen(buf *bytes.Buffer, a *Article) {
	buf.WriteString(`<article class="hentry"`)
	if s := strings.TrimSpace(a.Slug); s != "" {
		buf.WriteString(` data-slug="` + html.EscapeString(s) + `"`)
	}
	if a.Status != "" {
		buf.WriteString(` data-status="` + html.EscapeString(string(a.Status)) + `"`)
	}
	buf.WriteString(">\n")
}
