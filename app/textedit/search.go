package textedit

import (
	"fmt"
	"regexp"
	"unicode/utf8"
)

// FindOptions say how a query matches.
type FindOptions struct {
	// MatchCase makes the match case-sensitive.
	MatchCase bool
	// WholeWord only accepts matches with no word character on either side.
	WholeWord bool
	// Regexp reads the query as a Go regular expression (RE2 syntax);
	// otherwise it is literal text.
	Regexp bool
}

// Finder is a compiled query. Matches never cross a paragraph break.
type Finder struct {
	re   *regexp.Regexp
	opts FindOptions
}

// NewFinder compiles query. An empty query or a bad regular expression is
// an error that says why.
func NewFinder(query string, opts FindOptions) (*Finder, error) {
	if query == "" {
		return nil, fmt.Errorf("find: empty query")
	}
	pat := query
	if !opts.Regexp {
		pat = regexp.QuoteMeta(Normalize(query))
	}
	if !opts.MatchCase {
		pat = "(?i)" + pat
	}
	re, err := regexp.Compile(pat)
	if err != nil {
		return nil, fmt.Errorf("find: not a regular expression: %w", err)
	}
	return &Finder{re: re, opts: opts}, nil
}

// paraMatches returns the byte ranges of the matches in one paragraph.
func (f *Finder) paraMatches(s string) [][]int {
	all := f.re.FindAllStringSubmatchIndex(s, -1)
	out := all[:0]
	for _, m := range all {
		if m[0] == m[1] {
			continue // an empty match selects nothing and replaces nothing useful
		}
		if f.opts.WholeWord && !wholeWord(s, m[0], m[1]) {
			continue
		}
		if snapBoundary(s, m[0]) != m[0] || snapBoundary(s, m[1]) != m[1] {
			continue // part of a grapheme cluster (an accent without its letter)
		}
		out = append(out, m)
	}
	return out
}

// wholeWord reports whether s[from:to] has no word character just outside.
func wholeWord(s string, from, to int) bool {
	if from > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:from])
		if isWordRune(r) {
			return false
		}
	}
	if to < len(s) {
		r, _ := utf8.DecodeRuneInString(s[to:])
		if isWordRune(r) {
			return false
		}
	}
	return true
}

// FindAll returns every match in the document, in order.
func (m *Model) FindAll(f *Finder) []Range {
	var out []Range
	for i, s := range m.paras {
		for _, x := range f.paraMatches(s) {
			out = append(out, Range{Pos{i, x[0]}, Pos{i, x[1]}})
		}
	}
	return out
}

// replacement returns what the match x of paragraph s is replaced with:
// repl itself, or for a regular expression repl with $1 and ${name}
// expanded.
func (f *Finder) replacement(s string, x []int, repl string) string {
	if !f.opts.Regexp {
		return repl
	}
	return string(f.re.ExpandString(nil, repl, s, x))
}

// ReplaceMatch replaces the match at r, if r is still a match, and selects
// the replacement. It reports whether it replaced.
func (m *Model) ReplaceMatch(f *Finder, r Range, repl string) bool {
	if r.From.Para != r.To.Para || r.From.Para >= len(m.paras) {
		return false
	}
	s := m.paras[r.From.Para]
	for _, x := range f.paraMatches(s) {
		if x[0] == r.From.Off && x[1] == r.To.Off {
			end := m.Replace(r, f.replacement(s, x, repl), EditOther)
			m.sel = Selection{Anchor: r.From, Caret: end}
			return true
		}
	}
	return false
}

// ReplaceAll replaces every match as one undo step and returns how many it
// replaced.
func (m *Model) ReplaceAll(f *Finder, repl string) int {
	n := 0
	m.Begin()
	// From the last paragraph and the last match back, so the positions of
	// the matches still to replace stay valid.
	for i := len(m.paras) - 1; i >= 0; i-- {
		s := m.paras[i]
		xs := f.paraMatches(s)
		for j := len(xs) - 1; j >= 0; j-- {
			x := xs[j]
			m.Replace(Range{Pos{i, x[0]}, Pos{i, x[1]}}, f.replacement(s, x, repl), EditOther)
			n++
		}
	}
	m.Commit()
	return n
}
