package style

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// sentences splits a paragraph into sentences, as byte ranges with the
// spaces between them left out. A sentence ends at ".", "?" or "!" (and
// any closing quotes or parentheses after it) followed by a space and a
// capital, a figure or an opening quote, or by the end of the text; a
// period after an abbreviation (Mr., Jan., U.S.) or an initial (J.) does
// not end one.
func sentences(s string, abbrev map[string]bool) [][2]int {
	var out [][2]int
	start := skipSpace(s, 0)
	for i := 0; i < len(s); {
		c, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if c != '.' && c != '?' && c != '!' {
			continue
		}
		j := i
		for j < len(s) {
			q, m := utf8.DecodeRuneInString(s[j:])
			if !strings.ContainsRune("”’\"')]", q) {
				break
			}
			j += m
		}
		if j < len(s) && !unicode.IsSpace(rune(s[j])) {
			continue
		}
		k := skipSpace(s, j)
		if k < len(s) {
			next, _ := utf8.DecodeRuneInString(s[k:])
			if !unicode.IsUpper(next) && !unicode.IsDigit(next) && !strings.ContainsRune("“‘\"(", next) {
				continue
			}
		}
		if c == '.' && j == i {
			w := s[strings.LastIndexAny(s[:i-1], " \t\n(“\"")+1 : i]
			if abbrev[w] || isInitial(w) {
				continue
			}
		}
		if start < j {
			out = append(out, [2]int{start, j})
		}
		start = k
		i = k
	}
	if end := len(strings.TrimRightFunc(s, unicode.IsSpace)); start < end {
		out = append(out, [2]int{start, end})
	}
	return out
}

func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n') {
		i++
	}
	return i
}

// isInitial reports whether w is an initial such as "J." or "J.R.".
func isInitial(w string) bool {
	parts := strings.Split(strings.TrimSuffix(w, "."), ".")
	for _, p := range parts {
		r, n := utf8.DecodeRuneInString(p)
		if n != len(p) || !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// sentenceStartAt reports whether offset at begins a sentence of s.
func sentenceStartAt(s string, at int, abbrev map[string]bool) bool {
	for _, sn := range sentences(s, abbrev) {
		if sn[0] == at {
			return true
		}
		if sn[0] > at {
			break
		}
	}
	return false
}
