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
// search each wait for a pause in typing. With a maximum wait (see
// scheduleMax) it also runs during steady typing, at most that long after
// the first schedule since its last run, as the autosave does. It is used on
// its owner's goroutine only; a run that a later schedule or stop overtook
// does nothing.
type debounce struct {
	// post hands a due run to the owner's goroutine; nil means fyne.Do,
	// the UI goroutine. The kill harness, which has no UI, sets its own.
	post  func(func())
	timer stopper
	seq   uint64
	// deadline is when a pending run with a maximum wait must run at the
	// latest; zero when no run is pending or it has no maximum.
	deadline time.Time
}

// schedule cancels a pending run and runs f once d has passed on clk.
func (b *debounce) schedule(clk clock, d time.Duration, f func()) {
	b.scheduleMax(clk, d, 0, f)
}

// scheduleMax cancels a pending run and runs f once d has passed on clk
// without another schedule, but no later than maxWait after the first schedule
// since the last run or stop. maxWait <= 0 means no maximum.
func (b *debounce) scheduleMax(clk clock, d, maxWait time.Duration, f func()) {
	deadline := b.deadline
	b.stop()
	now := clk.Now()
	if maxWait > 0 {
		if deadline.IsZero() {
			deadline = now.Add(maxWait)
		}
		if left := deadline.Sub(now); left < d {
			d = max(left, 0)
		}
		b.deadline = deadline
	}
	seq := b.seq
	post := b.post
	if post == nil {
		post = fyne.Do
	}
	b.timer = clk.AfterFunc(d, func() {
		post(func() {
			if seq == b.seq {
				b.timer = nil
				b.deadline = time.Time{}
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
	b.deadline = time.Time{}
	b.seq++
}
