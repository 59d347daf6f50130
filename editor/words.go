package editor

import "unicode"

// CountWords counts the words of a Markdown body: runs of letters or
// digits. An apostrophe or hyphen inside a word, and a comma or point
// inside a number ("1,200"), do not split it; Markdown marks such as "#",
// "-" and "**" are not words. It is the count Summary.Words and
// Revision.Words carry, so that every screen gives a draft one length.
func CountWords(s string) int {
	n := 0
	var prev rune
	in := false
	for _, r := range s {
		isWord := unicode.IsLetter(r) || unicode.IsNumber(r)
		switch {
		case isWord && !in:
			n++
			in = true
		case isWord:
		case in && (r == '\'' || r == '’' || r == '-'):
			// still inside the word, unless no letter follows
		case in && (r == ',' || r == '.') && unicode.IsNumber(prev):
			// maybe a thousands separator or decimal point
		default:
			in = false
		}
		prev = r
	}
	return n
}
