package app

import (
	"context"
	"strings"
	"testing"
	"time"

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

// TestHistoryCountsEachChangeOnce opens a draft with 30 revisions: the
// history counts the 29 changes once, and a save afterwards counts only
// the changes next to the newest revision, not every pair again (which
// cost 1.4 s of CPU per save at 20,000 words and 200 revisions).
func TestHistoryCountsEachChangeOnce(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	a := seed(t, store, clk, "Port reopens", "Dockworkers voted to return.")
	for i := range 29 {
		a.Body += " More words " + strings.Repeat("x", i%5+1) + "."
		if _, err := store.Save(context.Background(), a, editor.SaveOptions{Kind: editor.RevisionEdit, Session: editor.NewID()}); err != nil {
			t.Fatal(err)
		}
		clk.Advance(time.Minute)
	}
	w := newTestWindow(t, store, clk, Options{})
	w.act(func() { w.ShowHistory() })
	w.settle()
	h := w.history
	if len(h.rows) != 30 {
		t.Fatalf("history lists %d revisions, want 30", len(h.rows))
	}
	if got := h.changes.counted; got != 29 {
		t.Errorf("counted %d changes on opening, want 29", got)
	}
	for i := range 3 {
		typeAtEnd(w.form.body, " Cranes resumed work "+string(rune('a'+i))+".")
		w.advance(w.opt.autosaveDelay())
	}
	if got := len(h.rows); got != 31 {
		t.Fatalf("history lists %d revisions after the saves, want 31", got)
	}
	// A save counts the newest pair, and the pair of the revision that
	// was newest before when a new revision starts: at most two each.
	if got := h.changes.counted; got > 29+2*3 {
		t.Errorf("counted %d changes after three saves, want at most %d: each save counts the newest pairs only", got, 29+2*3)
	}
	if r := h.rows[0]; !r.exact || r.added != 12 {
		t.Errorf("newest row +%d −%d exact %v, want +12 (three saves of four words in one session)", r.added, r.removed, r.exact)
	}
}

// BenchmarkHistorySave is the history's work after a save of a
// 20,000-word draft with 200 revisions: counting the changes with the
// cache kept from the load before ("cached", one new pair), beside
// counting every pair afresh as the panel did before ("every-pair").
func BenchmarkHistorySave(b *testing.B) {
	base := storyOfWords(20000)
	rows := make([]historyRow, 200)
	for i := range rows {
		// Newest first: revision i has 200-i sentences more than the base.
		rows[i] = historyRow{rev: editor.Revision{ID: editor.NewID()}, loaded: true,
			text: base + strings.Repeat(" Another sentence was added here.", 200-i)}
	}
	for _, mode := range []string{"cached", "every-pair"} {
		b.Run(mode, func(b *testing.B) {
			cache := &changeCache{m: map[changeKey][2]int{}}
			countChanges(rows, cache)
			start := time.Now()
			for i := 0; i < b.N; i++ {
				if mode == "every-pair" {
					cache = &changeCache{m: map[changeKey][2]int{}}
				}
				rows[0].text += " x" // the save coalesced into the newest revision
				countChanges(rows, cache)
			}
			b.ReportMetric(float64(time.Since(start).Microseconds())/1000/float64(b.N), "ms/save")
		})
	}
}

// TestHistoryDiffShowsTheTextReadersGet: the history compares the text as
// it reads with suggestions rejected and comments removed, so CriticMarkup
// never shows as words added; a revision that only made a suggestion says
// that, and accepting it shows the accepted words as an insertion.
func TestHistoryDiffShowsTheTextReadersGet(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	a := seed(t, store, clk, "Port reopens", "Dockworkers voted to return.")
	save := func(body string) {
		t.Helper()
		clk.Advance(time.Minute)
		a.Body = body
		if _, err := store.Save(context.Background(), a, editor.SaveOptions{Kind: editor.RevisionEdit, Session: editor.NewID()}); err != nil {
			t.Fatal(err)
		}
	}
	save("Dockworkers voted {++unanimously ++}to return.{>>Check the count<<}")
	save("Dockworkers voted unanimously to return.")
	w := newTestWindow(t, store, clk, Options{})
	w.app.Settings().SetTheme(newTheme())
	w.act(func() { w.ShowHistory() })
	w.settle()
	h := w.history
	if len(h.rows) != 3 {
		t.Fatalf("history lists %d revisions, want 3", len(h.rows))
	}
	w.act(func() { h.against.SetSelected(againstPrevious) })
	w.act(func() { h.list.Select(1) }) // the suggestion
	w.settle()
	if d := h.diff.String(); strings.Contains(d, "{++") || strings.Contains(d, "Check the count") {
		t.Errorf("the diff of a suggestion shows its markup: %q", d)
	}
	if !strings.Contains(h.summary.Text, "only suggestions or comments changed") {
		t.Errorf("summary of a suggestion-only revision: %q", h.summary.Text)
	}
	w.act(func() { h.list.Select(0) }) // the suggestion accepted
	w.settle()
	var inserted []string
	for _, seg := range h.diff.Segments {
		if ts := seg.(*widget.TextSegment); ts.Style.ColorName == theme.ColorNameSuccess {
			inserted = append(inserted, ts.Text)
		}
	}
	if got := strings.TrimSpace(strings.Join(inserted, "")); got != "unanimously" {
		t.Errorf("accepting the suggestion inserted %q, want unanimously", got)
	}
	if !strings.Contains(h.summary.Text, "+1 word") || strings.Contains(h.diff.String(), "{++") {
		t.Errorf("after accepting: %q / %q", h.summary.Text, h.diff.String())
	}
}
