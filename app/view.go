package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// The View menu: the library and the preview panes can be hidden for a
// small screen, and focus mode shows only the headline and the body in a
// column of comfortable line length. The arrangement is remembered.

// Shortcuts of the View menu.
var (
	// shortcutToggleLibrary is Ctrl+Shift+L.
	shortcutToggleLibrary = &desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	// shortcutTogglePreview is Ctrl+Shift+R (R for reading view).
	shortcutTogglePreview = &desktop.CustomShortcut{KeyName: fyne.KeyR, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	// shortcutFocusMode is Ctrl+Shift+F.
	shortcutFocusMode = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	// shortcutPalette is Ctrl+Shift+P.
	shortcutPalette = &desktop.CustomShortcut{KeyName: fyne.KeyP, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
)

// focusColumnWidth is focus mode's column: about 75 characters of body text.
const focusColumnWidth = 760

// Preference keys of the arrangement.
const (
	prefHideLibrary = "view.hideLibrary"
	prefHidePreview = "view.hidePreview"
)

// panes is what the window shows in its middle.
type panes struct {
	hideLibrary, hidePreview, focus bool
}

// viewMenu is the View menu.
func (w *MainWindow) viewMenu() *fyne.Menu {
	lib := fyne.NewMenuItem("Library pane", func() { w.setPanes(panes{hideLibrary: !w.panes.hideLibrary, hidePreview: w.panes.hidePreview}) })
	lib.Shortcut = shortcutToggleLibrary
	lib.Checked = !w.panes.hideLibrary
	prev := fyne.NewMenuItem("Preview pane", func() { w.setPanes(panes{hideLibrary: w.panes.hideLibrary, hidePreview: !w.panes.hidePreview}) })
	prev.Shortcut = shortcutTogglePreview
	prev.Checked = !w.panes.hidePreview
	focus := fyne.NewMenuItem("Focus mode", w.toggleFocusMode)
	focus.Shortcut = shortcutFocusMode
	focus.Checked = w.panes.focus
	pal := fyne.NewMenuItem("Command palette…", func() { w.showPalette() })
	pal.Shortcut = shortcutPalette
	w.viewItems = []*fyne.MenuItem{lib, prev, focus}
	items := append([]*fyne.MenuItem{lib, prev, focus, fyne.NewMenuItemSeparator()}, w.review.viewMenuItems()...)
	return fyne.NewMenu("View", append(items, fyne.NewMenuItemSeparator(), pal)...)
}

// toggleFocusMode enters or leaves focus mode.
func (w *MainWindow) toggleFocusMode() {
	p := w.panes
	p.focus = !p.focus
	w.setPanes(p)
}

// setPanes arranges the window's middle for p and remembers the choice.
func (w *MainWindow) setPanes(p panes) {
	focused := w.Window.Canvas().Focused()
	w.panes = p
	w.middle.Objects = []fyne.CanvasObject{w.arrange(p)}
	w.middle.Refresh()
	if !p.focus {
		refreshTree(w.form.object) // the headline and body come back from the focus column
	}
	if len(w.viewItems) == 3 {
		w.viewItems[0].Checked = !p.hideLibrary
		w.viewItems[1].Checked = !p.hidePreview
		w.viewItems[2].Checked = p.focus
		if m := w.Window.MainMenu(); m != nil {
			m.Refresh()
		}
	}
	prefs := w.app.Preferences()
	prefs.SetBool(prefHideLibrary, p.hideLibrary)
	prefs.SetBool(prefHidePreview, p.hidePreview)
	switch {
	case p.focus, focused == nil:
		w.Window.Canvas().Focus(w.form.body)
	case p.hideLibrary && focused == fyne.Focusable(w.library.list):
		w.Window.Canvas().Focus(w.form.headline)
	default:
		w.Window.Canvas().Focus(focused) // SetContent-like changes drop the focus
	}
}

// arrange builds the middle of the window for p.
func (w *MainWindow) arrange(p panes) fyne.CanvasObject {
	if p.focus {
		title := widget.NewLabel("Focus mode — Ctrl+Shift+F to leave")
		title.Importance = widget.LowImportance
		col := container.NewBorder(container.NewVBox(title, w.form.headline), nil, nil, nil, w.form.body)
		return container.New(&columnLayout{width: focusColumnWidth}, col)
	}
	right := fyne.CanvasObject(w.form.object)
	if !p.hidePreview {
		w.rightSplit.Leading = w.form.object
		right = w.rightSplit
	}
	if p.hideLibrary {
		return right
	}
	w.mainSplit.Trailing = right
	return w.mainSplit
}

// cycleFocus moves the focus to the next pane, F6's job: the library
// list, the form, the body, the preview, and around again; with Shift
// held, backwards. Hidden panes are passed over (the preview also while
// the History tab is in front).
func (w *MainWindow) cycleFocus() {
	stops := []fyne.Focusable{w.library.list, w.form.headline, w.form.body}
	if w.panes.focus {
		stops = []fyne.Focusable{w.form.headline, w.form.body}
	} else if w.panes.hideLibrary {
		stops = stops[1:]
	}
	if !w.panes.focus && !w.panes.hidePreview && w.preview.Visible() && w.history.side.Selected() != w.history.tab {
		stops = append(stops, w.preview)
	}
	focused := w.Window.Canvas().Focused()
	at := -1
	for i, s := range stops {
		if s == focused {
			at = i
		}
	}
	if at < 0 && focused != nil && focused != fyne.Focusable(w.library.list) && focused != fyne.Focusable(w.preview) {
		at = 1 // another field of the form
		if w.panes.hideLibrary || w.panes.focus {
			at = 0
		}
	}
	step := 1
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok && d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0 {
		step = len(stops) - 1
	}
	w.Window.Canvas().Focus(stops[(at+step+len(stops))%len(stops)])
}

// refreshTree lays out every container under o again, after objects that
// were shown elsewhere came back.
func refreshTree(o fyne.CanvasObject) {
	if c, ok := o.(*fyne.Container); ok {
		for _, child := range c.Objects {
			refreshTree(child)
		}
	}
	o.Refresh()
}

// columnLayout centres its objects in a column at most width wide.
type columnLayout struct{ width float32 }

func (l *columnLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w := fyne.Min(size.Width, l.width)
	for _, o := range objs {
		o.Move(fyne.NewPos((size.Width-w)/2, 0))
		o.Resize(fyne.NewSize(w, size.Height))
	}
}

func (l *columnLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return m
}
