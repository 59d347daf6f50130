package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/dateline-news/dateline/editor"
)

// typeOnCanvas sends key to the window as the driver does when no widget
// has focus.
func typeOnCanvas(c fyne.Canvas, key fyne.KeyName) {
	c.(interface {
		OnTypedKey() func(*fyne.KeyEvent)
	}).OnTypedKey()(&fyne.KeyEvent{Name: key})
}

func TestDialogKeys(t *testing.T) {
	clk := newFakeClock()
	w := newTestWindow(t, openStore(t, clk), clk, Options{})
	c := w.Window.Canvas()
	cases := []struct {
		name    string
		key     fyne.KeyName
		show    func(answer func(string)) dialog.Dialog
		want    string // the answer; "" when the dialog must stay open
		stillUp bool
	}{
		{"Escape cancels a confirmation", fyne.KeyEscape, func(answer func(string)) dialog.Dialog {
			return dialog.NewConfirm("Empty Trash?", "Sure?", func(ok bool) { answer(map[bool]string{true: "yes", false: "no"}[ok]) }, w.Window)
		}, "no", false},
		{"Enter confirms a confirmation", fyne.KeyReturn, func(answer func(string)) dialog.Dialog {
			return dialog.NewConfirm("Empty Trash?", "Sure?", func(ok bool) { answer(map[bool]string{true: "yes", false: "no"}[ok]) }, w.Window)
		}, "yes", false},
		{"keypad Enter confirms a form", fyne.KeyEnter, func(answer func(string)) dialog.Dialog {
			items := []*widget.FormItem{widget.NewFormItem("Note", widget.NewLabel("x"))}
			return dialog.NewForm("Move?", "Move", "Cancel", items, func(ok bool) { answer(map[bool]string{true: "yes", false: "no"}[ok]) }, w.Window)
		}, "yes", false},
		{"Escape closes an information dialog", fyne.KeyEscape, func(answer func(string)) dialog.Dialog {
			d := dialog.NewCustom("Keyboard shortcuts", "Close", widget.NewLabel("…"), w.Window)
			d.SetOnClosed(func() { answer("closed") })
			return d
		}, "closed", false},
		{"Enter closes an information dialog", fyne.KeyReturn, func(answer func(string)) dialog.Dialog {
			d := dialog.NewCustom("About", "Close", widget.NewLabel("…"), w.Window)
			d.SetOnClosed(func() { answer("closed") })
			return d
		}, "closed", false},
		{"two plain buttons leave the choice to the user", fyne.KeyReturn, func(answer func(string)) dialog.Dialog {
			d := dialog.NewCustomWithoutButtons("Which?", widget.NewLabel("…"), w.Window)
			d.SetButtons([]fyne.CanvasObject{
				widget.NewButton("Keep mine", func() { answer("mine") }),
				widget.NewButton("Keep theirs", func() { answer("theirs") }),
			})
			return d
		}, "", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := ""
			d := tc.show(func(s string) { got = s })
			d.Show()
			typeOnCanvas(c, tc.key)
			if got != tc.want {
				t.Errorf("answer %q, want %q", got, tc.want)
			}
			if up := c.Overlays().Top() != nil; up != tc.stillUp {
				t.Errorf("dialog still up = %v, want %v", up, tc.stillUp)
			}
			d.Hide()
			for c.Overlays().Top() != nil {
				c.Overlays().Remove(c.Overlays().Top())
			}
		})
	}
	// With no dialog up the keys do nothing (and do not panic).
	if dialogKey(c, fyne.KeyEscape) {
		t.Error("Escape with no dialog claimed to press something")
	}
}

// Escape in a dialog's note field cancels the dialog, as it does from
// anywhere else in it; the story does not move.
func TestEscapeInStatusNoteCancels(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	seed(t, store, clk, "Port strike ends", "Dockworkers voted.")
	w := newTestWindow(t, store, clk, Options{})
	c := w.Window.Canvas()
	w.askTransition(editor.StatusFiled)
	note := c.Focused()
	if note == nil || c.Overlays().Top() == nil {
		t.Fatal("the status dialog is not up with its note focused")
	}
	test.Type(note, "why")
	note.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	w.settle()
	if c.Overlays().Top() != nil {
		t.Error("Escape in the note left the dialog up")
	}
	if w.article.Status != editor.StatusDraft {
		t.Errorf("status %s after Escape, want draft", w.article.Status)
	}
}
