package editor

import (
	"context"
	"fmt"
	"strconv"
	"strings"
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
