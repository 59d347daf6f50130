//go:build linux

package app

import (
	"bufio"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/dateline-news/dateline/editor"
)

// fakePortal is an XDG desktop portal's FileChooser on a private session
// bus: it answers each request with the paths the test set, or cancels.
type fakePortal struct {
	conn *dbus.Conn

	mu      sync.Mutex
	answer  []string // file paths to answer with; nil cancels
	calls   []string // the methods called
	options []map[string]dbus.Variant
	parents []string
}

func (f *fakePortal) reply(sender dbus.Sender, method, parent string, opts map[string]dbus.Variant) (dbus.ObjectPath, *dbus.Error) {
	f.mu.Lock()
	f.calls = append(f.calls, method)
	f.options = append(f.options, opts)
	f.parents = append(f.parents, parent)
	answer := f.answer
	f.mu.Unlock()
	token, _ := opts["handle_token"].Value().(string)
	handle := dbus.ObjectPath(portalPath + "/request/" + strings.ReplaceAll(strings.TrimPrefix(string(sender), ":"), ".", "_") + "/" + token)
	go func() {
		time.Sleep(20 * time.Millisecond) // after the call has returned, as a real chooser does
		if answer == nil {
			_ = f.conn.Emit(handle, portalRequest+".Response", uint32(portalCancelled), map[string]dbus.Variant{})
			return
		}
		uris := make([]string, len(answer))
		for i, p := range answer {
			uris[i] = (&url.URL{Scheme: "file", Path: p}).String()
		}
		_ = f.conn.Emit(handle, portalRequest+".Response", uint32(0), map[string]dbus.Variant{"uris": dbus.MakeVariant(uris)})
	}()
	return handle, nil
}

// The portal's methods, as godbus exports them.
func (f *fakePortal) OpenFile(sender dbus.Sender, parent, title string, opts map[string]dbus.Variant) (dbus.ObjectPath, *dbus.Error) {
	return f.reply(sender, "OpenFile", parent, opts)
}

func (f *fakePortal) SaveFile(sender dbus.Sender, parent, title string, opts map[string]dbus.Variant) (dbus.ObjectPath, *dbus.Error) {
	return f.reply(sender, "SaveFile", parent, opts)
}

// startSessionBus runs a private dbus-daemon for the test and points
// DBUS_SESSION_BUS_ADDRESS at it.
func startSessionBus(t *testing.T) string {
	t.Helper()
	cmd := exec.Command("dbus-daemon", "--session", "--nofork", "--print-address=1")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("dbus-daemon (Debian's dbus-daemon, installed by make test-deps): %v", err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	addr, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("dbus-daemon printed no address: %v", err)
	}
	addr = strings.TrimSpace(addr)
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", addr)
	t.Setenv("DATELINE_FILE_DIALOG", "")
	return addr
}

// startFakePortal serves a fakePortal on the bus at addr.
func startFakePortal(t *testing.T, addr string) *fakePortal {
	t.Helper()
	conn, err := dbus.Connect(addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = conn.Close() })
	f := &fakePortal{conn: conn}
	if err := conn.Export(f, portalPath, portalChooser); err != nil {
		t.Fatal(err)
	}
	if reply, err := conn.RequestName(portalName, dbus.NameFlagDoNotQueue); err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("cannot own %s: %v %v", portalName, reply, err)
	}
	return f
}

func TestNoPortalMeansFyneDialogs(t *testing.T) {
	startSessionBus(t)
	if c := newSystemChooser(); c != nil {
		t.Error("a bus without a portal gave a system chooser")
	}
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
	if c := newSystemChooser(); c != nil {
		t.Error("no session bus gave a system chooser")
	}
}

func TestPortalChooser(t *testing.T) {
	addr := startSessionBus(t)
	fake := startFakePortal(t, addr)
	c := newSystemChooser()
	if c == nil {
		t.Fatal("the running portal was not found")
	}
	dir := t.TempDir()
	want := []string{filepath.Join(dir, "wire copy #1.txt"), filepath.Join(dir, "Ünïcode 100%.md")}
	fake.answer = want
	got, err := c.OpenFiles("x11:2a", "Import", "Stories", []string{"*.txt", "*.md"}, true)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("OpenFiles = %q, want %q", got, want)
	}
	opts := fake.options[0]
	if m, _ := opts["multiple"].Value().(bool); !m {
		t.Error("the portal was not asked for several files")
	}
	if fake.parents[0] != "x11:2a" {
		t.Errorf("parent window %q", fake.parents[0])
	}
	if _, ok := opts["filters"]; !ok {
		t.Error("no file filter was offered")
	}

	fake.answer = nil
	if got, err := c.OpenFiles("", "Import", "Stories", nil, true); err != nil || got != nil {
		t.Errorf("a cancelled chooser gave %q, %v", got, err)
	}

	fake.answer = []string{filepath.Join(dir, "out.html")}
	path, err := c.SaveFile("", "Export", "story.html")
	if err != nil || path != fake.answer[0] {
		t.Errorf("SaveFile = %q, %v", path, err)
	}
	if name, _ := fake.options[2]["current_name"].Value().(string); name != "story.html" {
		t.Errorf("suggested name %q", name)
	}
}

// The window imports the several files the desktop's chooser picked, and
// exports to the path it chose.
func TestWindowUsesThePortal(t *testing.T) {
	addr := startSessionBus(t)
	fake := startFakePortal(t, addr)
	clk := newFakeClock()
	store := openStore(t, clk)
	w := newTestWindow(t, store, clk, Options{})
	w.chooser = newSystemChooser()
	if w.chooser == nil {
		t.Fatal("no portal")
	}
	dir := t.TempDir()
	var files []string
	for i, h := range []string{"Ferries resume after the storm", "Port strike ends"} {
		f := filepath.Join(dir, []string{"one.md", "two words.md"}[i])
		if err := os.WriteFile(f, []byte("---\ntitle: "+h+"\n---\nBody.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	fake.answer = files
	w.importer.ShowImportDialog()
	waitUntil(t, w, func() bool {
		n, _ := store.Count(t.Context(), editor.ListOptions{})
		return n == 2
	})
	if w.Window.Canvas().Overlays().Top() != nil {
		t.Error("Fyne's dialog opened beside the desktop's chooser")
	}

	out := filepath.Join(dir, "exported.md")
	fake.answer = []string{out}
	w.showExportSave(editor.FormatMarkdown, w.article)
	waitUntil(t, w, func() bool {
		b, err := os.ReadFile(out)
		return err == nil && strings.Contains(string(b), "title:")
	})
}

// waitUntil runs the window's UI queue until cond holds, for at most ten
// seconds: the portal answers on a goroutine of its own.
func waitUntil(t *testing.T, w *testWindow, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("timed out")
		}
		select {
		case f := <-w.ui.calls:
			f()
		case <-time.After(10 * time.Millisecond):
		}
		w.settle()
	}
}
