package app

import (
	"strings"
	"testing"
)

func TestTokenizeWordsRoundTrips(t *testing.T) {
	for _, s := range []string{
		"",
		"Tea growers don't count well-known losses.",
		"NAIROBI, Kenya — prices rose  3.5%\n\nfor a *third* week",
		"Ünïcödé wörds, 日本語 and emoji 🙂 too",
	} {
		toks := tokenizeWords(s)
		if got := strings.Join(toks, ""); got != s {
			t.Errorf("tokens of %q join to %q", s, got)
		}
	}
	got := tokenizeWords("don't stop-loss, now")
	want := []string{"don't", " ", "stop-loss", ",", " ", "now"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("tokens = %q, want %q", got, want)
	}
}

// render writes a diff as text with [+inserted] and [-deleted] marks.
func render(spans []diffSpan) string {
	var b strings.Builder
	for _, s := range spans {
		switch s.Op {
		case diffInsert:
			b.WriteString("[+" + s.Text + "]")
		case diffDelete:
			b.WriteString("[-" + s.Text + "]")
		default:
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

func TestWordDiff(t *testing.T) {
	for _, tc := range []struct {
		old, new, want string
	}{
		{"the strike lasted eight days", "the strike lasted nine days", "the strike lasted [-eight][+nine] days"},
		{"prices rose", "prices rose sharply", "prices rose[+ sharply]"},
		{"tea growers said", "growers said", "[-tea ]growers said"},
		// A changed word is replaced whole, never split into letters.
		{"harvested", "harvesting", "[-harvested][+harvesting]"},
		{"same text", "same text", "same text"},
		{"", "new", "[+new]"},
	} {
		spans := wordDiff(tc.old, tc.new)
		if got := render(spans); got != tc.want {
			t.Errorf("wordDiff(%q, %q) = %q, want %q", tc.old, tc.new, got, tc.want)
		}
		// The spans must rebuild both texts exactly.
		var older, newer strings.Builder
		for _, s := range spans {
			if s.Op != diffInsert {
				older.WriteString(s.Text)
			}
			if s.Op != diffDelete {
				newer.WriteString(s.Text)
			}
		}
		if older.String() != tc.old || newer.String() != tc.new {
			t.Errorf("spans of %q → %q rebuild %q → %q", tc.old, tc.new, older.String(), newer.String())
		}
	}
}

func TestWordDiffManyDistinctWords(t *testing.T) {
	// More distinct tokens than there are runes below the surrogate range
	// must still decode to the right words.
	var a, b strings.Builder
	for i := 0; i < 60000; i++ {
		w := "w" + formatThousands(i*7919)
		a.WriteString(w + " ")
		if i != 59000 {
			b.WriteString(w + " ")
		} else {
			b.WriteString("inserted " + w + " ")
		}
	}
	added, removed := wordChange(a.String(), b.String())
	if added != 1 || removed != 0 {
		t.Errorf("wordChange = +%d −%d, want +1 −0", added, removed)
	}
}

func TestWordChangeAndFormat(t *testing.T) {
	added, removed := wordChange("one two three four", "one 2 three four five six")
	if added != 3 || removed != 1 {
		t.Errorf("wordChange = +%d −%d, want +3 −1", added, removed)
	}
	for _, tc := range []struct {
		a, r int
		want string
	}{{0, 0, "±0"}, {12, 0, "+12"}, {0, 3, "−3"}, {1200, 3, "+1,200 −3"}} {
		if got := formatChange(tc.a, tc.r); got != tc.want {
			t.Errorf("formatChange(%d, %d) = %q, want %q", tc.a, tc.r, got, tc.want)
		}
	}
}

// TestHistoryCountsWordsLikeTheLibrary checks that a change's word count
// uses the library's rule: adding "e.g. 3.5% of U.S. cargo" adds 5 words.
func TestHistoryCountsWordsLikeTheLibrary(t *testing.T) {
	const added = "e.g. 3.5% of U.S. cargo"
	if got, _ := wordChange("Ships carry ", "Ships carry "+added); got != 5 {
		t.Errorf("wordChange adds %d words, want 5", got)
	}
}
