//go:build sqlite_fts5

package storage

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dateline-news/dateline/editor"
)

// clock is a test clock that moves only when told to.
type clock struct{ t time.Time }

func newClock() *clock { return &clock{t: time.Date(2026, 3, 14, 9, 30, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time          { return c.t }
func (c *clock) Advance(d time.Duration) { c.t = c.t.Add(d) }

// mustOpen opens a new library in a temporary folder with a test clock and
// closes it when the test ends.
func mustOpen(tb testing.TB) (*DB, *clock) {
	tb.Helper()
	c := newClock()
	db, err := Open(filepath.Join(tb.TempDir(), "library.db"), WithNow(c.Now), WithDevice("laptop"), WithAuthor("Dana Whitfield"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		if err := db.Close(); err != nil {
			tb.Error(err)
		}
	})
	return db, c
}

// wantCode fails the test unless err is an *editor.Error with code.
func wantCode(tb testing.TB, err error, code string) {
	tb.Helper()
	if got := editor.ErrorCode(err); got != code {
		tb.Fatalf("error code = %q (%v), want %q", got, err, code)
	}
}

func TestOpen(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		db, _ := mustOpen(t)
		if _, err := os.Stat(db.Path()); err != nil {
			t.Fatal(err)
		}
		var version int
		if err := db.write.QueryRow(`PRAGMA user_version`).Scan(&version); err != nil {
			t.Fatal(err)
		}
		if got, want := version, SchemaVersion(); got != want {
			t.Fatalf("user_version = %d, want %d", got, want)
		}
		var names []string
		rows, err := db.write.Query(`SELECT name FROM migrations ORDER BY name`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var name string
			if err := rows.Scan(&name); err != nil {
				t.Fatal(err)
			}
			names = append(names, name)
		}
		if got, want := len(names), SchemaVersion(); got != want || names[0] != "0001_initial.sql" {
			t.Fatalf("migrations = %v, want %d starting with 0001_initial.sql", names, want)
		}
	})

	t.Run("Pragmas", func(t *testing.T) {
		db, _ := mustOpen(t)
		for _, p := range []struct{ pragma, want string }{
			{"journal_mode", "wal"},
			{"synchronous", "2"}, // FULL
			{"foreign_keys", "1"},
			{"busy_timeout", "5000"},
		} {
			var got string
			if err := db.write.QueryRow(`PRAGMA ` + p.pragma).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != p.want {
				t.Errorf("PRAGMA %s = %s, want %s", p.pragma, got, p.want)
			}
		}
		var got string
		if err := db.read.QueryRow(`PRAGMA query_only`).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != "1" {
			t.Errorf("read pool query_only = %s, want 1", got)
		}
		if err := db.read.QueryRow(`PRAGMA synchronous`).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != "2" {
			t.Errorf("read pool synchronous = %s, want 2", got)
		}
	})

	t.Run("Reopen", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "library.db")
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
		db, err = Open(path, WithNow(c.Now))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		var n int
		if err := db.write.QueryRow(`SELECT count(*) FROM migrations`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if got, want := n, SchemaVersion(); got != want {
			t.Fatalf("migrations after reopen = %d, want %d", got, want)
		}
		got, err := db.Get(context.Background(), a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Headline != a.Headline {
			t.Fatalf("headline after reopen = %q, want %q", got.Headline, a.Headline)
		}
	})

	t.Run("ReadOnly", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "library.db")
		db, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
		ro, err := Open(path, ReadOnly())
		if err != nil {
			t.Fatal(err)
		}
		defer ro.Close()
		_, err = ro.Save(context.Background(), testArticle(time.Now()), editor.SaveOptions{})
		wantCode(t, err, editor.EUNAVAILABLE)
		if _, err := ro.write.Exec(`DELETE FROM profile`); err == nil {
			t.Fatal("read-only library accepted a write")
		}
		if n, err := ro.Count(context.Background(), editor.ListOptions{}); err != nil || n != 0 {
			t.Fatalf("Count = %d, %v; want 0, nil", n, err)
		}
	})

	t.Run("ForReading", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "library.db")
		db, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Save(context.Background(), testArticle(time.Now()), editor.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
		r, err := Open(path, ForReading())
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		if _, err := r.write.Exec(`DELETE FROM profile`); err == nil {
			t.Fatal("a library opened for reading accepted a write")
		}
		if n, err := r.Count(context.Background(), editor.ListOptions{}); err != nil || n != 1 {
			t.Fatalf("Count = %d, %v; want 1, nil", n, err)
		}
		_, err = Open(filepath.Join(t.TempDir(), "nowhere.db"), ForReading())
		wantCode(t, err, editor.ENOTFOUND)
	})

	t.Run("ForReadingUpgradesAnOldSchemaFirst", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "library.db")
		old, err := os.ReadFile(filepath.Join("testdata", "schema", "0003.sqlite"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, old, 0o600); err != nil {
			t.Fatal(err)
		}
		r, err := Open(path, ForReading())
		if err != nil {
			t.Fatalf("an old library could not be opened for reading: %v", err)
		}
		defer r.Close()
		var version int
		if err := r.write.QueryRow(`PRAGMA user_version`).Scan(&version); err != nil {
			t.Fatal(err)
		}
		if version < 5 {
			t.Errorf("schema %d after opening for reading, want the current one", version)
		}
		if _, err := r.Count(context.Background(), editor.ListOptions{}); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("ErrReadOnlyMissing", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "library.db")
		_, err := Open(path, ReadOnly())
		wantCode(t, err, editor.ENOTFOUND)
		if _, err := os.Stat(path); !os.IsNotExist(err) {
			t.Fatal("a read-only Open created the library")
		}
	})

	t.Run("ErrReadOnlyOutdated", func(t *testing.T) {
		// An empty SQLite database is a library at schema 0.
		path := filepath.Join(t.TempDir(), "library.db")
		raw, err := sql.Open("sqlite3", path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := raw.Exec(`VACUUM`); err != nil {
			t.Fatal(err)
		}
		raw.Close()
		_, err = Open(path, ReadOnly())
		wantCode(t, err, editor.EUNAVAILABLE)
		if got, want := editor.ErrorMessage(err), "needs upgrading"; !strings.Contains(got, want) {
			t.Fatalf("message = %q, want it to contain %q", got, want)
		}
	})

	t.Run("ErrMissingFolder", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "no-such-folder", "library.db")
		_, err := Open(path)
		wantCode(t, err, editor.ENOTFOUND)
		if got, want := editor.ErrorMessage(err), "folder "+filepath.Dir(path)+" does not exist"; !strings.Contains(got, want) {
			t.Fatalf("message = %q, want it to contain %q", got, want)
		}
	})

	t.Run("ErrFolderIsPath", func(t *testing.T) {
		_, err := Open(t.TempDir())
		wantCode(t, err, editor.EINVALID)
		if got, want := editor.ErrorMessage(err), "it is a folder, not a file"; !strings.Contains(got, want) {
			t.Fatalf("message = %q, want it to contain %q", got, want)
		}
	})

	t.Run("ErrNotADatabase", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "notes.db")
		text := strings.Repeat("These are my notes, not a database.\n", 200)
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := Open(path)
		wantCode(t, err, editor.EINVALID)
		if got, want := editor.ErrorMessage(err), path+" is not a Dateline library (file is not a database)"; got != want {
			t.Fatalf("message = %q, want %q", got, want)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != text {
			t.Fatal("Open changed a file that is not a database")
		}
	})

	t.Run("ErrOtherDatabase", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "other.db")
		raw, err := sql.Open("sqlite3", path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := raw.Exec(`CREATE TABLE invoices (n INTEGER)`); err != nil {
			t.Fatal(err)
		}
		raw.Close()
		_, err = Open(path)
		wantCode(t, err, editor.EINVALID)
		if got, want := editor.ErrorMessage(err), "is not a Dateline library"; !strings.Contains(got, want) {
			t.Fatalf("message = %q, want it to contain %q", got, want)
		}
	})

	t.Run("ErrNewerSchema", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "library.db")
		db, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		newer := SchemaVersion() + 3
		if _, err := db.write.Exec(`PRAGMA user_version = ` + itoa(newer)); err != nil {
			t.Fatal(err)
		}
		db.Close()
		_, err = Open(path)
		wantCode(t, err, editor.EINVALID)
		want := "this library was written by a newer version of Dateline (schema " + itoa(newer) + ", this build knows " + itoa(SchemaVersion()) + ")"
		if got := editor.ErrorMessage(err); !strings.HasPrefix(got, want) {
			t.Fatalf("message = %q, want it to start with %q", got, want)
		}
	})

	t.Run("ErrCorrupt", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "library.db")
		db, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		db.Close()
		// Keep the valid 100-byte header, smash the schema page after it.
		f, err := os.OpenFile(path, os.O_RDWR, 0)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.WriteAt([]byte(strings.Repeat("\xff", 3000)), 100); err != nil {
			t.Fatal(err)
		}
		f.Close()
		_, err = Open(path)
		wantCode(t, err, editor.EINVALID)
		if got, want := editor.ErrorMessage(err), "is damaged"; !strings.Contains(got, want) {
			t.Fatalf("message = %q, want it to contain %q", got, want)
		}
	})
}

func TestDefaultPath(t *testing.T) {
	dataHome := t.TempDir()
	t.Setenv("XDG_DATA_HOME", dataHome)
	t.Setenv("HOME", t.TempDir())
	t.Setenv("AppData", dataHome)
	path, err := DefaultPath()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := filepath.Base(path), "library.db"; got != want {
		t.Fatalf("base = %q, want %q", got, want)
	}
	fi, err := os.Stat(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	if !fi.IsDir() {
		t.Fatalf("%s is not a folder", filepath.Dir(path))
	}
	if got, want := filepath.Dir(path), filepath.Join(dataHome, "dateline"); runtimeIsLinux() && got != want {
		t.Fatalf("folder = %q, want %q", got, want)
	}
	if got := fi.Mode().Perm(); runtimeIsLinux() && got != 0o700 {
		t.Fatalf("folder mode = %v, want 0700", got)
	}
}

func TestFileURI(t *testing.T) {
	for _, tt := range []struct{ path, want string }{
		{"/home/dana/library.db", "file:///home/dana/library.db"},
		{"/tmp/what?#%.db", "file:///tmp/what%3F%23%25.db"},
		{"/tmp/with space.db", "file:///tmp/with%20space.db"},
	} {
		if got := fileURI(tt.path); got != tt.want {
			t.Errorf("fileURI(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
	// A library whose name holds URI syntax opens as the file it names.
	dir := t.TempDir()
	path := filepath.Join(dir, "odd?name#1%.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
}

func TestBusy(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	c := newClock()
	db, err := Open(path, WithNow(c.Now), withBusyTimeout(50*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// Another program holds the write lock.
	other, err := sql.Open("sqlite3", path+"?_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	tx, err := other.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()

	_, err = db.Save(context.Background(), testArticle(c.Now()), editor.SaveOptions{})
	wantCode(t, err, editor.EUNAVAILABLE)
	if got, want := editor.ErrorMessage(err), "is busy (another program is writing to it); try again"; !strings.Contains(got, want) {
		t.Fatalf("message = %q, want it to contain %q", got, want)
	}
	// Readers are not blocked by a writer.
	if _, err := db.List(context.Background(), editor.ListOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Save(context.Background(), testArticle(c.Now()), editor.SaveOptions{}); err != nil {
		t.Fatalf("save after the lock is gone: %v", err)
	}
}
