package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/dateline-news/dateline/editor"
)

// TestCompareWithFiled: the changes since the draft was filed, marked by
// underline and strike-through, stepped through with F7 and Shift+F7; the
// view is read-only.
func TestCompareWithFiled(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	a := seed(t, store, clk, "Port reopens", "Dockworkers voted on Monday to end the strike.")
	moveStored(t, store, a.ID, editor.StatusFiled, editor.StatusEditing)
	w := newTestWindow(t, store, clk, Options{})
	if w.article == nil || w.article.ID != a.ID {
		t.Fatal("draft not opened")
	}
	w.act(func() {
		w.form.body.SetText("Dockworkers voted on Tuesday to end the strike{++ at once++}{>>@Ed 2026-01-20T10:00Z<<}. Ships are waiting.")
	})
	w.advance(2 * time.Second)
	w.CompareWithFiled()
	w.settle()
	v := w.compare
	if v == nil {
		t.Fatal("no comparison shown")
	}
	// Suggestions are not part of the text readers get, so "at once" is no change.
	var changes []string
	for _, ch := range v.cmp.changes {
		sign := "+"
		if ch.op == diffDelete {
			sign = "-"
		}
		changes = append(changes, sign+v.cmp.text[ch.start:ch.end])
	}
	if got, want := strings.Join(changes, "|"), "-Monday|+Tuesday|+ Ships are waiting."; got != want {
		t.Fatalf("changes %q, want %q", got, want)
	}
	m := v.text.Model()
	if len(m.Decorations(decoSuggestInsert)) != 2 || len(m.Decorations(decoSuggestDelete)) != 1 {
		t.Errorf("decorations: %d underlined, %d struck; want 2 and 1", len(m.Decorations(decoSuggestInsert)), len(m.Decorations(decoSuggestDelete)))
	}
	if !strings.Contains(v.info.Text, "+4 −1 words") || !strings.Contains(v.info.Text, "3 changes") {
		t.Errorf("heading %q", v.info.Text)
	}

	v.text.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF7})
	if got := v.Current(); got != "Monday" || v.text.SelectedText() != "Monday" {
		t.Errorf("F7 went to %q (selected %q), want Monday", got, v.text.SelectedText())
	}
	v.text.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF7})
	v.text.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF7})
	if got := v.Current(); got != " Ships are waiting." {
		t.Errorf("third F7 went to %q", got)
	}
	v.text.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	v.text.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF7})
	v.text.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	if got := v.Current(); got != "Tuesday" {
		t.Errorf("Shift+F7 went to %q, want Tuesday", got)
	}
	before := v.text.Text()
	test.Type(v.text, "xyz")
	if v.text.Text() != before {
		t.Errorf("the comparison can be edited")
	}
}

// TestCompareWithFiledNeedsAFiledRevision: a draft never filed says so.
func TestCompareWithFiledNeedsAFiledRevision(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	seed(t, store, clk, "Port reopens", "Dockworkers voted.")
	w := newTestWindow(t, store, clk, Options{})
	w.CompareWithFiled()
	w.settle()
	if w.compare != nil || !strings.Contains(w.StatusText(), "not been filed") {
		t.Errorf("status %q", w.StatusText())
	}
}
