//go:build !windows

package cli_test

import (
	"bufio"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// requireTools skips the test when the X tools are missing on a developer's
// machine, and fails it in CI, where make test-deps installs them.
func requireTools(t *testing.T, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s is missing in CI; make test-deps should have installed it", tool)
			}
			t.Skipf("%s is not installed (make test-deps installs it)", tool)
		}
	}
}

// startXvfb starts a virtual X server on a free display and returns its name.
// The server is stopped with SIGTERM, so that it removes its lock file.
func startXvfb(t *testing.T) string {
	t.Helper()
	return startXvfbScreen(t, "1400x900x24")
}

// startXvfbScreen is startXvfb with a screen of the given geometry. Xvfb
// picks a free display number itself and reports it on a pipe
// (-displayfd), so tests and other programs starting X servers at the same
// time can never be handed the same display. -noreset keeps the server
// from resetting when its last client leaves: the program's display check
// is often that client, and a server mid-reset refuses the window that
// follows. The server is stopped with SIGTERM, so that it removes its lock
// file.
func startXvfbScreen(t *testing.T, screen string) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", screen, "-nolisten", "tcp", "-noreset")
	cmd.ExtraFiles = []*os.File{w}
	if err := cmd.Start(); err != nil {
		w.Close()
		t.Fatalf("start Xvfb: %v", err)
	}
	w.Close()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			_ = cmd.Process.Kill()
		}
	})
	got := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		got <- strings.TrimSpace(line)
	}()
	select {
	case n := <-got:
		if _, err := strconv.Atoi(n); err != nil {
			t.Fatalf("Xvfb did not come up (it reported %q)", n)
		}
		return ":" + n
	case <-time.After(20 * time.Second):
		t.Fatal("Xvfb did not report its display within 20 s")
	}
	return ""
}

// startGUI starts the window on lib and display, with env added to its
// environment. It returns the program's stderr and a channel that gets its
// exit; the program is killed if the test ends first.
func startGUI(t *testing.T, display, lib string, env ...string) (*syncBuffer, <-chan error) {
	t.Helper()
	gui := exec.Command(binary, "--library", lib)
	// A config folder of its own: Fyne keeps its preferences file there, and
	// the test must neither read another run's nor leave one behind.
	gui.Env = append(os.Environ(), "DISPLAY="+display, "WAYLAND_DISPLAY=", "XDG_CONFIG_HOME="+t.TempDir())
	gui.Env = append(gui.Env, env...)
	stderr := &syncBuffer{}
	gui.Stderr = stderr
	if err := gui.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- gui.Wait() }()
	t.Cleanup(func() {
		if gui.ProcessState == nil {
			_ = gui.Process.Kill()
		}
	})
	return stderr, exited
}

// syncBuffer collects a program's output while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

// Write implements io.Writer.
func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

// String returns what was written so far.
func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// waitForWindow waits for a visible window whose title matches name and
// returns its ID.
func waitForWindow(t *testing.T, display, name string, stderr *syncBuffer) string {
	t.Helper()
	var win string
	if !waitFor(30*time.Second, func() bool {
		win = xdotool(t, display, "search", "--onlyvisible", "--name", name)
		return win != ""
	}) {
		t.Fatalf("no window %q appeared; stderr: %s", name, stderr.String())
	}
	return strings.Fields(win)[0]
}

// waitFor polls cond until it holds or the timeout passes.
func waitFor(timeout time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if cond() {
			return true
		}
		time.Sleep(100 * time.Millisecond)
	}
	return cond()
}

// xdotool runs xdotool on display and returns its trimmed output.
func xdotool(t *testing.T, display string, args ...string) string {
	t.Helper()
	cmd := exec.Command("xdotool", args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+display)
	out, err := cmd.Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// TestGUIWritesSavesAndQuits runs the real window on a virtual display, as a
// correspondent would use it: the first run opens the sample article, Ctrl+N
// starts a new one with the cursor in the headline, typing is autosaved
// while the window is open (the CLI sees it in the same library), and Ctrl+Q
// saves and quits with status 0. With DATELINE_SCREENSHOT=path it also
// writes a screenshot of the window there (the README's pictures come from
// TestGUIFitsALaptopScreen and TestGUIBodyTypesExactly).
func TestGUIWritesSavesAndQuits(t *testing.T) {
	requireTools(t, "Xvfb", "xdotool")
	display := startXvfb(t)
	lib := filepath.Join(t.TempDir(), "library.db")

	guiErr, exited := startGUI(t, display, lib)
	win := waitForWindow(t, display, "^Dateline", guiErr)

	listed := func(want string) func() bool {
		return func() bool {
			out, _, _ := dateline(t, nil, "--library", lib, "list")
			return strings.Contains(out, want)
		}
	}
	if !waitFor(20*time.Second, listed("Tea growers count losses after a dry season")) {
		t.Fatalf("the first-run sample article never reached the library; stderr: %s", guiErr.String())
	}

	// The first start of the day backs the library up beside it.
	backups := filepath.Join(filepath.Dir(lib), "backups")
	if !waitFor(10*time.Second, func() bool {
		entries, _ := os.ReadDir(backups)
		return len(entries) == 1
	}) {
		entries, err := os.ReadDir(backups)
		t.Errorf("want one automatic backup in %s at start-up, got %v (%v)", backups, entries, err)
	}

	if path := os.Getenv("DATELINE_SCREENSHOT"); path != "" {
		time.Sleep(2 * time.Second) // let the preview settle
		if out, err := exec.Command("import", "-display", display, "-window", win, path).CombinedOutput(); err != nil {
			t.Errorf("screenshot: %v: %s", err, out)
		}
	}

	xdotool(t, display, "windowactivate", "--sync", win)
	xdotool(t, display, "windowfocus", "--sync", win)
	xdotool(t, display, "key", "--window", win, "ctrl+n")
	// Typed straight after Ctrl+N, as a correspondent would: the new
	// draft opens before the next key is handled, so nothing is lost.
	xdotool(t, display, "type", "--delay", "30", "Harbour cranes stand idle")
	if !waitFor(20*time.Second, listed("Harbour cranes stand idle")) {
		out, _, _ := dateline(t, nil, "--library", lib, "list")
		t.Fatalf("typed headline was not autosaved; library:\n%s\nstderr: %s", out, guiErr.String())
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

// withoutFynePrefsRace drops the three log lines of one known Fyne 2.7 race
// from a GUI log: at exit Fyne rewrites its preferences file, its own file
// watcher can read the file half-written when the machine is loaded (it
// ignores its own writes for only 100 ms), and it logs "Preferences load
// error: EOF". Dateline stores no preferences; every other error stays.
func withoutFynePrefsRace(log string) string {
	lines := strings.Split(log, "\n")
	var kept []string
	for i := 0; i < len(lines); i++ {
		if strings.Contains(lines[i], "Fyne error:  Preferences load error:") &&
			i+1 < len(lines) && strings.Contains(lines[i+1], "Cause: EOF") {
			i += 2 // and its "At: …preferences.go" line
			continue
		}
		kept = append(kept, lines[i])
	}
	return strings.Join(kept, "\n")
}

func TestWithoutFynePrefsRace(t *testing.T) {
	race := "2026/11/27 06:04:39 Fyne error:  Preferences load error:\n" +
		"2026/11/27 06:04:39   Cause: EOF\n" +
		"2026/11/27 06:04:39   At: /root/go/pkg/mod/fyne.io/fyne/v2@v2.7.1/app/preferences.go:103\n"
	other := "2026/11/27 06:04:40 Fyne error:  Failed to load icon\n"
	if got := withoutFynePrefsRace(race + other); got != other {
		t.Errorf("got %q, want only the other error kept", got)
	}
	corrupt := "x Fyne error:  Preferences load error:\nx   Cause: invalid character 'x'\n"
	if got := withoutFynePrefsRace(corrupt); got != corrupt {
		t.Errorf("a load error other than EOF must be kept, got %q", got)
	}
}

// TestGUIExplainsALibraryItCannotOpen starts the window on a file that is
// not a library: the user sees why in a window (not only on stderr), and
// dismissing it (Escape) exits 1 with the file untouched.
func TestGUIExplainsALibraryItCannotOpen(t *testing.T) {
	requireTools(t, "Xvfb", "xdotool")
	display := startXvfb(t)
	lib := filepath.Join(t.TempDir(), "notes.db")
	junk := []byte("shopping list: tea, sugar, milk — definitely not an SQLite database")
	if err := os.WriteFile(lib, junk, 0o644); err != nil {
		t.Fatal(err)
	}
	guiErr, exited := startGUI(t, display, lib)
	win := waitForWindow(t, display, "library cannot be opened", guiErr)
	if !strings.Contains(guiErr.String(), "not a Dateline library") {
		t.Errorf("stderr should carry the reason too: %q", guiErr.String())
	}
	closeExplanation(t, display, win, exited)
	if s := guiErr.String(); strings.Contains(s, "panic") || strings.Contains(s, "goroutine ") {
		t.Errorf("the explanation window crashed instead of closing:\n%s", s)
	}
	if got, _ := os.ReadFile(lib); string(got) != string(junk) {
		t.Error("the file that is not a library was changed")
	}
}

// closeExplanation presses Escape in the start-up error window and checks
// that the program ends with status 1.
func closeExplanation(t *testing.T, display, win string, exited <-chan error) {
	t.Helper()
	xdotool(t, display, "windowactivate", "--sync", win)
	xdotool(t, display, "windowfocus", "--sync", win)
	xdotool(t, display, "key", "--window", win, "Escape")
	select {
	case err := <-exited:
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 1 {
			t.Errorf("closing the explanation: %v, want exit status 1", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("closing the explanation window did not end the program")
	}
}
