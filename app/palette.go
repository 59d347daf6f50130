package app

import (
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
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

// showPalette opens the command palette over the window: every menu
// command with its shortcut, filtered as you type.
func (w *MainWindow) showPalette() *chooser {
	cmds := menuCommands(w.Window.MainMenu())
	items := make([]choice, len(cmds))
	for i, c := range cmds {
		items[i] = choice{label: c.title(), hint: shortcutText(c.shortcut)}
	}
	return showChooser(w.Window, "Commands", "Type a command…", items, func(i int) { cmds[i].run() })
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
	{"Escape", "Cancel or close a dialog, the palette or the find bar"},
	{"Enter (in a dialog)", "Confirm the dialog (its highlighted button)"},
}
