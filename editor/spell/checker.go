package spell

import (
	"strings"
	"sync"
	"unicode"
)

// Miss is a misspelled word in a text: its line (a paragraph of the body
// editor, counted from 0) and byte range within that line.
type Miss struct {
	Line       int
	Start, End int
	Word       string
}

// Checker checks Markdown text against a dictionary and a list of known
// words (names from the byline and dateline, the library's own dictionary,
// the words a draft ignores). It remembers the misses of every line it saw
// in its last check, so that checking again after an edit looks only at
// the lines that changed. It is safe for concurrent use.
type Checker struct {
	dict *Dictionary

	mu    sync.Mutex
	known map[string]bool // lower-cased
	cache map[string][]Miss
}

// NewChecker returns a checker for dict that also accepts the given words
// (see SetKnown).
func NewChecker(dict *Dictionary, known ...string) *Checker {
	c := &Checker{dict: dict}
	c.SetKnown(known)
	return c
}

// SetKnown replaces the known words. Each entry may be a name of several
// words ("Dana Whitfield", "Port-au-Prince"): every word of it counts, in
// any case, with or without a possessive "'s".
func (c *Checker) SetKnown(words []string) {
	k := map[string]bool{}
	for _, w := range words {
		m := MaskLine(w)
		for _, t := range Words(m) {
			k[strings.ToLower(normApostrophe(m[t.Start:t.End]))] = true
		}
		if s := strings.ToLower(strings.TrimSpace(w)); s != "" {
			k[normApostrophe(s)] = true
		}
	}
	c.mu.Lock()
	c.known = k
	c.cache = nil
	c.mu.Unlock()
}

// Correct reports whether word is spelled correctly: in the dictionary
// (see Dictionary.Check) or known.
func (c *Checker) Correct(word string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.correct(word, "")
}

// correct checks one word; next is the text after it, for abbreviations
// ("Calif." is a word with its period).
func (c *Checker) correct(word, next string) bool {
	if c.dict.Check(word) || c.known[strings.ToLower(normApostrophe(word))] {
		return true
	}
	if strings.HasPrefix(next, ".") && c.dict.Check(word+".") {
		return true
	}
	// A possessive of a known or dictionary word: Whitfield's, NAIROBI'S.
	w := normApostrophe(word)
	if base, ok := strings.CutSuffix(w, "'s"); ok && c.correct(base, "") {
		return true
	}
	if base, ok := strings.CutSuffix(w, "'S"); ok && c.correct(base, "") {
		return true
	}
	if base, ok := strings.CutSuffix(w, "s'"); ok && c.correct(base+"s", "") {
		return true
	}
	// Initialisms with inner periods (U.S., Ph.D., e.g.) are words when
	// the dictionary has them with their final period, or when every part
	// is a single letter.
	if strings.Contains(word, ".") {
		if c.dict.Check(word + ".") {
			return true
		}
		single := true
		for _, p := range strings.Split(word, ".") {
			if len([]rune(p)) > 1 {
				single = false
			}
		}
		return single
	}
	return false
}

// MaxAcronym is the longest ALL-CAPS word taken for an acronym (USD,
// NATO, KTDA) and not checked; longer ones (a dateline city, a shouted
// word) are.
const MaxAcronym = 5

// isAcronym reports whether w is an ALL-CAPS word of at most MaxAcronym
// letters.
func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n <= MaxAcronym
}

func normApostrophe(s string) string {
	return strings.ReplaceAll(s, "’", "'")
}

// CheckLine returns the misses in one line of prose (line 0).
func (c *Checker) CheckLine(line string) []Miss {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.checkLine(line)
}

func (c *Checker) checkLine(line string) []Miss {
	masked := MaskLine(line)
	var out []Miss
	for _, t := range Words(masked) {
		w := strings.TrimRight(masked[t.Start:t.End], "'’")
		if isAcronym(w) {
			continue
		}
		if !c.correct(w, masked[t.End:]) {
			out = append(out, Miss{Start: t.Start, End: t.Start + len(w), Word: w})
		}
	}
	return out
}

// CheckText returns the misses in a Markdown text, in order. Lines in code
// blocks are skipped. A line checked in the previous call is not checked
// again: its misses come from the cache, which keeps only the lines of the
// latest text.
func (c *Checker) CheckText(text string) []Miss {
	lines := strings.Split(text, "\n")
	code := LineKinds(lines)
	c.mu.Lock()
	defer c.mu.Unlock()
	next := make(map[string][]Miss, len(lines))
	var out []Miss
	for i, ln := range lines {
		if code[i] || isBlank(ln) {
			continue
		}
		ms, ok := next[ln]
		if !ok {
			ms, ok = c.cache[ln]
			if !ok {
				ms = c.checkLine(ln)
			}
			next[ln] = ms
		}
		for _, m := range ms {
			m.Line = i
			out = append(out, m)
		}
	}
	c.cache = next
	return out
}

// Suggest returns up to max corrections for word (Dictionary.Suggest).
func (c *Checker) Suggest(word string, max int) []string {
	return c.dict.Suggest(word, max)
}

func isBlank(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}
