//go:build sqlite_fts5

package storage

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/dateline-news/dateline/editor"
)

// testArticle returns an article with every field set.
func testArticle(now time.Time) *editor.Article {
	a := editor.NewArticle(now)
	a.Slug = "kenya-tea-harvest"
	a.Headline = "Tea growers count losses after a dry season"
	a.Deck = "Central highlands lose a third of the crop"
	a.Byline = editor.Byline{Authors: []string{"Dana Whitfield", "Omar Haddad"}, Title: "Harbor Times Correspondents"}
	a.Dateline = editor.Dateline{Place: "NAIROBI, Kenya", Date: time.Date(2026, 1, 21, 0, 0, 0, 0, time.UTC), Credit: "Harbor Times"}
	a.Attribution = editor.Attribution{Source: "Associated Press", Kind: editor.AttributionSyndicated, OriginalPublisher: "Harbor Times", OriginalURL: "https://example.com/tea"}
	a.Copyright = editor.Copyright{Holder: "Harbor Times", Since: 2004, Year: 2026}
	a.Body = "Tea growers in the central highlands said Monday that the dry season had cut their harvest by a third.\n\n“We have never seen the bushes this thin,” one grower told Harbor Times & partners."
	a.Related = []editor.Teaser{{Text: "Port workers end strike", URL: "https://example.com/port"}, {DraftID: editor.NewID()}}
	a.Tags = []string{"agriculture", "kenya"}
	a.Section = "business"
	a.EditorsNote = "Check the figures with the ministry."
	a.CorrectionNote = "An earlier version misstated the harvest loss."
	a.Language = "en"
	return a
}

func jsonOf(tb testing.TB, v any) string {
	tb.Helper()
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

func TestCreate(t *testing.T) {
	ctx := context.Background()

	t.Run("OK", func(t *testing.T) {
		db, c := mustOpen(t)
		a := testArticle(c.Now())
		own := a.Updated
		c.Advance(time.Minute)
		rev, err := db.Create(ctx, a, editor.SaveOptions{Kind: editor.RevisionImport, Note: "from the wire"})
		if err != nil {
			t.Fatal(err)
		}
		// An import keeps the modified date its copy carries.
		if got, want := a.Updated, own; !got.Equal(want) {
			t.Fatalf("Updated = %v, want the copy's own %v", got, want)
		}
		if got, want := rev.Kind, editor.RevisionImport; got != want {
			t.Fatalf("revision kind = %q, want %q", got, want)
		}
		if got, want := rev.Device+"/"+rev.Author, "laptop/Dana Whitfield"; got != want {
			t.Fatalf("revision device/author = %q, want %q", got, want)
		}
		if rev.ParentID != "" {
			t.Fatalf("first revision has parent %q", rev.ParentID)
		}
		got, err := db.Get(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, a) {
			t.Fatalf("round trip differs:\ngot  %s\nwant %s", jsonOf(t, got), jsonOf(t, a))
		}
	})

	t.Run("ErrDuplicateID", func(t *testing.T) {
		db, c := mustOpen(t)
		a := testArticle(c.Now())
		if _, err := db.Create(ctx, a, editor.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		b := a.Clone()
		b.Slug = "another-slug"
		_, err := db.Create(ctx, b, editor.SaveOptions{})
		wantCode(t, err, editor.ECONFLICT)
	})

	t.Run("ErrDuplicateSlug", func(t *testing.T) {
		db, c := mustOpen(t)
		a := testArticle(c.Now())
		if _, err := db.Create(ctx, a, editor.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		b := editor.NewArticle(c.Now())
		b.Slug = a.Slug
		_, err := db.Create(ctx, b, editor.SaveOptions{})
		wantCode(t, err, editor.ECONFLICT)
		want := `slug "kenya-tea-harvest" is already used by "Tea growers count losses after a dry season" (` + a.ID[:8] + `)`
		if got := editor.ErrorMessage(err); got != want {
			t.Fatalf("message = %q, want %q", got, want)
		}
		_, err = db.Save(ctx, b, editor.SaveOptions{})
		wantCode(t, err, editor.ECONFLICT)
		if n, err := db.Count(ctx, editor.ListOptions{}); err != nil || n != 1 {
			t.Fatalf("Count = %d, %v; want 1, nil", n, err)
		}
	})

	t.Run("ErrInvalid", func(t *testing.T) {
		db, c := mustOpen(t)
		a := testArticle(c.Now())
		a.Slug = "Not A Slug"
		_, err := db.Create(ctx, a, editor.SaveOptions{})
		wantCode(t, err, editor.EINVALID)
		_, err = db.Create(ctx, testArticle(c.Now()), editor.SaveOptions{Kind: "merge"})
		wantCode(t, err, editor.EINVALID)
		_, err = db.Save(ctx, nil, editor.SaveOptions{})
		wantCode(t, err, editor.EINVALID)
	})
}

func TestSave(t *testing.T) {
	ctx := context.Background()

	t.Run("OK", func(t *testing.T) {
		db, c := mustOpen(t)
		a := testArticle(c.Now())
		if _, err := db.Save(ctx, a, editor.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		created := a.Created
		c.Advance(time.Hour)
		a.Headline = "Tea growers count their losses"
		a.Tags = []string{"tea"}
		a.Byline.Authors = []string{"Omar Haddad"}
		if _, err := db.Save(ctx, a, editor.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		got, err := db.Get(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, a) {
			t.Fatalf("round trip differs:\ngot  %s\nwant %s", jsonOf(t, got), jsonOf(t, a))
		}
		if !got.Created.Equal(created) || !got.Updated.Equal(c.Now()) {
			t.Fatalf("Created, Updated = %v, %v; want %v, %v", got.Created, got.Updated, created, c.Now())
		}
	})

	t.Run("EverySaveIsARevision", func(t *testing.T) {
		db, c := mustOpen(t)
		a := testArticle(c.Now())
		var ids []string
		for i, body := range []string{"one", "one two", "one two three"} {
			c.Advance(time.Second)
			a.Body = body
			rev, err := db.Save(ctx, a, editor.SaveOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if got, want := rev.Words, i+1; got != want {
				t.Fatalf("revision words = %d, want %d", got, want)
			}
			ids = append(ids, rev.ID)
		}
		revs, err := db.Revisions(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := len(revs), 3; got != want {
			t.Fatalf("%d revisions, want %d", got, want)
		}
		for i, r := range revs {
			// Newest first, each pointing at the one before.
			if got, want := r.ID, ids[2-i]; got != want {
				t.Fatalf("revision %d = %s, want %s", i, got, want)
			}
			wantParent := ""
			if i < 2 {
				wantParent = ids[1-i]
			}
			if got := r.ParentID; got != wantParent {
				t.Fatalf("revision %d parent = %q, want %q", i, got, wantParent)
			}
			if r.Article != nil {
				t.Fatal("Revisions filled Article")
			}
		}
		// Revision IDs are UUIDv7, so they sort by time.
		if !(ids[0] < ids[1] && ids[1] < ids[2]) {
			t.Fatalf("revision IDs not time-ordered: %v", ids)
		}
		r, err := db.Revision(ctx, ids[1])
		if err != nil {
			t.Fatal(err)
		}
		if got, want := r.Article.Body, "one two"; got != want {
			t.Fatalf("revision body = %q, want %q", got, want)
		}
		var head string
		if err := db.read.QueryRow(`SELECT head_revision FROM drafts WHERE id = ?`, a.ID).Scan(&head); err != nil {
			t.Fatal(err)
		}
		if got, want := head, ids[2]; got != want {
			t.Fatalf("head_revision = %s, want %s", got, want)
		}
	})

	t.Run("SetsPublished", func(t *testing.T) {
		db, c := mustOpen(t)
		a := testArticle(c.Now())
		a.Status = editor.StatusPublished
		if _, err := db.Save(ctx, a, editor.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		if !a.Published.Equal(c.Now()) {
			t.Fatalf("Published = %v, want %v", a.Published, c.Now())
		}
	})
}

func TestCoalesce(t *testing.T) {
	ctx := context.Background()
	count := func(t *testing.T, db *DB, id string) int {
		t.Helper()
		revs, err := db.Revisions(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return len(revs)
	}

	t.Run("SameSessionWithinAMinute", func(t *testing.T) {
		db, c := mustOpen(t)
		a := testArticle(c.Now())
		first, err := db.Save(ctx, a, editor.SaveOptions{Session: "s1"})
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 5; i++ {
			c.Advance(10 * time.Second)
			a.Body += " more"
			rev, err := db.Save(ctx, a, editor.SaveOptions{Session: "s1"})
			if err != nil {
				t.Fatal(err)
			}
			if got, want := rev.ID, first.ID; got != want {
				t.Fatalf("save %d made revision %s, want it coalesced into %s", i, got, want)
			}
		}
		if got, want := count(t, db, a.ID), 1; got != want {
			t.Fatalf("%d revisions, want %d", got, want)
		}
		r, err := db.Revision(ctx, first.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := r.Article.Body, a.Body; got != want {
			t.Fatalf("coalesced revision body = %q, want %q", got, want)
		}
		if got, want := r.Created, c.Now(); !got.Equal(want) {
			t.Fatalf("coalesced revision time = %v, want %v", got, want)
		}
		// 60 s after the revision was first written it is closed.
		c.Advance(11 * time.Second)
		rev, err := db.Save(ctx, a, editor.SaveOptions{Session: "s1"})
		if err != nil {
			t.Fatal(err)
		}
		if rev.ID == first.ID || rev.ParentID != first.ID {
			t.Fatalf("save after a minute: revision %s parent %s, want a new one after %s", rev.ID, rev.ParentID, first.ID)
		}
	})

	t.Run("OtherSession", func(t *testing.T) {
		db, c := mustOpen(t)
		a := testArticle(c.Now())
		if _, err := db.Save(ctx, a, editor.SaveOptions{Session: "s1"}); err != nil {
			t.Fatal(err)
		}
		c.Advance(time.Second)
		if _, err := db.Save(ctx, a, editor.SaveOptions{Session: "s2"}); err != nil {
			t.Fatal(err)
		}
		c.Advance(time.Second)
		if _, err := db.Save(ctx, a, editor.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		if got, want := count(t, db, a.ID), 3; got != want {
			t.Fatalf("%d revisions, want %d", got, want)
		}
	})

	t.Run("StatusImportRestoreNeverCoalesce", func(t *testing.T) {
		db, c := mustOpen(t)
		a := testArticle(c.Now())
		if _, err := db.Save(ctx, a, editor.SaveOptions{Session: "s1"}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Transition(ctx, a.ID, editor.StatusFiled, ""); err != nil {
			t.Fatal(err)
		}
		for _, k := range []editor.RevisionKind{editor.RevisionImport, editor.RevisionRestore, editor.RevisionStatus} {
			if _, err := db.Save(ctx, a, editor.SaveOptions{Session: "s1", Kind: k}); err != nil {
				t.Fatal(err)
			}
			// An edit right after a non-edit revision starts a new one.
			if _, err := db.Save(ctx, a, editor.SaveOptions{Session: "s1"}); err != nil {
				t.Fatal(err)
			}
		}
		if got, want := count(t, db, a.ID), 8; got != want {
			t.Fatalf("%d revisions, want %d", got, want)
		}
	})
}

func TestRevisionsAreImmutable(t *testing.T) {
	ctx := context.Background()
	db, c := mustOpen(t)
	a := testArticle(c.Now())
	first, err := db.Save(ctx, a, editor.SaveOptions{Session: "s1"})
	if err != nil {
		t.Fatal(err)
	}
	c.Advance(time.Second)
	if _, err := db.Save(ctx, a, editor.SaveOptions{Session: "s2"}); err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{
		`UPDATE revisions SET note = 'rewritten' WHERE id = ?`,
		`UPDATE revisions SET created = created + 1 WHERE id = ?`,
		`DELETE FROM revisions WHERE id = ?`,
	} {
		_, err := db.write.Exec(stmt, first.ID)
		if err == nil || !strings.Contains(err.Error(), "revisions are immutable") {
			t.Errorf("%s: err = %v, want the immutability trigger", stmt, err)
		}
	}
	// Deleting the draft for good keeps its history, and the schema
	// refuses to delete a revision even then, or the draft row itself.
	if err := db.Delete(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if got, want := revisionRows(t, db), 2; got != want {
		t.Fatalf("%d revisions left after Delete, want %d", got, want)
	}
	for _, stmt := range []string{`DELETE FROM revisions`, `DELETE FROM revisions WHERE id = ?`} {
		_, err := db.write.Exec(stmt, first.ID)
		if err == nil || !strings.Contains(err.Error(), "a revision is never deleted") {
			t.Errorf("%s after Delete: err = %v, want the immutability trigger", stmt, err)
		}
	}
	if _, err := db.write.Exec(`DELETE FROM drafts WHERE id = ?`, a.ID); err == nil || !strings.Contains(err.Error(), "drafts are never deleted") {
		t.Errorf("DELETE FROM drafts: err = %v, want the tombstone trigger", err)
	}
	if got, want := revisionRows(t, db), 2; got != want {
		t.Fatalf("%d revisions left after raw deletes, want %d", got, want)
	}
}

// revisionRows counts the revision rows with a direct query, whatever the
// state of their drafts.
func revisionRows(tb testing.TB, db *DB) int {
	tb.Helper()
	var n int
	if err := db.read.QueryRow(`SELECT count(*) FROM revisions`).Scan(&n); err != nil {
		tb.Fatal(err)
	}
	return n
}

// revisionDocs returns every revision row's ID and full doc, read
// directly.
func revisionDocs(tb testing.TB, db *DB) map[string]string {
	tb.Helper()
	rows, err := db.read.Query(`SELECT id, doc FROM revisions`)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	docs := map[string]string{}
	for rows.Next() {
		var id, doc string
		if err := rows.Scan(&id, &doc); err != nil {
			tb.Fatal(err)
		}
		docs[id] = doc
	}
	if err := rows.Err(); err != nil {
		tb.Fatal(err)
	}
	return docs
}

// wantPurged checks that the draft a, deleted for good, is a tombstone no
// caller finds, that its slug is free and its ID refused, and that the
// library passes Check. revs are its revision IDs, which must still be
// stored.
func wantPurged(t *testing.T, db *DB, c *clock, a *editor.Article, revs []string) {
	t.Helper()
	ctx := context.Background()
	_, err := db.Get(ctx, a.ID)
	wantCode(t, err, editor.ENOTFOUND)
	if err != nil && !strings.Contains(err.Error(), "deleted for good") {
		t.Errorf("Get: %v, want it to say the article was deleted for good", err)
	}
	for _, ref := range []string{a.ID, a.Slug, a.ID[:MinPrefix]} {
		_, err := db.Lookup(ctx, ref)
		wantCode(t, err, editor.ENOTFOUND)
	}
	_, err = db.Revisions(ctx, a.ID)
	wantCode(t, err, editor.ENOTFOUND)
	docs := revisionDocs(t, db)
	for _, id := range revs {
		_, err := db.Revision(ctx, id)
		wantCode(t, err, editor.ENOTFOUND)
		_, err = db.Restore(ctx, id)
		wantCode(t, err, editor.ENOTFOUND)
		if doc, ok := docs[id]; !ok {
			t.Errorf("revision %s is gone", id)
		} else if !strings.Contains(doc, a.Headline) {
			t.Errorf("revision %s lost its text: %s", id, doc)
		}
	}
	wantCode(t, db.Trash(ctx, a.ID), editor.ENOTFOUND)
	wantCode(t, db.Untrash(ctx, a.ID), editor.ENOTFOUND)
	wantCode(t, db.Delete(ctx, a.ID), editor.ENOTFOUND)
	_, err = db.Transition(ctx, a.ID, editor.StatusFiled, "")
	wantCode(t, err, editor.ENOTFOUND)

	// Not listed, counted or found by search, live or in Trash, by its
	// words or by its tombstone slug.
	for _, trashed := range []bool{false, true} {
		for _, query := range []string{"", "growers", "purged", a.Slug, a.ID[:8]} {
			opt := editor.ListOptions{Trashed: trashed, Query: query}
			list, err := db.List(ctx, opt)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range list {
				if s.ID == a.ID {
					t.Errorf("List(%+v) shows the deleted draft", opt)
				}
			}
			n, err := db.Count(ctx, opt)
			if err != nil {
				t.Fatal(err)
			}
			if n != len(list) {
				t.Errorf("Count(%+v) = %d, List has %d", opt, n, len(list))
			}
			counts, err := db.StatusCounts(ctx, opt)
			if err != nil {
				t.Fatal(err)
			}
			total := 0
			for _, k := range counts {
				total += k
			}
			if total != len(list) {
				t.Errorf("StatusCounts(%+v) = %v, List has %d", opt, counts, len(list))
			}
		}
	}
	var authors, tags int
	if err := db.read.QueryRow(`SELECT (SELECT count(*) FROM draft_authors WHERE draft = d.seq), (SELECT count(*) FROM draft_tags WHERE draft = d.seq)
		FROM drafts d WHERE d.id = ?`, a.ID).Scan(&authors, &tags); err != nil {
		t.Fatal(err)
	}
	if authors != 0 || tags != 0 {
		t.Errorf("deleted draft keeps %d author and %d tag rows", authors, tags)
	}

	// Its ID is never reused, by Save or Create.
	again := testArticle(c.Now())
	again.ID = a.ID
	again.Slug = "a-new-slug-for-an-old-id"
	_, err = db.Save(ctx, again, editor.SaveOptions{})
	wantCode(t, err, editor.ECONFLICT)
	if err != nil && !strings.Contains(err.Error(), "deleted for good") {
		t.Errorf("Save with a deleted ID: %v, want it to say why", err)
	}
	_, err = db.Create(ctx, again, editor.SaveOptions{})
	wantCode(t, err, editor.ECONFLICT)

	// Its slug is free for a new story.
	fresh := testArticle(c.Now())
	fresh.Slug = a.Slug
	if _, err := db.Create(ctx, fresh, editor.SaveOptions{}); err != nil {
		t.Fatalf("a new article cannot take the deleted draft's slug: %v", err)
	}
	if got, err := db.Lookup(ctx, a.Slug); err != nil || got.ID != fresh.ID {
		t.Fatalf("Lookup(%q) = %v, %v; want the new article", a.Slug, got, err)
	}

	problems, err := db.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 0 {
		t.Fatalf("Check after deleting for good: %v", problems)
	}
}

// TestCoalesceRuleInSchema checks the schema's own guard: whatever the Go
// code does, only the head edit revision of a session may be replaced, and
// only within a minute of its first save.
func TestCoalesceRuleInSchema(t *testing.T) {
	ctx := context.Background()
	db, c := mustOpen(t)
	a := testArticle(c.Now())
	first, err := db.Save(ctx, a, editor.SaveOptions{Session: "s1"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, stmt string
		ok         bool
	}{
		{"WithinAMinute", `UPDATE revisions SET created = started + 30000000000, note = 'typing' WHERE id = ?`, true},
		{"AfterAMinute", `UPDATE revisions SET created = started + 61000000000 WHERE id = ?`, false},
		{"BackInTime", `UPDATE revisions SET created = started - 1 WHERE id = ?`, false},
		{"OtherSession", `UPDATE revisions SET session = 's2' WHERE id = ?`, false},
		{"OtherKind", `UPDATE revisions SET kind = 'restore' WHERE id = ?`, false},
		{"OtherParent", `UPDATE revisions SET parent_id = 'x' WHERE id = ?`, false},
		{"OtherDevice", `UPDATE revisions SET device = 'phone' WHERE id = ?`, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := db.write.Exec(tt.stmt, first.ID)
			if got := err == nil; got != tt.ok {
				t.Fatalf("%s: err = %v, want allowed=%v", tt.stmt, err, tt.ok)
			}
		})
	}
	// Once a newer revision exists, the old one is closed for good. (The
	// statements above rewrote the head behind a's back, as another
	// window's autosave would: a save must start from the stored copy.)
	c.Advance(time.Second)
	a, err = db.Get(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Save(ctx, a, editor.SaveOptions{Session: "s2"}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.write.Exec(`UPDATE revisions SET note = 'late' WHERE id = ?`, first.ID); err == nil {
		t.Fatal("a revision that is no longer the head was replaced")
	}
}

func TestGet(t *testing.T) {
	t.Run("ErrNotFound", func(t *testing.T) {
		db, _ := mustOpen(t)
		_, err := db.Get(context.Background(), editor.NewID())
		wantCode(t, err, editor.ENOTFOUND)
	})
}

func TestDelete(t *testing.T) {
	ctx := context.Background()
	for _, trashFirst := range []bool{false, true} {
		name := "Live"
		if trashFirst {
			name = "FromTrash"
		}
		t.Run(name, func(t *testing.T) {
			db, c := mustOpen(t)
			a := testArticle(c.Now())
			first, err := db.Create(ctx, a, editor.SaveOptions{})
			if err != nil {
				t.Fatal(err)
			}
			c.Advance(time.Hour)
			a.Body += " More."
			second, err := db.Save(ctx, a, editor.SaveOptions{})
			if err != nil {
				t.Fatal(err)
			}
			other := testArticle(c.Now())
			other.Slug, other.Headline = "port-strike", "Port workers end strike"
			if _, err := db.Create(ctx, other, editor.SaveOptions{}); err != nil {
				t.Fatal(err)
			}
			if trashFirst {
				if err := db.Trash(ctx, a.ID); err != nil {
					t.Fatal(err)
				}
			}
			before := revisionDocs(t, db)
			if len(before) != 3 {
				t.Fatalf("%d revisions before Delete, want 3", len(before))
			}
			c.Advance(time.Hour)
			if err := db.Delete(ctx, a.ID); err != nil {
				t.Fatal(err)
			}
			if got := revisionDocs(t, db); !reflect.DeepEqual(got, before) {
				t.Fatalf("revisions changed by Delete:\n%v\nwant\n%v", got, before)
			}
			wantPurged(t, db, c, a, []string{first.ID, second.ID})
			if got, err := db.Get(ctx, other.ID); err != nil || got.Headline != other.Headline {
				t.Fatalf("the other article after Delete: %v, %v", got, err)
			}
		})
	}
	t.Run("ErrNotFound", func(t *testing.T) {
		db, _ := mustOpen(t)
		wantCode(t, db.Delete(ctx, editor.NewID()), editor.ENOTFOUND)
	})
}

func TestLookup(t *testing.T) {
	ctx := context.Background()
	db, c := mustOpen(t)
	mk := func(id, slug string) *editor.Article {
		a := editor.NewArticle(c.Now())
		a.ID, a.Slug, a.Headline = id, slug, "Story "+slug
		if _, err := db.Create(ctx, a, editor.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		return a
	}
	a := mk("0badcafe-0000-4000-8000-000000000001", "harbor-strike")
	mk("0badcafe-0000-4000-8000-000000000002", "port-deal")
	b := mk("1234abcd-5678-4000-8000-000000000003", "deadbeef")

	for _, tt := range []struct {
		name, ref, wantID, wantCode string
	}{
		{"OK/ID", a.ID, a.ID, ""},
		{"OK/Slug", "harbor-strike", a.ID, ""},
		{"OK/Prefix", "1234abcd", b.ID, ""},
		{"OK/UpperPrefix", "1234ABCD-56", b.ID, ""},
		{"OK/SlugLooksLikePrefix", "deadbeef", b.ID, ""},
		{"ErrAmbiguous", "0badcafe", "", editor.ECONFLICT},
		{"ErrNotFound/ShortPrefix", "1234abc", "", editor.ENOTFOUND},
		{"ErrNotFound/Prefix", "ffffffff", "", editor.ENOTFOUND},
		{"ErrNotFound/Slug", "no-such-story", "", editor.ENOTFOUND},
		{"ErrEmpty", " ", "", editor.EINVALID},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := db.Lookup(ctx, tt.ref)
			if got, want := editor.ErrorCode(err), tt.wantCode; got != want {
				t.Fatalf("code = %q (%v), want %q", got, err, want)
			}
			if err == nil && got.ID != tt.wantID {
				t.Fatalf("Lookup(%q) = %s, want %s", tt.ref, got.ID, tt.wantID)
			}
		})
	}
	_, err := db.Lookup(ctx, "0badcafe")
	if msg := editor.ErrorMessage(err); !strings.Contains(msg, "Story harbor-strike") || !strings.Contains(msg, "Story port-deal") {
		t.Fatalf("ambiguous message %q does not name both stories", msg)
	}
}

func TestRevision(t *testing.T) {
	t.Run("ErrNotFound", func(t *testing.T) {
		db, _ := mustOpen(t)
		_, err := db.Revision(context.Background(), editor.NewRevisionID())
		wantCode(t, err, editor.ENOTFOUND)
		_, err = db.Revisions(context.Background(), editor.NewID())
		wantCode(t, err, editor.ENOTFOUND)
	})
}

func TestProfile(t *testing.T) {
	ctx := context.Background()
	t.Run("Default", func(t *testing.T) {
		db, _ := mustOpen(t)
		p, err := db.Profile(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(p, editor.DefaultProfile()) {
			t.Fatalf("Profile = %+v, want the default", p)
		}
	})
	t.Run("OK", func(t *testing.T) {
		db, _ := mustOpen(t)
		p := editor.DefaultProfile()
		p.Publisher, p.Holder, p.Since, p.Dash = "Lakeside Courier", "Lakeside Media & Co", 1998, editor.DashEm
		p.BaseURL = "https://courier.example"
		for i := 0; i < 2; i++ { // insert, then update
			if err := db.SaveProfile(ctx, p); err != nil {
				t.Fatal(err)
			}
			got, err := db.Profile(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, p) {
				t.Fatalf("Profile = %+v, want %+v", got, p)
			}
			p.Since = 2001
		}
	})
	t.Run("ErrInvalid", func(t *testing.T) {
		db, _ := mustOpen(t)
		p := editor.DefaultProfile()
		p.FooterOriginal = "Copyright {{.Nope}}"
		wantCode(t, db.SaveProfile(ctx, p), editor.EINVALID)
		got, err := db.Profile(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, editor.DefaultProfile()) {
			t.Fatal("an invalid profile was stored")
		}
	})
}
