package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/app/textedit"
	"github.com/dateline-news/dateline/editor"
)

// Compare with filed (Review menu): the word diff of the open draft's text
// against the revision in which it was filed, with the changes marked by
// more than colour (insertions underlined, deletions struck through) and
// F7 / Shift+F7 (or the buttons) to move from change to change. The diff
// is history.go's (worddiff.go), on the text as readers get it.

// shortcutCompareFiled is Ctrl+Alt+D: compare with filed.
var shortcutCompareFiled = &desktop.CustomShortcut{KeyName: fyne.KeyD, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierAlt}

// comparison is a word diff laid out as one text, old and new words in
// reading order, with the byte ranges of its changes.
type comparison struct {
	text    string
	changes []comparedChange
	added   int
	removed int
}

// comparedChange is an inserted or deleted run of a comparison's text.
type comparedChange struct {
	start, end int
	op         diffOp
}

// compareTexts lays out the word diff from old to new.
func compareTexts(old, new string) comparison {
	var c comparison
	for _, s := range wordDiff(old, new) {
		start := len(c.text)
		c.text += s.Text
		if s.Op != diffEqual {
			c.changes = append(c.changes, comparedChange{start, len(c.text), s.Op})
		}
	}
	c.added, c.removed = wordChange(old, new)
	return c
}

// comparedText is the text compared: headline, deck and the body as
// readers get it (suggestions rejected, comments removed).
func comparedText(a *editor.Article) string {
	c := a.Clone()
	c.Body = a.PublicBody()
	return articleText(c)
}

// filedRevision returns the newest revision in which the draft became
// filed, or nil when it never was.
func filedRevision(ctx context.Context, store editor.Store, id string) (*editor.Revision, error) {
	revs, err := store.Revisions(ctx, id)
	if err != nil {
		return nil, err
	}
	for _, r := range revs {
		if r.Kind != editor.RevisionStatus {
			continue
		}
		full, err := store.Revision(ctx, r.ID)
		if err != nil {
			return nil, err
		}
		if full.Article != nil && full.Article.Status == editor.StatusFiled {
			return full, nil
		}
	}
	return nil, nil
}

// compareView shows a comparison in a read-only body editor.
type compareView struct {
	cmp    comparison
	text   *textedit.Editor
	info   *widget.Label
	at     int
	object fyne.CanvasObject
}

func newCompareView(cmp comparison, heading string) *compareView {
	v := &compareView{cmp: cmp, at: -1}
	v.text = textedit.New()
	v.text.SetText(cmp.text)
	v.text.Model().Rewrite = func(r textedit.Range, _ string) (textedit.Range, string, int, bool) {
		return textedit.Range{}, "", v.text.Model().Offset(r.From), true // read-only
	}
	v.text.SetDecorationStyle(decoSuggestInsert, textedit.DecorationStyle{Color: theme.ColorNameSuccess, Underline: true})
	v.text.SetDecorationStyle(decoSuggestDelete, textedit.DecorationStyle{Color: theme.ColorNameError, Strike: true})
	m := v.text.Model()
	var ins, del []textedit.Range
	for _, ch := range cmp.changes {
		r := textedit.Range{From: m.PosAt(ch.start), To: m.PosAt(ch.end)}
		if ch.op == diffInsert {
			ins = append(ins, r)
		} else {
			del = append(del, r)
		}
	}
	v.text.SetDecorations(decoSuggestInsert, ins)
	v.text.SetDecorations(decoSuggestDelete, del)
	v.text.OnOtherKey = func(k *fyne.KeyEvent) bool {
		if k.Name != fyne.KeyF7 {
			return false
		}
		if v.text.ShiftHeld() {
			v.Step(-1)
		} else {
			v.Step(1)
		}
		return true
	}
	v.info = widget.NewLabel(heading)
	v.info.Wrapping = fyne.TextWrapWord
	prev := widget.NewButtonWithIcon("Previous change", theme.MoveUpIcon(), func() { v.Step(-1) })
	next := widget.NewButtonWithIcon("Next change (F7)", theme.MoveDownIcon(), func() { v.Step(1) })
	legend := widget.NewLabel("Underlined: added since filing · struck through: removed")
	legend.Importance = widget.LowImportance
	v.object = container.NewBorder(container.NewVBox(v.info, container.NewHBox(prev, next), legend), nil, nil, nil, v.text)
	return v
}

// Step moves to the next change (dir 1) or the previous one (dir -1),
// selects it and scrolls it into view; it wraps around at the ends.
func (v *compareView) Step(dir int) {
	n := len(v.cmp.changes)
	if n == 0 {
		return
	}
	switch {
	case v.at < 0 && dir < 0:
		v.at = n - 1
	default:
		v.at = ((v.at+dir)%n + n) % n
	}
	ch := v.cmp.changes[v.at]
	m := v.text.Model()
	v.text.Select(textedit.Range{From: m.PosAt(ch.start), To: m.PosAt(ch.end)})
	v.text.ScrollToCursor()
}

// Current returns the text of the change the view is on, "" before the
// first step.
func (v *compareView) Current() string {
	if v.at < 0 {
		return ""
	}
	ch := v.cmp.changes[v.at]
	return v.cmp.text[ch.start:ch.end]
}

// CompareWithFiled shows the open draft's changes since it was filed.
func (w *MainWindow) CompareWithFiled() {
	if w.article == nil {
		w.setStatus("Open a draft to compare it with the filed text.", true)
		return
	}
	id, current := w.article.ID, comparedText(w.article)
	w.goJob(func() func() {
		rev, err := filedRevision(context.Background(), w.store, id)
		return func() {
			switch {
			case err != nil:
				w.showError("Could not read the history", err)
			case rev == nil:
				w.setStatus("This draft has not been filed yet: there is no filed text to compare with.", true)
			default:
				w.showComparison(rev, current)
			}
		}
	})
}

// showComparison opens the Compare with filed dialog.
func (w *MainWindow) showComparison(rev *editor.Revision, current string) *compareView {
	cmp := compareTexts(comparedText(rev.Article), current)
	who := rev.Author
	if who == "" {
		who = "someone"
	}
	heading := fmt.Sprintf("Since %s filed it on %s: %s words, %d changes.", who,
		rev.Created.In(w.clock.Now().Location()).Format("Jan 2 at 15:04"), formatChange(cmp.added, cmp.removed), len(cmp.changes))
	v := newCompareView(cmp, heading)
	w.compare = v
	d := dialog.NewCustom("Compare with filed", "Close", v.object, w.Window)
	d.Resize(fyne.NewSize(760, 560))
	d.Show()
	w.Window.Canvas().Focus(v.text)
	return v
}
