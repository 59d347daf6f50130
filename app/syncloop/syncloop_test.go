package syncloop

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dateline-news/dateline/editor"
)

// fakeServer is a newsroom link whose answers the test sets.
type fakeServer struct {
	mu       sync.Mutex
	err      error         // Sync's answer
	pulled   int           // the next sync's Pulled
	waiting  int           // Waiting's answer
	block    bool          // Sync waits for its context to end
	syncs    []time.Time   // when each sync started
	listens  atomic.Int32  // Listen calls running
	listened atomic.Int32  // Listen calls made
	push     chan struct{} // a value makes the running Listen call onPush
	drop     chan struct{} // a value makes the running Listen fail
	inSync   atomic.Int32
}

func newFakeServer() *fakeServer {
	return &fakeServer{push: make(chan struct{}, 4), drop: make(chan struct{}, 4)}
}

func (s *fakeServer) Sync(ctx context.Context) (editor.SyncReport, error) {
	s.inSync.Add(1)
	defer s.inSync.Add(-1)
	s.mu.Lock()
	s.syncs = append(s.syncs, time.Now())
	err, pulled, block := s.err, s.pulled, s.block
	s.pulled = 0
	s.mu.Unlock()
	if block {
		<-ctx.Done()
		return editor.SyncReport{}, editor.Errorf(editor.EUNAVAILABLE, "cancelled")
	}
	if err != nil {
		return editor.SyncReport{}, err
	}
	return editor.SyncReport{Pulled: pulled, At: time.Now()}, nil
}

func (s *fakeServer) Listen(ctx context.Context, onPush func()) error {
	s.listens.Add(1)
	defer s.listens.Add(-1)
	s.listened.Add(1)
	onPush()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-s.push:
			onPush()
		case <-s.drop:
			return editor.Errorf(editor.EUNAVAILABLE, "connection lost")
		}
	}
}

func (s *fakeServer) Waiting(context.Context) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.waiting, nil
}

func (s *fakeServer) set(f func(s *fakeServer)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f(s)
}

func (s *fakeServer) syncCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.syncs)
}

// states collects a loop's states.
type states struct {
	mu  sync.Mutex
	all []State
}

func (r *states) add(st State) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.all = append(r.all, st)
}

func (r *states) last() State {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.all) == 0 {
		return State{}
	}
	return r.all[len(r.all)-1]
}

// eventually waits up to 10 s for cond.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("never: %s", what)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

func start(t *testing.T, s *fakeServer, cfg Config) (*Loop, *states) {
	t.Helper()
	rec := &states{}
	cfg.Server = s
	cfg.OnState = rec.add
	l := Start(cfg)
	t.Cleanup(l.Stop)
	return l, rec
}

// TestStartAndSaves: a sync at start (and one when listening starts), then
// one per pause in saving, not one per save.
func TestStartAndSaves(t *testing.T) {
	s := newFakeServer()
	l, rec := start(t, s, Config{Debounce: 400 * time.Millisecond, MaxWait: time.Hour})
	eventually(t, "the start syncs", func() bool { return s.syncCount() == 2 && rec.last().Phase == Synced })
	rec.mu.Lock()
	first := rec.all[0].Phase
	rec.mu.Unlock()
	if got := first; got != Syncing {
		t.Errorf("first state %v, want Syncing", got)
	}
	for i := 0; i < 5; i++ {
		l.Saved()
		time.Sleep(10 * time.Millisecond)
	}
	if n := s.syncCount(); n != 2 {
		t.Errorf("%d syncs while saves go on, want none after the start's 2", n)
	}
	eventually(t, "a sync after the saves pause", func() bool { return s.syncCount() == 3 })
	time.Sleep(500 * time.Millisecond)
	if n := s.syncCount(); n != 3 {
		t.Errorf("%d syncs, want 3: one per pause", n)
	}
}

// TestMaxWait: steady saving still syncs, MaxWait after the first save.
func TestMaxWait(t *testing.T) {
	s := newFakeServer()
	l, _ := start(t, s, Config{Debounce: 80 * time.Millisecond, MaxWait: 150 * time.Millisecond})
	eventually(t, "the start syncs", func() bool { return s.syncCount() == 2 })
	stop := time.Now().Add(600 * time.Millisecond)
	for time.Now().Before(stop) {
		l.Saved()
		time.Sleep(20 * time.Millisecond)
	}
	if n := s.syncCount() - 2; n < 2 {
		t.Errorf("%d syncs during 600 ms of saves every 20 ms, want one at least every 150 ms", n)
	}
}

// TestOfflineBackoffAndRecovery: while the server cannot be reached the
// loop says so with the count waiting, retries at growing intervals up to
// the cap, and syncs as soon as it is back, listening again.
func TestOfflineBackoffAndRecovery(t *testing.T) {
	s := newFakeServer()
	s.err = editor.Errorf(editor.EUNAVAILABLE, "cannot reach the newsroom server")
	s.waiting = 3
	l, rec := start(t, s, Config{RetryMin: 20 * time.Millisecond, RetryMax: 80 * time.Millisecond})
	// Delays are checked from below (a loaded machine only adds to them),
	// and the capped ones from above too, loosely: uncapped, the fifth
	// would be 320 ms.
	eventually(t, "6 attempts", func() bool { return s.syncCount() >= 6 })
	st := rec.last()
	if st.Phase != Offline || st.Waiting != 3 || st.Err == nil {
		t.Errorf("state %+v, want Offline with 3 waiting and the reason", st)
	}
	if s.listened.Load() != 0 {
		t.Errorf("listened while offline")
	}
	s.mu.Lock()
	gaps := []time.Duration{}
	for i := 1; i < 6; i++ {
		gaps = append(gaps, s.syncs[i].Sub(s.syncs[i-1]))
	}
	s.mu.Unlock()
	for i, want := range []time.Duration{20, 40, 80, 80, 80} {
		want *= time.Millisecond
		if gaps[i] < want || (i >= 3 && gaps[i] > want+200*time.Millisecond) {
			t.Errorf("gap %d = %v, want about %v (5 s, 10 s … capped)", i, gaps[i], want)
		}
	}
	// Saving while offline counts again.
	s.set(func(s *fakeServer) { s.waiting = 4 })
	l.Saved()
	eventually(t, "the new count", func() bool { return rec.last().Waiting == 4 })

	s.set(func(s *fakeServer) { s.err = nil; s.waiting = 0 })
	eventually(t, "synced again", func() bool { return rec.last().Phase == Synced })
	eventually(t, "listening again", func() bool { return s.listens.Load() == 1 })
	if st := rec.last(); st.Waiting != 0 || st.Last.IsZero() {
		t.Errorf("state %+v after recovery", st)
	}
}

// TestFailed: a refusal is Failed, not Offline, and is tried again.
func TestFailed(t *testing.T) {
	s := newFakeServer()
	s.err = editor.Errorf(editor.EINVALID, "The server refused the password for ana.")
	_, rec := start(t, s, Config{RetryMin: 20 * time.Millisecond})
	eventually(t, "two attempts", func() bool { return s.syncCount() >= 2 })
	if st := rec.last(); st.Phase != Failed && st.Phase != Syncing {
		t.Errorf("phase %v, want Failed", st.Phase)
	}
	eventually(t, "the Failed state", func() bool { st := rec.last(); return st.Phase == Failed && st.Err != nil })
}

// TestPushAndLostListener: a push someone else made brings a sync that
// reports what it pulled; a lost listener brings a sync and a new
// listener.
func TestPushAndLostListener(t *testing.T) {
	s := newFakeServer()
	var pulled atomic.Int32
	rec := &states{}
	l := Start(Config{Server: s, OnState: rec.add, RetryMin: 20 * time.Millisecond,
		OnPulled: func(r editor.SyncReport) { pulled.Add(int32(r.Pulled)) }})
	defer l.Stop()
	eventually(t, "listening", func() bool { return s.listens.Load() == 1 && s.syncCount() == 2 })
	s.set(func(s *fakeServer) { s.pulled = 2 })
	s.push <- struct{}{}
	eventually(t, "the pull after a push", func() bool { return pulled.Load() == 2 })
	n := s.syncCount()
	s.drop <- struct{}{}
	eventually(t, "a new listener", func() bool { return s.listened.Load() == 2 && s.listens.Load() == 1 })
	if s.syncCount() < n+1 {
		t.Errorf("no sync after the listener was lost")
	}
}

// TestStopCancelsSync: Stop ends a sync in flight and every goroutine.
func TestStopCancelsSync(t *testing.T) {
	s := newFakeServer()
	s.block = true
	l, _ := start(t, s, Config{})
	eventually(t, "the sync running", func() bool { return s.inSync.Load() == 1 })
	done := make(chan struct{})
	go func() { l.Stop(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Stop did not return while a sync ran")
	}
	if s.inSync.Load() != 0 || s.listens.Load() != 0 {
		t.Errorf("after Stop: %d syncs and %d listeners still running", s.inSync.Load(), s.listens.Load())
	}
	l.Stop() // a second Stop does nothing
}

func TestBackoff(t *testing.T) {
	for n, want := range []time.Duration{5, 10, 20, 40, 80, 120, 120} {
		if got := backoff(5*time.Second, 2*time.Minute, n); got != want*time.Second {
			t.Errorf("backoff after %d failures = %v, want %v", n, got, want*time.Second)
		}
	}
}
