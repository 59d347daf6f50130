//go:build sqlite_fts5

package storage

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dateline-news/dateline/editor"
)

// openPair opens the same library file twice, as two windows (or a window
// and the command line) do, with a shared test clock.
func openPair(t *testing.T) (*DB, *DB, *clock) {
	t.Helper()
	c := newClock()
	path := filepath.Join(t.TempDir(), "library.db")
	var dbs [2]*DB
	for i, device := range []string{"laptop", "desk"} {
		db, err := Open(path, WithNow(c.Now), WithDevice(device), WithAuthor("Dana Whitfield"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = db.Close() })
		dbs[i] = db
	}
	return dbs[0], dbs[1], c
}

// revisionByID finds id in revs.
func revisionByID(revs []editor.Revision, id string) *editor.Revision {
	for i := range revs {
		if revs[i].ID == id {
			return &revs[i]
		}
	}
	return nil
}

// TestConflict checks optimistic concurrency on real files: a save based
// on a revision that is no longer the head overwrites nothing.
func TestConflict(t *testing.T) {
	ctx := context.Background()

	t.Run("TwoStoresSameBase", func(t *testing.T) {
		db1, db2, c := openPair(t)
		a := testArticle(c.Now())
		first, err := db1.Create(ctx, a, editor.SaveOptions{Kind: editor.RevisionImport})
		if err != nil {
			t.Fatal(err)
		}
		if a.BaseRevision != first.ID {
			t.Fatalf("Create left BaseRevision %q, want the revision written %s", a.BaseRevision, first.ID)
		}
		mine, err := db1.Get(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		theirs, err := db2.Get(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if mine.BaseRevision != first.ID || theirs.BaseRevision != first.ID {
			t.Fatalf("Get bases %q and %q, want the head %s", mine.BaseRevision, theirs.BaseRevision, first.ID)
		}

		c.Advance(time.Second)
		mine.Body += "\n\nWindow one's paragraph."
		head, err := db1.Save(ctx, mine, editor.SaveOptions{Session: "one"})
		if err != nil {
			t.Fatal(err)
		}
		c.Advance(time.Second)
		theirs.Body += "\n\nWindow two's paragraph."
		rev, err := db2.Save(ctx, theirs, editor.SaveOptions{Session: "two"})
		wantCode(t, err, editor.ESTALE)
		if rev == nil || !rev.Conflict || rev.ParentID != first.ID {
			t.Fatalf("stale save returned %+v, want a conflicting revision whose parent is %s", rev, first.ID)
		}
		for _, s := range []string{head.ID[:13], rev.ID[:13]} {
			if !strings.Contains(err.Error(), s) {
				t.Errorf("conflict message %q does not name revision %s", err, s)
			}
		}
		if theirs.BaseRevision != rev.ID {
			t.Errorf("after the conflict BaseRevision = %s, want the conflicting revision %s", theirs.BaseRevision, rev.ID)
		}

		// Nothing was overwritten: the draft is window one's, everywhere.
		for _, db := range []*DB{db1, db2} {
			got, err := db.Get(ctx, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Body != mine.Body || got.BaseRevision != head.ID {
				t.Fatalf("draft after the stale save: head %s body %q, want head %s body %q", got.BaseRevision, got.Body, head.ID, mine.Body)
			}
		}
		if hits, err := db1.List(ctx, editor.ListOptions{Query: "Window two's"}); err != nil || len(hits) != 0 {
			t.Errorf("search finds the conflicting text in the draft: %v, %v", hits, err)
		}
		// The history has both branches, the conflict marked.
		revs, err := db1.Revisions(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got := revisionByID(revs, rev.ID); got == nil || !got.Conflict {
			t.Fatalf("history lacks the conflicting revision or its mark: %+v", revs)
		}
		if got := revisionByID(revs, head.ID); got == nil || got.Conflict {
			t.Fatalf("history lacks the head or marks it a conflict: %+v", revs)
		}
		full, err := db1.Revision(ctx, rev.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !full.Conflict || full.Article.Body != theirs.Body {
			t.Fatalf("conflicting revision holds %q (conflict %v), want %q", full.Article.Body, full.Conflict, theirs.Body)
		}

		// Typing on in window two coalesces into its own conflicting
		// revision, not into the head and not into a new revision each
		// time.
		c.Advance(time.Second)
		theirs.Body += " More."
		again, err := db2.Save(ctx, theirs, editor.SaveOptions{Session: "two"})
		wantCode(t, err, editor.ESTALE)
		if again.ID != rev.ID {
			t.Errorf("a second conflicting save of the session wrote %s, want it coalesced into %s", again.ID, rev.ID)
		}
		if n := len(mustRevisions(t, db1, a.ID)); n != len(revs) {
			t.Errorf("%d revisions after typing on, want %d", n, len(revs))
		}
		if got, _ := db1.Get(ctx, a.ID); got.Body != mine.Body {
			t.Fatalf("typing on in the stale window changed the draft to %q", got.Body)
		}

		// Keep mine: based on the head, window two's text becomes the
		// newest revision, a child of window one's.
		cur, err := db2.Get(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		theirs.BaseRevision, theirs.BaseSaved = cur.BaseRevision, cur.BaseSaved
		c.Advance(time.Second)
		kept, err := db2.Save(ctx, theirs, editor.SaveOptions{Session: "two"})
		if err != nil {
			t.Fatalf("keep mine: %v", err)
		}
		if kept.Conflict || kept.ParentID != head.ID {
			t.Errorf("kept revision %+v, want a head whose parent is %s", kept, head.ID)
		}
		if got, _ := db1.Get(ctx, a.ID); got.Body != theirs.Body {
			t.Errorf("after keep mine the draft is %q, want %q", got.Body, theirs.Body)
		}
		if problems, err := db1.Check(ctx); err != nil || len(problems) != 0 {
			t.Fatalf("Check: %v, %v", problems, err)
		}
	})

	// An autosave may rewrite its session's head under the same ID. A
	// window that read the head before that rewrite must still conflict.
	t.Run("HeadRewrittenByAutosave", func(t *testing.T) {
		db1, db2, c := openPair(t)
		a := testArticle(c.Now())
		if _, err := db1.Save(ctx, a, editor.SaveOptions{Session: "one"}); err != nil {
			t.Fatal(err)
		}
		other, err := db2.Get(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		c.Advance(time.Second)
		a.Body += " Typed on in window one."
		r1, err := db1.Save(ctx, a, editor.SaveOptions{Session: "one"})
		if err != nil {
			t.Fatal(err)
		}
		if r1.ID != other.BaseRevision {
			t.Fatalf("window one's save was not coalesced (%s, head read %s); this case needs it", r1.ID, other.BaseRevision)
		}
		c.Advance(time.Second)
		other.Headline = "A stale headline"
		_, err = db2.Save(ctx, other, editor.SaveOptions{Session: "two"})
		wantCode(t, err, editor.ESTALE)
		got, err := db1.Get(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Body != a.Body || got.Headline != a.Headline {
			t.Fatalf("the stale copy overwrote the newer text: %q / %q", got.Headline, got.Body)
		}
	})

	t.Run("StatusMovesDoNotConflict", func(t *testing.T) {
		db1, db2, c := openPair(t)
		a := testArticle(c.Now())
		a.CorrectionNote = ""
		if _, err := db1.Save(ctx, a, editor.SaveOptions{Session: "one"}); err != nil {
			t.Fatal(err)
		}
		for _, to := range []editor.Status{editor.StatusFiled, editor.StatusEditing} {
			if _, err := db2.Transition(ctx, a.ID, to, ""); err != nil {
				t.Fatal(err)
			}
		}
		c.Advance(time.Second)
		a.Body += " An edit after two status moves."
		if _, err := db1.Save(ctx, a, editor.SaveOptions{Session: "one"}); err != nil {
			t.Fatalf("an edit after status moves elsewhere: %v, want it saved", err)
		}
		if got, _ := db2.Get(ctx, a.ID); got.Body != a.Body || got.Status != editor.StatusEditing {
			t.Fatalf("draft = %q, %s; want the edit with status editing", got.Body, got.Status)
		}
	})

	// The command line's import --replace goes through AddImported, which
	// replaces the head; the window's next save then conflicts.
	t.Run("ImportReplaceWhileAWindowEdits", func(t *testing.T) {
		window, cli, c := openPair(t)
		a := testArticle(c.Now())
		if _, err := window.Save(ctx, a, editor.SaveOptions{Session: "window"}); err != nil {
			t.Fatal(err)
		}
		imported := a.Clone()
		imported.BaseRevision = ""
		imported.Body = "The wire's corrected copy."
		if _, err := editor.AddImported(ctx, cli, imported, editor.ClashReplace, c.Now()); err != nil {
			t.Fatal(err)
		}
		c.Advance(time.Second)
		a.Body += " The window's next sentence."
		rev, err := window.Save(ctx, a, editor.SaveOptions{Session: "window"})
		wantCode(t, err, editor.ESTALE)
		if got, _ := cli.Get(ctx, a.ID); got.Body != imported.Body {
			t.Fatalf("draft = %q, want the import %q", got.Body, imported.Body)
		}
		full, err := cli.Revision(ctx, rev.ID)
		if err != nil || full.Article.Body != a.Body {
			t.Fatalf("the window's text is not kept in its conflicting revision: %v %+v", err, full)
		}
	})

	t.Run("RestoreMovesTheHead", func(t *testing.T) {
		db1, db2, c := openPair(t)
		a := testArticle(c.Now())
		first, err := db1.Save(ctx, a, editor.SaveOptions{})
		if err != nil {
			t.Fatal(err)
		}
		c.Advance(time.Minute)
		a.Body = "Second text."
		if _, err := db1.Save(ctx, a, editor.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		if _, err := db2.Restore(ctx, first.ID); err != nil {
			t.Fatal(err)
		}
		a.Body = "Third text, typed over the restore."
		_, err = db1.Save(ctx, a, editor.SaveOptions{})
		wantCode(t, err, editor.ESTALE)
	})

	t.Run("BaseOfAnotherDraft", func(t *testing.T) {
		db, _, c := openPair(t)
		a := testArticle(c.Now())
		if _, err := db.Save(ctx, a, editor.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		b := testArticle(c.Now())
		b.Slug = "other-story"
		if _, err := db.Save(ctx, b, editor.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		a.BaseRevision, a.BaseSaved = b.BaseRevision, b.BaseSaved
		_, err := db.Save(ctx, a, editor.SaveOptions{})
		wantCode(t, err, editor.EINVALID)
	})

	t.Run("NoBaseReplaces", func(t *testing.T) {
		db1, db2, c := openPair(t)
		a := testArticle(c.Now())
		if _, err := db1.Save(ctx, a, editor.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		b, _ := db2.Get(ctx, a.ID)
		b.Body = "Newer."
		if _, err := db2.Save(ctx, b, editor.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		a.BaseRevision = ""
		a.Body = "An authoritative copy."
		if _, err := db1.Save(ctx, a, editor.SaveOptions{Kind: editor.RevisionImport}); err != nil {
			t.Fatalf("a save without a base: %v", err)
		}
	})
}

// TestConflictRuleInSchema checks the schema's guard for conflicting
// revisions: the mark never changes, and a conflicting revision may be
// rewritten (by its session's autosave) only while nothing builds on it.
func TestConflictRuleInSchema(t *testing.T) {
	ctx := context.Background()
	db1, db2, c := openPair(t)
	a := testArticle(c.Now())
	if _, err := db1.Save(ctx, a, editor.SaveOptions{Session: "one"}); err != nil {
		t.Fatal(err)
	}
	stale, _ := db2.Get(ctx, a.ID)
	c.Advance(time.Minute)
	a.Body += " Newer."
	head, err := db1.Save(ctx, a, editor.SaveOptions{Session: "one"})
	if err != nil {
		t.Fatal(err)
	}
	stale.Body += " Stale."
	conflict, err := db2.Save(ctx, stale, editor.SaveOptions{Session: "two"})
	wantCode(t, err, editor.ESTALE)

	for _, tt := range []struct {
		name, stmt, id string
		ok             bool
	}{
		{"ConflictTipWithinAMinute", `UPDATE revisions SET created = started + 1000, note = 'typing' WHERE id = ?`, conflict.ID, true},
		{"UnmarkConflict", `UPDATE revisions SET conflict = 0 WHERE id = ?`, conflict.ID, false},
		{"MarkHead", `UPDATE revisions SET conflict = 1 WHERE id = ?`, head.ID, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := db1.write.Exec(tt.stmt, tt.id)
			if got := err == nil; got != tt.ok {
				t.Fatalf("%s: err = %v, want allowed=%v", tt.stmt, err, tt.ok)
			}
		})
	}
	// A revision built on the conflicting one closes it.
	if _, err := db1.write.Exec(`INSERT INTO revisions (id, draft_id, parent_id, kind, session, started, created, doc, conflict)
		SELECT ?, draft_id, id, 'edit', 'two', created + 1, created + 1, doc, 1 FROM revisions WHERE id = ?`, editor.NewRevisionID(), conflict.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db1.write.Exec(`UPDATE revisions SET note = 'late' WHERE id = ?`, conflict.ID); err == nil {
		t.Fatal("a conflicting revision with a child was rewritten")
	}
}

func mustRevisions(t *testing.T, db *DB, id string) []editor.Revision {
	t.Helper()
	revs, err := db.Revisions(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return revs
}
