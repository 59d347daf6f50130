package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/editor"
)

// The story-state banner: what the desk must see whenever a killed or
// corrected story is open. A killed story says that exports refuse it; a
// corrected one shows its public correction with a button to edit it,
// which records the new wording as another status revision (the store's
// corrected → corrected move), so the history keeps every version.

// storyBannerKind is the only kind of notice the story banner shows.
const storyBannerKind = "story"

// showStoryState puts up, or takes down, the story banner for the open
// draft.
func (w *MainWindow) showStoryState() {
	a := w.article
	switch {
	case a == nil:
		w.storyBanner.hide()
	case a.Status == editor.StatusKilled:
		w.storyBanner.show(storyBannerKind,
			"KILLED — this story was withdrawn. Exports refuse it; the text stays in the library for the record.",
			true, false)
	case a.Status == editor.StatusCorrected:
		w.storyBanner.show(storyBannerKind, "Corrected: "+a.CorrectionNote, false, false,
			bannerAction{"Edit correction…", func() { w.editCorrection() }})
	default:
		w.storyBanner.hide()
	}
}

// editCorrection asks for the corrected wording of the open story's public
// correction and stores it.
func (w *MainWindow) editCorrection() dialog.Dialog {
	if w.article == nil || w.article.Status != editor.StatusCorrected {
		return nil
	}
	id := w.article.ID
	note := newNoteEntry(w.Window.Canvas())
	note.SetText(w.article.CorrectionNote)
	note.Validator = func(s string) error {
		return editor.CheckCorrection(&editor.Article{Status: editor.StatusCorrected, CorrectionNote: s})
	}
	item := &widget.FormItem{Text: "Public correction", Widget: note, HintText: "Printed after the body in every export; the old wording stays in the history"}
	d := dialog.NewForm("Edit the correction", "Save correction", "Cancel", []*widget.FormItem{item}, func(ok bool) {
		if ok {
			w.transition(id, editor.StatusCorrected, note.Text())
		}
	}, w.Window)
	d.Resize(fyne.NewSize(560, 260))
	d.Show()
	w.Window.Canvas().Focus(note)
	return d
}
