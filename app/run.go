package app

import (
	"fmt"
	"net"
	"os"
	"runtime"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/dialog"

	"github.com/dateline-news/dateline/app/syncloop"
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
	// During steady typing DefaultAutosaveMaxWait (autosave.go) saves
	// sooner.
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
	// Version is the release, shown in Help > About.
	Version string
	// Notice, when set, is shown in a dialog when the window opens: the
	// library is read-only, its search index was rebuilt, it was restored
	// from a backup.
	Notice string
	// RaiseKey, when set, is the library's lock file; the window then
	// comes to the front when Dateline is started again on the same
	// library (see RaiseRunning).
	RaiseKey string
	// AutosaveDelay overrides DefaultAutosaveDelay when positive.
	AutosaveDelay time.Duration
	// AutosaveMaxWait overrides DefaultAutosaveMaxWait when positive.
	AutosaveMaxWait time.Duration
	// PreviewDelay overrides DefaultPreviewDelay when positive.
	PreviewDelay time.Duration
	// Colleagues, when set, is the newsroom server's line for the user,
	// assignment and presence (presence.go).
	Colleagues Colleagues
	// Newsroom, when set, is the library's link to its newsroom server:
	// File › Connect to newsroom… and the background sync use it.
	Newsroom editor.Newsroom
	// syncTimings, when set, replaces the background sync's default
	// timings (tests).
	syncTimings syncloop.Config

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

func (o Options) autosaveMaxWait() time.Duration {
	if o.AutosaveMaxWait > 0 {
		return o.AutosaveMaxWait
	}
	return DefaultAutosaveMaxWait
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
	if err := CheckDisplay(); err != nil {
		return err
	}
	id := opt.AppID
	if id == "" {
		id = ID
	}
	a := fyneapp.NewWithID(id)
	a.SetIcon(Icon())
	applyAppearance(a, loadAppearance(a.Preferences())) // the user's theme and text size, preferences.go
	w := NewMainWindow(a, store, opt)
	w.FitToScreen()
	a.Lifecycle().SetOnStarted(w.RestorePosition) // the window exists once the driver runs
	w.stopHook = takeStopHook(a)                  // run by RequestClose; quit.go says why
	defer w.serve()()
	defer w.sync.stop() // no sync left running however the window ended
	w.Window.ShowAndRun()
	w.presence.end() // tell the newsroom this laptop closed the draft
	w.presence.waitLeft(3 * time.Second)
	return nil
}

// serve shows the window's start notice and answers requests to come to
// the front; it returns the function that stops answering.
func (w *MainWindow) serve() (stop func()) {
	if w.opt.Notice != "" {
		var paras []string
		for _, p := range strings.Split(w.opt.Notice, "\n\n") {
			paras = append(paras, wrapText(p, startErrorColumns))
		}
		dialog.ShowInformation("Dateline", strings.Join(paras, "\n\n"), w.Window)
	}
	if w.opt.RaiseKey != "" {
		if stop, err := listenForRaise(w.opt.RaiseKey, func() { bringToFront(w.Window) }); err == nil {
			return stop
		}
	}
	return func() {}
}

// Icon returns the application icon as a Fyne resource.
func Icon() fyne.Resource {
	return fyne.NewStaticResource("dateline.png", assets.Icon)
}

// CheckDisplay reports a missing or unreachable X11 or Wayland display on
// the systems that need one, before the windowing library would panic over
// it: an *editor.Error with code EUNAVAILABLE that points to the command
// line.
func CheckDisplay() error {
	switch runtime.GOOS {
	case "windows", "darwin", "android", "ios", "js":
		return nil
	}
	if os.Getenv("WAYLAND_DISPLAY") != "" {
		return nil
	}
	const hint = "; the GUI needs one — use the command line instead, see: dateline --help"
	d := os.Getenv("DISPLAY")
	if d == "" {
		return editor.Errorf(editor.EUNAVAILABLE, "no display found (DISPLAY and WAYLAND_DISPLAY are unset)"+hint)
	}
	if !x11Reachable(d) {
		return editor.Errorf(editor.EUNAVAILABLE, "cannot connect to the X display %q"+hint, d)
	}
	return nil
}

// x11Reachable dials the X server named by display (":0", "host:1.0",
// "unix:0") with a short timeout.
func x11Reachable(display string) bool {
	host, num, ok := strings.Cut(display, ":")
	if !ok {
		return false
	}
	num, _, _ = strings.Cut(num, ".")
	if num == "" {
		return false
	}
	var conn net.Conn
	var err error
	if host == "" || host == "unix" || strings.HasPrefix(host, "/") {
		sock := "/tmp/.X11-unix/X" + num
		if strings.HasPrefix(host, "/") { // launchd-style socket path
			sock = display
		}
		conn, err = net.DialTimeout("unix", sock, time.Second)
		if err != nil && host == "" {
			// An abstract socket (Linux) is also how local X servers listen.
			conn, err = net.DialTimeout("unix", "@/tmp/.X11-unix/X"+num, time.Second)
		}
	} else {
		port := 6000
		fmt.Sscanf(num, "%d", &port)
		if port < 6000 {
			port += 6000
		}
		conn, err = net.DialTimeout("tcp", net.JoinHostPort(host, fmt.Sprint(port)), 2*time.Second)
	}
	if err != nil {
		return false
	}
	_ = conn.Close()
	return true
}
