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
//     (library, worker seam, clock, status line and error dialog, open
//     draft, profile, save, parent window); the library browser, history,
//     teaser picker, importer, Spelling & style, Suggestions, the library
//     exporter, the statistics, the conflict panel and newsroom sync get it
//     (with a host struct naming the few hooks only they use) instead of a
//     pointer to MainWindow.
//   - window.go: MainWindow, which builds the panels and wires them, and
//     the open draft's lifecycle (open, new, save, close); run.go:
//     Options and start-up; clock.go: the clock seam and the debounce (with
//     its maximum wait); geometry.go and screen_*.go: the size the window
//     opens at and what is remembered (size, position, splits, the open
//     draft); position_x11.go reads and moves the native X11 window
//     (position_other.go: nothing, on Wayland and other systems).
//   - starterror.go: the window shown when the library cannot be opened,
//     with its offer to restore a damaged library's newest backup;
//     raise.go: brings the window that has a library open to the front when
//     Dateline is started on it again.
//
// Saving:
//   - autosave.go: the save engine (the autosaver, Fyne-free: the window
//     and the kill harness in autosave_kill_test.go both drive it);
//     banner.go: the non-modal notice; conflict.go: conflictPanel (on a
//     panelEnv and hooks for the banner, the saver and the form), the
//     conflict banner's actions: compare, keep mine, keep theirs or merge
//     when the draft was changed elsewhere; merge3.go: its three-way merge
//     view of a draft with several heads (conflicts with ancestor, mine and
//     theirs, Take mine / theirs / both, the merged body editable, F8 /
//     Shift+F8) that saves one merge revision of both heads;
//     storystate.go: the banner of killed and corrected stories.
//
// Menus and the keyboard:
//   - menu.go: the menu bar, shortcuts and single export; help.go: the Edit
//     and Help menus; view.go: the View menu (panes, focus mode);
//     palette.go: the command palette and the shortcut list, read from the
//     menus; chooser.go: the keyboard list dialog they and Change Status
//     use; keys.go: the entry that hands arrows, Enter and Escape on;
//     dialogkeys.go: Escape and Enter for every dialog.
//   - batchexport.go: the export menu items (labels from editor's format
//     table) and libraryExporter (on a panelEnv): the batch export dialog
//     and, in feedexport.go, File → Export feed… (Atom or RSS of one
//     status); importer.go: the importer (File → Import…, files dropped on
//     the window, clashing IDs, the report); filechooser.go picks the file
//     dialog: the desktop's (portal_linux.go) or Dateline's own keyboard
//     dialog (filedialog.go: path field with completion, list with marks,
//     Save's overwrite question, recent folders).
//
// The panels:
//   - library.go: the library pane and its rows (a new list column goes in
//     newLibraryRow and updateLibraryRow; what a row knows is
//     editor.Summary, so a value not yet there goes in editor/store.go's
//     Summary and SummaryOf and in storage/list.go's summaryColumns and
//     scanSummaries); search.go: the library browser
//     (search, filters, paging, Trash view), whose paged row cache is the
//     Fyne-free app/rows.Pager (unit-tested there); trash.go: the list
//     widget and the Draft menu.
//   - form.go: the article form, built in steps by section (a new field
//     goes in its section's newXFields and in rows; the headline and deck
//     are single-line textedit fields); authors.go,
//     related.go (teasers and the copyright years entry), workflow.go
//     (status choices): its parts.
//   - preview.go: PreviewView, the widget; preview_content.go: its virtual
//     content (canvas objects only for the rows in view, link taps, the
//     objects of a row); preview_renderer.go: PreviewRenderer (cancellable
//     builds on workers, incremental through editor.PreviewCache, the
//     paused notices); preview_rows.go
//     flattens an editor.Preview into rows with content hashes;
//     preview_layout.go is the preview's own word wrap by cached glyph
//     advances; previewfocus.go: its keyboard focus (F6) and scrolling.
//     history.go and worddiff.go: the
//     revision history panel and its word diff (of the text readers get:
//     suggestions rejected, comments removed); review.go: the "Spelling &
//     style" tab (reviewPanel: spelling and AP style findings from editor/spell and editor/style,
//     checked on a worker after a pause in typing, wavy underlines in the
//     body, headline and deck, the context menu and Ctrl+.
//     with suggestions, "Add to library dictionary" and "Ignore in this
//     draft", Review settings, its View menu items); suggestions.go: the
//     "Suggestions" tab and the Review menu (suggestion mode through the body model's
//     Rewrite hook, the list of suggestions and comment threads, accept
//     and reject saved as revisions of their own, "Your name");
//     compare.go: Compare with filed, the word diff since filing in a
//     read-only body editor (underline and strike-through, F7/Shift+F7);
//     stats.go: the status bar's length and statistics (words,
//     characters, paragraphs, reading time, Flesch, headline length
//     against its limit, progress towards the target length);
//     assign.go: Draft › Assign to editor… (a chooser of the server's
//     editors, or a typed name), the form's "Assigned to" row and the
//     library's "Filed to me" filter; presence.go: the Newsroom seam (the
//     server's user, editors and presence, wired by main) and presence,
//     the open draft announced every 30 s with the form's line of who else
//     has it open;
//     settings.go: Publication
//     settings; preferences.go: the Preferences dialog; theme.go: the theme
//     (readable colours, variant, text size).
//
// Newsroom sync:
//   - sync.go: newsroomSync, the window's side of sync with the newsroom
//     server (an editor.Newsroom from main), a panel that takes a
//     panelEnv and a syncHost (post to the UI, status bar layout, library
//     refresh, conflict banner, adopting the open draft's newer text): the
//     background loop, whose engine is the Fyne-free app/syncloop
//     (unit-tested there), the status bar's sync state, the File menu's
//     newsroom rows, the store wrapper whose writes tell the loop a sync
//     is due, and what a pull changes (the list, the open draft's newer
//     text with the caret kept, the conflict banner); syncdialog.go: File
//     › Connect to newsroom… (connection test, password to ~/.pgpass).
//
// A new panel is a new file named for it: a type that takes a panelEnv
// (and a small host struct for the hooks only it needs), its constructor
// and its menu items there; window.go builds it and adds it to the layout
// or the side tabs, menu.go puts its menu in the bar.
package app
