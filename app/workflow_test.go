package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/app/textedit"
	"github.com/dateline-news/dateline/editor"
)

// entryIn finds the first entry inside o.
func entryIn(t testing.TB, o fyne.CanvasObject) fyne.Focusable {
	t.Helper()
	var found fyne.Focusable
	walk(o, func(c fyne.CanvasObject) {
		switch e := c.(type) {
		case *widget.Entry, *textedit.Editor:
			if found == nil {
				found = e.(fyne.Focusable)
			}
		}
	})
	if found == nil {
		t.Fatal("no entry in the dialog")
	}
	return found
}

// confirmTransition answers the status dialog: types note and presses
// "Move to STATUS".
func confirmTransition(t testing.TB, w *testWindow, to editor.Status, note string) {
	t.Helper()
	d := topOverlay(t, w.MainWindow)
	if note != "" {
		test.Type(entryIn(t, d), note)
	}
	w.act(func() { test.Tap(buttonIn(t, d, "Move to "+string(to))) })
	w.settle()
}

// moveStored walks an article through the given statuses in the store.
func moveStored(t testing.TB, s editor.Store, id string, path ...editor.Status) {
	t.Helper()
	for _, st := range path {
		note := ""
		if st == editor.StatusCorrected {
			note = "Corrected."
		}
		if _, err := s.Transition(context.Background(), id, st, note); err != nil {
			t.Fatalf("move to %s: %v", st, err)
		}
	}
}

func TestStatusOffersOnlyLegalTransitions(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	a := seed(t, store, clk, "Port reopens", "Dockworkers voted.")
	w := newTestWindow(t, store, clk, Options{})
	if w.article == nil || w.article.ID != a.ID {
		t.Fatal("draft not opened")
	}
	if got, want := strings.Join(w.form.status.Options, ","), "draft,filed,killed"; got != want {
		t.Errorf("a draft offers %s, want %s", got, want)
	}

	// An illegal move never reaches the store and says why.
	w.requestTransition(string(editor.StatusPublished))
	w.settle()
	if got := mustGet(t, store, a.ID).Status; got != editor.StatusDraft {
		t.Fatalf("illegal move changed the status to %s", got)
	}
	if !strings.Contains(w.StatusText(), "can only go to filed or killed") {
		t.Errorf("status bar %q does not say where a draft can go", w.StatusText())
	}
	w.Window.Canvas().Overlays().Top().Hide()

	// A legal move asks for a note and goes through Transition.
	w.form.status.SetSelected(string(editor.StatusFiled))
	if got := mustGet(t, store, a.ID).Status; got != editor.StatusDraft {
		t.Fatal("the status changed before the dialog was answered")
	}
	confirmTransition(t, w, editor.StatusFiled, "ready for the desk")
	if got := mustGet(t, store, a.ID).Status; got != editor.StatusFiled {
		t.Fatalf("status after the move = %s, want filed", got)
	}
	revs, err := store.Revisions(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if revs[0].Kind != editor.RevisionStatus || revs[0].Note != "ready for the desk" {
		t.Errorf("newest revision = %s %q, want a status revision with the note", revs[0].Kind, revs[0].Note)
	}
	if got, want := strings.Join(w.form.status.Options, ","), "filed,editing,draft,killed"; got != want {
		t.Errorf("a filed story offers %s, want %s", got, want)
	}
	if w.form.status.Selected != string(editor.StatusFiled) {
		t.Errorf("status select shows %q", w.form.status.Selected)
	}
	if !strings.Contains(w.library.count.Text, "1 filed") {
		t.Errorf("count line %q does not count the filed story", w.library.count.Text)
	}

	// Cancel leaves everything as it was.
	w.form.status.SetSelected(string(editor.StatusKilled))
	w.act(func() { test.Tap(buttonIn(t, topOverlay(t, w.MainWindow), "Cancel")) })
	w.settle()
	if got := mustGet(t, store, a.ID).Status; got != editor.StatusFiled {
		t.Errorf("cancelled move changed the status to %s", got)
	}
	if w.form.status.Selected != string(editor.StatusFiled) {
		t.Errorf("status select shows %q after Cancel, want filed", w.form.status.Selected)
	}

	// A killed story offers no move at all.
	moveStored(t, store, a.ID, editor.StatusKilled)
	w.act(func() { w.load(a.ID) })
	w.settle()
	if got := strings.Join(w.form.status.Options, ","); got != "killed" {
		t.Errorf("a killed story offers %s, want only killed", got)
	}
}

func TestCorrectedNeedsPublicNote(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	a := seed(t, store, clk, "Strike ends", "The strike lasted eight days.")
	moveStored(t, store, a.ID, editor.StatusFiled, editor.StatusEditing, editor.StatusApproved, editor.StatusPublished)
	w := newTestWindow(t, store, clk, Options{})
	if got, want := strings.Join(w.form.status.Options, ","), "published,corrected,killed"; got != want {
		t.Errorf("a published story offers %s, want %s", got, want)
	}

	w.form.status.SetSelected(string(editor.StatusCorrected))
	d := topOverlay(t, w.MainWindow)
	move := buttonIn(t, d, "Move to corrected")
	if !move.Disabled() {
		t.Fatal("Move to corrected is enabled without a correction note")
	}
	const note = "This story has been corrected to show that the strike lasted nine days, not eight."
	test.Type(entryIn(t, d), note)
	if move.Disabled() {
		t.Fatal("Move to corrected stays disabled with a note")
	}
	w.act(func() { test.Tap(move) })
	w.settle()
	got := mustGet(t, store, a.ID)
	if got.Status != editor.StatusCorrected || got.CorrectionNote != note {
		t.Errorf("after the correction: status %s, note %q", got.Status, got.CorrectionNote)
	}
	if w.article.CorrectionNote != note {
		t.Errorf("open draft's correction note = %q", w.article.CorrectionNote)
	}
	if !strings.Contains(strings.Join(w.form.status.Options, ","), correctAgain) {
		t.Errorf("a corrected story offers %q, want another correction too", w.form.status.Options)
	}
}

// TestPublishedSetOnceThroughTheWindow publishes a story from the status
// select and then corrects and edits it: the publication time is the
// moment it was published, and neither the correction nor an autosave of
// the open draft moves it.
func TestPublishedSetOnceThroughTheWindow(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	a := seed(t, store, clk, "Strike ends", "The strike lasted eight days.")
	moveStored(t, store, a.ID, editor.StatusFiled, editor.StatusEditing, editor.StatusApproved)
	w := newTestWindow(t, store, clk, Options{})
	if !w.article.Published.IsZero() {
		t.Fatalf("approved copy has a publication time %v", w.article.Published)
	}
	clk.Advance(time.Hour)
	publishedAt := clk.Now()
	w.form.status.SetSelected(string(editor.StatusPublished))
	confirmTransition(t, w, editor.StatusPublished, "")
	if got := mustGet(t, store, a.ID).Published; !got.Equal(publishedAt) {
		t.Fatalf("published at %v, want %v", got, publishedAt)
	}
	if !w.article.Published.Equal(publishedAt) {
		t.Errorf("open draft's publication time %v", w.article.Published)
	}
	clk.Advance(time.Hour)
	w.form.status.SetSelected(string(editor.StatusCorrected))
	confirmTransition(t, w, editor.StatusCorrected, "The strike lasted nine days.")
	clk.Advance(time.Hour)
	typeAtEnd(w.form.body, " Both sides agreed.")
	w.advance(3 * time.Second)
	got := mustGet(t, store, a.ID)
	if got.Status != editor.StatusCorrected || !got.Published.Equal(publishedAt) {
		t.Errorf("after correction and edit: status %s, published %v, want %v", got.Status, got.Published, publishedAt)
	}
	if !strings.HasSuffix(got.Body, "Both sides agreed.") || !got.Updated.After(publishedAt) {
		t.Errorf("the edit was not saved: %q, updated %v", got.Body, got.Updated)
	}
	w.stopTimers()
}
