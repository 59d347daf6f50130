//go:build sqlite_fts5

package storage

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/dateline-news/dateline/editor"
)

// exchange hands every sealed revision of each library, then every move
// of a draft (see syncdelete.go), to the others, as a server would.
func exchange(t *testing.T, libs ...*DB) {
	t.Helper()
	ctx := context.Background()
	for _, from := range libs {
		all, err := from.SyncAll(ctx)
		if err != nil {
			t.Fatal(err)
		}
		evs, err := from.SyncAllEvents(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, to := range libs {
			if to != from {
				if _, err := to.SyncApply(ctx, all); err != nil {
					t.Fatal(err)
				}
				if _, err := to.SyncApplyEvents(ctx, evs); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}

func openAs(t *testing.T, device string, now func() time.Time) *DB {
	t.Helper()
	db, err := Open(filepath.Join(t.TempDir(), device+".db"), WithDevice(device), WithAuthor("Writer "+device), WithNow(now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return db
}

// TestSyncApplyDiverged: two libraries edit one draft apart; after an
// exchange both hold both heads, the same winner first, and show it; a
// second exchange changes nothing.
func TestSyncApplyDiverged(t *testing.T) {
	ctx := context.Background()
	c := newClock()
	slow := func() time.Time { return c.Now().Add(-3 * time.Hour) } // a laptop whose clock is behind
	a, b := openAs(t, "alpha", c.Now), openAs(t, "bravo", slow)
	art := testArticle(c.Now())
	if _, err := a.Create(ctx, art, editor.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	exchange(t, a, b)
	mineA, err := a.Get(ctx, art.ID)
	if err != nil {
		t.Fatal(err)
	}
	mineB, err := b.Get(ctx, art.ID)
	if err != nil {
		t.Fatal(err)
	}
	c.Advance(time.Minute)
	mineA.Body += "\n\nAlpha's line."
	mineB.Body += "\n\nBravo's line."
	if _, err := a.Save(ctx, mineA, editor.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Save(ctx, mineB, editor.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	exchange(t, a, b)
	var pictures []*SyncPicture
	for _, db := range []*DB{a, b} {
		heads, err := db.Heads(ctx, art.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(heads) != 2 || !heads[0].Winner || heads[1].Winner {
			t.Fatalf("heads %+v, want two, the first the winner", heads)
		}
		// The bravo laptop's clock is three hours slow, but its save
		// builds on alpha's revision: the hybrid clock puts it above.
		if heads[0].HLC <= 0 || heads[1].HLC <= 0 {
			t.Fatalf("heads not stamped: %+v", heads)
		}
		got, err := db.Get(ctx, art.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.BaseRevision != heads[0].ID {
			t.Fatalf("%s shows %s, not the winner %s", db.device, got.BaseRevision, heads[0].ID)
		}
		p, err := db.Picture(ctx)
		if err != nil {
			t.Fatal(err)
		}
		pictures = append(pictures, p)
	}
	if !reflect.DeepEqual(pictures[0], pictures[1]) {
		t.Fatalf("the libraries differ:\n%+v\n%+v", pictures[0], pictures[1])
	}
	// A window still on the losing head saves: a conflicting revision,
	// never an overwrite of the winner.
	loser, err := a.Heads(ctx, art.ID)
	if err != nil {
		t.Fatal(err)
	}
	stale := mineA
	if loser[1].Device == "bravo" {
		stale = mineB
	}
	db := a
	if stale == mineB {
		db = b
	}
	stale.Body += "\n\nTyped on."
	if _, err := db.Save(ctx, stale, editor.SaveOptions{}); editor.ErrorCode(err) != editor.ESTALE {
		t.Fatalf("save on the losing head: %v, want ESTALE", err)
	}
	exchange(t, a, b)
	pa, _ := a.Picture(ctx)
	pb, _ := b.Picture(ctx)
	if !reflect.DeepEqual(pa, pb) {
		t.Fatalf("the libraries differ after the stale save:\n%+v\n%+v", pa, pb)
	}
	if n, err := b.SyncApply(ctx, mustAll(t, a)); err != nil || n != 0 {
		t.Fatalf("a repeated apply added %d (%v), want 0", n, err)
	}
}

func mustAll(t *testing.T, db *DB) []SyncRevision {
	t.Helper()
	all, err := db.SyncAll(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return all
}

// TestSyncApplySlugTaken: a pulled story whose slug a local story holds
// arrives under the slug with its ID's start appended; both are kept.
func TestSyncApplySlugTaken(t *testing.T) {
	ctx := context.Background()
	c := newClock()
	a, b := openAs(t, "alpha", c.Now), openAs(t, "bravo", c.Now)
	one, two := testArticle(c.Now()), testArticle(c.Now())
	if _, err := a.Create(ctx, one, editor.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Create(ctx, two, editor.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	exchange(t, a, b)
	got, err := b.Get(ctx, one.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Slug != one.Slug+"-"+one.ID[:8] {
		t.Fatalf("pulled slug %q, want %q", got.Slug, one.Slug+"-"+one.ID[:8])
	}
	if mine, err := b.Get(ctx, two.ID); err != nil || mine.Slug != two.Slug {
		t.Fatalf("the local story: %v, %v", mine, err)
	}
	if problems, err := b.Check(ctx); err != nil || len(problems) > 0 {
		t.Fatalf("check: %v %v", problems, err)
	}
	hits, err := b.List(ctx, editor.ListOptions{Query: strings.Fields(one.Headline)[0]})
	if err != nil || len(hits) != 2 {
		t.Fatalf("search finds %d (%v), want both stories", len(hits), err)
	}
}
