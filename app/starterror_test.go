package app

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/editor"
)

func TestStartErrorWindowExplains(t *testing.T) {
	a := test.NewTempApp(t)
	err := editor.Errorf(editor.EINVALID, "/home/dana/library.db is not a Dateline library (file is not a database)")
	w := newStartErrorWindow(a, "/home/dana/library.db", err, nil, nil)
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
	w := newStartErrorWindow(a, "/lib.db", editor.Errorf(editor.EUNAVAILABLE, "the library is locked"), nil, nil)
	w.Show()
	closed := false
	w.SetOnClosed(func() { closed = true })
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if !closed {
		t.Error("Escape did not close the window")
	}
}

// TestStartErrorWindowOffersTheNewestBackup: for a damaged library the
// window offers the newest backup as a button; the button recovers and
// opens the main window with the notice saying where the damaged file is.
func TestStartErrorWindowOffersTheNewestBackup(t *testing.T) {
	a := test.NewTempApp(t)
	store := openStore(t, newFakeClock())
	recovered := 0
	rec := &StartRecovery{
		Label: "Restore the newest backup (14 Mar 2026 09:30, 12 drafts)",
		Recover: func() (editor.Store, string, error) {
			recovered++
			return store, "The damaged library is kept as /lib.db.damaged-20260314-093000.", nil
		},
	}
	opened := make(chan *MainWindow, 1)
	w := newStartErrorWindow(a, "/lib.db", editor.Errorf(editor.EINVALID, "the library /lib.db is damaged"), rec,
		func(s editor.Store, m *MainWindow) {
			if s != store {
				t.Error("opened a store other than the recovered one")
			}
			opened <- m
		})
	w.Show()
	var button *widget.Button
	var text []string
	walk(w.Content(), func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Button:
			if v.Text == rec.Label {
				button = v
			}
		case *widget.Label:
			text = append(text, v.Text)
		}
	})
	if button == nil {
		t.Fatalf("no button %q", rec.Label)
	}
	if all := strings.Join(text, " "); !strings.Contains(all, "lib.db.damaged-TIME") {
		t.Errorf("the window should say the damaged file is kept aside:\n%s", all)
	}
	test.Tap(button)
	select {
	case m := <-opened:
		if recovered != 1 {
			t.Errorf("Recover ran %d times", recovered)
		}
		if !strings.Contains(m.opt.Notice, "damaged library is kept as") {
			t.Errorf("main window notice = %q", m.opt.Notice)
		}
		m.jobs.Wait()
	case <-time.After(10 * time.Second):
		t.Fatal("the main window did not open after the recovery")
	}
}

// TestRaiseRunning brings the window holding a library to the front when
// Dateline is started on it again, and fails where no window listens.
func TestRaiseRunning(t *testing.T) {
	key := filepath.Join(t.TempDir(), "library.db.lock")
	if err := RaiseRunning(key); err == nil {
		t.Fatal("RaiseRunning succeeded with no window listening")
	}
	raised := make(chan struct{}, 1)
	stop, err := listenForRaise(key, func() { raised <- struct{}{} })
	if err != nil {
		t.Fatal(err)
	}
	if _, err := listenForRaise(key, func() {}); err == nil {
		t.Error("a second listener on the same library should fail")
	}
	if err := RaiseRunning(key); err != nil {
		t.Fatalf("RaiseRunning: %v", err)
	}
	select {
	case <-raised:
	default:
		t.Fatal("the window was not asked to come to the front")
	}
	if err := RaiseRunning(filepath.Join(t.TempDir(), "other.db.lock")); err == nil {
		t.Error("RaiseRunning reached a window of another library")
	}
	stop()
	if err := RaiseRunning(key); err == nil {
		t.Error("RaiseRunning succeeded after the window stopped listening")
	}
}
