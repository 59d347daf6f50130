package app

import (
	"context"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/editor"
)

// PreviewView is the live preview: an editor.Preview drawn as rows of
// wrapped text in a vertical scroll. It is virtual: every row (a
// paragraph, heading, code block, rule or one table row; preview_rows.go)
// is laid out to know its height, but canvas objects exist only for the
// rows in view, so a 20,000-word draft or a 50,000-row table costs no more
// to draw than a short story. Layouts are kept by the rows' content
// hashes, so after an edit only the rows whose text changed are wrapped
// again (preview_layout.go).
//
// The look:
//   - headline, body headings 1 and 2, deck and the "More …" heading use
//     the heading and sub-heading sizes; headings 3–6 are bold text;
//   - the byline is an italic line, the dateline run-in bold, the footer
//     dimmed (placeholder colour);
//   - strong is bold, emphasis italic, code monospace, links in the
//     hyperlink colour open on a tap; Fyne has no strikethrough,
//     so struck text is drawn in the disabled (dimmed) colour;
//   - footnote references are small numbers in the primary colour;
//   - images show their "[Image: alt]" placeholder in italics;
//   - list markers, indentation and quote bars ("│ ") are monospace
//     decoration in the primary colour, with the text hanging after them;
//   - tables are equal columns of wrapped cells, the header row on the
//     header background;
//   - thematic breaks are separator lines; notices (a flattened body) are
//     italic lines in the warning colour above the article.
//
// Only the UI goroutine may call its methods.
type PreviewView struct {
	widget.BaseWidget

	content *previewContent
	scroll  *container.Scroll
	banner  *widget.Label
	preview *editor.Preview

	rows    []*previewRow
	layouts []*previewRowLayout
	// tops are the rows' y positions; total is the content height.
	tops  []float32
	total float32
	// width is the width the layouts are for, 0 before the first layout.
	width float32
	// cache holds layouts at width by row hash, for reuse after an edit.
	// A map is never changed once built, so the render worker may read
	// the one published in snap.
	cache map[uint64]*previewRowLayout
	snap  atomic.Pointer[layoutSnapshot]
	// focus is the keyboard focus (previewfocus.go).
	focus previewFocus
}

// layoutSnapshot is what the render worker needs to lay out the rows of
// its result before handing them to the UI goroutine: the width and theme
// of the last layout and its layouts, which need not be done again.
type layoutSnapshot struct {
	width float32
	th    fyne.Theme
	cache map[uint64]*previewRowLayout
}

// NewPreviewView returns an empty preview.
func NewPreviewView() *PreviewView {
	v := &PreviewView{cache: map[uint64]*previewRowLayout{}}
	v.content = newPreviewContent(v)
	v.scroll = container.NewVScroll(v.content)
	v.scroll.OnScrolled = func(fyne.Position) { v.content.updateVisible() }
	v.banner = widget.NewLabel("")
	v.banner.Importance = widget.WarningImportance
	v.banner.Wrapping = fyne.TextWrapWord
	v.banner.Hide()
	v.focus.ring = newFocusRing()
	v.ExtendBaseWidget(v)
	return v
}

// CreateRenderer implements fyne.Widget.
func (v *PreviewView) CreateRenderer() fyne.WidgetRenderer {
	return &previewViewRenderer{v: v}
}

// SetPreview replaces the shown preview with p and clears the paused
// notice. It must be called on the UI goroutine; PreviewRenderer does so
// through fyne.Do.
func (v *PreviewView) SetPreview(p *editor.Preview) {
	var rows []*previewRow
	if p != nil {
		rows = previewRows(p)
	}
	v.setRows(p, rows)
}

// setRows shows rows built from p (off the UI goroutine, by the renderer).
func (v *PreviewView) setRows(p *editor.Preview, rows []*previewRow) {
	v.preview = p
	v.rows = rows
	v.relayout()
	v.SetPaused("")
	v.content.showRows()
}

// SetError shows err's message instead of a preview, for example a footer
// template that does not parse. It must be called on the UI goroutine.
func (v *PreviewView) SetError(err error) {
	v.setRows(nil, errorRows(editor.ErrorMessage(err)))
}

// SetPaused shows msg above the preview, or hides the notice for "". The
// preview shown stays as it is.
func (v *PreviewView) SetPaused(msg string) {
	if msg == v.banner.Text && (msg == "") == !v.banner.Visible() {
		return
	}
	v.banner.SetText(msg)
	if msg == "" {
		v.banner.Hide()
	} else {
		v.banner.Show()
	}
	v.Refresh()
}

// Paused returns the paused notice shown, or "".
func (v *PreviewView) Paused() string {
	if !v.banner.Visible() {
		return ""
	}
	return v.banner.Text
}

// Preview returns the preview shown, or nil.
func (v *PreviewView) Preview() *editor.Preview { return v.preview }

// PlainText returns the text content of the rows shown, by the rules of
// editor.Preview.PlainText: markers, decoration and notices left out,
// every block ending in a newline, table cells separated by tabs.
func (v *PreviewView) PlainText() string {
	var b strings.Builder
	for _, r := range v.rows {
		b.WriteString(r.text())
	}
	return b.String()
}

// ScrollToTop shows the start of the preview.
func (v *PreviewView) ScrollToTop() {
	v.scroll.ScrollToTop()
	v.content.updateVisible()
}

// ScrollToSourceLine scrolls, if needed, so that the block rendered from
// body line line (counted from 0) is in view: the block whose source lines
// hold it, or else the last block before it. The window calls it with the
// paragraph being edited, so the preview follows the editor.
func (v *PreviewView) ScrollToSourceLine(line int) {
	if v.preview == nil || len(v.tops) == 0 {
		return
	}
	block := -1
	for i, b := range v.preview.Blocks {
		if b.SourceEnd == 0 || b.SourceStart > line {
			continue
		}
		block = i
		if line < b.SourceEnd {
			break
		}
	}
	if block < 0 {
		return
	}
	row := -1
	for i, r := range v.rows {
		if r.block == block {
			row = i
			break
		}
	}
	if row < 0 {
		return
	}
	top, view := v.scroll.Offset.Y, v.scroll.Size().Height
	y := v.tops[row]
	if y >= top && y+min(v.layouts[row].height, view/2) <= top+view {
		return // in view already
	}
	v.scroll.Offset.Y = max(0, min(y-view/3, v.total-view))
	v.scroll.Refresh()
	v.content.updateVisible()
}

// relayout lays every row out at the current width, reusing the layouts
// of unchanged rows, and places the rows one under the other.
func (v *PreviewView) relayout() {
	v.layouts = v.layouts[:0]
	v.tops = v.tops[:0]
	v.total = 0
	if v.width <= 0 {
		return
	}
	th := v.Theme()
	inner := max(v.width-2*th.Size(theme.SizeNamePadding), 1)
	next := make(map[uint64]*previewRowLayout, len(v.rows))
	for _, r := range v.rows {
		l, ok := v.cache[r.hash]
		if !ok || l.width != inner {
			if l = r.pre; l == nil || l.width != inner {
				l = layoutRow(r, inner, th)
			}
		}
		r.pre = nil
		next[r.hash] = l
		v.layouts = append(v.layouts, l)
		v.tops = append(v.tops, v.total)
		v.total += l.height
	}
	v.cache = next
	v.snap.Store(&layoutSnapshot{width: inner, th: th, cache: next})
}

// prelayout lays out, on the render worker, the rows that the last
// layout does not hold, at its width, so that the UI goroutine only
// places them. It stops when ctx is done.
func (v *PreviewView) prelayout(ctx context.Context, rows []*previewRow) error {
	s := v.snap.Load()
	if s == nil {
		return nil
	}
	for i, r := range rows {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if l, ok := s.cache[r.hash]; !ok || l.width != s.width {
			r.pre = layoutRow(r, s.width, s.th)
		}
	}
	return nil
}

// resized lays the rows out again when the width changed.
func (v *PreviewView) resized(width float32) {
	if width == v.width {
		return
	}
	v.width = width
	v.relayout()
	v.content.showRows()
}

// previewViewRenderer stacks the paused notice above the scroll.
type previewViewRenderer struct {
	v *PreviewView
}

func (r *previewViewRenderer) Layout(size fyne.Size) {
	v := r.v
	y := float32(0)
	if v.banner.Visible() {
		h := v.banner.MinSize().Height
		v.banner.Move(fyne.NewPos(0, 0))
		v.banner.Resize(fyne.NewSize(size.Width, h))
		y = h
	}
	v.resized(size.Width)
	v.scroll.Move(fyne.NewPos(0, y))
	v.scroll.Resize(fyne.NewSize(size.Width, size.Height-y))
	v.content.updateVisible()
	v.focus.ring.Resize(size)
}

func (r *previewViewRenderer) MinSize() fyne.Size {
	m := fyne.NewSize(100, 100)
	if r.v.banner.Visible() {
		m.Height += r.v.banner.MinSize().Height
	}
	return m
}

func (r *previewViewRenderer) Refresh() {
	r.Layout(r.v.Size())
	canvas.Refresh(r.v)
}

func (r *previewViewRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.v.scroll, r.v.banner, r.v.focus.ring}
}

func (r *previewViewRenderer) Destroy() {}
