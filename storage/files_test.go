//go:build sqlite_fts5 && linux

package storage

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dateline-news/dateline/editor"
)

// newClosedLibrary makes a library holding one draft in dir and closes it.
func newClosedLibrary(t *testing.T, dir string) (string, *editor.Article) {
	t.Helper()
	path := filepath.Join(dir, "library.db")
	c := newClock()
	db, err := Open(path, WithNow(c.Now))
	if err != nil {
		t.Fatal(err)
	}
	a := testArticle(c.Now())
	if _, err := db.Create(context.Background(), a, editor.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return path, a
}

// mountTmpfs mounts a tmpfs of size (such as "2m") at a new folder and
// unmounts it when the test ends. Mounting needs root, which CI has.
func mountTmpfs(t *testing.T, size string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a tmpfs needs root (CI runs as root)")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size+",mode=0700", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Fatalf("mount tmpfs: %v: %s", err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v: %s", dir, err, out)
		}
	})
	return dir
}

// fillDisk writes a file into dir until the disk holding it is full.
func fillDisk(t *testing.T, dir string) {
	t.Helper()
	f, err := os.Create(filepath.Join(dir, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	block := bytes.Repeat([]byte{0xAA}, 4096)
	for {
		if _, err := f.Write(block); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatal(err)
			}
			return
		}
	}
}

// readOnlyView returns a read-only view of dir: as root, a read-only bind
// mount of it (root ignores file modes, so chmod would prove nothing);
// otherwise dir itself with its files and itself made read-only.
func readOnlyView(t *testing.T, dir string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			_ = os.Chmod(filepath.Join(dir, e.Name()), 0o400)
		}
		_ = os.Chmod(dir, 0o500)
		t.Cleanup(func() { _ = os.Chmod(dir, 0o700) })
		return dir
	}
	view := t.TempDir()
	for _, args := range [][]string{{"--bind", dir, view}, {"-o", "remount,ro,bind", view}} {
		if out, err := exec.Command("mount", args...).CombinedOutput(); err != nil {
			t.Fatalf("mount %v: %v: %s", args, err, out)
		}
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", view).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v: %s", view, err, out)
		}
	})
	return view
}

// folderFiles returns the names and contents of the files in dir.
func folderFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = string(b)
	}
	return files
}

// TestReadOnlyLibrary opens a library on a read-only mount: it reads,
// searches, checks healthy and backs up elsewhere, and a save says why it
// cannot be made.
func TestReadOnlyLibrary(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	_, a := newClosedLibrary(t, dir)
	before := folderFiles(t, dir)
	db, err := Open(filepath.Join(readOnlyView(t, dir), "library.db"))
	if err != nil {
		t.Fatalf("open a read-only library: %v", err)
	}
	defer db.Close()
	if !db.IsReadOnly() || db.ReadOnlyReason() == "" {
		t.Fatalf("IsReadOnly = %v, reason %q", db.IsReadOnly(), db.ReadOnlyReason())
	}
	if got, err := db.Get(ctx, a.ID); err != nil || got.Headline != a.Headline {
		t.Fatalf("Get = %v, %v", got, err)
	}
	if hits, err := db.List(ctx, editor.ListOptions{Query: "harvest"}); err != nil || len(hits) != 1 {
		t.Fatalf("search = %d hits, %v; want 1", len(hits), err)
	}
	problems, err := db.Check(ctx)
	if err != nil || len(problems) > 0 {
		t.Fatalf("check of a healthy read-only library = %q, %v", problems, err)
	}
	changed := a.Clone()
	changed.Body += "\n\nOne more paragraph."
	_, err = db.Save(ctx, changed, editor.SaveOptions{})
	wantCode(t, err, editor.EUNAVAILABLE)
	if msg := editor.ErrorMessage(err); !strings.HasPrefix(msg, "the library is read-only: ") {
		t.Errorf("save message = %q, want it to say the library is read-only and why", msg)
	}
	err = db.Trash(ctx, a.ID)
	if msg := editor.ErrorMessage(err); !strings.Contains(msg, "the library is read-only: ") {
		t.Errorf("trash in a read-only library: %q, want it to say the library is read-only and why", msg)
	}
	out, err := db.Backup(ctx, t.TempDir())
	if err != nil {
		t.Fatalf("backup of a read-only library: %v", err)
	}
	assertBackupHolds(t, out, a)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if after := folderFiles(t, dir); len(after) != len(before) || after["library.db"] != before["library.db"] {
		t.Errorf("the read-only library's folder changed: %d files before, %d after", len(before), len(after))
	}
}

// TestFullDisk reads a closed library on a disk with no room left: list,
// get and a backup to another disk work, and a save says why it cannot.
func TestFullDisk(t *testing.T) {
	ctx := context.Background()
	dir := mountTmpfs(t, "2m")
	path, a := newClosedLibrary(t, dir)
	fillDisk(t, dir)
	db, err := Open(path)
	if err != nil {
		t.Fatalf("open a library on a full disk: %v", err)
	}
	defer db.Close()
	if got, want := db.ReadOnlyReason(), "the disk holding it is full"; got != want {
		t.Errorf("ReadOnlyReason = %q, want %q", got, want)
	}
	rows, err := db.List(ctx, editor.ListOptions{})
	if err != nil || len(rows) != 1 {
		t.Fatalf("List = %d rows, %v; want 1", len(rows), err)
	}
	if got, err := db.Get(ctx, a.ID); err != nil || got.Body != a.Body {
		t.Fatalf("Get = %v, %v", got, err)
	}
	if problems, err := db.Check(ctx); err != nil || len(problems) > 0 {
		t.Fatalf("check = %q, %v", problems, err)
	}
	out, err := db.Backup(ctx, t.TempDir())
	if err != nil {
		t.Fatalf("backup to another disk: %v", err)
	}
	assertBackupHolds(t, out, a)
	_, err = db.Save(ctx, a, editor.SaveOptions{})
	if msg := editor.ErrorMessage(err); !strings.Contains(msg, "read-only: the disk holding it is full") {
		t.Errorf("save on a full disk: %q", msg)
	}
}

// assertBackupHolds opens the backup at path and checks it holds a.
func assertBackupHolds(t *testing.T, path string, a *editor.Article) {
	t.Helper()
	b, err := Open(path, Existing())
	if err != nil {
		t.Fatalf("open the backup: %v", err)
	}
	defer b.Close()
	if got, err := b.Get(context.Background(), a.ID); err != nil || got.Body != a.Body {
		t.Fatalf("the backup's draft = %v, %v", got, err)
	}
}

// TestApplicationID marks new libraries, adopts an old Dateline library
// without the mark, and refuses another program's database before writing
// anything to it.
func TestApplicationID(t *testing.T) {
	appID := func(t *testing.T, path string) int {
		t.Helper()
		raw, err := sql.Open("sqlite3", path+"?mode=ro")
		if err != nil {
			t.Fatal(err)
		}
		defer raw.Close()
		var id int
		if err := raw.QueryRow(`PRAGMA application_id`).Scan(&id); err != nil {
			t.Fatal(err)
		}
		return id
	}
	t.Run("New", func(t *testing.T) {
		path, _ := newClosedLibrary(t, t.TempDir())
		if got := appID(t, path); got != ApplicationID {
			t.Fatalf("application_id = %#x, want %#x", got, ApplicationID)
		}
	})
	t.Run("AdoptOld", func(t *testing.T) {
		path, a := newClosedLibrary(t, t.TempDir())
		raw, err := sql.Open("sqlite3", path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := raw.Exec(`PRAGMA application_id = 0`); err != nil {
			t.Fatal(err)
		}
		raw.Close()
		db, err := Open(path)
		if err != nil {
			t.Fatalf("open an old library: %v", err)
		}
		if _, err := db.Get(context.Background(), a.ID); err != nil {
			t.Fatal(err)
		}
		db.Close()
		if got := appID(t, path); got != ApplicationID {
			t.Fatalf("application_id after adoption = %#x, want %#x", got, ApplicationID)
		}
	})
	for _, c := range []struct{ name, sql string }{
		{"ErrOtherTables", `CREATE TABLE invoices (n INTEGER); INSERT INTO invoices VALUES (1)`},
		{"ErrOtherTablesWithVersion", `CREATE TABLE invoices (n INTEGER); PRAGMA user_version = 2`},
		{"ErrOtherApplication", `PRAGMA application_id = 1234`},
		{"ErrOtherApplicationWithDraftsTable", `PRAGMA application_id = 1234; CREATE TABLE drafts (id TEXT); CREATE TABLE migrations (name TEXT)`},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "other.db")
			raw, err := sql.Open("sqlite3", path)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := raw.Exec(c.sql); err != nil {
				t.Fatal(err)
			}
			raw.Close()
			before := folderFiles(t, dir)
			_, err = Open(path)
			wantCode(t, err, editor.EINVALID)
			if got, want := editor.ErrorMessage(err), "is not a Dateline library"; !strings.Contains(got, want) {
				t.Fatalf("message = %q, want it to contain %q", got, want)
			}
			after := folderFiles(t, dir)
			if len(after) != len(before) || after["other.db"] != before["other.db"] {
				t.Fatalf("refusing the foreign database changed its folder: %d files before, %d after, same file: %v",
					len(before), len(after), after["other.db"] == before["other.db"])
			}
		})
	}
}

// TestExisting refuses a path where there is no library, and creates
// nothing there.
func TestExisting(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nowhere.db")
	_, err := Open(path, Existing())
	wantCode(t, err, editor.ENOTFOUND)
	if got, want := editor.ErrorMessage(err), "no library at "+path; got != want {
		t.Fatalf("message = %q, want %q", got, want)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("Open(Existing) created %s", path)
	}
}

// TestFilesArePrivate creates the library, its write-ahead log and shared
// memory, and backups readable by their owner only, whatever the umask.
func TestFilesArePrivate(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "library.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Create(ctx, testArticle(newClock().Now()), editor.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	auto, err := db.AutoBackup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	named, err := db.Backup(ctx, filepath.Join(t.TempDir(), "copy.db"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, path + "-wal", path + "-shm", auto, named} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != 0o600 {
			t.Errorf("%s: mode %o, want 600", filepath.Base(p), got)
		}
	}
}

// damageFile smashes the schema page of a closed library, keeping the
// header, as a disk fault would.
func damageFile(t *testing.T, path string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt(bytes.Repeat([]byte{0xff}, 3000), 100); err != nil {
		t.Fatal(err)
	}
}

// TestRestoreDamaged offers the newest usable backup of a damaged library
// with its draft count, restores it and keeps the damaged file aside.
func TestRestoreDamaged(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path, a := newClosedLibrary(t, dir)
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	older, err := db.AutoBackup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	// A newer backup that is itself damaged is passed over.
	bad := filepath.Join(filepath.Dir(older), "library-29991231-000000.db")
	if err := os.WriteFile(bad, bytes.Repeat([]byte("x"), 8192), 0o600); err != nil {
		t.Fatal(err)
	}
	damageFile(t, path)
	damaged, _ := os.ReadFile(path)

	_, err = Open(path)
	if !IsDamaged(err) {
		t.Fatalf("Open of a damaged library = %v, want a DamagedError", err)
	}
	wantCode(t, err, editor.EINVALID)
	b, n, err := NewestUsableBackup(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if b.Path != older || n != 1 {
		t.Fatalf("NewestUsableBackup = %s with %d drafts, want %s with 1", b.Path, n, older)
	}
	aside, err := RestoreDamaged(ctx, b.Path, path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(aside, path+".damaged-") {
		t.Errorf("the damaged file was kept as %s, want %s.damaged-TIME", aside, path)
	}
	if kept, _ := os.ReadFile(aside); !bytes.Equal(kept, damaged) {
		t.Error("the file kept aside is not the damaged library")
	}
	db, err = Open(path)
	if err != nil {
		t.Fatalf("open the restored library: %v", err)
	}
	defer db.Close()
	if _, err := db.Get(ctx, a.ID); err != nil {
		t.Fatal(err)
	}

	t.Run("ErrNoBackup", func(t *testing.T) {
		_, _, err := NewestUsableBackup(ctx, filepath.Join(t.TempDir(), "library.db"))
		wantCode(t, err, editor.ENOTFOUND)
	})
}

// TestSearchIndexDamaged finds a search index out of step with the drafts,
// and none in a healthy library.
func TestSearchIndexDamaged(t *testing.T) {
	ctx := context.Background()
	db, c := mustOpen(t)
	a := testArticle(c.Now())
	if _, err := db.Create(ctx, a, editor.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	if damaged, err := db.SearchIndexDamaged(ctx); err != nil || damaged {
		t.Fatalf("healthy library: damaged = %v, %v", damaged, err)
	}
	if _, err := db.write.Exec(`DROP TRIGGER drafts_after_update_text`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.write.Exec(`UPDATE drafts SET headline = 'Something else entirely', doc = json_set(doc, '$.headline', 'Something else entirely')`); err != nil {
		t.Fatal(err)
	}
	if damaged, err := db.SearchIndexDamaged(ctx); err != nil || !damaged {
		t.Fatalf("stale index: damaged = %v, %v; want true", damaged, err)
	}
	if err := db.RepairSearch(ctx); err != nil {
		t.Fatal(err)
	}
	if damaged, err := db.SearchIndexDamaged(ctx); err != nil || damaged {
		t.Fatalf("after RepairSearch: damaged = %v, %v", damaged, err)
	}
}

// TestLockLibrary lets one holder at a time have a library, through any
// symbolic link to it, names the holder, and frees the lock when released.
func TestLockLibrary(t *testing.T) {
	path, _ := newClosedLibrary(t, t.TempDir())
	link := filepath.Join(t.TempDir(), "link.db")
	if err := os.Symlink(path, link); err != nil {
		t.Fatal(err)
	}
	first, err := LockLibrary(path, "window")
	if err != nil {
		t.Fatal(err)
	}
	_, err = LockLibrary(link, "window")
	var locked *LockedError
	if !errors.As(err, &locked) {
		t.Fatalf("second lock through a link = %v, want a LockedError", err)
	}
	host, _ := os.Hostname()
	if locked.PID != os.Getpid() || locked.What != "window" || locked.Host != strings.ReplaceAll(host, " ", "-") {
		t.Errorf("LockedError = %+v, want this process's pid %d on %s", locked, os.Getpid(), host)
	}
	if !strings.Contains(locked.Error(), "already open in a Dateline window (process") {
		t.Errorf("message = %q", locked.Error())
	}
	// restore refuses while the window holds the library.
	backup := filepath.Join(t.TempDir(), "copy.db")
	if err := os.Link(path, backup); err != nil {
		t.Fatal(err)
	}
	err = RestoreBackup(context.Background(), backup, path)
	wantCode(t, err, editor.ECONFLICT)
	if fi, err := os.Stat(path + ".before-restore"); err == nil {
		t.Fatalf("a refused restore moved the library aside (%d bytes)", fi.Size())
	}
	if err := first.Release(); err != nil {
		t.Fatal(err)
	}
	second, err := LockLibrary(link, "window")
	if err != nil {
		t.Fatalf("lock after release: %v", err)
	}
	second.Release()
}

// TestRestoreThroughSymlink replaces the file a link points to and keeps
// the link.
func TestRestoreThroughSymlink(t *testing.T) {
	ctx := context.Background()
	path, a := newClosedLibrary(t, t.TempDir())
	backup := filepath.Join(t.TempDir(), "copy.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	if err := db.Delete(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	db.Close()
	link := filepath.Join(t.TempDir(), "link.db")
	if err := os.Symlink(path, link); err != nil {
		t.Fatal(err)
	}
	if err := RestoreBackup(ctx, backup, link); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v, %v", fi.Mode(), err)
	}
	db, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Get(ctx, a.ID); err != nil {
		t.Fatalf("the real library was not restored: %v", err)
	}
}

// TestRestoreKeepsEveryEarlierLibrary: a second restore does not overwrite
// the library the first one kept aside.
func TestRestoreKeepsEveryEarlierLibrary(t *testing.T) {
	ctx := context.Background()
	path, _ := newClosedLibrary(t, t.TempDir())
	backup := filepath.Join(t.TempDir(), "copy.db")
	if err := os.Link(path, backup); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ {
		if err := RestoreBackup(ctx, backup, path); err != nil {
			t.Fatal(err)
		}
	}
	kept, _ := filepath.Glob(path + ".before-restore*")
	var files []string
	for _, k := range kept {
		if !strings.HasSuffix(k, "-wal") && !strings.HasSuffix(k, "-shm") {
			files = append(files, k)
		}
	}
	if len(files) != 2 {
		t.Fatalf("two restores kept %v, want two earlier libraries", files)
	}
}

// TestSearchIndexDamagedReadOnly finds a broken search index in a library
// opened read-only, where FTS5's own check cannot run.
func TestSearchIndexDamagedReadOnly(t *testing.T) {
	ctx := context.Background()
	path, _ := newClosedLibrary(t, t.TempDir())
	db, err := Open(path, ReadOnly())
	if err != nil {
		t.Fatal(err)
	}
	if damaged, err := db.SearchIndexDamaged(ctx); err != nil || damaged {
		t.Fatalf("healthy index, read-only: damaged = %v, %v", damaged, err)
	}
	db.Close()
	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`DELETE FROM drafts_fts_data WHERE id > 10`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	db, err = Open(path, ReadOnly())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if damaged, err := db.SearchIndexDamaged(ctx); err != nil || !damaged {
		t.Fatalf("broken index, read-only: damaged = %v, %v; want true", damaged, err)
	}
}

// TestSearchIndexHealthyWithTrashAndTombstones: drafts in Trash, deleted
// for good, without a headline or with words the probe leaves out are not
// taken for damage.
func TestSearchIndexHealthyWithTrashAndTombstones(t *testing.T) {
	ctx := context.Background()
	db, c := mustOpen(t)
	for i, h := range []string{"Café owners ÉTÉ protest", "", "AND OR NOT near", "The 3rd harbour_crane don't stop"} {
		a := testArticle(c.Now())
		a.ID, a.Slug, a.Headline = editor.NewID(), "probe-"+itoa(i), h
		a.Body = "**Bold** start, then [a link](http://example.com/a_b?x=1) & more — " + h
		if _, err := db.Create(ctx, a, editor.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		switch i {
		case 1:
			if err := db.Trash(ctx, a.ID); err != nil {
				t.Fatal(err)
			}
		case 2:
			if err := db.Delete(ctx, a.ID); err != nil {
				t.Fatal(err)
			}
		}
		c.Advance(time.Minute)
	}
	for i := 0; i < 5; i++ {
		if damaged, err := db.SearchIndexDamaged(ctx); err != nil || damaged {
			t.Fatalf("healthy library: damaged = %v, %v", damaged, err)
		}
	}
}

// TestNewLibraryInAReadOnlyFolder cannot create the library, says so, and
// leaves nothing behind. (It ran only as non-root before; a read-only
// mount stops root too.)
func TestNewLibraryInAReadOnlyFolder(t *testing.T) {
	dir := readOnlyView(t, t.TempDir())
	_, err := Open(filepath.Join(dir, "library.db"))
	wantCode(t, err, editor.EUNAVAILABLE)
	if got, want := editor.ErrorMessage(err), "the folder is not writable"; !strings.Contains(got, want) {
		t.Errorf("message = %q, want it to contain %q", got, want)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the read-only folder now holds %v", entries)
	}
}

// TestLockedErrorSaysWhatHoldsTheLibrary words the message after the
// holder.
func TestLockedErrorSaysWhatHoldsTheLibrary(t *testing.T) {
	for _, c := range []struct {
		e    LockedError
		want string
	}{
		{LockedError{Library: "/l.db", PID: 7, Host: "desk", What: "window"}, "the library /l.db is already open in a Dateline window (process 7 on desk)"},
		{LockedError{Library: "/l.db", PID: 7, Host: "desk", What: "restore"}, "the library /l.db is being restored from a backup (process 7 on desk)"},
		{LockedError{Library: "/l.db"}, "the library /l.db is in use by another Dateline process"},
	} {
		if got := c.e.Error(); got != c.want {
			t.Errorf("Error() = %q, want %q", got, c.want)
		}
	}
}

// TestStaleTempsAndOrphanedCompanions: a killed backup or restore can leave
// its temporary database, and a process killed while removing one can leave
// only SQLite's journal beside where the database was. Both go at the next
// open; a temporary file another process holds stays.
func TestStaleTempsAndOrphanedCompanions(t *testing.T) {
	dir := t.TempDir()
	lib := filepath.Join(dir, "library.db")
	db, err := Open(lib)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	stale := filepath.Join(dir, ".dateline-backup-111.db")
	orphan := filepath.Join(dir, ".dateline-restore-222.db-journal")
	pair := filepath.Join(dir, ".dateline-restore-333.db-journal") // with its (stale) database
	for _, p := range []string{stale, stale + "-journal", orphan, pair, strings.TrimSuffix(pair, "-journal")} {
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	held, _, err := createTemp(dir, backupTempPattern)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()

	db, err = Open(lib)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, gone := range []string{stale, stale + "-journal", orphan, pair, strings.TrimSuffix(pair, "-journal")} {
		if _, err := os.Stat(gone); !os.IsNotExist(err) {
			t.Errorf("%s is still there after the next open", filepath.Base(gone))
		}
	}
	if _, err := os.Stat(held.Name()); err != nil {
		t.Errorf("the temporary file a running backup holds was removed: %v", err)
	}
}
