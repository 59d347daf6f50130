package app

import (
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/dateline-news/dateline/editor"
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

// tokenizeWords splits s into the words, white space runs and other
// characters of editor.WordTokens, so that the diff counts words by the
// one rule.
func tokenizeWords(s string) []string { return editor.WordTokens(s) }

// isWord reports whether a token counts as a word.
func isWord(tok string) bool { return editor.IsWordToken(tok) }

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

// countWords counts the words of s by editor.CountWords.
func countWords(s string) int { return editor.CountWords(s) }

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
