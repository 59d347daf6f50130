//go:build sqlite_fts5

package storage

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/dateline-news/dateline/editor"
)

var update = flag.Bool("update", false, "write the fixture library of the newest schema to testdata/schema")

// fixturePath is the fixture library of one schema version. The extension
// is .sqlite because *.db files are git-ignored.
func fixturePath(version int) string {
	return filepath.Join("testdata", "schema", fmt.Sprintf("%04d.sqlite", version))
}

// TestWriteFixture writes the fixture of the newest schema with -update.
// Fixtures of older schemas are never rewritten: they are what older
// builds left on users' disks.
func TestWriteFixture(t *testing.T) {
	if !*update {
		t.Skip("run with -update to write " + fixturePath(SchemaVersion()))
	}
	path := fixturePath(SchemaVersion())
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		_ = os.Remove(path + suffix)
	}
	c := newClock()
	db, err := Open(path, WithNow(c.Now), WithDevice("fixture"), WithAuthor("Fixture Writer"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := db.SaveProfile(ctx, editor.Profile{
		Publisher: "Lakeside Courier", Holder: "Lakeside Media", Since: 1998, Dash: editor.DashEm,
		FooterOriginal: editor.DefaultFooterOriginal, FooterSyndicated: editor.DefaultFooterSyndicated,
		RelatedHeading: editor.DefaultRelatedHeading, Language: "en",
	}); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 12; i++ {
		c.Advance(time.Hour)
		a := testArticle(c.Now())
		a.ID = fmt.Sprintf("f1f7%04d-0000-4000-8000-%012d", i, i)
		a.Slug = fmt.Sprintf("fixture-story-%d", i)
		a.Headline = fmt.Sprintf("Fixture story %d about harbour cranes", i)
		a.CorrectionNote = ""
		if _, err := db.Create(ctx, a, editor.SaveOptions{Kind: editor.RevisionImport}); err != nil {
			t.Fatal(err)
		}
		stale := a.Clone() // a second window's copy, for schema 4
		for j := 0; j < i%4; j++ {
			c.Advance(2 * time.Minute)
			a.Body += fmt.Sprintf("\n\nUpdate %d: the cranes are still idle.", j)
			if _, err := db.Save(ctx, a, editor.SaveOptions{Session: "fixture"}); err != nil {
				t.Fatal(err)
			}
		}
		if i == 5 && SchemaVersion() >= 4 {
			// Schema 4 keeps a save based on an old head as a
			// conflicting revision beside the head.
			c.Advance(time.Minute)
			stale.Body += "\n\nA stale window's line."
			if _, err := db.Save(ctx, stale, editor.SaveOptions{Session: "stale"}); editor.ErrorCode(err) != editor.ESTALE {
				t.Fatalf("stale save: %v, want ESTALE", err)
			}
		}
		if i%3 == 0 {
			if _, err := db.Transition(ctx, a.ID, editor.StatusFiled, "filed by the fixture"); err != nil {
				t.Fatal(err)
			}
		}
		if i == 11 {
			if err := db.Trash(ctx, a.ID); err != nil {
				t.Fatal(err)
			}
		}
		if i == 10 && SchemaVersion() >= 2 {
			// Schema 2 keeps drafts deleted for good as tombstones.
			if err := db.Delete(ctx, a.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	if SchemaVersion() >= 5 {
		// Schema 5 seals revisions for sync: some pushed, a server named.
		out, err := db.SyncOutbox(ctx, 10)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.SyncPushed(ctx, []string{out[0].ID, out[1].ID}); err != nil {
			t.Fatal(err)
		}
		if err := db.SetSyncSetting(ctx, SyncServer, "host=news.example.org dbname=dateline user=fixture"); err != nil {
			t.Fatal(err)
		}
		c.Advance(time.Hour)
		a := testArticle(c.Now())
		a.ID = "f1f70099-0000-4000-8000-000000000099"
		a.Slug = "fixture-story-after-sync"
		a.Headline = "Fixture story written after a sync about harbour cranes"
		a.CorrectionNote = ""
		if _, err := db.Create(ctx, a, editor.SaveOptions{Kind: editor.RevisionImport}); err != nil {
			t.Fatal(err)
		}
	}
	if SchemaVersion() >= 6 {
		// Schema 6 records moves of drafts for sync: the draft in Trash
		// and the one deleted for good have their events, one pushed.
		evs, err := db.SyncEventOutbox(ctx, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(evs) != 2 {
			t.Fatalf("%d moves recorded, want the trash and the purge", len(evs))
		}
		if err := db.SyncEventsPushed(ctx, []string{evs[0].ID}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.write.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	_ = os.Remove(path + "-wal")
	_ = os.Remove(path + "-shm")
}

// TestMigrateFixtures upgrades the fixture of every schema version to the
// newest schema and checks that every draft and revision survived.
func TestMigrateFixtures(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "schema", "*.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(paths), SchemaVersion(); got != want {
		t.Fatalf("%d fixture libraries in testdata/schema, want one per schema version (%d); write the newest with go test -tags sqlite_fts5 -run TestWriteFixture -update", got, want)
	}
	for _, fixture := range paths {
		t.Run(filepath.Base(fixture), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "library.db")
			copyFile(t, fixture, path)
			before := snapshot(t, path)
			if len(before.drafts) == 0 || len(before.revisions) == 0 {
				t.Fatal("fixture holds no drafts or revisions")
			}

			db, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			ctx := context.Background()
			after := snapshot(t, path)
			if got, want := fmt.Sprint(after.drafts), fmt.Sprint(before.drafts); got != want {
				t.Fatalf("drafts after upgrade:\n%s\nwant\n%s", got, want)
			}
			if got, want := fmt.Sprint(after.revisions), fmt.Sprint(before.revisions); got != want {
				t.Fatalf("revisions after upgrade:\n%s\nwant\n%s", got, want)
			}
			if got, want := fmt.Sprint(after.purged), fmt.Sprint(before.purged); got != want {
				t.Fatalf("drafts deleted for good after upgrade: %s, want %s", got, want)
			}
			// Drafts deleted for good (schema 2 on) stay hidden; their
			// revisions are kept but not shown.
			for _, id := range before.drafts {
				_, err := db.Get(ctx, id)
				if before.purged[id] {
					wantCode(t, err, editor.ENOTFOUND)
				} else if err != nil {
					t.Fatalf("Get(%s) after upgrade: %v", id, err)
				}
			}
			for _, id := range before.revisions {
				_, err := db.Revision(ctx, id)
				if before.purgedRevs[id] {
					wantCode(t, err, editor.ENOTFOUND)
				} else if err != nil {
					t.Fatalf("Revision(%s) after upgrade: %v", id, err)
				}
			}
			var version int
			if err := db.read.QueryRow(`PRAGMA user_version`).Scan(&version); err != nil {
				t.Fatal(err)
			}
			if version != SchemaVersion() {
				t.Fatalf("schema %d after upgrade, want %d", version, SchemaVersion())
			}
			problems, err := db.Check(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(problems) != 0 {
				t.Fatalf("upgraded library has problems: %v", problems)
			}
			hits, err := db.List(ctx, editor.ListOptions{Query: "cranes"})
			if err != nil {
				t.Fatal(err)
			}
			if len(hits) == 0 {
				t.Fatal("search finds nothing in the upgraded library")
			}
			p, err := db.Profile(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if p.Publisher != "Lakeside Courier" {
				t.Fatalf("profile after upgrade = %+v", p)
			}

			// Every revision of the upgraded library can be sealed and
			// pushed, each stamped above its parent.
			all, err := db.SyncAll(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(all) != len(before.revisions) {
				t.Fatalf("sync reads %d revisions, the library holds %d", len(all), len(before.revisions))
			}
			stamps := map[string]int64{}
			for _, r := range all {
				stamps[r.ID] = r.HLC
			}
			for _, r := range all {
				for _, p := range r.Parents {
					if stamps[p] >= r.HLC {
						t.Fatalf("revision %s stamped %d, not above its parent %s (%d)", r.ID, r.HLC, p, stamps[p])
					}
				}
			}

			// The upgraded library keeps every revision when Trash is
			// emptied, and refuses to delete one.
			trashed, err := db.Count(ctx, editor.ListOptions{Trashed: true})
			if err != nil {
				t.Fatal(err)
			}
			if trashed == 0 {
				t.Fatal("fixture holds no draft in Trash")
			}
			if n, err := db.EmptyTrash(ctx); err != nil || n != trashed {
				t.Fatalf("EmptyTrash = %d, %v; want %d", n, err, trashed)
			}
			if _, err := db.write.Exec(`DELETE FROM revisions`); err == nil {
				t.Fatal("the upgraded library lets revisions be deleted")
			}
			if got, want := fmt.Sprint(snapshot(t, path).revisions), fmt.Sprint(before.revisions); got != want {
				t.Fatalf("revisions after emptying Trash:\n%s\nwant\n%s", got, want)
			}
			if problems, err := db.Check(ctx); err != nil || len(problems) != 0 {
				t.Fatalf("Check after emptying Trash: %v, %v", problems, err)
			}
		})
	}
}

// librarySnapshot lists the IDs a library holds, sorted, and which of them
// belong to drafts deleted for good.
type librarySnapshot struct {
	drafts, revisions  []string
	purged, purgedRevs map[string]bool
}

// snapshot reads the draft and revision IDs with a plain SQLite connection,
// so that it works on any schema version.
func snapshot(t *testing.T, path string) librarySnapshot {
	t.Helper()
	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	s := librarySnapshot{purged: map[string]bool{}, purgedRevs: map[string]bool{}}
	var tombstones bool // schema 2 on
	if err := raw.QueryRow(`SELECT count(*) > 0 FROM pragma_table_info('drafts') WHERE name = 'purged_at'`).Scan(&tombstones); err != nil {
		t.Fatal(err)
	}
	var purged, purgedRevs []string
	queries := []struct {
		query string
		dest  *[]string
	}{
		{`SELECT id FROM drafts`, &s.drafts},
		{`SELECT id FROM revisions`, &s.revisions},
	}
	if tombstones {
		queries = append(queries, []struct {
			query string
			dest  *[]string
		}{
			{`SELECT id FROM drafts WHERE purged_at IS NOT NULL`, &purged},
			{`SELECT r.id FROM revisions r JOIN drafts d ON d.id = r.draft_id WHERE d.purged_at IS NOT NULL`, &purgedRevs},
		}...)
	}
	for _, q := range queries {
		rows, err := raw.Query(q.query)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				t.Fatal(err)
			}
			*q.dest = append(*q.dest, id)
		}
		rows.Close()
		sort.Strings(*q.dest)
	}
	for _, id := range purged {
		s.purged[id] = true
	}
	for _, id := range purgedRevs {
		s.purgedRevs[id] = true
	}
	return s
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	src, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
}
