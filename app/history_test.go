package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/editor"
)

func TestHistoryListsDiffsAndRestores(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	a := seed(t, store, clk, "Port reopens", "Dockworkers voted to return.")
	w := newTestWindow(t, store, clk, Options{})
	// Fyne's test theme has no font for underlined text, which the diff
	// uses for insertions; the app's own theme has.
	w.app.Settings().SetTheme(newTheme())

	typeAtEnd(w.form.body, " Cranes resumed work.")
	w.advance(w.opt.autosaveDelay())
	w.form.status.SetSelected(string(editor.StatusFiled))
	confirmTransition(t, w, editor.StatusFiled, "for the desk")

	w.act(func() { w.ShowHistory() })
	w.settle()
	h := w.history
	if len(h.rows) != 3 {
		t.Fatalf("history lists %d revisions, want 3 (first, edit, status)", len(h.rows))
	}
	kinds := []string{string(h.rows[0].rev.Kind), string(h.rows[1].rev.Kind), string(h.rows[2].rev.Kind)}
	if got := strings.Join(kinds, ","); got != "status,edit,edit" {
		t.Errorf("kinds newest first = %s, want status,edit,edit", got)
	}
	row := newHistoryRow()
	h.updateRow(row, 0)
	if txt := textIn(row); !strings.Contains(txt, "status") || !strings.Contains(txt, "for the desk") {
		t.Errorf("status row reads %q, want the kind and the note", txt)
	}
	h.updateRow(row, 1)
	if txt := textIn(row); !strings.Contains(txt, "7 words") || !strings.Contains(txt, "+3") {
		t.Errorf("edit row reads %q, want 7 words and +3", txt)
	}

	// The edit against the revision before it: the added words are an
	// insertion, shown green and underlined.
	w.act(func() { h.against.SetSelected(againstPrevious) })
	w.act(func() { h.list.Select(1) })
	w.settle()
	var inserted []string
	for _, seg := range h.diff.Segments {
		ts := seg.(*widget.TextSegment)
		if ts.Style.ColorName == theme.ColorNameSuccess && ts.Style.TextStyle.Underline {
			inserted = append(inserted, ts.Text)
		}
		if ts.Style.ColorName == theme.ColorNameError {
			t.Errorf("deleted text %q in a pure insertion", ts.Text)
		}
	}
	if got := strings.Join(inserted, ""); got != " Cranes resumed work." {
		t.Errorf("inserted = %q, want \" Cranes resumed work.\"", got)
	}
	if !strings.Contains(h.summary.Text, "+3 words") {
		t.Errorf("diff summary %q", h.summary.Text)
	}

	// The first revision against the current text.
	w.act(func() { h.against.SetSelected(againstCurrent) })
	w.act(func() { h.list.Select(2) })
	w.settle()
	if !strings.Contains(h.diff.String(), "Cranes") || !strings.Contains(h.summary.Text, "the current text") {
		t.Errorf("diff against the current text: %q / %q", h.summary.Text, h.diff.String())
	}

	// And against another revision: the first one against the edit.
	other := "revision of " + h.revisionLabel(1)
	if _, ok := h.againstRow[other]; !ok {
		t.Fatalf("compare choices %q lack %q", h.against.Options, other)
	}
	w.act(func() { h.against.SetSelected(other) })
	w.settle()
	if !strings.Contains(h.summary.Text, "to the revision of "+h.revisionLabel(1)) || !strings.Contains(h.summary.Text, "+3 words") {
		t.Errorf("diff against another revision: %q", h.summary.Text)
	}

	// Restore the first revision: asks, then adds a revision and brings
	// the old text back into the form, keeping the status.
	if h.restore.Disabled() {
		t.Fatal("Restore is disabled for an older revision")
	}
	test.Tap(h.restore)
	w.act(func() { test.Tap(buttonIn(t, topOverlay(t, w.MainWindow), "Restore")) })
	w.settle()
	if got := w.form.body.Text(); got != "Dockworkers voted to return." {
		t.Errorf("form body after Restore = %q", got)
	}
	got := mustGet(t, store, a.ID)
	if got.Body != "Dockworkers voted to return." || got.Status != editor.StatusFiled {
		t.Errorf("stored after Restore: body %q, status %s", got.Body, got.Status)
	}
	revs, err := store.Revisions(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(revs) != 4 || revs[0].Kind != editor.RevisionRestore {
		t.Errorf("after Restore: %d revisions, newest %s; want 4, restore", len(revs), revs[0].Kind)
	}
	if len(h.rows) != 4 {
		t.Errorf("history panel lists %d revisions after Restore, want 4", len(h.rows))
	}
}

func TestDiffSegmentsShortenUnchangedText(t *testing.T) {
	long := strings.Repeat("word ", 200)
	segs := diffSegments(wordDiff(long+"end", long+"finish"))
	var eq string
	for _, s := range segs {
		if ts := s.(*widget.TextSegment); ts.Style.ColorName == "" {
			eq += ts.Text
		}
	}
	if !strings.Contains(eq, "…") || countWords(eq) > 2*equalContext {
		t.Errorf("unchanged run not shortened: %d words", countWords(eq))
	}
}
