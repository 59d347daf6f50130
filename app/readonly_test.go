package app

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/dateline-news/dateline/storage"
)

// TestReadOnlyLibrarySaysWhy opens the window on a read-only library: the
// draft opens, and an edit's save says the library is read-only while the
// text stays in the window.
func TestReadOnlyLibrarySaysWhy(t *testing.T) {
	clk := newFakeClock()
	path := filepath.Join(t.TempDir(), "library.db")
	rw, err := storage.Open(path, storage.WithNow(clk.Now))
	if err != nil {
		t.Fatal(err)
	}
	a := seed(t, rw, clk, "Harbour cranes stand idle", "The port was quiet.")
	if err := rw.Close(); err != nil {
		t.Fatal(err)
	}
	ro, err := storage.Open(path, storage.ReadOnly(), storage.WithNow(clk.Now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ro.Close() })

	w := newTestWindow(t, ro, clk, Options{})
	if w.article == nil || w.article.ID != a.ID {
		t.Fatalf("window opened %v, want %s", w.article, a.ID)
	}
	typeAtEnd(w.form.body, " More.")
	w.advance(w.opt.autosaveDelay())
	if got := w.StatusText(); !strings.Contains(got, "Not saved: the library is read-only: ") {
		t.Errorf("status after a save to a read-only library = %q, want it to say the library is read-only and why", got)
	}
	if got := w.form.body.Text(); !strings.HasSuffix(got, "More.") {
		t.Errorf("the typed text was lost: %q", got)
	}
}
