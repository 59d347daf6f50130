// Package app is Dateline's Fyne GUI: the main window with the library list,
// the article form and the live preview, the menus, dialogs and theme.
//
// The package is thin. Everything that is not drawing widgets or wiring
// events lives in editor: articles, validation, rendering and export, and
// every newsroom rule (words, slugs, dates, footers, formats). app
// receives an editor.Store and never imports storage; work that may block
// (saving, loading, rendering, exporting) runs on worker goroutines and
// reports back to the UI goroutine through fyne.Do.
//
// # Map: which file holds what
//
//   - window.go: MainWindow, the hub that builds and wires the panels, and
//     where the panels are wired; run.go: Options and start-up; clock.go:
//     the clock seam and the debounce (with its maximum wait).
//   - menu.go: the main menu, shortcuts and single export; batchexport.go:
//     the export menu items (labels from editor's format table) and the
//     batch export dialog; importer.go: import dialog, drops and clashes.
//   - library.go: the library pane and its rows (a new list column goes in
//     newLibraryRow and updateLibraryRow); search.go: the library browser
//     (search, filters, paging, Trash view); trash.go: the list widget.
//   - form.go: the article form; authors.go, related.go (teasers and the
//     copyright years entry), workflow.go (status choices): its parts.
//   - preview.go: the preview widget; history.go and worddiff.go: the
//     revision history panel and its word diff; settings.go: Publication
//     settings; starterror.go: the window shown when the library cannot
//     open; theme.go: the theme.
//
// A new panel is a new file named for it, built in window.go.
//
// The edit loop's save engine is autosave.go (the autosaver, which uses no
// Fyne: the window and the kill harness in autosave_kill_test.go both drive
// it) over the debounce in clock.go; window.go wires it to the form and
// shows its results. A failed save or a save conflict never opens a modal
// dialog: banner.go is the non-modal notice, and conflict.go offers to
// compare, keep mine or keep theirs when the draft was changed elsewhere.
package app
