package app

import (
	"context"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/app/textedit"
	"github.com/dateline-news/dateline/editor"
	"github.com/dateline-news/dateline/storage"
)

// testEpoch is the fixed time tests start at.
var testEpoch = time.Date(2026, time.January, 21, 14, 3, 21, 0, time.UTC)

// fakeClock is a clock that only moves when the test advances it. Timers
// fire on the test's goroutine, inside Advance.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Time
	timers []*fakeTimer
}

type fakeTimer struct {
	at      time.Time
	f       func()
	stopped atomic.Bool
}

func (t *fakeTimer) Stop() bool { return !t.stopped.Swap(true) }

func newFakeClock() *fakeClock { return &fakeClock{now: testEpoch} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) AfterFunc(d time.Duration, f func()) stopper {
	c.mu.Lock()
	defer c.mu.Unlock()
	live := c.timers[:0]
	for _, t := range c.timers {
		if !t.stopped.Load() {
			live = append(live, t)
		}
	}
	t := &fakeTimer{at: c.now.Add(d), f: f}
	c.timers = append(live, t)
	return t
}

// Advance moves the clock on by d and fires, in order, every timer that
// falls due.
func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	var due []*fakeTimer
	for _, t := range c.timers {
		if !t.at.After(c.now) && !t.stopped.Load() {
			due = append(due, t)
		}
	}
	c.mu.Unlock()
	sort.SliceStable(due, func(i, j int) bool { return due[i].at.Before(due[j].at) })
	for _, t := range due {
		if !t.stopped.Swap(true) {
			t.f()
		}
	}
}

// openStore opens a real library in a temporary directory, stamped with
// the fake clock's time.
func openStore(t testing.TB, clk *fakeClock) *storage.DB {
	t.Helper()
	db, err := storage.Open(filepath.Join(t.TempDir(), "lib.db"), storage.WithNow(clk.Now), storage.WithDevice("test"), storage.WithAuthor("Test"))
	if err != nil {
		t.Fatalf("open library: %v", err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return db
}

// testWindow is a main window on a headless test app and a fake clock.
type testWindow struct {
	*MainWindow
	clock *fakeClock
	ui    *uiQueue
}

// uiQueue stands in for the UI goroutine: workers hand it their callbacks
// and the test goroutine runs them in settle, one at a time, as Fyne's real
// driver does on its main goroutine. (Fyne's test driver would run them on
// the workers themselves, at the same time as the test.)
type uiQueue struct {
	calls chan func()
}

func newUIQueue() *uiQueue { return &uiQueue{calls: make(chan func(), 1024)} }

// post queues f; with wait it returns only after the test goroutine ran it.
func (q *uiQueue) post(f func(), wait bool) {
	if !wait {
		q.calls <- f
		return
	}
	done := make(chan struct{})
	q.calls <- func() {
		defer close(done)
		f()
	}
	<-done
}

// drain runs the queued callbacks until none is left and reports whether
// it ran any.
func (q *uiQueue) drain() bool {
	ran := false
	for {
		select {
		case f := <-q.calls:
			f()
			ran = true
		default:
			return ran
		}
	}
}

// newTestWindow builds the main window on store and waits until the
// library is loaded.
func newTestWindow(t testing.TB, store editor.Store, clk *fakeClock, opt Options) *testWindow {
	t.Helper()
	return newTestWindowOn(t, test.NewTempApp(t), store, clk, opt)
}

// newTestWindowOn is newTestWindow on an app of the test's, so that a
// second window can see what the first one left in the preferences.
func newTestWindowOn(t testing.TB, a fyne.App, store editor.Store, clk *fakeClock, opt Options) *testWindow {
	t.Helper()
	q := newUIQueue()
	opt.onUI = q.post
	w := newMainWindow(a, store, opt, clk)
	t.Cleanup(func() {
		for _, open := range a.Driver().AllWindows() {
			if open == w.Window {
				w.Window.Close()
			}
		}
	})
	tw := &testWindow{MainWindow: w, clock: clk, ui: q}
	tw.settle()
	return tw
}

// settle runs the UI callbacks of the workers and of the preview on the
// test goroutine until nothing is left to run: every worker has finished,
// the preview is delivered, and no callback ran in the last pass (one that
// did may have started a worker the pass did not wait for).
func (w *testWindow) settle() {
	for {
		ran := w.pumpUntil(w.jobs.Wait)
		ran = w.pumpUntil(w.renderer.Wait) || ran
		if !ran && !w.ui.drain() {
			return
		}
	}
}

// pumpUntil runs the queued UI callbacks until wait returns, and reports
// whether it ran any.
func (w *testWindow) pumpUntil(wait func()) bool {
	done := make(chan struct{})
	go func() {
		wait()
		close(done)
	}()
	ran := false
	for {
		select {
		case f := <-w.ui.calls:
			f()
			ran = true
		case <-done:
			return ran
		}
	}
}

// advance moves the fake clock and waits for what the timers started.
func (w *testWindow) advance(d time.Duration) {
	w.clock.Advance(d)
	w.settle()
}

// typeAtEnd types s at the end of e's text, where a writer adding to a
// story would put the cursor; test.Type alone types at the cursor, which a
// freshly loaded entry has at the start.
func typeAtEnd(e fyne.Focusable, s string) {
	switch e := e.(type) {
	case *keyEntry:
		typeAtEnd(&e.Entry, "")
	case *widget.Entry:
		lines := strings.Split(e.Text, "\n")
		e.CursorRow = len(lines) - 1
		e.CursorColumn = len([]rune(lines[len(lines)-1]))
	case *textedit.Editor:
		e.SetCursor(e.Model().End())
	}
	test.Type(e, s)
}

// previewText is the text the preview shows.
func (w *MainWindow) previewText() string {
	return w.preview.PlainText()
}

// failingStore is a real store whose Save can be switched to fail.
type failingStore struct {
	editor.Store
	fail  atomic.Bool
	saves atomic.Int32
}

var errDiskFull = editor.Errorf(editor.EUNAVAILABLE, "the disk is full")

func (s *failingStore) Save(ctx context.Context, a *editor.Article, opt editor.SaveOptions) (*editor.Revision, error) {
	s.saves.Add(1)
	if s.fail.Load() {
		return nil, errDiskFull
	}
	return s.Store.Save(ctx, a, opt)
}

// mustGet reads a draft back from the store.
func mustGet(t testing.TB, s editor.Store, id string) *editor.Article {
	t.Helper()
	a, err := s.Get(context.Background(), id)
	if err != nil {
		t.Fatalf("get %s: %v", id, err)
	}
	return a
}

// seed saves an article with the given headline and body directly in the
// store and returns it.
func seed(t testing.TB, s editor.Store, clk *fakeClock, headline, body string) *editor.Article {
	t.Helper()
	a := editor.NewArticle(clk.Now())
	a.Headline = headline
	a.Slug = editor.Slugify(headline)
	a.Body = body
	if _, err := s.Save(context.Background(), a, editor.SaveOptions{}); err != nil {
		t.Fatalf("seed %q: %v", headline, err)
	}
	clk.Advance(time.Second)
	return a
}

// walk calls f for o and every object under it, descending into widgets
// through their renderers.
func walk(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	f(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walk(c, f)
		}
	case *container.Scroll:
		walk(x.Content, f)
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walk(c, f)
		}
	}
}
