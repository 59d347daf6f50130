package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/app/textedit"
	"github.com/dateline-news/dateline/editor"
	"github.com/dateline-news/dateline/storage/pgsync"
)

// TestMergeViewTwoHeads: another window saves the draft while this one
// types on, which leaves two heads; the banner's Merge… opens the
// three-way view, which applies the change only theirs made, shows two
// conflicts with the ancestor and both sides; one is taken from theirs,
// the other edited by hand; Save merge writes one revision with both heads
// as parents, after which the draft has one head and the text as chosen.
func TestMergeViewTwoHeads(t *testing.T) {
	ctx := context.Background()
	clk := newFakeClock()
	store := openStore(t, clk)
	a := seed(t, store, clk, "Council votes on budget", "The council met on Monday. The mayor spoke. Rates rise.")
	w := newTestWindow(t, store, clk, Options{})
	w.app.Settings().SetTheme(newTheme()) // the test theme lacks the underlined font
	other := otherWindow(t, store, clk)

	theirs, err := other.Get(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	theirs.Body = "The council met on Wednesday. The minister spoke. Rates rise sharply."
	theirs.Deck = "A late vote"
	if _, err := other.Save(ctx, theirs, editor.SaveOptions{Session: "other"}); err != nil {
		t.Fatal(err)
	}
	w.form.body.SetText("The council met on Tuesday. The governor spoke. Rates rise.")
	w.advance(w.opt.autosaveMaxWait())
	heads, err := store.Heads(ctx, a.ID)
	if err != nil || len(heads) != 2 {
		t.Fatalf("heads = %v (%v), want the other window's and this one's", heads, err)
	}
	if w.banner.kind != bannerConflict {
		t.Fatalf("banner = %q, want the conflict", w.banner.kind)
	}
	merge := w.banner.button("Merge…")
	if merge == nil {
		t.Fatal("the conflict banner has no Merge… button")
	}
	test.Tap(merge)
	w.settle()
	v := w.conflicts.merging
	if v == nil {
		t.Fatal("Merge… opened no merge view")
	}
	if len(v.conflicts) != 2 {
		t.Fatalf("%d conflicts, want 2 (the day, the speaker)", len(v.conflicts))
	}
	if got := v.body.Text(); got != "The council met on Tuesday. The governor spoke. Rates rise sharply." {
		t.Fatalf("the merged body starts as %q: want mine in the conflicts and theirs' sharply applied", got)
	}
	// Each conflict shows the ancestor, mine and theirs.
	var shown []string
	walk(v.list, func(o fyne.CanvasObject) {
		if l, ok := o.(interface{ String() string }); ok {
			shown = append(shown, l.String())
		}
	})
	all := strings.Join(shown, "\n")
	for _, want := range []string{"Monday", "Tuesday", "Wednesday", "mayor", "governor", "minister"} {
		if !strings.Contains(all, want) {
			t.Errorf("the conflict list does not show %q:\n%s", want, all)
		}
	}
	// Changes are marked by underlines, not colour alone.
	if rs := v.body.Model().Decorations(kindMergeConflict); len(rs) != 2 {
		t.Errorf("%d conflict underlines, want 2", len(rs))
	}
	if rs := v.body.Model().Decorations(kindMergeChange); len(rs) != 1 {
		t.Errorf("%d change underlines, want 1 (sharply)", len(rs))
	}
	// F8 goes to the next conflict, Shift+F8 back.
	if v.current != 0 {
		t.Fatalf("the view opens on conflict %d, want the first", v.current)
	}
	v.body.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF8})
	if v.current != 1 || v.body.SelectedText() != "governor" {
		t.Errorf("F8: conflict %d, selection %q; want the second, governor", v.current, v.body.SelectedText())
	}
	v.key(fyne.KeyF8, true)
	if v.current != 0 {
		t.Errorf("Shift+F8: conflict %d, want the first", v.current)
	}

	// Take theirs for the day.
	test.Tap(findButtonIn(t, v.list, "Take theirs", 0))
	if got := v.body.Text(); got != "The council met on Wednesday. The governor spoke. Rates rise sharply." {
		t.Fatalf("after Take theirs the body is %q", got)
	}
	// Edit the speaker by hand: select the conflict and type.
	c := v.conflicts[1]
	m := v.body.Model()
	v.body.Select(textedit.Range{From: m.PosAt(c.start), To: m.PosAt(c.end)})
	for _, r := range "deputy mayor" {
		v.body.TypedRune(r)
	}
	if !c.byHand || v.body.Text()[c.start:c.end] != "deputy mayor" {
		t.Fatalf("hand edit: conflict range %q (by hand %v)", v.body.Text()[c.start:c.end], c.byHand)
	}
	// A later Take still replaces exactly the conflict's text.
	test.Tap(findButtonIn(t, v.list, "Take both", 1))
	if got := v.body.Text(); got != "The council met on Wednesday. The governor minister spoke. Rates rise sharply." {
		t.Fatalf("after Take both the body is %q", got)
	}
	v.body.Select(textedit.Range{From: m.PosAt(c.start), To: m.PosAt(c.end)})
	for _, r := range "deputy mayor" {
		v.body.TypedRune(r)
	}
	want := "The council met on Wednesday. The deputy mayor spoke. Rates rise sharply."

	done := false
	v.saved = func() { done = true }
	test.Tap(findButton(t, w.MainWindow, "Save merge"))
	w.settle()
	if !done {
		t.Fatal("Save merge stored nothing")
	}
	got := mustGet(t, store, a.ID)
	if got.Body != want || got.Deck != "A late vote" {
		t.Fatalf("after the merge the draft is %q / deck %q, want %q / theirs' deck", got.Body, got.Deck, want)
	}
	heads, err = store.Heads(ctx, a.ID)
	if err != nil || len(heads) != 1 {
		t.Fatalf("after the merge %d heads (%v), want 1", len(heads), err)
	}
	revs, _ := store.Revisions(ctx, a.ID)
	if revs[0].MergeParentID == "" || revs[0].ParentID == "" || revs[0].Conflict {
		t.Fatalf("the newest revision %+v is not a merge of both heads", revs[0])
	}
	if w.form.body.Text() != want || w.banner.object.Visible() || w.conflicts.merging != nil {
		t.Errorf("the window shows %q, banner visible %v, merge view %v", w.form.body.Text(), w.banner.object.Visible(), w.conflicts.merging)
	}
	// Typing goes on from the merge without a conflict.
	typeAtEnd(w.form.body, " Done.")
	w.advance(w.opt.autosaveMaxWait())
	if got := mustGet(t, store, a.ID).Body; got != want+" Done." || w.banner.object.Visible() {
		t.Errorf("after the merge an edit stored %q (banner %v)", got, w.banner.object.Visible())
	}
}

// TestMergeViewOnOpen: a draft that already has two heads (as a sync
// leaves it) shows the banner as soon as it opens; Escape closes the
// merge view without storing anything.
func TestMergeViewOnOpen(t *testing.T) {
	ctx := context.Background()
	clk := newFakeClock()
	store := openStore(t, clk)
	a := seed(t, store, clk, "Flood warning", "Rivers rose.")
	other := otherWindow(t, store, clk)
	stale, _ := other.Get(ctx, a.ID)
	fresh, _ := store.Get(ctx, a.ID)
	fresh.Body = "Rivers rose fast."
	if _, err := store.Save(ctx, fresh, editor.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	stale.Body = "Rivers rose overnight."
	if _, err := other.Save(ctx, stale, editor.SaveOptions{}); editor.ErrorCode(err) != editor.ESTALE {
		t.Fatalf("stale save: %v, want ESTALE", err)
	}
	n := len(mustRevisions(t, store, a.ID))
	w := newTestWindow(t, store, clk, Options{})
	w.app.Settings().SetTheme(newTheme()) // the test theme lacks the underlined font
	if w.article == nil || w.article.ID != a.ID {
		t.Fatal("the draft did not open")
	}
	if w.banner.kind != bannerConflict || !strings.Contains(w.banner.message.Text, "2 versions") {
		t.Fatalf("banner = %q %q, want the two versions", w.banner.kind, w.banner.message.Text)
	}
	test.Tap(w.banner.button("Merge…"))
	w.settle()
	v := w.conflicts.merging
	if v == nil || len(v.conflicts) != 1 {
		t.Fatalf("merge view %v, want one conflict (fast / overnight)", v)
	}
	v.body.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	w.settle()
	if w.conflicts.merging != nil || w.Window.Canvas().Overlays().Top() != nil {
		t.Error("Escape left the merge view open")
	}
	if got := len(mustRevisions(t, store, a.ID)); got != n {
		t.Errorf("a cancelled merge wrote revisions: %d, want %d", got, n)
	}

	// Enter, with the focus outside the body, saves the merge.
	test.Tap(w.banner.button("Merge…"))
	w.settle()
	if w.conflicts.merging == nil {
		t.Fatal("Merge… did not open the view again")
	}
	c := w.Window.Canvas()
	c.Unfocus()
	c.(interface{ OnTypedKey() func(*fyne.KeyEvent) }).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
	w.settle()
	if hs, err := store.Heads(ctx, a.ID); err != nil || len(hs) != 1 {
		t.Fatalf("after Enter the draft has %d heads (%v), want 1", len(hs), err)
	}
	if got := mustGet(t, store, a.ID).Body; got != "Rivers rose fast." {
		t.Errorf("an undecided conflict should keep mine (the shown text): %q", got)
	}
}

func mustRevisions(t *testing.T, s editor.Store, id string) []editor.Revision {
	t.Helper()
	revs, err := s.Revisions(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return revs
}

// findButtonIn returns the n-th button labelled label inside o.
func findButtonIn(t *testing.T, o fyne.CanvasObject, label string, n int) *widget.Button {
	t.Helper()
	var found []*widget.Button
	walk(o, func(x fyne.CanvasObject) {
		if b, ok := x.(*widget.Button); ok && b.Text == label {
			found = append(found, b)
		}
	})
	if n >= len(found) {
		t.Fatalf("no button %q number %d (found %d)", label, n, len(found))
	}
	return found[n]
}

func TestFollowEdit(t *testing.T) {
	for _, tc := range []struct {
		name               string
		start, end         int
		p, oldEnd, newEnd  int
		wantStart, wantEnd int
		wantTouched        bool
		grow               bool
	}{
		{"typed before", 10, 15, 2, 2, 5, 13, 18, false, false},
		{"typed after", 10, 15, 20, 20, 22, 10, 15, false, false},
		{"typed at the end stays outside", 10, 15, 15, 15, 18, 10, 15, false, false},
		{"typed at the start stays outside", 10, 15, 10, 10, 12, 12, 17, false, false},
		{"typed inside", 10, 15, 12, 12, 14, 10, 17, true, false},
		{"typed into an empty range", 10, 10, 10, 10, 13, 10, 13, true, false},
		{"replaced wholly", 10, 15, 10, 15, 22, 10, 22, true, false},
		{"deleted across the start", 10, 15, 8, 12, 8, 8, 11, true, false},
		{"deleted before", 10, 15, 2, 5, 2, 7, 12, false, false},
		{"deleted after", 10, 15, 16, 20, 16, 10, 15, false, false},
		{"typed at the end of a range edited by hand", 10, 15, 15, 15, 18, 10, 18, true, true},
	} {
		s, e, touched := followEdit(tc.start, tc.end, tc.p, tc.oldEnd, tc.newEnd, tc.grow)
		if s != tc.wantStart || e != tc.wantEnd || touched != tc.wantTouched {
			t.Errorf("%s: [%d,%d) touched %v, want [%d,%d) %v", tc.name, s, e, touched, tc.wantStart, tc.wantEnd, tc.wantTouched)
		}
	}
}

// TestMergeViewFieldConflicts: both versions changed the headline and
// the byline's title differently; each is a conflict of its own above the
// body's, and Take theirs takes their words for that field alone.
func TestMergeViewFieldConflicts(t *testing.T) {
	ctx := context.Background()
	clk := newFakeClock()
	store := openStore(t, clk)
	a := seed(t, store, clk, "Council votes on budget", "The council met.")
	w := newTestWindow(t, store, clk, Options{})
	w.app.Settings().SetTheme(newTheme()) // the test theme lacks the underlined font
	other := otherWindow(t, store, clk)
	theirs, _ := other.Get(ctx, a.ID)
	theirs.Headline = "Council passes budget"
	theirs.Byline.Title = "City hall reporter"
	if _, err := other.Save(ctx, theirs, editor.SaveOptions{Session: "other"}); err != nil {
		t.Fatal(err)
	}
	mine := w.article.Clone()
	mine.Headline = "Council rejects budget"
	mine.Byline.Title = "Staff writer"
	mine.Body = "The council met late."
	w.form.load(mine)
	w.article = mine
	w.saver.changed()
	w.save(nil)
	w.settle()
	test.Tap(w.banner.button("Merge…"))
	w.settle()
	v := w.conflicts.merging
	if v == nil || len(v.conflicts) != 2 {
		t.Fatalf("merge view %v, want two conflicts (headline, byline title)", v)
	}
	if v.conflicts[0].field.Name() != "headline" || v.conflicts[1].field.Name() != "byline.title" {
		t.Fatalf("conflicts on %s and %s", v.conflicts[0].field.Name(), v.conflicts[1].field.Name())
	}
	test.Tap(findButtonIn(t, v.list, "Take theirs", 0))
	test.Tap(findButton(t, w.MainWindow, "Save merge"))
	w.settle()
	got := mustGet(t, store, a.ID)
	if got.Headline != "Council passes budget" || got.Byline.Title != "Staff writer" || got.Body != "The council met late." {
		t.Errorf("merged %q / %q / %q, want theirs' headline, my title and my body", got.Headline, got.Byline.Title, got.Body)
	}
	if hs, _ := store.Heads(ctx, a.ID); len(hs) != 1 {
		t.Errorf("%d heads after the merge, want 1", len(hs))
	}
}

// TestMergeViewInASyncingWindow: a window whose library can sync (as
// main.go wires it: a newsroom link, so its store is wrapped to tell the
// background sync about writes) still offers the three-way merge, and a
// merge or a move to Trash tells the sync loop a sync is due.
func TestMergeViewInASyncingWindow(t *testing.T) {
	ctx := context.Background()
	clk := newFakeClock()
	store := openStore(t, clk)
	a := seed(t, store, clk, "Council votes on budget", "The council met on Monday.")
	w := newTestWindow(t, store, clk, Options{Newsroom: pgsync.NewClient(store)})
	w.app.Settings().SetTheme(newTheme()) // the test theme lacks the underlined font
	if _, ok := w.store.(editor.MergeStore); !ok {
		t.Fatalf("the syncing window's store %T cannot merge heads", w.store)
	}
	other := otherWindow(t, store, clk)
	theirs, err := other.Get(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	theirs.Body = "The council met on Wednesday."
	if _, err := other.Save(ctx, theirs, editor.SaveOptions{Session: "other"}); err != nil {
		t.Fatal(err)
	}
	w.form.body.SetText("The council met on Tuesday.")
	w.advance(w.opt.autosaveMaxWait())
	merge := w.banner.button("Merge…")
	if merge == nil {
		t.Fatal("the conflict banner has no Merge… button")
	}
	test.Tap(merge)
	w.settle()
	if w.conflicts.merging == nil {
		t.Fatal("Merge… in a syncing window opened no three-way merge view")
	}

	var told int
	st := syncStore(store, func() { told++ })
	if _, err := st.(editor.MergeStore).HeadRevisions(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if err := st.Trash(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if err := st.Untrash(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if told != 2 {
		t.Errorf("Trash and back told the sync loop %d times, want 2", told)
	}
}
