package editor

import (
	"strings"
	"time"

	"github.com/rivo/uniseg"
	"github.com/sergi/go-diff/diffmatchpatch"
)

// This file is the three-way merge of two versions of a text that grew
// from one base: the window's (mine) and another head's (theirs), the
// base being their common ancestor. It works on the word tokens of the one
// word rule (WordTokens), paragraph by paragraph: unchanged paragraphs
// anchor the comparison, and only the paragraphs that changed are compared
// word by word. A token never splits a grapheme cluster, and a
// CriticMarkup mark (a suggestion or a comment thread) is one token, kept
// or replaced whole. merge3_article.go merges the other fields of an
// article.

// HunkKind says who changed a hunk of a merged text.
type HunkKind int8

// The hunk kinds.
const (
	// HunkSame is text neither side changed.
	HunkSame HunkKind = iota
	// HunkMine is a change only mine made: it is applied.
	HunkMine
	// HunkTheirs is a change only theirs made: it is applied.
	HunkTheirs
	// HunkBoth is the same change made on both sides: it is taken once.
	HunkBoth
	// HunkConflict is a change both sides made differently: a person
	// chooses (Take).
	HunkConflict
)

// Take is how a conflict is resolved.
type Take int8

// The ways to resolve a conflict.
const (
	// TakeMine keeps my side; it is what an undecided conflict holds,
	// so that nothing the window's writer typed goes missing.
	TakeMine Take = iota
	// TakeTheirs keeps their side.
	TakeTheirs
	// TakeBoth keeps mine, then theirs.
	TakeBoth
)

// Hunk is a run of a merged text: the base's text and each side's.
type Hunk struct {
	Kind               HunkKind
	Base, Mine, Theirs string
	// Take resolves a conflict; other kinds ignore it.
	Take Take
}

// Text is what the hunk contributes to the merged text: for a conflict,
// the side its Take names.
func (h Hunk) Text() string {
	switch h.Kind {
	case HunkSame:
		return h.Base
	case HunkMine, HunkBoth:
		return h.Mine
	case HunkTheirs:
		return h.Theirs
	}
	return h.Taken(h.Take)
}

// Taken is what a conflict gives when resolved by t. Taking both joins
// the two sides with a space when neither has white space at the seam,
// so that two words never run together.
func (h Hunk) Taken(t Take) string {
	switch t {
	case TakeTheirs:
		return h.Theirs
	case TakeBoth:
		if h.Mine == "" || h.Theirs == "" || h.Mine == h.Theirs {
			return h.Mine + h.Theirs
		}
		if endsSpace(h.Mine) || startsSpace(h.Theirs) {
			return h.Mine + h.Theirs
		}
		return h.Mine + " " + h.Theirs
	}
	return h.Mine
}

func endsSpace(s string) bool {
	return s != "" && strings.TrimRight(s, " \t\r\n") != s
}

func startsSpace(s string) bool {
	return s != "" && strings.TrimLeft(s, " \t\r\n") != s
}

// TextMerge is the three-way merge of one text, as hunks in order.
type TextMerge struct {
	Hunks []Hunk
}

// Text is the merged text, each conflict resolved by its Take.
func (m *TextMerge) Text() string {
	var sb strings.Builder
	for _, h := range m.Hunks {
		sb.WriteString(h.Text())
	}
	return sb.String()
}

// Conflicts counts the conflicting hunks.
func (m *TextMerge) Conflicts() int {
	n := 0
	for _, h := range m.Hunks {
		if h.Kind == HunkConflict {
			n++
		}
	}
	return n
}

// Merge3 merges mine and theirs, two versions of base: a change only one
// side made is applied, a change both made alike is taken once, and
// changes both made differently to the same words are conflicts, which
// hold mine until resolved. Joining the hunks' Base texts gives base, their
// Mine texts mine and their Theirs texts theirs.
func Merge3(base, mine, theirs string) *TextMerge {
	b, m, t := mergeTokens(base), mergeTokens(mine), mergeTokens(theirs)
	bm := matchTokens(b, m)
	bt := matchTokens(b, t)
	chunks := diff3(b, m, t, bm, bt)
	return &TextMerge{Hunks: coalesceConflicts(chunks)}
}

// mergeTokens splits s into the units a merge compares: the words, white
// space runs and other characters of WordTokens, each CriticMarkup mark
// whole, and never a part of a grapheme cluster (a token that would start
// inside one joins the token before it). Joining them gives s back.
func mergeTokens(s string) []string {
	if s == "" {
		return nil
	}
	var raw []string
	pos := 0
	if HasMarks(s) {
		for _, mk := range ParseMarks(s) {
			raw = append(raw, WordTokens(s[pos:mk.Start])...)
			raw = append(raw, s[mk.Start:mk.End])
			pos = mk.End
		}
	}
	raw = append(raw, WordTokens(s[pos:])...)

	// Grapheme cluster boundaries of s.
	bounds := make([]bool, len(s)+1)
	state := -1
	for off, rest := 0, s; rest != ""; {
		var c string
		c, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		bounds[off] = true
		off += len(c)
	}
	out := raw[:0:0]
	off := 0
	for _, tok := range raw {
		if len(out) > 0 && !bounds[off] {
			out[len(out)-1] += tok
		} else {
			out = append(out, tok)
		}
		off += len(tok)
	}
	return out
}

// isParaBreak reports whether a token ends a paragraph: white space with a
// blank line in it.
func isParaBreak(tok string) bool {
	return strings.Count(tok, "\n") >= 2 && strings.TrimSpace(tok) == ""
}

// matchTokens pairs the tokens of a with equal tokens of b along a longest
// common subsequence, and returns for each token of a the index of its
// partner in b, or -1. Paragraphs come first: the unchanged paragraphs of
// a and b are paired whole, and only the runs of paragraphs between them
// are compared word by word, so a common word never ties a paragraph to
// an unrelated one.
func matchTokens(a, b []string) []int {
	match := make([]int, len(a))
	for i := range match {
		match[i] = -1
	}
	pa, pb := mergeUnits(a), mergeUnits(b)
	var ea, eb []int // paired paragraph indexes
	diffUnits(joinUnits(a, pa), joinUnits(b, pb), func(i, j int) {
		ea = append(ea, i)
		eb = append(eb, j)
	})
	// Between paired paragraphs, word by word.
	ua, ub := 0, 0 // the first unit of the gap on each side
	for k := 0; k <= len(ea); k++ {
		na, nb := len(pa), len(pb)
		if k < len(ea) {
			na, nb = ea[k], eb[k]
		}
		fa, ta := unitRange(pa, ua, na, len(a))
		fb, tb := unitRange(pb, ub, nb, len(b))
		if ta > fa && tb > fb {
			diffUnits(a[fa:ta], b[fb:tb], func(i, j int) { match[fa+i] = fb + j })
		}
		if k == len(ea) {
			break
		}
		fa, ta = unitRange(pa, na, na+1, len(a))
		fb, tb = unitRange(pb, nb, nb+1, len(b))
		for x := 0; x < ta-fa && x < tb-fb && a[fa+x] == b[fb+x]; x++ {
			match[fa+x] = fb + x
		}
		ua, ub = na+1, nb+1
	}
	return match
}

// mergeUnits returns where each unit of toks starts: a paragraph's tokens
// are one unit, each paragraph break another.
func mergeUnits(toks []string) []int {
	var starts []int
	inPara := false
	for i, t := range toks {
		if isParaBreak(t) {
			starts = append(starts, i)
			inPara = false
		} else if !inPara {
			starts = append(starts, i)
			inPara = true
		}
	}
	return starts
}

// unitRange returns the token range of units [from, to) given their
// starts.
func unitRange(starts []int, from, to, n int) (int, int) {
	f, t := n, n
	if from < len(starts) {
		f = starts[from]
	}
	if to < len(starts) {
		t = starts[to]
	}
	return f, max(f, t)
}

// joinUnits returns each unit's text.
func joinUnits(toks []string, starts []int) []string {
	out := make([]string, len(starts))
	for i, s := range starts {
		e := len(toks)
		if i+1 < len(starts) {
			e = starts[i+1]
		}
		out[i] = strings.Join(toks[s:e], "")
	}
	return out
}

// diffUnits runs a diff over two sequences of strings, each string one
// symbol, and calls pair for every pair of equal symbols it keeps, in
// order.
func diffUnits(a, b []string, pair func(i, j int)) {
	// Equal prefix and suffix first: most merges change little.
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pair(pre, pre)
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	ma, mb := a[pre:len(a)-suf], b[pre:len(b)-suf]
	if len(ma) > 0 && len(mb) > 0 {
		ids := map[string]rune{}
		encode := func(s []string) []rune {
			rs := make([]rune, len(s))
			for i, t := range s {
				r, ok := ids[t]
				if !ok {
					r = symbolRune(len(ids))
					ids[t] = r
				}
				rs[i] = r
			}
			return rs
		}
		ra, rb := encode(ma), encode(mb)
		dmp := diffmatchpatch.New()
		dmp.DiffTimeout = 2 * time.Second
		diffs := dmp.DiffMainRunes(ra, rb, false)
		diffs = dmp.DiffCleanupSemantic(diffs)
		i, j := pre, pre
		for _, d := range diffs {
			n := len([]rune(d.Text))
			switch d.Type {
			case diffmatchpatch.DiffEqual:
				for k := 0; k < n; k++ {
					pair(i+k, j+k)
				}
				i, j = i+n, j+n
			case diffmatchpatch.DiffDelete:
				i += n
			case diffmatchpatch.DiffInsert:
				j += n
			}
		}
	}
	for k := suf; k > 0; k-- {
		pair(len(a)-k, len(b)-k)
	}
}

// symbolRune is the stand-in rune of the i-th distinct symbol: valid
// runes only, skipping the surrogate range.
func symbolRune(i int) rune {
	r := rune(i + 1)
	if r >= 0xD800 {
		r += 0x800
	}
	return r
}

// diff3 walks base, mine and theirs together (the diff3 algorithm of
// Khanna, Kunal and Pierce): a stable run is base tokens paired with the
// next tokens of both sides; between stable runs, an unstable chunk is
// classified by which side changed it.
func diff3(b, m, t []string, bm, bt []int) []Hunk {
	var out []Hunk
	add := func(h Hunk) {
		if n := len(out); n > 0 && h.Kind == HunkSame && out[n-1].Kind == HunkSame {
			out[n-1].Base += h.Base
			out[n-1].Mine += h.Mine
			out[n-1].Theirs += h.Theirs
			return
		}
		out = append(out, h)
	}
	ib, im, it := 0, 0, 0
	for ib < len(b) || im < len(m) || it < len(t) {
		k := 0
		for ib+k < len(b) && bm[ib+k] == im+k && bt[ib+k] == it+k {
			k++
		}
		if k > 0 {
			s := strings.Join(b[ib:ib+k], "")
			add(Hunk{Kind: HunkSame, Base: s, Mine: s, Theirs: s})
			ib, im, it = ib+k, im+k, it+k
			continue
		}
		j := ib
		for j < len(b) && (bm[j] < 0 || bt[j] < 0) {
			j++
		}
		em, et := len(m), len(t)
		if j < len(b) {
			em, et = bm[j], bt[j]
		}
		h := Hunk{Base: strings.Join(b[ib:j], ""), Mine: strings.Join(m[im:em], ""), Theirs: strings.Join(t[it:et], "")}
		switch {
		case h.Mine == h.Base && h.Theirs == h.Base:
			h.Kind = HunkSame
		case h.Mine == h.Base:
			h.Kind = HunkTheirs
		case h.Theirs == h.Base:
			h.Kind = HunkMine
		case h.Mine == h.Theirs:
			h.Kind = HunkBoth
		default:
			h.Kind = HunkConflict
		}
		add(h)
		ib, im, it = j, em, et
	}
	return out
}

// coalesceConflicts joins two conflicts that only white space or
// punctuation inside one paragraph separates into one, so that a sentence
// both sides rewrote is one choice rather than a row of fragments.
func coalesceConflicts(hs []Hunk) []Hunk {
	out := hs[:0:0]
	for i := 0; i < len(hs); i++ {
		h := hs[i]
		n := len(out)
		if h.Kind == HunkConflict && n >= 2 && out[n-1].Kind == HunkSame && out[n-2].Kind == HunkConflict && slight(out[n-1].Base) {
			sep := out[n-1].Base
			c := &out[n-2]
			c.Base += sep + h.Base
			c.Mine += sep + h.Mine
			c.Theirs += sep + h.Theirs
			out = out[:n-1]
			continue
		}
		out = append(out, h)
	}
	return out
}

// slight reports whether s has no word, no mark and no paragraph break:
// only spaces and punctuation.
func slight(s string) bool {
	if len(s) > 8 || strings.Count(s, "\n") >= 2 {
		return false
	}
	for _, tok := range WordTokens(s) {
		if IsWordToken(tok) || opener(tok, 0) != "" {
			return false
		}
	}
	return true
}
