package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/editor/spell"
)

// The Edit and Help menus. Edit's items hand the standard shortcuts to the
// focused field, so that they work in the body, the one-line fields and
// the dialogs alike; Help lists every shortcut (read from the menus, see
// palette.go) and says which version this is.

// editMenu is the Edit menu.
func (w *MainWindow) editMenu() *fyne.Menu {
	clip := func() fyne.Clipboard { return w.app.Clipboard() }
	item := func(label string, sc fyne.Shortcut, make func() fyne.Shortcut) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, func() { w.sendToFocused(make()) })
		it.Shortcut = sc
		return it
	}
	return fyne.NewMenu("Edit",
		item("Undo", &fyne.ShortcutUndo{}, func() fyne.Shortcut { return &fyne.ShortcutUndo{} }),
		item("Redo", &fyne.ShortcutRedo{}, func() fyne.Shortcut { return &fyne.ShortcutRedo{} }),
		fyne.NewMenuItemSeparator(),
		item("Cut", &fyne.ShortcutCut{}, func() fyne.Shortcut { return &fyne.ShortcutCut{Clipboard: clip()} }),
		item("Copy", &fyne.ShortcutCopy{}, func() fyne.Shortcut { return &fyne.ShortcutCopy{Clipboard: clip()} }),
		item("Paste", &fyne.ShortcutPaste{}, func() fyne.Shortcut { return &fyne.ShortcutPaste{Clipboard: clip()} }),
		item("Select all", &fyne.ShortcutSelectAll{}, func() fyne.Shortcut { return &fyne.ShortcutSelectAll{} }),
		fyne.NewMenuItemSeparator(),
		w.findMenuItem("Find in body…", false, shortcutFind),
		w.findMenuItem("Replace in body…", true, shortcutReplace),
		fyne.NewMenuItemSeparator(),
		w.preferencesMenuItem(),
	)
}

// Shortcuts of the body's find bar, which the Edit menu also opens.
var (
	shortcutFind    = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutReplace = &desktop.CustomShortcut{KeyName: fyne.KeyH, Modifier: fyne.KeyModifierShortcutDefault}
)

// findMenuItem opens the body's find bar (with the replace row when
// replace is set) wherever the focus is, bringing the body back from a
// hidden form first.
func (w *MainWindow) findMenuItem(label string, replace bool, sc fyne.Shortcut) *fyne.MenuItem {
	it := fyne.NewMenuItem(label, func() {
		if w.article == nil {
			return
		}
		w.form.findBar.Open(replace)
	})
	it.Shortcut = sc
	return it
}

// sendToFocused hands s to the focused field, as if its keys were typed.
func (w *MainWindow) sendToFocused(s fyne.Shortcut) {
	if f, ok := w.Window.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
	}
}

// shortcutHelp is F1... which Fyne cannot bind without a modifier, so
// Help > Keyboard shortcuts takes Ctrl+/ as many editors do.
var shortcutHelp = &desktop.CustomShortcut{KeyName: fyne.KeySlash, Modifier: fyne.KeyModifierShortcutDefault}

// helpMenu is the Help menu.
func (w *MainWindow) helpMenu() *fyne.Menu {
	keys := fyne.NewMenuItem("Keyboard shortcuts", func() { w.showShortcuts() })
	keys.Shortcut = shortcutHelp
	about := fyne.NewMenuItem("About Dateline", func() { w.showAbout() })
	return fyne.NewMenu("Help", keys, about)
}

// showShortcuts lists every keyboard shortcut in a dialog.
func (w *MainWindow) showShortcuts() dialog.Dialog {
	rows := shortcutRows(menuCommands(w.Window.MainMenu()))
	grid := container.New(layout.NewFormLayout())
	for _, r := range rows {
		key := widget.NewLabelWithStyle(r[0], fyne.TextAlignTrailing, fyne.TextStyle{Monospace: true})
		grid.Add(key)
		grid.Add(widget.NewLabel(r[1]))
	}
	scroll := container.NewVScroll(grid)
	scroll.SetMinSize(fyne.NewSize(560, 420))
	d := dialog.NewCustom("Keyboard shortcuts", "Close", scroll, w.Window)
	d.Show()
	return d
}

// showAbout says which Dateline this is, with the licences of what it
// embeds.
func (w *MainWindow) showAbout() dialog.Dialog {
	version := w.opt.Version
	if version == "" {
		version = "development build"
	}
	text := widget.NewLabel("Dateline " + version + "\n\nA desktop newsroom editor: write, review and export news copy.\n" +
		"Library: " + w.opt.LibraryPath + "\n\nBuilt with Fyne, goldmark and SQLite.\n" +
		"Spelling dictionaries: en-US from SCOWL (Kevin Atkinson) and en-GB (David Bartlett, Brian Kelk, Andrew Brown, Marco A.G. Pinto), from Debian's hunspell-en-us and hunspell-en-gb.")
	text.Wrapping = fyne.TextWrapWord
	notice := widget.NewLabel(spell.Notice())
	notice.Wrapping = fyne.TextWrapWord
	notice.SizeName = theme.SizeNameCaptionText
	notices := widget.NewAccordion(widget.NewAccordionItem("Dictionary licences", container.NewGridWrap(fyne.NewSize(440, 220), container.NewVScroll(notice))))
	d := dialog.NewCustom("About Dateline", "Close", container.NewVBox(container.NewGridWrap(fyne.NewSize(460, 230), text), notices), w.Window)
	d.Show()
	return d
}
