package app

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestNewArticleAtStartIsNotReplaced presses Ctrl+N before the window has
// read the newest draft: the new draft stays open (found by the GUI tests:
// the headline typed next went into the older draft).
func TestNewArticleAtStartIsNotReplaced(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	seed(t, store, clk, "Older story", "Some text.")
	a := test.NewTempApp(t)
	q := newUIQueue()
	w := newMainWindow(a, store, Options{onUI: q.post}, clk)
	t.Cleanup(w.Window.Close)
	tw := &testWindow{MainWindow: w, clock: clk, ui: q}
	(<-q.calls)()  // start-up has read the library and asks for the newest draft
	w.NewArticle() // Ctrl+N before that draft is read
	tw.settle()
	if w.article == nil || w.article.Headline == "Older story" || !w.fresh {
		t.Fatalf("the open draft is %+v, want the new one", w.article)
	}
}
