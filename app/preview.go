package app

import (
	"context"
	"errors"
	"image/color"
	"net/url"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

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

// previewContent is the scrolled content: as tall as all rows, holding
// canvas objects for the rows in view only, and for a row taller than a
// few screens (a 4,000-word paragraph, a megabyte on one line) only for
// its lines near the view.
type previewContent struct {
	widget.BaseWidget
	v *PreviewView
	// shown holds the objects drawn for each row index in view.
	shown   map[int]*shownRow
	objects []fyne.CanvasObject
	// reuse offers the objects of rows shown before an update, by hash.
	reuse map[uint64]*shownRow
}

// shownRow is the objects drawn for a row: its lines from lo to hi
// (relative to the row's top), all of them for a row of normal height.
type shownRow struct {
	obj    *fyne.Container
	hash   uint64
	width  float32
	lo, hi float32
	// partial is set when only the lines from lo to hi are drawn.
	partial bool
}

func newPreviewContent(v *PreviewView) *previewContent {
	c := &previewContent{v: v, shown: map[int]*shownRow{}}
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer implements fyne.Widget.
func (c *previewContent) CreateRenderer() fyne.WidgetRenderer {
	return &previewContentRenderer{c: c}
}

// MinSize implements fyne.CanvasObject: the height of all rows.
func (c *previewContent) MinSize() fyne.Size {
	return fyne.NewSize(0, c.v.total)
}

// showRows draws the rows in view after the rows or their layouts
// changed. Objects of a row still shown with the same content and width
// are kept, even when an edit above it moved it to another index.
func (c *previewContent) showRows() {
	c.reuse = make(map[uint64]*shownRow, len(c.shown))
	for _, s := range c.shown {
		c.reuse[s.hash] = s
	}
	c.shown = map[int]*shownRow{}
	c.v.scroll.Refresh()
	c.updateVisible()
	c.reuse = nil
}

// updateVisible makes sure the rows in the scroll's view have objects.
func (c *previewContent) updateVisible() {
	v := c.v
	if len(v.tops) == 0 {
		if len(c.objects) > 0 || len(c.shown) > 0 {
			c.objects = nil
			c.shown = map[int]*shownRow{}
			c.Refresh()
		}
		return
	}
	view := max(v.scroll.Size().Height, 1)
	top := v.scroll.Offset.Y
	bottom := top + view
	first := sort.Search(len(v.tops), func(i int) bool { return v.tops[i]+v.layouts[i].height > top }) // first row reaching into view
	last := first
	for last < len(v.tops) && v.tops[last] < bottom {
		last++
	}
	pad := v.Theme().Size(theme.SizeNamePadding)
	objs := c.objects[:0]
	shown := make(map[int]*shownRow, last-first)
	for i := first; i < last; i++ {
		r, l := v.rows[i], v.layouts[i]
		// The part of the row to draw: all of it, or the lines within a
		// screen of the view for a tall row.
		lo, hi := float32(-1), l.height+1
		tall := l.height > 3*view
		if tall {
			lo, hi = top-v.tops[i]-view, bottom-v.tops[i]+view
		}
		s, ok := c.shown[i]
		if ok && (s.hash != r.hash || s.width != l.width || (tall && (s.lo > top-v.tops[i] || s.hi < bottom-v.tops[i]))) {
			ok = false
		}
		if !ok && !tall {
			if old, found := c.reuse[r.hash]; found && old.width == l.width && !old.partial {
				s, ok = old, true
				delete(c.reuse, r.hash)
			}
		}
		if !ok {
			s = &shownRow{obj: previewRowObject(r, l, v.Theme(), lo, hi), hash: r.hash, width: l.width, lo: lo, hi: hi, partial: tall}
		}
		s.obj.Move(fyne.NewPos(pad, v.tops[i]))
		shown[i] = s
		objs = append(objs, s.obj)
	}
	c.objects = objs
	c.shown = shown
	c.Refresh()
}

// Tapped implements fyne.Tappable: a tap on a link opens it.
func (c *previewContent) Tapped(e *fyne.PointEvent) {
	if u := c.linkAt(e.Position); u != nil {
		if a := fyne.CurrentApp(); a != nil {
			_ = a.OpenURL(u)
		}
	}
}

// linkAt returns the destination of the link drawn at pos, or nil.
func (c *previewContent) linkAt(pos fyne.Position) *url.URL {
	v := c.v
	i := sort.Search(len(v.tops), func(i int) bool { return v.tops[i]+v.layouts[i].height > pos.Y })
	if i >= len(v.tops) || v.rows[i].kind != rowText {
		return nil
	}
	r, l := v.rows[i], v.layouts[i]
	x := pos.X - v.Theme().Size(theme.SizeNamePadding) - l.decorWidth
	y := pos.Y - v.tops[i]
	for _, ln := range l.lines {
		if y < ln.height {
			for _, p := range ln.pieces {
				if x >= p.x && x < p.x+p.width && r.runs[p.run].url != "" {
					u, err := url.Parse(r.runs[p.run].url)
					if err == nil {
						return u
					}
				}
			}
			return nil
		}
		y -= ln.height
	}
	return nil
}

// previewContentRenderer draws the objects of the rows in view.
type previewContentRenderer struct {
	c *previewContent
}

func (r *previewContentRenderer) Layout(fyne.Size)             {}
func (r *previewContentRenderer) MinSize() fyne.Size           { return r.c.MinSize() }
func (r *previewContentRenderer) Refresh()                     { canvas.Refresh(r.c) }
func (r *previewContentRenderer) Objects() []fyne.CanvasObject { return r.c.objects }
func (r *previewContentRenderer) Destroy()                     {}

// previewRowObject builds the canvas objects of row r laid out as l, for
// the lines that reach into lo…hi (relative to the row's top).
func previewRowObject(r *previewRow, l *previewRowLayout, th fyne.Theme, lo, hi float32) *fyne.Container {
	v := th.Color
	variant := fyne.CurrentApp().Settings().ThemeVariant()
	col := func(n fyne.ThemeColorName) color.Color { return v(n, variant) }
	var objs []fyne.CanvasObject
	if r.decor != "" {
		d := canvas.NewText(r.decor, col(decorStyle.ColorName))
		d.TextStyle = decorStyle.TextStyle
		d.FontSource = previewFont(decorStyle.TextStyle)
		d.TextSize = th.Size(decorStyle.SizeName)
		d.Resize(fyne.NewSize(l.decorWidth, d.MinSize().Height))
		objs = append(objs, d)
	}
	text := func(runs []previewRun, lines []wrappedLine, x0, width float32, align fyne.TextAlign) {
		y := float32(0)
		for _, ln := range lines {
			if y+ln.height < lo || y > hi {
				y += ln.height
				continue
			}
			shift := float32(0)
			switch align {
			case fyne.TextAlignCenter:
				shift = (width - ln.width) / 2
			case fyne.TextAlignTrailing:
				shift = width - ln.width
			}
			for _, p := range ln.pieces {
				run := &runs[p.run]
				t := canvas.NewText(run.text[p.start:p.end], col(run.color))
				t.TextStyle = run.style
				t.FontSource = previewFont(run.style)
				t.TextSize = th.Size(run.size)
				t.Move(fyne.NewPos(x0+shift+p.x, y))
				t.Resize(fyne.NewSize(p.width, ln.height))
				objs = append(objs, t)
			}
			y += ln.height
		}
	}
	switch r.kind {
	case rowRule:
		line := canvas.NewRectangle(col(theme.ColorNameSeparator))
		line.Move(fyne.NewPos(l.decorWidth, l.height/2))
		line.Resize(fyne.NewSize(l.width-l.decorWidth, th.Size(theme.SizeNameSeparatorThickness)))
		objs = append(objs, line)
	case rowTable:
		bg := theme.ColorNameInputBackground
		if r.header {
			bg = theme.ColorNameHeaderBackground
		}
		h := l.height
		if r.lastInTable {
			h -= th.Size(theme.SizeNamePadding)
		}
		for j := range r.cols {
			rect := canvas.NewRectangle(col(bg))
			rect.Move(fyne.NewPos(l.decorWidth+float32(j)*l.colWidth, 0))
			rect.Resize(fyne.NewSize(l.colWidth-1, h-1))
			objs = append(objs, rect)
		}
		for j, lines := range l.cells {
			x := l.decorWidth + float32(j)*l.colWidth + previewCellPad
			align := fyne.TextAlignLeading
			if j < len(r.align) {
				align = r.align[j]
			}
			start := len(objs)
			text(r.cells[j], lines, x, l.colWidth-2*previewCellPad, align)
			for _, o := range objs[start:] {
				o.Move(o.Position().AddXY(0, previewCellPad))
			}
		}
	default:
		text(r.runs, l.lines, l.decorWidth, l.width-l.decorWidth, fyne.TextAlignLeading)
	}
	c := container.NewWithoutLayout(objs...)
	c.Resize(fyne.NewSize(l.width, l.height))
	return c
}

// PausedNotice is what the preview says while a build takes longer than
// PreviewRenderer.Patience.
const PausedNotice = "Preview paused: this body is too complex to render live. It catches up when the build finishes."

// GaveUpNotice is what the preview says when a build ran out of time.
const GaveUpNotice = "Preview paused: this body is too complex to render live. The preview shows an earlier version."

// maxPreviewBuilds is how many builds may run at once: the newest and one
// superseded build that has not noticed its cancellation yet.
const maxPreviewBuilds = 2

// PreviewRenderer renders article snapshots into a PreviewView off the UI
// goroutine, incrementally: only the chunks of the body an edit changed are
// parsed again (editor.PreviewCache), and only the rows whose text changed
// are laid out again. Render never blocks. Each request cancels the build before it
// (editor.BuildPreviewContext) and starts at once on a goroutine of its
// own, so a newer edit never waits for a stale build; only when
// maxPreviewBuilds builds are still running does it wait as the one pending
// request, superseding any older one waiting. A finished build whose
// generation is no longer the newest is dropped, so the view always ends
// on the newest article. A build that runs longer than Patience shows
// PausedNotice above the preview, and one that runs longer than Limit is
// given up with GaveUpNotice. Results reach the view through fyne.Do.
type PreviewRenderer struct {
	view    *PreviewView
	profile func() editor.Profile
	opt     editor.RenderOptions

	// OnRendered, when set before the first Render, is called on the UI
	// goroutine after the view shows a new result (p is nil on error).
	OnRendered func(p *editor.Preview, err error)
	// Post hands a result to the UI goroutine; nil means fyne.Do. The
	// window sets its one seam (MainWindow.onUI), which tests replace.
	Post func(func())
	// FollowLine, when set, is called on the UI goroutine after a new
	// result is shown and returns the body line being edited, which the
	// view scrolls into sight (PreviewView.ScrollToSourceLine).
	FollowLine func() int
	// Patience is how long a build runs before the view says the preview
	// is paused; Limit is how long before the build is given up.
	Patience, Limit time.Duration

	// cache keeps the body's chunks between builds, so an edit parses
	// only the chunk it changed.
	cache editor.PreviewCache

	mu        sync.Mutex
	cond      *sync.Cond
	gen       uint64 // newest requested generation
	delivered uint64 // newest generation shown or settled
	pending   *previewRequest
	running   int
	cancel    context.CancelFunc // of the newest build
	shownID   string             // the article shown, to reset the scroll
}

// previewRequest is one snapshot to render.
type previewRequest struct {
	a   *editor.Article
	p   editor.Profile
	gen uint64
}

// NewPreviewRenderer returns a renderer that feeds view. Render calls
// profile on the caller's goroutine to snapshot the publication profile
// with the article; a nil profile means editor.DefaultProfile. opt is
// passed to editor.BuildPreview (its Resolve runs on the worker goroutine).
func NewPreviewRenderer(view *PreviewView, profile func() editor.Profile, opt editor.RenderOptions) *PreviewRenderer {
	if profile == nil {
		profile = editor.DefaultProfile
	}
	r := &PreviewRenderer{view: view, profile: profile, opt: opt, Patience: 250 * time.Millisecond, Limit: 5 * time.Second}
	r.cond = sync.NewCond(&r.mu)
	th := view.Theme()
	warmOnce.Do(func() { go measurer.warm(th) })
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
	if r.cancel != nil {
		r.cancel()
		r.cancel = nil
	}
	req := &previewRequest{a: a, p: p, gen: r.gen}
	if r.running < maxPreviewBuilds {
		r.start(req)
	} else {
		r.pending = req
	}
	return r.gen
}

// start runs req on a goroutine of its own; r.mu is held.
func (r *PreviewRenderer) start(req *previewRequest) {
	ctx, cancel := context.WithTimeout(context.Background(), r.Limit)
	r.cancel = cancel
	r.running++
	go r.build(ctx, cancel, req)
}

// post runs f on the UI goroutine through Post, or fyne.Do.
func (r *PreviewRenderer) post(f func()) {
	if r.Post != nil {
		r.Post(f)
		return
	}
	fyne.Do(f)
}

// build renders one request and hands the result to the UI goroutine.
func (r *PreviewRenderer) build(ctx context.Context, cancel context.CancelFunc, req *previewRequest) {
	paused := time.AfterFunc(r.Patience, func() {
		if r.newest(req.gen) {
			r.post(func() {
				if r.newest(req.gen) {
					r.view.SetPaused(PausedNotice)
				}
			})
		}
	})
	pv, err := r.cache.Build(ctx, req.a, req.p, r.opt)
	var rows []*previewRow
	if err == nil {
		rows = previewRows(pv)
		err = r.view.prelayout(ctx, rows)
	}
	paused.Stop()
	timedOut := errors.Is(err, context.DeadlineExceeded)
	cancel()
	if !errors.Is(err, context.Canceled) {
		id := req.a.ID
		r.post(func() { r.deliver(req.gen, id, pv, rows, err, timedOut) })
	}
	r.mu.Lock()
	r.running--
	if next := r.pending; next != nil && r.running < maxPreviewBuilds {
		r.pending = nil
		r.start(next)
	}
	r.mu.Unlock()
}

func (r *PreviewRenderer) newest(gen uint64) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return gen == r.gen
}

// deliver shows a finished build unless a newer one was requested.
func (r *PreviewRenderer) deliver(gen uint64, id string, pv *editor.Preview, rows []*previewRow, err error, timedOut bool) {
	if !r.newest(gen) {
		return
	}
	switch {
	case timedOut:
		r.view.SetPaused(GaveUpNotice)
	case err != nil:
		r.view.SetError(err)
	default:
		r.view.setRows(pv, rows)
	}
	if !timedOut {
		if id != r.shownID {
			r.shownID = id
			r.view.ScrollToTop()
		} else if r.FollowLine != nil {
			r.view.ScrollToSourceLine(r.FollowLine())
		}
		if r.OnRendered != nil {
			r.OnRendered(pv, err)
		}
	}
	r.mu.Lock()
	r.delivered = max(r.delivered, gen)
	r.cond.Broadcast()
	r.mu.Unlock()
}

// Wait blocks until the newest requested render is shown or given up. It
// is meant for tests and must not be called on the UI goroutine, which
// delivers results.
func (r *PreviewRenderer) Wait() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for r.delivered < r.gen {
		r.cond.Wait()
	}
}
