package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// choice is one row of a chooser: its text and a hint shown at the right
// (a shortcut, a status, a date).
type choice struct {
	label, hint string
}

// chooser is a dialog that picks one of a list from the keyboard or the
// mouse: a filter field over the list; typing filters (every word must
// appear), Up and Down (and Page Up/Down) move, Enter or a click chooses,
// Escape closes. The command palette, Change Status and Pick from library
// use it.
type chooser struct {
	all []choice
	// shown are the indexes into all that the filter keeps.
	shown  []int
	query  *keyEntry
	list   *widget.List
	sel    int
	choose func(i int)
	// moving is set while the chooser itself moves the selection, so that
	// only a click chooses from OnSelected.
	moving bool
	dialog dialog.Dialog
}

// showChooser opens a chooser over win; choose gets the index into items
// of the row chosen, after the dialog has closed.
func showChooser(win fyne.Window, title, placeholder string, items []choice, choose func(i int)) *chooser {
	c := &chooser{all: items, choose: choose}
	c.filter("")
	c.query = newKeyEntry(c.key)
	c.query.SetPlaceHolder(placeholder)
	c.query.OnChanged = func(q string) {
		c.filter(q)
		c.list.UnselectAll()
		c.list.Refresh()
		c.list.ScrollToTop()
		c.selectRow(0)
	}
	c.list = widget.NewList(func() int { return len(c.shown) },
		func() fyne.CanvasObject {
			hint := widget.NewLabel("")
			hint.Importance = widget.LowImportance
			return container.NewBorder(nil, nil, nil, hint, widget.NewLabel(""))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			it := c.all[c.shown[i]]
			row.Objects[0].(*widget.Label).SetText(it.label)
			row.Objects[1].(*widget.Label).SetText(it.hint)
		})
	c.list.OnSelected = func(i widget.ListItemID) {
		c.sel = i
		if !c.moving {
			c.chooseSelected() // a click chooses, as Enter does
		}
	}
	c.selectRow(0)
	content := container.NewBorder(c.query, nil, nil, nil, container.New(layout.NewGridWrapLayout(fyne.NewSize(560, 360)), c.list))
	c.dialog = dialog.NewCustomWithoutButtons(title, content, win)
	c.dialog.Show()
	win.Canvas().Focus(c.query)
	return c
}

// filter keeps the rows whose label holds every word of q, in any case
// and order.
func (c *chooser) filter(q string) {
	words := strings.Fields(strings.ToLower(q))
	c.shown = c.shown[:0]
next:
	for i, it := range c.all {
		l := strings.ToLower(it.label)
		for _, w := range words {
			if !strings.Contains(l, w) {
				continue next
			}
		}
		c.shown = append(c.shown, i)
	}
}

// key handles the chooser's keys; see keyEntry.
func (c *chooser) key(name fyne.KeyName) bool {
	switch name {
	case fyne.KeyEscape:
		c.dialog.Hide()
	case fyne.KeyUp:
		c.move(-1)
	case fyne.KeyDown:
		c.move(1)
	case fyne.KeyPageUp:
		c.move(-10)
	case fyne.KeyPageDown:
		c.move(10)
	case fyne.KeyReturn, fyne.KeyEnter:
		c.chooseSelected()
	default:
		return false
	}
	return true
}

// move moves the selection by n rows, within the list.
func (c *chooser) move(n int) {
	if len(c.shown) == 0 {
		return
	}
	c.selectRow(min(max(c.sel+n, 0), len(c.shown)-1))
}

// selectRow highlights row i without choosing it.
func (c *chooser) selectRow(i int) {
	c.sel = i
	if c.list == nil || i < 0 || i >= len(c.shown) {
		return
	}
	c.moving = true
	c.list.Select(i)
	c.moving = false
}

// shownLabels are the labels of the rows the filter keeps.
func (c *chooser) shownLabels() []string {
	out := make([]string, len(c.shown))
	for i, j := range c.shown {
		out[i] = c.all[j].label
	}
	return out
}

// chooseSelected closes the dialog and hands on the selected row.
func (c *chooser) chooseSelected() {
	if c.sel < 0 || c.sel >= len(c.shown) {
		return
	}
	i := c.shown[c.sel]
	c.dialog.Hide()
	c.choose(i)
}
