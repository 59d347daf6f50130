package app

import (
	"context"
	"strings"
	"testing"

	"github.com/dateline-news/dateline/editor"
)

// TestImportSkipsADuplicate: a file whose content is already in the
// library, with or without its UUID, is skipped and counted as such,
// without a clash dialog and without a second draft.
func TestImportSkipsADuplicate(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	a := seed(t, store, clk, "Port strike ends", "Dockworkers voted.")
	w := newTestWindow(t, store, clk, Options{})
	withID := clashFile(t, w.MainWindow, a, a.Body) // the same text: an export of a
	withoutID := fileURIs(t, [2]string{"wire.md", "# Rains return to the coast\n\nThe first rains fell on Monday.\n"})

	w.importer.ImportURIs(withoutID)
	w.settle()
	w.importer.ImportURIs(append(withID, withoutID...))
	w.settle()
	if text := overlayText(w.MainWindow); text != "" {
		t.Errorf("a dialog is shown for duplicates:\n%s", text)
	}
	if got, want := w.StatusText(), "Imported 0 files of 2, skipped 2."; got != want {
		t.Errorf("status = %q, want %q", got, want)
	}
	n, err := store.Count(context.Background(), editor.ListOptions{})
	if err != nil || n != 2 {
		t.Errorf("the library holds %d drafts (%v), want 2", n, err)
	}
	if strings.Contains(w.StatusText(), "failed") {
		t.Error("a duplicate counted as a failure")
	}
}
