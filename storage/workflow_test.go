//go:build sqlite_fts5

package storage

import (
	"context"
	"fmt"
	"reflect"
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
		// A status revision through Save obeys the same rule.
		a.Status = editor.StatusApproved
		_, err = db.Save(ctx, a, editor.SaveOptions{Kind: editor.RevisionStatus})
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

	t.Run("EditSaveKeepsWorkflow", func(t *testing.T) {
		db, c := mustOpen(t)
		a := testArticle(c.Now())
		a.CorrectionNote = ""
		if _, err := db.Save(ctx, a, editor.SaveOptions{Session: "s"}); err != nil {
			t.Fatal(err)
		}
		stale := a.Clone() // an editor window's copy
		for _, to := range []editor.Status{editor.StatusFiled, editor.StatusEditing, editor.StatusApproved, editor.StatusPublished} {
			if _, err := db.Transition(ctx, a.ID, to, ""); err != nil {
				t.Fatal(err)
			}
		}
		publishedAt := c.Now()
		c.Advance(time.Hour)
		if _, err := db.Transition(ctx, a.ID, editor.StatusCorrected, "Corrected the harvest figure."); err != nil {
			t.Fatal(err)
		}
		c.Advance(time.Minute)
		stale.Body += " One more line."
		if _, err := db.Save(ctx, stale, editor.SaveOptions{Session: "s"}); err != nil {
			t.Fatal(err)
		}
		if got, want := stale.Status, editor.StatusCorrected; got != want {
			t.Fatalf("saved copy's status = %q, want %q", got, want)
		}
		got, err := db.Get(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != editor.StatusCorrected || !got.Published.Equal(publishedAt) ||
			got.CorrectionNote != "Corrected the harvest figure." || got.Body != stale.Body {
			t.Fatalf("after a stale autosave: status %q, published %v, note %q, body %q",
				got.Status, got.Published, got.CorrectionNote, got.Body)
		}
		// An edit save that asks for another status gets the stored one.
		stale.Status = editor.StatusDraft
		if _, err := db.Save(ctx, stale, editor.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		if got, want := stale.Status, editor.StatusCorrected; got != want {
			t.Fatalf("status after an edit save asking for draft = %q, want %q", got, want)
		}
	})

	t.Run("ImportBringsItsStatus", func(t *testing.T) {
		db, c := mustOpen(t)
		a := testArticle(c.Now())
		if _, err := db.Save(ctx, a, editor.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		a.Status = editor.StatusPublished
		if _, err := db.Save(ctx, a, editor.SaveOptions{Kind: editor.RevisionImport}); err != nil {
			t.Fatal(err)
		}
		got, err := db.Get(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != editor.StatusPublished || !got.Published.IsZero() {
			t.Fatalf("imported status %q, published %v; want published with no publication time (the import time is not one)", got.Status, got.Published)
		}
		// A later edit does not make one up either; a date the copy
		// carries is kept.
		pub := c.Now().Add(-48 * time.Hour)
		got.Published = pub
		if _, err := db.Save(ctx, got, editor.SaveOptions{Kind: editor.RevisionImport}); err != nil {
			t.Fatal(err)
		}
		got, err = db.Get(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !got.Published.Equal(pub) {
			t.Fatalf("published %v, want the copy's own %v", got.Published, pub)
		}
	})

	t.Run("PublishedOnceKept", func(t *testing.T) {
		db, c := mustOpen(t)
		a := testArticle(c.Now())
		if _, err := db.Save(ctx, a, editor.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		for _, s := range []editor.Status{editor.StatusFiled, editor.StatusEditing, editor.StatusApproved} {
			if _, err := db.Transition(ctx, a.ID, s, ""); err != nil {
				t.Fatal(err)
			}
			if got, _ := db.Get(ctx, a.ID); !got.Published.IsZero() {
				t.Fatalf("%s copy has a publication time %v", s, got.Published)
			}
		}
		c.Advance(time.Hour)
		if _, err := db.Transition(ctx, a.ID, editor.StatusPublished, ""); err != nil {
			t.Fatal(err)
		}
		first, _ := db.Get(ctx, a.ID)
		if !first.Published.Equal(c.Now()) {
			t.Fatalf("published at %v, want the transition time %v", first.Published, c.Now())
		}
		c.Advance(time.Hour)
		if _, err := db.Transition(ctx, a.ID, editor.StatusCorrected, "Fixed a name."); err != nil {
			t.Fatal(err)
		}
		c.Advance(time.Hour)
		if _, err := db.Transition(ctx, a.ID, editor.StatusKilled, ""); err != nil {
			t.Fatal(err)
		}
		got, _ := db.Get(ctx, a.ID)
		if !got.Published.Equal(first.Published) {
			t.Fatalf("publication time moved from %v to %v", first.Published, got.Published)
		}
		if p := got.PublishedAt(); !p.Equal(first.Published) {
			t.Fatalf("killed copy PublishedAt %v, want %v", p, first.Published)
		}
	})
}

func TestEmptyTrash(t *testing.T) {
	ctx := context.Background()
	db, c := mustOpen(t)
	var (
		as   []*editor.Article
		revs = map[string][]string{}
	)
	for i, h := range []string{"Tea growers count losses", "Port workers end strike", "Rains return to the highlands"} {
		a := testArticle(c.Now())
		a.Slug, a.Headline = fmt.Sprintf("story-%d", i), h
		for j := 0; j <= i; j++ {
			c.Advance(time.Hour)
			a.Body += " More."
			rev, err := db.Save(ctx, a, editor.SaveOptions{})
			if err != nil {
				t.Fatal(err)
			}
			revs[a.ID] = append(revs[a.ID], rev.ID)
		}
		as = append(as, a)
	}
	if _, err := db.Transition(ctx, as[1].ID, editor.StatusFiled, "filed"); err != nil {
		t.Fatal(err)
	}
	for _, a := range as[:2] {
		if err := db.Trash(ctx, a.ID); err != nil {
			t.Fatal(err)
		}
	}
	before := revisionDocs(t, db)
	if got, want := len(before), 1+2+3+1; got != want {
		t.Fatalf("%d revisions before emptying Trash, want %d", got, want)
	}

	c.Advance(time.Hour)
	n, err := db.EmptyTrash(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Fatalf("EmptyTrash = %d, want 2", n)
	}
	if got := revisionDocs(t, db); !reflect.DeepEqual(got, before) {
		t.Fatalf("revisions changed by EmptyTrash:\n%v\nwant\n%v", got, before)
	}
	if got, want := revisionRows(t, db), len(before); got != want {
		t.Fatalf("%d revision rows after EmptyTrash, want %d", got, want)
	}
	if n, err := db.Count(ctx, editor.ListOptions{Trashed: true}); err != nil || n != 0 {
		t.Fatalf("Trash after emptying holds %d, %v", n, err)
	}
	if n, err := db.EmptyTrash(ctx); err != nil || n != 0 {
		t.Fatalf("emptying an empty Trash = %d, %v; want 0", n, err)
	}

	// The live draft is untouched.
	got, err := db.Get(ctx, as[2].ID)
	if err != nil || got.Headline != as[2].Headline {
		t.Fatalf("live draft after EmptyTrash: %v, %v", got, err)
	}
	if list, err := db.Revisions(ctx, as[2].ID); err != nil || len(list) != 3 {
		t.Fatalf("live draft's revisions after EmptyTrash: %d, %v", len(list), err)
	}

	for _, a := range as[:2] {
		wantPurged(t, db, c, a, revs[a.ID])
	}
}

func TestUpdatedIsTheLastRealChange(t *testing.T) {
	ctx := context.Background()
	t.Run("NoChangeKeepsUpdated", func(t *testing.T) {
		db, c := mustOpen(t)
		a := testArticle(c.Now())
		if _, err := db.Save(ctx, a, editor.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		saved := a.Updated
		c.Advance(time.Hour)
		if _, err := db.Save(ctx, a, editor.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		if got, _ := db.Get(ctx, a.ID); !got.Updated.Equal(saved) {
			t.Fatalf("a save that changed nothing moved Updated from %v to %v", saved, got.Updated)
		}
		c.Advance(time.Hour)
		a.Body += " More."
		if _, err := db.Save(ctx, a, editor.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		if got, _ := db.Get(ctx, a.ID); !got.Updated.Equal(c.Now()) {
			t.Fatalf("an edit left Updated at %v, want %v", got.Updated, c.Now())
		}
	})
	t.Run("ImportKeepsItsOwnDate", func(t *testing.T) {
		db, c := mustOpen(t)
		a := testArticle(c.Now())
		own := c.Now().Add(-30 * 24 * time.Hour)
		a.Updated = own
		if _, err := db.Create(ctx, a, editor.SaveOptions{Kind: editor.RevisionImport}); err != nil {
			t.Fatal(err)
		}
		if got, _ := db.Get(ctx, a.ID); !got.Updated.Equal(own) {
			t.Fatalf("imported copy modified %v, want its own %v", got.Updated, own)
		}
	})
}
