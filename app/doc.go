// Package app is Dateline's Fyne GUI: the main window with the library list,
// the article form and the live preview, the menus, dialogs and theme.
// The body and the editor's note are app/textedit editors (Dateline's own
// text widget); the form's one-line fields are stock Entries.
//
// The package is thin. Everything that is not drawing widgets or wiring
// events lives in editor: articles, validation, rendering and export, and
// every newsroom rule (words, slugs, dates, footers, formats). app
// receives an editor.Store and never imports storage; work that may block
// (saving, loading, rendering, exporting) runs on worker goroutines and
// reports back to the UI goroutine through one seam, MainWindow.onUI
// (fyne.Do, or the test's queue); the preview renderer posts through it,
// too.
//
// # Map: which file holds what
//
// The window and its wiring:
//   - panelenv.go: panelEnv, the few things a panel may use of the window
//     (library, worker seam, clock, status line, open draft, parent
//     window); the library browser, history and picker get it instead of
//     a pointer to MainWindow.
//   - window.go: MainWindow, which builds the panels and wires them; run.go:
//     Options and start-up; clock.go: the clock seam and the debounce (with
//     its maximum wait); geometry.go and screen_*.go: the size the window
//     opens at and what is remembered (size, splits, the open draft).
//   - starterror.go: the window shown when the library cannot be opened,
//     with its offer to restore a damaged library's newest backup;
//     raise.go: brings the window that has a library open to the front when
//     Dateline is started on it again.
//
// Saving:
//   - autosave.go: the save engine (the autosaver, Fyne-free: the window
//     and the kill harness in autosave_kill_test.go both drive it);
//     banner.go: the non-modal notice; conflict.go: compare, keep mine or
//     keep theirs when the draft was changed elsewhere; storystate.go: the
//     banner of killed and corrected stories.
//
// Menus and the keyboard:
//   - menu.go: the menu bar, shortcuts and single export; help.go: the Edit
//     and Help menus; view.go: the View menu (panes, focus mode);
//     palette.go: the command palette and the shortcut list, read from the
//     menus; chooser.go: the keyboard list dialog they and Change Status
//     use; keys.go: the entry that hands arrows, Enter and Escape on;
//     dialogkeys.go: Escape and Enter for every dialog.
//   - batchexport.go: the export menu items (labels from editor's format
//     table) and the batch export dialog; feedexport.go: File → Export
//     feed… (Atom or RSS of one status); importer.go: import dialog, drops
//     and clashes.
//
// The panels:
//   - library.go: the library pane and its rows (a new list column goes in
//     newLibraryRow and updateLibraryRow); search.go: the library browser
//     (search, filters, paging, Trash view), whose paged row cache is the
//     Fyne-free app/rows.Pager (unit-tested there); trash.go: the list
//     widget and the Draft menu.
//   - form.go: the article form; authors.go, related.go (teasers and the
//     copyright years entry), workflow.go (status choices): its parts.
//   - preview.go: PreviewView (a virtual list of rows, canvas objects only
//     for what is in view) and PreviewRenderer (cancellable builds on
//     workers, incremental through editor.PreviewCache); preview_rows.go
//     flattens an editor.Preview into rows with content hashes;
//     preview_layout.go is the preview's own word wrap by cached glyph
//     advances. history.go and worddiff.go: the
//     revision history panel and its word diff; review.go: the Review tab
//     (spelling and AP style findings from editor/spell and editor/style,
//     checked on a worker after a pause in typing, wavy underlines in the
//     body, hints under the headline and deck, the context menu and Ctrl+.
//     with suggestions, "Add to library dictionary" and "Ignore in this
//     draft", Review settings); suggestions.go: the
//     Review tab and menu (suggestion mode through the body model's
//     Rewrite hook, the list of suggestions and comment threads, accept
//     and reject saved as revisions of their own, "Your name");
//     compare.go: Compare with filed, the word diff since filing in a
//     read-only body editor (underline and strike-through, F7/Shift+F7);
//     stats.go: the status bar's length and statistics (words,
//     characters, paragraphs, reading time, Flesch, headline length
//     against its limit, progress towards the target length);
//     settings.go: Publication
//     settings; preferences.go: the Preferences dialog; theme.go: the theme
//     (readable colours, variant, text size).
//
// Newsroom sync:
//   - sync.go: the window's side of sync with the newsroom server (an
//     editor.Newsroom from main): the background loop, whose engine is
//     the Fyne-free app/syncloop (unit-tested there), the status bar's
//     sync state, the store wrapper whose writes tell the loop a sync is
//     due, and what a pull changes (the list, the open draft's newer
//     text with the caret kept, the conflict banner); syncdialog.go: File
//     › Connect to newsroom… (connection test, password to ~/.pgpass).
//
// A new panel is a new file named for it, built in window.go.
package app
