package app

import (
	"os"
	"runtime"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"github.com/dateline-news/dateline/assets"
	"github.com/dateline-news/dateline/editor"
)

// ID is Dateline's application ID. It must equal the ID in FyneApp.toml,
// since Fyne derives the preferences and storage locations from it.
const ID = "news.dateline.app"

// Default timings of the edit loop.
const (
	// DefaultAutosaveDelay is how long after the last keystroke the draft is
	// saved; with the save itself it keeps autosave within about a second.
	DefaultAutosaveDelay = 750 * time.Millisecond
	// DefaultPreviewDelay is how long after the last keystroke the preview
	// is re-rendered. It is short: the render runs off the UI goroutine and
	// a newer edit supersedes an older render.
	DefaultPreviewDelay = 120 * time.Millisecond
)

// Options configure the GUI.
type Options struct {
	// AppID is the Fyne application ID; empty means ID.
	AppID string
	// LibraryPath is the library file, shown in the title and status bar.
	LibraryPath string
	// Sample, when set, is a Markdown article with YAML front matter (such
	// as assets.SampleArticle) that is imported and opened if the library
	// is empty on start, so that a first run shows a worked example.
	Sample []byte
	// AutosaveDelay overrides DefaultAutosaveDelay when positive.
	AutosaveDelay time.Duration
	// PreviewDelay overrides DefaultPreviewDelay when positive.
	PreviewDelay time.Duration

	// onUI, when set, replaces fyne.Do and fyne.DoAndWait for handing work
	// results to the UI. Tests set it to run those callbacks on the test
	// goroutine, which is what the UI goroutine is there.
	onUI func(f func(), wait bool)
}

func (o Options) autosaveDelay() time.Duration {
	if o.AutosaveDelay > 0 {
		return o.AutosaveDelay
	}
	return DefaultAutosaveDelay
}

func (o Options) previewDelay() time.Duration {
	if o.PreviewDelay > 0 {
		return o.PreviewDelay
	}
	return DefaultPreviewDelay
}

// Run opens the main window on store and blocks until the user closes it.
// Without a display it returns an *editor.Error with code EUNAVAILABLE
// instead of letting the windowing library panic, so that main can print
// one line and point to the command line.
func Run(store editor.Store, opt Options) error {
	if err := checkDisplay(); err != nil {
		return err
	}
	id := opt.AppID
	if id == "" {
		id = ID
	}
	a := fyneapp.NewWithID(id)
	a.SetIcon(Icon())
	a.Settings().SetTheme(newTheme())
	w := NewMainWindow(a, store, opt)
	w.Window.ShowAndRun()
	return nil
}

// Icon returns the application icon as a Fyne resource.
func Icon() fyne.Resource {
	return fyne.NewStaticResource("dateline.png", assets.Icon)
}

// checkDisplay reports a missing X11 or Wayland display on the systems that
// need one.
func checkDisplay() error {
	switch runtime.GOOS {
	case "windows", "darwin", "android", "ios", "js":
		return nil
	}
	if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		return editor.Errorf(editor.EUNAVAILABLE, "no display found (DISPLAY and WAYLAND_DISPLAY are unset); the GUI needs one — use the command line instead, see: dateline --help")
	}
	return nil
}
