package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// This file gives every dialog of a window the two keys people press in
// dialogs: Escape dismisses it (its Cancel or Close button) and Enter
// confirms it (its one emphasised button). Fyne's dialogs handle neither.
// The keys reach the canvas when no widget in the dialog has focus, and
// the dialogs' one-line fields (keyEntry) pass them on, too.

// installDialogKeys routes the window's unfocused Escape and Enter to the
// dialog on top, if any.
func installDialogKeys(c fyne.Canvas) {
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) { dialogKey(c, ev.Name) })
}

// dialogKey presses the button of the top dialog that key stands for, and
// reports whether it did. Escape presses the only button, or else the only
// one that is not emphasised (Cancel, Close, Keep editing); Enter presses
// the only emphasised button, or else the only button. A dialog that
// leaves the choice open (two plain buttons, or none) is left alone.
func dialogKey(c fyne.Canvas, key fyne.KeyName) bool {
	top := c.Overlays().Top()
	if top == nil || !top.Visible() {
		return false
	}
	var all, plain, high []*widget.Button
	walkVisible(top, func(o fyne.CanvasObject) {
		b, ok := o.(*widget.Button)
		if !ok || b.Disabled() || b.OnTapped == nil {
			return
		}
		all = append(all, b)
		if b.Importance == widget.HighImportance || b.Importance == widget.DangerImportance {
			high = append(high, b)
		} else {
			plain = append(plain, b)
		}
	})
	var press *widget.Button
	switch key {
	case fyne.KeyEscape:
		switch {
		case len(all) == 1:
			press = all[0]
		case len(plain) == 1:
			press = plain[0]
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		switch {
		case len(high) == 1:
			press = high[0]
		case len(all) == 1:
			press = all[0]
		}
	}
	if press == nil {
		return false
	}
	press.OnTapped()
	return true
}

// walkVisible calls f for o and every visible object inside it that Fyne
// lets a program see: containers, pop-ups (a dialog is one), scrolls and
// splits. That is where dialogs keep their buttons.
func walkVisible(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	f(o)
	switch t := o.(type) {
	case *fyne.Container:
		for _, c := range t.Objects {
			walkVisible(c, f)
		}
	case *widget.PopUp:
		walkVisible(t.Content, f)
	case *container.Scroll:
		walkVisible(t.Content, f)
	case *container.Split:
		walkVisible(t.Leading, f)
		walkVisible(t.Trailing, f)
	}
}
