//go:build sqlite_fts5

package pgsync

import (
	"context"
	"testing"

	"github.com/dateline-news/dateline/editor"
)

// TestTrashThroughServer: a draft moved to Trash on one laptop is in Trash
// on the other after both sync; brought back, it is back; an edit made
// offline while another laptop trashed it brings it back; deleted for good
// while a laptop that is behind edits it, it stays deleted on every laptop
// and on the server (a tombstone), and the behind laptop's text comes back
// to it as a new draft, which then reaches the others.
func TestTrashThroughServer(t *testing.T) {
	dsn := newServer(t)
	ctx := context.Background()
	dir := t.TempDir()
	ana, ben := newLaptop(t, dir, "ana", 0), newLaptop(t, dir, "ben", 0)
	a := ana.newStory(t, "harbour-cranes")
	mustSync(t, ana, dsn)
	mustSync(t, ben, dsn)
	where := func(l *laptop) string {
		t.Helper()
		p, err := l.lib.Picture(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return p.Place[a.ID]
	}
	syncAll := func() {
		t.Helper()
		for i := 0; i < 2; i++ {
			mustSync(t, ana, dsn)
			mustSync(t, ben, dsn)
		}
	}

	if err := ana.lib.Trash(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if res := mustSync(t, ana, dsn); res.MovesPushed != 1 {
		t.Fatalf("ana pushed %d moves, want the trash", res.MovesPushed)
	}
	if res := mustSync(t, ben, dsn); res.MovesApplied != 1 || where(ben) != "trash" {
		t.Fatalf("ben applied %d moves and has the draft %s, want 1 and trash", res.MovesApplied, where(ben))
	}
	if err := ben.lib.Untrash(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	syncAll()
	if where(ana) != "live" {
		t.Fatalf("ana has the draft %s after ben brought it back", where(ana))
	}

	// Ben edits offline while ana trashes: the edit brings it back.
	b, err := ben.lib.Get(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	b.Body += "\n\nBen's line on the train."
	if _, err := ben.lib.Save(ctx, b, editor.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := ana.lib.Trash(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	mustSync(t, ana, dsn)
	syncAll()
	for _, l := range []*laptop{ana, ben} {
		got, err := l.lib.Get(ctx, a.ID)
		if err != nil || where(l) != "live" || got.Body != b.Body {
			t.Fatalf("%s: draft %s, %v; want live with ben's edit", l.name, where(l), err)
		}
	}

	// Ben edits offline again while ana deletes the draft for good.
	b.Body += "\n\nA second line nobody else saw."
	if _, err := ben.lib.Save(ctx, b, editor.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := ana.lib.Delete(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	mustSync(t, ana, dsn)
	syncAll()
	syncAll()
	for _, l := range []*laptop{ana, ben} {
		if where(l) != "purged" {
			t.Fatalf("%s has the draft %s, want it deleted for good", l.name, where(l))
		}
		hits, err := l.lib.List(ctx, editor.ListOptions{Query: "nobody"})
		if err != nil || len(hits) != 1 || hits[0].ID == a.ID {
			t.Fatalf("%s: %v %v; want ben's text kept as one new draft", l.name, hits, err)
		}
	}
	conn := connectAs(t, dsn, "postgres")
	var tombstone bool
	if err := conn.QueryRow(ctx, `SELECT purged_xid IS NOT NULL FROM dateline.drafts WHERE id = $1`, a.ID).Scan(&tombstone); err != nil || !tombstone {
		t.Fatalf("server tombstone: %v %v", tombstone, err)
	}
	samePictures(t, dsn, ana, ben)
}
