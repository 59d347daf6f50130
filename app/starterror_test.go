package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/editor"
)

func TestStartErrorWindowExplains(t *testing.T) {
	a := test.NewTempApp(t)
	err := editor.Errorf(editor.EINVALID, "/home/dana/library.db is not a Dateline library (file is not a database)")
	w := newStartErrorWindow(a, "/home/dana/library.db", err)
	defer w.Close()

	var text []string
	var quit *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Label:
			text = append(text, v.Text)
		case *widget.Button:
			quit = v
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		}
	}
	walk(w.Content())
	all := strings.Join(text, "\n")
	for _, want := range []string{"is not a Dateline library", "Library: /home/dana/library.db", "dateline restore BACKUP"} {
		if !strings.Contains(all, want) {
			t.Errorf("the window lacks %q:\n%s", want, all)
		}
	}
	if !strings.Contains(w.Title(), "cannot be opened") {
		t.Errorf("title = %q", w.Title())
	}
	if quit == nil || quit.Text != "Quit" {
		t.Fatal("no Quit button")
	}
}

func TestWrapText(t *testing.T) {
	for _, tt := range []struct {
		in   string
		w    int
		want string
	}{
		{"one two three", 7, "one two\nthree"},
		{"one two three", 80, "one two three"},
		{"a /very/long/path/that/does/not/fit end", 10, "a\n/very/long/path/that/does/not/fit\nend"},
		{"  spaced   out  ", 20, "spaced out"},
		{"", 10, ""},
	} {
		if got := wrapText(tt.in, tt.w); got != tt.want {
			t.Errorf("wrapText(%q, %d) = %q, want %q", tt.in, tt.w, got, tt.want)
		}
	}
}

func TestStartErrorWindowClosesOnEscape(t *testing.T) {
	a := test.NewTempApp(t)
	w := newStartErrorWindow(a, "/lib.db", editor.Errorf(editor.EUNAVAILABLE, "the library is locked"))
	w.Show()
	closed := false
	w.SetOnClosed(func() { closed = true })
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if !closed {
		t.Error("Escape did not close the window")
	}
}
