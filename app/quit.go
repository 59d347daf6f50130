package app

import "fyne.io/fyne/v2"

// Quitting without Fyne 2.7's shutdown race.
//
// When the last window closes, Fyne's GLFW driver queues the lifecycle's
// "stopped" event (which holds Fyne's own hook that flushes the
// preferences file) and then drains its queue of functions for the main
// goroutine once, looking at the queue's output channel only. The
// lifecycle goroutine runs the event through that same queue and waits for
// it; if its entry is still on its way through the queue's buffer when the
// drain looks, nobody ever runs it. Run then waits for the lifecycle queue
// for good (Lifecycle.WaitForEvents, the stack of fyne-io/fyne#6021): the
// window is gone but the process never ends. It needs unlucky scheduling,
// which a loaded machine supplies.
//
// takeStopHook removes that event: with no OnStopped function the driver
// queues nothing at quit, and WaitForEvents then runs after the drain,
// when Fyne runs functions directly. The hook (the preferences flush) is
// returned for RequestClose to run itself before it closes the window.
// Nothing else in Dateline may set Lifecycle().SetOnStopped: work to do
// at close belongs in RequestClose.

// takeStopHook takes the lifecycle's stopped event and Fyne's stop hook
// off a and returns them as one function (a no-op when there are none or
// a's lifecycle is not Fyne's).
func takeStopHook(a fyne.App) func() {
	lc, ok := a.Lifecycle().(interface {
		OnStopped() func()
		SetOnStopped(func())
		SetOnStoppedHookExecuted(func())
	})
	if !ok {
		return func() {}
	}
	hook := lc.OnStopped()
	lc.SetOnStopped(nil)
	lc.SetOnStoppedHookExecuted(nil)
	if hook == nil {
		return func() {}
	}
	return hook
}
