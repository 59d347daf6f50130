package app

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/dateline-news/dateline/assets"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

// assertMarkup compares the canvas with testdata/name, writing the file
// first under -update.
func assertMarkup(t *testing.T, name string, c fyne.Canvas) {
	t.Helper()
	if *update {
		path := filepath.Join("testdata", name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(test.RenderToMarkup(c)), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", path)
	}
	test.AssertRendersToMarkup(t, name, c)
}

// TestMainWindowMarkup pins the main window's layout with the sample
// article open: library row, form fields, preview and status bar. Run with
// -update to rewrite testdata/main_window.xml, and review it by eye.
func TestMainWindowMarkup(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	w := newTestWindow(t, store, clk, Options{Sample: assets.SampleArticle, LibraryPath: "/home/reporter/.local/share/dateline/library.db"})
	if w.article == nil {
		t.Fatal("sample not opened")
	}
	assertMarkup(t, "main_window.xml", w.Window.Canvas())
}
