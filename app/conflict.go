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

// conflictPanel is the conflict banner's actions (Compare, Keep mine,
// Keep theirs, Merge…), the Merge by hand dialog and the three-way merge
// view (merge3.go). It reaches the window only through its env and the
// hooks below.
type conflictPanel struct {
	env panelEnv
	// banner is the window's banner, where the conflict is said.
	banner *banner
	// busy reports whether the open draft has edits that are not stored
	// yet or are being stored.
	busy func() bool
	// changed marks the open draft as edited, so that it is saved.
	changed func()
	// open shows a draft in the form as a fresh editing session.
	open func(a *editor.Article)
	// load shows the open draft's fields in the form again.
	load func(a *editor.Article)
	// merging is the open three-way merge view, nil when none (merge3.go).
	merging *mergeView
}

// showSaveResult shows a save's error, if any, without a modal dialog: the
// status bar and the banner say it, and typing goes on.
func (p *conflictPanel) showSaveResult(err error, current bool) {
	switch {
	case err == nil:
		p.banner.hideKind(bannerSaveFailed)
		p.banner.hideKind(bannerConflict)
	case editor.ErrorCode(err) == editor.ESTALE:
		p.banner.hideKind(bannerSaveFailed)
		if current {
			p.showConflict()
		}
	default:
		p.banner.show(bannerSaveFailed,
			"The draft could not be saved: "+editor.ErrorMessage(err)+" Your text is kept in the window, and saving is retried with your next edit.",
			true, true, bannerAction{"Retry now", func() { p.env.save(nil) }})
	}
}

// showConflict puts up the conflict banner.
func (p *conflictPanel) showConflict() {
	if p.banner.kind == bannerConflict {
		return
	}
	p.banner.show(bannerConflict,
		"This draft was changed elsewhere — your text is kept beside the newer version, and what you type goes on being kept there.",
		true, false,
		bannerAction{"Compare", p.CompareConflict},
		bannerAction{"Keep mine", p.KeepMine},
		bannerAction{"Keep theirs", p.KeepTheirs},
		bannerAction{"Merge…", p.MergeHeads})
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
func (p *conflictPanel) CompareConflict() {
	a := p.env.current()
	if a == nil {
		return
	}
	id, mine := a.ID, conflictText(a)
	p.env.run(func() func() {
		theirs, err := p.env.store.Get(context.Background(), id)
		var spans []diffSpan
		if err == nil {
			spans = wordDiff(conflictText(theirs), mine)
		}
		return func() {
			if err != nil {
				p.env.showError("Could not read the newer version", err)
				return
			}
			added, removed := spanChange(spans)
			summary := widget.NewLabel("From the version saved elsewhere to yours: " + formatChange(added, removed) + " words. Added words are underlined, removed ones in italics.")
			summary.Wrapping = fyne.TextWrapWord
			text := widget.NewRichText(diffSegments(spans)...)
			text.Wrapping = fyne.TextWrapWord
			d := dialog.NewCustom("Compare with the version saved elsewhere", "Close",
				container.NewBorder(summary, nil, nil, nil, container.NewVScroll(text)), p.env.parent)
			d.Resize(fyne.NewSize(720, 520))
			d.Show()
		}
	})
}

// KeepMine resolves a conflict in favour of the window's text: it is saved
// as the draft's newest revision, based on the version saved elsewhere
// (which stays in the history); with a store that merges, as a merge
// revision of both, so that the draft has one head again (resolveTip).
func (p *conflictPanel) KeepMine() {
	p.withHead(func(head *editor.Article) {
		a := p.env.current()
		if p.resolveTip(a.Clone(), head) {
			return
		}
		a.BaseRevision, a.BaseSaved = head.BaseRevision, head.BaseSaved
		p.changed()
		p.env.save(nil)
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
func (p *conflictPanel) MergeByHand() {
	p.withHead(func(head *editor.Article) { p.showMerge(head) })
}

// showMerge opens the Merge by hand dialog against head.
func (p *conflictPanel) showMerge(head *editor.Article) *mergeEditor {
	m := &mergeEditor{merged: textedit.New()}
	mine := p.env.current()
	m.merged.SetText(mine.Body)
	diff := widget.NewRichText(diffSegments(wordDiff(head.Body, mine.Body))...)
	diff.Wrapping = fyne.TextWrapWord
	left := container.NewBorder(widget.NewLabel("Saved elsewhere → yours (added underlined, removed in italics)"), nil, nil, nil, container.NewVScroll(diff))
	right := container.NewBorder(widget.NewLabel("The merged body: edit it, then save"), nil, nil, nil, m.merged)
	split := container.NewHSplit(left, right)
	id := head.ID
	m.dialog = dialog.NewCustomConfirm("Merge by hand", "Save merged", "Cancel", split, func(ok bool) {
		a := p.env.current()
		if !ok || a == nil || a.ID != id {
			return
		}
		a.Body = m.merged.Text()
		a.BaseRevision, a.BaseSaved = head.BaseRevision, head.BaseSaved
		p.load(a)
		p.changed()
		p.env.save(nil)
	}, p.env.parent)
	m.dialog.Resize(fyne.NewSize(1000, 600))
	m.dialog.Show()
	p.env.parent.Canvas().Focus(m.merged)
	return m
}

// withHead saves the window's text, reads the draft's head (the version
// saved elsewhere) on a worker, and hands it to then on the UI goroutine,
// while the same draft is still open.
func (p *conflictPanel) withHead(then func(head *editor.Article)) {
	a := p.env.current()
	if a == nil {
		return
	}
	id := a.ID
	p.env.save(func(saved bool) {
		if !saved {
			return
		}
		p.env.run(func() func() {
			head, err := p.env.store.Get(context.Background(), id)
			return func() {
				if err != nil {
					p.env.showError("Could not read the newer version", err)
					return
				}
				if a := p.env.current(); a == nil || a.ID != id {
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
func (p *conflictPanel) KeepTheirs() {
	p.withHead(func(head *editor.Article) {
		if p.busy() {
			return // typing went on meanwhile: nothing is thrown away
		}
		if p.resolveTip(head, head) {
			return
		}
		p.open(head)
		p.env.status("Opened the version saved elsewhere; your text is kept in the history as a conflicting revision.", false)
	})
}
