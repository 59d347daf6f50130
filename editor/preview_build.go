package editor

import (
	"bytes"
	"context"
	stdhtml "html"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer/html"
)

// previewFunc renders one node kind: entering starts the node's element,
// leaving finishes it.
type previewFunc func(b *previewBuilder, n ast.Node, entering bool) ast.WalkStatus

// previewFuncs is the dispatch table from node kind to render function.
// Kinds without an entry are walked through, so their text still shows.
var previewFuncs = map[ast.NodeKind]previewFunc{
	ast.KindDocument:          func(*previewBuilder, ast.Node, bool) ast.WalkStatus { return ast.WalkContinue },
	ast.KindParagraph:         (*previewBuilder).paragraph,
	ast.KindTextBlock:         (*previewBuilder).paragraph,
	ast.KindHeading:           (*previewBuilder).heading,
	ast.KindThematicBreak:     (*previewBuilder).thematicBreak,
	ast.KindCodeBlock:         (*previewBuilder).codeBlock,
	ast.KindFencedCodeBlock:   (*previewBuilder).codeBlock,
	ast.KindHTMLBlock:         skipNode,
	ast.KindBlockquote:        (*previewBuilder).blockquote,
	ast.KindList:              (*previewBuilder).list,
	ast.KindListItem:          (*previewBuilder).listItem,
	ast.KindText:              (*previewBuilder).text,
	ast.KindString:            (*previewBuilder).str,
	ast.KindCodeSpan:          (*previewBuilder).codeSpan,
	ast.KindEmphasis:          (*previewBuilder).emphasis,
	ast.KindLink:              (*previewBuilder).link,
	ast.KindAutoLink:          (*previewBuilder).autoLink,
	ast.KindImage:             (*previewBuilder).image,
	ast.KindRawHTML:           skipNode,
	east.KindStrikethrough:    (*previewBuilder).strikethrough,
	east.KindTaskCheckBox:     (*previewBuilder).taskCheckBox,
	east.KindTable:            (*previewBuilder).table,
	east.KindTableHeader:      (*previewBuilder).tableRow,
	east.KindTableRow:         (*previewBuilder).tableRow,
	east.KindTableCell:        (*previewBuilder).tableCell,
	east.KindFootnoteList:     (*previewBuilder).footnoteList,
	east.KindFootnote:         (*previewBuilder).listItem,
	east.KindFootnoteLink:     (*previewBuilder).footnoteLink,
	east.KindFootnoteBacklink: skipNode,
	KindDatelineRunIn:         (*previewBuilder).datelineRunIn,
}

// skipNode draws nothing for a node and its children: raw HTML, which the
// HTML export's safe mode omits, and footnote backlinks, which are
// navigation rather than text.
func skipNode(*previewBuilder, ast.Node, bool) ast.WalkStatus { return ast.WalkSkipChildren }

// container is one open block container on the builder's stack: the
// document, a blockquote, a list, a list item or footnote, or a table.
type container struct {
	blocks []Block
	// list is the open list or table block this container builds.
	list Block
}

// styleState is one entry of the inline style stack.
type styleState struct {
	style InlineStyle
	url   string
}

// previewBuilder walks one AST. Nesting lives in explicit stacks: open
// block containers and inline styles.
type previewBuilder struct {
	src        []byte
	containers []*container
	styles     []styleState
	inlines    []Inline
	row        [][]Inline
	// run collects the text of the last inline while emit merges runs of
	// one style into it, so that a paragraph of many runs is built in
	// linear time; open says whether run belongs to inlines' last entry.
	run  strings.Builder
	open bool
}

// renderPreviewBlocks renders the body AST doc (over src) into blocks.
func renderPreviewBlocks(doc ast.Node, src []byte) []Block {
	blocks, _ := renderPreviewBlocksContext(context.Background(), doc, src)
	return blocks
}

// cancelCheckNodes is how many nodes the builder walks between two looks
// at its context.
const cancelCheckNodes = 512

// renderPreviewBlocksContext is renderPreviewBlocks that stops with ctx's
// error when ctx is done.
func renderPreviewBlocksContext(ctx context.Context, doc ast.Node, src []byte) ([]Block, error) {
	b := &previewBuilder{src: src, containers: []*container{{}}, styles: []styleState{{}}}
	nodes, first := 0, 0
	var lines []int // offsets of the source's line starts, made when needed
	err := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if nodes++; nodes%cancelCheckNodes == 0 {
			if err := ctx.Err(); err != nil {
				return ast.WalkStop, err
			}
		}
		top := n.Parent() == doc
		if top && entering {
			first = len(b.containers[0].blocks)
		}
		st := ast.WalkContinue
		if f, ok := previewFuncs[n.Kind()]; ok {
			st = f(b, n, entering)
		}
		if top && (!entering || st == ast.WalkSkipChildren) {
			if lines == nil {
				lines = lineStarts(src)
			}
			b.markSource(b.containers[0].blocks[first:], n, lines)
		}
		return st, nil
	})
	if err != nil {
		return nil, err
	}
	return b.containers[0].blocks, nil
}

// lineStarts returns the offsets at which the lines of src start.
func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// markSource sets the source line range of blocks, the blocks rendered
// from the top-level node n, from the segments of n and its descendants.
func (b *previewBuilder) markSource(blocks []Block, n ast.Node, lines []int) {
	if len(blocks) == 0 {
		return
	}
	lo, hi := -1, -1
	widen := func(start, stop int) {
		if lo < 0 || start < lo {
			lo = start
		}
		hi = max(hi, stop)
	}
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if c.Type() == ast.TypeBlock {
			if ls := c.Lines(); ls != nil && ls.Len() > 0 {
				widen(ls.At(0).Start, ls.At(ls.Len()-1).Stop)
			}
			return ast.WalkContinue, nil
		}
		if t, ok := c.(*ast.Text); ok {
			widen(t.Segment.Start, t.Segment.Stop)
		}
		return ast.WalkSkipChildren, nil
	})
	if lo < 0 {
		return
	}
	line := func(off int) int { return sort.SearchInts(lines, off+1) - 1 }
	start, end := line(lo), line(max(lo, hi-1))+1
	for i := range blocks {
		blocks[i].SourceStart, blocks[i].SourceEnd = start, end
	}
}

func (b *previewBuilder) top() *container { return b.containers[len(b.containers)-1] }

func (b *previewBuilder) push() { b.containers = append(b.containers, &container{}) }

func (b *previewBuilder) pop() *container {
	c := b.top()
	b.containers = b.containers[:len(b.containers)-1]
	return c
}

func (b *previewBuilder) addBlock(bl Block) { c := b.top(); c.blocks = append(c.blocks, bl) }

// takeInlines returns the inlines collected since the last call.
func (b *previewBuilder) takeInlines() []Inline {
	b.closeRun()
	ins := b.inlines
	b.inlines = nil
	return ins
}

// emit appends text in the current style, merging it into the previous run
// when style and URL agree. Merged text goes into a strings.Builder, not
// by concatenation, which made a paragraph of n runs cost n² (issue 7).
func (b *previewBuilder) emit(text string, extra InlineStyle) {
	if text == "" {
		return
	}
	st := b.styles[len(b.styles)-1]
	style := st.style | extra
	if n := len(b.inlines); n > 0 && b.inlines[n-1].Style == style && b.inlines[n-1].URL == st.url {
		if !b.open {
			b.run.Reset()
			b.run.WriteString(b.inlines[n-1].Text)
			b.open = true
		}
		b.run.WriteString(text)
		return
	}
	b.closeRun()
	b.inlines = append(b.inlines, Inline{Text: text, Style: style, URL: st.url})
}

// closeRun stores the merged text of the last inline.
func (b *previewBuilder) closeRun() {
	if b.open {
		b.inlines[len(b.inlines)-1].Text = b.run.String()
		b.run = strings.Builder{}
		b.open = false
	}
}

func (b *previewBuilder) pushStyle(s InlineStyle, url string) {
	top := b.styles[len(b.styles)-1]
	if s&StyleLink == 0 {
		url = top.url
	}
	b.styles = append(b.styles, styleState{style: top.style | s, url: url})
}

func (b *previewBuilder) popStyle() { b.styles = b.styles[:len(b.styles)-1] }

// safeURL returns url as a string, or "" when the HTML export's safe mode
// would drop it (javascript:, vbscript:, file: and most data: URLs).
func safeURL(url []byte) string {
	if html.IsDangerousURL(url) {
		return ""
	}
	return string(url)
}

// resolveText resolves backslash escapes and entity and numeric character
// references in v exactly as goldmark's HTML writer does, by running that
// writer and unescaping its output. Text without '\\', '&' or NUL, which is
// nearly all text, is returned as it is.
func resolveText(v []byte) string {
	if bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0 && bytes.IndexByte(v, 0) < 0 {
		return string(v)
	}
	var buf bytes.Buffer
	w := bufWriter{&buf}
	html.DefaultWriter.Write(w, v)
	return stdhtml.UnescapeString(buf.String())
}

// bufWriter adapts a bytes.Buffer to util.BufWriter.
type bufWriter struct{ *bytes.Buffer }

// Available implements util.BufWriter.
func (bufWriter) Available() int { return 1 << 20 }

// Buffered implements util.BufWriter.
func (w bufWriter) Buffered() int { return w.Len() }

// Flush implements util.BufWriter.
func (bufWriter) Flush() error { return nil }
