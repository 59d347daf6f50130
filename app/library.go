package app

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/editor"
)

// libraryPane is the left column: a virtualised list of the library's
// drafts, newest first, and the "New article" action.
type libraryPane struct {
	items  []editor.Summary
	list   *libraryList
	newBtn *widget.Button
	count  *widget.Label
	object fyne.CanvasObject
	// totalCount is the number of drafts in the library, which may be more
	// than the rows loaded.
	totalCount int

	// selectedID is the draft shown in the form, "" for none.
	selectedID string
	// programmatic is set while the pane itself changes the selection, so
	// that onSelect only sees the user's choices.
	programmatic bool
	// onSelect is called when the user picks a row.
	onSelect func(id string)
	// now is the time updated stamps are shown relative to.
	now func() time.Time
	// browser pages, searches and filters the list; see search.go. Every
	// pane has one (attachBrowser).
	browser *libraryBrowser
}

func newLibraryPane(onNew func(), onSelect func(id string), now func() time.Time) *libraryPane {
	l := &libraryPane{onSelect: onSelect, now: now}
	l.list = newLibraryList(
		l.length,
		newLibraryRow,
		l.updateRow,
	)
	l.list.OnSelected = func(i widget.ListItemID) {
		s, ok := l.row(i)
		if l.programmatic || !ok {
			return
		}
		id := s.ID
		if id == l.selectedID {
			return
		}
		l.onSelect(id)
	}
	l.newBtn = widget.NewButtonWithIcon("New article", theme.ContentAddIcon(), onNew)
	l.newBtn.Importance = widget.HighImportance
	l.count = widget.NewLabel("")
	l.count.Importance = widget.LowImportance
	l.object = container.NewBorder(
		container.NewVBox(l.newBtn),
		l.count, nil, nil,
		l.list,
	)
	return l
}

// newLibraryRow is the list's row template: headline and status on top,
// byline and updated time below.
func newLibraryRow() fyne.CanvasObject {
	headline := newClampLabel(2, fyne.TextStyle{Bold: true}) // whole headlines, on two lines
	status := widget.NewLabel("status")
	status.Importance = widget.LowImportance
	byline := widget.NewLabel("byline")
	byline.Truncation = fyne.TextTruncateEllipsis
	byline.SizeName = theme.SizeNameCaptionText
	updated := widget.NewLabel("updated")
	updated.SizeName = theme.SizeNameCaptionText
	updated.Importance = widget.LowImportance
	return container.New(&rowLayout{},
		container.NewBorder(nil, nil, nil, status, headline),
		container.NewStack(container.NewBorder(nil, nil, nil, updated, byline), newSnippetText()),
	)
}

func updateLibraryRow(o fyne.CanvasObject, s editor.Summary, now time.Time) {
	rows := o.(*fyne.Container).Objects
	top := rows[0].(*fyne.Container).Objects
	line := rows[1].(*fyne.Container).Objects
	bottom := line[0].(*fyne.Container).Objects
	// Border puts the center object first, then the trailing one.
	top[0].(*clampLabel).SetText(summaryHeadline(s))
	top[1].(*widget.Label).SetText(string(s.Status))
	by := editor.FormatByline(editor.Byline{Authors: s.Authors})
	if by == "" {
		by = "no byline"
	}
	bottom[0].(*widget.Label).SetText(by)
	bottom[1].(*widget.Label).SetText(formatUpdated(s.Updated, now))
	showSnippet(line, s)
}

// summaryHeadline is the headline shown for a draft, or its slug while it
// has none.
func summaryHeadline(s editor.Summary) string {
	if h := strings.TrimSpace(s.Headline); h != "" {
		return h
	}
	return "(untitled) " + s.Slug
}

// articleHeadline is summaryHeadline for an article, without building its
// whole summary (which counts the body's words).
func articleHeadline(a *editor.Article) string {
	return summaryHeadline(editor.Summary{Headline: a.Headline, Slug: a.Slug})
}

// formatUpdated shows today's times as "14:03", this year's dates as
// "Jan 21" and older ones with the year, in now's time zone.
func formatUpdated(t, now time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(now.Location())
	switch {
	case t.YearDay() == now.YearDay() && t.Year() == now.Year():
		return t.Format("15:04")
	case t.Year() == now.Year():
		return t.Format("Jan 2")
	}
	return t.Format("Jan 2, 2006")
}

// setItems replaces the whole list.
func (l *libraryPane) setItems(items []editor.Summary, total int) {
	l.items = items
	l.list.Refresh()
	l.setCount(total)
	l.reselect()
}

func (l *libraryPane) setCount(total int) {
	if total < len(l.items) {
		total = len(l.items)
	}
	l.totalCount = total
	l.browser.showCount(total)
}

// upsert takes a just-saved draft's row; the browser knows where it goes.
func (l *libraryPane) upsert(s editor.Summary) { l.browser.upsert(s) }

// selectID marks the draft shown in the form.
func (l *libraryPane) selectID(id string) {
	l.selectedID = id
	l.reselect()
}

// reselect moves the list's selection to selectedID's row after the rows
// moved, without reporting it as a user choice.
func (l *libraryPane) reselect() {
	l.programmatic = true
	defer func() { l.programmatic = false }()
	if i := l.indexOf(l.selectedID); i >= 0 && l.selectedID != "" {
		l.list.Select(i)
		return
	}
	l.list.UnselectAll()
}

// indexOf returns the row of the draft with this ID, or -1.
func (l *libraryPane) indexOf(id string) int {
	for i := range l.items {
		if l.items[i].ID == id {
			return i
		}
	}
	return l.browser.indexOf(id)
}

// formatThousands writes n with comma separators: 1,284.
func formatThousands(n int) string {
	digits := strconv.Itoa(n)
	sign := ""
	if n < 0 {
		sign, digits = "-", digits[1:]
	}
	var b strings.Builder
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(d)
	}
	return sign + b.String()
}

// summaryOf is the library row of an article (editor.SummaryOf).
func summaryOf(a *editor.Article) editor.Summary { return editor.SummaryOf(a) }

// rowLayout stacks the two lines of a library row with no padding
// between them, so rows stay compact.
type rowLayout struct{}

func (*rowLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objects {
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height
	}
	s.Height -= theme.Padding() * float32(len(objects)-1)
	return s
}

func (*rowLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for i, o := range objects {
		h := o.MinSize().Height
		if i > 0 {
			y -= theme.Padding()
		}
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h
	}
}
