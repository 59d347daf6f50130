package app

import (
	"net/url"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/editor"
)

// PreviewView is the live preview: an editor.Preview drawn as Fyne rich
// text in a vertical scroll. Each editor.Block and editor.Inline maps to
// rich-text segments:
//
//   - headline, body headings 1 and 2, deck and the "More …" heading use
//     the heading and sub-heading styles; headings 3–6 are bold text;
//   - the byline is an italic line of its own, the dateline run-in is
//     bold, the footer is a separate dimmed (placeholder colour) paragraph;
//   - strong is bold, emphasis italic, code monospace, links are
//     hyperlinks; Fyne's TextStyle has no strikethrough, so struck text is
//     drawn in the disabled (dimmed) colour;
//   - footnote references are small numbers in the primary colour;
//   - images show their "[Image: alt]" placeholder in italics;
//   - list markers, indentation and quote bars ("│ ") are decoration
//     segments in monospace primary colour, one indentation step per
//     nesting level (Fyne's own ListSegment does not indent nested lists);
//   - tables are a grid of cells with a header background;
//   - thematic breaks are separators.
//
// Only the UI goroutine may call its methods.
type PreviewView struct {
	widget.BaseWidget

	text    *widget.RichText
	scroll  *container.Scroll
	preview *editor.Preview
	// decor holds the segments that are markers, not text content.
	decor map[widget.RichTextSegment]struct{}
}

// NewPreviewView returns an empty preview.
func NewPreviewView() *PreviewView {
	v := &PreviewView{text: widget.NewRichText(), decor: map[widget.RichTextSegment]struct{}{}}
	v.text.Wrapping = fyne.TextWrapWord
	v.scroll = container.NewVScroll(v.text)
	v.ExtendBaseWidget(v)
	return v
}

// CreateRenderer implements fyne.Widget.
func (v *PreviewView) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(v.scroll)
}

// SetPreview replaces the shown preview with p and refreshes. It must be
// called on the UI goroutine; PreviewRenderer does so through fyne.Do.
func (v *PreviewView) SetPreview(p *editor.Preview) {
	v.preview = p
	c := newSegmentConverter()
	if p != nil {
		c.blocks(p.Blocks, "", "", false)
	}
	v.setSegments(c)
}

// SetError shows err's message instead of a preview, for example a footer
// template that does not parse. It must be called on the UI goroutine.
func (v *PreviewView) SetError(err error) {
	v.preview = nil
	c := newSegmentConverter()
	style := widget.RichTextStyleParagraph
	style.ColorName = theme.ColorNameError
	c.add(&widget.TextSegment{Style: style, Text: editor.ErrorMessage(err)})
	v.setSegments(c)
}

func (v *PreviewView) setSegments(c *segmentConverter) {
	v.decor = c.decor
	v.text.Segments = c.segs
	v.text.Refresh()
}

// Preview returns the preview shown, or nil.
func (v *PreviewView) Preview() *editor.Preview { return v.preview }

// PlainText returns the text content of the rich text as shown, by the
// rules of editor.Preview.PlainText: markers and decoration left out, every
// block ending in a newline, table cells separated by tabs.
func (v *PreviewView) PlainText() string {
	var b strings.Builder
	for _, s := range v.text.Segments {
		if _, ok := v.decor[s]; ok {
			continue
		}
		switch s := s.(type) {
		case *widget.TextSegment:
			b.WriteString(s.Text)
			if !s.Inline() {
				b.WriteByte('\n')
			}
		case *widget.HyperlinkSegment:
			b.WriteString(s.Text)
		case *tableSegment:
			b.WriteString(s.Textual())
		}
	}
	return b.String()
}

// segmentConverter turns preview blocks into a flat list of rich-text
// segments. Nesting is carried in the decoration prefixes passed down.
type segmentConverter struct {
	segs  []widget.RichTextSegment
	decor map[widget.RichTextSegment]struct{}
}

func newSegmentConverter() *segmentConverter {
	return &segmentConverter{decor: map[widget.RichTextSegment]struct{}{}}
}

func (c *segmentConverter) add(s widget.RichTextSegment) { c.segs = append(c.segs, s) }

// decorStyle draws list markers, indentation and quote bars.
var decorStyle = widget.RichTextStyle{
	ColorName: theme.ColorNamePrimary,
	Inline:    true,
	SizeName:  theme.SizeNameText,
	TextStyle: fyne.TextStyle{Monospace: true},
}

const (
	indentStep = "   "
	quoteBar   = "│ "
)

func (c *segmentConverter) decorate(s string) {
	if s == "" {
		return
	}
	seg := &widget.TextSegment{Style: decorStyle, Text: s}
	c.decor[seg] = struct{}{}
	c.add(seg)
}

// blocks converts bs; first is the decoration before the first block (a
// list marker with its indentation), rest the one before every later block.
func (c *segmentConverter) blocks(bs []editor.Block, first, rest string, quoted bool) {
	for i := range bs {
		d := rest
		if i == 0 {
			d = first
		}
		c.block(&bs[i], d, rest, quoted)
	}
}

func (c *segmentConverter) block(b *editor.Block, decor, cont string, quoted bool) {
	switch b.Kind {
	case editor.BlockQuote:
		c.blocks(b.Children, decor+quoteBar, cont+quoteBar, true)
	case editor.BlockList, editor.BlockFootnotes, editor.BlockRelatedList:
		if b.Kind == editor.BlockFootnotes {
			c.add(&widget.SeparatorSegment{})
		}
		bullet := "•"
		if strings.Contains(cont, indentStep) {
			bullet = "◦"
		}
		for i, item := range b.Items {
			marker := bullet
			if b.Ordered {
				marker = strconv.Itoa(b.Start+i) + "."
			}
			marker = padMarker(marker)
			c.blocks(item, decor+marker, cont+indentStep, quoted)
			decor = cont
		}
	case editor.BlockTable:
		c.decorate(decor)
		c.add(newTableSegment(b))
	case editor.BlockRule:
		c.add(&widget.SeparatorSegment{})
	case editor.BlockCode:
		c.decorate(decor)
		c.add(&widget.TextSegment{Style: widget.RichTextStyleCodeBlock, Text: strings.TrimSuffix(b.Text, "\n")})
	default:
		c.decorate(decor)
		c.inlines(b.Inlines, blockStyle(b, quoted))
	}
}

// blockStyle is the base style of a text block's segments.
func blockStyle(b *editor.Block, quoted bool) widget.RichTextStyle {
	s := widget.RichTextStyleParagraph
	switch b.Kind {
	case editor.BlockHeadline:
		s = widget.RichTextStyleHeading
	case editor.BlockHeading:
		switch b.Level {
		case 1:
			s = widget.RichTextStyleHeading
		case 2:
			s = widget.RichTextStyleSubHeading
		default:
			s.TextStyle.Bold = true
		}
	case editor.BlockDeck:
		s.SizeName = theme.SizeNameSubHeadingText
	case editor.BlockRelatedHeading:
		s = widget.RichTextStyleSubHeading
	case editor.BlockByline, editor.BlockTagline, editor.BlockCorrection:
		s.TextStyle.Italic = true
	case editor.BlockFooter:
		s.ColorName = theme.ColorNamePlaceHolder
	}
	if quoted {
		s.TextStyle.Italic = true
	}
	return s
}

// inlineStyle applies an inline's style flags to the block's base style.
func inlineStyle(base widget.RichTextStyle, st editor.InlineStyle) widget.RichTextStyle {
	s := base
	s.Inline = true
	if st&(editor.StyleStrong|editor.StyleDateline) != 0 {
		s.TextStyle.Bold = true
	}
	if st&(editor.StyleEmphasis|editor.StyleByline|editor.StyleImage) != 0 {
		s.TextStyle.Italic = true
	}
	if st&editor.StyleCode != 0 {
		s.TextStyle.Monospace = true
	}
	if st&editor.StyleStrike != 0 {
		s.ColorName = theme.ColorNameDisabled
	}
	if st&editor.StyleImage != 0 {
		s.ColorName = theme.ColorNamePlaceHolder
	}
	if st&editor.StyleFootnoteRef != 0 {
		s.SizeName = theme.SizeNameCaptionText
		s.ColorName = theme.ColorNamePrimary
	}
	return s
}

// inlines adds one segment per inline and ends the block: the last text
// segment becomes a block segment, or an empty one is added after a link.
func (c *segmentConverter) inlines(ins []editor.Inline, base widget.RichTextStyle) {
	for _, in := range ins {
		if in.Style&editor.StyleLink != 0 && in.URL != "" {
			if u, err := url.Parse(in.URL); err == nil {
				c.add(&widget.HyperlinkSegment{Text: in.Text, URL: u, Alignment: base.Alignment})
				continue
			}
		}
		c.add(&widget.TextSegment{Style: inlineStyle(base, in.Style), Text: in.Text})
	}
	if n := len(c.segs); len(ins) > 0 && n > 0 {
		if last, ok := c.segs[n-1].(*widget.TextSegment); ok {
			last.Style.Inline = false
			last.Style = unquoted(last.Style)
			return
		}
	}
	c.add(&widget.TextSegment{Style: unquoted(base)})
}

// unquoted keeps an italic paragraph (a byline, say) from being equal to
// widget.RichTextStyleBlockquote, which RichText indents whenever a row
// starts with a segment of exactly that style. A blank SizeName is the
// standard text size, so nothing changes on screen but the indent.
func unquoted(s widget.RichTextStyle) widget.RichTextStyle {
	if s == widget.RichTextStyleBlockquote {
		s.SizeName = ""
	}
	return s
}

// padMarker pads a list marker to the indentation width, with at least one
// space after it.
func padMarker(m string) string {
	if n := utf8.RuneCountInString(m); n < len(indentStep) {
		return m + strings.Repeat(" ", len(indentStep)-n)
	}
	return m + " "
}

// tableSegment draws a GFM table as a grid of cells, the header row on the
// header background and body cells on the input background.
type tableSegment struct {
	block *editor.Block
	text  string
}

func newTableSegment(b *editor.Block) *tableSegment {
	var sb strings.Builder
	for _, row := range b.Rows {
		for j, cell := range row {
			if j > 0 {
				sb.WriteByte('\t')
			}
			sb.WriteString(editor.InlinesText(cell))
		}
		sb.WriteByte('\n')
	}
	return &tableSegment{block: b, text: sb.String()}
}

// Inline implements widget.RichTextSegment; a table is a block.
func (t *tableSegment) Inline() bool { return false }

// Textual implements widget.RichTextSegment: rows on lines, cells
// separated by tabs.
func (t *tableSegment) Textual() string { return t.text }

// Visual implements widget.RichTextSegment.
func (t *tableSegment) Visual() fyne.CanvasObject {
	cols := 0
	for _, row := range t.block.Rows {
		cols = max(cols, len(row))
	}
	if cols == 0 {
		return container.NewStack()
	}
	grid := container.NewGridWithColumns(cols)
	for i, row := range t.block.Rows {
		for j := range cols {
			var cell []editor.Inline
			if j < len(row) {
				cell = row[j]
			}
			grid.Add(t.cell(cell, i == 0, j))
		}
	}
	return grid
}

func (t *tableSegment) cell(ins []editor.Inline, header bool, col int) fyne.CanvasObject {
	base := widget.RichTextStyleParagraph
	if col < len(t.block.Align) {
		switch t.block.Align[col] {
		case editor.AlignCenter:
			base.Alignment = fyne.TextAlignCenter
		case editor.AlignRight:
			base.Alignment = fyne.TextAlignTrailing
		}
	}
	bg := theme.ColorNameInputBackground
	if header {
		base.TextStyle.Bold = true
		bg = theme.ColorNameHeaderBackground
	}
	c := newSegmentConverter()
	c.inlines(ins, base)
	for _, s := range c.segs {
		if ts, ok := s.(*widget.TextSegment); ok {
			ts.Style.Alignment = base.Alignment
		}
	}
	return container.NewStack(canvas.NewRectangle(theme.Color(bg)), widget.NewRichText(c.segs...))
}

// Update implements widget.RichTextSegment; the table never changes after
// it is built, a new preview builds new segments.
func (t *tableSegment) Update(fyne.CanvasObject) {}

// Select implements widget.RichTextSegment; tables are not selectable.
func (t *tableSegment) Select(_, _ fyne.Position) {}

// SelectedText implements widget.RichTextSegment.
func (t *tableSegment) SelectedText() string { return "" }

// Unselect implements widget.RichTextSegment.
func (t *tableSegment) Unselect() {}

// PreviewRenderer renders article snapshots into a PreviewView off the UI
// goroutine. Render never blocks: it records the newest snapshot and a
// single worker goroutine renders it with editor.BuildPreview. A snapshot
// that arrives while another renders supersedes any older one still
// waiting, and a finished render whose generation is no longer the newest
// is dropped, so the view always ends on the newest article. Results reach
// the view through fyne.Do.
type PreviewRenderer struct {
	view    *PreviewView
	profile func() editor.Profile
	opt     editor.RenderOptions

	// OnRendered, when set before the first Render, is called on the UI
	// goroutine after the view shows a new result (p is nil on error).
	OnRendered func(p *editor.Preview, err error)

	mu        sync.Mutex
	cond      *sync.Cond
	gen       uint64 // newest requested generation
	delivered uint64 // newest generation shown or settled
	pending   *editor.Article
	pendingP  editor.Profile
	running   bool
}

// NewPreviewRenderer returns a renderer that feeds view. Render calls
// profile on the caller's goroutine to snapshot the publication profile
// with the article; a nil profile means editor.DefaultProfile. opt is
// passed to editor.BuildPreview (its Resolve runs on the worker goroutine).
func NewPreviewRenderer(view *PreviewView, profile func() editor.Profile, opt editor.RenderOptions) *PreviewRenderer {
	if profile == nil {
		profile = editor.DefaultProfile
	}
	r := &PreviewRenderer{view: view, profile: profile, opt: opt}
	r.cond = sync.NewCond(&r.mu)
	return r
}

// Render asks for the preview of a under the current profile. a must be a
// snapshot (a Clone) that the caller no longer mutates. It returns at once
// with the request's generation number.
func (r *PreviewRenderer) Render(a *editor.Article) uint64 {
	return r.RenderWith(a, r.profile())
}

// RenderWith is Render with an explicit profile.
func (r *PreviewRenderer) RenderWith(a *editor.Article, p editor.Profile) uint64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.gen++
	r.pending, r.pendingP = a, p
	if !r.running {
		r.running = true
		go r.work()
	}
	return r.gen
}

// work renders pending snapshots until none is left.
func (r *PreviewRenderer) work() {
	for {
		r.mu.Lock()
		a, p, gen := r.pending, r.pendingP, r.gen
		r.pending = nil
		if a == nil {
			r.running = false
			r.mu.Unlock()
			return
		}
		r.mu.Unlock()

		pv, err := editor.BuildPreview(a, p, r.opt)
		fyne.Do(func() { r.deliver(gen, pv, err) })
	}
}

// deliver shows a finished render unless a newer one was requested.
func (r *PreviewRenderer) deliver(gen uint64, pv *editor.Preview, err error) {
	r.mu.Lock()
	stale := gen != r.gen
	r.mu.Unlock()
	if stale {
		return
	}
	if err != nil {
		r.view.SetError(err)
	} else {
		r.view.SetPreview(pv)
	}
	if r.OnRendered != nil {
		r.OnRendered(pv, err)
	}
	r.mu.Lock()
	r.delivered = max(r.delivered, gen)
	r.cond.Broadcast()
	r.mu.Unlock()
}

// Wait blocks until the newest requested render is shown. It is meant for
// tests and must not be called on the UI goroutine, which delivers results.
func (r *PreviewRenderer) Wait() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for r.delivered < r.gen {
		r.cond.Wait()
	}
}
