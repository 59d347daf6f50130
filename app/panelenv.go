package app

import (
	"fyne.io/fyne/v2"

	"github.com/dateline-news/dateline/editor"
)

// panelEnv is what a panel may use of the window it sits in: the library,
// the worker seam, the clock, the status line, the open draft and the
// window for its dialogs. Panels get this small struct instead of a
// pointer to the whole MainWindow, so what a panel can reach is written
// down here, and a panel can be built in a test without a window.
type panelEnv struct {
	store editor.Store
	// run does work on a worker and then what it returns on the UI
	// goroutine (MainWindow.goJob); tests may replace it.
	run   func(work func() func())
	clock clock
	// status shows a message in the status bar, as an error when bad.
	status func(msg string, bad bool)
	// current returns the open draft, or nil.
	current func() *editor.Article
	// parent is the window a panel's dialogs open over.
	parent fyne.Window
}

// panelEnv returns the window's services for its panels.
func (w *MainWindow) panelEnv() panelEnv {
	return panelEnv{
		store:   w.store,
		run:     w.goJob,
		clock:   w.clock,
		status:  w.setStatus,
		current: func() *editor.Article { return w.article },
		parent:  w.Window,
	}
}
