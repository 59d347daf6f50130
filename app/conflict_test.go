package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/dateline-news/dateline/editor"
	"github.com/dateline-news/dateline/storage"
)

// typeFocused types s as the real driver delivers keystrokes: each rune to
// whatever the canvas has focused at that moment. A modal dialog takes the
// focus, and the rune goes to it (or nowhere) instead of the form.
func typeFocused(c fyne.Canvas, s string) {
	for _, r := range s {
		if f := c.Focused(); f != nil {
			f.TypedRune(r)
		}
	}
}

// TestSaveFailureNeverStealsKeys keeps the saves failing while the user
// types on: every keystroke reaches the draft, no dialog opens, and the
// status bar and the banner say what is wrong (issue 8, finding 12).
func TestSaveFailureNeverStealsKeys(t *testing.T) {
	clk := newFakeClock()
	store := &failingStore{Store: openStore(t, clk)}
	a := seed(t, store, clk, "Flood warning", "Rivers rose.")
	w := newTestWindow(t, store, clk, Options{})
	if w.article == nil || w.article.ID != a.ID {
		t.Fatal("the seeded draft did not open")
	}
	c := w.Window.Canvas()
	body := w.form.body
	body.SetCursor(body.Model().End())
	c.Focus(body)
	store.fail.Store(true)

	want := "Rivers rose."
	for _, word := range strings.Fields("Rain fell. Dams held. Roads shut. All safe.") {
		typeFocused(c, " "+word)
		want += " " + word
		w.advance(w.opt.autosaveMaxWait())
	}
	if store.saves.Load() < 5 {
		t.Fatalf("only %d saves were tried while typing", store.saves.Load())
	}
	if got := w.article.Body; got != want {
		t.Fatalf("draft body after typing through failing saves = %q, want %q", got, want)
	}
	if top := c.Overlays().Top(); top != nil {
		t.Fatalf("a failed save opened a modal overlay %T, which takes the keystrokes", top)
	}
	if w.banner.kind != bannerSaveFailed || !w.banner.object.Visible() || !strings.Contains(w.banner.message.Text, "the disk is full") {
		t.Errorf("banner = %q (%q, visible %v), want the save failure", w.banner.message.Text, w.banner.kind, w.banner.object.Visible())
	}
	if got := w.StatusText(); !strings.Contains(got, "the disk is full") {
		t.Errorf("status = %q, want the store's message", got)
	}

	// Once the disk has room again, Retry now stores everything.
	store.fail.Store(false)
	test.Tap(w.banner.button("Retry now"))
	w.settle()
	if got := mustGet(t, store, a.ID).Body; got != want {
		t.Errorf("stored body after the retry = %q, want %q", got, want)
	}
	if w.banner.object.Visible() {
		t.Error("the failure banner stays up after a good save")
	}
}

// otherWindow opens the window's library file a second time, as another
// window or the command line would.
func otherWindow(t *testing.T, store *storage.DB, clk *fakeClock) *storage.DB {
	t.Helper()
	db, err := storage.Open(store.Path(), storage.WithNow(clk.Now), storage.WithDevice("other"), storage.WithAuthor("Other"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return db
}

// conflictSetup opens a draft in a window, saves a change to it from
// another connection, and types in the window, which then conflicts.
func conflictSetup(t *testing.T) (*testWindow, *storage.DB, *editor.Article, string) {
	t.Helper()
	clk := newFakeClock()
	store := openStore(t, clk)
	a := seed(t, store, clk, "Council votes on budget", "The council met.")
	w := newTestWindow(t, store, clk, Options{})
	other := otherWindow(t, store, clk)

	theirs, err := other.Get(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	theirs.Body = "The council met on Tuesday and passed the budget."
	if _, err := other.Save(context.Background(), theirs, editor.SaveOptions{Session: "other"}); err != nil {
		t.Fatal(err)
	}
	typeAtEnd(w.form.body, " Residents objected.")
	w.advance(w.opt.autosaveMaxWait())
	return w, store, theirs, "The council met. Residents objected."
}

func TestConflictBanner(t *testing.T) {
	ctx := context.Background()

	t.Run("NothingOverwritten", func(t *testing.T) {
		w, store, theirs, mine := conflictSetup(t)
		if got := mustGet(t, store, theirs.ID).Body; got != theirs.Body {
			t.Fatalf("the stale window overwrote the newer text: %q", got)
		}
		if w.banner.kind != bannerConflict || !strings.Contains(w.banner.message.Text, "changed elsewhere") {
			t.Fatalf("banner = %q (%q), want the conflict", w.banner.message.Text, w.banner.kind)
		}
		for _, b := range []string{"Compare", "Keep mine", "Keep theirs"} {
			if w.banner.button(b) == nil {
				t.Errorf("the conflict banner has no %s button", b)
			}
		}
		if top := w.Window.Canvas().Overlays().Top(); top != nil {
			t.Errorf("the conflict opened a modal overlay %T", top)
		}
		// Typing goes on; it is kept in the conflicting revision.
		typeAtEnd(w.form.body, " They asked for a vote.")
		mine += " They asked for a vote."
		w.advance(w.opt.autosaveMaxWait())
		if w.article.Body != mine {
			t.Fatalf("window text = %q, want %q", w.article.Body, mine)
		}
		revs, err := store.Revisions(ctx, theirs.ID)
		if err != nil {
			t.Fatal(err)
		}
		var conflicts []editor.Revision
		for _, r := range revs {
			if r.Conflict {
				conflicts = append(conflicts, r)
			}
		}
		if len(conflicts) != 1 {
			t.Fatalf("%d conflicting revisions, want 1 that the typing coalesced into", len(conflicts))
		}
		full, err := store.Revision(ctx, conflicts[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		if full.Article.Body != mine {
			t.Errorf("conflicting revision holds %q, want %q", full.Article.Body, mine)
		}
		// The history marks the conflict and still calls the head newest.
		w.ShowHistory()
		w.settle()
		var labels []string
		for i := range w.history.rows {
			labels = append(labels, w.history.revisionLabel(i))
		}
		all := strings.Join(labels, "\n")
		if !strings.Contains(all, "· conflict") || !strings.Contains(all, "(newest)") {
			t.Errorf("history rows do not mark both branches:\n%s", all)
		}
		for i, r := range w.history.rows {
			if strings.Contains(labels[i], "(newest)") && r.rev.Conflict {
				t.Errorf("history calls the conflicting revision the newest:\n%s", all)
			}
		}
	})

	t.Run("Compare", func(t *testing.T) {
		w, _, _, _ := conflictSetup(t)
		w.app.Settings().SetTheme(newTheme()) // the test theme lacks the diff's underlined font
		test.Tap(w.banner.button("Compare"))
		w.settle()
		top := w.Window.Canvas().Overlays().Top()
		if top == nil {
			t.Fatal("Compare shows nothing")
		}
		var text []string
		walk(top, func(o fyne.CanvasObject) {
			if l, ok := o.(interface{ String() string }); ok {
				text = append(text, l.String())
			}
		})
		if got := strings.Join(text, " "); !strings.Contains(got, "Residents") || !strings.Contains(got, "Tuesday") {
			t.Errorf("the comparison does not show both texts' changes: %q", got)
		}
	})

	t.Run("KeepMine", func(t *testing.T) {
		w, store, theirs, mine := conflictSetup(t)
		test.Tap(w.banner.button("Keep mine"))
		w.settle()
		got := mustGet(t, store, theirs.ID)
		if got.Body != mine {
			t.Fatalf("after Keep mine the draft is %q, want %q", got.Body, mine)
		}
		if w.banner.object.Visible() {
			t.Error("the conflict banner stays up after Keep mine")
		}
		if hs, err := store.Heads(ctx, theirs.ID); err != nil || len(hs) != 1 {
			t.Errorf("after Keep mine the draft has %d heads (%v), want 1: the conflict tip is resolved", len(hs), err)
		}
		revs, _ := store.Revisions(ctx, theirs.ID)
		if revs[0].Conflict || revs[0].ParentID != theirs.BaseRevision {
			t.Errorf("the kept text's revision %+v is not a head based on theirs (%s)", revs[0], theirs.BaseRevision)
		}
		// Saves go on normally.
		typeAtEnd(w.form.body, " Done.")
		w.advance(w.opt.autosaveMaxWait())
		if got := mustGet(t, store, theirs.ID).Body; got != mine+" Done." {
			t.Errorf("after Keep mine a later edit stored %q", got)
		}
	})

	t.Run("MergeByHand", func(t *testing.T) {
		w, store, theirs, mine := conflictSetup(t)
		w.app.Settings().SetTheme(newTheme()) // the test theme lacks the diff's underlined font
		if w.banner.button("Merge…") == nil {
			t.Fatal("the conflict banner has no Merge button")
		}
		var m *mergeEditor
		w.conflicts.withHead(func(head *editor.Article) { m = w.conflicts.showMerge(head) })
		w.settle()
		if m == nil {
			t.Fatal("Merge by hand opened nothing")
		}
		if got := m.merged.Text(); got != mine {
			t.Fatalf("the merge starts from %q, want the window's text %q", got, mine)
		}
		merged := "The council met on Tuesday and passed the budget. Residents objected."
		m.merged.SetText(merged)
		test.Tap(findButton(t, w.MainWindow, "Save merged"))
		w.settle()
		if got := mustGet(t, store, theirs.ID).Body; got != merged {
			t.Fatalf("after Save merged the draft is %q, want %q", got, merged)
		}
		if got := w.form.body.Text(); got != merged {
			t.Errorf("the form shows %q after the merge", got)
		}
		revs, _ := store.Revisions(ctx, theirs.ID)
		if revs[0].Conflict || revs[0].ParentID != theirs.BaseRevision {
			t.Errorf("the merged revision %+v is not a head based on theirs (%s)", revs[0], theirs.BaseRevision)
		}
		conflicts := 0
		for _, r := range revs {
			if r.Conflict {
				conflicts++
			}
		}
		if conflicts == 0 {
			t.Error("the window's own version is not kept in the history as a conflicting revision")
		}
	})

	t.Run("KeepTheirs", func(t *testing.T) {
		w, store, theirs, mine := conflictSetup(t)
		typeAtEnd(w.form.body, " Unsaved tail.")
		mine += " Unsaved tail."
		test.Tap(w.banner.button("Keep theirs"))
		w.settle()
		if got := w.form.body.Text(); got != theirs.Body {
			t.Fatalf("after Keep theirs the form shows %q, want %q", got, theirs.Body)
		}
		if w.banner.object.Visible() {
			t.Error("the conflict banner stays up after Keep theirs")
		}
		if hs, err := store.Heads(ctx, theirs.ID); err != nil || len(hs) != 1 {
			t.Errorf("after Keep theirs the draft has %d heads (%v), want 1: the conflict tip is resolved", len(hs), err)
		}
		// Nothing typed is lost: the window's text is in the history.
		revs, _ := store.Revisions(ctx, theirs.ID)
		found := false
		for _, r := range revs {
			if full, err := store.Revision(ctx, r.ID); err == nil && r.Conflict && full.Article.Body == mine {
				found = true
			}
		}
		if !found {
			t.Errorf("the window's text %q is not kept in a conflicting revision", mine)
		}
		typeAtEnd(w.form.body, " Later.")
		w.advance(w.opt.autosaveMaxWait())
		if got := mustGet(t, store, theirs.ID).Body; got != theirs.Body+" Later." {
			t.Errorf("after Keep theirs a later edit stored %q", got)
		}
	})
}

// TestBannerFitsItsText: at laptop widths the conflict banner's message
// wraps onto several lines beside its buttons; the banner must grow to
// hold them, not let the text run over the library and the form below.
func TestBannerFitsItsText(t *testing.T) {
	w, _, _, _ := conflictSetup(t)
	if w.banner.kind != bannerConflict {
		t.Fatalf("no conflict banner")
	}
	for _, size := range []fyne.Size{{Width: 1280, Height: 800}, {Width: 1024, Height: 600}, {Width: 1366, Height: 768}} {
		w.Window.Resize(size)
		w.settle()
		msg := w.banner.message
		need := msg.MinSize().Height
		if got := msg.Size().Height; got+0.5 < need {
			t.Errorf("at %v the banner's message has %.0f px of height for %.0f px of wrapped text: it runs over what is below", size, got, need)
		}
		bottom := w.banner.object.Position().Y + w.banner.object.Size().Height
		if top := w.middle.Position().Y; top+0.5 < bottom {
			t.Errorf("at %v the banner ends at y=%.0f, below the top of the panes at %.0f", size, bottom, top)
		}
	}
}
