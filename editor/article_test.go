package editor

import (
	"strings"
	"testing"
	"time"
)

// TestCheckSlugAgreesWithValidate checks that a slug field validated with
// CheckSlug accepts and refuses exactly the slugs a save would.
func TestCheckSlugAgreesWithValidate(t *testing.T) {
	for _, tt := range []struct {
		slug string
		ok   bool
	}{
		{"kenya-tea-harvest", true},
		{"a1", true},
		{strings.Repeat("a", 100), true},
		{strings.Repeat("a", 101), false},
		{"Kenya", false},
		{"tea--harvest", false},
		{"-tea", false},
		{"tea harvest", false},
		{"../etc", false},
	} {
		err := CheckSlug(tt.slug)
		if (err == nil) != tt.ok {
			t.Errorf("CheckSlug(%q) = %v, want ok %v", tt.slug, err, tt.ok)
		}
		if err != nil && ErrorCode(err) != EINVALID {
			t.Errorf("CheckSlug(%q) code %q, want %q", tt.slug, ErrorCode(err), EINVALID)
		}
		a := NewArticle(time.Date(2026, 1, 21, 0, 0, 0, 0, time.UTC))
		a.Slug = tt.slug
		if verr := a.Validate(); (verr == nil) != tt.ok {
			t.Errorf("Validate with slug %q = %v, want ok %v", tt.slug, verr, tt.ok)
		}
	}
	if CheckSlug("") != nil {
		t.Error("CheckSlug refuses the empty field; requiring a slug is Validate's job")
	}
}
