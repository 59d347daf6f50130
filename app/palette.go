package app

import (
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// The command palette (Ctrl+Shift+P) and the list of keyboard shortcuts
// (Help > Keyboard shortcuts) read the window's menu bar, so that every
// action has one home: the menu item that runs it, with its shortcut.

// command is one action of the menu bar.
type command struct {
	// menu is the menu it sits in, label its item's text.
	menu, label string
	// shortcut is the item's shortcut, nil for none.
	shortcut fyne.Shortcut
	run      func()
}

// title is how the palette names a command: "File › Export as HTML page".
func (c command) title() string {
	return c.menu + " › " + strings.TrimSuffix(c.label, "…")
}

// menuCommands lists every item of m that runs something, submenus
// included, in menu order.
func menuCommands(m *fyne.MainMenu) []command {
	var out []command
	var walk func(menu string, items []*fyne.MenuItem)
	walk = func(menu string, items []*fyne.MenuItem) {
		for _, it := range items {
			switch {
			case it.IsSeparator:
			case it.ChildMenu != nil:
				walk(menu+" › "+it.Label, it.ChildMenu.Items)
			case it.Action != nil:
				out = append(out, command{menu: menu, label: it.Label, shortcut: it.Shortcut, run: it.Action})
			}
		}
	}
	if m != nil {
		for _, menu := range m.Items {
			walk(menu.Label, menu.Items)
		}
	}
	return out
}

// filterCommands keeps the commands whose title holds every word of query,
// in any case and order; an empty query keeps them all.
func filterCommands(cmds []command, query string) []command {
	words := strings.Fields(strings.ToLower(query))
	var out []command
next:
	for _, c := range cmds {
		t := strings.ToLower(c.title())
		for _, w := range words {
			if !strings.Contains(t, w) {
				continue next
			}
		}
		out = append(out, c)
	}
	return out
}

// shortcutText writes a shortcut the way menus show it: "Ctrl+Shift+E".
func shortcutText(s fyne.Shortcut) string {
	if s == nil {
		return ""
	}
	var key fyne.KeyName
	var mod fyne.KeyModifier
	switch s := s.(type) {
	case *desktop.CustomShortcut:
		key, mod = s.KeyName, s.Modifier
	case fyne.KeyboardShortcut:
		key, mod = s.Key(), s.Mod()
	default:
		return s.ShortcutName()
	}
	var parts []string
	if mod&fyne.KeyModifierShortcutDefault != 0 || mod&fyne.KeyModifierControl != 0 {
		parts = append(parts, "Ctrl")
	}
	if mod&fyne.KeyModifierAlt != 0 {
		parts = append(parts, "Alt")
	}
	if mod&fyne.KeyModifierShift != 0 {
		parts = append(parts, "Shift")
	}
	if mod&fyne.KeyModifierSuper != 0 {
		parts = append(parts, "Super")
	}
	name := string(key)
	switch key {
	case fyne.KeyComma:
		name = ","
	case fyne.KeyDelete:
		name = "Delete"
	case fyne.KeyReturn:
		name = "Enter"
	}
	return strings.Join(append(parts, name), "+")
}

// palette is the command palette: a search field over the list of
// commands. Up and Down move, Enter runs, Escape closes.
type palette struct {
	all, shown []command
	query      *keyEntry
	list       *widget.List
	sel        int
	// moving is set while the palette itself moves the selection, so that
	// only a click runs a command from OnSelected.
	moving bool
	dialog dialog.Dialog
}

// showPalette opens the command palette over the window.
func (w *MainWindow) showPalette() *palette {
	p := &palette{all: menuCommands(w.Window.MainMenu())}
	p.shown = p.all
	p.query = newKeyEntry(p.key)
	p.query.SetPlaceHolder("Type a command…")
	p.query.OnChanged = func(q string) {
		p.shown = filterCommands(p.all, q)
		p.list.UnselectAll()
		p.list.Refresh()
		p.list.ScrollToTop()
		p.selectRow(0)
	}
	p.list = widget.NewList(func() int { return len(p.shown) },
		func() fyne.CanvasObject {
			key := widget.NewLabel("")
			key.Importance = widget.LowImportance
			return container.NewBorder(nil, nil, nil, key, widget.NewLabel(""))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Label).SetText(p.shown[i].title())
			row.Objects[1].(*widget.Label).SetText(shortcutText(p.shown[i].shortcut))
		})
	p.list.OnSelected = func(i widget.ListItemID) {
		p.sel = i
		if !p.moving {
			p.runSelected() // a click runs the command, as Enter does
		}
	}
	p.selectRow(0)
	content := container.NewBorder(p.query, nil, nil, nil, container.New(layout.NewGridWrapLayout(fyne.NewSize(560, 360)), p.list))
	p.dialog = dialog.NewCustomWithoutButtons("Commands", content, w.Window)
	p.dialog.Show()
	w.Window.Canvas().Focus(p.query)
	return p
}

// key handles the palette's keys; see keyEntry.
func (p *palette) key(name fyne.KeyName) bool {
	switch name {
	case fyne.KeyEscape:
		p.dialog.Hide()
	case fyne.KeyUp:
		p.move(-1)
	case fyne.KeyDown:
		p.move(1)
	case fyne.KeyPageUp:
		p.move(-10)
	case fyne.KeyPageDown:
		p.move(10)
	case fyne.KeyReturn, fyne.KeyEnter:
		p.runSelected()
	default:
		return false
	}
	return true
}

// move moves the selection by n rows, within the list.
func (p *palette) move(n int) {
	if len(p.shown) == 0 {
		return
	}
	p.selectRow(min(max(p.sel+n, 0), len(p.shown)-1))
}

// selectRow highlights row i without running it.
func (p *palette) selectRow(i int) {
	p.sel = i
	if i < 0 || i >= len(p.shown) {
		return
	}
	p.moving = true
	p.list.Select(i)
	p.moving = false
}

// runSelected closes the palette and runs the selected command.
func (p *palette) runSelected() {
	if p.sel < 0 || p.sel >= len(p.shown) {
		return
	}
	run := p.shown[p.sel].run
	p.dialog.Hide()
	run()
}

// shortcutRows lists every command that has a shortcut, and the keys that
// have no menu item, for Help > Keyboard shortcuts, sorted by menu.
func shortcutRows(cmds []command) [][2]string {
	var rows [][2]string
	for _, c := range cmds {
		if c.shortcut != nil {
			rows = append(rows, [2]string{shortcutText(c.shortcut), c.title()})
		}
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i][1] < rows[j][1] })
	return append(rows, keysWithoutMenu...)
}

// keysWithoutMenu are the keys that work without a menu item.
var keysWithoutMenu = [][2]string{
	{"F6 / Shift+F6", "Move between the library, the form, the body and the preview"},
	{"Tab / Shift+Tab", "Next or previous field"},
	{"Enter (in the headline)", "Go to the body"},
	{"Up / Down, Enter", "Choose in a list; Enter opens or runs"},
	{"Escape", "Close a dialog or the palette"},
}
