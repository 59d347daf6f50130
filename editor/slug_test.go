package editor

import (
	"strings"
	"testing"
	"unicode"
)

func TestSlugify(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		// Issue 13: every Latin letter survives.
		{"Ştefan Ăgoston and Őry", "stefan-agoston-and-ory"},
		{"Ærøskøbing ferry", "aeroskobing-ferry"},
		{"Đorđe Ğül", "dorde-gul"},
		{"Straße in Łódź", "strasse-in-lodz"},
		{"Þórshöfn", "thorshofn"},
		{"Œuvre", "oeuvre"},
		{"İstanbul, ılık", "istanbul-ilik"},
		{"Nguyễn Thị Minh Khai", "nguyen-thi-minh-khai"},
		{"Müller sagte: „Nein“", "muller-sagte-nein"},
		{"ﬁnal ＡＢＣ", "final-abc"},
		{"Ame\u0301lie", "amelie"},
		{"Kenya tea harvest: 1,200 bags", "kenya-tea-harvest-1-200-bags"},
		{"  --  ", ""},
		{"東京", ""},
		{"Москва and Paris", "and-paris"},
		// Cut at 60 characters, as before.
		{strings.Repeat("word ", 30), strings.Repeat("word-", 12) + "w"},
	} {
		got := Slugify(tt.in)
		if got != tt.want {
			t.Errorf("Slugify(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if err := CheckSlug(got); err != nil {
			t.Errorf("Slugify(%q) = %q: %v", tt.in, got, err)
		}
	}
}

// TestSlugifyKeepsEveryLatinLetter checks the general rule rather than a
// list of names: every letter of the Latin blocks folds to ASCII.
func TestSlugifyKeepsEveryLatinLetter(t *testing.T) {
	blocks := [][2]rune{{0x00C0, 0x024F}, {0x1E00, 0x1EFF}}
	for _, b := range blocks {
		for r := b[0]; r <= b[1]; r++ {
			if !unicode.IsLetter(r) || !unicode.Is(unicode.Latin, r) || r == 'Ɂ' || r == 'ɂ' { // glottal stops: no letter
				continue
			}
			if got := Slugify(string(r)); got == "" || !slugPattern.MatchString(got) {
				t.Errorf("Slugify(%q U+%04X) = %q, want ASCII letters", string(r), r, got)
			}
		}
	}
}

func TestSlugWithSuffix(t *testing.T) {
	long := strings.Repeat("a", 98) + "-b"
	for _, tt := range []struct {
		base string
		n    int
		want string
	}{
		{"kenya-tea", 2, "kenya-tea-2"},
		{"kenya-tea", 999, "kenya-tea-999"},
		{long, 2, strings.Repeat("a", 98) + "-2"},
		{strings.Repeat("a", 97) + "-bb", 12, strings.Repeat("a", 97) + "-12"},
	} {
		got := SlugWithSuffix(tt.base, tt.n)
		if got != tt.want {
			t.Errorf("SlugWithSuffix(%q, %d) = %q, want %q", tt.base, tt.n, got, tt.want)
		}
		if err := CheckSlug(got); err != nil {
			t.Errorf("SlugWithSuffix(%q, %d): %v", tt.base, tt.n, err)
		}
	}
}

func TestTryUniqueSlug(t *testing.T) {
	taken := map[string]bool{"tea": true, "tea-2": true}
	var tried []string
	slug, err := TryUniqueSlug("tea", func(s string) (bool, error) {
		tried = append(tried, s)
		if taken[s] {
			return true, Errorf(ECONFLICT, "slug %s is taken", s)
		}
		return false, nil
	})
	if err != nil || slug != "tea-3" || strings.Join(tried, ",") != "tea,tea-2,tea-3" {
		t.Errorf("TryUniqueSlug = %q, %v after %q; want tea-3 after tea,tea-2,tea-3", slug, err, tried)
	}
	// A conflict that is not the slug's stops at once.
	n := 0
	_, err = TryUniqueSlug("tea", func(string) (bool, error) {
		n++
		return false, Errorf(ECONFLICT, "the ID is taken")
	})
	if ErrorCode(err) != ECONFLICT || n != 1 {
		t.Errorf("TryUniqueSlug on an ID conflict: %v after %d tries, want ECONFLICT after 1", err, n)
	}
	// Other errors stop at once too.
	n = 0
	_, err = TryUniqueSlug("tea", func(string) (bool, error) {
		n++
		return true, Errorf(EUNAVAILABLE, "disk full")
	})
	if ErrorCode(err) != EUNAVAILABLE || n != 1 {
		t.Errorf("TryUniqueSlug on a failure: %v after %d tries", err, n)
	}
	// It gives up after 999.
	n = 0
	_, err = TryUniqueSlug("tea", func(string) (bool, error) {
		n++
		return true, Errorf(ECONFLICT, "taken")
	})
	if ErrorCode(err) != ECONFLICT || n != 999 {
		t.Errorf("TryUniqueSlug never free: %v after %d tries, want 999", err, n)
	}
}

func TestIsAutoSlug(t *testing.T) {
	for _, tt := range []struct {
		slug, headline string
		want           bool
	}{
		{"", "Tea harvest", true},
		{"untitled-5b3f1c9e", "Tea harvest", true},
		{"tea-harvest", "Tea harvest", true},
		{"tea-harvest-12", "Tea harvest", true},
		{"stefan-agoston", "Ştefan Ăgoston", true},
		{"tea-harvest-x", "Tea harvest", false},
		{"tea", "Tea harvest", false},
		{"my-own-slug", "Tea harvest", false},
		{"-2", "", false},
	} {
		a := &Article{Slug: tt.slug, Headline: tt.headline}
		if got := IsAutoSlug(a); got != tt.want {
			t.Errorf("IsAutoSlug(%q, %q) = %v, want %v", tt.slug, tt.headline, got, tt.want)
		}
	}
}
