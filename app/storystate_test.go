package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/dateline-news/dateline/editor"
)

// moveTo takes a stored draft along the workflow to status to.
func moveTo(t *testing.T, store editor.Store, id string, path ...editor.Status) {
	t.Helper()
	for _, s := range path {
		note := ""
		if s == editor.StatusCorrected {
			note = "An earlier version misstated the harbour's depth."
		}
		if _, err := store.Transition(context.Background(), id, s, note); err != nil {
			t.Fatalf("move to %s: %v", s, err)
		}
	}
}

var toPublished = []editor.Status{editor.StatusFiled, editor.StatusEditing, editor.StatusApproved, editor.StatusPublished}

func TestStoryBannerForKilledAndCorrected(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	plain := seed(t, store, clk, "Ferry timetable changes", "Text.")
	killed := seed(t, store, clk, "Dredging contract awarded", "Text.")
	moveTo(t, store, killed.ID, append(toPublished, editor.StatusKilled)...)
	corrected := seed(t, store, clk, "Harbour deepened", "Text.")
	moveTo(t, store, corrected.ID, append(toPublished, editor.StatusCorrected)...)
	w := newTestWindow(t, store, clk, Options{})

	w.OpenDraft(plain.ID)
	w.settle()
	if w.storyBanner.object.Visible() {
		t.Errorf("a draft shows the story banner: %q", w.storyBanner.message.Text)
	}
	w.OpenDraft(killed.ID)
	w.settle()
	if !w.storyBanner.object.Visible() || !strings.Contains(w.storyBanner.message.Text, "KILLED") {
		t.Errorf("a killed story shows banner %v %q", w.storyBanner.object.Visible(), w.storyBanner.message.Text)
	}
	w.OpenDraft(corrected.ID)
	w.settle()
	if !w.storyBanner.object.Visible() || !strings.Contains(w.storyBanner.message.Text, "misstated the harbour's depth") {
		t.Fatalf("a corrected story shows banner %v %q", w.storyBanner.object.Visible(), w.storyBanner.message.Text)
	}

	// The correction can be edited afterwards; the new wording is stored,
	// shown, and the old one stays in the history.
	test.Tap(buttonIn(t, w.storyBanner.object, "Edit correction…"))
	var note = w.Window.Canvas().Focused()
	if note == nil {
		t.Fatal("Edit correction put the focus nowhere")
	}
	entry := note.(interface{ SetText(string) })
	entry.SetText("An earlier version misstated the harbour's depth; it is 14 metres.")
	test.Tap(findButton(t, w.MainWindow, "Save correction"))
	w.settle()
	got, err := store.Get(context.Background(), corrected.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := "An earlier version misstated the harbour's depth; it is 14 metres."; got.CorrectionNote != want {
		t.Errorf("stored correction %q, want %q", got.CorrectionNote, want)
	}
	if !strings.Contains(w.storyBanner.message.Text, "14 metres") {
		t.Errorf("banner after the edit says %q", w.storyBanner.message.Text)
	}
	revs, err := store.Revisions(context.Background(), corrected.ID)
	if err != nil {
		t.Fatal(err)
	}
	corrections := 0
	for _, r := range revs {
		if r.Kind == editor.RevisionStatus && strings.Contains(r.Note, "misstated") {
			corrections++
		}
	}
	if corrections != 2 {
		t.Errorf("%d correction revisions in the history, want both wordings", corrections)
	}
}

// TestListFollowsTheOpenDraftOutOfAFilter: when a status change takes the
// open story out of a filtered list, no other story is highlighted as if
// it were open, and the form keeps the story that moved.
func TestListFollowsTheOpenDraftOutOfAFilter(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	seed(t, store, clk, "Tea harvest", "Growers counted losses.")
	seed(t, store, clk, "Ministers meet", "Trade rules.")
	a := seed(t, store, clk, "Port reopens", "Dockworkers voted.")
	w := newTestWindow(t, store, clk, Options{})
	w.act(func() { w.browser.status.SetSelected(string(editor.StatusDraft)) })
	w.settle()
	w.OpenDraft(a.ID)
	w.settle()
	if w.library.list.sel < 0 {
		t.Fatal("the open draft is not highlighted in the list")
	}
	w.transition(a.ID, editor.StatusFiled, "")
	w.settle()
	if w.article == nil || w.article.ID != a.ID {
		t.Fatalf("the form shows %v after the move, want the moved story", w.article)
	}
	if got := w.library.list.Length(); got != 2 {
		t.Fatalf("the drafts filter shows %d rows after the move, want 2", got)
	}
	if sel := w.library.list.sel; sel >= 0 {
		s, _ := w.library.row(sel)
		t.Errorf("row %d (%q) is highlighted, but %q is open", sel, s.Headline, a.Headline)
	}
}

// TestAddTeaserTakesTheTyping: after Add teaser the keys go into the new
// teaser's text; they used to stay on the button, where every space added
// another empty teaser and the words were lost.
func TestAddTeaserTakesTheTyping(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	seed(t, store, clk, "Port reopens", "Dockworkers voted.")
	w := newTestWindow(t, store, clk, Options{})
	// From the keyboard: Tab to the button, Space presses it, then type;
	// a real keyboard sends a space as a key and as a character.
	c := w.Window.Canvas()
	c.Focus(w.form.related.add)
	w.form.related.add.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	for _, r := range "Port strike ends after nine days" {
		if r == ' ' {
			c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
		}
		c.Focused().TypedRune(r)
	}
	got := w.article.Related
	if len(got) != 1 || got[0].Text != "Port strike ends after nine days" {
		t.Errorf("teasers after Add teaser and typing: %+v, want one with the typed text", got)
	}
}
