package app

import (
	"path/filepath"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/editor"
)

// StartRecovery is what the start-up error window can offer for a damaged
// library: a button that restores the newest backup and opens the window
// on it.
type StartRecovery struct {
	// Label is the button's text: "Restore the newest backup (date, N
	// drafts)".
	Label string
	// Recover restores the backup, keeping the damaged file aside, and
	// opens the library; it returns the store and a notice for the main
	// window (which file was kept where).
	Recover func() (editor.Store, string, error)
	// Window configures the main window opened after a recovery.
	Window Options
}

// ShowStartError tells a desktop user in a window why the library could
// not be opened (locked by another program, damaged, from a newer version,
// not a library at all) and blocks until they close it. Someone who starts
// Dateline from a menu never sees what main prints on stderr. With rec, a
// damaged library's window offers to restore the newest backup; after a
// recovery the main window opens on the restored library, and
// ShowStartError returns its store when that window closes, for the caller
// to close. It does nothing without a display.
func ShowStartError(libraryPath string, err error, rec *StartRecovery) editor.Store {
	if CheckDisplay() != nil {
		return nil
	}
	a := fyneapp.NewWithID(ID)
	a.SetIcon(Icon())
	a.Settings().SetTheme(newTheme())
	var recovered editor.Store
	w := newStartErrorWindow(a, libraryPath, err, rec, func(store editor.Store, main *MainWindow) {
		recovered = store
		stop := main.serve()
		main.Window.SetOnClosed(stop)
	})
	w.ShowAndRun()
	return recovered
}

// newStartErrorWindow builds the window ShowStartError shows. Escape (and
// Return, when nothing is offered) closes it as the Quit button does. When
// rec's button restores the library, the main window opens on it, opened
// is called with its store, and this window closes.
func newStartErrorWindow(a fyne.App, libraryPath string, err error, rec *StartRecovery, opened func(editor.Store, *MainWindow)) fyne.Window {
	w := a.NewWindow("Dateline — the library cannot be opened")
	msg := widget.NewLabel(wrapText(editor.ErrorMessage(err), startErrorColumns))
	msg.TextStyle = fyne.TextStyle{Bold: true}
	advice := "Nothing was changed. Close the program that is using the library, or start Dateline with another one " +
		"(dateline --library PATH). A damaged library can be replaced by one of its backups, kept in the " +
		"backups folder beside it: dateline restore BACKUP."
	if rec != nil {
		advice = "Nothing was changed. The button below puts the newest backup that checks out in place of the library " +
			"and keeps the damaged file beside it (" + filepath.Base(libraryPath) + ".damaged-TIME), so that " +
			"nothing in it is lost. Or quit and start Dateline with another library (dateline --library PATH)."
	}
	adviceLabel := widget.NewLabel(wrapText("Library: "+libraryPath, startErrorColumns) + "\n\n" + wrapText(advice, startErrorColumns))
	quit := widget.NewButtonWithIcon("Quit", theme.CancelIcon(), func() { w.Close() })
	buttons := container.NewHBox(layout.NewSpacer(), quit)
	if rec == nil {
		quit.Importance = widget.HighImportance
	} else {
		var restore *widget.Button
		restore = widget.NewButtonWithIcon(rec.Label, theme.HistoryIcon(), func() {
			restore.Disable()
			quit.Disable()
			msg.SetText("Restoring the backup…")
			go func() {
				store, notice, rerr := rec.Recover()
				fyne.Do(func() {
					if rerr != nil {
						msg.SetText(wrapText("The backup could not be restored: "+editor.ErrorMessage(rerr), startErrorColumns))
						quit.Enable()
						return
					}
					opt := rec.Window
					opt.Notice = strings.TrimSpace(notice + " " + opt.Notice)
					main := NewMainWindow(a, store, opt)
					opened(store, main)
					main.Window.Show()
					w.Close()
				})
			}()
		})
		restore.Importance = widget.HighImportance
		buttons.Add(restore)
	}
	w.SetContent(container.NewPadded(container.NewBorder(nil, buttons, nil, nil,
		container.NewVBox(container.NewHBox(widget.NewIcon(theme.ErrorIcon()), msg), adviceLabel))))
	w.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		switch {
		case ev.Name == fyne.KeyEscape && !quit.Disabled():
			w.Close()
		case rec == nil && (ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter):
			w.Close()
		}
	})
	w.SetFixedSize(true)
	return w
}

// startErrorColumns is the width, in characters, the start-up error is
// wrapped to. Fyne's wrapping labels take their height from a guessed
// width and make the window needlessly tall, so the text is wrapped here.
const startErrorColumns = 72

// wrapText breaks s into lines of at most width runes at spaces; a longer
// word (a long path) gets a line of its own.
func wrapText(s string, width int) string {
	var b strings.Builder
	line := 0
	for i, word := range strings.Fields(s) {
		n := utf8.RuneCountInString(word)
		switch {
		case i == 0:
		case line+1+n > width:
			b.WriteByte('\n')
			line = 0
		default:
			b.WriteByte(' ')
			line++
		}
		b.WriteString(word)
		line += n
	}
	return b.String()
}
