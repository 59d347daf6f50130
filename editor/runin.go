package editor

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// KindDatelineRunIn is the ast.NodeKind of DatelineRunIn.
var KindDatelineRunIn = ast.NewNodeKind("DatelineRunIn")

// DatelineRunIn is an inline node that opens the first body paragraph with
// the dateline, "NAIROBI, Kenya (Harbor Times) – ". ParseArticleBody inserts
// it; every renderer (HTML, preview, wire text) draws it from its parts.
type DatelineRunIn struct {
	ast.BaseInline
	// Lead is the place and date part, "NAIROBI, Kenya, Jan. 21", or "".
	Lead string
	// Credit is the credited outlet without parentheses, or "".
	Credit string
	// Dash is the dash that ends the run-in.
	Dash string
}

// Kind implements ast.Node.
func (n *DatelineRunIn) Kind() ast.NodeKind { return KindDatelineRunIn }

// Dump implements ast.Node.
func (n *DatelineRunIn) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Lead": n.Lead, "Credit": n.Credit, "Dash": n.Dash}, nil)
}

// PlainText returns the run-in as plain text, exactly as FormatDateline does.
func (n *DatelineRunIn) PlainText() string {
	s := n.Lead
	if n.Credit != "" {
		if s != "" {
			s += " "
		}
		s += "(" + n.Credit + ")"
	}
	return s + " " + n.Dash + " "
}

// NewDatelineRunIn builds the run-in node for d, or returns nil when the
// dateline is empty.
func NewDatelineRunIn(d Dateline, dash string) *DatelineRunIn {
	if d.IsZero() {
		return nil
	}
	if dash == "" {
		dash = DashEn
	}
	var lead []string
	if p := strings.TrimSpace(d.Place); p != "" {
		lead = append(lead, p)
	}
	if !d.Date.IsZero() {
		lead = append(lead, APDate(d.Date))
	}
	return &DatelineRunIn{Lead: strings.Join(lead, ", "), Credit: strings.TrimSpace(d.Credit), Dash: dash}
}

// ParseArticleBody parses a's body with the shared pipeline and inserts the
// dateline run-in at the start of the first top-level paragraph; when the
// body has no paragraph, the run-in gets a paragraph of its own at the top.
// It is the one entry point from an article to the AST that every renderer
// walks.
func ParseArticleBody(a *Article, dash string) (ast.Node, []byte) {
	doc, src := ParseBody(a.PublicBody())
	runIn := NewDatelineRunIn(a.Dateline, dash)
	if runIn == nil {
		return doc, src
	}
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		if p, ok := c.(*ast.Paragraph); ok {
			if first := p.FirstChild(); first != nil {
				p.InsertBefore(p, first, runIn)
			} else {
				p.AppendChild(p, runIn)
			}
			return doc, src
		}
	}
	p := ast.NewParagraph()
	p.AppendChild(p, runIn)
	if first := doc.FirstChild(); first != nil {
		doc.InsertBefore(doc, first, p)
	} else {
		doc.AppendChild(doc, p)
	}
	return doc, src
}

// datelineHTMLRenderer renders DatelineRunIn with hNews classes:
// <span class="dateline">PLACE (<span class="source-org">CREDIT</span>) – </span>.
type datelineHTMLRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (datelineHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindDatelineRunIn, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		n := node.(*DatelineRunIn)
		_, _ = w.WriteString(`<span class="dateline">`)
		_, _ = w.Write(util.EscapeHTML([]byte(n.Lead)))
		if n.Credit != "" {
			if n.Lead != "" {
				_ = w.WriteByte(' ')
			}
			_, _ = w.WriteString(`(<span class="source-org">`)
			_, _ = w.Write(util.EscapeHTML([]byte(n.Credit)))
			_, _ = w.WriteString(`</span>)`)
		}
		_, _ = w.WriteString(" ")
		_, _ = w.Write(util.EscapeHTML([]byte(n.Dash)))
		_, _ = w.WriteString(" </span>")
		return ast.WalkContinue, nil
	})
}

// datelineExtension registers the DatelineRunIn HTML renderer.
type datelineExtension struct{}

// Extend implements goldmark.Extender.
func (datelineExtension) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(datelineHTMLRenderer{}, 500)))
}

// Text implements ast.Node; it returns the run-in's plain text.
func (n *DatelineRunIn) Text(_ []byte) []byte { return []byte(n.PlainText()) }
