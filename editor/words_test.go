package editor

import "testing"

func TestCountWords(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int
	}{
		{"", 0},
		{"one", 1},
		{"  **Tea** growers’ well-being, 1,200 bags. ", 5},
		{"# Heading\n\n- item one\n- item two", 5},
		{"Müller sagte: „Nein“", 3},
		{"Port workers — a strike", 4},
		{"> quoted *text* here", 3},
	} {
		if got := CountWords(tt.in); got != tt.want {
			t.Errorf("CountWords(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}
