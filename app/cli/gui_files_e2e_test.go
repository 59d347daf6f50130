//go:build linux

package cli_test

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dateline-news/dateline/storage"
)

// runGUIOnce starts a second window program on lib and waits for it to end.
func runGUIOnce(t *testing.T, display, lib string) (string, int) {
	t.Helper()
	cmd := exec.Command(binary, "--library", lib)
	cmd.Env = append(os.Environ(), "DISPLAY="+display, "WAYLAND_DISPLAY=", "XDG_CONFIG_HOME="+t.TempDir())
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return stderr.String(), exit.ExitCode()
		}
		return stderr.String(), 0
	case <-time.After(20 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatalf("the second start did not end; stderr: %s", stderr.String())
	}
	return "", -1
}

// Finding 2 (the second window) and 3 (restore beside a window), on the
// real window: a second start brings the first window to the front and
// opens none of its own; restore refuses while the window is open.
func TestGUIOneWindowPerLibrary(t *testing.T) {
	requireTools(t, "Xvfb", "xdotool")
	display := startXvfb(t)
	lib := newLibrary(t)
	backup := filepath.Join(t.TempDir(), "copy.db")
	if _, errOut, code := dateline(t, nil, "--library", lib, "backup", backup); code != 0 {
		t.Fatal(errOut)
	}
	guiErr, exited := startGUI(t, display, lib)
	win := waitForWindow(t, display, "^Dateline —", guiErr)

	_, errOut, code := dateline(t, nil, "--library", lib, "restore", "--yes", backup)
	if code != 1 || !strings.Contains(errOut, "is already open in a Dateline window (process") {
		t.Errorf("restore beside the window: exit %d, stderr %q; want a refusal naming the window", code, errOut)
	}
	if _, err := os.Stat(lib + ".before-restore"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a refused restore moved the library aside: %v", err)
	}

	// Take the focus away from the window, then start Dateline again.
	root := xdotool(t, display, "search", "--maxdepth", "0", "--name", "")
	xdotool(t, display, "windowfocus", "--sync", root)
	if focus := xdotool(t, display, "getwindowfocus"); focus == win || focus == "" {
		t.Fatalf("could not take the focus away from the window (root %q, focus %q)", root, focus)
	}
	second, code := runGUIOnce(t, display, lib)
	if code != 0 || !strings.Contains(second, "brought that window to the front") {
		t.Errorf("second start: exit %d, stderr %q; want 0 and the first window brought to the front", code, second)
	}
	if wins := strings.Fields(xdotool(t, display, "search", "--onlyvisible", "--name", "^Dateline")); len(wins) != 1 {
		t.Errorf("%d Dateline windows are open, want 1", len(wins))
	}
	if !waitFor(5*time.Second, func() bool { return xdotool(t, display, "getwindowfocus") == win }) {
		t.Errorf("the first window did not get the focus (focus is on %s, window %s)", xdotool(t, display, "getwindowfocus"), win)
	}
	quit(t, display, win, exited, guiErr)

	// With the window closed, the library is free again.
	if _, errOut, code = dateline(t, nil, "--library", lib, "restore", "--yes", backup); code != 0 {
		t.Errorf("restore after the window closed: exit %d, %s", code, errOut)
	}
}

// Finding 7, first half: the window opened and wrote to a library whose
// search index was damaged, without a word. Now it rebuilds the index and
// says so.
func TestGUIRebuildsADamagedSearchIndex(t *testing.T) {
	requireTools(t, "Xvfb", "xdotool")
	display := startXvfb(t)
	lib := newLibrary(t)
	raw, err := sql.Open("sqlite3", lib)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`DROP TRIGGER drafts_after_update_text`,
		`UPDATE drafts SET headline = 'Monsoon floods the valley', doc = json_set(doc, '$.headline', 'Monsoon floods the valley') WHERE slug = 'kenya-tea-harvest'`} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	raw.Close()
	if out, _, code := dateline(t, nil, "--library", lib, "check"); code != 1 || !strings.Contains(out, "search index") {
		t.Fatalf("the damage did not take: check exit %d, %q", code, out)
	}

	guiErr, exited := startGUI(t, display, lib)
	win := waitForWindow(t, display, "^Dateline —", guiErr)
	if !waitFor(10*time.Second, func() bool {
		return strings.Contains(guiErr.String(), "search index of this library was damaged and has been rebuilt")
	}) {
		t.Errorf("the window did not say it rebuilt the search index; stderr: %s", guiErr.String())
	}
	quit(t, display, win, exited, guiErr)
	if out, errOut, code := dateline(t, nil, "--library", lib, "check"); code != 0 {
		t.Errorf("check after the window: exit %d, %q %q", code, out, errOut)
	}
	if out, _, _ := dateline(t, nil, "--library", lib, "search", "monsoon"); !strings.Contains(out, "Monsoon floods the valley") {
		t.Errorf("search after the rebuild misses the draft: %q", out)
	}
}

// Finding 7, second half: the start-up error window for a damaged library
// offers its newest backup as a button, keeps the damaged file aside and
// opens the window on the restored library.
func TestGUIRestoresTheNewestBackupOfADamagedLibrary(t *testing.T) {
	requireTools(t, "Xvfb", "xdotool")
	display := startXvfb(t)
	lib := newLibrary(t)
	if _, errOut, code := dateline(t, nil, "--library", lib, "backup"); code != 0 {
		t.Fatal(errOut)
	}
	f, err := os.OpenFile(lib, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteAt(bytes.Repeat([]byte{0xff}, 3000), 100); err != nil {
		t.Fatal(err)
	}
	f.Close()
	damaged, _ := os.ReadFile(lib)

	guiErr, exited := startGUI(t, display, lib)
	errWin := waitForWindow(t, display, "library cannot be opened", guiErr)
	xdotool(t, display, "windowactivate", "--sync", errWin)
	xdotool(t, display, "windowfocus", "--sync", errWin)
	// Tab reaches Quit, then the restore button; Space presses it.
	xdotool(t, display, "key", "--window", errWin, "Tab", "Tab", "space")
	win := waitForWindow(t, display, "^Dateline — library.db$", guiErr)
	kept, _ := filepath.Glob(lib + ".damaged-*")
	if len(kept) != 1 {
		t.Fatalf("want the damaged library kept aside once, found %v; stderr: %s", kept, guiErr.String())
	}
	if b, _ := os.ReadFile(kept[0]); !bytes.Equal(b, damaged) {
		t.Error("the file kept aside is not the damaged library")
	}
	quit(t, display, win, exited, guiErr)
	if out, errOut, code := dateline(t, nil, "--library", lib, "list"); code != 0 || !strings.Contains(out, "Tea growers") {
		t.Errorf("the restored library: exit %d, %q %q", code, out, errOut)
	}
}

// A read-only library opens in the window, which says it is read-only and
// why, and leaves the library's folder as it was.
func TestGUIOpensAReadOnlyLibrary(t *testing.T) {
	requireTools(t, "Xvfb", "xdotool")
	display := startXvfb(t)
	lib := newLibrary(t)
	before, _ := os.ReadDir(filepath.Dir(lib))
	ro := filepath.Join(readOnlyMount(t, filepath.Dir(lib)), "library.db")
	guiErr, exited := startGUI(t, display, ro)
	win := waitForWindow(t, display, "^Dateline — library.db$", guiErr)
	if !strings.Contains(guiErr.String(), "This library is read-only: it is on a read-only disk") {
		t.Errorf("the window should say the library is read-only and why; stderr: %s", guiErr.String())
	}
	quit(t, display, win, exited, guiErr)
	if strings.Contains(guiErr.String(), "failed") {
		t.Errorf("the window reported a failure on a read-only library: %s", guiErr.String())
	}
	if after, _ := os.ReadDir(filepath.Dir(lib)); len(after) != len(before) {
		t.Errorf("the read-only library's folder changed: %v, then %v", before, after)
	}
}

// Where the window holding the library cannot be brought to the front (here
// the lock is held by this test, which answers no requests), a second start
// says which process has the library, in a window and on stderr, and
// exits 1 without opening the library.
func TestGUISaysWhichProcessHasTheLibrary(t *testing.T) {
	requireTools(t, "Xvfb", "xdotool")
	display := startXvfb(t)
	lib := newLibrary(t)
	lock, err := storage.LockLibrary(lib, "window")
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Release()
	guiErr, exited := startGUI(t, display, lib)
	win := waitForWindow(t, display, "library cannot be opened", guiErr)
	want := fmt.Sprintf("is already open in a Dateline window (process %d on", os.Getpid())
	if !strings.Contains(guiErr.String(), want) {
		t.Errorf("stderr %q should contain %q", guiErr.String(), want)
	}
	if wins := strings.Fields(xdotool(t, display, "search", "--onlyvisible", "--name", "^Dateline — library.db$")); len(wins) != 0 {
		t.Errorf("a second main window opened beside the lock holder")
	}
	closeExplanation(t, display, win, exited)
}

// Two starts at the same moment open one window: whichever comes second
// waits for the other to open and brings it to the front.
func TestGUITwoStartsAtOnceOpenOneWindow(t *testing.T) {
	requireTools(t, "Xvfb", "xdotool")
	display := startXvfb(t)
	lib := newLibrary(t)
	errA, exitA := startGUI(t, display, lib)
	errB, exitB := startGUI(t, display, lib)
	var first, second *syncBuffer
	var firstExit <-chan error
	select {
	case err := <-exitA:
		first, second, firstExit = errB, errA, exitB
		if err != nil {
			t.Errorf("the second start exited with %v; stderr %s", err, errA.String())
		}
	case err := <-exitB:
		first, second, firstExit = errA, errB, exitA
		if err != nil {
			t.Errorf("the second start exited with %v; stderr %s", err, errB.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatalf("neither start ended; stderr %q and %q", errA.String(), errB.String())
	}
	if !strings.Contains(second.String(), "brought that window to the front") {
		t.Errorf("the second start should have brought the first window to the front; stderr %q", second.String())
	}
	win := waitForWindow(t, display, "^Dateline — library.db$", first)
	if wins := strings.Fields(xdotool(t, display, "search", "--onlyvisible", "--name", "^Dateline")); len(wins) != 1 {
		t.Errorf("%d Dateline windows are open, want 1", len(wins))
	}
	quit(t, display, win, firstExit, first)
}

// A window killed outright leaves no stale lock: the next start opens the
// library, and restore works.
func TestGUILockIsFreedWhenTheWindowIsKilled(t *testing.T) {
	requireTools(t, "Xvfb", "xdotool")
	display := startXvfb(t)
	lib := newLibrary(t)
	guiErr, exited := startGUI(t, display, lib)
	win := waitForWindow(t, display, "^Dateline — library.db$", guiErr)
	pid := xdotool(t, display, "getwindowpid", win)
	if pid == "" {
		t.Fatal("no pid for the window")
	}
	if out, err := exec.Command("kill", "-KILL", pid).CombinedOutput(); err != nil {
		t.Fatalf("kill: %v %s", err, out)
	}
	select {
	case <-exited:
	case <-time.After(10 * time.Second):
		t.Fatal("the killed window did not end")
	}
	guiErr, exited = startGUI(t, display, lib)
	win = waitForWindow(t, display, "^Dateline — library.db$", guiErr)
	if strings.Contains(guiErr.String(), "already open") {
		t.Errorf("the next start found a stale lock: %s", guiErr.String())
	}
	quit(t, display, win, exited, guiErr)
}
