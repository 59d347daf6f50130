package app

import (
	"net/url"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	fynestorage "fyne.io/fyne/v2/storage"

	"github.com/dateline-news/dateline/editor"
)

// This file chooses the file dialog: the desktop's own file chooser
// through the XDG desktop portal when one is running (GNOME's and KDE's
// choosers take a typed or pasted path, pick several files, and know the
// user's places), and Dateline's own keyboard dialog (filedialog.go)
// otherwise. The portal client is portal_linux.go; other systems always
// use Dateline's dialog.

// systemChooser is the desktop's file chooser. Its calls block until the
// user answers; a cancelled dialog gives no paths and no error.
type systemChooser interface {
	// OpenFiles asks for files to read, several when multiple is set,
	// offering the patterns (such as "*.txt") under the filter's name.
	OpenFiles(parent, title, filterName string, patterns []string, multiple bool) ([]string, error)
	// SaveFile asks where to save a file with the suggested name.
	SaveFile(parent, title, name string) (string, error)
}

// importPatterns are the file name patterns of the formats Dateline
// imports, from the format table.
func importPatterns() []string {
	var p []string
	for _, ext := range editor.ImportExtensions() {
		p = append(p, "*"+ext)
	}
	return p
}

// showSystemImport asks the desktop's chooser for files to import, on a
// goroutine of its own (the chooser waits for the user), and imports them;
// it reports false when there is no desktop chooser. If the chooser fails,
// Fyne's dialog opens instead.
func (w *MainWindow) showSystemImport(fallback func()) bool {
	if w.chooser == nil {
		return false
	}
	parent := nativeWindowID(w.Window)
	go func() {
		paths, err := w.chooser.OpenFiles(parent, "Import into Dateline", "Stories", importPatterns(), true)
		w.onUI(func() {
			switch {
			case err != nil:
				w.setStatus("The desktop's file chooser failed ("+err.Error()+"); using Dateline's own", true)
				fallback()
			case len(paths) > 0:
				uris := make([]fyne.URI, len(paths))
				for i, p := range paths {
					uris[i] = fynestorage.NewFileURI(p)
				}
				w.importer.ImportURIs(uris)
			}
		}, false)
	}()
	return true
}

// showSystemSave asks the desktop's chooser where to save a file named
// name and hands the writer to save; it reports false when there is no
// desktop chooser. If the chooser fails, Fyne's dialog opens instead.
func (w *MainWindow) showSystemSave(title, name string, save func(fyne.URIWriteCloser, error), fallback func()) bool {
	if w.chooser == nil {
		return false
	}
	parent := nativeWindowID(w.Window)
	go func() {
		path, err := w.chooser.SaveFile(parent, title, name)
		w.onUI(func() {
			switch {
			case err != nil:
				w.setStatus("The desktop's file chooser failed ("+err.Error()+"); using Dateline's own", true)
				fallback()
			case path != "":
				save(fynestorage.Writer(fynestorage.NewFileURI(filepath.Clean(path))))
			}
		}, false)
	}()
	return true
}

// showFileDialog opens Dateline's own file dialog over the window; done
// gets the chosen paths.
func (w *MainWindow) showFileDialog(req fileRequest, done func(paths []string)) *fileDialog {
	return showFileDialog(w.Window, w.app.Preferences(), req, done)
}

// showSaveDialog asks where to save a file named name, with the desktop's
// chooser when there is one and Dateline's dialog otherwise, and hands the
// writer to save.
func (w *MainWindow) showSaveDialog(title, name string, save func(fyne.URIWriteCloser, error)) {
	own := func() {
		w.showFileDialog(fileRequest{title: title, kind: pickSave, name: name}, func(paths []string) {
			save(fynestorage.Writer(fynestorage.NewFileURI(paths[0])))
		})
	}
	if !w.showSystemSave(title, name, save, own) {
		own()
	}
}

// fileURIPath turns a file:// URI from the portal, percent-encoded, into
// a path.
func fileURIPath(uri string) (string, bool) {
	u, err := url.Parse(strings.TrimSuffix(uri, "\x00"))
	if err != nil || u.Scheme != "file" || u.Path == "" {
		return "", false
	}
	return u.Path, true
}
