package app

import (
	"testing"
	"time"
)

// TestDebounceMaxWait checks the debounce with a maximum wait on the fake
// clock: a run waits for a pause, but never longer than the maximum after
// the first schedule since the last run.
func TestDebounceMaxWait(t *testing.T) {
	const delay, maxWait = 300 * time.Millisecond, 800 * time.Millisecond
	clk := newFakeClock()
	var runs []time.Duration
	b := debounce{post: func(f func()) { f() }}
	run := func() { runs = append(runs, clk.Now().Sub(testEpoch)) }

	// Schedules every 100 ms for 2 s: runs at 0.8 s and then 0.8 s after
	// the first schedule that followed it (made at 0.8 s, just after the
	// run).
	for i := 0; i < 20; i++ {
		b.scheduleMax(clk, delay, maxWait, run)
		clk.Advance(100 * time.Millisecond)
	}
	want := []time.Duration{800 * time.Millisecond, 1600 * time.Millisecond}
	if len(runs) != len(want) || runs[0] != want[0] || runs[1] != want[1] {
		t.Fatalf("runs at %v, want %v", runs, want)
	}
	// Then a pause: the last run follows the last schedule by the delay.
	// (The fake clock fires a timer at the time it advances to, so it
	// moves in small steps.)
	for i := 0; i < 100; i++ {
		clk.Advance(10 * time.Millisecond)
	}
	if got, want := runs[len(runs)-1], 1900*time.Millisecond+delay; len(runs) != 3 || got != want {
		t.Fatalf("runs at %v, want a third at %v", runs, want)
	}

	// Without a maximum, steady scheduling never runs.
	runs = nil
	for i := 0; i < 20; i++ {
		b.schedule(clk, delay, run)
		clk.Advance(100 * time.Millisecond)
	}
	if len(runs) != 0 {
		t.Fatalf("plain debounce ran at %v during steady scheduling", runs)
	}
	// A stop clears the deadline: the next schedule starts a new maximum.
	b.stop()
	clk.Advance(time.Second)
	start := clk.Now().Sub(testEpoch)
	for i := 0; i < 10; i++ {
		b.scheduleMax(clk, delay, maxWait, run)
		clk.Advance(100 * time.Millisecond)
	}
	if len(runs) != 1 || runs[0] != start+maxWait {
		t.Fatalf("after a stop, runs at %v, want one at %v", runs, start+maxWait)
	}
}
