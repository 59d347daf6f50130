package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/app/textedit"
	"github.com/dateline-news/dateline/editor"
)

// This file is the three-way merge view (issue 14): when a draft has
// several heads (a stale window's conflicting save, or laptops that
// diverged and synced), it merges the window's version (mine) with another
// head (theirs) from their common ancestor, word by word and field by
// field (editor.MergeArticles). Changes only one side made are applied;
// each conflict shows the ancestor's text and both sides with Take mine,
// Take theirs and Take both; the merged body is editable by hand. Save
// writes one merge revision whose parents are both heads
// (editor.MergeStore.SaveMerge), after which the draft has one head fewer;
// with three or more, the view merges the window's head with the next tip
// and the banner offers to merge again. F8 and Shift+F8 move from
// conflict to conflict, Escape cancels, Enter (outside the body) saves.

// Decoration kinds of the merged body.
const (
	// kindMergeConflict underlines a conflict's text in the result.
	kindMergeConflict textedit.DecorationKind = "merge-conflict"
	// kindMergeCurrent highlights the conflict F8 moved to.
	kindMergeCurrent textedit.DecorationKind = "merge-current"
	// kindMergeChange underlines a change one side made, applied.
	kindMergeChange textedit.DecorationKind = "merge-change"
)

// mergeConflict is one conflict of the merge view: a body hunk, or a
// field that is not prose (byline, status …) or a prose field other than
// the body (headline, deck …).
type mergeConflict struct {
	field *editor.FieldMerge
	// hunk is the index of the conflicting hunk in field.Text, or -1 for
	// a field taken whole.
	hunk int
	// inBody is set for a hunk of the body, which the result editor holds;
	// start and end are its byte range in the editor's text.
	inBody     bool
	start, end int
	// byHand is set once the writer edited the conflict's text.
	byHand bool
	title  *widget.Label
	state  *widget.Label
}

// mergeView is the open merge dialog.
type mergeView struct {
	// p is the conflict panel that opened the view (conflict.go).
	p      *conflictPanel
	id     string
	heads  [2]string // mine, theirs
	mine   *editor.Article
	merge  *editor.ArticleMerge
	body   *textedit.Editor
	list   *fyne.Container
	scroll *container.Scroll
	dialog dialog.Dialog
	// conflicts in order: fields first, then the body's.
	conflicts []*mergeConflict
	current   int
	// text is the body as last seen, to follow hand edits; taking is set
	// while a Take button rewrites the body.
	text   string
	taking bool
	// more is how many heads stay after this merge.
	more int
	// saved is called after the merge is stored (tests wait on it).
	saved func()
}

// mergeStore returns the library as a MergeStore, or nil.
func (p *conflictPanel) mergeStore() editor.MergeStore {
	ms, _ := p.env.store.(editor.MergeStore)
	return ms
}

// checkHeads puts up the conflict banner when the open draft has several
// heads, as a sync can leave it without the window ever saving stale text.
func (p *conflictPanel) checkHeads() {
	ms := p.mergeStore()
	a := p.env.current()
	if ms == nil || a == nil {
		return
	}
	id := a.ID
	p.env.run(func() func() {
		heads, err := ms.HeadRevisions(context.Background(), id)
		return func() {
			if err != nil || len(heads) < 2 || !p.isOpen(id) {
				return
			}
			p.banner.show(bannerConflict,
				fmt.Sprintf("This draft has %d versions that were saved apart (on other laptops or in another window); the newest is shown. Merge them into one.", len(heads)),
				true, true, bannerAction{"Merge…", p.MergeHeads})
		}
	})
}

// MergeHeads saves the window's text, then opens the merge view on the
// window's version and another head of the draft.
func (p *conflictPanel) MergeHeads() {
	ms := p.mergeStore()
	a := p.env.current()
	if ms == nil || a == nil {
		p.MergeByHand()
		return
	}
	id := a.ID
	p.env.save(func(saved bool) {
		if !saved || !p.isOpen(id) {
			return
		}
		mineID := p.env.current().BaseRevision
		p.env.run(func() func() {
			v, err := prepareMerge(context.Background(), ms, id, mineID)
			return func() {
				if err != nil {
					p.env.showError("Could not prepare the merge", err)
					return
				}
				if !p.isOpen(id) {
					return
				}
				if v == nil {
					p.banner.hideKind(bannerConflict)
					p.env.status("This draft has one version: nothing to merge.", false)
					return
				}
				p.showMergeView(v)
			}
		})
	})
}

// prepareMerge reads what a merge needs: the draft's heads, which one is
// mine (the window's base when it is a head, else the shown one) and
// theirs (the first other), their common ancestor, and the merge. nil
// when the draft has one head.
func prepareMerge(ctx context.Context, ms editor.MergeStore, id, mineID string) (*mergeView, error) {
	heads, err := ms.HeadRevisions(ctx, id)
	if err != nil {
		return nil, err
	}
	if len(heads) < 2 {
		return nil, nil
	}
	mi := 0
	for i, h := range heads {
		if h.ID == mineID {
			mi = i
		}
	}
	ti := 0
	if mi == 0 {
		ti = 1
	}
	mine, theirs := heads[mi], heads[ti]
	base, err := ms.MergeBase(ctx, mine.ID, theirs.ID)
	if err != nil {
		return nil, err
	}
	var baseArt *editor.Article
	if base != nil {
		baseArt = editedBody(base.Article)
	}
	// The bodies as the result editor holds text (LF line breaks), so
	// that the conflicts' offsets are the editor's.
	m, err := editor.MergeArticles(baseArt, editedBody(mine.Article), editedBody(theirs.Article))
	if err != nil {
		return nil, err
	}
	return &mergeView{id: id, heads: [2]string{mine.ID, theirs.ID}, mine: mine.Article, merge: m, more: len(heads) - 2}, nil
}

// showMergeView lays the merge out in a dialog.
func (p *conflictPanel) showMergeView(v *mergeView) *mergeView {
	v.p = p
	p.merging = v
	v.body = textedit.New()
	v.body.SetDecorationStyle(kindMergeConflict, textedit.DecorationStyle{Color: theme.ColorNameWarning, Underline: true})
	v.body.SetDecorationStyle(kindMergeChange, textedit.DecorationStyle{Color: theme.ColorNameSuccess, Underline: true})
	v.body.SetDecorationStyle(kindMergeCurrent, textedit.DecorationStyle{Color: theme.ColorNameSelection})
	v.layoutBody()
	v.body.OnChanged = v.bodyChanged
	v.body.OnOtherKey = func(k *fyne.KeyEvent) bool { return v.key(k.Name, v.body.ShiftHeld()) }

	v.list = container.NewVBox()
	for i, c := range v.conflicts {
		v.list.Add(v.conflictCard(i, c))
	}
	if len(v.conflicts) == 0 {
		v.list.Add(widget.NewLabel("No conflicts: every change was made on one side only, or alike on both."))
	}
	v.scroll = container.NewVScroll(v.list)
	summary := widget.NewLabel(v.summary())
	summary.Wrapping = fyne.TextWrapWord
	prev := widget.NewButton("Previous conflict (Shift+F8)", func() { v.move(-1) })
	next := widget.NewButton("Next conflict (F8)", func() { v.move(1) })
	left := container.NewBorder(container.NewVBox(summary, container.NewHBox(prev, next)), nil, nil, nil, v.scroll)
	right := container.NewBorder(widget.NewLabel("The merged body (changes underlined; edit it freely):"), nil, nil, nil, v.body)
	split := container.NewHSplit(left, right)
	split.Offset = 0.42

	v.dialog = dialog.NewCustomConfirm("Merge versions", "Save merge", "Cancel", split, func(ok bool) {
		p.merging = nil
		installDialogKeys(p.env.parent.Canvas())
		if ok {
			v.save()
		}
	}, p.env.parent)
	v.dialog.Resize(fyne.NewSize(1100, 680))
	v.dialog.Show()
	// The dialog's keys when no widget has the focus: F8, Escape, Enter.
	p.env.parent.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if !v.key(ev.Name, false) {
			dialogKey(p.env.parent.Canvas(), ev.Name)
		}
	})
	p.env.parent.Canvas().Focus(v.body)
	if len(v.conflicts) > 0 {
		v.current = -1
		v.move(1)
	}
	return v
}

// summary says what the merge found.
func (v *mergeView) summary() string {
	applied := 0
	for _, f := range v.merge.Fields {
		if f.Text != nil {
			for _, h := range f.Text.Hunks {
				if h.Kind == editor.HunkMine || h.Kind == editor.HunkTheirs || h.Kind == editor.HunkBoth {
					applied++
				}
			}
		} else if f.Kind != editor.HunkSame && f.Kind != editor.HunkConflict {
			applied++
		}
	}
	s := fmt.Sprintf("Your version and the other one, from their common ancestor: %d changes applied, %d conflicts. Until you choose, a conflict keeps your text.", applied, len(v.conflicts))
	var fields []string
	for _, f := range v.merge.Fields {
		side := map[editor.HunkKind]string{editor.HunkMine: "yours", editor.HunkTheirs: "theirs", editor.HunkBoth: "both"}[f.Kind]
		if f.Name() != "body" && side != "" {
			fields = append(fields, f.Label()+" ("+side+")")
		}
	}
	if len(fields) > 0 {
		s += " Fields changed: " + strings.Join(fields, ", ") + "."
	}
	if v.more > 0 {
		s += fmt.Sprintf(" %d more versions remain after this merge; merge them next.", v.more)
	}
	return s
}

// layoutBody sets the result editor's text from the body merge and
// collects the conflicts (fields first) with their ranges.
func (v *mergeView) layoutBody() {
	v.conflicts = nil
	for _, f := range v.merge.Fields {
		if f.Name() == "body" {
			continue
		}
		if f.Text != nil {
			for i, h := range f.Text.Hunks {
				if h.Kind == editor.HunkConflict {
					v.conflicts = append(v.conflicts, &mergeConflict{field: f, hunk: i})
				}
			}
		} else if f.Kind == editor.HunkConflict {
			v.conflicts = append(v.conflicts, &mergeConflict{field: f, hunk: -1})
		}
	}
	body := v.merge.Field("body")
	var sb strings.Builder
	var changes []int
	if body != nil {
		for i, h := range body.Text.Hunks {
			start := sb.Len()
			sb.WriteString(h.Text())
			switch h.Kind {
			case editor.HunkConflict:
				v.conflicts = append(v.conflicts, &mergeConflict{field: body, hunk: i, inBody: true, start: start, end: sb.Len()})
			case editor.HunkMine, editor.HunkTheirs, editor.HunkBoth:
				changes = append(changes, start, sb.Len())
			}
		}
	}
	v.text = sb.String()
	v.body.SetText(v.text)
	m := v.body.Model()
	pos := m.PosAtSorted(changes)
	var rs []textedit.Range
	for i := 0; i+1 < len(pos); i += 2 {
		rs = append(rs, textedit.Range{From: pos[i], To: pos[i+1]})
	}
	v.body.SetDecorations(kindMergeChange, rs)
	v.decorate()
}

// conflictCard shows one conflict: where it is, the ancestor's text and
// both sides, and the buttons that take one.
func (v *mergeView) conflictCard(i int, c *mergeConflict) fyne.CanvasObject {
	where := "Body"
	if !c.inBody {
		where = c.field.Label()
	}
	c.title = widget.NewLabel(fmt.Sprintf("Conflict %d of %d · %s", i+1, len(v.conflicts), where))
	c.title.TextStyle = fyne.TextStyle{Bold: true}
	c.state = widget.NewLabel("")
	base, mine, theirs := v.sides(c)
	line := func(label, text string, style widget.RichTextStyle) fyne.CanvasObject {
		if text == "" {
			text, style = "(nothing)", diffEqualStyle
		}
		rt := widget.NewRichText(&widget.TextSegment{Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}}, Text: label + "  "},
			&widget.TextSegment{Style: style, Text: text})
		rt.Wrapping = fyne.TextWrapWord
		return rt
	}
	buttons := container.NewHBox(
		widget.NewButton("Take mine", func() { v.take(i, editor.TakeMine) }),
		widget.NewButton("Take theirs", func() { v.take(i, editor.TakeTheirs) }))
	if c.hunk >= 0 {
		buttons.Add(widget.NewButton("Take both", func() { v.take(i, editor.TakeBoth) }))
	}
	v.updateState(c)
	return container.NewVBox(c.title,
		line("Before:", base, diffDeleteStyle),
		line("Mine:", mine, diffInsertStyle),
		line("Theirs:", theirs, diffInsertStyle),
		container.NewBorder(nil, nil, nil, c.state, buttons),
		widget.NewSeparator())
}

// sides returns a conflict's ancestor, mine and theirs for people.
func (v *mergeView) sides(c *mergeConflict) (string, string, string) {
	if c.hunk >= 0 {
		h := c.field.Text.Hunks[c.hunk]
		return h.Base, h.Mine, h.Theirs
	}
	f := c.field
	return editor.ShowValue(f.Base), editor.ShowValue(f.Mine), editor.ShowValue(f.Theirs)
}

// take resolves conflict i: a body conflict's text in the result editor
// is replaced by the side taken; a field's choice is recorded.
func (v *mergeView) take(i int, t editor.Take) {
	c := v.conflicts[i]
	if c.hunk >= 0 {
		c.field.Text.Hunks[c.hunk].Take = t
	} else {
		c.field.Take = t
	}
	c.byHand = false
	if c.inBody {
		text := c.field.Text.Hunks[c.hunk].Taken(t)
		m := v.body.Model()
		r := textedit.Range{From: m.PosAt(c.start), To: m.PosAt(c.end)}
		delta := len(text) - (c.end - c.start)
		v.taking = true
		v.body.ReplaceRange(r, text)
		v.taking = false
		for _, o := range v.conflicts {
			if o != c && o.inBody && o.start >= c.end {
				o.start += delta
				o.end += delta
			}
		}
		c.end = c.start + len(text)
		v.text = v.body.Text()
	}
	v.current = i
	v.updateState(c)
	v.decorate()
}

// updateState says how a conflict stands.
func (v *mergeView) updateState(c *mergeConflict) {
	if c.state == nil {
		return
	}
	take := c.field.Take
	if c.hunk >= 0 {
		take = c.field.Text.Hunks[c.hunk].Take
	}
	switch {
	case c.byHand:
		c.state.SetText("edited by hand")
	case take == editor.TakeTheirs:
		c.state.SetText("theirs taken")
	case take == editor.TakeBoth:
		c.state.SetText("both taken")
	default:
		c.state.SetText("mine (until you choose)")
	}
}

// bodyChanged follows a hand edit of the result: the conflicts' ranges
// move with the text, and a conflict the edit touched is marked edited by
// hand.
func (v *mergeView) bodyChanged(s string) {
	if v.taking {
		return
	}
	old := v.text
	v.text = s
	// The edited part: the text after the caret is the same as before
	// (typing and pasting end at the caret), so the common end is taken
	// first, up to the caret, then the common start. Typing a space after
	// "deputy" in "deputy spoke" thus inserts at the end of "deputy".
	caret := v.body.Model().Offset(v.body.CursorPosition())
	q := 0
	for q < len(old) && q < len(s) && q < len(s)-caret && old[len(old)-1-q] == s[len(s)-1-q] {
		q++
	}
	p := 0
	for p < len(old)-q && p < len(s)-q && old[p] == s[p] {
		p++
	}
	oldEnd, newEnd := len(old)-q, len(s)-q
	for _, c := range v.conflicts {
		if !c.inBody {
			continue
		}
		var touched bool
		c.start, c.end, touched = followEdit(c.start, c.end, p, oldEnd, newEnd, c.byHand)
		if touched && !c.byHand {
			c.byHand = true
			v.updateState(c)
		}
	}
	v.decorate()
}

// followEdit moves the range [start, end) through an edit that replaced
// [p, oldEnd) with text ending at newEnd, and reports whether the edit
// touched it. Text typed inside the range, or where an empty range is,
// joins it, and so does text typed at its end once it was edited by hand
// (grow: the writer is typing a replacement there); other text typed
// right before or after it stays outside; a deletion or replacement that
// overlaps it changes it.
func followEdit(start, end, p, oldEnd, newEnd int, grow bool) (int, int, bool) {
	delta := newEnd - oldEnd
	if p == oldEnd { // an insertion
		switch {
		case start == end && start == p, grow && p == end:
			return start, newEnd, true
		case p <= start:
			return start + delta, end + delta, false
		case p >= end:
			return start, end, false
		}
		return start, end + delta, true
	}
	switch {
	case oldEnd <= start:
		return start + delta, end + delta, false
	case end <= p:
		return start, end, false
	}
	s := min(start, p)
	e := newEnd
	if end > oldEnd {
		e = end + delta
	}
	return s, e, true
}

// decorate underlines every conflict of the body and highlights the
// current one.
func (v *mergeView) decorate() {
	m := v.body.Model()
	var offs []int
	var cur []int
	for i, c := range v.conflicts {
		if !c.inBody {
			continue
		}
		offs = append(offs, c.start, c.end)
		if i == v.current {
			cur = []int{c.start, c.end}
		}
	}
	pos := m.PosAtSorted(offs)
	var rs []textedit.Range
	for i := 0; i+1 < len(pos); i += 2 {
		rs = append(rs, textedit.Range{From: pos[i], To: pos[i+1]})
	}
	v.body.SetDecorations(kindMergeConflict, rs)
	var crs []textedit.Range
	if cur != nil {
		crs = []textedit.Range{{From: m.PosAt(cur[0]), To: m.PosAt(cur[1])}}
	}
	v.body.SetDecorations(kindMergeCurrent, crs)
	for i, c := range v.conflicts {
		if c.title == nil {
			continue
		}
		prefix := "   "
		if i == v.current {
			prefix = "▶ "
		}
		where := "Body"
		if !c.inBody {
			where = c.field.Label()
		}
		c.title.SetText(fmt.Sprintf("%sConflict %d of %d · %s", prefix, i+1, len(v.conflicts), where))
	}
}

// move goes to the next (+1) or previous (-1) conflict, selecting a body
// conflict's text in the result.
func (v *mergeView) move(step int) {
	n := len(v.conflicts)
	if n == 0 {
		return
	}
	v.current = ((v.current+step)%n + n) % n
	c := v.conflicts[v.current]
	if c.inBody {
		m := v.body.Model()
		v.body.Select(textedit.Range{From: m.PosAt(c.start), To: m.PosAt(c.end)})
		v.body.ScrollToCursor()
	}
	v.decorate()
	if v.scroll != nil && v.list != nil && v.current < len(v.list.Objects) {
		v.scroll.Offset = fyne.NewPos(0, v.list.Objects[v.current].Position().Y)
		v.scroll.Refresh()
	}
}

// key handles the view's keys; it reports whether it took key.
func (v *mergeView) key(key fyne.KeyName, shift bool) bool {
	switch key {
	case fyne.KeyF8:
		if shift {
			v.move(-1)
		} else {
			v.move(1)
		}
		return true
	case fyne.KeyEscape:
		v.dialog.Hide()
		v.p.merging = nil
		installDialogKeys(v.p.env.parent.Canvas())
		return true
	}
	return false
}

// result is the merged article: the fields as merged and chosen, the body
// as the result editor holds it.
func (v *mergeView) result() (*editor.Article, error) {
	a, err := v.merge.Article(v.mine)
	if err != nil {
		return nil, err
	}
	a.ID = v.id
	a.Body = v.body.Text()
	return a, nil
}

// save stores the merge revision on a worker and opens the merged text.
func (v *mergeView) save() {
	p := v.p
	ms := p.mergeStore()
	a, err := v.result()
	if err != nil {
		p.env.showError("Could not merge", err)
		return
	}
	heads := v.heads
	p.env.run(func() func() {
		_, err := ms.SaveMerge(context.Background(), a, heads, editor.SaveOptions{})
		return func() {
			if err != nil {
				p.env.showError("Could not save the merge", err)
				return
			}
			msg := "Merged the two versions into one."
			if v.more > 0 {
				msg = fmt.Sprintf("Merged two versions; %d more remain.", v.more)
			}
			p.openMerged(a, msg)
			if v.saved != nil {
				v.saved()
			}
		}
	})
}

// isOpen reports whether the draft id is open in the window.
func (p *conflictPanel) isOpen(id string) bool {
	a := p.env.current()
	return a != nil && a.ID == id
}

// openMerged opens the stored merge a in the window. When typing went on
// meanwhile, the window keeps its text and only moves its base to the
// merge, so the next autosave builds on it: nothing typed is lost.
func (p *conflictPanel) openMerged(a *editor.Article, msg string) {
	if !p.isOpen(a.ID) {
		return
	}
	if p.busy() {
		cur := p.env.current()
		cur.BaseRevision, cur.BaseSaved = a.BaseRevision, a.BaseSaved
		p.banner.hideKind(bannerConflict)
	} else {
		p.open(a)
	}
	p.env.status(msg, false)
}

// resolveTip ends a conflict between the window's conflicting revision
// and the draft's head (head, as Get read it) by one merge revision of
// both that holds a's text, so that the draft has one head again. It
// reports whether it took the work: false when the store cannot merge or
// the window's text is the head.
func (p *conflictPanel) resolveTip(a, head *editor.Article) bool {
	ms := p.mergeStore()
	cur := p.env.current()
	if ms == nil || cur == nil {
		return false
	}
	mineID, headID := cur.BaseRevision, head.BaseRevision
	if mineID == "" || mineID == headID {
		return false
	}
	res := a.Clone()
	res.ID = cur.ID
	p.env.run(func() func() {
		_, err := ms.SaveMerge(context.Background(), res, [2]string{headID, mineID}, editor.SaveOptions{})
		return func() {
			if err != nil {
				p.env.showError("Could not resolve the conflict", err)
				return
			}
			p.openMerged(res, "Kept one version; the other stays in the history.")
		}
	})
	return true
}

// editedBody returns a with its body's line breaks as the text editor
// keeps them.
func editedBody(a *editor.Article) *editor.Article {
	if a == nil {
		return nil
	}
	c := a.Clone()
	c.Body = textedit.Normalize(c.Body)
	return c
}
