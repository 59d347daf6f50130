// Package syncloop is the window's background sync with the newsroom
// server, without Fyne: when a server is set, a Loop syncs at start, a
// few seconds after saves (debounced, with a maximum wait during steady
// typing), at once when the server says another laptop pushed (LISTEN),
// and again with a capped backoff while the server cannot be reached. It
// runs on goroutines of its own and reports each change of its State
// through a callback, which the window hands to its UI goroutine.
//
// Offline is a normal state, not an error: revisions wait in the
// library's outbox and the next sync that reaches the server sends them.
// Stop cancels a sync in flight and returns once no goroutine is left;
// nothing is lost, since a push is recorded only once the server holds it.
package syncloop

import (
	"context"
	"sync"
	"time"

	"github.com/dateline-news/dateline/editor"
)

// Server is what the loop needs of the newsroom link (editor.Newsroom).
type Server interface {
	Sync(ctx context.Context) (editor.SyncReport, error)
	Listen(ctx context.Context, onPush func()) error
	Waiting(ctx context.Context) (int, error)
}

// Phase is what the loop is doing or last did.
type Phase int

// The phases of a Loop.
const (
	// Syncing: a sync is running.
	Syncing Phase = iota + 1
	// Synced: the last sync completed.
	Synced
	// Offline: the server could not be reached; the loop tries again.
	Offline
	// Failed: the server refused (a wrong password, no schema, no
	// permission); the loop tries again, in case it was mended.
	Failed
)

// State is what the status bar shows.
type State struct {
	Phase Phase
	// Last is when the last sync completed; zero before the first.
	Last time.Time
	// Waiting counts the revisions the server lacks, as of the last
	// sync, or of the last save while not synced.
	Waiting int
	// Err is why the last attempt failed (Offline, Failed).
	Err error
	// Retry is how long until the next attempt (Offline, Failed).
	Retry time.Duration
	// Report is the last completed sync.
	Report editor.SyncReport
}

// Default timings.
const (
	// DefaultDebounce is how long after the last save a sync starts.
	DefaultDebounce = 3 * time.Second
	// DefaultMaxWait is how long after the first save since the last
	// sync one starts even while saves go on.
	DefaultMaxWait = 30 * time.Second
	// DefaultRetryMin and DefaultRetryMax bound the backoff while the
	// server cannot be reached: 5 s, 10 s, 20 s … 2 min.
	DefaultRetryMin = 5 * time.Second
	DefaultRetryMax = 2 * time.Minute
)

// Config configures a Loop. Zero durations take the defaults.
type Config struct {
	Server             Server
	Debounce, MaxWait  time.Duration
	RetryMin, RetryMax time.Duration
	// OnState is told every change of state, in order, on the loop's
	// goroutine.
	OnState func(State)
	// OnPulled, when set, is told after a sync that brought revisions
	// into the library (after OnState).
	OnPulled func(editor.SyncReport)
}

// Loop is a running background sync.
type Loop struct {
	cfg    Config
	saved  chan struct{}
	now    chan struct{}
	pushed chan struct{}
	cancel context.CancelFunc
	wg     sync.WaitGroup
	stop   sync.Once
}

// Start starts a loop; its first sync starts at once.
func Start(cfg Config) *Loop {
	if cfg.Debounce <= 0 {
		cfg.Debounce = DefaultDebounce
	}
	if cfg.MaxWait <= 0 {
		cfg.MaxWait = DefaultMaxWait
	}
	if cfg.RetryMin <= 0 {
		cfg.RetryMin = DefaultRetryMin
	}
	if cfg.RetryMax < cfg.RetryMin {
		cfg.RetryMax = max(DefaultRetryMax, cfg.RetryMin)
	}
	if cfg.OnState == nil {
		cfg.OnState = func(State) {}
	}
	ctx, cancel := context.WithCancel(context.Background())
	l := &Loop{cfg: cfg, saved: make(chan struct{}, 1), now: make(chan struct{}, 1), pushed: make(chan struct{}, 1), cancel: cancel}
	l.wg.Add(1)
	go func() {
		defer l.wg.Done()
		l.run(ctx)
	}()
	return l
}

// poke sends on a channel of one without waiting: a signal already
// pending stands for this one too.
func poke(c chan struct{}) {
	select {
	case c <- struct{}{}:
	default:
	}
}

// Saved tells the loop that the library gained a revision: a sync follows
// once saves pause for the debounce delay.
func (l *Loop) Saved() { poke(l.saved) }

// SyncNow asks for a sync at once.
func (l *Loop) SyncNow() { poke(l.now) }

// Stop cancels the sync in flight, if any, and returns once every
// goroutine of the loop has ended. Calling it again does nothing.
func (l *Loop) Stop() {
	l.stop.Do(func() {
		l.cancel()
		l.wg.Wait()
	})
}

// timer is a stoppable one-shot timer whose channel is nil while unset.
type timer struct {
	t *time.Timer
	C <-chan time.Time
}

func (t *timer) set(d time.Duration) {
	t.stop()
	t.t = time.NewTimer(max(d, 0))
	t.C = t.t.C
}

func (t *timer) stop() {
	if t.t != nil {
		t.t.Stop()
	}
	t.t, t.C = nil, nil
}

// run is the loop's goroutine.
func (l *Loop) run(ctx context.Context) {
	var (
		debounce, retry timer
		firstSave       time.Time
		st              State
		failures        int
		listening       bool
		listenDone      = make(chan struct{}, 1)
	)
	defer debounce.stop()
	defer retry.stop()
	attempt := true
	for {
		if attempt {
			attempt = false
			debounce.stop()
			retry.stop()
			firstSave = time.Time{}
			st.Phase, st.Err, st.Retry = Syncing, nil, 0
			l.cfg.OnState(st)
			rep, err := l.cfg.Server.Sync(ctx)
			if ctx.Err() != nil {
				return // quitting: the revisions stay in the outbox
			}
			if err != nil {
				st.Phase, st.Err = Offline, err
				if editor.ErrorCode(err) != editor.EUNAVAILABLE {
					st.Phase = Failed
				}
				if n, werr := l.cfg.Server.Waiting(ctx); werr == nil {
					st.Waiting = n
				}
				st.Retry = backoff(l.cfg.RetryMin, l.cfg.RetryMax, failures)
				failures++
				retry.set(st.Retry)
				l.cfg.OnState(st)
			} else {
				failures = 0
				st.Phase, st.Last, st.Waiting, st.Report = Synced, rep.At, rep.Waiting, rep
				l.cfg.OnState(st)
				if rep.Pulled > 0 && l.cfg.OnPulled != nil {
					l.cfg.OnPulled(rep)
				}
				if !listening {
					listening = true
					l.listen(ctx, listenDone)
				}
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-l.now:
			attempt = true
		case <-l.pushed:
			attempt = true
		case <-debounce.C:
			attempt = true
		case <-retry.C:
			attempt = true
		case <-listenDone:
			// The notifications stopped (the server went away, or the
			// connection broke): a sync shortly says which, and a
			// successful one listens again.
			listening = false
			if retry.C == nil {
				retry.set(l.cfg.RetryMin)
			}
		case <-l.saved:
			now := time.Now()
			if firstSave.IsZero() {
				firstSave = now
			}
			debounce.set(min(l.cfg.Debounce, firstSave.Add(l.cfg.MaxWait).Sub(now)))
			if st.Phase == Offline || st.Phase == Failed {
				if n, err := l.cfg.Server.Waiting(ctx); err == nil && n != st.Waiting {
					st.Waiting = n
					l.cfg.OnState(st)
				}
			}
		}
	}
}

// listen starts the listener goroutine; done gets a signal when it ends
// before ctx does. The server's first call of onPush, once listening,
// brings a sync that reads whatever was pushed before.
func (l *Loop) listen(ctx context.Context, done chan struct{}) {
	l.wg.Add(1)
	go func() {
		defer l.wg.Done()
		_ = l.cfg.Server.Listen(ctx, func() { poke(l.pushed) })
		if ctx.Err() == nil {
			poke(done)
		}
	}()
}

// backoff is the delay before attempt n+1 after n failures: min, doubled
// each time, capped at max.
func backoff(lo, hi time.Duration, n int) time.Duration {
	d := lo
	for i := 0; i < n && d < hi; i++ {
		d *= 2
	}
	return min(d, hi)
}
