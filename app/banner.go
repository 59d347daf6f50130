package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// banner is a non-modal notice across the top of the window, with a few
// action buttons: what a failed save or a save conflict says. Unlike a
// dialog it never takes the keyboard focus, so typing goes on into the
// form while it shows (issue 8, finding 12).
type banner struct {
	object  *fyne.Container
	message *widget.Label
	actions *fyne.Container
	// kind says which notice shows: "" when hidden.
	kind string
	// shown, when set, is told after the banner appears or goes away, so
	// that the window can fold the banner row away when nothing shows.
	shown func()
}

// bannerAction is one button of a banner.
type bannerAction struct {
	label string
	tap   func()
}

func newBanner() *banner {
	b := &banner{message: widget.NewLabel(""), actions: container.NewHBox()}
	b.message.Wrapping = fyne.TextWrapWord
	b.object = container.NewVBox(container.NewBorder(nil, nil, nil, b.actions, b.message), widget.NewSeparator())
	b.object.Hide()
	return b
}

// show puts msg up as the notice of this kind, in the error colour when
// bad, with a button per action and, when dismissable, one that takes it
// down.
func (b *banner) show(kind, msg string, bad, dismissable bool, actions ...bannerAction) {
	if b.kind == kind && b.message.Text == msg && b.object.Visible() {
		return // a save that keeps failing says the same thing each time
	}
	b.kind = kind
	b.message.Importance = widget.MediumImportance
	if bad {
		b.message.Importance = widget.DangerImportance
	}
	b.message.SetText(msg)
	b.actions.Objects = nil
	for _, a := range actions {
		btn := widget.NewButton(a.label, a.tap)
		b.actions.Add(btn)
	}
	if dismissable {
		b.actions.Add(widget.NewButton("Dismiss", b.hide))
	}
	b.object.Show()
	b.object.Refresh()
	if b.shown != nil {
		b.shown()
	}
}

// hide takes the notice down.
func (b *banner) hide() {
	b.kind = ""
	b.object.Hide()
	if b.shown != nil {
		b.shown()
	}
}

// hideKind takes the notice down if it is of this kind.
func (b *banner) hideKind(kind string) {
	if b.kind == kind {
		b.hide()
	}
}

// button returns the banner's button with this label, nil if none.
func (b *banner) button(label string) *widget.Button {
	for _, o := range b.actions.Objects {
		if btn, ok := o.(*widget.Button); ok && btn.Text == label {
			return btn
		}
	}
	return nil
}
