// Package app is Dateline's Fyne GUI: the main window with the library list,
// the article form and the live preview, the menus, dialogs and theme.
//
// The package is thin. Everything that is not drawing widgets or wiring
// events lives in editor: articles, validation, rendering and export. app
// receives an editor.Store and never imports storage; work that may block
// (saving, loading, rendering, exporting) runs on worker goroutines and
// reports back to the UI goroutine through fyne.Do.
//
// run.go starts the app and the main window (window.go); starterror.go is
// the window shown when the library cannot be opened, with its offer to
// restore a damaged library's newest backup; raise.go brings the window
// that has a library open to the front when Dateline is started on it
// again.
package app
