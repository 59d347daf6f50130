//go:build !windows

package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestGUISyncsInTheBackground runs the built window on a library that
// remembers a newsroom server: a story another laptop pushes reaches the
// window's library by itself (LISTEN/NOTIFY), a story typed in the window
// reaches the other laptop, and Ctrl+Q quits promptly.
func TestGUISyncsInTheBackground(t *testing.T) {
	requireTools(t, "Xvfb", "xdotool")
	c := startCluster(t)
	admin := c.DSN("postgres", "postgres")
	if _, errOut, code := dateline(t, nil, "server", "init", "--dsn", admin); code != 0 {
		t.Fatalf("server init: exit %d, %q", code, errOut)
	}
	if _, errOut, code := dateline(t, nil, "server", "adduser", "ana", "--role", "correspondent", "--dsn", admin); code != 0 {
		t.Fatalf("adduser: exit %d, %q", code, errOut)
	}
	ana := c.DSN("postgres", "ana")
	dir := t.TempDir()
	lib1, lib2 := filepath.Join(dir, "window.db"), filepath.Join(dir, "other.db")
	if _, errOut, code := dateline(t, nil, "--library", lib1, "import", "testdata/port-strike.md"); code != 0 {
		t.Fatalf("import: exit %d, %s", code, errOut)
	}
	if _, errOut, code := dateline(t, nil, "--library", lib1, "sync", "--server", ana); code != 0 {
		t.Fatalf("sync: exit %d, %s", code, errOut)
	}
	if _, errOut, code := dateline(t, nil, "--library", lib2, "sync", "--server", ana); code != 0 {
		t.Fatalf("second laptop's sync: exit %d, %s", code, errOut)
	}

	display := startXvfb(t)
	guiErr, exited := startGUI(t, display, lib1)
	win := waitForWindow(t, display, "^Dateline", guiErr)
	listed := func(lib, want string, sync bool) func() bool {
		return func() bool {
			if sync {
				dateline(t, nil, "--library", lib, "sync")
			}
			out, _, _ := dateline(t, nil, "--library", lib, "list")
			return strings.Contains(out, want)
		}
	}

	// Another laptop files a story; the window's library gets it without
	// anyone asking.
	story := filepath.Join(dir, "ferry.md")
	if err := os.WriteFile(story, []byte("---\ntitle: Ferry fares rise on the island routes\nslug: ferry-fares\n---\n\nFares went up by a fifth.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := dateline(t, nil, "--library", lib2, "import", story); code != 0 {
		t.Fatalf("import on the other laptop: exit %d, %s", code, errOut)
	}
	// The window listens once its first sync is done; a push before that
	// is pulled by the sync that listening starts with.
	if _, errOut, code := dateline(t, nil, "--library", lib2, "sync"); code != 0 {
		t.Fatalf("the other laptop's push: exit %d, %s", code, errOut)
	}
	if !waitFor(30*time.Second, listed(lib1, "Ferry fares rise", false)) {
		out, _, _ := dateline(t, nil, "--library", lib1, "list")
		t.Fatalf("the other laptop's story never reached the window's library:\n%s\nstderr: %s", out, guiErr.String())
	}

	// A story typed in the window reaches the other laptop.
	xdotool(t, display, "windowactivate", "--sync", win)
	xdotool(t, display, "windowfocus", "--sync", win)
	xdotool(t, display, "key", "--window", win, "ctrl+n")
	xdotool(t, display, "type", "--delay", "30", "Harbour cranes stand idle")
	if !waitFor(30*time.Second, listed(lib2, "Harbour cranes stand idle", true)) {
		t.Fatalf("the story typed in the window never reached the other laptop; stderr: %s", guiErr.String())
	}

	xdotool(t, display, "key", "--window", win, "ctrl+q")
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("the window exited with %v; stderr: %s", err, guiErr.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatalf("Ctrl+Q did not close the window; stderr: %s", guiErr.String())
	}
	if s := withoutFynePrefsRace(guiErr.String()); strings.Contains(s, "panic") || strings.Contains(s, "Fyne error") {
		t.Errorf("the GUI logged errors:\n%s", s)
	}
}
