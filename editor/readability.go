package editor

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds a draft's statistics: length by the one word rule
// (words.go), paragraphs, sentences, reading time and Flesch reading ease.

// ReadingWordsPerMinute is the adult silent reading speed the reading time
// assumes (Brysbaert 2019: 238 words a minute for non-fiction).
const ReadingWordsPerMinute = 238

// Stats measures a text.
type Stats struct {
	// Words counts words by CountWords.
	Words int
	// Characters counts the characters (runes) other than line breaks.
	Characters int
	// Paragraphs counts the runs of non-blank lines.
	Paragraphs int
	// Sentences counts sentences: runs of words ended by ".", "!" or "?"
	// before a capital, a blank line or the end; a paragraph ends one too.
	Sentences int
	// Syllables counts the words' syllables by CountSyllables.
	Syllables int
}

// TextStats measures text, typically Article.PublicBody.
func TextStats(text string) Stats {
	var s Stats
	for _, r := range text {
		if r != '\n' && r != '\r' {
			s.Characters++
		}
	}
	for _, para := range splitParagraphs(text) {
		s.Paragraphs++
		open := false // a sentence has words not yet counted
		for i := 0; i < len(para); {
			if end := wordEnd(para, i); end > i {
				s.Words++
				s.Syllables += CountSyllables(para[i:end])
				open = true
				i = end
				continue
			}
			r, size := utf8.DecodeRuneInString(para[i:])
			i += size
			if open && (r == '.' || r == '!' || r == '?') && sentenceEndsAt(para, i) {
				s.Sentences++
				open = false
			}
		}
		if open {
			s.Sentences++
		}
	}
	return s
}

// sentenceEndsAt reports whether a stop just before byte i of s ends a
// sentence: it is followed, after closing quotes, brackets and more
// stops, by the end of the paragraph, or by white space and then a
// capital, a digit or an opening quote. "U.S. officials" ends no sentence
// at "U.S"; "in the U.S. The" does: a capital decides.
func sentenceEndsAt(s string, i int) bool {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !strings.ContainsRune("\"'”’)]*_.!?", r) {
			break
		}
		i += size
	}
	if i == len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	if !unicode.IsSpace(r) {
		return false
	}
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	if i == len(s) {
		return true
	}
	r, _ = utf8.DecodeRuneInString(s[i:])
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"“‘'(*_", r)
}

// splitParagraphs returns the runs of non-blank lines of text.
func splitParagraphs(text string) []string {
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, "\n"))
			cur = cur[:0]
		}
	}
	for _, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		cur = append(cur, line)
	}
	flush()
	return out
}

// ReadingMinutes is the time to read the text at ReadingWordsPerMinute,
// rounded up to whole minutes; 0 for no words.
func (s Stats) ReadingMinutes() int {
	return (s.Words + ReadingWordsPerMinute - 1) / ReadingWordsPerMinute
}

// FleschReadingEase is Flesch's 1948 score,
// 206.835 − 1.015 × words per sentence − 84.6 × syllables per word:
// about 60–70 is plain English, news copy aims at 60 or more, and lower
// is harder. It is NaN for a text without words.
func (s Stats) FleschReadingEase() float64 {
	if s.Words == 0 || s.Sentences == 0 {
		return math.NaN()
	}
	return 206.835 - 1.015*float64(s.Words)/float64(s.Sentences) - 84.6*float64(s.Syllables)/float64(s.Words)
}

// CountSyllables estimates the syllables of an English word: the groups
// of vowels (y counts after a consonant; "ia" and "io" are two, except
// after t, s, c, g or x, as in "-tion" and "-cial"), less a silent final "e" (not in
// "-le" after a consonant, as in "table") and a silent "-es"/"-ed" after
// most consonants ("makes", "jumped", but not "wanted" or "glasses"), at
// least one. Digits count one syllable per digit group, a heuristic.
func CountSyllables(word string) int {
	var buf [48]rune
	letters := buf[:0]
	accented := false // the last letter is an accented vowel: "café"
	for _, r := range word {
		if unicode.IsLetter(r) {
			r = unicode.ToLower(r)
			f := foldVowel(r)
			accented = f != r
			letters = append(letters, f)
		}
	}
	if len(letters) == 0 {
		return 1
	}
	n := 0
	prevVowel := false
	for i, r := range letters {
		v := isVowel(r) || r == 'y' && i > 0 && !isVowel(letters[i-1])
		if v && (!prevVowel || hiatus(letters, i)) {
			n++
		}
		prevVowel = v
	}
	l := len(letters)
	switch {
	case accented:
	case l > 2 && letters[l-1] == 'e' && !isVowel(letters[l-2]):
		if !(letters[l-2] == 'l' && l > 3 && !isVowel(letters[l-3])) {
			n--
		}
	case l > 3 && (letters[l-1] == 'd' || letters[l-1] == 's') && letters[l-2] == 'e' && !isVowel(letters[l-3]):
		c := letters[l-3]
		silent := letters[l-1] == 'd' && c != 't' && c != 'd' ||
			letters[l-1] == 's' && !strings.ContainsRune("sxzgc", c) && !(c == 'h' && l > 4 && (letters[l-4] == 'c' || letters[l-4] == 's'))
		if silent {
			n--
		}
	}
	return max(n, 1)
}

// hiatus reports whether the vowel at i, after another vowel, starts a
// syllable of its own: "i" followed by "a" or "o" ("bi-o", "di-al"), except
// in "-tion", "-sion", "-cial", "-gion" and the like, where the pair is one
// sound.
func hiatus(letters []rune, i int) bool {
	if i < 2 || letters[i-1] != 'i' || letters[i] != 'a' && letters[i] != 'o' {
		return false
	}
	return !strings.ContainsRune("tscgx", letters[i-2])
}

// isVowel reports whether r is one of a, e, i, o, u.
func isVowel(r rune) bool {
	return r == 'a' || r == 'e' || r == 'i' || r == 'o' || r == 'u'
}

// foldVowel maps accented Latin vowels to their base letter.
func foldVowel(r rune) rune {
	if r < 0xC0 {
		return r
	}
	switch {
	case strings.ContainsRune("àáâãäå", r):
		return 'a'
	case strings.ContainsRune("èéêë", r):
		return 'e'
	case strings.ContainsRune("ìíîï", r):
		return 'i'
	case strings.ContainsRune("òóôõö", r):
		return 'o'
	case strings.ContainsRune("ùúûü", r):
		return 'u'
	}
	return r
}
