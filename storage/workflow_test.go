//go:build sqlite_fts5

package storage

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/dateline-news/dateline/editor"
)

func TestTransition(t *testing.T) {
	ctx := context.Background()

	t.Run("OK", func(t *testing.T) {
		db, c := mustOpen(t)
		a := testArticle(c.Now())
		a.CorrectionNote = ""
		if _, err := db.Create(ctx, a, editor.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		var publishedAt time.Time
		for _, step := range []struct {
			to   editor.Status
			note string
		}{
			{editor.StatusFiled, "Ready for the desk"},
			{editor.StatusEditing, ""},
			{editor.StatusApproved, ""},
			{editor.StatusPublished, ""},
			{editor.StatusCorrected, "This story has been corrected to show that the strike lasted nine days, not eight."},
		} {
			c.Advance(time.Minute)
			rev, err := db.Transition(ctx, a.ID, step.to, step.note)
			if err != nil {
				t.Fatalf("to %s: %v", step.to, err)
			}
			if got, want := rev.Kind, editor.RevisionStatus; got != want {
				t.Fatalf("revision kind = %q, want %q", got, want)
			}
			if got, want := rev.Note, step.note; got != want {
				t.Fatalf("revision note = %q, want %q", got, want)
			}
			got, err := db.Get(ctx, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Status != step.to {
				t.Fatalf("status = %q, want %q", got.Status, step.to)
			}
			if step.to == editor.StatusPublished {
				publishedAt = c.Now()
			}
			if !got.Published.Equal(publishedAt) {
				t.Fatalf("after %s, Published = %v, want %v", step.to, got.Published, publishedAt)
			}
		}
		got, err := db.Get(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := got.CorrectionNote, "This story has been corrected to show that the strike lasted nine days, not eight."; got != want {
			t.Fatalf("CorrectionNote = %q, want %q", got, want)
		}
		revs, err := db.Revisions(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		var kinds []string
		for _, r := range revs {
			kinds = append(kinds, string(r.Kind))
		}
		if got, want := strings.Join(kinds, " "), "status status status status status edit"; got != want {
			t.Fatalf("history = %q, want %q", got, want)
		}
		list, err := db.List(ctx, editor.ListOptions{Statuses: []editor.Status{editor.StatusCorrected}})
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 1 {
			t.Fatalf("status filter after transition found %d, want 1", len(list))
		}
	})

	t.Run("ErrIllegal", func(t *testing.T) {
		db, c := mustOpen(t)
		a := testArticle(c.Now())
		if _, err := db.Create(ctx, a, editor.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		_, err := db.Transition(ctx, a.ID, editor.StatusPublished, "")
		wantCode(t, err, editor.ECONFLICT)
		if got, want := editor.ErrorMessage(err), "cannot move a draft to published; it can only go to filed or killed"; got != want {
			t.Fatalf("message = %q, want %q", got, want)
		}
		// The same rule holds for Save.
		a.Status = editor.StatusApproved
		_, err = db.Save(ctx, a, editor.SaveOptions{})
		wantCode(t, err, editor.ECONFLICT)
		got, err := db.Get(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != editor.StatusDraft {
			t.Fatalf("status after refused moves = %q", got.Status)
		}
	})

	t.Run("ErrCorrectionWithoutNote", func(t *testing.T) {
		db, c := mustOpen(t)
		a := testArticle(c.Now())
		a.CorrectionNote = ""
		a.Status = editor.StatusPublished
		if _, err := db.Create(ctx, a, editor.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		_, err := db.Transition(ctx, a.ID, editor.StatusCorrected, "  ")
		wantCode(t, err, editor.EINVALID)
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		db, _ := mustOpen(t)
		_, err := db.Transition(ctx, editor.NewID(), editor.StatusFiled, "")
		wantCode(t, err, editor.ENOTFOUND)
	})

	t.Run("SaveStatusChangeIsStatusRevision", func(t *testing.T) {
		db, c := mustOpen(t)
		a := testArticle(c.Now())
		if _, err := db.Save(ctx, a, editor.SaveOptions{Session: "s"}); err != nil {
			t.Fatal(err)
		}
		a.Status = editor.StatusFiled
		rev, err := db.Save(ctx, a, editor.SaveOptions{Session: "s"})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := rev.Kind, editor.RevisionStatus; got != want {
			t.Fatalf("kind = %q, want %q", got, want)
		}
	})
}

func TestRestore(t *testing.T) {
	ctx := context.Background()
	db, c := mustOpen(t)
	a := testArticle(c.Now())
	first, err := db.Create(ctx, a, editor.SaveOptions{})
	if err != nil {
		t.Fatal(err)
	}
	oldBody := a.Body
	c.Advance(time.Minute)
	a.Body = "Rewritten entirely."
	a.Headline = "A new headline"
	if _, err := db.Save(ctx, a, editor.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Transition(ctx, a.ID, editor.StatusFiled, ""); err != nil {
		t.Fatal(err)
	}
	c.Advance(time.Minute)
	rev, err := db.Restore(ctx, first.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := rev.Kind, editor.RevisionRestore; got != want {
		t.Fatalf("kind = %q, want %q", got, want)
	}
	got, err := db.Get(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Body != oldBody || got.Headline != "Tea growers count losses after a dry season" {
		t.Fatalf("restored %q / %q", got.Headline, got.Body)
	}
	if got.Status != editor.StatusFiled {
		t.Fatalf("restore changed status to %q", got.Status)
	}
	revs, err := db.Revisions(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(revs), 4; got != want {
		t.Fatalf("%d revisions, want %d: restoring adds one and loses none", got, want)
	}
	hits, err := db.List(ctx, editor.ListOptions{Query: "growers"})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 {
		t.Fatal("search does not find the restored text")
	}
	_, err = db.Restore(ctx, editor.NewRevisionID())
	wantCode(t, err, editor.ENOTFOUND)
}

func TestTrash(t *testing.T) {
	ctx := context.Background()
	db, c := mustOpen(t)
	as := seed(t, db, c, "Keep me", "Bin me", "Bin me too")
	for _, a := range as[1:] {
		if err := db.Trash(ctx, a.ID); err != nil {
			t.Fatal(err)
		}
	}
	list, err := db.List(ctx, editor.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := headlines(list), "Keep me"; got != want {
		t.Fatalf("live list = %q, want %q", got, want)
	}
	list, err = db.List(ctx, editor.ListOptions{Trashed: true, Query: "bin"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(list), 2; got != want {
		t.Fatalf("Trash search found %d, want %d", got, want)
	}
	if _, err := db.Get(ctx, as[1].ID); err != nil {
		t.Fatalf("Get of a trashed draft: %v", err)
	}
	if err := db.Untrash(ctx, as[1].ID); err != nil {
		t.Fatal(err)
	}
	n, err := db.EmptyTrash(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := n, 1; got != want {
		t.Fatalf("EmptyTrash deleted %d, want %d", got, want)
	}
	_, err = db.Get(ctx, as[2].ID)
	wantCode(t, err, editor.ENOTFOUND)
	if n, err := db.Count(ctx, editor.ListOptions{}); err != nil || n != 2 {
		t.Fatalf("Count = %d, %v; want 2", n, err)
	}
	var orphans int
	if err := db.read.QueryRow(`SELECT (SELECT count(*) FROM revisions WHERE draft_id NOT IN (SELECT id FROM drafts))
		+ (SELECT count(*) FROM draft_authors WHERE draft NOT IN (SELECT seq FROM drafts))
		+ (SELECT count(*) FROM draft_tags WHERE draft NOT IN (SELECT seq FROM drafts))`).Scan(&orphans); err != nil {
		t.Fatal(err)
	}
	if orphans != 0 {
		t.Fatalf("%d rows left behind by EmptyTrash", orphans)
	}
	checkFTS(t, db)

	wantCode(t, db.Trash(ctx, editor.NewID()), editor.ENOTFOUND)
	wantCode(t, db.Untrash(ctx, editor.NewID()), editor.ENOTFOUND)
}
