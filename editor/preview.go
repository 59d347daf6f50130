package editor

import (
	"bytes"
	"context"
	"fmt"
	stdhtml "html"
	"sort"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// Preview is the live preview of an article as a neutral document model:
// the frame (headline, deck, byline, tagline, correction, footer and related
// list) around the body blocks rendered from the shared goldmark AST. It
// holds no GUI types; the app maps each Block and Inline 1:1 to rich-text
// segments.
type Preview struct {
	// Blocks are the top-level blocks in reading order.
	Blocks []Block
	// Notices are warnings about the rendering that the preview shows
	// above the article, such as NestingNotice.
	Notices []string
}

// BlockKind says what a Block is and which of its fields are used.
type BlockKind uint8

// The block kinds. Body blocks come first, frame blocks after them.
const (
	// BlockParagraph is a paragraph of Inlines (also the text of a tight
	// list item).
	BlockParagraph BlockKind = iota
	// BlockHeading is a body heading of Level 1–6 with Inlines.
	BlockHeading
	// BlockCode is a fenced or indented code block: Text, and Language
	// for a fenced block with an info string.
	BlockCode
	// BlockQuote is a blockquote whose content is in Children.
	BlockQuote
	// BlockList is a bullet or ordered list: Items, Ordered, Start, Tight.
	BlockList
	// BlockTable is a GFM table: Rows (row 0 is the header) and Align.
	BlockTable
	// BlockRule is a thematic break.
	BlockRule
	// BlockFootnotes is the footnote list at the end of the body; Items
	// are the footnotes in order, numbered from 1.
	BlockFootnotes
	// BlockHeadline is the article headline, in Inlines.
	BlockHeadline
	// BlockDeck is the subheadline, in Inlines.
	BlockDeck
	// BlockByline is the byline line "by A and B, Title", in Inlines.
	BlockByline
	// BlockTagline is "Material from SOURCE contributed to this report."
	BlockTagline
	// BlockCorrection is the public correction note of a corrected story.
	BlockCorrection
	// BlockFooter is the copyright footer paragraph.
	BlockFooter
	// BlockRelatedHeading is the "More …" heading of the related list.
	BlockRelatedHeading
	// BlockRelatedList is the list of teasers; each item is one paragraph.
	BlockRelatedList
)

var blockKindNames = [...]string{
	BlockParagraph: "Paragraph", BlockHeading: "Heading", BlockCode: "Code", BlockQuote: "Quote",
	BlockList: "List", BlockTable: "Table", BlockRule: "Rule", BlockFootnotes: "Footnotes",
	BlockHeadline: "Headline", BlockDeck: "Deck", BlockByline: "Byline", BlockTagline: "Tagline",
	BlockCorrection: "Correction", BlockFooter: "Footer", BlockRelatedHeading: "RelatedHeading",
	BlockRelatedList: "RelatedList",
}

// String returns the kind's name, as used in preview dumps.
func (k BlockKind) String() string {
	if int(k) < len(blockKindNames) {
		return blockKindNames[k]
	}
	return "BlockKind(" + strconv.Itoa(int(k)) + ")"
}

// Alignment is the alignment of a table column.
type Alignment uint8

// The table column alignments, as in the GFM delimiter row.
const (
	// AlignNone is a column without an alignment colon.
	AlignNone Alignment = iota
	// AlignLeft is ":---".
	AlignLeft
	// AlignCenter is ":---:".
	AlignCenter
	// AlignRight is "---:".
	AlignRight
)

// String returns "none", "left", "center" or "right".
func (a Alignment) String() string {
	switch a {
	case AlignLeft:
		return "left"
	case AlignCenter:
		return "center"
	case AlignRight:
		return "right"
	}
	return "none"
}

// Block is one block of the preview. Which fields are set depends on Kind.
type Block struct {
	// Kind says what the block is.
	Kind BlockKind
	// Level is the heading level 1–6 of a BlockHeading.
	Level int
	// Inlines is the text of paragraphs, headings and frame lines.
	Inlines []Inline
	// Children are the blocks inside a BlockQuote.
	Children []Block
	// Items are the items of lists, footnotes and the related list; each
	// item is a sequence of blocks.
	Items [][]Block
	// Ordered marks an ordered list.
	Ordered bool
	// Start is the first number of an ordered list.
	Start int
	// Tight marks a list whose items are not separated by blank lines.
	Tight bool
	// Text is the verbatim content of a BlockCode, lines ending in "\n".
	Text string
	// Language is the info string's first word of a fenced code block.
	Language string
	// Rows are the cells of a BlockTable; Rows[0] is the header row.
	Rows [][][]Inline
	// Align holds one alignment per table column.
	Align []Alignment
	// SourceStart and SourceEnd are the lines of the body (counted from 0,
	// SourceEnd exclusive) that a top-level body block was rendered from,
	// so that the preview can follow the paragraph being edited. SourceEnd
	// is 0 for frame blocks and nested blocks.
	SourceStart, SourceEnd int
}

// InlineStyle is a set of style flags of an Inline.
type InlineStyle uint16

// The inline style flags; nested markup combines them.
const (
	// StyleStrong is **strong** text.
	StyleStrong InlineStyle = 1 << iota
	// StyleEmphasis is *emphasised* text.
	StyleEmphasis
	// StyleCode is an inline code span.
	StyleCode
	// StyleStrike is ~~struck through~~ text.
	StyleStrike
	// StyleLink is the text of a link or autolink; URL holds the destination.
	StyleLink
	// StyleImage is the placeholder "[Image: alt]" of an image.
	StyleImage
	// StyleFootnoteRef is a footnote reference number.
	StyleFootnoteRef
	// StyleCheckbox is a task list check box, "☐ " or "☑ ".
	StyleCheckbox
	// StyleDateline is the dateline run-in that opens the first paragraph.
	StyleDateline
	// StyleByline is the byline text.
	StyleByline
)

var inlineStyleNames = []string{"strong", "em", "code", "strike", "link", "image", "fnref", "checkbox", "dateline", "byline"}

// String returns the style's flags joined by "+", or "" for plain text.
func (s InlineStyle) String() string {
	var names []string
	for i, n := range inlineStyleNames {
		if s&(1<<i) != 0 {
			names = append(names, n)
		}
	}
	return strings.Join(names, "+")
}

// Inline is a run of text with one style. Adjacent runs of equal style and
// URL are merged.
type Inline struct {
	// Text is the run's text, with typographic characters, entities and
	// backslash escapes resolved as the HTML export resolves them.
	Text string
	// Style is the set of style flags.
	Style InlineStyle
	// URL is the destination of a link; "" for destinations the HTML
	// export drops (SafeURL and goldmark's safe mode).
	URL string
}

// Checkbox texts of task list items.
const (
	// CheckboxOpen is the text of an unchecked task list item's box.
	CheckboxOpen = "☐ "
	// CheckboxChecked is the text of a checked task list item's box.
	CheckboxChecked = "☑ "
)

// ImagePlaceholder returns the text that stands for an image: "[Image:
// alt]", or "[Image]" without alt text.
func ImagePlaceholder(alt string) string {
	if alt == "" {
		return "[Image]"
	}
	return "[Image: " + alt + "]"
}

// BuildPreview renders a and its frame under p into a Preview: headline,
// deck and byline before the body, the dateline run-in inside the first
// paragraph, then tagline, correction, footer and the related list. The
// frame and the body's link policy are the HTML export's: the body goes
// through ParseArticleBody and SanitizeLinks, and an undated article's
// footer year falls back to opt.Now. Errors come from the profile's
// templates and are *Error values.
func BuildPreview(a *Article, p Profile, opt RenderOptions) (*Preview, error) {
	return BuildPreviewContext(context.Background(), a, p, opt)
}

// BuildPreviewContext is BuildPreview that gives up when ctx is done, for
// example because a newer edit superseded the build or it ran out of time.
// It then returns ctx's error. goldmark's parse cannot be interrupted, but
// it is bounded by the nesting limit (LimitNesting); the context is checked
// before and after it and throughout the walk that builds the blocks.
func BuildPreviewContext(ctx context.Context, a *Article, p Profile, opt RenderOptions) (*Preview, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	f, err := buildExportFrame(a, p, opt)
	if err != nil {
		return nil, fmt.Errorf("preview: %w", err)
	}
	doc, src := ParseArticleBody(a, p.Dash)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	SanitizeLinks(doc, src)
	body, err := renderPreviewBlocksContext(ctx, doc, src)
	if err != nil {
		return nil, err
	}
	return assemblePreview(a, f, body), nil
}

// assemblePreview puts the frame f of a around the body blocks.
func assemblePreview(a *Article, f Frame, body []Block) *Preview {
	pv := &Preview{Blocks: make([]Block, 0, len(body)+8), Notices: BodyWarnings(a.PublicBody())}
	line := func(kind BlockKind, text string, style InlineStyle) {
		if text = strings.TrimSpace(text); text != "" {
			pv.Blocks = append(pv.Blocks, Block{Kind: kind, Inlines: []Inline{{Text: text, Style: style}}})
		}
	}
	line(BlockHeadline, Typeset(a.Headline), 0)
	line(BlockDeck, Typeset(a.Deck), 0)
	line(BlockByline, f.Byline, StyleByline)
	pv.Blocks = append(pv.Blocks, body...)
	line(BlockTagline, f.Tagline, 0)
	line(BlockCorrection, f.Correction, 0)
	line(BlockFooter, f.Footer, 0)
	if len(f.Related) > 0 {
		line(BlockRelatedHeading, f.RelatedHeading, 0)
		list := Block{Kind: BlockRelatedList, Tight: true}
		for _, t := range f.Related {
			in := Inline{Text: t.Text}
			if t.URL != "" {
				in.Style, in.URL = StyleLink, SafeURL(t.URL)
			}
			list.Items = append(list.Items, []Block{{Kind: BlockParagraph, Inlines: []Inline{in}}})
		}
		pv.Blocks = append(pv.Blocks, list)
	}
	return pv
}

// PlainText returns the preview's text content: every paragraph, heading
// and frame line on a line of its own, list items and footnotes one block
// per line without their markers, table rows one per line with cells
// separated by tabs, and code blocks verbatim. Rules and list markers have
// no text.
func (pv *Preview) PlainText() string {
	var b strings.Builder
	writeBlocksText(&b, pv.Blocks)
	return b.String()
}

// InlinesText concatenates the texts of ins.
func InlinesText(ins []Inline) string {
	if len(ins) == 1 {
		return ins[0].Text
	}
	var b strings.Builder
	for _, in := range ins {
		b.WriteString(in.Text)
	}
	return b.String()
}

func writeBlocksText(b *strings.Builder, blocks []Block) {
	for i := range blocks {
		bl := &blocks[i]
		switch bl.Kind {
		case BlockQuote:
			writeBlocksText(b, bl.Children)
		case BlockList, BlockFootnotes, BlockRelatedList:
			for _, it := range bl.Items {
				writeBlocksText(b, it)
			}
		case BlockTable:
			for _, row := range bl.Rows {
				for j, cell := range row {
					if j > 0 {
						b.WriteByte('\t')
					}
					b.WriteString(InlinesText(cell))
				}
				b.WriteByte('\n')
			}
		case BlockCode:
			b.WriteString(strings.TrimSuffix(bl.Text, "\n"))
			b.WriteByte('\n')
		case BlockRule:
		default:
			for _, in := range bl.Inlines {
				b.WriteString(in.Text)
			}
			b.WriteByte('\n')
		}
	}
}

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

func (b *previewBuilder) paragraph(_ ast.Node, entering bool) ast.WalkStatus {
	if !entering {
		b.addBlock(Block{Kind: BlockParagraph, Inlines: b.takeInlines()})
	}
	return ast.WalkContinue
}

func (b *previewBuilder) heading(n ast.Node, entering bool) ast.WalkStatus {
	if !entering {
		b.addBlock(Block{Kind: BlockHeading, Level: n.(*ast.Heading).Level, Inlines: b.takeInlines()})
	}
	return ast.WalkContinue
}

func (b *previewBuilder) thematicBreak(_ ast.Node, entering bool) ast.WalkStatus {
	if entering {
		b.addBlock(Block{Kind: BlockRule})
	}
	return ast.WalkSkipChildren
}

func (b *previewBuilder) codeBlock(n ast.Node, entering bool) ast.WalkStatus {
	if !entering {
		return ast.WalkContinue
	}
	bl := Block{Kind: BlockCode}
	lines := n.Lines()
	var sb strings.Builder
	for i := range lines.Len() {
		seg := lines.At(i)
		sb.Write(seg.Value(b.src))
	}
	bl.Text = sb.String()
	if f, ok := n.(*ast.FencedCodeBlock); ok {
		if lang := f.Language(b.src); lang != nil {
			bl.Language = string(lang)
		}
	}
	b.addBlock(bl)
	return ast.WalkSkipChildren
}

func (b *previewBuilder) blockquote(_ ast.Node, entering bool) ast.WalkStatus {
	if entering {
		b.push()
	} else {
		c := b.pop()
		b.addBlock(Block{Kind: BlockQuote, Children: c.blocks})
	}
	return ast.WalkContinue
}

func (b *previewBuilder) list(n ast.Node, entering bool) ast.WalkStatus {
	l := n.(*ast.List)
	if entering {
		b.push()
		b.top().list = Block{Kind: BlockList, Ordered: l.IsOrdered(), Start: l.Start, Tight: l.IsTight}
		if !l.IsOrdered() {
			b.top().list.Start = 0
		}
	} else {
		b.addBlock(b.pop().list)
	}
	return ast.WalkContinue
}

// listItem opens a list item or a footnote; its blocks become one item of
// the enclosing list.
func (b *previewBuilder) listItem(_ ast.Node, entering bool) ast.WalkStatus {
	if entering {
		b.push()
	} else {
		item := b.pop().blocks
		if item == nil {
			item = []Block{}
		}
		l := &b.top().list
		l.Items = append(l.Items, item)
	}
	return ast.WalkContinue
}

func (b *previewBuilder) footnoteList(_ ast.Node, entering bool) ast.WalkStatus {
	if entering {
		b.push()
		b.top().list = Block{Kind: BlockFootnotes, Ordered: true, Start: 1}
	} else {
		b.addBlock(b.pop().list)
	}
	return ast.WalkContinue
}

func (b *previewBuilder) table(n ast.Node, entering bool) ast.WalkStatus {
	if entering {
		b.push()
		t := Block{Kind: BlockTable}
		for _, a := range n.(*east.Table).Alignments {
			t.Align = append(t.Align, alignmentOf(a))
		}
		b.top().list = t
	} else {
		b.addBlock(b.pop().list)
	}
	return ast.WalkContinue
}

func alignmentOf(a east.Alignment) Alignment {
	switch a {
	case east.AlignLeft:
		return AlignLeft
	case east.AlignCenter:
		return AlignCenter
	case east.AlignRight:
		return AlignRight
	}
	return AlignNone
}

func (b *previewBuilder) tableRow(_ ast.Node, entering bool) ast.WalkStatus {
	if entering {
		b.row = nil
	} else {
		t := &b.top().list
		t.Rows = append(t.Rows, b.row)
		b.row = nil
	}
	return ast.WalkContinue
}

func (b *previewBuilder) tableCell(_ ast.Node, entering bool) ast.WalkStatus {
	if !entering {
		b.row = append(b.row, b.takeInlines())
	}
	return ast.WalkContinue
}

func (b *previewBuilder) text(n ast.Node, entering bool) ast.WalkStatus {
	if !entering {
		return ast.WalkContinue
	}
	t := n.(*ast.Text)
	v := t.Segment.Value(b.src)
	if t.IsRaw() {
		b.emit(string(v), 0)
	} else {
		b.emit(resolveText(v), 0)
	}
	switch {
	case t.HardLineBreak():
		b.emit("\n", 0)
	case t.SoftLineBreak():
		b.emit(" ", 0)
	}
	return ast.WalkContinue
}

func (b *previewBuilder) str(n ast.Node, entering bool) ast.WalkStatus {
	if !entering {
		return ast.WalkContinue
	}
	s := n.(*ast.String)
	if s.IsCode() || s.IsRaw() {
		b.emit(string(s.Value), 0)
	} else {
		b.emit(resolveText(s.Value), 0)
	}
	return ast.WalkContinue
}

// codeSpan renders its own Text children, as the HTML renderer does: a line
// ending inside the span becomes a space.
func (b *previewBuilder) codeSpan(n ast.Node, entering bool) ast.WalkStatus {
	if !entering {
		return ast.WalkContinue
	}
	var sb strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		t, ok := c.(*ast.Text)
		if !ok {
			continue
		}
		v := t.Segment.Value(b.src)
		if bytes.HasSuffix(v, []byte("\n")) {
			sb.Write(v[:len(v)-1])
			sb.WriteByte(' ')
		} else {
			sb.Write(v)
		}
	}
	b.emit(sb.String(), StyleCode)
	return ast.WalkSkipChildren
}

func (b *previewBuilder) emphasis(n ast.Node, entering bool) ast.WalkStatus {
	if entering {
		s := StyleEmphasis
		if n.(*ast.Emphasis).Level == 2 {
			s = StyleStrong
		}
		b.pushStyle(s, "")
	} else {
		b.popStyle()
	}
	return ast.WalkContinue
}

func (b *previewBuilder) strikethrough(_ ast.Node, entering bool) ast.WalkStatus {
	if entering {
		b.pushStyle(StyleStrike, "")
	} else {
		b.popStyle()
	}
	return ast.WalkContinue
}

func (b *previewBuilder) link(n ast.Node, entering bool) ast.WalkStatus {
	if entering {
		b.pushStyle(StyleLink, safeURL(util.URLEscape(n.(*ast.Link).Destination, true)))
	} else {
		b.popStyle()
	}
	return ast.WalkContinue
}

func (b *previewBuilder) autoLink(n ast.Node, entering bool) ast.WalkStatus {
	if !entering {
		return ast.WalkContinue
	}
	l := n.(*ast.AutoLink)
	url := util.URLEscape(l.URL(b.src), false)
	if l.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower(url), []byte("mailto:")) {
		url = append([]byte("mailto:"), url...)
	}
	b.pushStyle(StyleLink, safeURL(url))
	b.emit(string(l.Label(b.src)), 0)
	b.popStyle()
	return ast.WalkSkipChildren
}

// image renders the placeholder from the alt text, which it collects from
// its children itself (as the HTML renderer's alt attribute does); the
// children are not drawn again.
func (b *previewBuilder) image(n ast.Node, entering bool) ast.WalkStatus {
	if !entering {
		return ast.WalkContinue
	}
	var sb strings.Builder
	b.altText(&sb, n)
	b.emit(ImagePlaceholder(sb.String()), StyleImage)
	return ast.WalkSkipChildren
}

func (b *previewBuilder) altText(sb *strings.Builder, n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.String:
			if c.IsCode() || c.IsRaw() {
				sb.Write(c.Value)
			} else {
				sb.WriteString(resolveText(c.Value))
			}
		case *ast.Text:
			v := c.Segment.Value(b.src)
			if c.IsRaw() {
				sb.Write(v)
			} else {
				sb.WriteString(resolveText(v))
			}
			if c.HardLineBreak() || c.SoftLineBreak() {
				sb.WriteByte('\n')
			}
		default:
			b.altText(sb, c)
		}
	}
}

func (b *previewBuilder) taskCheckBox(n ast.Node, entering bool) ast.WalkStatus {
	if entering {
		box := CheckboxOpen
		if n.(*east.TaskCheckBox).IsChecked {
			box = CheckboxChecked
		}
		b.emit(box, StyleCheckbox)
	}
	return ast.WalkSkipChildren
}

func (b *previewBuilder) footnoteLink(n ast.Node, entering bool) ast.WalkStatus {
	if entering {
		b.emit(strconv.Itoa(n.(*east.FootnoteLink).Index), StyleFootnoteRef)
	}
	return ast.WalkSkipChildren
}

func (b *previewBuilder) datelineRunIn(n ast.Node, entering bool) ast.WalkStatus {
	if entering {
		b.emit(n.(*DatelineRunIn).PlainText(), StyleDateline)
	}
	return ast.WalkSkipChildren
}

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
