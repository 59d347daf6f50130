package app

import (
	"image/color"
	"net/url"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

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
