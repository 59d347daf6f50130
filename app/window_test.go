package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/dateline-news/dateline/assets"
	"github.com/dateline-news/dateline/editor"
)

func TestTypingHeadlineShowsInPreview(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	w := newTestWindow(t, store, clk, Options{})

	w.NewArticle()
	w.settle()
	if w.article == nil {
		t.Fatal("New article opened no draft")
	}
	test.Type(w.form.headline, "Port strike ends after nine days")
	if got := w.previewText(); strings.Contains(got, "Port strike ends") {
		t.Fatalf("preview rendered before its debounce ran out:\n%s", got)
	}
	w.advance(w.opt.previewDelay())
	if got := w.previewText(); !strings.Contains(got, "Port strike ends after nine days") {
		t.Fatalf("preview does not show the typed headline; it shows:\n%s", got)
	}
}

func TestNewArticleAddsRow(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	seed(t, store, clk, "Regional ministers meet on trade rules", "Text.")
	w := newTestWindow(t, store, clk, Options{})
	if got, want := w.library.list.Length(), 1; got != want {
		t.Fatalf("library shows %d rows at start, want %d", got, want)
	}

	test.Tap(w.library.newBtn)
	w.settle()

	// Nothing is stored until something is typed: a Ctrl+N that changes
	// its mind leaves no "(untitled)" draft behind.
	if got, want := w.library.list.Length(), 1; got != want {
		t.Fatalf("library shows %d rows after New article before typing, want %d", got, want)
	}
	if n, err := store.Count(context.Background(), editor.ListOptions{}); err != nil || n != 1 {
		t.Fatalf("store holds %d drafts (%v) after New article before typing, want 1", n, err)
	}
	if got := w.Window.Canvas().Focused(); got != w.form.headline {
		t.Errorf("focus after New article is %T, want the headline", got)
	}

	test.Type(w.form.headline, "Budget vote delayed")
	w.advance(w.opt.autosaveDelay())
	if got, want := w.library.list.Length(), 2; got != want {
		t.Fatalf("library shows %d rows after typing into the new draft, want %d", got, want)
	}
	if got, want := w.library.items[0].ID, w.article.ID; got != want {
		t.Errorf("top row is %s, want the new draft %s", got, want)
	}
	n, err := store.Count(context.Background(), editor.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Errorf("store holds %d drafts after typing into the new draft, want 2", n)
	}
	if !strings.Contains(w.library.count.Text, "2 drafts") {
		t.Errorf("count label says %q, want 2 drafts", w.library.count.Text)
	}

	// A second Ctrl+N on the stored draft, then a third without typing,
	// stores nothing more.
	w.NewArticle()
	w.settle()
	w.NewArticle()
	w.settle()
	if n, _ := store.Count(context.Background(), editor.ListOptions{}); n != 2 {
		t.Errorf("store holds %d drafts after two untouched New articles, want 2", n)
	}
}

func TestAutosaveWritesToStore(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	w := newTestWindow(t, store, clk, Options{})
	w.NewArticle()
	w.settle()
	id := w.article.ID

	test.Type(w.form.body, "Dockworkers voted to return.")
	if got := w.StatusText(); got != "Unsaved changes" {
		t.Errorf("status while typing = %q, want Unsaved changes", got)
	}
	w.advance(w.opt.autosaveDelay() - time.Millisecond)
	if a, err := store.Get(context.Background(), id); editor.ErrorCode(err) != editor.ENOTFOUND {
		t.Fatalf("saved before the autosave delay ran out: %v, %v", a, err)
	}
	w.advance(time.Millisecond)
	if got, want := mustGet(t, store, id).Body, "Dockworkers voted to return."; got != want {
		t.Fatalf("stored body = %q, want %q", got, want)
	}
	if got, want := w.StatusText(), "Saved "+clk.Now().Format("15:04:05")+" · 4 words"; got != want {
		t.Errorf("status after autosave = %q, want %q", got, want)
	}
	if w.saver.dirty {
		t.Error("draft still dirty after a good save")
	}
	revs, err := store.Revisions(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if len(revs) == 0 {
		t.Error("no revision recorded for the autosave")
	}
}

func TestAutosaveDebouncesKeystrokes(t *testing.T) {
	clk := newFakeClock()
	store := &failingStore{Store: openStore(t, clk)}
	// A maximum wait longer than the burst and the delay after it, so that
	// only the debounce decides.
	w := newTestWindow(t, store, clk, Options{AutosaveDelay: 300 * time.Millisecond, AutosaveMaxWait: 2 * time.Second})
	w.NewArticle()
	w.settle()
	before := store.saves.Load()

	// A short burst is saved once, a debounce delay after its last
	// keystroke.
	step := 100 * time.Millisecond
	for _, word := range []string{"Talks ", "resume ", "on ", "Monday."} {
		test.Type(w.form.body, word)
		w.advance(step)
	}
	if got := store.saves.Load() - before; got != 0 {
		t.Fatalf("%d saves during a burst shorter than the maximum wait, want 0", got)
	}
	w.advance(w.opt.autosaveDelay() - step - time.Millisecond)
	if got := store.saves.Load() - before; got != 0 {
		t.Fatalf("%d saves before the debounce delay ran out, want 0", got)
	}
	w.advance(time.Millisecond)
	if got := store.saves.Load() - before; got != 1 {
		t.Fatalf("%d saves after typing stopped, want 1", got)
	}
	if got, want := mustGet(t, store, w.article.ID).Body, "Talks resume on Monday."; got != want {
		t.Errorf("stored body = %q, want %q", got, want)
	}
}

// TestAutosaveSavesDuringSteadyTyping types without a pause for longer
// than the debounce delay: every keystroke must be in the library at most
// the maximum wait after it was typed, and the session still leaves one
// revision.
func TestAutosaveSavesDuringSteadyTyping(t *testing.T) {
	clk := newFakeClock()
	store := &failingStore{Store: openStore(t, clk)}
	w := newTestWindow(t, store, clk, Options{})
	w.NewArticle()
	w.settle()
	test.Type(w.form.headline, "Steady") // a new draft is stored once typed into
	w.advance(w.opt.autosaveDelay())
	id := w.article.ID
	revsBefore, err := store.Revisions(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}

	const gap = 130 * time.Millisecond // about 7.7 characters a second
	maxWait := w.opt.autosaveMaxWait()
	text := strings.Repeat("Steady typing never pauses long enough. ", 3)
	var typedAt []time.Time
	for i, r := range text {
		test.Type(w.form.body, string(r))
		typedAt = append(typedAt, clk.Now())
		w.advance(gap)
		stored := len(mustGet(t, store, id).Body)
		for j := stored; j <= i; j++ {
			if age := clk.Now().Sub(typedAt[j]); age > maxWait {
				t.Fatalf("after %d keystrokes, keystroke %d (typed %v ago) is not saved; the library holds %d characters",
					i+1, j+1, age, stored)
			}
		}
	}
	if got := store.saves.Load(); got < int32(len(text))*int32(gap)/int32(maxWait)-1 {
		t.Errorf("%d saves in %v of steady typing", got, time.Duration(len(text))*gap)
	}
	w.advance(w.opt.autosaveDelay())
	if got := mustGet(t, store, id).Body; got != text {
		t.Errorf("stored body after the pause = %q, want %q", got, text)
	}
	revs, err := store.Revisions(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(revs) - len(revsBefore); got > 1 {
		t.Errorf("steady typing in one session added %d revisions, want them coalesced into 1", got)
	}
}

func TestSelectingAnotherDraftSavesFirst(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	older := seed(t, store, clk, "Older story", "Old text.")
	newer := seed(t, store, clk, "Newer story", "New text.")
	w := newTestWindow(t, store, clk, Options{})
	if w.article == nil || w.article.ID != newer.ID {
		t.Fatalf("window opened %v, want the newest draft %s", w.article, newer.ID)
	}

	typeAtEnd(w.form.body, " More.")
	w.library.list.Select(w.library.indexOf(older.ID))
	w.settle()

	if got, want := mustGet(t, store, newer.ID).Body, "New text. More."; got != want {
		t.Errorf("the draft left behind was stored as %q, want %q", got, want)
	}
	if w.article.ID != older.ID {
		t.Fatalf("open draft is %s, want %s", w.article.ID, older.ID)
	}
	if got, want := w.form.headline.Text(), "Older story"; got != want {
		t.Errorf("form headline = %q, want %q", got, want)
	}
	if got, want := w.library.selectedID, older.ID; got != want {
		t.Errorf("library selection = %s, want %s", got, want)
	}
	if w.saver.dirty {
		t.Error("freshly opened draft is dirty")
	}
}

func TestSaveFailureKeepsText(t *testing.T) {
	clk := newFakeClock()
	store := &failingStore{Store: openStore(t, clk)}
	other := seed(t, store, clk, "Other story", "Other text.")
	w := newTestWindow(t, store, clk, Options{})
	w.NewArticle()
	w.settle()
	id := w.article.ID

	store.fail.Store(true)
	test.Type(w.form.body, "Every word counts.")
	w.advance(w.opt.autosaveDelay())

	if got := w.StatusText(); !strings.Contains(got, "the disk is full") {
		t.Errorf("status after a failed save = %q, want the store's message", got)
	}
	if top := w.Window.Canvas().Overlays().Top(); top != nil {
		t.Error("a failed save opened a modal dialog, which takes the keystrokes")
	}
	if w.banner.kind != bannerSaveFailed || !w.banner.object.Visible() {
		t.Error("no banner after a failed save")
	}
	if got, want := w.form.body.Text(), "Every word counts."; got != want {
		t.Errorf("body after a failed save = %q, want %q", got, want)
	}
	if !w.saver.dirty {
		t.Error("draft not dirty after a failed save")
	}

	// Switching drafts must not throw the unsaved text away.
	w.library.list.Select(w.library.indexOf(other.ID))
	w.settle()
	if w.article.ID != id {
		t.Fatalf("switched to %s although the open draft could not be saved", w.article.ID)
	}
	if got, want := w.library.selectedID, id; got != want {
		t.Errorf("library selection = %s, want the unsaved draft %s", got, want)
	}

	// Once the store works again, the next edit saves everything.
	store.fail.Store(false)
	typeAtEnd(w.form.body, " Saved now.")
	w.advance(w.opt.autosaveDelay())
	if got, want := mustGet(t, store, id).Body, "Every word counts. Saved now."; got != want {
		t.Errorf("stored body after recovery = %q, want %q", got, want)
	}
	if got := w.StatusText(); !strings.HasPrefix(got, "Saved ") {
		t.Errorf("status after recovery = %q, want Saved …", got)
	}
}

func TestCloseSavesFirst(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	a := seed(t, store, clk, "Closing story", "Body.")
	w := newTestWindow(t, store, clk, Options{})
	typeAtEnd(w.form.headline, " update")

	closed := false
	w.Window.SetOnClosed(func() { closed = true })
	w.RequestClose()
	w.settle()

	if got, want := mustGet(t, store, a.ID).Headline, "Closing story update"; got != want {
		t.Errorf("stored headline after close = %q, want %q", got, want)
	}
	if !closed {
		t.Error("window not closed after a good save")
	}
}

func TestCloseKeepsWindowWhenSaveFails(t *testing.T) {
	clk := newFakeClock()
	store := &failingStore{Store: openStore(t, clk)}
	seed(t, store, clk, "Closing story", "Body.")
	w := newTestWindow(t, store, clk, Options{})
	store.fail.Store(true)
	typeAtEnd(w.form.body, " Unsaved.")

	closed := false
	w.Window.SetOnClosed(func() { closed = true })
	w.RequestClose()
	w.settle()

	if closed {
		t.Fatal("window closed although the draft could not be saved")
	}
	if got, want := w.form.body.Text(), "Body. Unsaved."; got != want {
		t.Errorf("body = %q, want %q", got, want)
	}
}

func TestFirstRunAddsSample(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	want, err := editor.ParseMarkdownArticle(assets.SampleArticle)
	if err != nil {
		t.Fatal(err)
	}
	w := newTestWindow(t, store, clk, Options{Sample: assets.SampleArticle})

	if w.article == nil || w.article.ID != want.ID {
		t.Fatalf("first run opened %v, want the sample %s", w.article, want.ID)
	}
	if got := w.form.headline.Text(); got != want.Headline || got == "" {
		t.Errorf("headline = %q, want %q", got, want.Headline)
	}
	if !strings.Contains(w.previewText(), want.Headline) {
		t.Errorf("preview does not show the sample:\n%s", w.previewText())
	}

	// A second start on the same library does not add it again.
	w2 := newTestWindow(t, store, clk, Options{Sample: assets.SampleArticle})
	if got := w2.library.list.Length(); got != 1 {
		t.Errorf("second start shows %d drafts, want 1", got)
	}
}

func TestHeadlineDrivesAutomaticSlug(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	w := newTestWindow(t, store, clk, Options{})
	w.NewArticle()
	w.settle()

	test.Type(w.form.headline, "Müller wins in Zürich")
	if got, want := w.form.slug.Text, "muller-wins-in-zurich"; got != want {
		t.Fatalf("slug = %q, want %q", got, want)
	}
	w.form.slug.SetText("zurich-vote")
	typeAtEnd(w.form.headline, "!")
	if got, want := w.article.Slug, "zurich-vote"; got != want {
		t.Errorf("a slug set by hand changed to %q, want %q", got, want)
	}
}

func TestFormEditsReachArticle(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	w := newTestWindow(t, store, clk, Options{})
	w.NewArticle()
	w.settle()

	test.Type(w.form.authors.entries[0], "Dana Whitfield")
	test.Tap(w.form.authors.add)
	test.Type(w.form.authors.entries[1], "Omar Haddad")
	test.Type(w.form.place, "NAIROBI, Kenya")
	test.Type(w.form.date, "Jan. 21")
	test.Type(w.form.credit, "Harbor Times")
	test.Type(w.form.tags, "kenya, tea")
	w.form.kind.SetSelected(string(editor.AttributionSyndicated))
	test.Type(w.form.publisher, "Coast Daily")
	w.form.status.SetSelected(string(editor.StatusFiled))
	confirmTransition(t, w, editor.StatusFiled, "") // a checked transition, see workflow.go
	w.advance(w.opt.autosaveDelay())

	got := mustGet(t, store, w.article.ID)
	if want := []string{"Dana Whitfield", "Omar Haddad"}; strings.Join(got.Byline.Authors, "|") != strings.Join(want, "|") {
		t.Errorf("authors = %q, want %q", got.Byline.Authors, want)
	}
	if got, want := editor.FormatDateline(got.Dateline, editor.DashEn), "NAIROBI, Kenya, Jan. 21 (Harbor Times) – "; got != want {
		t.Errorf("dateline = %q, want %q", got, want)
	}
	if got.Attribution.Kind != editor.AttributionSyndicated || got.Attribution.OriginalPublisher != "Coast Daily" {
		t.Errorf("attribution = %+v", got.Attribution)
	}
	if strings.Join(got.Tags, "|") != "kenya|tea" {
		t.Errorf("tags = %q", got.Tags)
	}
	if got.Status != editor.StatusFiled {
		t.Errorf("status = %q", got.Status)
	}
	if !w.form.publisher.Visible() {
		t.Error("original publisher and URL hidden for syndicated copy")
	}
}

func TestParseDatelineDate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string // YYYY-MM-DD, "" for no date, "error"
	}{
		{"", ""},
		{"  ", ""},
		{"2026-01-21", "2026-01-21"},
		{"Jan. 21", "2025-01-21"},
		{"Sept. 3", "2025-09-03"},
		{"March 5", "2025-03-05"},
		{"january 21", "2025-01-21"},
		{"Feb. 30", "error"},
		{"2026-13-01", "error"},
		{"yesterday", "error"},
		{"21 Jan", "error"},
	} {
		got, err := parseDatelineDate(tc.in, 2025)
		switch {
		case tc.want == "error":
			if err == nil {
				t.Errorf("parseDatelineDate(%q) = %v, want an error", tc.in, got)
			}
		case err != nil:
			t.Errorf("parseDatelineDate(%q): %v", tc.in, err)
		case tc.want == "" && !got.IsZero():
			t.Errorf("parseDatelineDate(%q) = %v, want no date", tc.in, got)
		case tc.want != "" && got.Format("2006-01-02") != tc.want:
			t.Errorf("parseDatelineDate(%q) = %s, want %s", tc.in, got.Format("2006-01-02"), tc.want)
		}
	}
}

func TestFormatDatelineDateRoundTrips(t *testing.T) {
	for _, d := range []time.Time{
		time.Date(2025, time.September, 3, 0, 0, 0, 0, time.UTC),
		time.Date(2024, time.March, 5, 0, 0, 0, 0, time.UTC),
	} {
		s := formatDatelineDate(d, 2025)
		got, err := parseDatelineDate(s, 2025)
		if err != nil || !got.Equal(d) {
			t.Errorf("%s shown as %q reads back as %v, %v", d.Format("2006-01-02"), s, got, err)
		}
	}
	if got, want := formatDatelineDate(time.Date(2025, time.September, 3, 0, 0, 0, 0, time.UTC), 2025), "Sept. 3"; got != want {
		t.Errorf("same-year date shown as %q, want AP style %q", got, want)
	}
}

func TestFormatUpdated(t *testing.T) {
	now := testEpoch
	for _, tc := range []struct {
		t    time.Time
		want string
	}{
		{now.Add(-time.Hour), "13:03"},
		{now.AddDate(0, 0, -3), "Jan 18"},
		{now.AddDate(-1, 0, 0), "Jan 21, 2025"},
		{time.Time{}, ""},
	} {
		if got := formatUpdated(tc.t, now); got != tc.want {
			t.Errorf("formatUpdated(%v) = %q, want %q", tc.t, got, tc.want)
		}
	}
	if got, want := formatThousands(1284), "1,284"; got != want {
		t.Errorf("formatThousands = %q, want %q", got, want)
	}
}

func TestAuthorsEditorAddMoveRemove(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	w := newTestWindow(t, store, clk, Options{})
	w.NewArticle()
	w.settle()
	ed := w.form.authors
	authors := func() string { return strings.Join(w.article.Byline.Authors, "|") }

	test.Type(ed.entries[0], "Ann")
	test.Tap(ed.add)
	test.Type(ed.entries[1], "Ben")
	test.Tap(ed.add)
	test.Type(ed.entries[2], "Cy")
	if got, want := authors(), "Ann|Ben|Cy"; got != want {
		t.Fatalf("authors = %s, want %s", got, want)
	}
	if !w.saver.dirty {
		t.Fatal("adding authors did not mark the draft dirty")
	}

	ed.move(2, -1)
	if got, want := authors(), "Ann|Cy|Ben"; got != want {
		t.Errorf("after moving Cy up: %s, want %s", got, want)
	}
	ed.move(0, -1) // the first cannot move up
	if got, want := authors(), "Ann|Cy|Ben"; got != want {
		t.Errorf("after moving the first up: %s, want %s", got, want)
	}
	ed.remove(0)
	if got, want := authors(), "Cy|Ben"; got != want {
		t.Errorf("after removing Ann: %s, want %s", got, want)
	}
	test.Tap(ed.add) // an empty author is not a name
	if got, want := authors(), "Cy|Ben"; got != want {
		t.Errorf("after adding an empty row: %s, want %s", got, want)
	}

	w.advance(w.opt.previewDelay())
	if got, want := w.previewText(), "by Cy and Ben"; !strings.Contains(got, want) {
		t.Errorf("preview lacks %q:\n%s", want, got)
	}
	w.advance(w.opt.autosaveDelay())
	if got, want := strings.Join(mustGet(t, store, w.article.ID).Byline.Authors, "|"), "Cy|Ben"; got != want {
		t.Errorf("stored authors = %s, want %s", got, want)
	}
}

func TestAutomaticSlugIsMadeUniqueWhenSaved(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	seed(t, store, clk, "Harbour cranes stand idle", "Earlier story.")
	w := newTestWindow(t, store, clk, Options{})
	w.NewArticle()
	w.settle()
	id := w.article.ID

	test.Type(w.form.headline, "Harbour cranes stand idle")
	w.advance(w.opt.autosaveDelay())
	if got := w.StatusText(); strings.HasPrefix(got, "Not saved") {
		t.Fatalf("a headline that matches another story's must not block saving: %q", got)
	}
	if got, want := mustGet(t, store, id).Slug, "harbour-cranes-stand-idle-2"; got != want {
		t.Errorf("stored slug = %q, want %q", got, want)
	}
	if got, want := w.form.slug.Text, "harbour-cranes-stand-idle-2"; got != want {
		t.Errorf("slug field = %q, want the slug that was saved, %q", got, want)
	}

	// The suffixed slug still follows the headline.
	test.Type(w.form.headline, " again")
	if got, want := w.form.slug.Text, "harbour-cranes-stand-idle-again"; got != want {
		t.Errorf("slug field after a headline edit = %q, want %q", got, want)
	}

	// A slug the user typed is never changed behind their back.
	w.form.slug.SetText("")
	test.Type(w.form.slug, "harbour-cranes-stand-idle")
	w.advance(w.opt.autosaveDelay())
	if got := w.StatusText(); !strings.HasPrefix(got, "Not saved") || !strings.Contains(got, "harbour-cranes-stand-idle") {
		t.Errorf("a typed slug that is taken must be reported, got status %q", got)
	}
}

// TestSlugFieldRefusesWhatSaveRefuses checks that the slug field flags the
// slugs a save would reject, the too-long one included, and accepts the
// rest and the empty field being typed.
func TestSlugFieldRefusesWhatSaveRefuses(t *testing.T) {
	clk := newFakeClock()
	w := newTestWindow(t, openStore(t, clk), clk, Options{})
	for _, tt := range []struct {
		slug string
		ok   bool
	}{
		{"", true},
		{" kenya-tea-harvest ", true},
		{"Kenya Tea", false},
		{strings.Repeat("a", 101), false},
	} {
		if err := w.form.slug.Validator(tt.slug); (err == nil) != tt.ok {
			t.Errorf("slug field %q: %v, want ok %v", tt.slug, err, tt.ok)
		}
	}
}
