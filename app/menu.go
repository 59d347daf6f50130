package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/dateline-news/dateline/editor"
)

// Keyboard shortcuts of the File menu. ShortcutDefault is Ctrl on Linux
// and Windows and Cmd on macOS.
var (
	shortcutNew = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	// shortcutExportHTML is Ctrl+E.
	shortcutExportHTML = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault}
	// shortcutExportMarkdown is Ctrl+Shift+E.
	shortcutExportMarkdown = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	shortcutQuit           = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}
	// shortcutImport is Ctrl+I.
	shortcutImport = &desktop.CustomShortcut{KeyName: fyne.KeyI, Modifier: fyne.KeyModifierShortcutDefault}
	// shortcutExportLibrary is Ctrl+Alt+L.
	shortcutExportLibrary = &desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierAlt}
	// shortcutSettings is Ctrl+Alt+comma: Publication settings, beside
	// Preferences' Ctrl+comma.
	shortcutSettings = &desktop.CustomShortcut{KeyName: fyne.KeyComma, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierAlt}
	// shortcutPreferences is Ctrl+comma, as in most desktop applications.
	shortcutPreferences = &desktop.CustomShortcut{KeyName: fyne.KeyComma, Modifier: fyne.KeyModifierShortcutDefault}
)

// exportShortcuts are the shortcuts of the export menu items, one for
// every format: Ctrl+E the HTML page, Ctrl+Shift+E Markdown, and Ctrl+Alt
// with a letter of the format's name for the others.
var exportShortcuts = map[editor.Format]fyne.Shortcut{
	editor.FormatHTML:         shortcutExportHTML,
	editor.FormatMarkdown:     shortcutExportMarkdown,
	editor.FormatHTMLFragment: &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierAlt},
	editor.FormatWire:         &desktop.CustomShortcut{KeyName: fyne.KeyT, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierAlt},
	editor.FormatNinjs:        &desktop.CustomShortcut{KeyName: fyne.KeyJ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierAlt},
	editor.FormatNITF:         &desktop.CustomShortcut{KeyName: fyne.KeyX, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierAlt},
	editor.FormatNewsML:       &desktop.CustomShortcut{KeyName: fyne.KeyG, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierAlt},
}

// mainMenu is the window's menu bar.
func (w *MainWindow) mainMenu() *fyne.MainMenu {
	newItem := fyne.NewMenuItem("New article", w.NewArticle)
	newItem.Shortcut = shortcutNew
	importItem := fyne.NewMenuItem("Import…", w.importer.ShowImportDialog)
	importItem.Shortcut = shortcutImport
	exports := append(w.exportMenuItems(), w.exporter.libraryMenuItem(), w.exporter.feedMenuItem()) // batchexport.go, feedexport.go
	quit := fyne.NewMenuItem("Quit", w.RequestClose)
	quit.IsQuit = true
	quit.Shortcut = shortcutQuit
	items := append([]*fyne.MenuItem{newItem, importItem, fyne.NewMenuItemSeparator()}, exports...)
	items = append(items, fyne.NewMenuItemSeparator(), w.settingsMenuItem(), fyne.NewMenuItemSeparator())
	items = append(items, w.sync.menuItems()...) // sync.go
	items = append(items, fyne.NewMenuItemSeparator(), quit)
	return fyne.NewMainMenu(fyne.NewMenu("File", items...), w.editMenu(), w.viewMenu(), w.draftMenu(), w.suggestions.menu(), w.helpMenu())
}

// addShortcuts makes the menu's shortcuts work wherever the focus is.
func (w *MainWindow) addShortcuts() {
	c := w.Window.Canvas()
	c.AddShortcut(shortcutNew, func(fyne.Shortcut) { w.NewArticle() })
	for f, sc := range exportShortcuts {
		c.AddShortcut(sc, func(fyne.Shortcut) { w.Export(f) })
	}
	c.AddShortcut(shortcutExportLibrary, func(fyne.Shortcut) { w.exporter.ShowBatchExportDialog() })
	c.AddShortcut(shortcutSettings, func(fyne.Shortcut) { w.showSettings() })
	c.AddShortcut(shortcutQuit, func(fyne.Shortcut) { w.RequestClose() })
	c.AddShortcut(shortcutImport, func(fyne.Shortcut) { w.importer.ShowImportDialog() })
	c.AddShortcut(shortcutTrash, func(fyne.Shortcut) { w.MoveToTrash() })
	c.AddShortcut(shortcutPreferences, func(fyne.Shortcut) { w.showPreferences() })
	c.AddShortcut(shortcutToggleLibrary, func(fyne.Shortcut) {
		w.setPanes(panes{hideLibrary: !w.panes.hideLibrary, hidePreview: w.panes.hidePreview})
	})
	c.AddShortcut(shortcutTogglePreview, func(fyne.Shortcut) {
		w.setPanes(panes{hideLibrary: w.panes.hideLibrary, hidePreview: !w.panes.hidePreview})
	})
	c.AddShortcut(shortcutFocusMode, func(fyne.Shortcut) { w.toggleFocusMode() })
	c.AddShortcut(shortcutPalette, func(fyne.Shortcut) { w.showPalette() })
	c.AddShortcut(shortcutStatus, func(fyne.Shortcut) { w.changeStatus() })
	c.AddShortcut(shortcutHistory, func(fyne.Shortcut) { w.ShowHistory() })
	c.AddShortcut(shortcutHelp, func(fyne.Shortcut) { w.showShortcuts() })
	// Alt plus a menu's first letter opens the menu bar, as on other
	// desktops (Alt alone and F10 are Fyne's own way).
	for _, k := range []fyne.KeyName{fyne.KeyF, fyne.KeyE, fyne.KeyV, fyne.KeyD, fyne.KeyR, fyne.KeyH} {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierAlt}, func(fyne.Shortcut) { w.openMenuBar() })
	}
}

// openMenuBar activates the menu bar for the keyboard, where the driver
// can (Fyne's desktop canvas); arrows and Enter then work in it.
func (w *MainWindow) openMenuBar() {
	if m, ok := w.Window.Canvas().(interface{ ToggleMenu() }); ok {
		m.ToggleMenu()
	}
}

// Export asks where to save the open draft in format f and writes it
// there. The bytes are exactly what the command line's export writes.
func (w *MainWindow) Export(f editor.Format) {
	if w.article == nil {
		w.showError("Nothing to export", editor.Errorf(editor.EINVALID, "open or create a draft first"))
		return
	}
	if w.article.Status == editor.StatusKilled {
		w.refuseKilledExport(f) // exports only after an explicit confirmation
		return
	}
	w.showExportSave(f, w.article.Clone())
}

// exportTo takes the save dialog's answer: it writes the export on a worker
// and reports the outcome in the status bar, or in a dialog on failure.
func (w *MainWindow) exportTo(out fyne.URIWriteCloser, err error, f editor.Format, a *editor.Article, p editor.Profile, opt editor.RenderOptions) {
	if err != nil {
		w.showError("Export failed", err)
		return
	}
	if out == nil {
		return // cancelled
	}
	w.goJob(func() func() {
		werr := writeExport(out, f, a, p, opt)
		return func() {
			if werr != nil {
				w.showError("Export failed", werr)
				return
			}
			w.showExported(out.URI())
		}
	})
}

// writeExport renders a in format f and writes it to out, closing it.
func writeExport(out fyne.URIWriteCloser, f editor.Format, a *editor.Article, p editor.Profile, opt editor.RenderOptions) error {
	data, err := editor.Export(f, a, p, opt)
	if err != nil {
		_ = out.Close()
		return err
	}
	if _, err := out.Write(data); err != nil {
		_ = out.Close()
		return fmt.Errorf("export: write %s: %w", out.URI().Name(), err)
	}
	if err := out.Close(); err != nil {
		return fmt.Errorf("export: close %s: %w", out.URI().Name(), err)
	}
	return nil
}
