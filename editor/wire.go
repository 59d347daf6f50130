package editor

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// RenderWireText renders a as plain-text wire copy, one paragraph per line
// (ARTICLE.md): the advisories, the headline and deck when set (with the
// body's typography, Typeset), the byline, the body with the dateline
// run-in opening its first paragraph, the contributed-material tagline,
// the trailer (reporting credits, end marks), the correction, the
// copyright footer, and the "More …" heading
// with one teaser per line. The text keeps the Typographer's curly quotes
// and dashes and holds no Markdown markup:
//   - emphasis, links and code spans are reduced to their text; images to
//     their alt text; struck-through text and raw HTML are dropped;
//   - headings are a line of their own; block quotes give their paragraphs
//     as lines;
//   - list items are lines that start with "• " (bullets) or "N. " (ordered
//     lists, numbered from the list's start), at every nesting depth;
//   - a table gives one line per row with the cells separated by a tab;
//   - code blocks give one line per non-blank code line;
//   - thematic breaks are dropped;
//   - footnote references read "[N]" and each footnote is a line "[N] text"
//     after the body.
//
// Blank lines never appear; every line ends in "\n".
func RenderWireText(a *Article, p Profile, opt RenderOptions) ([]byte, error) {
	f, err := buildExportFrame(a, p, opt)
	if err != nil {
		return nil, fmt.Errorf("export wire text: %w", err)
	}
	lines := appendWireLines(nil, a.Advisories...)
	lines = appendWireLines(lines, Typeset(a.Headline), Typeset(a.Deck), f.Byline)
	lines = append(lines, wireFrameLines(a, p, f)...)
	var buf bytes.Buffer
	for _, l := range lines {
		buf.WriteString(l)
		buf.WriteByte('\n')
	}
	return buf.Bytes(), nil
}

// wireFrameLines are the wire-copy lines of a after the byline: the body
// with its dateline, tagline, correction, footer and related list. The
// wire export and ninjs's text/plain body both use them.
func wireFrameLines(a *Article, p Profile, f Frame) []string {
	lines := appendWireLines(WireBodyLines(a, p.Dash), f.Tagline)
	lines = appendWireLines(lines, a.Trailer...)
	lines = appendWireLines(lines, f.Correction, f.Footer)
	if len(f.Related) > 0 {
		lines = appendWireLines(lines, f.RelatedHeading)
		for _, t := range f.Related {
			lines = appendWireLines(lines, t.Text)
		}
	}
	return lines
}

// appendWireLines appends each of ss as one line, leaving out empty ones.
func appendWireLines(lines []string, ss ...string) []string {
	for _, s := range ss {
		if s = oneLine(s); s != "" {
			lines = append(lines, s)
		}
	}
	return lines
}

// oneLine collapses the white space of s, newlines included, into single
// spaces and trims it.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// WireBodyLines flattens a's body, with its dateline run-in, into the lines
// of wire copy as RenderWireText describes.
func WireBodyLines(a *Article, dash string) []string {
	doc, src := ParseArticleBody(a, dash)
	w := &wireWriter{src: src}
	w.blocks(doc, "")
	return w.lines
}

// wireWriter collects the lines of a body; the pending prefix (a list
// marker) goes before the next line only.
type wireWriter struct {
	src   []byte
	lines []string
}

// line adds one line with the prefix, unless the text is blank.
func (w *wireWriter) line(prefix, text string) bool {
	text = strings.TrimSpace(strings.ReplaceAll(text, "\n", " "))
	if text == "" {
		return false
	}
	w.lines = append(w.lines, prefix+text)
	return true
}

// blocks writes the block children of n; prefix goes before the first line
// written.
func (w *wireWriter) blocks(n ast.Node, prefix string) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if w.block(c, prefix) {
			prefix = ""
		}
	}
}

// block writes one block node and reports whether it wrote a line.
func (w *wireWriter) block(n ast.Node, prefix string) bool {
	before := len(w.lines)
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock, *ast.Heading:
		w.line(prefix, w.inline(n))
	case *ast.List:
		start := n.Start
		if start == 0 {
			start = 1
		}
		i := 0
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			marker := "• "
			if n.IsOrdered() {
				marker = strconv.Itoa(start+i) + string(n.Marker) + " "
			}
			p := marker
			if i == 0 && prefix != "" {
				p = prefix + marker
			}
			w.blocks(item, p)
			i++
		}
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			if w.line(prefix, string(seg.Value(w.src))) {
				prefix = ""
			}
		}
	case *ast.ThematicBreak, *ast.HTMLBlock:
	case *east.Table:
		for row := n.FirstChild(); row != nil; row = row.NextSibling() {
			var cells []string
			for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
				cells = append(cells, strings.TrimSpace(w.inline(cell)))
			}
			if w.line(prefix, strings.Join(cells, "\t")) {
				prefix = ""
			}
		}
	case *east.FootnoteList:
		for fn := n.FirstChild(); fn != nil; fn = fn.NextSibling() {
			if f, ok := fn.(*east.Footnote); ok {
				w.blocks(f, "["+strconv.Itoa(f.Index)+"] ")
			}
		}
	default:
		w.blocks(n, prefix)
	}
	return len(w.lines) > before
}

// inline returns the plain text of n's inline children.
func (w *wireWriter) inline(n ast.Node) string {
	var b strings.Builder
	w.inlineTo(&b, n)
	return b.String()
}

func (w *wireWriter) inlineTo(b *strings.Builder, n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(w.src)
			if c.IsRaw() {
				b.Write(v)
			} else {
				b.WriteString(resolveText(v))
			}
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			if c.IsCode() || c.IsRaw() {
				b.Write(c.Value)
			} else {
				b.WriteString(resolveText(c.Value))
			}
		case *DatelineRunIn:
			b.WriteString(c.PlainText())
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if s, ok := t.(*ast.Text); ok {
					b.Write(s.Segment.Value(w.src))
				} else if s, ok := t.(*ast.String); ok {
					b.Write(s.Value)
				}
			}
		case *ast.AutoLink:
			b.Write(c.Label(w.src))
		case *ast.RawHTML:
		case *east.Strikethrough:
			// Struck-through words are deleted copy: leaving them in
			// would reverse the meaning. One space stays between the
			// words around them.
			if next := c.NextSibling(); next != nil && strings.HasSuffix(b.String(), " ") {
				if t, ok := next.(*ast.Text); ok {
					for t.Segment.Len() > 0 && w.src[t.Segment.Start] == ' ' {
						t.Segment = t.Segment.WithStart(t.Segment.Start + 1)
					}
				}
			}
		case *east.FootnoteLink:
			b.WriteString("[" + strconv.Itoa(c.Index) + "]")
		case *east.FootnoteBacklink:
		case *east.TaskCheckBox:
			if c.IsChecked {
				b.WriteString("☑ ")
			} else {
				b.WriteString("☐ ")
			}
		default:
			w.inlineTo(b, c)
		}
	}
}
