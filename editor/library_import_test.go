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
		if err != nil || got.Slug != "tea-harvest-falls-2" || !got.Updated.Equal(now) {
			t.Fatalf("AddImported = %+v, %v; want slug tea-harvest-falls-2", got, err)
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
