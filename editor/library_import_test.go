package editor

import (
	"context"
	"strings"
	"testing"
	"time"
)

func TestAddImported(t *testing.T) {
	ctx := context.Background()
	now := fixtureNow.Add(time.Hour)
	s := newMemStore()
	first := addDraft(t, s, "Tea harvest falls", StatusDraft, 1)

	t.Run("SlugTaken", func(t *testing.T) {
		a := NewArticle(fixtureNow)
		a.Headline, a.Slug = "Tea harvest falls", "tea-harvest-falls"
		got, err := AddImported(ctx, s, a, ClashRefuse, now)
		if err != nil || got.Slug != "tea-harvest-falls-2" {
			t.Fatalf("AddImported = %+v, %v; want slug tea-harvest-falls-2", got, err)
		}
		if !got.Updated.Equal(fixtureNow) {
			t.Errorf("imported copy modified %v, want its own date %v, not the import time", got.Updated, fixtureNow)
		}
		b := NewArticle(fixtureNow)
		b.Headline, b.Slug, b.Body = "Tea harvest falls", "tea-harvest-falls", "A later version of the story."
		if got, err := AddImported(ctx, s, b, ClashRefuse, now); err != nil || got.Slug != "tea-harvest-falls-3" {
			t.Errorf("third import: %+v, %v; want tea-harvest-falls-3", got, err)
		}
		// The same content again, under a new UUID, is a duplicate of the
		// draft that holds it, not a fourth draft.
		c := NewArticle(fixtureNow)
		c.Headline, c.Slug = "Tea harvest falls", "tea-harvest-falls"
		if got, err := AddImported(ctx, s, c, ClashRefuse, now); !IsDuplicate(err) || got == nil || got.Slug != "tea-harvest-falls-2" {
			t.Errorf("identical import: %v, %v; want a duplicate of tea-harvest-falls-2", got, err)
		}
	})
	t.Run("ErrConflict", func(t *testing.T) {
		a := first.Clone()
		a.Body = "Changed."
		if _, err := AddImported(ctx, s, a, ClashRefuse, now); ErrorCode(err) != ECONFLICT {
			t.Errorf("known UUID: %v, want ECONFLICT", err)
		}
		if got, _ := s.Get(ctx, first.ID); got.Body != first.Body {
			t.Error("a refused import changed the draft")
		}
	})
	t.Run("Replace", func(t *testing.T) {
		a := first.Clone()
		a.Body = "Replaced."
		a.Created = time.Time{}
		if _, err := AddImported(ctx, s, a, ClashReplace, now); err != nil {
			t.Fatal(err)
		}
		got, _ := s.Get(ctx, first.ID)
		if got.Body != "Replaced." || !got.Created.Equal(first.Created) {
			t.Errorf("replaced draft: body %q created %v", got.Body, got.Created)
		}
	})
	t.Run("AsNew", func(t *testing.T) {
		a := first.Clone()
		got, err := AddImported(ctx, s, a, ClashAsNew, now)
		if err != nil || got.ID == first.ID || !strings.HasPrefix(got.Slug, "tea-harvest-falls-") {
			t.Errorf("as new: %+v, %v", got, err)
		}
	})
}

func TestAddImportedDates(t *testing.T) {
	ctx := context.Background()
	now := fixtureNow.Add(48 * time.Hour)
	s := newMemStore()
	t.Run("NoModifiedDate", func(t *testing.T) {
		a := NewArticle(time.Time{})
		a.Headline, a.Slug, a.Updated = "Undated", "undated", time.Time{}
		got, err := AddImported(ctx, s, a, ClashRefuse, now)
		if err != nil {
			t.Fatal(err)
		}
		if !got.Updated.Equal(now) {
			t.Errorf("copy without a modified date: updated %v, want the import time %v", got.Updated, now)
		}
	})
	t.Run("ReplaceKeepsModifiedDate", func(t *testing.T) {
		a := NewArticle(fixtureNow)
		a.Headline, a.Slug = "Replaced", "replaced"
		if _, err := AddImported(ctx, s, a, ClashRefuse, now); err != nil {
			t.Fatal(err)
		}
		b := a.Clone()
		b.Body = "New text."
		b.Updated = fixtureNow.Add(time.Hour)
		got, err := AddImported(ctx, s, b, ClashReplace, now)
		if err != nil {
			t.Fatal(err)
		}
		if !got.Updated.Equal(b.Updated) {
			t.Errorf("replaced copy modified %v, want its own %v", got.Updated, b.Updated)
		}
	})
}
