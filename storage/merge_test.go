//go:build sqlite_fts5

package storage

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/dateline-news/dateline/editor"
)

// mergeHeads merges a draft's first two heads in db by the three-way word
// merge, conflicts taking mine (the shown head), and saves the merge.
func mergeHeads(t *testing.T, db *DB, id string) *editor.Revision {
	t.Helper()
	ctx := context.Background()
	heads, err := db.HeadRevisions(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(heads) < 2 {
		t.Fatalf("%d heads, want at least 2", len(heads))
	}
	base, err := db.MergeBase(ctx, heads[0].ID, heads[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	var baseArt *editor.Article
	if base != nil {
		baseArt = base.Article
	}
	m, err := editor.MergeArticles(baseArt, heads[0].Article, heads[1].Article)
	if err != nil {
		t.Fatal(err)
	}
	merged, err := m.Article(heads[0].Article)
	if err != nil {
		t.Fatal(err)
	}
	merged.ID = id
	rev, err := db.SaveMerge(ctx, merged, [2]string{heads[1].ID, heads[0].ID}, editor.SaveOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return rev
}

// TestSaveMergeStaleWindow: a stale window's save leaves two heads; a
// merge revision with both as parents leaves one, with the merged text,
// and a merge of heads that are no longer heads stores nothing.
func TestSaveMergeStaleWindow(t *testing.T) {
	ctx := context.Background()
	db1, db2, c := openPair(t)
	a := testArticle(c.Now())
	first, err := db1.Create(ctx, a, editor.SaveOptions{})
	if err != nil {
		t.Fatal(err)
	}
	mine, _ := db1.Get(ctx, a.ID)
	theirs, _ := db2.Get(ctx, a.ID)
	c.Advance(time.Second)
	mine.Body = strings.Replace(mine.Body, "Monday", "Tuesday", 1)
	head, err := db1.Save(ctx, mine, editor.SaveOptions{Session: "one"})
	if err != nil {
		t.Fatal(err)
	}
	c.Advance(time.Second)
	theirs.Body = strings.Replace(theirs.Body, "one grower", "one farmer", 1)
	tip, err := db2.Save(ctx, theirs, editor.SaveOptions{Session: "two"})
	wantCode(t, err, editor.ESTALE)

	heads, err := db1.HeadRevisions(ctx, a.ID)
	if err != nil || len(heads) != 2 || heads[0].ID != head.ID || heads[1].ID != tip.ID {
		t.Fatalf("heads = %v (%v), want %s then the conflict tip %s", heads, err, head.ID, tip.ID)
	}
	if heads[1].Article == nil || !strings.Contains(heads[1].Article.Body, "one farmer") {
		t.Fatalf("the tip's article is missing or wrong: %+v", heads[1].Article)
	}
	base, err := db1.MergeBase(ctx, head.ID, tip.ID)
	if err != nil || base == nil || base.ID != first.ID || base.Article == nil {
		t.Fatalf("merge base = %+v (%v), want the first revision %s", base, err, first.ID)
	}

	c.Advance(time.Second)
	rev := mergeHeads(t, db1, a.ID)
	if rev.ParentID != head.ID || rev.MergeParentID != tip.ID || rev.Conflict {
		t.Fatalf("merge revision parents %s + %s (conflict %v), want %s + %s", rev.ParentID, rev.MergeParentID, rev.Conflict, head.ID, tip.ID)
	}
	got, err := db2.Get(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got.Body, "Tuesday") || !strings.Contains(got.Body, "one farmer") || got.BaseRevision != rev.ID {
		t.Fatalf("after the merge the draft shows %q at %s, want both changes at %s", got.Body, got.BaseRevision, rev.ID)
	}
	hs, err := db1.Heads(ctx, a.ID)
	if err != nil || len(hs) != 1 || hs[0].ID != rev.ID {
		t.Fatalf("heads after the merge = %v (%v), want the merge alone", hs, err)
	}
	revs, err := db1.Revisions(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if r := revisionByID(revs, rev.ID); r == nil || r.ParentID != head.ID || r.MergeParentID != tip.ID {
		t.Fatalf("history's merge revision = %+v, want both parents", r)
	}
	one, err := db1.Revision(ctx, rev.ID)
	if err != nil || one.MergeParentID != tip.ID || one.Article.Body != got.Body {
		t.Fatalf("Revision(merge) = %+v (%v)", one, err)
	}

	// The heads moved on: a second merge of the same pair stores nothing.
	n := len(revs)
	_, err = db1.SaveMerge(ctx, got, [2]string{head.ID, tip.ID}, editor.SaveOptions{})
	wantCode(t, err, editor.ESTALE)
	if revs, _ := db1.Revisions(ctx, a.ID); len(revs) != n {
		t.Fatalf("a refused merge wrote a revision: %d, want %d", len(revs), n)
	}
	_, err = db1.SaveMerge(ctx, got, [2]string{rev.ID, rev.ID}, editor.SaveOptions{})
	wantCode(t, err, editor.EINVALID)

	// The window goes on from the merge without a conflict.
	got.Body += "\n\nA new paragraph."
	if _, err := db2.Save(ctx, got, editor.SaveOptions{Session: "two"}); err != nil {
		t.Fatalf("a save based on the merge: %v", err)
	}
}

// TestSaveMergeAcrossLaptops: two libraries diverge, exchange, one merges
// (pairwise with a third laptop's tip too), and after another exchange
// every library has one head with the same text and the merge revision
// with both parents.
func TestSaveMergeAcrossLaptops(t *testing.T) {
	ctx := context.Background()
	c := newClock()
	a, b, d := openAs(t, "alpha", c.Now), openAs(t, "bravo", c.Now), openAs(t, "delta", c.Now)
	art := testArticle(c.Now())
	if _, err := a.Create(ctx, art, editor.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	exchange(t, a, b, d)
	for i, lib := range []*DB{a, b, d} {
		x, err := lib.Get(ctx, art.ID)
		if err != nil {
			t.Fatal(err)
		}
		c.Advance(time.Second)
		switch i {
		case 0:
			x.Headline = "Tea growers count heavy losses after a dry season"
		case 1:
			x.Body = strings.Replace(x.Body, "by a third", "by a third, officials said", 1)
			x.Tags = append(x.Tags, "drought")
		case 2:
			x.Deck = "Central highlands lose a third of the crop to drought"
		}
		if _, err := lib.Save(ctx, x, editor.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	exchange(t, a, b, d)
	if hs, _ := b.Heads(ctx, art.ID); len(hs) != 3 {
		t.Fatalf("bravo has %d heads, want 3", len(hs))
	}
	// Three heads: merged pairwise, the shown head with each tip.
	c.Advance(time.Second)
	mergeHeads(t, b, art.ID)
	if hs, _ := b.Heads(ctx, art.ID); len(hs) != 2 {
		t.Fatalf("after one merge bravo has %d heads, want 2", len(hs))
	}
	c.Advance(time.Second)
	last := mergeHeads(t, b, art.ID)
	exchange(t, a, b, d)
	var texts []string
	for _, lib := range []*DB{a, b, d} {
		hs, err := lib.Heads(ctx, art.ID)
		if err != nil || len(hs) != 1 || hs[0].ID != last.ID {
			t.Fatalf("%s heads = %v (%v), want the last merge %s alone", lib.device, hs, err, last.ID)
		}
		x, err := lib.Get(ctx, art.ID)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, x.Headline+"|"+x.Deck+"|"+x.Body+"|"+strings.Join(x.Tags, ","))
		revs, _ := lib.Revisions(ctx, art.ID)
		if r := revisionByID(revs, last.ID); r == nil || r.MergeParentID == "" || r.ParentID == "" {
			t.Fatalf("%s: the merge revision lacks its parents: %+v", lib.device, r)
		}
	}
	if texts[0] != texts[1] || texts[1] != texts[2] {
		t.Fatalf("the laptops show different texts:\n%s", strings.Join(texts, "\n"))
	}
	for _, want := range []string{"heavy losses", "to drought", "officials said", "drought"} {
		if !strings.Contains(texts[0], want) {
			t.Errorf("merged text lacks %q: %s", want, texts[0])
		}
	}
}
