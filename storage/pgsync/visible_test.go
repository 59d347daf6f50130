//go:build sqlite_fts5

package pgsync

import (
	"context"
	"fmt"
	"testing"

	"github.com/dateline-news/dateline/editor"
	"github.com/dateline-news/dateline/storage"
)

// TestSharedLaterBringsHistory: a draft that becomes visible to someone
// after its revisions were pulled by others (shared with them, moved to
// their desk) reaches their laptop with its whole history, not only the
// revisions written after; unshared and shared again, it brings what was
// written meanwhile.
func TestSharedLaterBringsHistory(t *testing.T) {
	dsn := newServer(t)
	ctx := context.Background()
	for _, u := range []struct{ name, role, desk string }{
		{"vis_ana", "correspondent", ""},
		{"vis_ben", "correspondent", ""},
		{"vis_ed", "editor", "metro"},
	} {
		if err := AddUser(ctx, dsn, u.name, u.role, u.desk); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	ana, ben, ed := newLaptop(t, dir, "ana", 0), newLaptop(t, dir, "ben", 0), newLaptop(t, dir, "ed", 0)
	anaDSN, benDSN, edDSN := dsnAs(dsn, "vis_ana"), dsnAs(dsn, "vis_ben"), dsnAs(dsn, "vis_ed")

	// ben and the metro editor sync first, so that their cursors are
	// past what ana writes now.
	ben.newStory(t, "ben-own")
	mustSync(t, ben, benDSN)
	mustSync(t, ed, edDSN)

	a := ana.newStory(t, "harbour-cranes")
	revs := []string{a.BaseRevision}
	for i := 2; i <= 5; i++ {
		a.Body += fmt.Sprintf("\n\nParagraph %d.", i)
		rev, err := ana.lib.Save(ctx, a, editor.SaveOptions{})
		if err != nil {
			t.Fatal(err)
		}
		revs = append(revs, rev.ID)
	}
	mustSync(t, ana, anaDSN)
	// Others push and everyone syncs, so that cursors move well past
	// ana's revisions.
	other := ben.newStory(t, "ben-second")
	other.Body += "\n\nMore."
	if _, err := ben.lib.Save(ctx, other, editor.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, s := range []struct {
		l   *laptop
		dsn string
	}{{ben, benDSN}, {ed, edDSN}, {ben, benDSN}, {ed, edDSN}} {
		mustSync(t, s.l, s.dsn)
	}
	if _, err := ben.lib.Get(ctx, a.ID); editor.ErrorCode(err) != editor.ENOTFOUND {
		t.Fatalf("ben has ana's draft before it was shared: %v", err)
	}

	has := func(l *laptop, want []string) {
		t.Helper()
		p, err := l.lib.Picture(ctx)
		if err != nil {
			t.Fatal(err)
		}
		held := map[string]bool{}
		for _, id := range p.Revisions {
			held[id] = true
		}
		for i, id := range want {
			if !held[id] {
				t.Fatalf("%s lacks revision %d of %d (%s) of the draft that became visible", l.name, i+1, len(want), id)
			}
		}
		got, err := l.lib.Get(ctx, a.ID)
		if err != nil {
			t.Fatalf("%s: %v", l.name, err)
		}
		if got.Body != a.Body {
			t.Fatalf("%s shows %q, want %q", l.name, got.Body, a.Body)
		}
	}

	// Shared with ben: his next sync brings all five revisions.
	anaConn := connectAs(t, dsn, "vis_ana")
	if _, err := anaConn.Exec(ctx, `UPDATE dateline.drafts SET shared_with = '{vis_ben}' WHERE id = $1`, a.ID); err != nil {
		t.Fatal(err)
	}
	res := mustSync(t, ben, benDSN)
	if res.Applied != 5 {
		t.Errorf("ben applied %d revisions, want the draft's 5", res.Applied)
	}
	has(ben, revs)

	// Moved to the metro desk (by an admin): the metro editor's next sync
	// brings all five.
	admin := connectAs(t, dsn, "postgres")
	if _, err := admin.Exec(ctx, `UPDATE dateline.drafts SET desk = 'metro' WHERE id = $1`, a.ID); err != nil {
		t.Fatal(err)
	}
	mustSync(t, ed, edDSN)
	has(ed, revs)

	// Unshared: ana writes two more revisions, which ben cannot pull;
	// shared again, they come.
	if _, err := anaConn.Exec(ctx, `UPDATE dateline.drafts SET shared_with = '{}' WHERE id = $1`, a.ID); err != nil {
		t.Fatal(err)
	}
	mustSync(t, ben, benDSN) // ben's laptop notes that the draft is gone from his view
	for i := 6; i <= 7; i++ {
		a.Body += fmt.Sprintf("\n\nParagraph %d.", i)
		rev, err := ana.lib.Save(ctx, a, editor.SaveOptions{})
		if err != nil {
			t.Fatal(err)
		}
		revs = append(revs, rev.ID)
	}
	mustSync(t, ana, anaDSN)
	mustSync(t, ben, benDSN)
	mustSync(t, ben, benDSN)
	if _, err := anaConn.Exec(ctx, `UPDATE dateline.drafts SET shared_with = '{vis_ben}' WHERE id = $1`, a.ID); err != nil {
		t.Fatal(err)
	}
	mustSync(t, ben, benDSN)
	has(ben, revs)
	mustSync(t, ed, edDSN)
	has(ed, revs)
	mustSync(t, ana, anaDSN)
	var want []storage.Head
	for _, l := range []*laptop{ana, ben, ed} {
		heads, err := l.lib.Heads(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if want == nil {
			want = heads
		} else if !sameHeads(heads, want) {
			t.Errorf("%s has heads %v, ana %v", l.name, heads, want)
		}
	}
}

func sameHeads(a, b []storage.Head) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].ID != b[i].ID || a[i].HLC != b[i].HLC {
			return false
		}
	}
	return true
}
