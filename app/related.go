package app

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/editor"
)

// relatedEditor edits the related "More …" teasers as a list: each row is
// either a text with an optional link, or a draft picked from the library,
// with buttons to move it up or down or remove it. A picked draft is stored
// as Teaser.DraftID, so the preview and exports show its current headline;
// its Text keeps the headline it had when picked, for when it is gone.
type relatedEditor struct {
	items   []editor.Teaser
	rows    *fyne.Container
	add     *widget.Button
	pickBtn *widget.Button
	object  fyne.CanvasObject
	// onChange gets the teasers, without empty rows, after every edit.
	onChange func(teasers []editor.Teaser)
	disabled bool
	// pick, when set, lets the user choose a library draft and calls done
	// with it; the window sets it to its picker.
	pick func(done func(editor.Summary))
	// relayout, when set, lays out the surrounding form again after rows
	// came or went.
	relayout func()
	// canvas is the window's canvas, for moving the focus into a new row.
	canvas func() fyne.Canvas
	// lastText is the text entry of the newest typed row, nil for none.
	lastText *widget.Entry
}

func newRelatedEditor(onChange func(teasers []editor.Teaser), canvas func() fyne.Canvas) *relatedEditor {
	e := &relatedEditor{onChange: onChange, rows: container.NewVBox(), canvas: canvas}
	e.add = widget.NewButtonWithIcon("Add teaser", theme.ContentAddIcon(), func() {
		e.items = append(e.items, editor.Teaser{})
		e.rebuild()
		// Typing goes into the new teaser, not to the button (where each
		// space would add another empty row).
		if c := e.canvas(); c != nil && e.lastText != nil {
			c.Focus(e.lastText)
		}
	})
	e.pickBtn = widget.NewButtonWithIcon("Pick from library…", theme.SearchIcon(), func() {
		if e.pick != nil {
			e.pick(e.addPicked)
		}
	})
	for _, b := range []*widget.Button{e.add, e.pickBtn} {
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
	}
	e.object = container.NewVBox(e.rows, container.NewHBox(e.add, e.pickBtn))
	return e
}

// set shows teasers without reporting a change.
func (e *relatedEditor) set(teasers []editor.Teaser) {
	e.items = append([]editor.Teaser(nil), teasers...)
	e.rebuild()
}

// teasers returns the rows that say something, in order.
func (e *relatedEditor) teasers() []editor.Teaser {
	var out []editor.Teaser
	for _, t := range e.items {
		t.Text = strings.TrimSpace(t.Text)
		t.URL = strings.TrimSpace(t.URL)
		if t.Text != "" || t.URL != "" || t.DraftID != "" {
			out = append(out, t)
		}
	}
	return out
}

func (e *relatedEditor) changed() {
	if e.onChange != nil {
		e.onChange(e.teasers())
	}
}

// addPicked appends a teaser that follows the library draft s.
func (e *relatedEditor) addPicked(s editor.Summary) {
	e.items = append(e.items, editor.Teaser{DraftID: s.ID, Text: strings.TrimSpace(s.Headline)})
	e.rebuild()
	e.changed()
}

// move swaps teaser i with its neighbour d places away (-1 up, +1 down).
func (e *relatedEditor) move(i, d int) {
	j := i + d
	if i < 0 || j < 0 || i >= len(e.items) || j >= len(e.items) {
		return
	}
	e.items[i], e.items[j] = e.items[j], e.items[i]
	e.rebuild()
	e.changed()
}

// remove deletes teaser i.
func (e *relatedEditor) remove(i int) {
	if i < 0 || i >= len(e.items) {
		return
	}
	e.items = append(e.items[:i], e.items[i+1:]...)
	e.rebuild()
	e.changed()
}

// rebuild lays the rows out again after items changed.
func (e *relatedEditor) rebuild() {
	e.lastText = nil
	objs := make([]fyne.CanvasObject, len(e.items))
	for i, t := range e.items {
		objs[i] = listRow(i, len(e.items), e.disabled, e.move, e.remove, e.rowContent(i, t))
	}
	e.rows.Objects = objs
	e.rows.Refresh()
	if e.relayout != nil {
		e.relayout()
	}
}

// rowContent is a row's fields: the picked draft's name, or a text and a
// link entry.
func (e *relatedEditor) rowContent(i int, t editor.Teaser) fyne.CanvasObject {
	if t.DraftID != "" {
		name := t.Text
		if name == "" {
			name = t.DraftID[:min(8, len(t.DraftID))]
		}
		l := widget.NewLabelWithStyle("Library draft: "+name, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	text := widget.NewEntry()
	e.lastText = text
	text.SetPlaceHolder("Teaser headline")
	text.SetText(t.Text)
	text.OnChanged = func(s string) {
		e.items[i].Text = s
		e.changed()
	}
	url := widget.NewEntry()
	url.SetPlaceHolder("https://… (optional)")
	url.SetText(t.URL)
	url.OnChanged = func(s string) {
		e.items[i].URL = s
		e.changed()
	}
	if e.disabled {
		text.Disable()
		url.Disable()
	}
	return container.NewGridWithColumns(2, text, url)
}

// Enable and Disable switch the whole editor.
func (e *relatedEditor) Enable()        { e.setDisabled(false) }
func (e *relatedEditor) Disable()       { e.setDisabled(true) }
func (e *relatedEditor) Disabled() bool { return e.disabled }

func (e *relatedEditor) setDisabled(d bool) {
	e.disabled = d
	for _, b := range []*widget.Button{e.add, e.pickBtn} {
		if d {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	e.rebuild()
}

// teaserPickerLimit bounds how many drafts the picker lists at once; a
// search narrows them.
const teaserPickerLimit = 200

// teaserPicker is the dialog that picks a library draft as a teaser: a
// search entry over the library and the matching drafts.
type teaserPicker struct {
	env     panelEnv
	search  *keyEntry
	list    *widget.List
	results []editor.Summary
	dialog  *dialog.CustomDialog
	done    func(editor.Summary)
	// running is set while a search runs; again is set when the text
	// changed meanwhile, so that one more search follows. Searches never
	// overlap, however fast the user types.
	running, again bool
}

// showTeaserPicker shows the library picker; done gets the chosen draft.
// The open draft itself is left out of the list.
func showTeaserPicker(env panelEnv, done func(editor.Summary)) *teaserPicker {
	p := &teaserPicker{env: env, done: done}
	// The keyboard way through the picker: type to search, Enter takes the
	// first draft found, Down goes to the list (arrows and Space pick
	// there), Escape cancels.
	p.search = newKeyEntry(func(k fyne.KeyName) bool {
		switch k {
		case fyne.KeyReturn, fyne.KeyEnter:
			p.choose(0)
			return true
		case fyne.KeyDown:
			if len(p.results) > 0 {
				env.parent.Canvas().Focus(p.list)
			}
			return true
		case fyne.KeyEscape:
			p.dialog.Hide()
			return true
		}
		return false
	})
	p.search.SetPlaceHolder("Search headlines and text")
	p.search.OnChanged = func(string) { p.query() }
	p.list = widget.NewList(
		func() int { return len(p.results) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("Headline")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= 0 && i < len(p.results) {
				s := p.results[i]
				o.(*widget.Label).SetText(summaryHeadline(s) + " · " + string(s.Status))
			}
		},
	)
	p.list.OnSelected = p.choose
	content := container.NewBorder(p.search, nil, nil, nil, p.list)
	p.dialog = dialog.NewCustom("Pick a draft for the related list", "Cancel", content, env.parent)
	p.dialog.Resize(fyne.NewSize(560, 480))
	p.dialog.Show()
	env.parent.Canvas().Focus(p.search)
	p.query()
	return p
}

// query searches the library for the entry's text on a worker. While a
// search runs, a newer text waits for it and then searches once.
func (p *teaserPicker) query() {
	if p.running {
		p.again = true
		return
	}
	p.running = true
	opt := editor.ListOptions{Query: strings.TrimSpace(p.search.Text), Limit: teaserPickerLimit, Sort: editor.SortUpdated}
	if opt.Query != "" {
		opt.Sort = editor.SortRelevance
	}
	self := ""
	if a := p.env.current(); a != nil {
		self = a.ID
	}
	p.env.run(func() func() {
		found, err := p.env.store.List(context.Background(), opt)
		return func() {
			p.running = false
			if p.again {
				p.again = false
				p.query() // the text changed meanwhile
				return
			}
			if err != nil {
				p.env.status("Search failed: "+editor.ErrorMessage(err), true)
				found = nil
			}
			p.results = p.results[:0]
			for _, s := range found {
				if s.ID != self && s.Status != editor.StatusKilled {
					p.results = append(p.results, s)
				}
			}
			p.list.UnselectAll()
			p.list.Refresh()
		}
	})
}

// choose takes result i as the teaser and closes the picker.
func (p *teaserPicker) choose(i widget.ListItemID) {
	if i < 0 || i >= len(p.results) {
		return
	}
	s := p.results[i]
	p.dialog.Hide()
	if p.done != nil {
		p.done(s)
	}
}

// newCopyrightYearsEntry is the form's field for an article's own
// copyright years, typed as "1998-2025", "2025" or "1998-" (the year then
// follows the publication date); empty means the profile's since-year and
// the publication year. set gets each valid entry; an invalid one shows
// its problem and leaves the draft as it was.
func newCopyrightYearsEntry(set func(since, year int)) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder("1998-2025, or empty for the defaults")
	e.Validator = func(s string) error {
		_, _, err := editor.ParseCopyrightYears(s)
		return err
	}
	e.OnChanged = func(s string) {
		if since, year, err := editor.ParseCopyrightYears(s); err == nil {
			set(since, year)
		}
	}
	return e
}

// formatCopyrightYears shows an article's copyright years in the form's
// entry (editor.FormatCopyrightYears).
func formatCopyrightYears(c editor.Copyright) string { return editor.FormatCopyrightYears(c) }
