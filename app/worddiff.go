package app

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// This file is the word-level diff behind the history panel. It imports no
// Fyne, so that it can be tested and reused on its own.

// diffOp says what a span of a word diff is.
type diffOp int8

// The span kinds of a word diff.
const (
	diffEqual diffOp = iota
	diffInsert
	diffDelete
)

// diffSpan is a run of text that both texts share, that only the newer has
// (inserted) or that only the older has (deleted).
type diffSpan struct {
	Op   diffOp
	Text string
}

// tokenizeWords splits s into words (runs of letters, digits and the
// apostrophes and hyphens inside them), runs of white space, and single
// other characters. Joining the tokens gives s back.
func tokenizeWords(s string) []string {
	var out []string
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		n := size
		switch {
		case isWordRune(r):
			for n < len(s) {
				r2, size2 := utf8.DecodeRuneInString(s[n:])
				if isWordRune(r2) {
					n += size2
					continue
				}
				// An apostrophe or hyphen joins two word parts: don't, well-known.
				if r2 == '\'' || r2 == '’' || r2 == '-' {
					if r3, size3 := utf8.DecodeRuneInString(s[n+size2:]); n+size2 < len(s) && isWordRune(r3) {
						n += size2 + size3
						continue
					}
				}
				break
			}
		case unicode.IsSpace(r):
			for n < len(s) {
				r2, size2 := utf8.DecodeRuneInString(s[n:])
				if !unicode.IsSpace(r2) {
					break
				}
				n += size2
			}
		}
		out = append(out, s[:n])
		s = s[n:]
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

// isWord reports whether a token counts as a word.
func isWord(tok string) bool {
	r, _ := utf8.DecodeRuneInString(tok)
	return isWordRune(r)
}

// tokenRune is the stand-in rune of the i-th distinct token: valid runes
// only, skipping the surrogate range, so the diff library can turn them
// into strings and back.
func tokenRune(i int) rune {
	r := rune(i + 1)
	if r >= 0xD800 {
		r += 0x800
	}
	return r
}

// wordDiff compares an older and a newer text word by word and returns the
// spans that turn old into new. Each token is mapped to one rune, so the
// diff library's character diff works on whole words and never splits one.
func wordDiff(old, new string) []diffSpan {
	if old == new {
		if old == "" {
			return nil
		}
		return []diffSpan{{Op: diffEqual, Text: old}}
	}
	ids := map[string]rune{}
	var vocab []string
	encode := func(s string) []rune {
		toks := tokenizeWords(s)
		rs := make([]rune, len(toks))
		for i, t := range toks {
			r, ok := ids[t]
			if !ok {
				r = tokenRune(len(vocab))
				ids[t] = r
				vocab = append(vocab, t)
			}
			rs[i] = r
		}
		return rs
	}
	a, b := encode(old), encode(new)
	dmp := diffmatchpatch.New()
	diffs := dmp.DiffMainRunes(a, b, false)
	diffs = dmp.DiffCleanupSemantic(diffs)

	index := make(map[rune]int, len(vocab))
	for i := range vocab {
		index[tokenRune(i)] = i
	}
	var out []diffSpan
	for _, d := range diffs {
		var sb strings.Builder
		for _, r := range d.Text {
			sb.WriteString(vocab[index[r]])
		}
		op := diffEqual
		switch d.Type {
		case diffmatchpatch.DiffInsert:
			op = diffInsert
		case diffmatchpatch.DiffDelete:
			op = diffDelete
		}
		if sb.Len() == 0 {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Op == op {
			out[n-1].Text += sb.String()
			continue
		}
		out = append(out, diffSpan{Op: op, Text: sb.String()})
	}
	return out
}

// wordChange counts the words a change from old to new added and removed.
func wordChange(old, new string) (added, removed int) {
	return spanChange(wordDiff(old, new))
}

// spanChange counts the words spans insert and delete.
func spanChange(spans []diffSpan) (added, removed int) {
	for _, s := range spans {
		switch s.Op {
		case diffInsert:
			added += countWords(s.Text)
		case diffDelete:
			removed += countWords(s.Text)
		}
	}
	return added, removed
}

// countWords counts the word tokens of s.
func countWords(s string) int {
	n := 0
	for _, t := range tokenizeWords(s) {
		if isWord(t) {
			n++
		}
	}
	return n
}

// formatChange writes a change size as "+12 −3", "+4", "−2" or "±0".
func formatChange(added, removed int) string {
	switch {
	case added == 0 && removed == 0:
		return "±0"
	case removed == 0:
		return "+" + formatThousands(added)
	case added == 0:
		return "−" + formatThousands(removed)
	}
	return "+" + formatThousands(added) + " −" + formatThousands(removed)
}
