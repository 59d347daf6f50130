package app

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/dateline-news/dateline/assets"
)

func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files under testdata/")
	}
}

// updateGoldens reports whether the test run was asked to rewrite goldens.
func updateGoldens() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
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
	const name = "main_window.xml"
	if updateGoldens() {
		path := filepath.Join("testdata", name)
		if err := os.WriteFile(path, []byte(test.RenderToMarkup(w.Window.Canvas())), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", path)
		return
	}
	test.AssertRendersToMarkup(t, name, w.Window.Canvas())
}
