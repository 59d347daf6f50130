package editor

import (
	"unicode"
	"unicode/utf8"
)

// This file holds Dateline's one word rule. The library, the history panel
// and its word diff, the revision counts and the ninjs export all count
// with it, so that every screen and every file gives a draft one length.

// CountWords counts the words of a text, Markdown or plain, as a reader
// counts them. A word is a run of letters, digits and combining marks;
// these join two such runs into one word when they stand between them:
//   - an apostrophe or a hyphen: "don't", "growers’", "well-being";
//   - a point: abbreviations and numbers, "e.g.", "U.S.", "3.5", also
//     with an apostrophe after it, "U.K.'s";
//   - a comma between digits: "1,200".
//
// Everything else separates words, and marks such as "#", "-", "%", "**"
// and dashes are not words: "e.g. 3.5% of U.S. cargo" is five words.
func CountWords(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if end := wordEnd(s, i); end > i {
			n++
			i = end
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return n
}

// WordTokens splits s into words (as CountWords counts them), runs of
// white space, and single other characters. Joining the tokens gives s
// back; IsWordToken tells the words. The history panel diffs drafts on
// these tokens.
func WordTokens(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		end := wordEnd(s, i)
		if end == i {
			r, size := utf8.DecodeRuneInString(s[i:])
			end = i + size
			if unicode.IsSpace(r) {
				for end < len(s) {
					r, size := utf8.DecodeRuneInString(s[end:])
					if !unicode.IsSpace(r) {
						break
					}
					end += size
				}
			}
		}
		out = append(out, s[i:end])
		i = end
	}
	return out
}

// IsWordToken reports whether a token of WordTokens is a word.
func IsWordToken(tok string) bool {
	r, _ := utf8.DecodeRuneInString(tok)
	return isWordRune(r)
}

// isWordRune reports whether r is part of a word: a letter, a digit or a
// combining mark (the accent of a decomposed "é").
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

// wordEnd returns the end of the word that starts at byte i of s, or i
// when no word starts there.
func wordEnd(s string, i int) int {
	r, size := utf8.DecodeRuneInString(s[i:])
	if !isWordRune(r) {
		return i
	}
	prev := r
	end := i + size
	for end < len(s) {
		r, size := utf8.DecodeRuneInString(s[end:])
		if isWordRune(r) {
			prev = r
			end += size
			continue
		}
		if !joinsWord(r, prev) {
			break
		}
		skip := size
		if r == '.' {
			// the possessive of an abbreviation: "U.K.'s"
			if a, asize := utf8.DecodeRuneInString(s[end+size:]); a == '\'' || a == '’' {
				skip += asize
			}
		}
		next, nsize := utf8.DecodeRuneInString(s[end+skip:])
		if end+skip >= len(s) || !isWordRune(next) || r == ',' && !unicode.IsNumber(next) {
			break
		}
		prev = next
		end += skip + nsize
	}
	return end
}

// joinsWord reports whether r, standing after the word rune prev and
// before another word rune, keeps the word going.
func joinsWord(r, prev rune) bool {
	switch r {
	case '\'', '’', '-', '\u2011', '.':
		return true
	case ',':
		return unicode.IsNumber(prev)
	}
	return false
}
