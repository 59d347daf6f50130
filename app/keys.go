package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// keyEntry is a one-line entry that offers the keys a dialog or a list
// needs (arrows, Enter, Escape, Page Up/Down) and F6 (the window's pane
// cycle) to onKey first, so that a search field can drive a list below it,
// a dialog can be answered from the keyboard and F6 works from any form
// field. onKey returns true when it handled the key.
type keyEntry struct {
	widget.Entry
	onKey func(name fyne.KeyName) bool
	// onFocus, when set, is called when the entry gets the focus: the
	// form scrolls it into view.
	onFocus func()
}

// FocusGained implements fyne.Focusable.
func (e *keyEntry) FocusGained() {
	e.Entry.FocusGained()
	if e.onFocus != nil {
		e.onFocus()
	}
}

func newKeyEntry(onKey func(name fyne.KeyName) bool) *keyEntry {
	e := &keyEntry{onKey: onKey}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey implements fyne.Focusable.
func (e *keyEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyUp, fyne.KeyDown, fyne.KeyReturn, fyne.KeyEnter, fyne.KeyEscape, fyne.KeyPageUp, fyne.KeyPageDown, fyne.KeyF6:
		if e.onKey != nil && e.onKey(ev.Name) {
			return
		}
	}
	e.Entry.TypedKey(ev)
}
