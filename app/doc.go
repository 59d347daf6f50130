// Package app is Dateline's Fyne GUI: the main window with the library list,
// the article form and the live preview, the menus, dialogs and theme.
// The body and the editor's note are app/textedit editors (Dateline's own
// text widget); the form's one-line fields are stock Entries.
//
// The package is thin. Everything that is not drawing widgets or wiring
// events lives in editor: articles, validation, rendering and export. app
// receives an editor.Store and never imports storage; work that may block
// (saving, loading, rendering, exporting) runs on worker goroutines and
// reports back to the UI goroutine through fyne.Do.
package app
