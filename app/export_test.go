package app

import (
	"bytes"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/assets"
	"github.com/dateline-news/dateline/editor"
)

func TestExportWritesEditorBytes(t *testing.T) {
	for _, f := range []editor.Format{editor.FormatHTML, editor.FormatMarkdown} {
		t.Run(string(f), func(t *testing.T) {
			clk := newFakeClock()
			store := openStore(t, clk)
			w := newTestWindow(t, store, clk, Options{Sample: assets.SampleArticle})
			path := filepath.Join(t.TempDir(), editor.ExportFileName(w.article.Slug, w.article.ID, f, map[string]bool{}))
			out, err := fynestorage.Writer(fynestorage.NewFileURI(path))
			if err != nil {
				t.Fatal(err)
			}

			w.exportTo(out, nil, f, w.article.Clone(), w.profile, w.render)
			w.settle()

			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			want, err := editor.Export(f, w.article, w.profile, w.render)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("exported file differs from editor.Export:\n got %d bytes\nwant %d bytes", len(got), len(want))
			}
			if !bytes.Contains(got, []byte("Harbor Times")) {
				t.Errorf("export lacks the footer's holder:\n%s", got)
			}
			if status := w.StatusText(); status != "Exported to "+path {
				t.Errorf("status = %q, want the full path", status)
			}
			var opened string
			w.openURL = func(u *url.URL) error { opened = u.String(); return nil }
			if !w.reveal.Visible() {
				t.Fatal("no Show in folder button after an export")
			}
			test.Tap(w.reveal)
			if want := "file://" + filepath.Dir(path) + "/"; opened != want {
				t.Errorf("Show in folder opened %q, want %q", opened, want)
			}
			test.Type(w.form.headline, "x")
			if w.reveal.Visible() {
				t.Error("Show in folder outlived the export's message")
			}
		})
	}
}

func TestExportErrorShowsMessage(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	w := newTestWindow(t, store, clk, Options{Sample: assets.SampleArticle})
	bad := w.profile
	bad.FooterOriginal = "Copyright {{.Owner}}" // the sample is original copy
	path := filepath.Join(t.TempDir(), "x.html")
	out, err := fynestorage.Writer(fynestorage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}

	w.exportTo(out, nil, editor.FormatHTML, w.article.Clone(), bad, w.render)
	w.settle()

	if got := w.StatusText(); !strings.Contains(got, "Export failed") || !strings.Contains(got, "Owner") {
		t.Errorf("status = %q, want the template error", got)
	}
	if w.Window.Canvas().Overlays().Top() == nil {
		t.Error("no error dialog")
	}
}

func TestExportDialogSuggestsSlug(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	w := newTestWindow(t, store, clk, Options{Sample: assets.SampleArticle})

	for _, tc := range []struct {
		f    editor.Format
		want string
	}{
		{editor.FormatHTML, "kenya-tea-harvest.html"},
		{editor.FormatMarkdown, "kenya-tea-harvest.md"},
	} {
		w.Export(tc.f)
		top := w.Window.Canvas().Overlays().Top()
		if top == nil {
			t.Fatalf("%s: no save dialog", tc.f)
		}
		if !hasEntryText(top, tc.want) {
			t.Errorf("%s: save dialog does not suggest %q", tc.f, tc.want)
		}
		w.Window.Canvas().Overlays().Remove(top)
	}
}

func TestFileMenu(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	w := newTestWindow(t, store, clk, Options{})
	menu := w.Window.MainMenu()
	if menu == nil || len(menu.Items) == 0 || menu.Items[0].Label != "File" {
		t.Fatalf("main menu = %+v, want a File menu", menu)
	}
	var labels []string
	for _, it := range menu.Items[0].Items {
		if !it.IsSeparator {
			labels = append(labels, it.Label)
		}
	}
	if got, want := strings.Join(labels, "|"), "New article|Import…|Export as HTML page…|Export as HTML fragment…|Export as Markdown…|Export as Wire text…|Export as ninjs JSON…|Export as NITF XML…|Export as NewsML-G2 XML…|Export library…|Export feed…|Publication settings…|Connect to newsroom…|Sync now|Disconnect from newsroom…|Quit"; got != want {
		t.Errorf("File menu = %s, want %s", got, want)
	}

	// Ctrl+N opens a new draft wherever the focus is, with the cursor in
	// its headline; Ctrl+, opens Preferences.
	w.Window.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(shortcutNew)
	w.settle()
	if w.article == nil || w.Window.Canvas().Focused() != w.form.headline {
		t.Errorf("Ctrl+N opened %v with focus on %T, want a new draft with the headline focused", w.article, w.Window.Canvas().Focused())
	}
	w.Window.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(shortcutPreferences)
	if len(w.Window.Canvas().Overlays().List()) == 0 {
		t.Error("Ctrl+, opened no dialog")
	}
}

// hasEntryText reports whether an entry under o holds text.
func hasEntryText(o fyne.CanvasObject, text string) bool {
	found := false
	walk(o, func(o fyne.CanvasObject) {
		switch e := o.(type) {
		case *widget.Entry:
			found = found || e.Text == text
		case *keyEntry: // Dateline's file dialog's file name field
			found = found || e.Text == text
		}
	})
	return found
}
