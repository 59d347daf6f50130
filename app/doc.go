// Package app is Dateline's Fyne GUI: the main window with the library list,
// the article form and the live preview, the menus, dialogs and theme.
//
// The package is thin. Everything that is not drawing widgets or wiring
// events lives in editor: articles, validation, rendering and export. app
// receives an editor.Store and never imports storage; work that may block
// (saving, loading, rendering, exporting) runs on worker goroutines and
// reports back to the UI goroutine through fyne.Do.
//
// The edit loop's save engine is autosave.go (the autosaver, which uses no
// Fyne: the window and the kill harness in autosave_kill_test.go both drive
// it) over the debounce in clock.go; window.go wires it to the form and
// shows its results. A failed save or a save conflict never opens a modal
// dialog: banner.go is the non-modal notice, and conflict.go offers to
// compare, keep mine or keep theirs when the draft was changed elsewhere.
package app
