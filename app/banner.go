package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
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

// windowLayout places the banners across the top, the status bar across
// the bottom and the panes between them. Unlike a Border it measures the
// banners at the window's width: a banner's message wraps beside its
// buttons, and its height is known only once its width is, so a Border
// (which asks for the height first) left the wrapped lines running over
// the panes at laptop widths.
type windowLayout struct{ banners, status, middle fyne.CanvasObject }

func (l *windowLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	// The gaps between the parts are a Border's: the theme's padding.
	pad := theme.Padding()
	top := float32(0)
	if l.banners.Visible() {
		// Twice: the first pass gives the messages their width, the
		// second reads the height they wrap to at that width.
		l.banners.Resize(fyne.NewSize(size.Width, l.banners.MinSize().Height))
		top = l.banners.MinSize().Height
		l.banners.Resize(fyne.NewSize(size.Width, top))
		l.banners.Move(fyne.NewPos(0, 0))
		top += pad
	}
	bottom := l.status.MinSize().Height
	l.status.Resize(fyne.NewSize(size.Width, bottom))
	l.status.Move(fyne.NewPos(0, size.Height-bottom))
	l.middle.Move(fyne.NewPos(0, top))
	l.middle.Resize(fyne.NewSize(size.Width, max(0, size.Height-top-bottom-pad)))
}

func (l *windowLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	m, s := l.middle.MinSize(), l.status.MinSize()
	pad := theme.Padding()
	w, h := max(m.Width, s.Width), m.Height+s.Height+pad
	if l.banners.Visible() {
		b := l.banners.MinSize()
		w, h = max(w, b.Width), h+b.Height+pad
	}
	return fyne.NewSize(w, h)
}
