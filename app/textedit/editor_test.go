package textedit

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
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
