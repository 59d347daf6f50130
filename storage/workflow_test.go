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
		if got.Status != editor.StatusPublished || got.Published.IsZero() {
			t.Fatalf("imported status %q, published %v", got.Status, got.Published)
		}
	})
}
