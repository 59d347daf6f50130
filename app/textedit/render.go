package textedit

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// renderer draws the visible lines only. Its canvas objects come from
// pools that are reused from one refresh to the next; a text object is
// refreshed only when what it shows changed.
type renderer struct {
	e *Editor

	bg, caret, track, thumb *canvas.Rectangle
	placeholder             *canvas.Text

	texts []*canvas.Text
	rects []*canvas.Rectangle // selection and decorations
	nText int
	nRect int

	objects []fyne.CanvasObject
}

func (r *renderer) build() {
	r.bg = canvas.NewRectangle(color.Transparent)
	r.caret = canvas.NewRectangle(color.Transparent)
	r.track = canvas.NewRectangle(color.Transparent)
	r.thumb = canvas.NewRectangle(color.Transparent)
	r.placeholder = canvas.NewText("", color.Transparent)
	r.draw()
}

// Destroy implements fyne.WidgetRenderer.
func (r *renderer) Destroy() {}

// Objects implements fyne.WidgetRenderer.
func (r *renderer) Objects() []fyne.CanvasObject { return r.objects }

// Layout implements fyne.WidgetRenderer.
func (r *renderer) Layout(fyne.Size) {
	r.e.scrollTo(r.e.scrollY)
	r.draw()
	r.e.checkRows()
}

// MinSize implements fyne.WidgetRenderer: room for the minimum rows.
func (r *renderer) MinSize() fyne.Size {
	e := r.e
	size := e.Theme().Size(theme.SizeNameText)
	h := fyne.MeasureText("Mg", size, fyne.TextStyle{}).Height + e.lay.lineGap
	pad := e.padding()
	rows := e.minRows
	if e.single {
		rows = e.lineRows()
	}
	return fyne.NewSize(size*6+2*pad+e.barWidth(), float32(rows)*h+2*e.padTop())
}

// Refresh implements fyne.WidgetRenderer.
func (r *renderer) Refresh() {
	r.draw()
	canvas.Refresh(r.caret)
}

// color looks a theme colour up for the widget.
func (r *renderer) color(n fyne.ThemeColorName) color.Color {
	return r.e.Theme().Color(n, fyne.CurrentApp().Settings().ThemeVariant())
}

// rect takes a rectangle from the pool.
func (r *renderer) rect(fill color.Color, pos fyne.Position, size fyne.Size) {
	if r.nRect == len(r.rects) {
		r.rects = append(r.rects, canvas.NewRectangle(fill))
	}
	o := r.rects[r.nRect]
	r.nRect++
	if o.FillColor != fill {
		o.FillColor = fill
		o.Refresh()
	}
	o.Move(pos)
	o.Resize(size)
	r.objects = append(r.objects, o)
}

// wavy draws a wavy underline from x0 to x1 as short steps that go up
// and down by two pixels.
func (r *renderer) wavy(col color.Color, x0, x1, y float32) {
	const step = 3
	for i, x := 0, x0; x < x1; i, x = i+1, x+step {
		dy := float32(0)
		if i%2 == 1 {
			dy = 2
		}
		r.rect(col, fyne.NewPos(x, y+dy), fyne.NewSize(min(step, x1-x)+0.5, 1.5))
	}
}

// text takes a text object from the pool.
func (r *renderer) text(s string, col color.Color, size float32, st fyne.TextStyle, pos fyne.Position, box fyne.Size) {
	if r.nText == len(r.texts) {
		r.texts = append(r.texts, canvas.NewText("", col))
	}
	t := r.texts[r.nText]
	r.nText++
	if t.Text != s || t.Color != col || t.TextSize != size || t.TextStyle != st {
		t.Text, t.Color, t.TextSize, t.TextStyle = s, col, size, st
		t.Refresh()
	}
	t.Move(pos)
	t.Resize(box)
	r.objects = append(r.objects, t)
}

// draw rebuilds the object list for the visible lines.
func (r *renderer) draw() {
	e := r.e
	r.objects = r.objects[:0]
	r.nText, r.nRect = 0, 0
	size := e.Size()
	pad := e.padding()

	r.bg.FillColor = r.color(theme.ColorNameInputBackground)
	r.bg.CornerRadius = e.Theme().Size(theme.SizeNameInputRadius)
	r.bg.StrokeColor = r.color(theme.ColorNameInputBorder)
	if e.focused {
		r.bg.StrokeColor = r.color(theme.ColorNamePrimary)
	}
	r.bg.StrokeWidth = e.Theme().Size(theme.SizeNameInputBorder)
	r.bg.Resize(size)
	r.objects = append(r.objects, r.bg)
	if size.Width <= 0 || size.Height <= 0 {
		return
	}
	first, last := e.layoutVisible()
	lay := &e.lay
	top := e.padTop() - e.scrollY // screen y of content y 0
	viewTop, viewBottom := e.scrollY, e.scrollY+e.viewHeight()

	// Highlights under the text: decorations, then the selection.
	underlines := []func(){}
	e.m.decorationsIn(first, last, func(k DecorationKind, rg Range) {
		st, ok := e.styles[k]
		if !ok {
			return
		}
		col := r.color(st.Color)
		r.spans(rg, first, last, func(x0, x1, y, h float32) {
			if st.Wavy {
				underlines = append(underlines, func() { r.wavy(col, pad+x0, pad+x1, top+y+h-4) })
				return
			}
			if st.Strike {
				underlines = append(underlines, func() {
					r.rect(col, fyne.NewPos(pad+x0, top+y+h/2), fyne.NewSize(max(x1-x0, 2), 2))
				})
				return
			}
			if st.Underline {
				underlines = append(underlines, func() {
					r.rect(col, fyne.NewPos(pad+x0, top+y+h-3), fyne.NewSize(max(x1-x0, 2), 2))
				})
				return
			}
			r.rect(col, fyne.NewPos(pad+x0, top+y), fyne.NewSize(max(x1-x0, 2), h))
		})
	})
	if sel := e.m.Selection(); !sel.Empty() {
		col := r.color(theme.ColorNameSelection)
		r.spans(sel.Range(), first, last, func(x0, x1, y, h float32) {
			r.rect(col, fyne.NewPos(pad+x0, top+y), fyne.NewSize(max(x1-x0, 2), h))
		})
	}

	// The text, one object per styled run of each visible line.
	fg := r.color(theme.ColorNameForeground)
	if e.disabled {
		fg = r.color(theme.ColorNameDisabled)
	}
	dim := r.color(theme.ColorNamePlaceHolder)
	for i := first; i <= last; i++ {
		p := lay.para(i)
		s := e.m.Para(i)
		y := lay.top(i)
		tsize := textSize(lay.meas.size, p.style.heading)
		for k, ln := range p.lines {
			ly := y + float32(k)*p.lineH
			if ly+p.lineH < viewTop || ly > viewBottom {
				continue
			}
			x := p.indent
			for _, sp := range p.style.spans {
				a, b := max(sp.from, ln.start), min(sp.to, ln.end)
				if a >= b {
					continue
				}
				col := fg
				if sp.style&styleDim != 0 && !e.disabled {
					col = dim
				}
				w := lay.runWidth(s[a:b], sp.style, p.style.heading)
				r.text(s[a:b], col, tsize, fyneStyle(sp.style, p.style.heading), fyne.NewPos(pad+x, top+ly+lay.lineGap/2), fyne.NewSize(w, p.lineH-lay.lineGap))
				x += w
			}
		}
	}
	for _, u := range underlines {
		u()
	}

	if e.m.Len() == 1 && e.m.Para(0) == "" && e.placeholder != "" {
		r.placeholder.Text = e.placeholder
		r.placeholder.Color = dim
		r.placeholder.TextSize = lay.meas.size
		r.placeholder.Move(fyne.NewPos(pad, e.padTop()+lay.lineGap/2))
		r.placeholder.Resize(r.placeholder.MinSize())
		r.placeholder.Refresh()
		r.objects = append(r.objects, r.placeholder)
	}

	if e.focused && !e.disabled {
		x, y, h := e.caretBox()
		r.caret.FillColor = r.color(theme.ColorNamePrimary)
		r.caret.Move(fyne.NewPos(pad+x-1, top+y))
		r.caret.Resize(fyne.NewSize(2, h))
		r.objects = append(r.objects, r.caret)
	}

	// The scrollbar, when the text is taller than the view.
	total := lay.total()
	if total > e.viewHeight() {
		bw := e.barWidth()
		r.track.FillColor = color.Transparent
		r.track.Move(fyne.NewPos(size.Width-bw, 0))
		r.track.Resize(fyne.NewSize(bw, size.Height))
		th := max(size.Height*e.viewHeight()/total, bw*2)
		ty := (size.Height - th) * e.scrollY / max(e.maxScroll(), 1)
		r.thumb.FillColor = r.color(theme.ColorNameScrollBar)
		r.thumb.CornerRadius = bw / 4
		r.thumb.Move(fyne.NewPos(size.Width-bw+2, ty))
		r.thumb.Resize(fyne.NewSize(bw-4, th))
		r.objects = append(r.objects, r.track, r.thumb)
	}
}

// spans calls f with the x extent, top and height (content coordinates,
// x from the text's left edge) of every visible line piece of rg.
func (r *renderer) spans(rg Range, first, last int, f func(x0, x1, y, h float32)) {
	e := r.e
	lay := &e.lay
	viewTop, viewBottom := e.scrollY, e.scrollY+e.viewHeight()
	for i := max(first, rg.From.Para); i <= min(last, rg.To.Para); i++ {
		p := lay.para(i)
		y := lay.top(i)
		for k, ln := range p.lines {
			ly := y + float32(k)*p.lineH
			if ly+p.lineH < viewTop || ly > viewBottom {
				continue
			}
			a, b := ln.start, ln.end
			if i == rg.From.Para {
				a = max(a, rg.From.Off)
			}
			lastLine := k == len(p.lines)-1
			if i == rg.To.Para {
				b = min(b, rg.To.Off)
			}
			if a > b || (a == b && !(lastLine && i < rg.To.Para)) {
				continue
			}
			x0 := lay.xAt(i, k, a)
			x1 := lay.xAt(i, k, b)
			if lastLine && i < rg.To.Para {
				x1 += lay.meas.size / 3 // the selected line break
			}
			f(x0, min(x1, lay.width+lay.meas.size/3), ly, p.lineH)
		}
	}
}
