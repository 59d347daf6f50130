package editor

import (
	"math"
	"testing"
)

func TestCountSyllables(t *testing.T) {
	for _, tt := range []struct {
		word string
		want int
	}{
		{"the", 1}, {"cat", 1}, {"table", 2}, {"make", 1}, {"makes", 1}, {"jumped", 1},
		{"wanted", 2}, {"glasses", 2}, {"beaches", 2}, {"announced", 2}, {"officials", 3},
		{"harbor", 2}, {"angry", 2}, {"yes", 1}, {"rhythm", 1}, {"readability", 5},
		{"café", 2}, {"don't", 1}, {"radio", 3}, {"nation", 2}, {"dial", 2}, {"I", 1}, {"1,200", 1}, {"little", 2}, {"biography", 4},
	} {
		if got := CountSyllables(tt.word); got != tt.want {
			t.Errorf("CountSyllables(%q) = %d, want %d", tt.word, got, tt.want)
		}
	}
}

func TestTextStats(t *testing.T) {
	for _, tt := range []struct {
		name                                      string
		text                                      string
		words, sentences, syllables, paras, chars int
		flesch                                    float64
	}{
		{"one sentence", "The cat sat on the mat.", 6, 1, 6, 1, 23, 116.145},
		{"two sentences", "Officials announced the harbor would close. Workers were angry.", 9, 2, 15, 1, 63, 61.2675},
		{"abbreviations end no sentence", "U.S. officials said Monday that e.g. ports close.", 8, 1, 11, 1, 49, 206.835 - 1.015*8 - 84.6*11/8.0},
		{"quotes and paragraphs", "“We will close,” she said. “Now!”\n\nThe port shut\nat noon", 11, 3, 11, 2, 53, 206.835 - 1.015*11/3 - 84.6},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := TextStats(tt.text)
			if s.Words != tt.words || s.Sentences != tt.sentences || s.Syllables != tt.syllables || s.Paragraphs != tt.paras || s.Characters != tt.chars {
				t.Errorf("TextStats = %+v, want words %d sentences %d syllables %d paragraphs %d characters %d", s, tt.words, tt.sentences, tt.syllables, tt.paras, tt.chars)
			}
			if got := s.FleschReadingEase(); math.Abs(got-tt.flesch) > 1e-9 {
				t.Errorf("Flesch = %v, want %v", got, tt.flesch)
			}
		})
	}
	if s := TextStats(""); !math.IsNaN(s.FleschReadingEase()) || s.ReadingMinutes() != 0 {
		t.Errorf("empty text: %+v", s)
	}
	if got := (Stats{Words: 239}).ReadingMinutes(); got != 2 {
		t.Errorf("ReadingMinutes(239 words) = %d, want 2", got)
	}
	if s := TextStats("e.g. 3.5% of U.S. cargo"); s.Words != CountWords("e.g. 3.5% of U.S. cargo") {
		t.Errorf("TextStats words %d disagree with CountWords", s.Words)
	}
}

// BenchmarkTextStats measures a 20,000-word draft; the baseline is
// CountWords alone on the same text.
func BenchmarkTextStats(b *testing.B) {
	body := Rejected(reviewedDraft(20000))
	b.Run("TextStats", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			_ = TextStats(body)
		}
	})
	b.Run("baseline-CountWords", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			_ = CountWords(body)
		}
	})
}
