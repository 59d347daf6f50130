package app

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/app/rows"
	"github.com/dateline-news/dateline/editor"
)

// libraryPageRows is how many summaries one fetch of the library list
// loads. The list never holds the whole library: it asks the store for
// the count, shows the first page, and fetches further pages by offset as
// the list scrolls to them.
const libraryPageRows = 200

// libraryCachedPages bounds how many pages past the first stay in memory.
const libraryCachedPages = 8

// searchDelay is how long typing in the search box must pause before the
// search runs.
const searchDelay = 250 * time.Millisecond

// The choices of the library's selects.
const (
	allStatuses   = "All statuses"
	modeLibrary   = "Library"
	modeTrash     = "Trash"
	sortUpdated   = "Updated"
	sortCreated   = "Created"
	sortHeadline  = "Headline"
	sortRelevance = "Relevance"
)

// sortOrders maps the sort select's labels to the store's orders.
var sortOrders = map[string]editor.SortOrder{
	sortUpdated:   editor.SortUpdated,
	sortCreated:   editor.SortCreated,
	sortHeadline:  editor.SortHeadline,
	sortRelevance: editor.SortRelevance,
}

// libraryBrowser is the search, filters, paging and Trash view of the
// library pane. It owns which drafts the pane's list shows: the pane's
// items are the first page of the current query and the browser keeps the
// pages after it.
type libraryBrowser struct {
	env  panelEnv
	pane *libraryPane

	search               *widget.Entry
	status, sort         *widget.Select
	author, tag          *widget.Entry
	from, to             *widget.Entry
	mode                 *widget.RadioGroup
	filters              *widget.Accordion
	trashBar             *fyne.Container
	restoreBtn, emptyBtn *widget.Button
	undoBar              *fyne.Container
	undoLabel            *widget.Label
	undoBtn              *widget.Button

	// opt is the query whose rows the list shows, without Limit and Offset.
	opt editor.ListOptions
	// gen counts queries; only the newest one's results are shown.
	gen uint64
	// filed is how many drafts of the query are filed, -1 when the count
	// line leaves it out; filedFor is the gen it was counted for.
	filed, filedFor int64
	// sortTouched is set once the user chose an order, so that searching
	// no longer switches it to relevance by itself.
	sortTouched bool

	// pages holds the fetched pages of rows past the pane's items.
	pages *rows.Pager

	// filedToMe is the "Filed to me" filter (assign.go); me is the
	// library's newsroom user it filters by, read when it is switched on.
	filedToMe *filedToMeFilter

	searchDebounce debounce

	// trashSel is the draft picked in the Trash view.
	trashSel string
	// undo takes back the last move to Trash; nil when there is none.
	undo func()
}

// attachBrowser puts the search and filter controls above the pane's list
// and makes the list paged. It must run before the pane's object is laid
// out in the window.
func (w *MainWindow) attachBrowser() *libraryBrowser {
	l := w.library
	b := &libraryBrowser{env: w.panelEnv(), pane: l, filed: -1, filedFor: -1,
		pages: rows.New(libraryPageRows, libraryCachedPages)}
	l.browser = b

	b.search = widget.NewEntry()
	b.search.SetPlaceHolder(`Search: words, "a phrase", -not`)
	b.search.ActionItem = widget.NewButtonWithIcon("", theme.ContentClearIcon(), func() { b.search.SetText("") })
	b.search.OnChanged = func(string) { b.scheduleSearch() }
	b.search.OnSubmitted = func(string) { b.reloadNow() }

	statuses := []string{allStatuses}
	for _, s := range editor.Statuses {
		statuses = append(statuses, string(s))
	}
	b.status = widget.NewSelect(statuses, func(string) { b.reloadNow() })
	b.status.Selected = allStatuses // no callback while building
	b.sort = widget.NewSelect([]string{sortUpdated, sortCreated, sortHeadline, sortRelevance}, func(string) {
		b.sortTouched = true
		b.reloadNow()
	})
	b.sort.Selected = sortUpdated
	b.author = b.filterEntry("Author")
	b.tag = b.filterEntry("Tag")
	b.from = b.filterEntry("From date")
	b.to = b.filterEntry("To date")
	for _, e := range []*widget.Entry{b.from, b.to} {
		e.Validator = func(s string) error {
			_, err := editor.ParseFilterDay(s, "date")
			return err
		}
	}
	b.filedToMe = newFiledToMeFilter(b, w.opt.Colleagues) // assign.go
	grid := container.NewGridWithColumns(2, b.status, b.sort, b.author, b.tag, b.from, b.to, b.filedToMe.check)
	b.filters = widget.NewAccordion(widget.NewAccordionItem("Filters and order", grid))

	b.mode = widget.NewRadioGroup([]string{modeLibrary, modeTrash}, func(string) {
		b.trashSel = ""
		b.showTrashBar()
		b.reloadNow()
	})
	b.mode.Horizontal = true
	b.mode.Required = true
	b.mode.Selected = modeLibrary

	b.restoreBtn = widget.NewButtonWithIcon("Restore", theme.ContentUndoIcon(), func() { w.RestoreFromTrash(b.trashSel) })
	b.emptyBtn = widget.NewButtonWithIcon("Empty Trash…", theme.DeleteIcon(), w.EmptyTrash)
	b.emptyBtn.Importance = widget.DangerImportance
	b.trashBar = container.NewGridWithColumns(2, b.restoreBtn, b.emptyBtn)
	b.showTrashBar()

	b.undoLabel = widget.NewLabel("")
	b.undoLabel.Truncation = fyne.TextTruncateEllipsis
	b.undoBtn = widget.NewButton("Undo", func() {
		if b.undo != nil {
			u := b.undo
			b.hideUndo()
			u()
		}
	})
	b.undoBar = container.NewBorder(nil, nil, nil, b.undoBtn, b.undoLabel)
	b.undoBar.Hide()

	// A pick in the Trash view marks the draft for Restore instead of
	// opening it in the form.
	open := l.onSelect
	l.onSelect = func(id string) {
		if b.opt.Trashed {
			b.trashSel = id
			b.showTrashBar()
			return
		}
		open(id)
	}
	picked := l.list.OnSelected
	l.list.OnSelected = func(i widget.ListItemID) {
		l.list.sel = i
		picked(i)
	}
	l.list.OnUnselected = func(i widget.ListItemID) {
		if l.list.sel == i {
			l.list.sel = -1
		}
	}
	l.list.onDelete = func() {
		if !b.opt.Trashed {
			w.MoveToTrash()
		}
	}

	top := container.NewVBox(l.newBtn, b.mode, b.search, b.filters)
	bottom := container.NewVBox(b.trashBar, b.undoBar, l.count)
	l.object = container.NewBorder(top, bottom, nil, nil, l.list)
	return b
}

func (b *libraryBrowser) filterEntry(placeholder string) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder(placeholder)
	e.OnChanged = func(string) { b.scheduleSearch() }
	return e
}

// showTrashBar shows Restore and Empty Trash in the Trash view.
func (b *libraryBrowser) showTrashBar() {
	if b.trashBar == nil {
		return
	}
	if b.mode.Selected == modeTrash {
		b.trashBar.Show()
		b.pane.newBtn.Disable()
	} else {
		b.trashBar.Hide()
		b.pane.newBtn.Enable()
	}
	if b.trashSel == "" {
		b.restoreBtn.Disable()
	} else {
		b.restoreBtn.Enable()
	}
	b.relayout()
}

// relayout lays the pane out again after a bar under the list was shown
// or hidden.
func (b *libraryBrowser) relayout() {
	if o := b.pane.object; o != nil {
		o.Refresh()
	}
}

// options reads the controls into list options, or says what is wrong.
func (b *libraryBrowser) options() (editor.ListOptions, error) {
	opt := editor.ListOptions{
		Query:   b.search.Text,
		Author:  strings.TrimSpace(b.author.Text),
		Tag:     strings.TrimSpace(b.tag.Text),
		Trashed: b.mode.Selected == modeTrash,
		Sort:    sortOrders[b.sort.Selected],
	}
	if s := b.status.Selected; s != "" && s != allStatuses {
		opt.Statuses = []editor.Status{editor.Status(s)}
	}
	var err error
	if opt.UpdatedFrom, err = editor.ParseFilterDay(b.from.Text, "the From date"); err != nil {
		return opt, err
	}
	to, err := editor.ParseFilterDay(b.to.Text, "the To date")
	if err != nil {
		return opt, err
	}
	opt.UpdatedTo = editor.EndOfDay(to)
	if opt, err = b.filedToMe.apply(opt); err != nil {
		return opt, err
	}
	searching := strings.TrimSpace(opt.Query) != ""
	switch {
	case opt.Sort == editor.SortRelevance && !searching:
		opt.Sort = editor.SortUpdated // relevance needs a search
	case searching && !b.sortTouched:
		opt.Sort = editor.SortRelevance
	}
	return opt, nil
}

// showSort shows the order a query runs in, which is relevance for a
// search until the user picks another, without reporting a choice.
func (b *libraryBrowser) showSort(o editor.SortOrder) {
	for label, order := range sortOrders {
		if order == o && b.sort.Selected != label {
			b.sort.Selected = label
			b.sort.Refresh()
		}
	}
}

// isDefault reports whether the list shows the whole live library newest
// first, the order in which a just-saved draft goes to the top.
func (b *libraryBrowser) isDefault() bool {
	o := b.opt
	return !o.Trashed && !filtered(o) && (o.Sort == "" || o.Sort == editor.SortUpdated)
}

// filtered reports whether opt narrows the list by a search or a filter.
func filtered(opt editor.ListOptions) bool {
	return strings.TrimSpace(opt.Query) != "" || len(opt.Statuses) > 0 || opt.Author != "" || opt.Tag != "" ||
		!opt.UpdatedFrom.IsZero() || !opt.UpdatedTo.IsZero() || opt.AssignedTo != ""
}

// scheduleSearch restarts the search debounce.
func (b *libraryBrowser) scheduleSearch() {
	b.searchDebounce.schedule(b.env.clock, searchDelay, b.reloadNow)
}

// reloadNow runs the query the controls describe on a worker and shows its
// first page and counts, scrolled to the top. Of queries that overlap,
// only the newest shows.
func (b *libraryBrowser) reloadNow() { b.reload(true) }

// refresh runs the shown query again after the library changed under it
// (a move to Trash, a transition), leaving the list where it is scrolled.
func (b *libraryBrowser) refresh() { b.reload(false) }

func (b *libraryBrowser) reload(fromTop bool) {
	b.searchDebounce.stop()
	opt, err := b.options()
	if err != nil {
		b.pane.count.SetText(editor.ErrorMessage(err))
		return
	}
	b.showSort(opt.Sort)
	b.gen++
	gen := b.gen
	store := b.env.store
	b.env.run(func() func() {
		ctx := context.Background()
		total, err := store.Count(ctx, opt)
		var first []editor.Summary
		if err == nil {
			page := opt
			page.Limit = libraryPageRows
			first, err = store.List(ctx, page)
		}
		filed := int64(-1)
		if err == nil {
			filed, err = countFiled(ctx, store, opt)
		}
		return func() {
			if gen != b.gen {
				return // a newer query is running or shown
			}
			if err != nil {
				b.pane.count.SetText("Could not read the library: " + editor.ErrorMessage(err))
				return
			}
			b.opt = opt
			b.filed, b.filedFor = filed, int64(gen)
			if fromTop {
				b.clearPages()
			} else {
				b.refetchPages() // the old rows show until the new ones come
			}
			b.pane.setItems(first, total)
			if fromTop {
				b.pane.list.ScrollToTop()
			}
		}
	})
}

// countFiled counts the filed drafts among those opt selects, or returns
// -1 when the count line should not mention them.
func countFiled(ctx context.Context, store editor.Store, opt editor.ListOptions) (int64, error) {
	if opt.Trashed {
		return -1, nil
	}
	if len(opt.Statuses) > 0 {
		has := false
		for _, s := range opt.Statuses {
			has = has || s == editor.StatusFiled
		}
		if !has {
			return -1, nil
		}
	}
	opt.Statuses = []editor.Status{editor.StatusFiled}
	n, err := store.Count(ctx, opt)
	return int64(n), err
}

// showCount writes the count line: "1,284 drafts · 37 filed".
func (b *libraryBrowser) showCount(total int) {
	if b.filedFor != int64(b.gen) {
		b.countFiledLater()
	}
	b.pane.count.SetText(countLine(total, b.filed, b.opt))
}

// countLine is the text under the library list.
func countLine(total int, filed int64, opt editor.ListOptions) string {
	drafts := "1 draft"
	if total != 1 {
		drafts = formatThousands(total) + " drafts"
	}
	if opt.Trashed {
		if total == 0 {
			return "Trash is empty"
		}
		return drafts + " in Trash"
	}
	narrowed := filtered(opt)
	switch {
	case narrowed && total == 0:
		return "No drafts match"
	case narrowed && total == 1:
		drafts += " matches"
	case narrowed:
		drafts += " match"
	}
	if filed > 0 {
		drafts += " · " + formatThousands(int(filed)) + " filed"
	}
	return drafts
}

// countFiledLater counts the filed drafts of the shown query on a worker
// and rewrites the count line.
func (b *libraryBrowser) countFiledLater() {
	gen := b.gen
	b.filedFor = int64(gen)
	opt := b.opt
	store := b.env.store
	b.env.run(func() func() {
		n, err := countFiled(context.Background(), store, opt)
		return func() {
			if gen != b.gen || err != nil {
				return
			}
			b.filed = n
			b.pane.count.SetText(countLine(b.pane.totalCount, n, b.opt))
		}
	})
}

// clearPages forgets the fetched pages, whose rows may have moved.
func (b *libraryBrowser) clearPages() { b.pages.Clear() }

// row returns the i-th row of the list when it is fetched, and otherwise
// starts fetching its page and returns false.
func (b *libraryBrowser) row(i int) (editor.Summary, bool) {
	if i < 0 || i >= b.pane.totalCount {
		return editor.Summary{}, false
	}
	s, ok, page, need := b.pages.Row(i)
	if need {
		b.fetch(page)
	}
	return s, ok
}

// fetch loads page p of the shown query on a worker.
func (b *libraryBrowser) fetch(p int) {
	gen, offset, limit, ok := b.pages.Start(p)
	if !ok {
		return
	}
	opt := b.opt
	opt.Limit, opt.Offset = limit, offset
	store := b.env.store
	b.env.run(func() func() {
		rows, err := store.List(context.Background(), opt)
		return func() {
			if err != nil {
				rows = nil // shown as empty rather than fetched in a loop
			}
			if !b.pages.Done(p, gen, rows) {
				return // the rows moved meanwhile; visible rows ask again
			}
			if err != nil {
				b.pane.count.SetText("Could not read the library: " + editor.ErrorMessage(err))
			}
			b.pane.list.Refresh()
			if b.pane.selectedID != "" && b.pane.list.sel < 0 && !b.opt.Trashed {
				b.pane.reselect()
			}
		}
	})
}

// indexOf returns the row of the draft with this ID among the fetched
// pages, or -1.
func (b *libraryBrowser) indexOf(id string) int { return b.pages.IndexOf(id) }

// upsert takes a just-saved draft's row. In the default view the row
// moves to the top, where the store now lists it; in a search, filter,
// other order or Trash it is updated where it is.
func (b *libraryBrowser) upsert(s editor.Summary) {
	l := b.pane
	known := l.indexOf(s.ID) >= 0
	if !b.isDefault() && !known && !s.Created.IsZero() && s.Created.Equal(s.Updated) {
		// A draft just created: show the whole library, where it is on top.
		b.showAll()
		return
	}
	if !b.isDefault() {
		patch := func(rows []editor.Summary, base int) {
			for i := range rows {
				if rows[i].ID == s.ID {
					saved := s
					saved.Snippet = rows[i].Snippet
					rows[i] = saved
					l.list.RefreshItem(base + i)
				}
			}
		}
		patch(l.items, 0)
		for _, i := range b.pages.Patch(s) {
			l.list.RefreshItem(i)
		}
		return
	}
	onFirstPage := false
	for i := range l.items {
		if l.items[i].ID == s.ID {
			l.items = append(l.items[:i], l.items[i+1:]...)
			onFirstPage = true
			break
		}
	}
	l.items = append([]editor.Summary{s}, l.items...)
	if !onFirstPage {
		// Rows past the first page moved down by one; fetch them again and
		// show the old ones meanwhile, so the list does not blink. A row
		// that moves up within the first page (every autosave of the draft
		// on top) moves no row across a page.
		b.refetchPages()
	}
	if !known {
		// New, or further down than the rows fetched: count again.
		l.totalCount++
		b.recount()
	}
	l.list.Refresh()
	l.setCount(l.totalCount)
	l.reselect()
}

// showAll clears the search and the filters and shows the live library,
// newest first.
func (b *libraryBrowser) showAll() {
	b.search.SetText("")
	for _, e := range []*widget.Entry{b.author, b.tag, b.from, b.to} {
		e.SetText("")
	}
	b.status.Selected = allStatuses
	b.status.Refresh()
	b.filedToMe.clear()
	b.sortTouched = false
	b.sort.Selected = sortUpdated
	b.sort.Refresh()
	b.mode.Selected = modeLibrary
	b.mode.Refresh()
	b.trashSel = ""
	b.showTrashBar()
	b.reloadNow()
}

// refetchPages fetches the cached pages again, keeping their old rows on
// show until the new ones arrive.
func (b *libraryBrowser) refetchPages() {
	for _, p := range b.pages.Refetch() {
		b.fetch(p)
	}
}

// recount counts the shown query again on a worker and rewrites the
// count line and the list's length.
func (b *libraryBrowser) recount() {
	gen := b.gen
	opt := b.opt
	store := b.env.store
	b.env.run(func() func() {
		ctx := context.Background()
		n, err := store.Count(ctx, opt)
		filed := int64(-1)
		if err == nil {
			filed, err = countFiled(ctx, store, opt)
		}
		return func() {
			if gen != b.gen || err != nil {
				return
			}
			b.filed, b.filedFor = filed, int64(gen)
			if n < len(b.pane.items) {
				n = len(b.pane.items)
			}
			b.pane.totalCount = n
			b.pane.list.Refresh()
			b.pane.count.SetText(countLine(n, filed, b.opt))
		}
	})
}

// Summaries hold the matched terms between editor.SnippetOpen and
// editor.SnippetClose; snippetSegments turns them into bold segments.
func snippetSegments(snippet string) []widget.RichTextSegment {
	snippet = strings.Join(strings.Fields(snippet), " ")
	plain := widget.RichTextStyleInline
	plain.SizeName = theme.SizeNameCaptionText
	plain.ColorName = theme.ColorNamePlaceHolder
	bold := plain
	bold.ColorName = theme.ColorNameForeground
	bold.TextStyle = fyne.TextStyle{Bold: true}
	var segs []widget.RichTextSegment
	for snippet != "" {
		open := strings.Index(snippet, editor.SnippetOpen)
		if open < 0 {
			segs = append(segs, &widget.TextSegment{Style: plain, Text: snippet})
			break
		}
		if open > 0 {
			segs = append(segs, &widget.TextSegment{Style: plain, Text: snippet[:open]})
		}
		rest := snippet[open+len(editor.SnippetOpen):]
		end := strings.Index(rest, editor.SnippetClose)
		if end < 0 {
			end = len(rest)
		}
		if end > 0 {
			segs = append(segs, &widget.TextSegment{Style: bold, Text: rest[:end]})
		}
		snippet = strings.TrimPrefix(rest[end:], editor.SnippetClose)
	}
	return segs
}

// newSnippetText is the row's snippet line, hidden while not searching.
func newSnippetText() *widget.RichText {
	r := widget.NewRichText()
	r.Truncation = fyne.TextTruncateEllipsis
	r.Hide()
	return r
}

// showSnippet puts s's snippet in the row's second line instead of its
// byline, or the byline back when s has no snippet.
func showSnippet(line []fyne.CanvasObject, s editor.Summary) {
	byline, snip := line[0], line[1].(*widget.RichText)
	if s.Snippet == "" {
		snip.Hide()
		byline.Show()
		return
	}
	snip.Segments = snippetSegments(s.Snippet)
	snip.Refresh()
	snip.Show()
	byline.Hide()
}

// length is the list's row count: the count of the whole query, of which
// only some pages are fetched.
func (l *libraryPane) length() int {
	return max(l.totalCount, len(l.items))
}

// row returns the list's i-th draft, and false while its page is still
// being fetched.
func (l *libraryPane) row(i int) (editor.Summary, bool) {
	if i >= 0 && i < len(l.items) {
		return l.items[i], true
	}
	return l.browser.row(i)
}

// updateRow fills row o with the i-th draft, or a placeholder while its
// page loads.
func (l *libraryPane) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	s, ok := l.row(i)
	if !ok {
		s = editor.Summary{Headline: "Loading…", Authors: []string{"…"}}
	}
	updateLibraryRow(o, s, l.now())
}
