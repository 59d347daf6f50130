//go:build sqlite_fts5

package storage

import (
	"context"
	"testing"
	"time"

	"github.com/dateline-news/dateline/editor"
)

// TestSyncWaiting counts what a push would send: new revisions before
// and after sealing, none once pushed, and the ones written after.
func TestSyncWaiting(t *testing.T) {
	ctx := context.Background()
	c := newClock()
	db := openAs(t, "alpha", c.Now)
	waiting := func(want int) {
		t.Helper()
		if got, err := db.SyncWaiting(ctx); err != nil || got != want {
			t.Fatalf("SyncWaiting = %d, %v; want %d", got, err, want)
		}
	}
	waiting(0)
	a := testArticle(c.Now())
	if _, err := db.Create(ctx, a, editor.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	b := testArticle(c.Now())
	b.Slug = "second"
	if _, err := db.Create(ctx, b, editor.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	waiting(2) // not sealed yet
	out, err := db.SyncOutbox(ctx, 10)
	if err != nil || len(out) != 2 {
		t.Fatalf("outbox = %d, %v; want 2", len(out), err)
	}
	waiting(2) // sealed, not pushed
	if err := db.SyncPushed(ctx, []string{out[0].ID}); err != nil {
		t.Fatal(err)
	}
	waiting(1)
	if err := db.SyncPushed(ctx, []string{out[1].ID}); err != nil {
		t.Fatal(err)
	}
	waiting(0)
	c.Advance(time.Minute)
	a.Body += " More."
	if _, err := db.Save(ctx, a, editor.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	waiting(1)
	if err := db.SyncForget(ctx); err != nil {
		t.Fatal(err)
	}
	waiting(3) // forgetting the server sends everything again
}
