//go:build sqlite_fts5

package storage

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/dateline-news/dateline/editor"
)

// place is where the draft is on the library: live, trash or purged.
func place(t *testing.T, db *DB, id string) string {
	t.Helper()
	p, err := db.Picture(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return p.Place[id]
}

// TestTrashTravels: moving a draft to Trash, bringing it back and deleting
// it for good reach the other laptop; a deleted draft's revisions stay.
func TestTrashTravels(t *testing.T) {
	ctx := context.Background()
	c := newClock()
	a, b := openAs(t, "alpha", c.Now), openAs(t, "bravo", c.Now)
	art := testArticle(c.Now())
	if _, err := a.Create(ctx, art, editor.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	exchange(t, a, b)
	for _, step := range []struct {
		on   *DB
		move func(*DB) error
		want string
	}{
		{a, func(db *DB) error { return db.Trash(ctx, art.ID) }, "trash"},
		{b, func(db *DB) error { return db.Untrash(ctx, art.ID) }, "live"},
		{b, func(db *DB) error { return db.Trash(ctx, art.ID) }, "trash"},
		{a, func(db *DB) error { _, err := db.EmptyTrash(ctx); return err }, "purged"},
	} {
		c.Advance(time.Minute)
		if err := step.move(step.on); err != nil {
			t.Fatal(err)
		}
		exchange(t, a, b)
		exchange(t, a, b)
		for _, db := range []*DB{a, b} {
			if got := place(t, db, art.ID); got != step.want {
				t.Fatalf("%s: draft is %s, want %s", db.device, got, step.want)
			}
		}
	}
	if _, err := b.Get(ctx, art.ID); editor.ErrorCode(err) != editor.ENOTFOUND {
		t.Fatalf("b.Get of the purged draft: %v, want ENOTFOUND", err)
	}
	pa, _ := a.Picture(ctx)
	pb, _ := b.Picture(ctx)
	if !reflect.DeepEqual(pa.Revisions, pb.Revisions) || !reflect.DeepEqual(pa.Events, pb.Events) || len(pa.Events) != 4 {
		t.Fatalf("replicas differ or moves missing:\n%v %v\n%v %v", pa.Revisions, pa.Events, pb.Revisions, pb.Events)
	}
}

// TestEditWhileTrashed: an edit on one laptop while another trashes the
// draft brings it back out of Trash everywhere, with the edit shown; an
// edit the trash had seen does not.
func TestEditWhileTrashed(t *testing.T) {
	ctx := context.Background()
	c := newClock()
	a, b := openAs(t, "alpha", c.Now), openAs(t, "bravo", c.Now)
	art := testArticle(c.Now())
	if _, err := a.Create(ctx, art, editor.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	exchange(t, a, b)
	c.Advance(time.Minute)
	art.Body += "\n\nA line written offline."
	if _, err := a.Save(ctx, art, editor.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	c.Advance(time.Minute)
	if err := b.Trash(ctx, art.ID); err != nil { // b has not seen a's edit
		t.Fatal(err)
	}
	exchange(t, a, b)
	exchange(t, a, b)
	for _, db := range []*DB{a, b} {
		if got := place(t, db, art.ID); got != "live" {
			t.Fatalf("%s: draft is %s after an edit the trash did not see, want live", db.device, got)
		}
		got, err := db.Get(ctx, art.ID)
		if err != nil || got.Body != art.Body {
			t.Fatalf("%s: %v, body %q", db.device, err, got.Body)
		}
	}
	// Trashed again, having seen the edit: it stays in Trash.
	c.Advance(time.Minute)
	if err := b.Trash(ctx, art.ID); err != nil {
		t.Fatal(err)
	}
	exchange(t, a, b)
	exchange(t, a, b)
	for _, db := range []*DB{a, b} {
		if got := place(t, db, art.ID); got != "trash" {
			t.Fatalf("%s: draft is %s, want trash", db.device, got)
		}
	}
}

// TestPurgeBehind: a laptop that is behind cannot bring a draft deleted for
// good back by pushing old revisions; the text it wrote offline, which the
// purge never saw, comes back on that laptop as a new draft, and only
// there; every revision is kept everywhere.
func TestPurgeBehind(t *testing.T) {
	ctx := context.Background()
	c := newClock()
	a, b, d := openAs(t, "alpha", c.Now), openAs(t, "bravo", c.Now), openAs(t, "delta", c.Now)
	art := testArticle(c.Now())
	if _, err := a.Create(ctx, art, editor.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	exchange(t, a, b, d)
	c.Advance(time.Minute)
	mine, err := a.Get(ctx, art.ID)
	if err != nil {
		t.Fatal(err)
	}
	mine.Body += "\n\nWritten on the train."
	if _, err := a.Save(ctx, mine, editor.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	c.Advance(time.Minute)
	if err := b.Delete(ctx, art.ID); err != nil {
		t.Fatal(err)
	}
	exchange(t, b, d) // the purge reaches d first
	exchange(t, a, b, d)
	exchange(t, a, b, d)
	for _, db := range []*DB{a, b, d} {
		if got := place(t, db, art.ID); got != "purged" {
			t.Fatalf("%s: draft is %s, want purged", db.device, got)
		}
	}
	kept := func(db *DB) []editor.Summary {
		sums, err := db.List(ctx, editor.ListOptions{Query: "train"})
		if err != nil {
			t.Fatal(err)
		}
		return sums
	}
	if got := kept(a); len(got) != 1 || got[0].ID == art.ID {
		t.Fatalf("a keeps %v, want one new draft with its offline text", got)
	}
	copyID := kept(a)[0].ID
	exchange(t, a, b, d)
	for _, db := range []*DB{b, d} {
		if got := kept(db); len(got) != 1 || got[0].ID != copyID {
			t.Fatalf("%s has %v, want only a's copy %s", db.device, got, copyID)
		}
	}
	pa, _ := a.Picture(ctx)
	for _, db := range []*DB{b, d} {
		p, _ := db.Picture(ctx)
		if !reflect.DeepEqual(p.Revisions, pa.Revisions) || !reflect.DeepEqual(p.Place, pa.Place) {
			t.Fatalf("%s differs from a:\n%v %v\n%v %v", db.device, p.Revisions, p.Place, pa.Revisions, pa.Place)
		}
	}
	// A stale window on a saves the old draft: told, not resurrected.
	mine.Body += " More."
	if _, err := a.Save(ctx, mine, editor.SaveOptions{}); editor.ErrorCode(err) != editor.ECONFLICT {
		t.Fatalf("save into the purged draft: %v, want ECONFLICT", err)
	}
}

// TestUpgradeRecordsMoves: a library of schema 5 with a draft in Trash and
// one deleted for good records both as moves at its first sync after the
// upgrade, so that they reach the other laptops.
func TestUpgradeRecordsMoves(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	copyFile(t, fixturePath(5), path)
	before := snapshot(t, path)
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	evs, err := db.SyncEventOutbox(ctx, 100)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]string{}
	for _, e := range evs {
		kinds[e.DraftID] = e.Kind
		if len(e.Heads) == 0 || e.HLC == 0 {
			t.Errorf("move %+v has no heads or no clock", e)
		}
	}
	want := 0
	for _, id := range before.drafts {
		p := place(t, db, id)
		switch {
		case p == "purged" && kinds[id] == EventPurge, p == "trash" && kinds[id] == EventTrash:
			want++
		case p != "live" || kinds[id] != "":
			t.Errorf("draft %s is %s with move %q", id, p, kinds[id])
		}
	}
	if want != 2 || len(evs) != 2 {
		t.Fatalf("%d moves (%v), want the trash and the purge", len(evs), kinds)
	}
	again, err := db.SyncEventOutbox(ctx, 100)
	if err != nil || len(again) != 2 || !reflect.DeepEqual(again, evs) {
		t.Fatalf("second outbox: %v %v, want the same two moves", again, err)
	}
}
