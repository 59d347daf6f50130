package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/dateline-news/dateline/app/textedit"
	"github.com/dateline-news/dateline/editor"
)

// bodyCaretAt puts the body's caret at byte offset off of its text.
func bodyCaretAt(w *testWindow, off int) {
	b := w.form.body
	b.SetCursor(b.Model().PosAt(off))
}

// TestSuggestionMode makes suggestions by typing, deleting and typing
// over a selection; accepts one, rejects one, accepts the rest, and checks
// that publication waits until no suggestion is open and that each
// decision is a revision by the reviewer.
func TestSuggestionMode(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	const orig = "The mayor said the harbor would close."
	a := seed(t, store, clk, "Harbor to close", orig)
	moveStored(t, store, a.ID, editor.StatusFiled, editor.StatusEditing, editor.StatusApproved)
	w := newTestWindow(t, store, clk, Options{})
	w.app.Preferences().SetString(prefReviewerName, "Ed Lee")
	if w.article == nil || w.article.ID != a.ID {
		t.Fatal("draft not opened")
	}
	body := w.form.body

	w.act(func() { w.suggestions.ToggleSuggesting() })
	if !w.suggestions.Suggesting() || !w.suggestions.toggle.Checked {
		t.Fatal("suggestion mode did not switch on")
	}
	w.Window.Canvas().Focus(body)
	// Type "new " before "mayor".
	bodyCaretAt(w, strings.Index(orig, "mayor"))
	test.Type(body, "new ")
	// Backspace "would " away: put the caret after it.
	bodyCaretAt(w, strings.Index(body.Text(), "would ")+len("would "))
	for range len("would ") {
		body.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	}
	// Type over "harbor".
	i := strings.Index(body.Text(), "harbor")
	body.Select(textedit.Range{From: body.Model().PosAt(i), To: body.Model().PosAt(i + len("harbor"))})
	test.Type(body, "port")

	text := body.Text()
	if got := editor.Rejected(text); got != orig {
		t.Fatalf("suggestion mode changed the text: rejected view %q, want %q\nbody %q", got, orig, text)
	}
	if got, want := editor.Accepted(text), "The new mayor said the port close."; got != want {
		t.Fatalf("accepted view %q, want %q\nbody %q", got, want, text)
	}
	marks := editor.ParseMarks(text)
	if len(marks) != 3 {
		t.Fatalf("%d marks, want 3: %q", len(marks), text)
	}
	for _, m := range marks {
		if m.Author != "Ed Lee" {
			t.Errorf("mark %+v is not by the reviewer", m)
		}
	}
	if len(body.Model().Decorations(decoSuggestInsert)) != 2 || len(body.Model().Decorations(decoSuggestDelete)) != 2 {
		t.Errorf("decorations: %d insertions, %d deletions; want 2 and 2 (the substitution has both)",
			len(body.Model().Decorations(decoSuggestInsert)), len(body.Model().Decorations(decoSuggestDelete)))
	}
	if got := w.suggestions.list.Length(); got != 3 {
		t.Errorf("the list shows %d rows, want 3", got)
	}
	w.advance(2 * time.Second) // autosave
	if got := mustGet(t, store, a.ID).Body; got != text {
		t.Fatalf("stored body %q, want %q", got, text)
	}
	if got := w.previewText(); strings.Contains(got, "new mayor") || strings.Contains(got, "{++") || !strings.Contains(got, "harbor would close") {
		t.Errorf("the preview does not show the text with suggestions rejected: %q", got)
	}

	// Publication waits for the decisions.
	w.requestTransition(string(editor.StatusPublished))
	w.settle()
	if got := mustGet(t, store, a.ID).Status; got != editor.StatusApproved {
		t.Fatalf("published with open suggestions: status %s", got)
	}
	if !strings.Contains(w.StatusText(), "3 open suggestions") {
		t.Errorf("status bar %q does not say why", w.StatusText())
	}
	w.Window.Canvas().Overlays().Remove(topOverlay(t, w.MainWindow)) // the error dialog
	// The Change Status chooser says why before anyone picks published.
	c := w.changeStatus()
	hint := ""
	for _, ch := range c.all {
		if ch.label == string(editor.StatusPublished) {
			hint = ch.hint
		}
	}
	if !strings.HasPrefix(hint, "blocked: cannot publish: the story has 3 open suggestions") {
		t.Errorf("the chooser's hint for published is %q", hint)
	}
	c.dialog.Hide()

	// Accept the first (the insertion), reject the second (the deletion).
	w.act(func() { w.suggestions.Select(0) })
	w.act(func() { w.suggestions.Accept() })
	w.settle()
	if got := body.Text(); !strings.HasPrefix(got, "The new mayor said") || editor.OpenSuggestions(got) != 2 {
		t.Fatalf("after accepting the insertion: %q", got)
	}
	w.act(func() { w.suggestions.Select(1) })
	if w.suggestions.marks[1].Kind != editor.MarkDeletion {
		t.Fatalf("mark 1 is %s, want the deletion", w.suggestions.marks[1].Kind)
	}
	w.act(func() { w.suggestions.Reject() })
	w.settle()
	if got := editor.Rejected(body.Text()); got != "The new mayor said the harbor would close." {
		t.Fatalf("after rejecting the deletion: %q", body.Text())
	}
	revs, err := store.Revisions(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if revs[0].Author != "Ed Lee" || revs[0].Note != "Rejected deletion by Ed Lee" || revs[1].Note != "Accepted insertion by Ed Lee" {
		t.Errorf("newest revisions: %+v / %+v; want the two decisions by Ed Lee", revs[0], revs[1])
	}

	// Accept all: nothing open, publication goes through.
	w.act(func() { w.suggestions.AcceptAll() })
	w.settle()
	if got, want := body.Text(), "The new mayor said the port would close."; got != want {
		t.Fatalf("after accept all: %q, want %q", got, want)
	}
	if got := mustGet(t, store, a.ID).Body; got != "The new mayor said the port would close." {
		t.Fatalf("stored after accept all: %q", got)
	}
	w.requestTransition(string(editor.StatusPublished))
	confirmTransition(t, w, editor.StatusPublished, "")
	if got := mustGet(t, store, a.ID).Status; got != editor.StatusPublished {
		t.Fatalf("status %s after deciding every suggestion, want published", got)
	}
}

// TestRejectAllAndComments: Reject all throws every stored suggestion
// away; comments get replies and a resolution and are never exported.
func TestRejectAllAndComments(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	a := seed(t, store, clk, "Port", "The {--old --}{>>@Ana 2026-01-20T10:00Z<<}port {++will ++}{>>@Ana 2026-01-20T10:00Z<<}reopen.")
	w := newTestWindow(t, store, clk, Options{})
	w.app.Preferences().SetString(prefReviewerName, "Ed Lee")
	body := w.form.body
	if got := w.suggestions.list.Length(); got != 2 {
		t.Fatalf("the list shows %d rows for the stored suggestions, want 2", got)
	}
	w.act(func() { w.suggestions.RejectAll() })
	w.settle()
	if got, want := body.Text(), "The old port reopen."; got != want {
		t.Fatalf("after reject all: %q, want %q", got, want)
	}

	// A comment on "port", a reply and a resolution; never exported.
	i := strings.Index(body.Text(), "port")
	body.Select(textedit.Range{From: body.Model().PosAt(i), To: body.Model().PosAt(i + 4)})
	if err := w.suggestions.AddComment("Which port?"); err != nil {
		t.Fatal(err)
	}
	w.act(func() { w.suggestions.Select(0) })
	if err := w.suggestions.ReplyTo("The inner harbor."); err != nil {
		t.Fatal(err)
	}
	w.act(func() { w.suggestions.Select(0) })
	w.act(func() { w.suggestions.Resolve() })
	marks := editor.ParseMarks(body.Text())
	if len(marks) != 1 || marks[0].Kind != editor.MarkComment || len(marks[0].Notes) != 3 || !marks[0].Resolved() || marks[0].Author != "Ed Lee" {
		t.Fatalf("comment thread: %+v in %q", marks, body.Text())
	}
	if len(body.Model().Decorations(decoComment)) != 1 {
		t.Errorf("the commented text is not highlighted")
	}
	w.advance(2 * time.Second)
	out, err := editor.Export(editor.FormatHTML, mustGet(t, store, a.ID), editor.DefaultProfile(), editor.RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(out), "Which port") || !strings.Contains(string(out), "The old port reopen.") {
		t.Errorf("the HTML export shows the comment or lost the text")
	}
	// A comment that would cut through a mark is refused; the text stays.
	before := body.Text()
	cut := strings.Index(before, "port")
	body.Select(textedit.Range{From: body.Model().PosAt(0), To: body.Model().PosAt(cut)})
	if err := w.suggestions.AddComment("x"); editor.ErrorCode(err) != editor.EINVALID || body.Text() != before {
		t.Errorf("overlapping comment: %v, body %q", err, body.Text())
	}
}

// reviewedBody is a draft of the given number of words with a suggestion
// or comment every twelve words.
func reviewedBody(words int) string {
	var b strings.Builder
	kinds := []string{
		"{++new words ++}{>>@Ana Díaz 2026-12-01T10:00Z<<}",
		"{--old words --}{>>@Ed Lee 2026-12-01T10:05Z<<}",
		"{~~harbor~>port~~}{>>@Ana Díaz 2026-12-01T10:00Z<<} ",
		"{==the mayor==}{>>@Ed Lee 2026-12-01T10:05Z: Which mayor?<<} ",
	}
	for i := 0; i < words; i++ {
		if i > 0 && i%120 == 0 {
			b.WriteString(".\n\n")
		} else if i > 0 {
			b.WriteByte(' ')
		}
		if i%12 == 0 {
			b.WriteString(kinds[(i/12)%len(kinds)])
		}
		b.WriteString("growers")
	}
	return b.String()
}

// BenchmarkTypeSuggesting measures one typed character in the wired-up
// body of a 20,000-word draft with about 1,700 marks, in suggestion mode
// (the edit rewritten into a suggestion, the marks read again for the
// list and the underlines), next to the same keystroke with suggestion
// mode off on the same draft and on the draft without marks, in the same
// run.
func BenchmarkTypeSuggesting(b *testing.B) {
	marked := reviewedBody(20000)
	run := func(b *testing.B, body string, suggesting bool) {
		clk := newFakeClock()
		store := openStore(b, clk)
		seed(b, store, clk, "Bench", body)
		w := newTestWindow(b, store, clk, Options{})
		if suggesting {
			w.suggestions.ToggleSuggesting()
		}
		w.form.body.SetCursor(w.form.body.Model().PosAt(len(body) / 2))
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			test.Type(w.form.body, "x")
		}
		b.StopTimer()
		w.stopTimers()
	}
	b.Run("suggesting", func(b *testing.B) { run(b, marked, true) })
	b.Run("baseline-editing-marked", func(b *testing.B) { run(b, marked, false) })
	b.Run("baseline-editing-plain", func(b *testing.B) { run(b, editor.Rejected(marked), false) })
}
