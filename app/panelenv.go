package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/dateline-news/dateline/editor"
)

// panelEnv is what a panel may use of the window it sits in: the library,
// the worker seam, the clock, the status line, the open draft, the
// publication profile, the save of the open draft and the window for its
// dialogs. Panels get this small struct instead of a
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
	// profile returns the publication profile in use.
	profile func() editor.Profile
	// save stores the open draft's pending edits and then calls then, if
	// not nil, with whether the draft is now saved (MainWindow.save).
	save func(then func(saved bool))
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
		profile: func() editor.Profile { return w.profile },
		save:    w.save,
	}
}

// showError puts err in the status bar and in a dialog over the window.
func (e panelEnv) showError(what string, err error) {
	msg := what + ": " + editor.ErrorMessage(err)
	e.status(msg, true)
	dialog.ShowError(editor.Errorf(editor.ErrorCode(err), "%s", msg), e.parent)
}
