package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/app/textedit"
	"github.com/dateline-news/dateline/editor"
)

// correctAgain is the status select's choice for another correction of a
// story that is already corrected.
const correctAgain = "corrected again…"

// statusOptions are the choices the status select offers for a story in
// status s: s itself first, then only the statuses it may legally move to.
func statusOptions(s editor.Status) []string {
	opts := []string{string(s)}
	for _, n := range s.NextStatuses() {
		if n == s {
			opts = append(opts, correctAgain)
			continue
		}
		opts = append(opts, string(n))
	}
	return opts
}

// choiceStatus is the status a status select choice stands for.
func choiceStatus(choice string) editor.Status {
	if choice == correctAgain {
		return editor.StatusCorrected
	}
	return editor.Status(choice)
}

// statusHints say in a few words what each status means, for the Change
// Status chooser.
var statusHints = map[string]string{
	string(editor.StatusDraft):     "back with the writer",
	string(editor.StatusFiled):     "handed to the desk",
	string(editor.StatusEditing):   "an editor is working on it",
	string(editor.StatusApproved):  "ready to publish",
	string(editor.StatusPublished): "out",
	string(editor.StatusCorrected): "out, with a public correction",
	correctAgain:                   "another public correction",
	string(editor.StatusKilled):    "withdrawn; exports refuse it",
}

// changeStatus offers the open story's legal moves in a chooser (Draft >
// Change Status…, Ctrl+Shift+S); the one chosen goes on as a choice in the
// status select would.
func (w *MainWindow) changeStatus() *chooser {
	if w.article == nil {
		w.setStatus("Open a draft to change its status.", true)
		return nil
	}
	opts := statusOptions(w.article.Status)[1:]
	if len(opts) == 0 {
		w.setStatus("A "+string(w.article.Status)+" story cannot move to another status.", true)
		return nil
	}
	items := make([]choice, len(opts))
	for i, o := range opts {
		items[i] = choice{label: o, hint: statusHints[o]}
		if err := editor.CheckReviewed(w.article, choiceStatus(o)); err != nil {
			items[i].hint = "blocked: " + editor.ErrorMessage(err)
		}
	}
	title := "Move “" + articleHeadline(w.article) + "” (" + string(w.article.Status) + ") to…"
	return showChooser(w.Window, title, "Type to filter", items, func(i int) { w.requestTransition(opts[i]) })
}

// showStatus sets the status select to s, offering only the legal moves
// from it, without reporting a change.
func (f *articleForm) showStatus(s editor.Status) {
	was := f.loading
	f.loading = true
	defer func() { f.loading = was }()
	f.status.Options = statusOptions(s)
	f.status.SetSelected(string(s))
	f.status.Refresh()
}

// requestTransition takes a choice from the status select: a legal move
// asks for its note and then goes through the store's checked Transition;
// anything else is put back with the reason.
func (w *MainWindow) requestTransition(choice string) {
	if w.article == nil {
		return
	}
	from, to := w.article.Status, choiceStatus(choice)
	if to == from && choice != correctAgain {
		return
	}
	err := editor.CheckTransition(from, to)
	if err == nil {
		err = editor.CheckReviewed(w.article, to)
	}
	if err != nil {
		w.form.showStatus(from)
		w.showError("Cannot change the status", err)
		return
	}
	w.askTransition(to)
}

// askTransition shows the small dialog of a move: an optional note for the
// history, or for corrected the required public correction note.
func (w *MainWindow) askTransition(to editor.Status) {
	id := w.article.ID
	note := newNoteEntry(w.Window.Canvas())
	item := &widget.FormItem{Text: "Note", Widget: note, HintText: "Optional; kept in the history, never exported"}
	if to == editor.StatusCorrected {
		note.SetPlaceHolder("This story has been corrected to show that …")
		note.Validator = func(s string) error {
			return editor.CheckCorrection(&editor.Article{Status: editor.StatusCorrected, CorrectionNote: s})
		}
		item = &widget.FormItem{Text: "Public correction", Widget: note, HintText: "Required; printed after the body in every export"}
	} else {
		note.SetPlaceHolder("Why, for the history")
	}
	d := dialog.NewForm("Move the story to "+string(to)+"?", "Move to "+string(to), "Cancel", []*widget.FormItem{item}, func(ok bool) {
		if !ok {
			if w.article != nil {
				w.form.showStatus(w.article.Status)
			}
			return
		}
		w.transition(id, to, note.Text())
	}, w.Window)
	d.Resize(fyne.NewSize(520, 260))
	d.Show()
	w.Window.Canvas().Focus(note)
}

// newNoteEntry is the field of a status note or a public correction: a
// small textedit, since Fyne 2.7's wrapping multi-line entry misplaces
// spaces typed at a wrap, and these notes are published. It sits in a
// dialog on c, which Escape dismisses as it does from anywhere else.
func newNoteEntry(c fyne.Canvas) *textedit.Editor {
	e := textedit.New()
	e.SetMinRowsVisible(3)
	e.OnOtherKey = func(k *fyne.KeyEvent) bool {
		return k.Name == fyne.KeyEscape && dialogKey(c, k.Name)
	}
	return e
}

// transition saves the open draft and then moves it to status to with the
// note, through the store's checked Transition, which records a status
// revision.
func (w *MainWindow) transition(id string, to editor.Status, note string) {
	w.save(func(saved bool) {
		if !saved {
			if w.article != nil {
				w.form.showStatus(w.article.Status)
			}
			return
		}
		w.goJob(func() func() {
			ctx := context.Background()
			_, err := w.store.Transition(ctx, id, to, note)
			var a *editor.Article
			if err == nil {
				a, err = w.store.Get(ctx, id)
			}
			return func() {
				open := w.article != nil && w.article.ID == id
				if err != nil {
					if open {
						w.form.showStatus(w.article.Status)
					}
					w.showError("Could not move the story to "+string(to), err)
					return
				}
				if open {
					// Only the workflow fields changed; the text being
					// edited stays as it is.
					w.article.Status, w.article.CorrectionNote = a.Status, a.CorrectionNote
					w.article.Published, w.article.Updated = a.Published, a.Updated
					w.form.showStatus(a.Status)
					w.showStoryState()
					w.renderPreview()
				}
				w.setStatus("“"+articleHeadline(a)+"” is now "+string(a.Status)+".", false)
				w.browser.refresh()
				w.history.refresh()
			}
		})
	})
}
