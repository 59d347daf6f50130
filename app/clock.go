package app

import "time"

// clock is the time source of a window: the autosave and preview debounce
// timers and the "Saved 14:03:21" stamps. Tests replace it with a fake that
// they advance by hand, so debouncing is deterministic and fast.
type clock interface {
	Now() time.Time
	// AfterFunc calls f on its own goroutine once d has passed, unless the
	// returned timer is stopped first.
	AfterFunc(d time.Duration, f func()) stopper
}

// stopper is a pending timer.
type stopper interface {
	Stop() bool
}

// realClock is the wall clock.
type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

func (realClock) AfterFunc(d time.Duration, f func()) stopper { return time.AfterFunc(d, f) }
