package textedit

import "fyne.io/fyne/v2/theme"

// The single-line mode: a field such as a headline, which holds one
// paragraph (line breaks that come in become spaces, Model.SingleLine),
// shows it plain rather than as Markdown, wraps it onto more lines inside
// the field rather than scrolling sideways, and grows with its lines up to
// a limit. Enter calls OnSubmitted. Everything else (undo, decorations,
// the placeholder, validation, the review desk's right click) is the
// Editor's.

// maxLineRows is how many lines a single-line field grows to before it
// scrolls.
const maxLineRows = 3

// NewLine returns an empty single-line editor.
func NewLine() *Editor {
	e := New()
	e.single = true
	e.m.SingleLine = true
	e.lay.plain = true
	e.minRows, e.maxRows = 1, maxLineRows
	e.rows = 1
	return e
}

// SingleLine reports whether the editor is a single-line field (NewLine).
func (e *Editor) SingleLine() bool { return e.single }

// lineRows is how many lines a single-line editor asks room for: the
// lines its text wraps to at its width, from 1 to maxRows. Before it has a
// width it asks for one.
func (e *Editor) lineRows() int {
	if e.Size().Width <= 0 {
		return e.minRows
	}
	e.metrics()
	return max(e.minRows, min(len(e.lay.para(0).lines), e.maxRows))
}

// checkRows tells OnRowsChanged when a single-line editor's height in
// lines changed.
func (e *Editor) checkRows() {
	if !e.single || e.inRowsChanged {
		return
	}
	n := e.lineRows()
	if n == e.rows {
		return
	}
	e.rows = n
	if e.OnRowsChanged != nil {
		e.inRowsChanged = true
		e.OnRowsChanged()
		e.inRowsChanged = false
	}
}

// Overflows reports whether the text is taller than the editor shows, so
// that part of it is scrolled out of view.
func (e *Editor) Overflows() bool {
	e.metrics()
	return e.lay.total() > e.viewHeight()+0.5
}

// fitCache remembers fitsWithoutBar's answer for a text version, width
// and text size.
type fitCache struct {
	version     uint64
	width, size float32
	valid, fits bool
}

// fitsWithoutBar reports whether a single-line field's text wraps to no
// more lines than the field shows at width w, so that it needs no
// scrollbar and may use the bar's width too. Wrapped at the narrower
// width it has at least as many lines, so the answer holds there too.
func (e *Editor) fitsWithoutBar(w float32) bool {
	size := e.Theme().Size(theme.SizeNameText)
	c := &e.fit
	if c.valid && c.version == e.m.Version() && c.width == w && c.size == size {
		return c.fits
	}
	s := e.m.Para(0)
	st := e.lay.styleOf(s)
	meas := fyneMeasurer{size: size}
	lines := wrap(s, &st, max(w, 1), &meas)
	*c = fitCache{version: e.m.Version(), width: w, size: size, valid: true, fits: len(lines) <= e.maxRows}
	return c.fits
}
