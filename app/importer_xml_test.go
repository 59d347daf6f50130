package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/editor"
)

// TestXMLFormatsInMenusAndImportDialog checks that the NITF and NewsML-G2
// rows of the format table reach the GUI: both have an Export as … item,
// the Import dialog shows .xml, .nitf and .newsml files (and not others),
// and an imported NITF file becomes a draft.
func TestXMLFormatsInMenusAndImportDialog(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	w := newTestWindow(t, store, clk, Options{})
	var labels []string
	for _, it := range w.Window.MainMenu().Items[0].Items {
		labels = append(labels, it.Label)
	}
	all := strings.Join(labels, "|")
	for _, want := range []string{"Export as NITF XML…", "Export as NewsML-G2 XML…"} {
		if !strings.Contains(all, want) {
			t.Errorf("File menu lacks %q: %s", want, all)
		}
	}

	a := editor.NewArticle(testEpoch)
	a.Headline, a.Body, a.Slug = "Cod quota cut by a fifth", "Norway will cut the cod quota.", "cod-quota"
	nitf, err := editor.Export(editor.FormatNITF, a, w.profile, editor.RenderOptions{Now: testEpoch})
	if err != nil {
		t.Fatal(err)
	}
	b := a.Clone()
	b.ID, b.Slug, b.Headline = editor.NewID(), "herring", "Herring stocks recover"
	newsml, err := editor.Export(editor.FormatNewsML, b, w.profile, editor.RenderOptions{Now: testEpoch})
	if err != nil {
		t.Fatal(err)
	}
	uris := fileURIs(t, [2]string{"cod.xml", string(nitf)}, [2]string{"herring.newsml", string(newsml)},
		[2]string{"story.nitf", string(nitf)}, [2]string{"notes.doc", "x"})

	d := w.importer.importDialog()
	d.open(strings.TrimSuffix(uris[0].Path(), "/cod.xml"))
	w.settle()
	var shown []string
	walk(w.Window.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			shown = append(shown, x.Text)
		case *canvas.Text:
			shown = append(shown, x.Text)
		}
	})
	texts := strings.Join(shown, "|")
	for _, name := range []string{"cod.xml", "herring.newsml", "story.nitf"} {
		if !strings.Contains(texts, strings.TrimSuffix(name, name[strings.LastIndex(name, "."):])) {
			t.Errorf("the Import dialog does not show %s: %s", name, texts)
		}
	}
	if strings.Contains(texts, "notes") {
		t.Errorf("the Import dialog shows notes.doc: %s", texts)
	}
	d.cancel()

	w.importer.importDropped(fyne.Position{}, uris[:2])
	w.settle()
	if got := countDrafts(t, store); got != 2 {
		t.Fatalf("library holds %d drafts after importing the NITF and NewsML-G2 files, want 2 (status %q)", got, w.StatusText())
	}
	if got := mustGet(t, store, a.ID).Headline; got != a.Headline {
		t.Errorf("NITF import: headline %q, want %q", got, a.Headline)
	}
	if got := mustGet(t, store, b.ID).Headline; got != b.Headline {
		t.Errorf("NewsML-G2 import: headline %q, want %q", got, b.Headline)
	}
}
