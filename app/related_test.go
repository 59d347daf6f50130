package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/editor"
)

func TestPickedTeaserFollowsHeadline(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	other := seed(t, store, clk, "Ferries resume after the storm", "Boats left at dawn.")
	seed(t, store, clk, "Regional ministers meet on trade rules", "Text.")
	story := seed(t, store, clk, "Port strike ends after nine days", "Dockworkers voted.")
	w := newTestWindow(t, store, clk, Options{})
	if w.article == nil || w.article.ID != story.ID {
		t.Fatal("the newest draft is not open")
	}

	p := showTeaserPicker(w.panelEnv(), w.form.related.addPicked)
	w.settle()
	for _, r := range p.results {
		if r.ID == story.ID {
			t.Error("the picker offers the open draft itself")
		}
	}
	p.search.SetText("ferries")
	w.settle()
	if len(p.results) != 1 || p.results[0].ID != other.ID {
		t.Fatalf("search for ferries found %+v, want only %s", p.results, other.Slug)
	}
	p.list.Select(0)
	w.advance(w.opt.autosaveDelay())

	if w.Window.Canvas().Overlays().Top() != nil {
		t.Error("the picker stayed open after the choice")
	}
	got := mustGet(t, store, story.ID).Related
	if len(got) != 1 || got[0].DraftID != other.ID {
		t.Fatalf("stored related = %+v, want the picked draft %s", got, other.ID)
	}
	if text := w.previewText(); !strings.Contains(text, "More Harbor Times\nFerries resume after the storm") {
		t.Fatalf("preview lacks the picked teaser:\n%s", text)
	}

	// Another desk renames the picked draft: the teaser follows.
	w.OpenDraft(other.ID)
	w.settle()
	w.form.headline.SetText("Ferries back on every route")
	w.advance(w.opt.autosaveDelay())
	if got := mustGet(t, store, other.ID).Headline; got != "Ferries back on every route" {
		t.Fatalf("rename not saved: %q", got)
	}
	w.OpenDraft(story.ID)
	w.settle()
	text := w.previewText()
	if !strings.Contains(text, "Ferries back on every route") || strings.Contains(text, "Ferries resume after the storm") {
		t.Errorf("preview does not follow the picked draft's new headline:\n%s", text)
	}
	wire, err := editor.Export(editor.FormatWire, mustGet(t, store, story.ID), w.profile, w.render)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(wire), "More Harbor Times\nFerries back on every route\n") {
		t.Errorf("wire export does not follow the new headline:\n%s", wire)
	}
}

func TestRelatedEditorAddRemoveReorder(t *testing.T) {
	var last []editor.Teaser
	e := newRelatedEditor(func(ts []editor.Teaser) { last = ts }, func() fyne.Canvas { return nil })
	test.NewTempWindow(t, e.object)
	e.set([]editor.Teaser{{Text: "First teaser"}})

	test.Tap(e.add)
	if len(e.items) != 2 {
		t.Fatalf("Add teaser left %d rows, want 2", len(e.items))
	}
	entries := rowEntries(e, 1)
	test.Type(entries[0], "Second teaser")
	test.Type(entries[1], "https://example.com/second")
	if len(last) != 2 || last[1].Text != "Second teaser" || last[1].URL != "https://example.com/second" {
		t.Fatalf("after typing, teasers = %+v", last)
	}
	e.addPicked(editor.Summary{ID: "5b3f1c9e-7d2a-4e8b-9c1f-2a6d8e4b7c10", Headline: "Picked story"})
	if len(last) != 3 || last[2].DraftID == "" || last[2].Text != "Picked story" {
		t.Fatalf("after a pick, teasers = %+v", last)
	}

	e.move(2, -1)
	if got := teaserTexts(last); got != "First teaser|Picked story|Second teaser" {
		t.Errorf("after moving the pick up: %s", got)
	}
	e.remove(0)
	if got := teaserTexts(last); got != "Picked story|Second teaser" {
		t.Errorf("after removing the first: %s", got)
	}
	// An empty row is kept in the editor but not in the article.
	test.Tap(e.add)
	if len(e.items) != 3 || len(last) != 2 {
		t.Errorf("an empty row reached the article: %d rows, teasers %+v", len(e.items), last)
	}
}

func teaserTexts(ts []editor.Teaser) string {
	var s []string
	for _, t := range ts {
		s = append(s, t.Text)
	}
	return strings.Join(s, "|")
}

// rowEntries returns the text and link entries of row i.
func rowEntries(e *relatedEditor, i int) []*widget.Entry {
	var out []*widget.Entry
	walk(e.rows.Objects[i], func(o fyne.CanvasObject) {
		if en, ok := o.(*widget.Entry); ok {
			out = append(out, en)
		}
	})
	return out
}

func TestSyndicatedCopyrightInForm(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	w := newTestWindow(t, store, clk, Options{})
	w.importer.ImportURIs(fileURIs(t, [2]string{"ushant.txt", "Lighthouse keepers return to Ushant\nby Maëlle Le Goff\n" +
		"USHANT, France (Ouest Marine) — The island’s lighthouse has a keeper again.\n" +
		"Copyright 1998-2025 Ouest Marine. This article was originally published on Ouest Marine and was reproduced with permission.\n"}))
	w.settle()
	if w.article == nil {
		t.Fatal("import opened no draft")
	}
	if !w.form.crYears.Visible() || w.form.crYears.Text != "1998-2025" || w.form.crHolder.Text != "Ouest Marine" {
		t.Fatalf("syndicated copyright in the form: visible %v, holder %q, years %q", w.form.crYears.Visible(), w.form.crHolder.Text, w.form.crYears.Text)
	}
	w.form.crYears.SetText("1998-20")
	w.advance(w.opt.autosaveDelay())
	if got := mustGet(t, store, w.article.ID).Copyright; got.Since != 1998 || got.Year != 2025 {
		t.Errorf("an invalid entry changed the stored years: %+v", got)
	}
	w.form.crYears.SetText("1998-2026")
	w.advance(w.opt.autosaveDelay() + w.opt.previewDelay())
	if got := mustGet(t, store, w.article.ID).Copyright; got.Since != 1998 || got.Year != 2026 {
		t.Errorf("stored years = %+v, want 1998-2026", got)
	}
	if text := w.previewText(); !strings.Contains(text, "Copyright 1998-2026 Ouest Marine.") {
		t.Errorf("preview footer does not follow the years:\n%s", text)
	}
}

// The picker works from the keyboard: type, Enter takes the first draft
// found; Escape cancels without picking.
func TestTeaserPickerKeyboard(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	other := seed(t, store, clk, "Ferries resume after the storm", "Boats left at dawn.")
	seed(t, store, clk, "Regional ministers meet on trade rules", "Text.")
	seed(t, store, clk, "Port strike ends after nine days", "Dockworkers voted.")
	w := newTestWindow(t, store, clk, Options{})
	c := w.Window.Canvas()

	var picked []editor.Summary
	p := showTeaserPicker(w.panelEnv(), func(s editor.Summary) { picked = append(picked, s) })
	w.settle()
	if c.Focused() != p.search {
		t.Fatalf("focus is on %T, want the search field", c.Focused())
	}
	test.Type(p.search, "ferries")
	w.settle()
	p.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(picked) != 1 || picked[0].ID != other.ID {
		t.Fatalf("Enter picked %+v, want %s", picked, other.Slug)
	}
	if c.Overlays().Top() != nil {
		t.Error("the picker is still up after Enter")
	}

	p = showTeaserPicker(w.panelEnv(), func(s editor.Summary) { picked = append(picked, s) })
	w.settle()
	p.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if c.Focused() != p.list {
		t.Errorf("Down moved focus to %T, want the list", c.Focused())
	}
	p.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if len(picked) != 1 || c.Overlays().Top() != nil {
		t.Errorf("Escape picked %d drafts or left the picker up", len(picked)-1)
	}
}
