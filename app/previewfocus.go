package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// The preview takes the keyboard focus (F6 from the body): a ring in the
// theme's focus colour shows that it has it, and the arrows, Page Up/Down,
// Home and End scroll it. F6 and Shift+F6 move on (view.go's cycleFocus).

// previewFocus is the preview's focus state.
type previewFocus struct {
	has bool
	// ring outlines the preview while it has the focus.
	ring *canvas.Rectangle
	// onF6 moves the focus to the next pane.
	onF6 func()
}

// newFocusRing is the hidden outline of a focused pane.
func newFocusRing() *canvas.Rectangle {
	r := canvas.NewRectangle(color.Transparent)
	r.StrokeWidth = 2
	r.Hide()
	return r
}

// HasFocus reports whether the preview has the keyboard focus.
func (v *PreviewView) HasFocus() bool { return v.focus.has }

// FocusGained implements fyne.Focusable.
func (v *PreviewView) FocusGained() {
	v.focus.has = true
	v.focus.ring.StrokeColor = theme.Color(theme.ColorNameFocus)
	v.focus.ring.Show()
	v.focus.ring.Refresh()
}

// FocusLost implements fyne.Focusable.
func (v *PreviewView) FocusLost() {
	v.focus.has = false
	v.focus.ring.Hide()
}

// TypedRune implements fyne.Focusable; the preview is read-only.
func (v *PreviewView) TypedRune(rune) {}

// previewLineStep is how far an arrow key scrolls, in text lines.
const previewLineStep = 3

// TypedKey implements fyne.Focusable: the keys that scroll.
func (v *PreviewView) TypedKey(ev *fyne.KeyEvent) {
	line := theme.TextSize() * 1.5
	page := max(v.scroll.Size().Height-line, line)
	switch ev.Name {
	case fyne.KeyUp:
		v.scrollTo(v.scroll.Offset.Y - previewLineStep*line)
	case fyne.KeyDown:
		v.scrollTo(v.scroll.Offset.Y + previewLineStep*line)
	case fyne.KeyPageUp:
		v.scrollTo(v.scroll.Offset.Y - page)
	case fyne.KeyPageDown, fyne.KeySpace:
		v.scrollTo(v.scroll.Offset.Y + page)
	case fyne.KeyHome:
		v.scrollTo(0)
	case fyne.KeyEnd:
		v.scrollTo(v.total)
	case fyne.KeyF6:
		if v.focus.onF6 != nil {
			v.focus.onF6()
		}
	}
}

// scrollTo scrolls the preview so that y is at the top, within the
// content.
func (v *PreviewView) scrollTo(y float32) {
	y = max(0, min(y, v.total-v.scroll.Size().Height))
	if y == v.scroll.Offset.Y {
		return
	}
	v.scroll.ScrollToOffset(fyne.NewPos(v.scroll.Offset.X, y))
	v.content.updateVisible()
}

// ScrollOffset is how far the preview is scrolled down.
func (v *PreviewView) ScrollOffset() float32 { return v.scroll.Offset.Y }
