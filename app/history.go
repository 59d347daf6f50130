package app

import (
	"context"
	"hash/maphash"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/editor"
)

// historyTextLimit is how many of the newest revisions the history panel
// reads in full to count each one's change in words. Older ones show the
// change of their word count, and are read when picked.
const historyTextLimit = 200

// equalContext is how many words of unchanged text a diff shows on each
// side of a change; longer unchanged runs are shortened with "…".
const equalContext = 25

// The "compare with" choices besides the revisions themselves.
const (
	againstCurrent  = "the current text"
	againstPrevious = "the revision before it"
)

// historyRow is one revision in the history panel.
type historyRow struct {
	rev editor.Revision
	// text is the revision's headline, deck and body as readers get them
	// (suggestions rejected, comments removed: comparedText), when loaded;
	// marks is the body with its CriticMarkup when it has any, so that a
	// revision that changed only suggestions or comments says so.
	text, marks string
	loaded      bool
	// added and removed count the words changed from the revision before;
	// exact is false when they come from the word counts alone.
	added, removed int
	exact          bool
}

// historyPanel is the History tab beside the preview: the open draft's
// revisions, a word diff of the picked one and "Restore this revision".
type historyPanel struct {
	env panelEnv
	// restoreRevision makes a revision the draft's new head
	// (MainWindow.RestoreRevision).
	restoreRevision func(articleID, revisionID string)

	side    *container.AppTabs
	tab     *container.TabItem
	list    *widget.List
	info    *widget.Label
	against *widget.Select
	diff    *widget.RichText
	summary *widget.Label
	restore *widget.Button

	rows []historyRow
	// sel is the picked row, -1 for none.
	sel int
	// againstRow maps the revision choices of against to rows.
	againstRow map[string]int
	// articleID is the draft whose revisions rows are.
	articleID string
	// stale is set when the draft changed while the tab was hidden.
	stale        bool
	gen, diffGen uint64
	programmatic bool
	// changes keeps each pair's word change, so that a save counts only
	// the pair it changed rather than every pair of the history again.
	changes *changeCache
}

// changeKey names a pair of revisions whose word change is counted. The
// newest revision's text changes while autosave coalesces into it, so its
// key also carries a hash of its text.
type changeKey struct {
	older, newer string
	newerText    uint64
}

// changeCache is the word change of every pair of revisions counted so
// far. Workers use it, so it has a lock.
type changeCache struct {
	mu sync.Mutex
	m  map[changeKey][2]int
	// counted is how many changes were counted rather than found.
	counted int
}

// maxCachedChanges bounds the cache; it is cleared when it grows past.
const maxCachedChanges = 20000

// change returns the word change from older to newer, counting it only
// the first time.
func (c *changeCache) change(key changeKey, older, newer string) (added, removed int) {
	c.mu.Lock()
	v, ok := c.m[key]
	c.mu.Unlock()
	if ok {
		return v[0], v[1]
	}
	added, removed = wordChange(older, newer)
	c.mu.Lock()
	if len(c.m) >= maxCachedChanges {
		c.m = map[changeKey][2]int{}
	}
	c.m[key] = [2]int{added, removed}
	c.counted++
	c.mu.Unlock()
	return added, removed
}

// textSeed seeds the hashes of the newest revision's text.
var textSeed = maphash.MakeSeed()

// attachHistory builds the history panel and the Preview / History tabs
// that hold it beside the form.
func (w *MainWindow) attachHistory() *historyPanel {
	h := &historyPanel{env: w.panelEnv(), restoreRevision: w.RestoreRevision, sel: -1, againstRow: map[string]int{}, changes: &changeCache{m: map[changeKey][2]int{}}}
	h.info = widget.NewLabel("")
	h.info.Importance = widget.LowImportance
	h.list = widget.NewList(func() int { return len(h.rows) }, newHistoryRow, func(i widget.ListItemID, o fyne.CanvasObject) {
		if i >= 0 && i < len(h.rows) {
			h.updateRow(o, i)
		}
	})
	h.list.OnSelected = func(i widget.ListItemID) {
		if h.programmatic {
			return
		}
		h.pick(i)
	}
	h.against = widget.NewSelect([]string{againstCurrent, againstPrevious}, func(string) {
		if !h.programmatic {
			h.showDiff()
		}
	})
	h.against.Selected = againstCurrent // no callback while building
	h.restore = widget.NewButtonWithIcon("Restore this revision…", theme.HistoryIcon(), h.askRestore)
	h.restore.Disable()
	h.summary = widget.NewLabel("")
	h.summary.Wrapping = fyne.TextWrapWord
	h.diff = widget.NewRichText()
	h.diff.Wrapping = fyne.TextWrapWord

	compare := container.NewBorder(nil, nil, widget.NewLabel("Compare with"), nil, h.against)
	bottom := container.NewBorder(container.NewVBox(compare, h.summary), nil, nil, nil, container.NewVScroll(h.diff))
	top := container.NewBorder(h.info, h.restore, nil, nil, h.list)
	split := container.NewVSplit(top, bottom)
	split.Offset = 0.4

	h.tab = container.NewTabItemWithIcon("History", theme.HistoryIcon(), split)
	h.side = container.NewAppTabs(container.NewTabItemWithIcon("Preview", theme.VisibilityIcon(), w.preview), h.tab)
	h.side.OnSelected = func(t *container.TabItem) {
		if t == h.tab && (h.stale || (w.article != nil && h.articleID != w.article.ID)) {
			h.load()
		}
	}
	return h
}

// ShowHistory brings the History tab to the front.
func (w *MainWindow) ShowHistory() {
	w.history.side.Select(w.history.tab)
}

func newHistoryRow() fyne.CanvasObject {
	top := widget.NewLabelWithStyle("Jan 21, 14:03:05 · status", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top.Truncation = fyne.TextTruncateEllipsis
	bottom := widget.NewLabel("812 words · +12 −3")
	bottom.SizeName = theme.SizeNameCaptionText
	bottom.Truncation = fyne.TextTruncateEllipsis
	return container.New(&rowLayout{}, top, bottom)
}

func (h *historyPanel) updateRow(o fyne.CanvasObject, i int) {
	r := h.rows[i]
	objs := o.(*fyne.Container).Objects
	objs[0].(*widget.Label).SetText(h.revisionLabel(i))
	words := "1 word"
	if r.rev.Words != 1 {
		words = formatThousands(r.rev.Words) + " words"
	}
	change := formatChange(r.added, r.removed)
	if !r.exact {
		change = "≈ " + change
	}
	line := words + " · " + change
	who := strings.TrimSpace(r.rev.Author)
	if d := strings.TrimSpace(r.rev.Device); d != "" {
		who = strings.TrimSpace(who + " @ " + d)
	}
	if who != "" {
		line += " · " + who
	}
	if r.rev.Note != "" {
		line += " · " + r.rev.Note
	}
	objs[1].(*widget.Label).SetText(line)
}

// revisionLabel names a revision: "Jan 21, 14:03:05 · edit".
func (h *historyPanel) revisionLabel(i int) string {
	r := h.rows[i].rev
	label := h.formatTime(r.Created) + " · " + string(r.Kind)
	switch {
	case r.Conflict:
		// A save based on an older revision, kept beside the head: a
		// branch of the history that a person resolves (conflict.go).
		label += " · conflict"
	case h.headRow() == i:
		label += " (newest)"
	}
	return label
}

// headRow is the row of the draft's current text: the newest revision that
// is not a conflicting one. -1 when there is none.
func (h *historyPanel) headRow() int {
	for i, r := range h.rows {
		if !r.rev.Conflict {
			return i
		}
	}
	return -1
}

func (h *historyPanel) formatTime(t time.Time) string {
	now := h.env.clock.Now()
	t = t.In(now.Location())
	if t.Year() == now.Year() {
		return t.Format("Jan 2, 15:04:05")
	}
	return t.Format("Jan 2, 2006, 15:04:05")
}

// refresh reloads the revisions after the open draft changed, now if the
// tab is showing and otherwise when it is next shown.
func (h *historyPanel) refresh() {
	if h.env.current() == nil {
		h.gen++
		h.rows, h.sel, h.articleID = nil, -1, ""
		h.list.UnselectAll()
		h.list.Refresh()
		h.info.SetText("No draft is open.")
		h.restore.Disable()
		h.setDiff(nil, "")
		return
	}
	if h.side.Selected() != h.tab {
		h.stale = true
		return
	}
	h.load()
}

// load reads the open draft's revisions on a worker, with the texts of
// the newest historyTextLimit, and counts each one's change.
func (h *historyPanel) load() {
	if h.env.current() == nil {
		h.refresh()
		return
	}
	h.stale = false
	id := h.env.current().ID
	h.gen++
	gen := h.gen
	store := h.env.store
	// Revisions never change, except that autosave may coalesce into the
	// newest one: reuse the texts read before, but the newest's.
	known := map[string]historyRow{}
	if h.articleID == id {
		for i := 1; i < len(h.rows); i++ {
			if h.rows[i].loaded {
				known[h.rows[i].rev.ID] = h.rows[i]
			}
		}
	}
	h.env.run(func() func() {
		ctx := context.Background()
		revs, err := store.Revisions(ctx, id)
		rows := make([]historyRow, len(revs))
		for i := range revs {
			rows[i].rev = revs[i]
			if old, ok := known[revs[i].ID]; ok && i > 0 {
				rows[i].text, rows[i].marks, rows[i].loaded = old.text, old.marks, true
				continue
			}
			if err == nil && i < historyTextLimit {
				var full *editor.Revision
				if full, err = store.Revision(ctx, revs[i].ID); err == nil && full.Article != nil {
					rows[i].text, rows[i].marks = historyTexts(full.Article)
					rows[i].loaded = true
				}
			}
		}
		if err == nil {
			countChanges(rows, h.changes)
		}
		return func() {
			if gen != h.gen {
				return
			}
			if err != nil {
				h.info.SetText("Could not read the history: " + editor.ErrorMessage(err))
				return
			}
			h.show(id, rows)
		}
	})
}

// countChanges sets each row's change against the revision before it,
// taking the changes counted before from cache.
func countChanges(rows []historyRow, cache *changeCache) {
	for i := range rows {
		r := &rows[i]
		switch {
		case i == len(rows)-1:
			r.added, r.removed, r.exact = r.rev.Words, 0, true
		case r.loaded && rows[i+1].loaded:
			key := changeKey{older: rows[i+1].rev.ID, newer: r.rev.ID}
			if i == 0 {
				key.newerText = maphash.String(textSeed, r.text)
			}
			r.added, r.removed = cache.change(key, rows[i+1].text, r.text)
			r.exact = true
		default:
			d := r.rev.Words - rows[i+1].rev.Words
			r.added, r.removed = max(d, 0), max(-d, 0)
		}
	}
}

// show puts freshly read rows in the panel, keeping the picked revision.
func (h *historyPanel) show(id string, rows []historyRow) {
	var keep string
	if h.articleID == id && h.sel >= 0 && h.sel < len(h.rows) {
		keep = h.rows[h.sel].rev.ID
	}
	h.articleID, h.rows, h.sel = id, rows, -1
	for i := range rows {
		if rows[i].rev.ID == keep {
			h.sel = i
		}
	}
	n := len(rows)
	switch n {
	case 1:
		h.info.SetText("1 revision")
	default:
		h.info.SetText(formatThousands(n) + " revisions, newest first")
	}
	opts := []string{againstCurrent, againstPrevious}
	h.againstRow = map[string]int{}
	for i := range rows {
		label := "revision of " + h.revisionLabel(i)
		h.againstRow[label] = i
		opts = append(opts, label)
	}
	h.programmatic = true
	h.against.Options = opts
	if _, ok := h.againstRow[h.against.Selected]; !ok && h.against.Selected != againstPrevious {
		h.against.SetSelected(againstCurrent)
	}
	h.against.Refresh()
	h.list.Refresh()
	if h.sel >= 0 {
		h.list.Select(h.sel)
	} else {
		h.list.UnselectAll()
	}
	h.programmatic = false
	h.restore.Disable()
	if h.sel > 0 {
		h.restore.Enable()
	}
	h.showDiff()
}

// pick shows the diff of row i.
func (h *historyPanel) pick(i int) {
	if i < 0 || i >= len(h.rows) {
		return
	}
	h.sel = i
	if i > 0 {
		h.restore.Enable()
	} else {
		h.restore.Disable() // the newest revision is the text already
	}
	h.showDiff()
}

// showDiff compares the picked revision with what the against select
// names, on a worker, and shows the word diff.
func (h *historyPanel) showDiff() {
	if h.sel < 0 || h.sel >= len(h.rows) {
		h.setDiff(nil, "Pick a revision to see what changed.")
		return
	}
	sel := h.sel
	older, newer := sel, -1 // row indices; -1 is the current text
	label := h.against.Selected
	switch label {
	case againstCurrent:
	case againstPrevious:
		older, newer = sel+1, sel
	default:
		j, ok := h.againstRow[label]
		if !ok {
			return
		}
		older, newer = max(sel, j), min(sel, j)
	}
	current, currentMarks := "", ""
	if a := h.env.current(); a != nil {
		current, currentMarks = historyTexts(a)
	}
	name := func(i int) string {
		if i < 0 {
			return againstCurrent
		}
		if i >= len(h.rows) {
			return "nothing (the first revision)"
		}
		return "the revision of " + h.revisionLabel(i)
	}
	title := "From " + name(older) + " to " + name(newer)
	revs := make([]historyRow, len(h.rows))
	copy(revs, h.rows)
	h.diffGen++
	gen, rowsGen := h.diffGen, h.gen
	store := h.env.store
	h.env.run(func() func() {
		text := func(i int) (string, string, error) {
			if i < 0 {
				return current, currentMarks, nil
			}
			if i >= len(revs) {
				return "", "", nil
			}
			if revs[i].loaded {
				return revs[i].text, revs[i].marks, nil
			}
			full, err := store.Revision(context.Background(), revs[i].rev.ID)
			if err != nil {
				return "", "", err
			}
			revs[i].text, revs[i].marks = historyTexts(full.Article)
			revs[i].loaded = true
			return revs[i].text, revs[i].marks, nil
		}
		oldText, oldMarks, err := text(older)
		newText, newMarks, err2 := text(newer)
		if err == nil {
			err = err2
		}
		var spans []diffSpan
		if err == nil {
			spans = wordDiff(oldText, newText)
		}
		return func() {
			if gen != h.diffGen {
				return
			}
			if err != nil {
				h.setDiff(nil, "Could not read the revision: "+editor.ErrorMessage(err))
				return
			}
			if rowsGen == h.gen {
				h.rows = revs // keep the texts read meanwhile
			}
			added, removed := spanChange(spans)
			sum := title + ": " + formatChange(added, removed) + " words."
			switch {
			case added == 0 && removed == 0 && oldMarks != newMarks:
				sum = title + ": no change in the text readers get; only suggestions or comments changed (Review tab)."
			case added == 0 && removed == 0:
				sum = title + ": no change in the text."
			}
			h.setDiff(spans, sum)
		}
	})
}

// setDiff shows spans under the summary line.
func (h *historyPanel) setDiff(spans []diffSpan, summary string) {
	h.summary.SetText(summary)
	h.diff.Segments = diffSegments(spans)
	h.diff.Refresh()
}

// The styles of a word diff: insertions green and underlined, deletions
// red and struck through in spirit (italic, since Fyne has no
// strikethrough).
var (
	diffInsertStyle = widget.RichTextStyle{Inline: true, ColorName: theme.ColorNameSuccess, TextStyle: fyne.TextStyle{Underline: true}}
	diffDeleteStyle = widget.RichTextStyle{Inline: true, ColorName: theme.ColorNameError, TextStyle: fyne.TextStyle{Italic: true}}
	diffEqualStyle  = widget.RichTextStyle{Inline: true}
)

// diffSegments turns a word diff into rich text, shortening long runs of
// unchanged text.
func diffSegments(spans []diffSpan) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	for i, s := range spans {
		switch s.Op {
		case diffInsert:
			segs = append(segs, &widget.TextSegment{Style: diffInsertStyle, Text: s.Text})
		case diffDelete:
			segs = append(segs, &widget.TextSegment{Style: diffDeleteStyle, Text: s.Text})
		default:
			segs = append(segs, &widget.TextSegment{Style: diffEqualStyle, Text: shortenEqual(s.Text, i > 0, i < len(spans)-1)})
		}
	}
	return segs
}

// shortenEqual keeps equalContext words of unchanged text next to the
// changes before and after it and puts "…" for the rest.
func shortenEqual(s string, before, after bool) string {
	toks := tokenizeWords(s)
	words := 0
	for _, t := range toks {
		if isWord(t) {
			words++
		}
	}
	keep := 0
	if before {
		keep += equalContext
	}
	if after {
		keep += equalContext
	}
	if words <= keep+equalContext {
		return s
	}
	// Cut at word boundaries: the first and the last equalContext words.
	cut := func(n int, fromEnd bool) string {
		seen := 0
		if !fromEnd {
			for i, t := range toks {
				if isWord(t) {
					seen++
				}
				if seen > n {
					return strings.Join(toks[:i], "")
				}
			}
			return s
		}
		for i := len(toks) - 1; i >= 0; i-- {
			if isWord(toks[i]) {
				seen++
			}
			if seen > n {
				// Start at the next word or line, not at the punctuation
				// that ends the sentence before.
				j := i + 1
				for j < len(toks) && !isWord(toks[j]) {
					j++
					if strings.Contains(toks[j-1], "\n") {
						break
					}
				}
				return strings.Join(toks[j:], "")
			}
		}
		return s
	}
	var head, tail string
	if before {
		head = cut(equalContext, false)
	}
	if after {
		tail = cut(equalContext, true)
	}
	return head + " … " + tail
}

// historyTexts is what the history compares of a draft: the text readers
// get (comparedText; the raw CriticMarkup of suggestions and comments
// would show as words added), and the body with its marks when it has
// any.
func historyTexts(a *editor.Article) (text, marks string) {
	if a == nil {
		return "", ""
	}
	if editor.HasMarks(a.Body) {
		marks = a.Body
	}
	return comparedText(a), marks
}

// articleText is headline, deck and body, one after the other.
func articleText(a *editor.Article) string {
	if a == nil {
		return ""
	}
	var parts []string
	for _, p := range []string{a.Headline, a.Deck} {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	parts = append(parts, a.Body)
	return strings.Join(parts, "\n\n")
}

// askRestore asks before restoring the picked revision.
func (h *historyPanel) askRestore() {
	if h.sel <= 0 || h.sel >= len(h.rows) {
		return
	}
	rev := h.rows[h.sel].rev
	d := dialog.NewConfirm("Restore this revision?",
		"The text of "+h.formatTime(rev.Created)+" becomes the newest revision.\nThe current text stays in the history, so nothing is lost.",
		func(ok bool) {
			if ok {
				h.restoreRevision(rev.ArticleID, rev.ID)
			}
		}, h.env.parent)
	d.SetConfirmText("Restore")
	d.SetDismissText("Cancel")
	d.Show()
}

// RestoreRevision saves the open draft, makes the revision with this ID its
// newest through the store's Restore, and reloads the form.
func (w *MainWindow) RestoreRevision(articleID, revisionID string) {
	w.save(func(saved bool) {
		if !saved {
			return
		}
		w.goJob(func() func() {
			ctx := context.Background()
			_, err := w.store.Restore(ctx, revisionID)
			var a *editor.Article
			if err == nil {
				a, err = w.store.Get(ctx, articleID)
			}
			return func() {
				if err != nil {
					w.showError("Could not restore the revision", err)
					return
				}
				if w.article != nil && w.article.ID == articleID && !w.saver.dirty && !w.saver.inFlight {
					w.setArticle(a, editor.NewID())
				}
				w.library.upsert(summaryOf(a))
				w.history.refresh()
				w.setStatus("Restored an earlier revision of “"+articleHeadline(a)+"”; the text before it is in the history.", false)
			}
		})
	})
}
