package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// authorsEditor edits the byline's author names as a list: one entry per
// author with buttons to move it up or down or remove it, and an "Add
// author" button underneath.
type authorsEditor struct {
	entries []*widget.Entry
	rows    *fyne.Container
	add     *widget.Button
	object  fyne.CanvasObject
	// onChange gets the names, trimmed and without empty ones, after every
	// edit.
	onChange func(names []string)
	disabled bool
	canvas   func() fyne.Canvas
	// relayout, when set, lays out the surrounding form again after rows
	// came or went, since the form's grid only sizes rows when laid out.
	relayout func()
}

func newAuthorsEditor(onChange func(names []string), canvas func() fyne.Canvas) *authorsEditor {
	e := &authorsEditor{onChange: onChange, canvas: canvas, rows: container.NewVBox()}
	e.add = widget.NewButtonWithIcon("Add author", theme.ContentAddIcon(), func() {
		e.addEntry("")
		e.rebuild()
		if c := e.canvas(); c != nil {
			c.Focus(e.entries[len(e.entries)-1])
		}
	})
	e.add.Importance = widget.LowImportance
	e.add.Alignment = widget.ButtonAlignLeading
	e.object = container.NewVBox(e.rows, e.add)
	return e
}

// set shows names without reporting a change.
func (e *authorsEditor) set(names []string) {
	e.entries = nil
	for _, n := range names {
		e.addEntry(n)
	}
	if len(e.entries) == 0 {
		e.addEntry("")
	}
	e.rebuild()
}

// names returns the non-empty trimmed names in order.
func (e *authorsEditor) names() []string {
	var out []string
	for _, en := range e.entries {
		if n := strings.TrimSpace(en.Text); n != "" {
			out = append(out, n)
		}
	}
	return out
}

func (e *authorsEditor) addEntry(name string) {
	en := widget.NewEntry()
	en.SetPlaceHolder("Author's name")
	en.SetText(name)
	en.OnChanged = func(string) { e.changed() }
	if e.disabled {
		en.Disable()
	}
	e.entries = append(e.entries, en)
}

func (e *authorsEditor) changed() {
	if e.onChange != nil {
		e.onChange(e.names())
	}
}

// move swaps author i with its neighbour d places away (-1 up, +1 down).
func (e *authorsEditor) move(i, d int) {
	j := i + d
	if j < 0 || j >= len(e.entries) {
		return
	}
	e.entries[i], e.entries[j] = e.entries[j], e.entries[i]
	e.rebuild()
	e.changed()
}

// remove deletes author i; the last entry is emptied rather than removed.
func (e *authorsEditor) remove(i int) {
	if len(e.entries) == 1 {
		e.entries[0].SetText("") // reports the change itself
		return
	}
	e.entries = append(e.entries[:i], e.entries[i+1:]...)
	e.rebuild()
	e.changed()
}

// rebuild lays the rows out again after entries changed.
func (e *authorsEditor) rebuild() {
	objs := make([]fyne.CanvasObject, len(e.entries))
	for i, en := range e.entries {
		objs[i] = listRow(i, len(e.entries), e.disabled, e.move, e.remove, en)
	}
	e.rows.Objects = objs
	e.rows.Refresh()
	if e.relayout != nil {
		e.relayout()
	}
}

// listRow is row i of n of a list editor (authors, teasers): content with
// buttons to move it up or down or remove it. The first row cannot move
// up, the last cannot move down, and a disabled editor's buttons are off.
func listRow(i, n int, disabled bool, move func(i, d int), remove func(i int), content fyne.CanvasObject) fyne.CanvasObject {
	up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { move(i, -1) })
	down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { move(i, +1) })
	del := widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() { remove(i) })
	for _, b := range []*widget.Button{up, down, del} {
		b.Importance = widget.LowImportance
		if disabled {
			b.Disable()
		}
	}
	if i == 0 {
		up.Disable()
	}
	if i == n-1 {
		down.Disable()
	}
	return container.NewBorder(nil, nil, nil, container.NewHBox(up, down, del), content)
}

// Enable and Disable switch the whole editor.
func (e *authorsEditor) Enable()        { e.setDisabled(false) }
func (e *authorsEditor) Disable()       { e.setDisabled(true) }
func (e *authorsEditor) Disabled() bool { return e.disabled }

func (e *authorsEditor) setDisabled(d bool) {
	e.disabled = d
	for _, en := range e.entries {
		if d {
			en.Disable()
		} else {
			en.Enable()
		}
	}
	if d {
		e.add.Disable()
	} else {
		e.add.Enable()
	}
	e.rebuild()
}
