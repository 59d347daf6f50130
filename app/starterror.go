package app

import (
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

// ShowStartError tells a desktop user in a window why the library could
// not be opened (locked by another program, damaged, from a newer version,
// not a library at all) and blocks until they close it. Someone who starts
// Dateline from a menu never sees what main prints on stderr. It does
// nothing without a display.
func ShowStartError(libraryPath string, err error) {
	if CheckDisplay() != nil {
		return
	}
	a := fyneapp.NewWithID(ID)
	a.SetIcon(Icon())
	a.Settings().SetTheme(newTheme())
	newStartErrorWindow(a, libraryPath, err).ShowAndRun()
}

// newStartErrorWindow builds the window ShowStartError shows. Escape and
// Return close it as the Quit button does.
func newStartErrorWindow(a fyne.App, libraryPath string, err error) fyne.Window {
	w := a.NewWindow("Dateline — the library cannot be opened")
	msg := widget.NewLabel(wrapText(editor.ErrorMessage(err), startErrorColumns))
	msg.TextStyle = fyne.TextStyle{Bold: true}
	advice := widget.NewLabel(wrapText("Library: "+libraryPath, startErrorColumns) + "\n\n" + wrapText(
		"Nothing was changed. Close the program that is using the library, or start Dateline with another one "+
			"(dateline --library PATH). A damaged library can be replaced by one of its backups, kept in the "+
			"backups folder beside it: dateline restore BACKUP.", startErrorColumns))
	quit := widget.NewButtonWithIcon("Quit", theme.CancelIcon(), func() { w.Close() })
	quit.Importance = widget.HighImportance
	w.SetContent(container.NewPadded(container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), quit), nil, nil,
		container.NewVBox(container.NewHBox(widget.NewIcon(theme.ErrorIcon()), msg), advice))))
	w.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape || ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter {
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
