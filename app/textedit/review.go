package textedit

import "fyne.io/fyne/v2"

// What the review desk (spelling and style findings) needs of the editor:
// a right click with its text position, a replacement that is one undo
// step, and where the caret is drawn, for a menu opened from the keyboard.

var _ fyne.SecondaryTappable = (*Editor)(nil)

// TappedSecondary implements fyne.SecondaryTappable: the caret moves to
// the click unless it falls inside the selection, then OnSecondaryTap is
// called.
func (e *Editor) TappedSecondary(ev *fyne.PointEvent) {
	p, _ := e.hit(ev.Position)
	if sel := e.m.Selection(); sel.Empty() || p.Less(sel.Range().From) || sel.Range().To.Less(p) {
		e.m.SetCaret(p, false)
		e.moved()
	}
	if e.OnSecondaryTap != nil {
		e.OnSecondaryTap(p, ev)
	}
}

// ReplaceRange replaces the text of r with text as one undo step and
// reports the edit like typing does; the caret ends after the new text.
func (e *Editor) ReplaceRange(r Range, text string) {
	if e.disabled {
		return
	}
	e.m.Replace(r, text, EditOther)
	e.edited()
	e.moved()
}

// CaretPoint returns where the caret's line ends below the caret, in the
// editor's coordinates.
func (e *Editor) CaretPoint() fyne.Position {
	x, y, h := e.caretBox()
	pad := e.padding()
	return fyne.NewPos(pad+x, e.padTop()+y-e.scrollY+h)
}
