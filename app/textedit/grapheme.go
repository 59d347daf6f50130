package textedit

import (
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// safeStart returns an offset at or before off that is certainly a
// grapheme cluster boundary, so that segmentation can start there without
// reading the paragraph from its beginning: a place between two ASCII
// characters other than CR (no ASCII character extends or prepends to a
// cluster).
func safeStart(s string, off int) int {
	for i := off; i > 0; i-- {
		if i < len(s) && s[i] < utf8.RuneSelf && s[i-1] < utf8.RuneSelf && s[i-1] != '\r' {
			return i
		}
	}
	return 0
}

// snapBoundary returns the start of the grapheme cluster that contains the
// byte at off, or off itself when it is a boundary.
func snapBoundary(s string, off int) int {
	if off <= 0 || off >= len(s) {
		return off
	}
	i := safeStart(s, off)
	state := -1
	for i < off {
		c, _, _, st := uniseg.FirstGraphemeClusterInString(s[i:], state)
		state = st
		if i+len(c) > off {
			return i
		}
		i += len(c)
	}
	return i
}

// nextBoundary returns the end of the grapheme cluster that starts at off.
func nextBoundary(s string, off int) int {
	if off >= len(s) {
		return len(s)
	}
	c, _, _, _ := uniseg.FirstGraphemeClusterInString(s[off:], -1)
	return off + len(c)
}

// prevBoundary returns the start of the grapheme cluster that ends at off.
func prevBoundary(s string, off int) int {
	if off <= 0 {
		return 0
	}
	return snapBoundary(s, off-1)
}

// NextGrapheme returns the position one grapheme cluster after p, the start
// of the next paragraph at a paragraph's end, or p at the document's end.
func (m *Model) NextGrapheme(p Pos) Pos {
	s := m.paras[p.Para]
	if p.Off >= len(s) {
		if p.Para+1 < len(m.paras) {
			return Pos{p.Para + 1, 0}
		}
		return p
	}
	return Pos{p.Para, nextBoundary(s, p.Off)}
}

// PrevGrapheme returns the position one grapheme cluster before p, the end
// of the previous paragraph at a paragraph's start, or p at the start.
func (m *Model) PrevGrapheme(p Pos) Pos {
	if p.Off == 0 {
		if p.Para > 0 {
			return Pos{p.Para - 1, len(m.paras[p.Para-1])}
		}
		return p
	}
	return Pos{p.Para, prevBoundary(m.paras[p.Para], p.Off)}
}

// isWordRune reports whether r belongs to a word: letters, digits, marks,
// the underscore and the apostrophes inside words are handled by callers.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '_'
}

// wordAt reports whether the cluster starting at off in s is part of a word.
func wordAt(s string, off int) bool {
	r, _ := utf8.DecodeRuneInString(s[off:])
	return isWordRune(r)
}

// wordBefore reports whether the cluster ending at off in s is part of a
// word.
func wordBefore(s string, off int) bool {
	return wordAt(s, prevBoundary(s, off))
}

// NextWord returns the end of the next word after p (skipping what is not
// a word first), crossing into the next paragraph at a paragraph's end.
func (m *Model) NextWord(p Pos) Pos {
	s := m.paras[p.Para]
	if p.Off >= len(s) {
		return m.NextGrapheme(p)
	}
	i := p.Off
	for i < len(s) && !wordAt(s, i) {
		i = nextBoundary(s, i)
	}
	for i < len(s) && wordAt(s, i) {
		i = nextBoundary(s, i)
	}
	return Pos{p.Para, i}
}

// PrevWord returns the start of the word before p (skipping what is not a
// word first), crossing into the previous paragraph at a paragraph's start.
func (m *Model) PrevWord(p Pos) Pos {
	s := m.paras[p.Para]
	if p.Off == 0 {
		return m.PrevGrapheme(p)
	}
	i := p.Off
	for i > 0 && !wordBefore(s, i) {
		i = prevBoundary(s, i)
	}
	for i > 0 && wordBefore(s, i) {
		i = prevBoundary(s, i)
	}
	return Pos{p.Para, i}
}

// WordRange returns the word at p (or the run of spaces or punctuation
// there), the range a double click selects.
func (m *Model) WordRange(p Pos) Range {
	s := m.paras[p.Para]
	if len(s) == 0 {
		return Range{p, p}
	}
	var inWord bool
	switch {
	case p.Off < len(s):
		inWord = wordAt(s, p.Off)
	default:
		inWord = wordBefore(s, p.Off)
	}
	same := func(off int) bool { return wordAt(s, off) == inWord }
	from, to := p.Off, p.Off
	if to < len(s) && same(to) {
		for to < len(s) && same(to) {
			to = nextBoundary(s, to)
		}
	}
	for from > 0 && same(prevBoundary(s, from)) {
		from = prevBoundary(s, from)
	}
	return Range{Pos{p.Para, from}, Pos{p.Para, to}}
}

// ParagraphRange returns paragraph i's text, the range a triple click
// selects.
func (m *Model) ParagraphRange(i int) Range {
	return Range{Pos{i, 0}, Pos{i, len(m.paras[i])}}
}
