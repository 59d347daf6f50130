package textedit

import (
	"errors"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// newTestEditor returns an editor in a window of the given width.
func newTestEditor(t testing.TB, width float32) (*Editor, fyne.Window) {
	test.NewTempApp(t)
	e := New()
	w := test.NewTempWindow(t, e)
	w.Resize(fyne.NewSize(width, 300))
	return e, w
}

func key(e *Editor, name fyne.KeyName) { e.TypedKey(&fyne.KeyEvent{Name: name}) }

func shiftKey(e *Editor, name fyne.KeyName) {
	e.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	key(e, name)
	e.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
}

func ctrl(e *Editor, name fyne.KeyName, shift bool) {
	m := fyne.KeyModifierControl
	if shift {
		m |= fyne.KeyModifierShift
	}
	e.TypedShortcut(&desktop.CustomShortcut{KeyName: name, Modifier: m})
}

func TestTypeAndRead(t *testing.T) {
	e, _ := newTestEditor(t, 300)
	var got string
	e.OnChanged = func(s string) { got = s }
	test.Type(e, "Hello world")
	key(e, fyne.KeyReturn)
	test.Type(e, "Second")
	if want := "Hello world\nSecond"; e.Text() != want || got != want {
		t.Fatalf("Text() = %q, OnChanged got %q, want %q", e.Text(), got, want)
	}
	key(e, fyne.KeyBackspace)
	ctrl(e, fyne.KeyHome, false)
	test.Type(e, ">")
	if want := ">Hello world\nSecon"; e.Text() != want {
		t.Fatalf("Text() = %q, want %q", e.Text(), want)
	}
	ctrl(e, fyne.KeyEnd, false)
	test.Type(e, "d")
	if want := ">Hello world\nSecond"; e.Text() != want {
		t.Fatalf("Text() = %q, want %q", e.Text(), want)
	}
}

func TestLongParagraphWraps(t *testing.T) {
	e, _ := newTestEditor(t, 200)
	text := strings.Repeat("tea growers count losses ", 20)
	test.Type(e, text)
	if e.Text() != text {
		t.Fatalf("Text() = %q", e.Text())
	}
	if n := len(e.lay.para(0).lines); n < 5 {
		t.Fatalf("a %d-byte paragraph at 200 px made %d lines", len(text), n)
	}
}

func TestCtrlHomeEndAndShiftSelection(t *testing.T) {
	e, _ := newTestEditor(t, 300)
	e.SetText("first paragraph\nsecond one\nthird")
	ctrl(e, fyne.KeyEnd, false)
	if got, want := e.CursorPosition(), (Pos{2, 5}); got != want {
		t.Fatalf("Ctrl+End: cursor %+v, want %+v", got, want)
	}
	ctrl(e, fyne.KeyHome, true)
	if got := e.SelectedText(); got != e.Text() {
		t.Fatalf("Ctrl+Shift+Home selected %q", got)
	}
	ctrl(e, fyne.KeyHome, false)
	if got := e.CursorPosition(); got != (Pos{}) || e.SelectedText() != "" {
		t.Fatalf("Ctrl+Home: cursor %+v, selection %q", got, e.SelectedText())
	}
	shiftKey(e, fyne.KeyRight)
	shiftKey(e, fyne.KeyRight)
	if got := e.SelectedText(); got != "fi" {
		t.Fatalf("Shift+Right twice selected %q", got)
	}
	ctrl(e, fyne.KeyRight, true)
	if got := e.SelectedText(); got != "first" {
		t.Fatalf("Ctrl+Shift+Right selected %q", got)
	}
	test.Type(e, "1st")
	if got := e.Text(); !strings.HasPrefix(got, "1st paragraph") {
		t.Fatalf("typing over the selection gave %q", got)
	}
	ctrl(e, fyne.KeyLeft, false)
	if got := e.CursorPosition(); got != (Pos{}) {
		t.Fatalf("Ctrl+Left: cursor %+v", got)
	}
	key(e, fyne.KeyEnd)
	if got := e.CursorPosition(); got != (Pos{0, len("1st paragraph")}) {
		t.Fatalf("End: cursor %+v", got)
	}
	key(e, fyne.KeyDown)
	key(e, fyne.KeyHome)
	if got := e.CursorPosition(); got != (Pos{1, 0}) {
		t.Fatalf("Down, Home: cursor %+v", got)
	}
}

func TestPageUpPageDown(t *testing.T) {
	e, _ := newTestEditor(t, 300) // 300 px high: about 12 lines
	var paras []string
	for i := 0; i < 100; i++ {
		paras = append(paras, "line "+string(rune('a'+i%26)))
	}
	e.SetText(strings.Join(paras, "\n"))
	key(e, fyne.KeyPageDown)
	page := e.CursorPosition().Para
	if page < 5 || page > 20 {
		t.Fatalf("PageDown moved to paragraph %d, want about a page (5 to 20)", page)
	}
	if e.scrollY <= 0 {
		t.Error("PageDown did not scroll")
	}
	key(e, fyne.KeyPageDown)
	if got := e.CursorPosition().Para; got < 2*page-2 || got > 2*page+2 {
		t.Errorf("second PageDown at paragraph %d, want about %d", got, 2*page)
	}
	key(e, fyne.KeyPageUp)
	key(e, fyne.KeyPageUp)
	if got := e.CursorPosition(); got.Para > 1 {
		t.Errorf("two PageUps back at %+v", got)
	}
	ctrl(e, fyne.KeyEnd, false)
	_, y, h := e.caretBox()
	if y < e.scrollY || y+h > e.scrollY+e.viewHeight()+0.5 {
		t.Errorf("Ctrl+End: caret at %v..%v, view %v..%v", y, y+h, e.scrollY, e.scrollY+e.viewHeight())
	}
}

// TestLayoutOnlyTheEditedParagraph counts paragraph layouts: typing lays
// out the edited paragraph again and nothing else, and opening a long text
// lays out only what is visible.
func TestLayoutOnlyTheEditedParagraph(t *testing.T) {
	e, _ := newTestEditor(t, 400)
	paras := make([]string, 2000)
	for i := range paras {
		paras[i] = strings.Repeat("word ", 30+i%20)
	}
	before := e.lay.layouts
	e.SetText(strings.Join(paras, "\n"))
	if n := e.lay.layouts - before; n == 0 || n > 20 {
		t.Fatalf("SetText of 2,000 paragraphs laid out %d of them, want only the visible few", n)
	}
	e.SetCursor(Pos{1, 3})
	before = e.lay.layouts
	for range 10 {
		e.TypedRune('x')
	}
	if n := e.lay.layouts - before; n != 10 {
		t.Errorf("10 keys laid out %d paragraphs, want 10 (the edited one each time)", n)
	}
	before = e.lay.layouts
	key(e, fyne.KeyReturn)
	if n := e.lay.layouts - before; n > 3 {
		t.Errorf("a line break laid out %d paragraphs, want the two halves (and one coming into view)", n)
	}
}

func TestClipboardAndUndoShortcuts(t *testing.T) {
	e, _ := newTestEditor(t, 300)
	cb := test.NewClipboard()
	test.Type(e, "alpha beta")
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
	e.TypedShortcut(&fyne.ShortcutCut{Clipboard: cb})
	if e.Text() != "" || cb.Content() != "alpha beta" {
		t.Fatalf("cut: text %q, clipboard %q", e.Text(), cb.Content())
	}
	cb.SetContent("one\r\ntwo\rthree")
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: cb})
	if got := e.Text(); got != "one\ntwo\nthree" {
		t.Fatalf("paste gave %q", got)
	}
	e.TypedShortcut(&fyne.ShortcutUndo{})
	if got := e.Text(); got != "" {
		t.Fatalf("undo of the paste gave %q", got)
	}
	e.TypedShortcut(&fyne.ShortcutUndo{})
	if got := e.Text(); got != "alpha beta" {
		t.Fatalf("undo of the cut gave %q", got)
	}
	ctrl(e, fyne.KeyZ, true) // Ctrl+Shift+Z
	if got := e.Text(); got != "" {
		t.Fatalf("Ctrl+Shift+Z gave %q", got)
	}
	e.TypedShortcut(&fyne.ShortcutRedo{})
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
	e.TypedShortcut(&fyne.ShortcutCopy{Clipboard: cb})
	if cb.Content() != "one\ntwo\nthree" {
		t.Fatalf("copy gave %q", cb.Content())
	}
}

func TestMouseSelection(t *testing.T) {
	e, _ := newTestEditor(t, 400)
	e.SetText("Dockworkers voted to return.\nSecond paragraph here.")
	lineH := e.lay.para(0).lineH
	pad := e.padding()
	at := func(x float32, para int) fyne.Position {
		return fyne.NewPos(pad+x, pad+float32(para)*lineH+lineH/2)
	}
	press := func(pt fyne.Position, mod fyne.KeyModifier) {
		e.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pt}, Button: desktop.MouseButtonPrimary, Modifier: mod})
		e.MouseUp(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pt}, Button: desktop.MouseButtonPrimary})
	}
	// Click at the end of the first line's text.
	press(at(1000, 0), 0)
	if got := e.CursorPosition(); got != (Pos{0, len("Dockworkers voted to return.")}) {
		t.Fatalf("click right of the text: cursor %+v", got)
	}
	// Shift-click in the second paragraph extends.
	e.lastClick = e.lastClick.Add(-time.Hour)
	press(at(0, 1), fyne.KeyModifierShift)
	if got := e.SelectedText(); got != "\n" {
		t.Fatalf("shift-click selected %q", got)
	}
	// Double click selects a word, triple click the paragraph.
	e.lastClick = e.lastClick.Add(-time.Hour)
	x := fyne.MeasureText("Dockworkers vo", e.lay.meas.size, fyne.TextStyle{}).Width
	press(at(x, 0), 0)
	press(at(x, 0), 0)
	if got := e.SelectedText(); got != "voted" {
		t.Fatalf("double click selected %q", got)
	}
	press(at(x, 0), 0)
	if got := e.SelectedText(); got != "Dockworkers voted to return." {
		t.Fatalf("triple click selected %q", got)
	}
	// Drag from the start of the second paragraph.
	e.lastClick = e.lastClick.Add(-time.Hour)
	press(at(0, 1), 0)
	e.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: at(1000, 1)}})
	e.DragEnd()
	if got := e.SelectedText(); got != "Second paragraph here." {
		t.Fatalf("drag selected %q", got)
	}
}

// TestTabMovesFocusOn: the editor does not take Tab, so the window moves
// the focus to the next field.
func TestTabMovesFocusOn(t *testing.T) {
	test.NewTempApp(t)
	e := New()
	other := widget.NewEntry()
	w := test.NewTempWindow(t, container.NewVBox(e, other))
	w.Resize(fyne.NewSize(300, 300))
	if _, ok := any(e).(fyne.Tabbable); ok {
		t.Fatal("the editor captures Tab")
	}
	w.Canvas().Focus(e)
	w.Canvas().FocusNext()
	if w.Canvas().Focused() != other {
		t.Fatalf("focus after Tab: %T", w.Canvas().Focused())
	}
	if e.Text() != "" {
		t.Errorf("Tab typed %q", e.Text())
	}
}

func TestDisabledIgnoresInput(t *testing.T) {
	e, _ := newTestEditor(t, 300)
	e.SetText("fixed")
	e.Disable()
	test.Type(e, "x")
	key(e, fyne.KeyBackspace)
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: test.NewClipboard()})
	if e.Text() != "fixed" {
		t.Fatalf("a disabled editor changed: %q", e.Text())
	}
	e.Enable()
	test.Type(e, "x")
	if e.Text() != "xfixed" {
		t.Fatalf("after Enable: %q", e.Text())
	}
}

func TestFindBar(t *testing.T) {
	test.NewTempApp(t)
	e := New()
	bar := NewFindBar(e)
	w := test.NewTempWindow(t, container.NewBorder(bar, nil, nil, nil, e))
	w.Resize(fyne.NewSize(700, 400))
	e.SetText("The port reopened. Port workers\nreturned to the port on Friday; sports resumed.")
	w.Canvas().Focus(e)
	ctrl(e, fyne.KeyH, false)
	if !bar.Visible() || !bar.replRow.Visible() {
		t.Fatal("Ctrl+H did not open the bar with the replace row")
	}
	if w.Canvas().Focused() != bar.find {
		t.Errorf("the query does not have the focus")
	}
	test.Type(bar.find, "port")
	if got := bar.Count(); got != "1 of 4" {
		t.Fatalf("count %q, want 1 of 4", got)
	}
	if got := len(e.m.Decorations(KindSearchMatch)); got != 4 {
		t.Errorf("%d matches decorated, want 4", got)
	}
	bar.wholeWord.SetChecked(true)
	if got := bar.Count(); got != "1 of 3" {
		t.Fatalf("whole word: count %q, want 1 of 3", got)
	}
	bar.Next()
	if got := bar.Count(); got != "2 of 3" || e.SelectedText() != "Port" {
		t.Fatalf("Next: count %q, selected %q", got, e.SelectedText())
	}
	bar.Previous()
	bar.Previous()
	if got := bar.Count(); got != "3 of 3" {
		t.Fatalf("Previous twice (wrapping): count %q", got)
	}
	bar.matchCase.SetChecked(true)
	if got := bar.Count(); got != "2 of 2" || e.SelectedText() != "port" {
		t.Fatalf("match case: count %q (selected %q), want 2 of 2, the match at the selection", got, e.SelectedText())
	}
	bar.repl.SetText("harbour")
	bar.ReplaceOne()
	if !strings.Contains(e.Text(), "returned to the harbour on") || !strings.HasPrefix(e.Text(), "The port") {
		t.Fatalf("replace one gave %q", e.Text())
	}
	bar.matchCase.SetChecked(false)
	bar.ReplaceAll()
	want := "The harbour reopened. harbour workers\nreturned to the harbour on Friday; sports resumed."
	if e.Text() != want {
		t.Fatalf("replace all gave %q", e.Text())
	}
	if got := bar.Count(); got != "Replaced 2" {
		t.Errorf("count after replace all %q", got)
	}
	e.Undo()
	if got := e.Text(); got != "The port reopened. Port workers\nreturned to the harbour on Friday; sports resumed." {
		t.Fatalf("undo of replace all gave %q", got)
	}
	bar.regex.SetChecked(true)
	bar.find.SetText("(")
	if got := bar.Count(); !strings.Contains(got, "regular expression") {
		t.Errorf("a bad regexp shows %q", got)
	}
	bar.Close()
	if bar.Visible() || len(e.m.Decorations(KindSearchMatch)) != 0 {
		t.Error("Close left the bar or the matches")
	}
}

func TestValidator(t *testing.T) {
	e, _ := newTestEditor(t, 300)
	e.Validator = func(s string) error {
		if s == "" {
			return errors.New("required")
		}
		return nil
	}
	var last error = errors.New("unset")
	e.SetOnValidationChanged(func(err error) { last = err })
	test.Type(e, "x")
	if last != nil {
		t.Fatalf("after typing: validation %v", last)
	}
	key(e, fyne.KeyBackspace)
	if last == nil || e.Validate() == nil {
		t.Fatal("empty text passed validation")
	}
}

// TestDecorationsAreDrawn: each visible decorated range gets a highlight
// (or an underline) behind or under its text, and they follow typing.
func TestDecorationsAreDrawn(t *testing.T) {
	e, _ := newTestEditor(t, 400)
	e.SetText("port and port\nno match here\nport")
	e.SetDecorationStyle("spelling", DecorationStyle{Color: "error", Underline: true})
	e.SetDecorations(KindSearchMatch, []Range{{Pos{0, 0}, Pos{0, 4}}, {Pos{0, 9}, Pos{0, 13}}, {Pos{2, 0}, Pos{2, 4}}})
	e.SetDecorations("spelling", []Range{{Pos{1, 3}, Pos{1, 8}}})
	count := func() (highlights, underlines int) {
		for _, o := range e.r.objects {
			r, ok := o.(*canvas.Rectangle)
			if !ok || r == e.r.bg || r == e.r.caret || r == e.r.thumb || r == e.r.track {
				continue
			}
			if r.Size().Height <= 2 {
				underlines++
			} else {
				highlights++
			}
		}
		return
	}
	if h, u := count(); h != 3 || u != 1 {
		t.Fatalf("%d highlights and %d underlines drawn, want 3 and 1", h, u)
	}
	e.SetCursor(Pos{0, 0})
	test.Type(e, "The ")
	rs := e.Model().Decorations(KindSearchMatch)
	if got := e.Model().Slice(rs[0]); got != "port" || rs[0].From != (Pos{0, 4}) {
		t.Errorf("after typing before it the first match is %q at %+v", got, rs[0].From)
	}
	ctrl(e, fyne.KeyDelete, false) // Ctrl+Delete deletes the next word: the first match
	if got := len(e.Model().Decorations(KindSearchMatch)); got != 2 || !strings.HasPrefix(e.Text(), "The  and") {
		t.Errorf("after deleting a matched word: %d matches, text %q", got, e.Text())
	}
	if h, _ := count(); h != 2 {
		t.Errorf("%d highlights drawn after the delete, want 2", h)
	}
}
