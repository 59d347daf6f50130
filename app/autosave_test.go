package app

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/dateline-news/dateline/editor"
)

// heldStore holds each Save until the test releases it.
type heldStore struct {
	editor.Store
	mu     sync.Mutex
	bodies []string
	gate   chan struct{}
}

func (s *heldStore) Save(ctx context.Context, a *editor.Article, opt editor.SaveOptions) (*editor.Revision, error) {
	<-s.gate
	s.mu.Lock()
	s.bodies = append(s.bodies, a.Body)
	s.mu.Unlock()
	return s.Store.Save(ctx, a, opt)
}

// TestAutosaverSaveDueDuringASave drives the autosaver without a window:
// when the maximum wait runs out while an earlier save is still being
// written, the newer text is saved as soon as that save ends, not only
// after the next keystroke.
func TestAutosaverSaveDueDuringASave(t *testing.T) {
	clk := newFakeClock()
	store := &heldStore{Store: openStore(t, clk), gate: make(chan struct{})}
	art := seed(t, store.Store, clk, "Engine", "")
	results := make(chan func(), 8)
	var wg sync.WaitGroup
	s := &autosaver{
		store: store, clock: clk, delay: 300 * time.Millisecond, maxWait: 800 * time.Millisecond,
		current: func() *editor.Article { return art },
		goJob: func(work func() func()) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				results <- work()
			}()
		},
	}
	s.timer.post = func(f func()) { f() }
	s.reset("session")

	typeKey := func(r string) {
		art.Body += r
		s.changed()
	}
	for range 8 { // steady typing: the maximum wait starts a save at 0.8 s
		typeKey("a")
		clk.Advance(100 * time.Millisecond)
	}
	if !s.inFlight {
		t.Fatal("no save started 0.8 s into steady typing")
	}
	// Typing goes on while that save is written, past the next maximum
	// wait and then stops.
	for range 9 {
		typeKey("b")
		clk.Advance(100 * time.Millisecond)
	}
	clk.Advance(time.Second)
	store.gate <- struct{}{} // the first save ends
	(<-results)()
	if !s.inFlight {
		t.Fatal("the save that came due meanwhile did not start when the first one ended")
	}
	store.gate <- struct{}{}
	(<-results)()
	wg.Wait()
	if s.dirty || s.inFlight {
		t.Fatalf("after both saves: dirty %v, saving %v", s.dirty, s.inFlight)
	}
	if got := mustGet(t, store, art.ID).Body; got != art.Body {
		t.Fatalf("stored %q, want %q", got, art.Body)
	}
	if len(store.bodies) != 2 {
		t.Errorf("%d saves, want 2", len(store.bodies))
	}
}
