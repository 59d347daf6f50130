package spell

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Check reports whether word is spelled correctly. Besides the exact form,
// the Capitalised and ALL-CAPS forms of a lower-case word are accepted
// (Tea, TEA), and the ALL-CAPS form of a capitalised or mixed-case word
// (NAIROBI, MCDONALD), unless the dictionary keeps the word's case.
// A typographic apostrophe counts as a straight one.
func (d *Dictionary) Check(word string) bool {
	word = d.convert(word)
	if f, ok := d.words[word]; ok {
		return f&flagForbidden == 0
	}
	switch caseOf(word) {
	case caseCapital:
		return d.caseVariant(strings.ToLower(word))
	case caseUpper:
		lower := strings.ToLower(word)
		if d.caseVariant(lower) || d.caseVariant(capitalize(lower)) {
			return true
		}
		return d.upper[word]
	}
	return false
}

// caseVariant reports whether w is a word whose case may change.
func (d *Dictionary) caseVariant(w string) bool {
	f, ok := d.words[w]
	return ok && f&(flagForbidden|flagKeepCase) == 0
}

// convert applies the dictionary's input conversions (ICONV).
func (d *Dictionary) convert(w string) string {
	for _, p := range d.iconv {
		if strings.Contains(w, p[0]) {
			w = strings.ReplaceAll(w, p[0], p[1])
		}
	}
	return w
}

type wordCase int

const (
	caseLower wordCase = iota
	caseCapital
	caseUpper
	caseMixed
)

// caseOf classifies a word by its letters' case.
func caseOf(w string) wordCase {
	upper, lower, firstUpper := 0, 0, false
	for i, r := range w {
		switch {
		case unicode.IsUpper(r):
			upper++
			if i == 0 {
				firstUpper = true
			}
		case unicode.IsLower(r):
			lower++
		}
	}
	switch {
	case upper == 0:
		return caseLower
	case lower == 0 && upper > 1:
		return caseUpper
	case firstUpper && upper == 1:
		return caseCapital
	case lower == 0:
		return caseCapital // one upper-case letter and no lower-case: "I", "A"
	}
	return caseMixed
}

// capitalize upper-cases the first letter of w.
func capitalize(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	if r == utf8.RuneError {
		return w
	}
	return string(unicode.ToUpper(r)) + w[n:]
}
