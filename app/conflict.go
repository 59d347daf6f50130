package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/app/textedit"
	"github.com/dateline-news/dateline/editor"
)

// The notices of the window's banner (banner.go).
const (
	// bannerSaveFailed says the draft could not be saved.
	bannerSaveFailed = "save-failed"
	// bannerConflict says the draft was changed elsewhere.
	bannerConflict = "conflict"
)

// This file is the window's side of optimistic concurrency (the rule
// itself is the store's: editor.Store.Save, ESTALE). When the open draft
// was changed elsewhere, the window's saves go into a conflicting revision
// beside the newer head, so nothing typed is lost, and a banner offers to
// compare the two texts, keep the window's or keep the other.

// showSaveResult shows a save's error, if any, without a modal dialog: the
// status bar and the banner say it, and typing goes on.
func (w *MainWindow) showSaveResult(err error, current bool) {
	switch {
	case err == nil:
		w.banner.hideKind(bannerSaveFailed)
		w.banner.hideKind(bannerConflict)
	case editor.ErrorCode(err) == editor.ESTALE:
		w.banner.hideKind(bannerSaveFailed)
		if current {
			w.showConflict()
		}
	default:
		w.banner.show(bannerSaveFailed,
			"The draft could not be saved: "+editor.ErrorMessage(err)+" Your text is kept in the window, and saving is retried with your next edit.",
			true, true, bannerAction{"Retry now", func() { w.save(nil) }})
	}
}

// showConflict puts up the conflict banner.
func (w *MainWindow) showConflict() {
	if w.banner.kind == bannerConflict {
		return
	}
	w.banner.show(bannerConflict,
		"This draft was changed elsewhere — your text is kept beside the newer version, and what you type goes on being kept there.",
		true, false,
		bannerAction{"Compare", w.CompareConflict},
		bannerAction{"Keep mine", w.KeepMine},
		bannerAction{"Keep theirs", w.KeepTheirs},
		bannerAction{"Merge…", w.MergeHeads})
}

// conflictText is the text a conflict compares: headline, deck and body.
func conflictText(a *editor.Article) string {
	s := a.Headline
	if a.Deck != "" {
		s += "\n" + a.Deck
	}
	return s + "\n\n" + a.Body
}

// CompareConflict shows the word diff from the draft's newest stored text
// (theirs) to the window's (mine).
func (w *MainWindow) CompareConflict() {
	if w.article == nil {
		return
	}
	id, mine := w.article.ID, conflictText(w.article)
	w.goJob(func() func() {
		theirs, err := w.store.Get(context.Background(), id)
		var spans []diffSpan
		if err == nil {
			spans = wordDiff(conflictText(theirs), mine)
		}
		return func() {
			if err != nil {
				w.showError("Could not read the newer version", err)
				return
			}
			added, removed := spanChange(spans)
			summary := widget.NewLabel("From the version saved elsewhere to yours: " + formatChange(added, removed) + " words. Added words are underlined, removed ones in italics.")
			summary.Wrapping = fyne.TextWrapWord
			text := widget.NewRichText(diffSegments(spans)...)
			text.Wrapping = fyne.TextWrapWord
			d := dialog.NewCustom("Compare with the version saved elsewhere", "Close",
				container.NewBorder(summary, nil, nil, nil, container.NewVScroll(text)), w.Window)
			d.Resize(fyne.NewSize(720, 520))
			d.Show()
		}
	})
}

// KeepMine resolves a conflict in favour of the window's text: it is saved
// as the draft's newest revision, based on the version saved elsewhere
// (which stays in the history); with a store that merges, as a merge
// revision of both, so that the draft has one head again (resolveTip).
func (w *MainWindow) KeepMine() {
	w.withHead(func(head *editor.Article) {
		if w.resolveTip(w.article.Clone(), head) {
			return
		}
		w.article.BaseRevision, w.article.BaseSaved = head.BaseRevision, head.BaseSaved
		w.saver.changed()
		w.save(nil)
	})
}

// mergeEditor is the Merge by hand dialog: the word diff from theirs to
// mine beside an editable body that starts as mine.
type mergeEditor struct {
	merged *textedit.Editor
	dialog dialog.Dialog
}

// MergeByHand resolves a conflict with a body the writer puts together:
// the dialog shows what changed from the version saved elsewhere to the
// window's beside an editable copy of the window's body; Save merged
// stores the result as the draft's newest revision, based on theirs, so
// both versions stay in the history. Headline and deck stay the window's.
func (w *MainWindow) MergeByHand() {
	w.withHead(func(head *editor.Article) { w.showMerge(head) })
}

// showMerge opens the Merge by hand dialog against head.
func (w *MainWindow) showMerge(head *editor.Article) *mergeEditor {
	m := &mergeEditor{merged: textedit.New()}
	m.merged.SetText(w.article.Body)
	diff := widget.NewRichText(diffSegments(wordDiff(head.Body, w.article.Body))...)
	diff.Wrapping = fyne.TextWrapWord
	left := container.NewBorder(widget.NewLabel("Saved elsewhere → yours (added underlined, removed in italics)"), nil, nil, nil, container.NewVScroll(diff))
	right := container.NewBorder(widget.NewLabel("The merged body: edit it, then save"), nil, nil, nil, m.merged)
	split := container.NewHSplit(left, right)
	id := head.ID
	m.dialog = dialog.NewCustomConfirm("Merge by hand", "Save merged", "Cancel", split, func(ok bool) {
		if !ok || w.article == nil || w.article.ID != id {
			return
		}
		w.article.Body = m.merged.Text()
		w.article.BaseRevision, w.article.BaseSaved = head.BaseRevision, head.BaseSaved
		w.form.load(w.article)
		w.saver.changed()
		w.save(nil)
	}, w.Window)
	m.dialog.Resize(fyne.NewSize(1000, 600))
	m.dialog.Show()
	w.Window.Canvas().Focus(m.merged)
	return m
}

// withHead saves the window's text, reads the draft's head (the version
// saved elsewhere) on a worker, and hands it to then on the UI goroutine,
// while the same draft is still open.
func (w *MainWindow) withHead(then func(head *editor.Article)) {
	if w.article == nil {
		return
	}
	id := w.article.ID
	w.save(func(saved bool) {
		if !saved {
			return
		}
		w.goJob(func() func() {
			head, err := w.store.Get(context.Background(), id)
			return func() {
				if err != nil {
					w.showError("Could not read the newer version", err)
					return
				}
				if w.article == nil || w.article.ID != id {
					return
				}
				then(head)
			}
		})
	})
}

// KeepTheirs resolves a conflict in favour of the version saved elsewhere:
// the window's text is stored first (as a conflicting revision, in the
// history), then the newer version opens in its place; with a store that
// merges, a merge revision of both with their text ends the conflict.
func (w *MainWindow) KeepTheirs() {
	w.withHead(func(head *editor.Article) {
		if w.saver.dirty || w.saver.inFlight {
			return // typing went on meanwhile: nothing is thrown away
		}
		if w.resolveTip(head, head) {
			return
		}
		w.setArticle(head, editor.NewID())
		w.setStatus("Opened the version saved elsewhere; your text is kept in the history as a conflicting revision.", false)
	})
}
