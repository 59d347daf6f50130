//go:build sqlite_fts5

package storage

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/dateline-news/dateline/editor"
)

// TestReviewDecisions: a draft with open suggestions cannot be published;
// each accept or reject saved is a revision of its own that names who
// decided, and the word count is that of the text without the marks.
func TestReviewDecisions(t *testing.T) {
	ctx := context.Background()
	db, c := mustOpen(t)
	a := testArticle(c.Now())
	a.CorrectionNote = ""
	a.Body = "Tea growers{++ in the highlands++}{>>@Ed Lee 2026-12-01T10:00Z<<} lost a {~~third~>quarter~~}{>>@Ed Lee 2026-12-01T10:00Z<<} of the crop."
	if _, err := db.Create(ctx, a, editor.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, to := range []editor.Status{editor.StatusFiled, editor.StatusEditing, editor.StatusApproved} {
		c.Advance(time.Minute)
		if _, err := db.Transition(ctx, a.ID, to, ""); err != nil {
			t.Fatalf("to %s: %v", to, err)
		}
	}
	_, err := db.Transition(ctx, a.ID, editor.StatusPublished, "")
	if editor.ErrorCode(err) != editor.ECONFLICT || !strings.Contains(editor.ErrorMessage(err), "2 open suggestions") {
		t.Fatalf("publishing with open suggestions: %v, want ECONFLICT naming 2 open suggestions", err)
	}

	cur, err := db.Get(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := cur.Status, editor.StatusApproved; got != want {
		t.Fatalf("status = %s, want %s", got, want)
	}
	for i, step := range []struct {
		decide func(string) (string, error)
		who    string
	}{
		{func(b string) (string, error) { return editor.Accept(b, 0) }, "Ana Díaz"},
		{func(b string) (string, error) { return editor.Reject(b, 0) }, "Ed Lee"},
	} {
		c.Advance(time.Second)
		if cur.Body, err = step.decide(cur.Body); err != nil {
			t.Fatal(err)
		}
		rev, err := db.Save(ctx, cur, editor.SaveOptions{Note: "review decision", Author: step.who})
		if err != nil {
			t.Fatalf("decision %d: %v", i, err)
		}
		if rev.Author != step.who {
			t.Errorf("decision %d revision by %q, want %q", i, rev.Author, step.who)
		}
	}
	revs, err := db.Revisions(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(revs) < 2 || revs[0].Author != "Ed Lee" || revs[1].Author != "Ana Díaz" || revs[0].ID == revs[1].ID {
		t.Fatalf("the two decisions are not two revisions by their deciders: %+v", revs[:2])
	}
	if got, want := revs[0].Words, editor.CountWords("Tea growers in the highlands lost a third of the crop."); got != want {
		t.Errorf("words = %d, want %d", got, want)
	}
	if _, err := db.Transition(ctx, a.ID, editor.StatusPublished, ""); err != nil {
		t.Fatalf("publishing once every suggestion is decided: %v", err)
	}
}
