//go:build linux

package cli_test

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"github.com/dateline-news/dateline/storage"
)

// These tests cover issue 8's file-level findings on the built binary and
// real files: read-only and full disks are real mounts (CI runs as root,
// and root ignores file modes), symbolic links are real links.

// mount runs mount(8) and unmounts dir when the test ends.
func mount(t *testing.T, dir string, args ...[]string) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting needs root (CI runs as root)")
	}
	for _, a := range args {
		if out, err := exec.Command("mount", a...).CombinedOutput(); err != nil {
			t.Fatalf("mount %v: %v: %s", a, err, out)
		}
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v: %s", dir, err, out)
		}
	})
}

// readOnlyMount returns a read-only bind mount of dir.
func readOnlyMount(t *testing.T, dir string) string {
	t.Helper()
	view := t.TempDir()
	mount(t, view, []string{"--bind", dir, view}, []string{"-o", "remount,ro,bind", view})
	return view
}

// fullDisk returns a small tmpfs with a library holding the two fixtures,
// filled up to the last byte.
func fullDisk(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	mount(t, dir, []string{"-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", dir})
	lib := filepath.Join(dir, "library.db")
	if _, errOut, code := dateline(t, nil, "--library", lib, "import", "testdata/port-strike.md", "../../assets/sample.md"); code != 0 {
		t.Fatalf("import fixtures: exit %d, %s", code, errOut)
	}
	f, err := os.Create(filepath.Join(dir, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	block := bytes.Repeat([]byte{0x55}, 4096)
	for {
		if _, err := f.Write(block); errors.Is(err, syscall.ENOSPC) {
			return lib
		} else if err != nil {
			t.Fatal(err)
		}
	}
}

// Finding 4: check on a read-only library reported damage that was not
// there, and advised restoring a backup.
func TestReadOnlyLibraryReadsAndChecksHealthy(t *testing.T) {
	lib := newLibrary(t)
	ro := filepath.Join(readOnlyMount(t, filepath.Dir(lib)), "library.db")
	out, errOut, code := dateline(t, nil, "--library", ro, "check")
	if code != 0 || !strings.Contains(out, "healthy (2 drafts)") || !strings.Contains(errOut, "read-only: it is on a read-only disk") {
		t.Errorf("check of a healthy read-only library: exit %d, stdout %q, stderr %q; want it healthy, and read-only", code, out, errOut)
	}
	if out, errOut, code = dateline(t, nil, "--library", ro, "search", "tea"); code != 0 || !strings.Contains(out, "Tea growers") {
		t.Errorf("search: exit %d, %q %q", code, out, errOut)
	}
	exported := filepath.Join(t.TempDir(), "out")
	if _, errOut, code = dateline(t, nil, "--library", ro, "export", "--format", "md", "--all", "--out", exported); code != 0 {
		t.Errorf("export: exit %d, %q", code, errOut)
	}
	if _, errOut, code = dateline(t, nil, "--library", ro, "status", "kenya-tea-harvest", "filed"); code != 1 || !strings.Contains(errOut, "read-only") {
		t.Errorf("a change to a read-only library: exit %d, stderr %q; want 1 and a message that it is read-only", code, errOut)
	}
}

// Finding 6: a closed library on a full disk could not be read at all.
func TestFullDiskLibraryCanBeCopiedOff(t *testing.T) {
	lib := fullDisk(t)
	out, errOut, code := dateline(t, nil, "--library", lib, "list")
	if code != 0 || !strings.Contains(out, "Tea growers") || !strings.Contains(out, "Port workers") {
		t.Fatalf("list on a full disk: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	elsewhere := t.TempDir()
	if _, errOut, code = dateline(t, nil, "--library", lib, "export", "--format", "md", "--all", "--out", filepath.Join(elsewhere, "stories")); code != 0 {
		t.Errorf("export to another disk: exit %d, %q", code, errOut)
	}
	if n, _ := filepath.Glob(filepath.Join(elsewhere, "stories", "*.md")); len(n) != 2 {
		t.Errorf("exported %d files, want 2", len(n))
	}
	backup := filepath.Join(elsewhere, "copy.db")
	if _, errOut, code = dateline(t, nil, "--library", lib, "backup", backup); code != 0 {
		t.Fatalf("backup to another disk: exit %d, %q", code, errOut)
	}
	if out, _, code = dateline(t, nil, "--library", backup, "check"); code != 0 || !strings.Contains(out, "healthy (2 drafts)") {
		t.Errorf("the backup: exit %d, %q", code, out)
	}
	if _, errOut, code = dateline(t, nil, "--library", lib, "import", "--as-new", "testdata/port-strike.md"); code != 1 || !strings.Contains(errOut, "full") {
		t.Errorf("an import on a full disk: exit %d, stderr %q; want 1 and a message that the disk is full", code, errOut)
	}
}

// Finding 5: restore through a symbolic link replaced the link with a
// file, and the real library kept the old data.
func TestRestoreAndBackupFollowSymlinks(t *testing.T) {
	lib := newLibrary(t)
	link := filepath.Join(t.TempDir(), "library-link.db")
	if err := os.Symlink(lib, link); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := dateline(t, nil, "--library", link, "backup")
	if code != 0 || filepath.Dir(strings.TrimSpace(out)) != filepath.Join(filepath.Dir(lib), "backups") {
		t.Fatalf("backup through the link: exit %d, stdout %q (want it beside the real file), stderr %q", code, out, errOut)
	}
	backup := strings.TrimSpace(out)
	if _, errOut, code = dateline(t, nil, "--library", link, "trash", "kenya-tea-harvest"); code != 0 {
		t.Fatal(errOut)
	}
	if _, errOut, code = dateline(t, nil, "--library", link, "restore", "--yes", backup); code != 0 {
		t.Fatalf("restore through the link: exit %d, %s", code, errOut)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link is no longer a symbolic link: %v %v", fi.Mode(), err)
	}
	if list, _, _ := dateline(t, nil, "--library", lib, "list"); !strings.Contains(list, "Tea growers") {
		t.Errorf("the real library was not restored:\n%s", list)
	}
	if _, err := os.Stat(lib + ".before-restore"); err != nil {
		t.Errorf("the replaced library should be kept beside the real file: %v", err)
	}
}

// Finding 3: restore while a window had the library open sent the
// window's later saves into library.db.before-restore.
func TestRestoreRefusedWhileAWindowHoldsTheLibrary(t *testing.T) {
	lib := newLibrary(t)
	backup := filepath.Join(t.TempDir(), "copy.db")
	if _, errOut, code := dateline(t, nil, "--library", lib, "backup", backup); code != 0 {
		t.Fatal(errOut)
	}
	lock, err := storage.LockLibrary(lib, "window")
	if err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(lib)
	_, errOut, code := dateline(t, nil, "--library", lib, "restore", "--yes", backup)
	want := fmt.Sprintf("is already open in a Dateline window (process %d on", os.Getpid())
	if code != 1 || !strings.Contains(errOut, want) {
		t.Errorf("restore beside a window: exit %d, stderr %q; want 1 and %q", code, errOut, want)
	}
	if after, _ := os.ReadFile(lib); !bytes.Equal(before, after) {
		t.Error("a refused restore changed the library")
	}
	if _, err := os.Stat(lib + ".before-restore"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a refused restore moved the library aside: %v", err)
	}
	// The rest of the command line works beside the window.
	if out, errOut, code := dateline(t, nil, "--library", lib, "list"); code != 0 || !strings.Contains(out, "Tea growers") {
		t.Errorf("list beside a window: exit %d, %q", code, errOut)
	}
	if err := lock.Release(); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code = dateline(t, nil, "--library", lib, "restore", "--yes", backup); code != 0 {
		t.Errorf("restore once the window is closed: exit %d, %s", code, errOut)
	}
}

// Finding 8: killed backups and restores left full-size temporary copies
// behind for good.
func TestKilledBackupAndRestoreTempsAreCleaned(t *testing.T) {
	lib := newLibrary(t)
	dir := filepath.Dir(lib)
	// Make the library big enough that a backup takes a while.
	big := filepath.Join(t.TempDir(), "big.md")
	if err := os.WriteFile(big, []byte("# A long story\n\n"+strings.Repeat("The harbour cranes stood idle for a third day. ", 60000)), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := dateline(t, nil, "--library", lib, "import", big); code != 0 {
		t.Fatal(errOut)
	}
	backup := filepath.Join(t.TempDir(), "copy.db")
	if _, errOut, code := dateline(t, nil, "--library", lib, "backup", backup); code != 0 {
		t.Fatal(errOut)
	}
	temps := func() []string {
		var all []string
		for _, d := range []string{dir, filepath.Join(dir, "backups")} {
			for _, p := range []string{".dateline-backup-*", ".dateline-restore-*"} {
				m, _ := filepath.Glob(filepath.Join(d, p))
				all = append(all, m...)
			}
		}
		return all
	}
	// Kill backups and restores at random moments, as issue 8 did.
	for i := 0; i < 12; i++ {
		args := []string{"--library", lib, "backup", filepath.Join(dir, "backups")}
		if i%2 == 1 {
			args = []string{"--library", lib, "restore", "--yes", backup}
		}
		os.MkdirAll(filepath.Join(dir, "backups"), 0o700)
		cmd := exec.Command(binary, args...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(5+rand.IntN(60)) * time.Millisecond)
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	}
	// And what a kill leaves for certain: a temporary file nobody holds.
	stale := filepath.Join(dir, ".dateline-backup-123456.db")
	if err := os.WriteFile(stale, bytes.Repeat([]byte{1}, 1<<20), 0o600); err != nil {
		t.Fatal(err)
	}
	// A temporary file a running backup holds is left alone.
	live, err := os.CreateTemp(dir, ".dateline-backup-*.db")
	if err != nil {
		t.Fatal(err)
	}
	defer live.Close()
	if err := syscall.Flock(int(live.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d temporary files before the next start", len(temps()))

	if _, errOut, code := dateline(t, nil, "--library", lib, "list"); code != 0 {
		t.Fatalf("next start: %s", errOut)
	}
	if got := temps(); len(got) != 1 || got[0] != live.Name() {
		t.Errorf("after the next start, temporary files left: %v; want only the one in use, %s", got, live.Name())
	}
	if out, errOut, code := dateline(t, nil, "--library", lib, "check"); code != 0 {
		t.Errorf("check after the kills: %s %s", out, errOut)
	}
}

// Finding 9: refusing a foreign SQLite database still turned its journal
// mode to WAL, and a mistyped --library path was created.
func TestForeignDatabaseAndMissingPathAreLeftAlone(t *testing.T) {
	dir := t.TempDir()
	other := filepath.Join(dir, "accounts.db")
	raw, err := sql.Open("sqlite3", other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`CREATE TABLE invoices (n INTEGER); INSERT INTO invoices VALUES (42)`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	before, _ := os.ReadFile(other)
	for _, args := range [][]string{{"list"}, {"check"}, {"import", "testdata/port-strike.md"}, {"backup", t.TempDir()}} {
		_, errOut, code := dateline(t, nil, append([]string{"--library", other}, args...)...)
		if code != 1 || !strings.Contains(errOut, "is not a Dateline library") {
			t.Errorf("%v on a foreign database: exit %d, stderr %q", args, code, errOut)
		}
	}
	if after, _ := os.ReadFile(other); !bytes.Equal(before, after) {
		t.Error("refusing the foreign database changed it")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("refusing the foreign database left files beside it: %v", entries)
	}

	nowhere := filepath.Join(dir, "nowhere.db")
	for _, args := range [][]string{{"check"}, {"list"}, {"search", "tea"}, {"backup"}, {"history", "x"}} {
		_, errOut, code := dateline(t, nil, append([]string{"--library", nowhere}, args...)...)
		if want := "dateline: no library at " + nowhere + "\n"; code != 1 || errOut != want {
			t.Errorf("%v on a missing library: exit %d, stderr %q; want 1 and %q", args, code, errOut, want)
		}
	}
	if _, err := os.Stat(nowhere); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a command created the mistyped library: %v", err)
	}
}

// Finding 10: the library and backups were created world-readable.
func TestLibraryAndBackupsArePrivate(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	lib := newLibrary(t)
	named := filepath.Join(t.TempDir(), "copy.db")
	if _, errOut, code := dateline(t, nil, "--library", lib, "backup", named); code != 0 {
		t.Fatal(errOut)
	}
	out, errOut, code := dateline(t, nil, "--library", lib, "backup")
	if code != 0 {
		t.Fatal(errOut)
	}
	restoredLib := filepath.Join(t.TempDir(), "restored.db")
	if _, errOut, code := dateline(t, nil, "--library", restoredLib, "restore", "--yes", named); code != 0 {
		t.Fatal(errOut)
	}
	for _, p := range []string{lib, named, strings.TrimSpace(out), restoredLib} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != 0o600 {
			t.Errorf("%s: mode %o, want 600", p, got)
		}
	}
}

// Finding 11: re-running an interrupted batch import duplicated the drafts
// it had already stored.
func TestRerunOfAnInterruptedBatchImportAddsOnlyTheRest(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	dir := t.TempDir()
	var files []string
	for i, head := range []string{"Harbour cranes stand idle", "Tea growers count losses", "Rains return to the coast"} {
		p := filepath.Join(dir, fmt.Sprintf("story-%d.md", i))
		if err := os.WriteFile(p, []byte("# "+head+"\n\nThe first paragraph of story "+fmt.Sprint(i)+".\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	// The batch was interrupted after two files.
	if _, errOut, code := dateline(t, nil, append([]string{"--library", lib, "import"}, files[:2]...)...); code != 0 {
		t.Fatal(errOut)
	}
	out, errOut, code := dateline(t, nil, append([]string{"--library", lib, "import"}, files...)...)
	if code != 0 {
		t.Fatalf("re-run: exit %d, %s", code, errOut)
	}
	if !strings.Contains(out, "Rains return to the coast") || strings.Contains(out, "Harbour cranes") {
		t.Errorf("the re-run should import only the third file, stdout %q", out)
	}
	if !strings.Contains(errOut, "2 of 3 files were already in the library and were skipped") {
		t.Errorf("the re-run should say what it skipped, stderr %q", errOut)
	}
	list, _, _ := dateline(t, nil, "--library", lib, "list")
	if got := strings.Count(list, "\n"); got != 3 {
		t.Errorf("the library lists %d drafts, want 3:\n%s", got, list)
	}
	// --as-new imports a duplicate on purpose.
	if _, errOut, code := dateline(t, nil, "--library", lib, "import", "--as-new", files[0]); code != 0 {
		t.Fatal(errOut)
	}
	if list, _, _ := dateline(t, nil, "--library", lib, "list"); strings.Count(list, "Harbour cranes stand idle") != 2 {
		t.Errorf("--as-new should add a second copy:\n%s", list)
	}
}

// A damaged library: the command line names its newest usable backup and
// the command that restores it.
func TestDamagedLibraryNamesItsNewestBackup(t *testing.T) {
	lib := newLibrary(t)
	out, errOut, code := dateline(t, nil, "--library", lib, "backup")
	if code != 0 {
		t.Fatal(errOut)
	}
	backup := strings.TrimSpace(out)
	f, err := os.OpenFile(lib, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteAt(bytes.Repeat([]byte{0xff}, 3000), 100); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, errOut, code = dateline(t, nil, "--library", lib, "list")
	if want := "(2 drafts): dateline restore " + backup + "\n"; code != 1 || !strings.Contains(errOut, "is damaged") || !strings.HasSuffix(errOut, want) {
		t.Errorf("list of a damaged library: exit %d, stderr %q; want 1 and it to end with %q", code, errOut, want)
	}
}

// A library another user can read but not write (its file and folder
// belong to root): for that user it opens read-only, and list, check and
// export work. Runs the binary as nobody, since root may write anywhere.
func TestLibraryOfAnotherUserOpensReadOnly(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("running as another user needs root (CI runs as root)")
	}
	if _, err := exec.LookPath("runuser"); err != nil {
		t.Skip("runuser is not installed")
	}
	shared, err := os.MkdirTemp("", "dateline-shared-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(shared) })
	bin := filepath.Join(shared, "dateline")
	b, err := os.ReadFile(binary)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, b, 0o755); err != nil {
		t.Fatal(err)
	}
	lib := filepath.Join(shared, "library.db")
	if _, errOut, code := dateline(t, nil, "--library", lib, "import", "testdata/port-strike.md", "../../assets/sample.md"); code != 0 {
		t.Fatal(errOut)
	}
	if err := os.Chmod(shared, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(lib, 0o644); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(lib)
	asNobody := func(args ...string) (string, string, int) {
		cmd := exec.Command("runuser", append([]string{"-u", "nobody", "--", bin, "--library", lib}, args...)...)
		cmd.Env = []string{"HOME=/nonexistent", "PATH=/usr/bin:/bin"}
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return stdout.String(), stderr.String(), exit.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return stdout.String(), stderr.String(), 0
	}
	if out, errOut, code := asNobody("check"); code != 0 || !strings.Contains(out, "healthy (2 drafts)") || !strings.Contains(errOut, "is not writable") {
		t.Errorf("check as another user: exit %d, stdout %q, stderr %q; want healthy and read-only", code, out, errOut)
	}
	if out, errOut, code := asNobody("list"); code != 0 || !strings.Contains(out, "Tea growers") {
		t.Errorf("list as another user: exit %d, %q %q", code, out, errOut)
	}
	if out, errOut, code := asNobody("export", "--format", "txt", "kenya-tea-harvest"); code != 0 || !strings.Contains(out, "Tea growers") {
		t.Errorf("export as another user: exit %d, %q %q", code, out, errOut)
	}
	if _, errOut, code := asNobody("trash", "kenya-tea-harvest"); code != 1 || !strings.Contains(errOut, "the library is read-only: ") {
		t.Errorf("a change as another user: exit %d, stderr %q; want 1 and the reason", code, errOut)
	}
	if after, _ := os.ReadFile(lib); !bytes.Equal(before, after) {
		t.Error("another user's reads changed the library")
	}
	if entries, _ := os.ReadDir(shared); len(entries) != 2 {
		t.Errorf("another user's reads left files beside the library: %v", entries)
	}
}
