package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/editor"
)

// shortcutTrash is Ctrl+Delete (Cmd+Delete on macOS): Move to Trash from
// anywhere in the window. The Delete key alone does it in the library list.
var shortcutTrash = &desktop.CustomShortcut{KeyName: fyne.KeyDelete, Modifier: fyne.KeyModifierShortcutDefault}

// Shortcuts of the Draft menu: Ctrl+Shift+S changes the status, Ctrl+Shift+H
// shows the history.
var (
	shortcutStatus  = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	shortcutHistory = &desktop.CustomShortcut{KeyName: fyne.KeyH, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
)

// libraryList is the library's widget.List with the Delete key bound to
// Move to Trash, and the selected row kept at hand.
type libraryList struct {
	widget.List
	// onDelete runs when Delete or Backspace is typed in the list.
	onDelete func()
	// onF6 moves the focus to the next pane (view.go's cycleFocus).
	onF6 func()
	// sel is the selected row, -1 for none.
	sel int
}

func newLibraryList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *libraryList {
	l := &libraryList{sel: -1}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey moves the open draft to Trash on Delete or Backspace and
// otherwise does what a list does.
func (l *libraryList) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyF6 && l.onF6 != nil {
		l.onF6()
		return
	}
	if (ev.Name == fyne.KeyDelete || ev.Name == fyne.KeyBackspace) && l.onDelete != nil {
		l.onDelete()
		return
	}
	l.List.TypedKey(ev)
}

// draftMenu is the menu of actions on the open draft.
func (w *MainWindow) draftMenu() *fyne.Menu {
	trash := fyne.NewMenuItem("Move to Trash", w.MoveToTrash)
	trash.Shortcut = shortcutTrash
	history := fyne.NewMenuItem("Show History", func() {
		if w.panes.hidePreview || w.panes.focus {
			w.setPanes(panes{hideLibrary: w.panes.hideLibrary})
		}
		w.ShowHistory()
	})
	history.Shortcut = shortcutHistory
	status := fyne.NewMenuItem("Change Status…", func() { w.changeStatus() })
	status.Shortcut = shortcutStatus
	assign := fyne.NewMenuItem("Assign to editor…", func() { w.assignToEditor(nil) }) // assign.go
	return fyne.NewMenu("Draft", status, assign, history, fyne.NewMenuItemSeparator(), trash)
}

// MoveToTrash saves the open draft, moves it to Trash and closes it. The
// library pane offers Undo, and the Trash view restores it later.
func (w *MainWindow) MoveToTrash() {
	if w.article == nil {
		w.setStatus("Open a draft to move it to Trash.", true)
		return
	}
	id, name := w.article.ID, articleHeadline(w.article)
	w.save(func(saved bool) {
		if !saved || w.article == nil || w.article.ID != id {
			return
		}
		w.goJob(func() func() {
			err := w.store.Trash(context.Background(), id)
			return func() {
				if err != nil {
					w.showError("Could not move the draft to Trash", err)
					return
				}
				if w.article != nil && w.article.ID == id {
					w.closeArticle()
				}
				msg := "Moved “" + name + "” to Trash."
				w.browser.offerUndo(msg, func() { w.untrash(id, name, true) })
				w.setStatus(msg, false)
				w.browser.refresh()
			}
		})
	})
}

// closeArticle leaves the window with no draft open.
func (w *MainWindow) closeArticle() {
	w.storyBanner.hide()
	w.stopTimers()
	w.presence.Stop() // presence.go
	w.article = nil
	w.saver.reset("")
	w.banner.hide()
	w.form.clear()
	w.library.selectID("")
	w.preview.SetPreview(nil)
	w.history.refresh()
}

// RestoreFromTrash takes the draft with this ID out of Trash.
func (w *MainWindow) RestoreFromTrash(id string) {
	if id == "" {
		return
	}
	name := id
	if i := w.library.indexOf(id); i >= 0 {
		if s, ok := w.library.row(i); ok {
			name = summaryHeadline(s)
		}
	}
	w.browser.trashSel = ""
	w.browser.showTrashBar()
	w.untrash(id, name, false)
}

// untrash takes a draft out of Trash and, if reopen, opens it again.
func (w *MainWindow) untrash(id, name string, reopen bool) {
	w.goJob(func() func() {
		err := w.store.Untrash(context.Background(), id)
		return func() {
			if err != nil {
				w.showError("Could not restore the draft from Trash", err)
				return
			}
			w.setStatus("Restored “"+name+"” from Trash.", false)
			w.browser.refresh()
			if reopen {
				w.OpenDraft(id)
			}
		}
	})
}

// EmptyTrash asks, then deletes every draft in Trash for good.
func (w *MainWindow) EmptyTrash() {
	w.goJob(func() func() {
		n, err := w.store.Count(context.Background(), editor.ListOptions{Trashed: true})
		return func() {
			switch {
			case err != nil:
				w.showError("Could not read Trash", err)
				return
			case n == 0:
				w.setStatus("Trash is empty.", false)
				return
			}
			drafts := "the draft"
			if n > 1 {
				drafts = "the " + formatThousands(n) + " drafts"
			}
			d := dialog.NewConfirm("Empty Trash?",
				fmt.Sprintf("Delete %s in Trash for good?\nThey leave every list and search and cannot be brought back.\nTheir revisions stay in the library file.", drafts),
				func(ok bool) {
					if ok {
						w.emptyTrashNow()
					}
				}, w.Window)
			d.SetConfirmText("Delete for good")
			d.SetDismissText("Cancel")
			d.SetConfirmImportance(widget.DangerImportance)
			d.Show()
		}
	})
}

func (w *MainWindow) emptyTrashNow() {
	w.goJob(func() func() {
		n, err := w.store.EmptyTrash(context.Background())
		return func() {
			if err != nil {
				w.showError("Could not empty Trash", err)
				return
			}
			w.browser.hideUndo()
			if n == 1 {
				w.setStatus("Deleted 1 draft from Trash for good.", false)
			} else {
				w.setStatus("Deleted "+formatThousands(n)+" drafts from Trash for good.", false)
			}
			w.browser.refresh()
		}
	})
}

// offerUndo shows msg with an Undo button under the library list.
func (b *libraryBrowser) offerUndo(msg string, undo func()) {
	b.undo = undo
	b.undoLabel.SetText(msg)
	b.undoBar.Show()
	b.relayout()
}

// hideUndo takes the Undo offer away.
func (b *libraryBrowser) hideUndo() {
	b.undo = nil
	b.undoBar.Hide()
	b.relayout()
}
