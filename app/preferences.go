package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// The Preferences dialog: how the window looks to the person at this
// computer (light, dark or the desktop's theme, and the text size). The
// choice is applied at once, kept in Fyne's preferences for the app, and
// restored at the next start; it never travels with the library.

// variantLabels are the theme choices in the order the dialog shows them.
var variantLabels = []struct{ label, variant string }{
	{"Follow the desktop", VariantSystem},
	{"Light", VariantLight},
	{"Dark", VariantDark},
}

// applyAppearance sets the app's theme for ap.
func applyAppearance(a fyne.App, ap Appearance) {
	a.Settings().SetTheme(newThemeFor(ap))
}

// preferencesEditor is the content of the Preferences dialog.
type preferencesEditor struct {
	variant *widget.RadioGroup
	size    *widget.Select
	form    *widget.Form
	// changed gets every new choice.
	changed func(Appearance)
}

func newPreferencesEditor(current Appearance, changed func(Appearance)) *preferencesEditor {
	p := &preferencesEditor{changed: changed}
	var labels []string
	for _, v := range variantLabels {
		labels = append(labels, v.label)
	}
	p.variant = widget.NewRadioGroup(labels, nil)
	p.variant.Required = true
	for _, v := range variantLabels {
		if v.variant == current.Variant {
			p.variant.Selected = v.label
		}
	}
	var sizes []string
	selected := "Normal"
	for _, s := range textScales {
		sizes = append(sizes, s.label)
		if s.scale == current.TextScale {
			selected = s.label
		}
	}
	p.size = widget.NewSelect(sizes, nil)
	p.size.Selected = selected
	p.variant.OnChanged = func(string) { p.emit() }
	p.size.OnChanged = func(string) { p.emit() }
	p.form = widget.NewForm(
		widget.NewFormItem("Theme", p.variant),
		widget.NewFormItem("Text size", p.size),
	)
	return p
}

// appearance is the choice the dialog shows.
func (p *preferencesEditor) appearance() Appearance {
	ap := Appearance{Variant: VariantSystem, TextScale: 1}
	for _, v := range variantLabels {
		if v.label == p.variant.Selected {
			ap.Variant = v.variant
		}
	}
	for _, s := range textScales {
		if s.label == p.size.Selected {
			ap.TextScale = s.scale
		}
	}
	return ap
}

func (p *preferencesEditor) emit() {
	if p.changed != nil {
		p.changed(p.appearance())
	}
}

// preferencesMenuItem opens the Preferences dialog.
func (w *MainWindow) preferencesMenuItem() *fyne.MenuItem {
	item := fyne.NewMenuItem("Preferences…", func() { w.showPreferences() })
	item.Shortcut = shortcutPreferences
	return item
}

// showPreferences opens the Preferences dialog; each choice applies and is
// stored at once, so Close is all it needs.
func (w *MainWindow) showPreferences() *preferencesEditor {
	prefs := w.app.Preferences()
	p := newPreferencesEditor(loadAppearance(prefs), func(ap Appearance) {
		ap.store(prefs)
		applyAppearance(w.app, ap)
	})
	p.form.Append("Your name", newReviewerNameEntry(prefs)) // suggestions.go
	d := dialog.NewCustom("Preferences", "Close", p.form, w.Window)
	d.Show()
	return p
}
