package app

import (
	"time"

	"fyne.io/fyne/v2"
)

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

// debounce runs a function on the UI goroutine once a delay has passed
// without another schedule: the autosave, the preview and the library
// search each wait for a pause in typing. It is used on the UI goroutine
// only; a run that a later schedule or stop overtook does nothing.
type debounce struct {
	timer stopper
	seq   uint64
}

// schedule cancels a pending run and runs f once d has passed on clk.
func (b *debounce) schedule(clk clock, d time.Duration, f func()) {
	b.stop()
	seq := b.seq
	b.timer = clk.AfterFunc(d, func() {
		fyne.Do(func() {
			if seq == b.seq {
				b.timer = nil
				f()
			}
		})
	})
}

// stop cancels a pending run.
func (b *debounce) stop() {
	if b.timer != nil {
		b.timer.Stop()
		b.timer = nil
	}
	b.seq++
}
