package textedit

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// FindBar is the find and replace bar of an Editor: Ctrl+F opens it for
// finding, Ctrl+H with the replace row. Matches are shown through the
// editor's decorations; replace-all is one undo step.
type FindBar struct {
	widget.BaseWidget

	e                           *Editor
	find, repl                  *widget.Entry
	matchCase, wholeWord, regex *widget.Check
	count                       *widget.Label
	replRow                     *fyne.Container
	content                     fyne.CanvasObject

	finder  *Finder
	matches []Range
	cur     int
}

// NewFindBar returns a hidden find bar for e and hooks e's Ctrl+F and
// Ctrl+H to it.
func NewFindBar(e *Editor) *FindBar {
	b := &FindBar{e: e}
	b.find = widget.NewEntry()
	b.find.SetPlaceHolder("Find")
	b.find.OnChanged = func(string) { b.search(true) }
	b.find.OnSubmitted = func(string) { b.Next() }
	b.repl = widget.NewEntry()
	b.repl.SetPlaceHolder("Replace with")
	b.repl.OnSubmitted = func(string) { b.ReplaceOne() }
	opt := func(label string) *widget.Check {
		return widget.NewCheck(label, func(bool) { b.search(true) })
	}
	b.matchCase, b.wholeWord, b.regex = opt("Match case"), opt("Whole word"), opt("Regexp")
	b.count = widget.NewLabel("")
	prev := widget.NewButtonWithIcon("", theme.MoveUpIcon(), b.Previous)
	next := widget.NewButtonWithIcon("", theme.MoveDownIcon(), b.Next)
	closeB := widget.NewButtonWithIcon("", theme.CancelIcon(), b.Close)
	findRow := container.NewBorder(nil, nil, nil,
		container.NewHBox(b.count, b.matchCase, b.wholeWord, b.regex, prev, next, closeB), b.find)
	b.replRow = container.NewBorder(nil, nil, nil,
		container.NewHBox(widget.NewButton("Replace", b.ReplaceOne), widget.NewButton("Replace all", b.ReplaceAll)), b.repl)
	b.content = container.NewVBox(findRow, b.replRow)
	e.OnFind = b.Open
	b.ExtendBaseWidget(b)
	b.Hide()
	return b
}

// CreateRenderer implements fyne.Widget.
func (b *FindBar) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(b.content)
}

// Open shows the bar (with the replace row when replace is set), takes a
// one-line selection as the query and focuses the query.
func (b *FindBar) Open(replace bool) {
	if replace {
		b.replRow.Show()
	} else {
		b.replRow.Hide()
	}
	if sel := b.e.m.Selection().Range(); !sel.Empty() && sel.From.Para == sel.To.Para {
		b.find.SetText(b.e.m.Slice(sel))
	}
	b.Show()
	b.e.findHook = func() { b.search(false) }
	b.search(false)
	if c := fyne.CurrentApp().Driver().CanvasForObject(b.find); c != nil {
		c.Focus(b.find)
	}
	b.Refresh()
}

// Close hides the bar, clears the matches and gives the focus back.
func (b *FindBar) Close() {
	b.Hide()
	b.e.findHook = nil
	b.matches, b.finder = nil, nil
	b.e.SetDecorations(KindSearchMatch, nil)
	b.e.SetDecorations(KindSearchCurrent, nil)
	if c := fyne.CurrentApp().Driver().CanvasForObject(b.e); c != nil {
		c.Focus(b.e)
	}
}

// Options returns the bar's find options.
func (b *FindBar) Options() FindOptions {
	return FindOptions{MatchCase: b.matchCase.Checked, WholeWord: b.wholeWord.Checked, Regexp: b.regex.Checked}
}

// Count returns the bar's count line: "3 of 17", "No matches" or why the
// query is wrong.
func (b *FindBar) Count() string { return b.count.Text }

// search finds every match again; jump selects the first match at or
// after the caret (as typing a query does).
func (b *FindBar) search(jump bool) {
	b.matches, b.finder = nil, nil
	if b.find.Text != "" {
		f, err := NewFinder(b.find.Text, b.Options())
		if err != nil {
			b.count.SetText(err.Error())
			b.show()
			return
		}
		b.finder = f
		b.matches = b.e.m.FindAll(f)
	}
	b.cur = 0
	from := b.e.m.Selection().Range().From
	for i, r := range b.matches {
		if !r.From.Less(from) {
			b.cur = i
			break
		}
		b.cur = (i + 1) % len(b.matches)
	}
	if jump && len(b.matches) > 0 {
		b.e.Select(b.matches[b.cur])
	}
	b.show()
}

// show updates the decorations and the count.
func (b *FindBar) show() {
	b.e.m.SetDecorations(KindSearchMatch, b.matches)
	var cur []Range
	switch {
	case b.find.Text == "":
		b.count.SetText("")
	case b.finder == nil:
		// the error is in the count already
	case len(b.matches) == 0:
		b.count.SetText("No matches")
	default:
		cur = b.matches[b.cur : b.cur+1]
		b.count.SetText(fmt.Sprintf("%d of %d", b.cur+1, len(b.matches)))
	}
	b.e.m.SetDecorations(KindSearchCurrent, cur)
	b.e.Refresh()
}

// step moves to the next (+1) or previous (-1) match, wrapping around.
func (b *FindBar) step(d int) {
	if len(b.matches) == 0 {
		return
	}
	sel := b.e.m.Selection().Range()
	if b.cur < len(b.matches) && b.matches[b.cur] == sel {
		b.cur = (b.cur + d + len(b.matches)) % len(b.matches)
	}
	b.e.Select(b.matches[b.cur])
	b.show()
}

// Next selects the next match.
func (b *FindBar) Next() { b.step(1) }

// Previous selects the previous match.
func (b *FindBar) Previous() { b.step(-1) }

// ReplaceOne replaces the current match (when it is selected) and goes on
// to the next one.
func (b *FindBar) ReplaceOne() {
	if b.finder == nil || len(b.matches) == 0 || b.e.disabled {
		return
	}
	r := b.matches[b.cur]
	if b.e.m.Selection().Range() != r {
		b.e.Select(r) // the first press shows what would be replaced
		b.show()
		return
	}
	if b.e.m.ReplaceMatch(b.finder, r, b.repl.Text) {
		end := b.e.m.Selection().Caret
		b.e.m.SetCaret(end, false)
		b.e.edited()
		b.search(false)
		if len(b.matches) > 0 {
			b.e.Select(b.matches[b.cur])
			b.show()
		}
	}
}

// ReplaceAll replaces every match as one undo step.
func (b *FindBar) ReplaceAll() {
	if b.finder == nil || b.e.disabled {
		return
	}
	n := b.e.m.ReplaceAll(b.finder, b.repl.Text)
	if n > 0 {
		b.e.edited()
	}
	b.search(false)
	b.count.SetText(fmt.Sprintf("Replaced %d", n))
}
