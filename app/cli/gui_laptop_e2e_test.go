//go:build !windows

package cli_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// windowGeometry is the window's position and size as xdotool reports it.
func windowGeometry(t *testing.T, display, win string) (x, y, w, h int) {
	t.Helper()
	out := xdotool(t, display, "getwindowgeometry", win)
	// Window 4194336
	//   Position: 0,0 (screen: 0)
	//   Geometry: 1229x691
	for _, line := range strings.Split(out, "\n") {
		line = strings.TrimSpace(line)
		if rest, ok := strings.CutPrefix(line, "Position: "); ok {
			fmt.Sscanf(rest, "%d,%d", &x, &y)
		}
		if rest, ok := strings.CutPrefix(line, "Geometry: "); ok {
			fmt.Sscanf(rest, "%dx%d", &w, &h)
		}
	}
	if w == 0 || h == 0 {
		t.Fatalf("no geometry in xdotool's answer %q", out)
	}
	return x, y, w, h
}

// TestGUIFitsALaptopScreen opens the window on a fresh library on the
// screens correspondents carry (1366x768 and 1280x800) and on a desk
// monitor, and checks that the whole window, status bar included, is on
// the screen, at most 90 % of it, and no smaller than the usable layout.
// With DATELINE_SCREENSHOTS=assets it also keeps a screenshot of each size
// in the light and the dark theme (assets/screenshot-WxH-VARIANT.png), which
// is how the README's pictures are made.
func TestGUIFitsALaptopScreen(t *testing.T) {
	requireTools(t, "Xvfb", "xdotool")
	for _, screen := range [][2]int{{1366, 768}, {1280, 800}, {1920, 1080}} {
		variants := []string{"light"}
		if screenshotDir() != "" && screen[0] != 1366 {
			variants = []string{"light", "dark"}
		}
		for _, variant := range variants {
			name := fmt.Sprintf("%dx%d-%s", screen[0], screen[1], variant)
			t.Run(name, func(t *testing.T) {
				display := startXvfbScreen(t, fmt.Sprintf("%dx%dx24", screen[0], screen[1]))
				lib := filepath.Join(t.TempDir(), "library.db")
				guiErr, exited := startGUI(t, display, lib, "FYNE_THEME="+variant)
				win := waitForWindow(t, display, "^Dateline", guiErr)
				if !waitFor(20*time.Second, func() bool {
					out, _, _ := dateline(t, nil, "--library", lib, "list")
					return strings.Contains(out, "Tea growers")
				}) {
					t.Fatalf("the first-run sample never reached the library; stderr: %s", guiErr.String())
				}
				x, y, w, h := windowGeometry(t, display, win)
				if x < 0 || y < 0 || x+w > screen[0] || y+h > screen[1] {
					t.Errorf("window at %d,%d size %dx%d does not fit the %dx%d screen: the status bar or the preview is cut off", x, y, w, h, screen[0], screen[1])
				}
				if float64(w) > 0.9*float64(screen[0])+1 || float64(h) > 0.9*float64(screen[1])+1 {
					t.Errorf("first window %dx%d takes more than 90%% of %dx%d", w, h, screen[0], screen[1])
				}
				if w < min(1024, screen[0]) || h < min(600, screen[1]) {
					t.Errorf("first window %dx%d is smaller than the usable 1024x600", w, h)
				}
				time.Sleep(1500 * time.Millisecond) // let the preview settle
				screenshot(t, display, win, "screenshot-"+name+".png")
				// Ctrl+Q must end the program. On a loaded machine it once
				// hung in about one run in twenty: Fyne's shutdown race
				// (app/quit.go). quitWithCtrlQ prints the goroutines of a
				// program that does not end.
				quitWithCtrlQ(t, display, win, exited, guiErr)
			})
		}
	}
}
