package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/editor"
)

// fileURIs writes each name/content pair into a temporary directory and
// returns their URIs in order.
func fileURIs(t *testing.T, files ...[2]string) []fyne.URI {
	t.Helper()
	dir := t.TempDir()
	var uris []fyne.URI
	for _, f := range files {
		path := filepath.Join(dir, f[0])
		if err := os.WriteFile(path, []byte(f[1]), 0o644); err != nil {
			t.Fatal(err)
		}
		uris = append(uris, fynestorage.NewFileURI(path))
	}
	return uris
}

// overlayText joins the text of every label and rich text under the top
// overlay, or returns "" when none is shown.
func overlayText(w *MainWindow) string {
	top := w.Window.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var b strings.Builder
	walk(top, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *widget.RichText:
			b.WriteString(x.String() + "\n")
		}
	})
	return b.String()
}

// findButton returns the button labelled label under the top overlay.
func findButton(t *testing.T, w *MainWindow, label string) *widget.Button {
	t.Helper()
	top := w.Window.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog shown; wanted a %q button", label)
	}
	var found *widget.Button
	walk(top, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == label && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("the dialog has no %q button; it says:\n%s", label, overlayText(w))
	}
	return found
}

// countDrafts counts the live drafts in the store.
func countDrafts(t *testing.T, s editor.Store) int {
	t.Helper()
	n, err := s.Count(context.Background(), editor.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestImportWireTextCreatesDraft(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	w := newTestWindow(t, store, clk, Options{})
	wire, err := os.ReadFile(filepath.Join("testdata", "importer_wire.txt"))
	if err != nil {
		t.Fatal(err)
	}

	w.importer.importDropped(fyne.Position{}, fileURIs(t, [2]string{"tea.txt", string(wire)}))
	w.settle()

	if got := countDrafts(t, store); got != 1 {
		t.Fatalf("library holds %d drafts after the import, want 1", got)
	}
	if w.article == nil {
		t.Fatal("the imported draft was not opened")
	}
	a := mustGet(t, store, w.article.ID)
	if got, want := a.Headline, "Tea growers count losses after a dry season"; got != want {
		t.Errorf("headline = %q, want %q", got, want)
	}
	if got, want := strings.Join(a.Byline.Authors, "; "), "Dana Whitfield; Omar Haddad"; got != want {
		t.Errorf("authors = %q, want %q", got, want)
	}
	if got, want := a.Attribution.Kind, editor.AttributionSyndicated; got != want {
		t.Errorf("attribution = %q, want %q", got, want)
	}
	if got := w.form.headline.Text(); got != a.Headline {
		t.Errorf("form headline = %q, want the imported %q", got, a.Headline)
	}
	if got := w.library.list.Length(); got != 1 {
		t.Errorf("library list shows %d rows, want 1", got)
	}
	if got := w.StatusText(); got != "Imported 1 file." {
		t.Errorf("status = %q", got)
	}
	if top := w.Window.Canvas().Overlays().Top(); top != nil {
		t.Errorf("a dialog is shown after a clean import:\n%s", overlayText(w.MainWindow))
	}
}

// clashFile is a Markdown export of a with a changed body, as a
// correspondent sends a draft back.
func clashFile(t *testing.T, w *MainWindow, a *editor.Article, body string) []fyne.URI {
	t.Helper()
	c := a.Clone()
	c.Body = body
	data, err := editor.Export(editor.FormatMarkdown, c, w.profile, editor.RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return fileURIs(t, [2]string{a.Slug + ".md", string(data)})
}

func TestImportClashAsks(t *testing.T) {
	for _, tc := range []struct {
		answer    string
		drafts    int
		revisions int // added to the existing draft
		body      string
	}{
		{clashReplaceLabel, 1, 1, "Dockworkers voted to return on Friday."},
		{clashSkipLabel, 1, 0, "Dockworkers voted."},
		{clashAsNewLabel, 2, 0, "Dockworkers voted."},
	} {
		t.Run(tc.answer, func(t *testing.T) {
			clk := newFakeClock()
			store := openStore(t, clk)
			a := seed(t, store, clk, "Port strike ends", "Dockworkers voted.")
			w := newTestWindow(t, store, clk, Options{})
			ctx := context.Background()
			before, err := store.Revisions(ctx, a.ID)
			if err != nil {
				t.Fatal(err)
			}

			w.importer.ImportURIs(clashFile(t, w.MainWindow, a, "Dockworkers voted to return on Friday."))
			w.settle()

			// Nothing is stored before the user answers.
			if got := mustGet(t, store, a.ID).Body; got != "Dockworkers voted." {
				t.Fatalf("the clash overwrote the draft before asking: body %q", got)
			}
			if got := countDrafts(t, store); got != 1 {
				t.Fatalf("library holds %d drafts before the answer, want 1", got)
			}
			if text := overlayText(w.MainWindow); !strings.Contains(text, "Port strike ends") || !strings.Contains(text, "port-strike-ends.md") {
				t.Fatalf("the question does not name the file and the draft:\n%s", text)
			}

			test.Tap(findButton(t, w.MainWindow, tc.answer))
			w.settle()

			after, err := store.Revisions(ctx, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := len(after)-len(before), tc.revisions; got != want {
				t.Errorf("revisions of the existing draft grew by %d, want %d", got, want)
			}
			if got := mustGet(t, store, a.ID).Body; got != tc.body {
				t.Errorf("existing draft's body = %q, want %q", got, tc.body)
			}
			if got := countDrafts(t, store); got != tc.drafts {
				t.Errorf("library holds %d drafts, want %d", got, tc.drafts)
			}
			if tc.answer == clashReplaceLabel {
				if after[0].Kind != editor.RevisionImport {
					t.Errorf("newest revision is a %q revision, want import", after[0].Kind)
				}
				if w.article == nil || w.article.ID != a.ID || w.form.body.Text() != tc.body {
					t.Errorf("the window does not show the replaced draft's new text; form body %q", w.form.body.Text())
				}
			}
			if tc.answer == clashAsNewLabel && (w.article == nil || w.article.ID == a.ID) {
				t.Errorf("the new draft was not opened")
			}
		})
	}
}

func TestImportBadFileReportedGoodOneImports(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	w := newTestWindow(t, store, clk, Options{})

	uris := fileURIs(t,
		[2]string{"binary.txt", "by Dana\x00\x01\x02"},
		[2]string{"empty.md", "  \n"},
		[2]string{"latin1.txt", "Caf\xe9 owners protest\nby Ana Pérez\nText."},
		[2]string{"broken.json", `{"headlines": [`},
		[2]string{"good.md", "---\ntitle: Ferries resume after the storm\n---\nBoats left at dawn.\n"},
	)
	uris = append(uris, fynestorage.NewFileURI(filepath.Join(t.TempDir(), "missing.txt")))
	w.importer.ImportURIs(uris)
	w.settle()

	if got := countDrafts(t, store); got != 1 {
		t.Fatalf("library holds %d drafts, want only the good file", got)
	}
	if w.article == nil || w.article.Headline != "Ferries resume after the storm" {
		t.Errorf("the good file's draft is not open: %+v", w.article)
	}
	text := overlayText(w.MainWindow)
	for _, want := range []string{
		"binary.txt: ", "binary file",
		"empty.md: ", "empty",
		"latin1.txt: ", "UTF-8",
		"broken.json: ",
		"missing.txt: ",
		"Imported 1 file of 6, 5 failed.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the summary dialog lacks %q; it says:\n%s", want, text)
		}
	}
	failures, _, _ := strings.Cut(text, importReportHeading)
	if strings.Contains(failures, "good.md") {
		t.Errorf("the summary lists the good file as failed:\n%s", text)
	}
	if got := w.StatusText(); !strings.Contains(got, "5 failed") {
		t.Errorf("status = %q", got)
	}
}

func TestImportOversizedFileRefused(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	w := newTestWindow(t, store, clk, Options{})
	big := strings.Repeat("Paragraph of wire copy.\n", (editor.MaxImportBytes/24)+10)
	w.importer.ImportURIs(fileURIs(t, [2]string{"huge.txt", big}))
	w.settle()
	if got := countDrafts(t, store); got != 0 {
		t.Fatalf("an oversized file was imported: %d drafts", got)
	}
	if text := overlayText(w.MainWindow); !strings.Contains(text, "huge.txt: ") || !strings.Contains(text, "10 MB") {
		t.Errorf("the summary does not say the file is too large:\n%s", text)
	}
}

func TestImportMenuAndShortcut(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	w := newTestWindow(t, store, clk, Options{})
	var item *fyne.MenuItem
	for _, it := range w.Window.MainMenu().Items[0].Items {
		if it.Label == "Import…" {
			item = it
		}
	}
	if item == nil || item.Shortcut != shortcutImport {
		t.Fatalf("File menu has no Import… item with Ctrl+I: %+v", item)
	}
	w.Window.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(shortcutImport)
	if top := w.Window.Canvas().Overlays().Top(); top == nil {
		t.Error("Ctrl+I opened no file dialog")
	}
}

func TestImportReplaceOpenDraftKeepsUnsavedEdits(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	a := seed(t, store, clk, "Port strike ends", "Dockworkers voted.")
	w := newTestWindow(t, store, clk, Options{})
	if w.article == nil || w.article.ID != a.ID {
		t.Fatal("the draft is not open")
	}
	typeAtEnd(w.form.body, " Cranes moved again.")
	if !w.saver.dirty {
		t.Fatal("typing left the draft clean")
	}

	w.importer.ImportURIs(clashFile(t, w.MainWindow, a, "The correspondent's version."))
	w.settle()
	test.Tap(findButton(t, w.MainWindow, clashReplaceLabel))
	w.settle()

	revs, err := store.Revisions(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(revs) < 2 || revs[0].Kind != editor.RevisionImport {
		t.Fatalf("revisions = %+v, want the import on top", revs)
	}
	typed, err := store.Revision(context.Background(), revs[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := typed.Article.Body; got != "Dockworkers voted. Cranes moved again." {
		t.Errorf("the revision under the import holds %q, want the typed text saved first", got)
	}
	if got := w.form.body.Text(); got != "The correspondent's version." {
		t.Errorf("form body = %q, want the imported text", got)
	}
	w.advance(w.opt.autosaveDelay())
	if got := mustGet(t, store, a.ID).Body; got != "The correspondent's version." {
		t.Errorf("a later autosave wrote %q over the import", got)
	}
}

// TestImportReadsFootersWithTheLibraryTemplates drops a wire file whose
// footer follows the library's own (custom) template: the import reads its
// holder and years instead of leaving the line in the body.
func TestImportReadsFootersWithTheLibraryTemplates(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	p := editor.DefaultProfile()
	p.Holder, p.Since = "Bay Ledger Media Ltd.", 1998
	p.FooterOriginal = `© {{.Holder}}, {{.Since}}–{{.Year}}. Some rights reserved.`
	if err := store.SaveProfile(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	w := newTestWindow(t, store, clk, Options{})
	wire := "Harbour dredging resumes\nby Dana Whitfield\nWork began on Monday.\n© Bay Ledger Media Ltd., 1998–2025. Some rights reserved.\n"

	w.importer.importDropped(fyne.Position{}, fileURIs(t, [2]string{"harbour.txt", wire}))
	w.settle()

	if w.article == nil {
		t.Fatalf("nothing imported:\n%s", overlayText(w.MainWindow))
	}
	a := mustGet(t, store, w.article.ID)
	if got, want := a.Copyright, (editor.Copyright{Holder: "Bay Ledger Media Ltd.", Since: 1998, Year: 2025}); got != want {
		t.Errorf("copyright = %+v, want %+v", got, want)
	}
	if got, want := a.Body, "Work began on Monday."; got != want {
		t.Errorf("body = %q, want %q", got, want)
	}
}
