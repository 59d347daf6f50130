package app

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/editor"
)

// countingStore counts the summaries List hands out, to show that the
// library list pages instead of loading everything.
type countingStore struct {
	editor.Store
	lists, rows atomic.Int64
}

func (s *countingStore) List(ctx context.Context, opt editor.ListOptions) ([]editor.Summary, error) {
	out, err := s.Store.List(ctx, opt)
	s.lists.Add(1)
	s.rows.Add(int64(len(out)))
	return out, err
}

// topOverlay is the dialog showing on top of the window, failing the test
// when there is none.
func topOverlay(t testing.TB, w *MainWindow) fyne.CanvasObject {
	t.Helper()
	top := w.Window.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is showing")
	}
	return top
}

// buttonIn finds the visible button labelled text inside o.
func buttonIn(t testing.TB, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	var labels []string
	walk(o, func(c fyne.CanvasObject) {
		if b, ok := c.(*widget.Button); ok && b.Visible() {
			labels = append(labels, b.Text)
			if b.Text == text {
				found = b
			}
		}
	})
	if found == nil {
		t.Fatalf("no button %q; buttons: %q", text, labels)
	}
	return found
}

// textIn joins the texts of the visible labels and rich texts inside o.
func textIn(o fyne.CanvasObject) string {
	var parts []string
	walk(o, func(c fyne.CanvasObject) {
		switch x := c.(type) {
		case *widget.Label:
			if x.Visible() {
				parts = append(parts, x.Text)
			}
		case *widget.RichText:
			if x.Visible() {
				parts = append(parts, x.String())
			}
		}
	})
	return strings.Join(parts, "\n")
}

// rowObject renders row i of the library list the way the list does.
func rowObject(t testing.TB, w *MainWindow, i int) fyne.CanvasObject {
	t.Helper()
	o := newLibraryRow()
	w.library.updateRow(i, o)
	return o
}

func TestSearchNarrowsListAndHighlightsSnippet(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	seed(t, store, clk, "Tea growers count losses", "The dry season cut the harvest by a third.")
	seed(t, store, clk, "Port reopens", "Dockworkers voted to return to work after a nine-day strike.")
	seed(t, store, clk, "Ministers meet", "Trade rules were discussed.")
	w := newTestWindow(t, store, clk, Options{})
	if got := w.library.list.Length(); got != 3 {
		t.Fatalf("library shows %d rows, want 3", got)
	}

	test.Type(w.browser.search, "dockwork")
	if got := w.library.list.Length(); got != 3 {
		t.Fatalf("the search ran before its debounce: %d rows", got)
	}
	w.advance(searchDelay)
	if got := w.library.list.Length(); got != 1 {
		t.Fatalf("search for a prefix shows %d rows, want 1", got)
	}
	s, ok := w.library.row(0)
	if !ok || s.Headline != "Port reopens" {
		t.Fatalf("hit = %+v, want Port reopens", s)
	}
	if w.browser.sort.Selected != sortRelevance {
		t.Errorf("a search shows the order %q, want %s", w.browser.sort.Selected, sortRelevance)
	}
	if !strings.Contains(w.library.count.Text, "1 draft matches") {
		t.Errorf("count line %q does not say 1 draft matches", w.library.count.Text)
	}

	// The row shows the snippet instead of the byline, with the matched
	// word in bold.
	row := rowObject(t, w.MainWindow, 0)
	var snip *widget.RichText
	walk(row, func(c fyne.CanvasObject) {
		if r, ok := c.(*widget.RichText); ok && r.Visible() {
			snip = r
		}
	})
	if snip == nil {
		t.Fatal("row shows no snippet")
	}
	var bold []string
	for _, seg := range snip.Segments {
		if ts, ok := seg.(*widget.TextSegment); ok && ts.Style.TextStyle.Bold {
			bold = append(bold, ts.Text)
		}
	}
	if len(bold) == 0 || !strings.HasPrefix(strings.ToLower(bold[0]), "dockwork") {
		t.Errorf("bold segments %q, want the matched Dockworkers; snippet %q", bold, snip.String())
	}
	if strings.ContainsAny(snip.String(), editor.SnippetOpen+editor.SnippetClose) {
		t.Errorf("snippet shows raw markers: %q", snip.String())
	}

	// A quoted phrase must match as a phrase.
	w.browser.search.SetText(`"voted to return"`)
	w.advance(searchDelay)
	if got := w.library.list.Length(); got != 1 {
		t.Errorf("phrase search shows %d rows, want 1", got)
	}
	w.browser.search.SetText(`"return to voted"`)
	w.advance(searchDelay)
	if got := w.library.list.Length(); got != 0 {
		t.Errorf("phrase in the wrong order shows %d rows, want 0", got)
	}

	// Clearing the search brings every draft back, bylines and all.
	w.browser.search.SetText("")
	w.advance(searchDelay)
	if got := w.library.list.Length(); got != 3 {
		t.Errorf("cleared search shows %d rows, want 3", got)
	}
	if w.browser.sort.Selected != sortUpdated {
		t.Errorf("without a search the order shows %q, want %s", w.browser.sort.Selected, sortUpdated)
	}
	if strings.Contains(textIn(rowObject(t, w.MainWindow, 0)), "Dockworkers") {
		t.Error("row still shows a snippet after the search was cleared")
	}
}

func TestNewArticleClearsSearch(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	seed(t, store, clk, "Port reopens", "Dockworkers voted.")
	seed(t, store, clk, "Tea harvest", "Growers counted losses.")
	w := newTestWindow(t, store, clk, Options{})
	w.browser.search.SetText("dockworkers")
	w.advance(searchDelay)
	if got := w.library.list.Length(); got != 1 {
		t.Fatalf("search shows %d rows, want 1", got)
	}

	w.act(func() { w.NewArticle() })
	w.settle()
	if w.browser.search.Text != "" {
		t.Errorf("search still %q after New article", w.browser.search.Text)
	}
	if got := w.library.list.Length(); got != 2 {
		t.Errorf("library shows %d rows after New article, want the whole library's 2", got)
	}
	test.Type(w.form.headline, "Harbour dues")
	w.advance(w.opt.autosaveDelay())
	w.settle()
	if got := w.library.list.Length(); got != 3 {
		t.Errorf("library shows %d rows after typing into the new draft, want 3", got)
	}
	if s, _ := w.library.row(0); s.ID != w.article.ID {
		t.Errorf("top row %q is not the new draft", s.Headline)
	}
	if w.library.list.sel != 0 {
		t.Errorf("selected row = %d, want the new draft's 0", w.library.list.sel)
	}

	// An autosave of a draft outside the search leaves the search alone.
	w.browser.search.SetText("dockworkers")
	w.advance(searchDelay)
	test.Type(w.form.headline, "Budget")
	w.advance(w.opt.autosaveDelay())
	if w.browser.search.Text != "dockworkers" || w.library.list.Length() != 1 {
		t.Errorf("autosave changed the search: %q, %d rows", w.browser.search.Text, w.library.list.Length())
	}
}

func TestSearchNewestQueryWins(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	seed(t, store, clk, "Port reopens", "Dockworkers voted.")
	seed(t, store, clk, "Tea harvest", "Growers counted losses.")
	w := newTestWindow(t, store, clk, Options{})

	// Two searches run back to back; only the second may show, even if
	// the first one's result arrives last.
	slow := &slowStore{Store: store, gate: make(chan struct{})}
	w.store = slow
	w.browser.search.SetText("dockworkers")
	w.act(func() { w.browser.reloadNow() }) // blocks in the store until released
	w.store = store
	w.browser.search.SetText("growers")
	w.act(func() { w.browser.reloadNow() })
	// Let the second query show first, then release the first.
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		var shown int
		w.act(func() { shown = w.library.list.Length() })
		if shown == 1 {
			break
		}
	}
	close(slow.gate)
	w.settle()
	s, ok := w.library.row(0)
	if w.library.list.Length() != 1 || !ok || s.Headline != "Tea harvest" {
		t.Errorf("list shows %d rows, first %+v; want the newest query's hit Tea harvest", w.library.list.Length(), s)
	}
}

// slowStore holds Count until gate is closed.
type slowStore struct {
	editor.Store
	gate chan struct{}
}

func (s *slowStore) Count(ctx context.Context, opt editor.ListOptions) (int, error) {
	<-s.gate
	return s.Store.Count(ctx, opt)
}

func TestStatusFilterAndCounts(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	a := seed(t, store, clk, "Port reopens", "Dockworkers voted.")
	seed(t, store, clk, "Tea harvest", "Growers counted losses.")
	seed(t, store, clk, "Ministers meet", "Trade rules.")
	if _, err := store.Transition(context.Background(), a.ID, editor.StatusFiled, ""); err != nil {
		t.Fatal(err)
	}
	w := newTestWindow(t, store, clk, Options{})
	if got, want := w.library.count.Text, "3 drafts · 1 filed"; got != want {
		t.Errorf("count line = %q, want %q", got, want)
	}

	w.act(func() { w.browser.status.SetSelected(string(editor.StatusFiled)) })
	w.settle()
	if got := w.library.list.Length(); got != 1 {
		t.Fatalf("status filter filed shows %d rows, want 1", got)
	}
	if s, _ := w.library.row(0); s.ID != a.ID {
		t.Errorf("filtered row is %q, want the filed draft", s.Headline)
	}
	if got, want := w.library.count.Text, "1 draft matches · 1 filed"; got != want {
		t.Errorf("count line = %q, want %q", got, want)
	}

	w.act(func() { w.browser.status.SetSelected(string(editor.StatusDraft)) })
	w.settle()
	if got, want := w.library.count.Text, "2 drafts match"; got != want {
		t.Errorf("count line for drafts = %q, want %q", got, want)
	}

	// Filters combine: the status with an updated-date range.
	w.browser.to.SetText("2020-01-01")
	w.advance(searchDelay)
	if got := w.library.list.Length(); got != 0 {
		t.Errorf("drafts updated before 2020: %d rows, want 0", got)
	}
	w.browser.from.SetText("2026-01-01")
	w.browser.to.SetText("2026-12-31")
	w.advance(searchDelay)
	if got := w.library.list.Length(); got != 2 {
		t.Errorf("drafts updated in 2026: %d rows, want the 2 drafts", got)
	}
	w.browser.author.SetText("Nobody")
	w.advance(searchDelay)
	if got := w.library.count.Text; got != "No drafts match" {
		t.Errorf("count line with an unknown author = %q", got)
	}
	w.browser.author.SetText("")
	w.browser.from.SetText("")
	w.act(func() { w.browser.status.SetSelected(allStatuses) })
	w.settle()
	w.browser.to.SetText("not a date")
	w.advance(searchDelay)
	if !strings.Contains(w.library.count.Text, "To date") {
		t.Errorf("a bad date is not explained: count line %q", w.library.count.Text)
	}
	w.browser.to.SetText("")
	w.act(func() { w.browser.sort.SetSelected(sortHeadline) })
	w.settle()
	var heads []string
	for i := 0; i < w.library.list.Length(); i++ {
		s, _ := w.library.row(i)
		heads = append(heads, s.Headline)
	}
	if got, want := strings.Join(heads, "|"), "Ministers meet|Port reopens|Tea harvest"; got != want {
		t.Errorf("sorted by headline: %s, want %s", got, want)
	}
}

// seedMany writes n generated drafts straight into the store.
func seedMany(t testing.TB, s editor.Store, clk *fakeClock, n int) {
	t.Helper()
	ctx := context.Background()
	for i := 0; i < n; i++ {
		a := editor.NewArticle(clk.Now())
		a.Headline = fmt.Sprintf("Generated story %05d", i)
		a.Slug = fmt.Sprintf("generated-story-%05d", i)
		a.Body = "Words of the generated story."
		a.Updated = clk.Now().Add(time.Duration(i) * time.Second)
		if _, err := s.Save(ctx, a, editor.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
	}
}

func TestLibraryListPages(t *testing.T) {
	clk := newFakeClock()
	db := openStore(t, clk)
	const n = 2000
	seedMany(t, db, clk, n)
	store := &countingStore{Store: db}
	w := newTestWindow(t, store, clk, Options{})

	total, err := db.Count(context.Background(), editor.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := w.library.list.Length(); got != total || total != n {
		t.Fatalf("list length %d, Count %d, want both %d", got, total, n)
	}
	if got := store.rows.Load(); got > 2*libraryPageRows {
		t.Fatalf("opening the library fetched %d summaries of %d, want at most two pages", got, n)
	}

	// Scrolling far down fetches that page only, and its rows are the
	// store's rows at those positions. The test plays the UI goroutine, so
	// that the fetch's result does not land in the middle of the scroll.
	before := store.rows.Load()
	var ui syncJobs
	w.browser.env.run = ui.run
	w.library.list.ScrollTo(1500)
	ui.drain()
	w.browser.env.run = w.goJob
	got, ok := w.library.row(1500)
	if !ok {
		t.Fatal("row 1500 not fetched after scrolling to it")
	}
	want, err := db.List(context.Background(), editor.ListOptions{Offset: 1500, Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != want[0].ID {
		t.Errorf("row 1500 = %q, want %q", got.Headline, want[0].Headline)
	}
	t.Logf("fetched %d summaries at start, %d after scrolling, %d List calls", before, store.rows.Load()-before, store.lists.Load())
	if fetched := store.rows.Load() - before; fetched == 0 || fetched > 2*libraryPageRows {
		t.Errorf("scrolling to row 1500 fetched %d summaries, want one or two pages", fetched)
	}
	if all := store.rows.Load(); all >= n {
		t.Errorf("%d summaries fetched in all for %d drafts: the list is not paged", all, n)
	}
	if !strings.HasPrefix(w.library.count.Text, "2,000 drafts") {
		t.Errorf("count line %q", w.library.count.Text)
	}

	// Picking a row deep in the list opens it and keeps it selected.
	w.act(func() { w.library.list.Select(1500) })
	w.settle()
	if w.article == nil || w.article.ID != want[0].ID {
		t.Fatalf("picking row 1500 did not open %q", want[0].Headline)
	}
	if got := w.library.list.sel; got != 1500 {
		t.Errorf("selected row after opening = %d, want 1500", got)
	}

	// Saving the open draft moves it to the top; the rows above its old
	// place move down by one, and the cached pages are fetched again.
	above, err := db.List(context.Background(), editor.ListOptions{Offset: 1499, Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	typeAtEnd(w.form.body, " More.")
	w.browser.env.run = ui.run
	w.advance(w.opt.autosaveDelay())
	ui.drain()
	w.browser.env.run = w.goJob
	if s, _ := w.library.row(0); s.ID != want[0].ID {
		t.Errorf("row 0 after saving = %q, want the saved draft", s.Headline)
	}
	if s, ok := w.library.row(1500); !ok || s.ID != above[0].ID {
		t.Errorf("row 1500 after saving = %q, want %q, which was above it", s.Headline, above[0].Headline)
	}
	if got := w.library.list.Length(); got != n {
		t.Errorf("list length after saving = %d, want %d", got, n)
	}

	// Saving it again, now that it is on top, moves no row across a page:
	// no page is fetched again.
	lists := store.lists.Load()
	typeAtEnd(w.form.body, " Again.")
	w.browser.env.run = ui.run
	w.advance(w.opt.autosaveDelay())
	ui.drain()
	w.browser.env.run = w.goJob
	if got := store.lists.Load() - lists; got != 0 {
		t.Errorf("saving the draft on top ran %d List queries, want none", got)
	}
	if s, _ := w.library.row(0); s.ID != want[0].ID {
		t.Errorf("row 0 after saving again = %q, want the saved draft", s.Headline)
	}
	if s, ok := w.library.row(1500); !ok || s.ID != above[0].ID {
		t.Errorf("row 1500 after saving again = %q, want %q", s.Headline, above[0].Headline)
	}
}

func TestSnippetSegments(t *testing.T) {
	o, c := editor.SnippetOpen, editor.SnippetClose
	segs := snippetSegments("…the " + o + "strike" + c + " lasted\nnine " + o + "days" + c)
	var b strings.Builder
	for _, s := range segs {
		ts := s.(*widget.TextSegment)
		if ts.Style.TextStyle.Bold {
			b.WriteString("[" + ts.Text + "]")
		} else {
			b.WriteString(ts.Text)
		}
	}
	if got, want := b.String(), "…the [strike] lasted nine [days]"; got != want {
		t.Errorf("snippet = %q, want %q", got, want)
	}
	if got := countLine(1284, 37, editor.ListOptions{}); got != "1,284 drafts · 37 filed" {
		t.Errorf("countLine = %q", got)
	}
	if got := countLine(0, -1, editor.ListOptions{Trashed: true}); got != "Trash is empty" {
		t.Errorf("countLine for empty Trash = %q", got)
	}
}

// memStore is an in-memory library of summaries for the list benchmarks:
// List and Count only.
type memStore struct {
	editor.Store // nil; only List and Count are used
	rows         []editor.Summary
	filed        int
	listed       atomic.Int64
}

func newMemStore(n int) *memStore {
	m := &memStore{rows: make([]editor.Summary, n)}
	t0 := testEpoch
	for i := range m.rows {
		st := editor.Statuses[i%len(editor.Statuses)]
		if st == editor.StatusFiled {
			m.filed++
		}
		m.rows[i] = editor.Summary{
			ID:       fmt.Sprintf("0190%028x", i),
			Slug:     fmt.Sprintf("story-%06d", i),
			Headline: fmt.Sprintf("Generated story number %d about the harbour", i),
			Authors:  []string{"Dana Whitfield"},
			Status:   st,
			Created:  t0.Add(-time.Duration(i) * time.Minute),
			Updated:  t0.Add(-time.Duration(i) * time.Minute),
			Words:    800,
		}
	}
	return m
}

func (m *memStore) List(_ context.Context, opt editor.ListOptions) ([]editor.Summary, error) {
	lo := min(opt.Offset, len(m.rows))
	hi := len(m.rows)
	if opt.Limit > 0 {
		hi = min(lo+opt.Limit, hi)
	}
	m.listed.Add(int64(hi - lo))
	return append([]editor.Summary(nil), m.rows[lo:hi]...), nil
}

func (m *memStore) Count(_ context.Context, opt editor.ListOptions) (int, error) {
	if len(opt.Statuses) == 1 && opt.Statuses[0] == editor.StatusFiled {
		return m.filed, nil
	}
	return len(m.rows), nil
}

// BenchmarkLibraryListScroll moves the library list through 100,000
// drafts, a screen at a time ("step") and by jumps across the whole list
// as a dragged scroll bar does ("jump"), each move waiting until the rows
// shown are filled, and refreshes it in place ("refresh"). "paged" is the library pane with its browser, which
// fetches pages of 200 summaries from the store as rows come into view;
// "stock" is a plain widget.List over the same rows already in memory,
// the baseline the paging must keep up with.
func BenchmarkLibraryListScroll(b *testing.B) {
	const n = 100000
	moves := map[string]func(i int) int{
		"step": func(i int) int { return (i * 12) % n },
		"jump": func(i int) int { return (i * 7919 * 13) % n },
		// refresh stays half-way down and refreshes every shown row, as
		// after a save or a search.
		"refresh": func(int) int { return n / 2 },
	}
	for _, move := range []string{"step", "jump", "refresh"} {
		next := moves[move]
		b.Run("stock/"+move, func(b *testing.B) {
			a := test.NewTempApp(b)
			_ = a
			mem := newMemStore(n)
			now := testEpoch
			list := widget.NewList(func() int { return len(mem.rows) }, newLibraryRow, func(i widget.ListItemID, o fyne.CanvasObject) {
				updateLibraryRow(o, mem.rows[i], now)
			})
			win := test.NewTempWindow(b, list)
			win.Resize(fyne.NewSize(320, 900))
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				list.ScrollTo(next(i))
				if move == "refresh" {
					list.Refresh()
				}
			}
		})
		b.Run("paged/"+move, func(b *testing.B) {
			a := test.NewTempApp(b)
			mem := newMemStore(n)
			w := &MainWindow{app: a, store: mem, clock: realClock{}}
			w.Window = a.NewWindow("bench")
			w.library = newLibraryPane(func() {}, func(string) {}, func() time.Time { return testEpoch })
			w.browser = w.attachBrowser()
			var ui syncJobs
			w.browser.env.run = ui.run
			w.Window.SetContent(w.library.object)
			w.Window.Resize(fyne.NewSize(320, 900))
			w.act(func() { w.browser.reloadNow() })
			ui.drain()
			if got := w.library.list.Length(); got != n {
				b.Fatalf("list length %d, want %d", got, n)
			}
			start := mem.listed.Load()
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				w.library.list.ScrollTo(next(i))
				if move == "refresh" {
					w.library.list.Refresh()
				}
				ui.drain()
			}
			b.StopTimer()
			last := next(b.N - 1)
			if _, ok := w.library.row(last); !ok {
				b.Fatalf("row %d not loaded after scrolling to it", last)
			}
			if w.browser.pages.Cached() > libraryCachedPages {
				b.Fatalf("%d pages cached, limit %d", w.browser.pages.Cached(), libraryCachedPages)
			}
			b.ReportMetric(float64(mem.listed.Load()-start)/float64(b.N), "summaries/op")
		})
	}
}

// syncJobs plays the UI goroutine for code that hands work to a worker:
// run queues the work, and drain does it and its UI part in order on the
// caller's goroutine.
type syncJobs struct{ jobs []func() func() }

func (q *syncJobs) run(work func() func()) { q.jobs = append(q.jobs, work) }

func (q *syncJobs) drain() {
	for len(q.jobs) > 0 {
		job := q.jobs[0]
		q.jobs = q.jobs[1:]
		if done := job(); done != nil {
			done()
		}
	}
}

// act does f as the UI goroutine would. The workers' UI callbacks run on
// the test goroutine too (see uiQueue), so f never overlaps one.
func (w *MainWindow) act(f func()) {
	f()
}

// TestSummaryOfCountsWordsAsTheLibrary checks that a row built in the
// window after a save shows the length the library gives the same draft
// when the page is read again, Markdown marks and dashes not counted.
func TestSummaryOfCountsWordsAsTheLibrary(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	a := seed(t, store, clk, "Port strike", "# Talks\n\n- Dockers — 1,200 of them — walked out.\n- Well-being first.")
	rows, err := store.List(context.Background(), editor.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 {
		t.Fatalf("%d rows, want 1", len(rows))
	}
	if got, want := summaryOf(a).Words, rows[0].Words; got != want {
		t.Errorf("summaryOf counts %d words, the library %d", got, want)
	}
}
