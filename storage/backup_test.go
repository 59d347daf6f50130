//go:build sqlite_fts5

package storage

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dateline-news/dateline/editor"
)

func TestBackup(t *testing.T) {
	ctx := context.Background()

	t.Run("OK", func(t *testing.T) {
		db, c := mustOpen(t)
		a := testArticle(c.Now())
		if _, err := db.Create(ctx, a, editor.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		path, err := db.Backup(ctx, dir)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := path, filepath.Join(dir, "library-20260314-093000.db"); got != want {
			t.Fatalf("backup path = %q, want %q", got, want)
		}
		b, err := Open(path, ReadOnly())
		if err != nil {
			t.Fatal(err)
		}
		defer b.Close()
		got, err := b.Get(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Body != a.Body {
			t.Fatal("backup holds a different body")
		}
		hits, err := b.List(ctx, editor.ListOptions{Query: "growers"})
		if err != nil || len(hits) != 1 {
			t.Fatalf("search in backup = %d hits, %v; want 1", len(hits), err)
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".dateline-backup-") {
				t.Fatalf("temporary file %s left behind", e.Name())
			}
		}
	})

	t.Run("ErrExists", func(t *testing.T) {
		db, _ := mustOpen(t)
		path := filepath.Join(t.TempDir(), "copy.db")
		if err := os.WriteFile(path, []byte("keep me"), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := db.Backup(ctx, path)
		wantCode(t, err, editor.ECONFLICT)
		if b, _ := os.ReadFile(path); string(b) != "keep me" {
			t.Fatal("Backup overwrote an existing file")
		}
	})

	t.Run("ErrMissingFolder", func(t *testing.T) {
		db, _ := mustOpen(t)
		_, err := db.Backup(ctx, filepath.Join(t.TempDir(), "nope", "copy.db"))
		wantCode(t, err, editor.ENOTFOUND)
	})
}

func TestAutoBackup(t *testing.T) {
	ctx := context.Background()
	db, c := mustOpen(t)
	var made []string
	for day := 0; day < 10; day++ {
		path, err := db.AutoBackup(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if path == "" {
			t.Fatalf("day %d: no backup made", day)
		}
		made = append(made, path)
		// A second start the same day makes none.
		c.Advance(23 * time.Hour)
		if path, err := db.AutoBackup(ctx); err != nil || path != "" {
			t.Fatalf("day %d: second backup %q, %v; want none", day, path, err)
		}
		c.Advance(time.Hour + time.Second)
	}
	backups, err := db.Backups()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(backups), KeepBackups; got != want {
		t.Fatalf("%d backups kept, want %d", got, want)
	}
	for i, b := range backups {
		if got, want := b.Path, made[len(made)-1-i]; got != want {
			t.Fatalf("backup %d = %s, want %s", i, got, want)
		}
	}
	if got, want := filepath.Dir(backups[0].Path), filepath.Join(filepath.Dir(db.Path()), "backups"); got != want {
		t.Fatalf("backups in %s, want %s", got, want)
	}
}

func TestRestoreBackup(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	libPath := filepath.Join(dir, "library.db")
	c := newClock()
	db, err := Open(libPath, WithNow(c.Now))
	if err != nil {
		t.Fatal(err)
	}
	a := testArticle(c.Now())
	if _, err := db.Create(ctx, a, editor.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	backup, err := db.Backup(ctx, filepath.Join(dir, "backup.db"))
	if err != nil {
		t.Fatal(err)
	}
	a.Headline = "Changed after the backup"
	if _, err := db.Save(ctx, a, editor.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	t.Run("ErrDamaged", func(t *testing.T) {
		bad := filepath.Join(dir, "bad.db")
		if err := os.WriteFile(bad, []byte(strings.Repeat("junk", 2000)), 0o600); err != nil {
			t.Fatal(err)
		}
		err := RestoreBackup(ctx, bad, libPath)
		wantCode(t, err, editor.EINVALID)
		db, err := Open(libPath)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		got, err := db.Get(ctx, a.ID)
		if err != nil || got.Headline != "Changed after the backup" {
			t.Fatalf("a refused restore changed the library: %v", err)
		}
	})

	t.Run("OK", func(t *testing.T) {
		before, _ := os.ReadFile(backup)
		if err := RestoreBackup(ctx, backup, libPath); err != nil {
			t.Fatal(err)
		}
		after, _ := os.ReadFile(backup)
		if string(before) != string(after) {
			t.Fatal("RestoreBackup changed the backup file")
		}
		db, err := Open(libPath)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		got, err := db.Get(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := got.Headline, "Tea growers count losses after a dry season"; got != want {
			t.Fatalf("restored headline = %q, want %q", got, want)
		}
		old, err := Open(libPath+".before-restore", ReadOnly())
		if err != nil {
			t.Fatal(err)
		}
		defer old.Close()
		got, err = old.Get(ctx, a.ID)
		if err != nil || got.Headline != "Changed after the backup" {
			t.Fatalf("the replaced library was not kept: %v", err)
		}
	})
}

func TestCheck(t *testing.T) {
	ctx := context.Background()

	t.Run("OK", func(t *testing.T) {
		db, c := mustOpen(t)
		seed(t, db, c, "One", "Two")
		a := testArticle(c.Now())
		if _, err := db.Create(ctx, a, editor.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		problems, err := db.Check(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(problems) != 0 {
			t.Fatalf("healthy library has problems: %v", problems)
		}
	})

	t.Run("StaleIndex", func(t *testing.T) {
		db, c := mustOpen(t)
		a := testArticle(c.Now())
		if _, err := db.Create(ctx, a, editor.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		// Change the text behind the index's back, as a bug or a hand edit
		// would.
		if _, err := db.write.Exec(`DROP TRIGGER drafts_after_update_text`); err != nil {
			t.Fatal(err)
		}
		if _, err := db.write.Exec(`UPDATE drafts SET headline = 'Something else entirely', doc = json_set(doc, '$.headline', 'Something else entirely')`); err != nil {
			t.Fatal(err)
		}
		problems, err := db.Check(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(problems) != 1 || !strings.Contains(problems[0], "search index") {
			t.Fatalf("problems = %q, want one about the search index", problems)
		}
		if err := db.RepairSearch(ctx); err != nil {
			t.Fatal(err)
		}
		if problems, err := db.Check(ctx); err != nil || len(problems) != 0 {
			t.Fatalf("after repair: %q, %v", problems, err)
		}
		hits, err := db.List(ctx, editor.ListOptions{Query: "entirely"})
		if err != nil || len(hits) != 1 {
			t.Fatalf("search after repair = %d hits, %v", len(hits), err)
		}
	})

	t.Run("Disagreement", func(t *testing.T) {
		db, c := mustOpen(t)
		a := testArticle(c.Now())
		if _, err := db.Create(ctx, a, editor.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.write.Exec(`UPDATE drafts SET status = 'killed', head_revision = 'gone'`); err != nil {
			t.Fatal(err)
		}
		problems, err := db.Check(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := strings.Join(problems, "\n"), "1 drafts have no head revision\n1 drafts have columns that disagree with their stored article"; got != want {
			t.Fatalf("problems = %q, want %q", got, want)
		}
	})
	t.Run("TombstoneWithText", func(t *testing.T) {
		db, c := mustOpen(t)
		seed(t, db, c, "One", "Two")
		a := testArticle(c.Now())
		if _, err := db.Create(ctx, a, editor.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		if err := db.Delete(ctx, a.ID); err != nil {
			t.Fatal(err)
		}
		if problems, err := db.Check(ctx); err != nil || len(problems) != 0 {
			t.Fatalf("after Delete: %q, %v", problems, err)
		}
		// Text put back into a tombstone, as a bug or a hand edit would
		// (the triggers keep the index in step).
		if _, err := db.write.Exec(`UPDATE drafts SET body = 'Tea growers' WHERE id = ?`, a.ID); err != nil {
			t.Fatal(err)
		}
		problems, err := db.Check(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := strings.Join(problems, "\n"), "1 drafts deleted for good still hold text"; got != want {
			t.Fatalf("problems = %q, want %q", got, want)
		}
	})
}
