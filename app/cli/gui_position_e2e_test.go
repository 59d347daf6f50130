//go:build !windows

package cli_test

import (
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestGUIRestoresWindowPosition moves the real window with xdotool, quits
// with Ctrl+Q and starts again on the same preferences: the window comes
// back where it was left. Left hanging off the screen's corner, it comes
// back moved just far enough to be wholly on the screen.
func TestGUIRestoresWindowPosition(t *testing.T) {
	requireTools(t, "Xvfb", "xdotool")
	display := startXvfbScreen(t, "1920x1080x24")
	lib := filepath.Join(t.TempDir(), "library.db")
	config := "XDG_CONFIG_HOME=" + t.TempDir() // shared by the runs: Fyne's preferences live there

	// run starts the window, waits until it stands at want (if given: the
	// restore runs as the driver starts, later on a loaded machine), moves
	// it to move and quits; it returns where the window stood.
	run := func(want func(w, h int) (int, int), move [2]int) (x, y int) {
		t.Helper()
		guiErr, exited := startGUI(t, display, lib, config)
		win := waitForWindow(t, display, "^Dateline", guiErr)
		if !waitFor(20*time.Second, func() bool {
			out, _, _ := dateline(t, nil, "--library", lib, "list")
			return strings.Contains(out, "Tea growers")
		}) {
			t.Fatalf("the library never loaded; stderr: %s", guiErr.String())
		}
		if want != nil {
			waitFor(10*time.Second, func() bool {
				x, y, w, h := windowGeometry(t, display, win)
				wx, wy := want(w, h)
				return x == wx && y == wy
			})
		}
		x, y, _, _ = windowGeometry(t, display, win)
		xdotool(t, display, "windowmove", "--sync", win, strconv.Itoa(move[0]), strconv.Itoa(move[1]))
		if mx, my, _, _ := windowGeometry(t, display, win); mx != move[0] || my != move[1] {
			t.Fatalf("xdotool moved the window to %d,%d, not %v", mx, my, move)
		}
		quitWithCtrlQ(t, display, win, exited, guiErr)
		return x, y
	}

	run(nil, [2]int{300, 150})
	left := func(int, int) (int, int) { return 300, 150 }
	if x, y := run(left, [2]int{1700, 900}); x != 300 || y != 150 {
		t.Errorf("the window came back at %d,%d, want 300,150 where it was left", x, y)
	}
	var wantX, wantY int
	onScreen := func(w, h int) (int, int) { wantX, wantY = 1920-w, 1080-h; return wantX, wantY }
	if x, y := run(onScreen, [2]int{300, 150}); x != wantX || y != wantY {
		t.Errorf("left hanging off the screen at 1700,900, the window came back at %d,%d; want %d,%d (moved onto the screen)", x, y, wantX, wantY)
	}
}

// quitWithCtrlQ presses Ctrl+Q in the window and waits for the program to
// end with status 0. If it has not ended after 45 s, it is sent SIGQUIT,
// so that the Go runtime prints every goroutine's stack to its stderr,
// and the test fails with that dump.
func quitWithCtrlQ(t *testing.T, display, win string, exited <-chan error, guiErr *syncBuffer) {
	t.Helper()
	xdotool(t, display, "windowactivate", "--sync", win)
	xdotool(t, display, "windowfocus", "--sync", win)
	pid := xdotool(t, display, "getwindowpid", win)
	xdotool(t, display, "key", "--window", win, "ctrl+q")
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("the window exited with %v; stderr: %s", err, guiErr.String())
		}
		return
	case <-time.After(45 * time.Second):
	}
	if n, err := strconv.Atoi(pid); err == nil && n > 0 {
		_ = syscall.Kill(n, syscall.SIGQUIT)
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
		}
	}
	t.Fatalf("Ctrl+Q did not close the window within 45 s; stderr with the goroutine dump:\n%s", guiErr.String())
}
