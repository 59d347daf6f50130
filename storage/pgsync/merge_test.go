//go:build sqlite_fts5

package pgsync

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/dateline-news/dateline/editor"
)

// TestMergeResolvesDivergedHeads: two laptops diverge offline and sync,
// which leaves two heads everywhere; one laptop merges them (the three-way
// word merge, then one merge revision with both heads as parents); after
// both sync again, the server and both laptops have one head, the merge,
// and the same text with both laptops' changes.
func TestMergeResolvesDivergedHeads(t *testing.T) {
	dsn := newServer(t)
	dir := t.TempDir()
	ctx := context.Background()
	ana, ben := newLaptop(t, dir, "ana", 0), newLaptop(t, dir, "ben", -time.Hour) // ben's clock is an hour slow
	a := ana.newStory(t, "port-strike")
	a.Body = "Dockworkers walked out on Monday.\n\nThe port authority said talks would resume."
	if _, err := ana.lib.Save(ctx, a, editor.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	mustSync(t, ana, dsn)
	mustSync(t, ben, dsn)

	mine, err := ana.lib.Get(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	mine.Body = strings.Replace(mine.Body, "on Monday", "on Monday morning", 1)
	if _, err := ana.lib.Save(ctx, mine, editor.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	theirs, err := ben.lib.Get(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	theirs.Body = strings.Replace(theirs.Body, "talks would resume", "talks would resume on Friday", 1)
	theirs.Headline = "Port strike: talks to resume"
	if _, err := ben.lib.Save(ctx, theirs, editor.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	mustSync(t, ana, dsn)
	mustSync(t, ben, dsn)
	mustSync(t, ana, dsn)
	samePictures(t, dsn, ana, ben)
	if hs, _ := ben.lib.Heads(ctx, a.ID); len(hs) != 2 {
		t.Fatalf("ben has %d heads before the merge, want 2", len(hs))
	}

	// Ben merges: the shown head with the other.
	heads, err := ben.lib.HeadRevisions(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	base, err := ben.lib.MergeBase(ctx, heads[0].ID, heads[1].ID)
	if err != nil || base == nil {
		t.Fatalf("merge base %v (%v)", base, err)
	}
	m, err := editor.MergeArticles(base.Article, heads[0].Article, heads[1].Article)
	if err != nil {
		t.Fatal(err)
	}
	if m.Conflicts() != 0 {
		t.Fatalf("%d conflicts, want none: %v", m.Conflicts(), m)
	}
	merged, err := m.Article(heads[0].Article)
	if err != nil {
		t.Fatal(err)
	}
	merged.ID = a.ID
	rev, err := ben.lib.SaveMerge(ctx, merged, [2]string{heads[0].ID, heads[1].ID}, editor.SaveOptions{})
	if err != nil {
		t.Fatal(err)
	}
	mustSync(t, ben, dsn)
	mustSync(t, ana, dsn)
	mustSync(t, ben, dsn)
	samePictures(t, dsn, ana, ben)

	conn, err := Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	serverHeads, err := ServerHeads(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	if got := serverHeads[a.ID]; len(got) != 1 || got[0] != rev.ID {
		t.Fatalf("the server's heads = %v, want the merge %s alone", got, rev.ID)
	}
	var parents []string
	if err := conn.QueryRow(ctx, `SELECT parents FROM dateline.revisions WHERE id = $1`, rev.ID).Scan(&parents); err != nil {
		t.Fatal(err)
	}
	if len(parents) != 2 || parents[0] != rev.ParentID || parents[1] != rev.MergeParentID {
		t.Fatalf("the server holds the merge with parents %v, want %s and %s", parents, rev.ParentID, rev.MergeParentID)
	}
	want := "Dockworkers walked out on Monday morning.\n\nThe port authority said talks would resume on Friday."
	for _, l := range []*laptop{ana, ben} {
		got, err := l.lib.Get(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Body != want || got.Headline != "Port strike: talks to resume" {
			t.Errorf("%s shows %q / %q, want %q with ben's headline", l.name, got.Headline, got.Body, want)
		}
		revs, err := l.lib.Revisions(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if revs[0].ID != rev.ID || revs[0].MergeParentID != rev.MergeParentID || revs[0].ParentID != rev.ParentID {
			t.Errorf("%s's newest revision %+v is not the merge with both parents", l.name, revs[0])
		}
	}
}
