package app

import (
	"strings"
	"testing"
)

func TestClampLines(t *testing.T) {
	// Every character is 1 wide, so widths count characters.
	measure := func(s string) float32 { return float32(len([]rune(s))) }
	for _, c := range []struct {
		name, text string
		max        int
		width      float32
		want       string
	}{
		{"fits on one line", "Port reopens", 2, 20, "Port reopens"},
		{"wraps onto two", "Port reopens after nine days", 2, 15, "Port reopens|after nine days"},
		{"too long for two", "Port reopens after nine days of strikes", 2, 14, "Port reopens|after nine…"},
		{"ellipsis replaces what does not fit", "aaaa bbbb cccc dddd eeee", 2, 9, "aaaa bbbb|cccc ddd…"},
		{"a word wider than a line is cut", "Transportarbeitergewerkschaft strikes", 2, 10, "Transporta|rbeiterge…"},
		{"empty", "", 2, 10, ""},
		{"spaces folded", "  Port   reopens ", 2, 20, "Port reopens"},
		{"non-ASCII kept whole", "Ærøskøbing ferry resumes", 2, 10, "Ærøskøbing|ferry…"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := strings.Join(clampLines(c.text, c.max, measure, c.width), "|")
			if got != c.want {
				t.Errorf("clampLines(%q, %d, width %v) = %q, want %q", c.text, c.max, c.width, got, c.want)
			}
			for _, line := range clampLines(c.text, c.max, measure, c.width) {
				if measure(line) > c.width {
					t.Errorf("line %q is wider than %v", line, c.width)
				}
			}
		})
	}
}
