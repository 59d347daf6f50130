package textedit

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Editor is Dateline's multi-line text widget for the Markdown body. Its
// text lives in a Model; the widget wraps each paragraph itself, caches the
// layout per paragraph and draws only the visible lines.
type Editor struct {
	widget.BaseWidget

	// OnChanged, when set, is called with the whole text after every edit
	// (typing, paste, undo, replace, SetText).
	OnChanged func(string)
	// OnEdited, when set, is called after every edit without the text: the
	// cheap notification for callers that read Text() later.
	OnEdited func()
	// Validator, when set, checks the text after every edit; a form or a
	// form dialog shows its error and disables its submit button.
	Validator func(string) error
	// OnFind, when set, is called for Ctrl+F (replace false) and Ctrl+H
	// (replace true); a FindBar sets it.
	OnFind func(replace bool)
	// OnOtherKey, when set, is offered the keys the editor has no use for
	// (F6 for the window's pane cycle, say) and returns whether it took
	// them; keys it does not take go on as before.
	OnOtherKey func(*fyne.KeyEvent) bool
	// OnFocus, when set, is called when the editor gets the focus.
	OnFocus func()
	// OnSecondaryTap, when set, is called on a right click with the text
	// position under the pointer (the caret moves there unless it is
	// inside the selection); a context menu goes here (review.go).
	OnSecondaryTap func(at Pos, ev *fyne.PointEvent)

	// OnSubmitted, when set, is called with the text when Enter is
	// pressed in a single-line editor (NewLine).
	OnSubmitted func(string)
	// OnRowsChanged, when set, is called when a single-line editor's
	// height in lines changes (an edit or a resize wrapped it onto more or
	// fewer lines), so that a container that lays it out can do so again.
	OnRowsChanged func()

	m   *Model
	lay layouter

	// single makes a one-paragraph field (line.go); maxRows is the most
	// lines it grows to, rows how many it asked room for last; fit
	// remembers whether its text fitted without a scrollbar.
	single        bool
	maxRows, rows int
	inRowsChanged bool
	fit           fitCache

	placeholder string
	minRows     int
	disabled    bool
	focused     bool

	scrollY  float32
	upstream bool // the caret sits at the end of a wrapped line
	goalX    float32
	haveGoal bool
	shift    bool

	clicks     int
	lastClick  time.Time
	lastPos    fyne.Position
	dragAnchor Range // what the press selected, kept while dragging
	dragBar    bool  // the press was on the scrollbar

	styles map[DecorationKind]DecorationStyle
	r      *renderer

	// findHook, when set, is told of every edit (the find bar recounts).
	findHook     func()
	onValidation func(error)
	lastErr      error
}

// DecorationStyle is how a kind of decoration is drawn: a background
// highlight, an underline, or a wavy underline (spelling and style).
type DecorationStyle struct {
	Color     fyne.ThemeColorName
	Underline bool
	Wavy      bool
	// Strike draws a line through the middle of the text (a suggested
	// deletion); it wins over Underline.
	Strike bool
}

// New returns an empty editor.
func New() *Editor {
	e := &Editor{minRows: 3}
	e.m = NewModel("")
	e.lay.m = e.m
	e.lay.paras = make([]paraLayout, e.m.Len())
	e.lay.lineGap = 4
	e.m.OnChange = e.lay.change
	e.styles = map[DecorationKind]DecorationStyle{
		KindSearchMatch:   {Color: theme.ColorNameSelection},
		KindSearchCurrent: {Color: theme.ColorNameFocus},
		KindSpelling:      {Color: theme.ColorNameError, Wavy: true},
		KindStyle:         {Color: theme.ColorNamePrimary, Wavy: true},
	}
	e.ExtendBaseWidget(e)
	return e
}

// Model returns the editor's document model.
func (e *Editor) Model() *Model { return e.m }

// SetText replaces the text, puts the cursor at the start, scrolls to the
// top and forgets undo history. Only the visible paragraphs are laid out.
func (e *Editor) SetText(s string) {
	e.m.SetText(s)
	e.scrollY = 0
	e.upstream, e.haveGoal = false, false
	e.edited()
}

// Text returns the text exactly as typed, line breaks as LF.
func (e *Editor) Text() string { return e.m.Text() }

// SetPlaceHolder sets the text shown while the editor is empty.
func (e *Editor) SetPlaceHolder(s string) {
	e.placeholder = s
	e.Refresh()
}

// SetMinRowsVisible sets how many lines the editor asks room for.
func (e *Editor) SetMinRowsVisible(n int) {
	e.minRows = n
	e.Refresh()
}

// Enable lets the user edit again.
func (e *Editor) Enable() {
	e.disabled = false
	e.Refresh()
}

// Disable stops the user from editing; the text stays visible.
func (e *Editor) Disable() {
	e.disabled = true
	e.Refresh()
}

// Disabled reports whether the editor is disabled.
func (e *Editor) Disabled() bool { return e.disabled }

// CursorPosition returns the caret's paragraph and byte offset.
func (e *Editor) CursorPosition() Pos { return e.m.Selection().Caret }

// SetCursor moves the caret (clamped to the text and to a grapheme
// boundary), clears the selection and scrolls to it.
func (e *Editor) SetCursor(p Pos) {
	e.m.SetCaret(p, false)
	e.moved()
}

// Select selects r (the caret at its end) and scrolls to it.
func (e *Editor) Select(r Range) {
	e.m.SetSelection(Selection{Anchor: r.From, Caret: r.To})
	e.moved()
}

// SelectedText returns the selected text.
func (e *Editor) SelectedText() string { return e.m.SelectedText() }

// SetDecorations replaces the decorations of one kind and redraws.
func (e *Editor) SetDecorations(kind DecorationKind, ranges []Range) {
	e.m.SetDecorations(kind, ranges)
	e.Refresh()
}

// SetDecorationStyle says how decorations of a kind are drawn.
func (e *Editor) SetDecorationStyle(kind DecorationKind, st DecorationStyle) {
	e.styles[kind] = st
	e.Refresh()
}

// Undo reverts the last undo step.
func (e *Editor) Undo() {
	if e.m.Undo() {
		e.edited()
	}
}

// Redo applies the last undone step again.
func (e *Editor) Redo() {
	if e.m.Redo() {
		e.edited()
	}
}

// ScrollToCursor scrolls so that the caret is visible.
func (e *Editor) ScrollToCursor() {
	e.scrollToCaret()
	e.Refresh()
}

// Validate implements fyne.Validatable: the Validator's verdict on the
// text, nil without a Validator.
func (e *Editor) Validate() error {
	if e.Validator == nil {
		return nil
	}
	return e.Validator(e.m.Text())
}

// SetOnValidationChanged implements fyne.Validatable.
func (e *Editor) SetOnValidationChanged(f func(error)) {
	e.onValidation = f
	e.lastErr = e.Validate()
}

// CreateRenderer implements fyne.Widget.
func (e *Editor) CreateRenderer() fyne.WidgetRenderer {
	e.r = &renderer{e: e}
	e.r.build()
	return e.r
}

// edited follows an edit: tell the listeners, keep the caret in view and
// redraw.
func (e *Editor) edited() {
	e.haveGoal = false
	e.upstream = false
	if e.OnEdited != nil {
		e.OnEdited()
	}
	if e.findHook != nil {
		e.findHook()
	}
	if e.OnChanged != nil {
		e.OnChanged(e.m.Text())
	}
	e.checkRows()
	if e.Validator != nil {
		err := e.Validate()
		if (err == nil) != (e.lastErr == nil) || (err != nil && err.Error() != e.lastErr.Error()) {
			e.lastErr = err
			if e.onValidation != nil {
				e.onValidation(err)
			}
		}
	}
	e.scrollToCaret()
	e.Refresh()
}

// moved follows a caret move: keep it in view and redraw.
func (e *Editor) moved() {
	e.scrollToCaret()
	e.Refresh()
}

// metrics brings the layouter up to date with the widget's size and the
// theme's text size.
func (e *Editor) metrics() {
	size := e.Theme().Size(theme.SizeNameText)
	e.lay.setMetrics(e.textWidth(), size)
}

// padding is the space around the text.
func (e *Editor) padding() float32 { return e.Theme().Size(theme.SizeNameInnerPadding) }

// padTop is the space above and below the text: the padding, less in a
// single-line field, whose text then sits where a stock Entry's does and
// whose one line is as tall as an Entry beside it.
func (e *Editor) padTop() float32 {
	if e.single {
		return max(e.padding()-e.lay.lineGap/2, 0)
	}
	return e.padding()
}

// barWidth is the width kept for the scrollbar at the right.
func (e *Editor) barWidth() float32 { return e.Theme().Size(theme.SizeNameScrollBar) }

// textWidth is the width lines wrap at: the scrollbar's width is kept
// free, except in a single-line field whose text fits without one.
func (e *Editor) textWidth() float32 {
	w := e.Size().Width - 2*e.padding()
	if e.single && e.fitsWithoutBar(w) {
		return w
	}
	return w - e.barWidth()
}

// viewHeight is the height of the visible text area.
func (e *Editor) viewHeight() float32 {
	return max(e.Size().Height-2*e.padTop(), 1)
}

// maxScroll is how far the text can scroll.
func (e *Editor) maxScroll() float32 {
	return max(e.lay.total()-e.viewHeight(), 0)
}

// scrollTo sets the scroll offset within bounds.
func (e *Editor) scrollTo(y float32) {
	e.scrollY = max(0, min(y, e.maxScroll()))
}

// caretBox returns the caret's top, x and line height in content
// coordinates.
func (e *Editor) caretBox() (x, y, h float32) {
	e.metrics()
	c := e.m.Selection().Caret
	p := e.lay.para(c.Para)
	k := p.lineOf(c.Off, e.upstream)
	x = min(e.lay.xAt(c.Para, k, c.Off), e.lay.width)
	y = e.lay.top(c.Para) + float32(k)*p.lineH
	return x, y, p.lineH
}

// scrollToCaret scrolls the least amount that shows the caret's line.
func (e *Editor) scrollToCaret() {
	if e.Size().Height <= 0 {
		return
	}
	// Laying out the paragraphs that come into view can move the caret's
	// paragraph (their heights were estimates); settle in a few rounds.
	for range 3 {
		_, y, h := e.caretBox()
		old := e.scrollY
		if y < e.scrollY {
			e.scrollY = y
		} else if y+h > e.scrollY+e.viewHeight() {
			e.scrollY = y + h - e.viewHeight()
		}
		e.scrollTo(e.scrollY)
		e.layoutVisible()
		if e.scrollY == old {
			_, y2, _ := e.caretBox()
			if y2 == y {
				return
			}
		}
	}
}

// layoutVisible lays out the paragraphs in view and returns the first and
// last of them.
func (e *Editor) layoutVisible() (first, last int) {
	e.metrics()
	first = e.lay.paraAt(e.scrollY)
	bottom := e.scrollY + e.viewHeight()
	last = first
	y := e.lay.top(first)
	for i := first; i < e.m.Len(); i++ {
		last = i
		y += e.lay.para(i).height
		if y >= bottom {
			break
		}
	}
	return first, last
}
