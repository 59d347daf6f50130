package spell

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Suggestion costs: the lower, the better. The inflection the writer
// meant (ferries for ferrys: an ending put on the right root by the wrong
// rule) is the likeliest, then a REP table match (a known confusion such
// as "f" for "ph"), two letters typed the wrong way round (teh), a key
// next to the intended one, any other single edit, and last two edits.
const (
	costInflect  = 0.3
	costRep      = 0.5
	costSwap     = 0.7
	costAdjacent = 0.8
	costEdit     = 1.0
	costSplit    = 1.5
	costTwo      = 2.0
)

// keyboard is the QWERTY layout, for keys next to each other.
var keyboard = []string{"qwertyuiop", "asdfghjkl", "zxcvbnm"}

// adjacent maps a letter to the letters next to it on the keyboard.
var adjacent = func() map[rune]string {
	m := map[rune]string{}
	for row, keys := range keyboard {
		for col, k := range keys {
			var near []byte
			for dr := -1; dr <= 1; dr++ {
				r := row + dr
				if r < 0 || r >= len(keyboard) {
					continue
				}
				for dc := -1; dc <= 1; dc++ {
					c := col + dc
					if dr == 0 && dc == 0 || c < 0 || c >= len(keyboard[r]) {
						continue
					}
					near = append(near, keyboard[r][c])
				}
			}
			m[k] = string(near)
		}
	}
	return m
}()

// Suggest returns up to max corrections for a misspelled word, best
// first: REP-table replacements, one edit away (keyboard neighbours
// first), then two edits away. Suggestions follow the word's case
// (Capitalised or ALL CAPS).
func (d *Dictionary) Suggest(word string, max int) []string {
	if max <= 0 || word == "" {
		return nil
	}
	word = d.convert(word)
	wc := caseOf(word)
	w := word
	if wc == caseCapital || wc == caseUpper {
		w = strings.ToLower(word)
	}
	best := map[string]float64{}
	consider := func(cand string, cost float64) {
		if cand == "" || cand == w {
			return
		}
		if f, ok := d.words[cand]; !ok || f&(flagForbidden|flagNoSuggest) != 0 {
			if wc == caseLower || !d.Check(capitalize(cand)) {
				return
			}
			cand = capitalize(cand) // a proper noun typed in lower case
			if _, ok := d.words[cand]; !ok {
				return
			}
		}
		if old, ok := best[cand]; !ok || cost < old {
			best[cand] = cost
		}
	}
	for _, p := range d.rep {
		for i := 0; ; {
			j := strings.Index(w[i:], p[0])
			if j < 0 {
				break
			}
			at := i + j
			consider(w[:at]+p[1]+w[at+len(p[0]):], costRep)
			i = at + 1
			if i >= len(w) {
				break
			}
		}
	}
	d.inflections(w, consider)
	rs := []rune(w)
	d.edits1(rs, consider)
	// A missing space: "thetea" → "the tea".
	for i := 1; i+1 < len(rs); i++ {
		a, b := string(rs[:i]), string(rs[i:])
		if len(rs[:i]) > 1 && d.Check(a) && d.Check(b) {
			if _, ok := best[a+" "+b]; !ok {
				best[a+" "+b] = costSplit
			}
		}
	}
	if len(best) < max {
		d.edits2(rs, consider)
	}
	out := make([]string, 0, len(best))
	for s := range best {
		out = append(out, s)
	}
	first, _ := utf8.DecodeRuneInString(w)
	common := make(map[string]int, len(out))
	for _, s := range out {
		common[s] = lcs(rs, s)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if best[a] != best[b] {
			return best[a] < best[b]
		}
		if common[a] != common[b] {
			return common[a] > common[b] // keeps more of what was typed: colour for color
		}
		fa, _ := utf8.DecodeRuneInString(a)
		fb, _ := utf8.DecodeRuneInString(b)
		if (fa == first) != (fb == first) {
			return fa == first
		}
		la, lb := abs(len(a)-len(w)), abs(len(b)-len(w))
		if la != lb {
			return la < lb
		}
		return a < b
	})
	if len(out) > max {
		out = out[:max]
	}
	for i, s := range out {
		switch wc {
		case caseCapital:
			out[i] = capitalize(s)
		case caseUpper:
			out[i] = strings.ToUpper(s)
		}
	}
	return out
}

// inflections offers the forms a writer meant when they put an ending on
// a root by the wrong rule of its class: "ferrys" is ferry with the "s" of
// the plural rule whose condition ferry fails, so the class's rule that
// fits ferry gives "ferries"; "carryed" gives carried, "makeing" making.
// It reads the dictionary's own suffix rules, not a list of endings: for
// every rule whose ending w has, the root is w without the ending (with
// what the rule strips put back); when the root is a word, every other
// rule of the class that applies to it gives a candidate, kept if it is a
// word. The possessive (ferry's) is an ordinary edit and ranks after.
func (d *Dictionary) inflections(w string, consider func(string, float64)) {
	for _, class := range d.suffixes {
		for _, r := range class {
			if r.add == "" || len(r.add) >= len(w) || !strings.HasSuffix(w, r.add) {
				continue
			}
			root := w[:len(w)-len(r.add)] + r.strip
			if f, ok := d.words[root]; !ok || f&(flagForbidden|flagNoSuggest) != 0 {
				continue
			}
			for _, r2 := range class {
				if form, ok := r2.applySuffix(root); ok && form != w && form != root {
					consider(form, costInflect)
				}
			}
		}
	}
}

// edits1 offers every word one edit away: a deleted, swapped, replaced or
// inserted letter (letters from the TRY list).
func (d *Dictionary) edits1(rs []rune, consider func(string, float64)) {
	n := len(rs)
	buf := make([]rune, 0, n+1)
	for i := 0; i < n; i++ {
		buf = append(append(buf[:0], rs[:i]...), rs[i+1:]...)
		consider(string(buf), costEdit)
	}
	for i := 0; i+1 < n; i++ {
		buf = append(buf[:0], rs...)
		buf[i], buf[i+1] = buf[i+1], buf[i]
		consider(string(buf), costSwap)
	}
	for i := 0; i < n; i++ {
		near := adjacent[rs[i]]
		for _, c := range d.try {
			if c == rs[i] {
				continue
			}
			buf = append(buf[:0], rs...)
			buf[i] = c
			cost := costEdit
			if strings.ContainsRune(near, c) {
				cost = costAdjacent
			}
			consider(string(buf), cost)
		}
	}
	for i := 0; i <= n; i++ {
		for _, c := range d.try {
			buf = append(append(append(buf[:0], rs[:i]...), c), rs[i:]...)
			consider(string(buf), costEdit)
		}
	}
}

// edits2 offers the words two edits away, found by a bounded edit
// distance over the words of a similar length that start with the same
// letter (a first letter is seldom the one mistyped).
func (d *Dictionary) edits2(rs []rune, consider func(string, float64)) {
	n := len(rs)
	for l := max(n-2, 1); l <= n+2; l++ {
		for _, cand := range d.byShape[shape{l, rs[0]}] {
			if dist := boundedDistance(rs, cand, 2); dist == 2 {
				consider(cand, costTwo)
			}
		}
	}
}

// boundedDistance is the optimal string alignment distance between a and
// b, or limit+1 as soon as it must exceed limit.
func boundedDistance(a []rune, bs string, limit int) int {
	var bArr [64]rune
	b := bArr[:0]
	for _, r := range bs {
		b = append(b, r)
	}
	if len(b) > 64 || len(a) > 64 || abs(len(a)-len(b)) > limit {
		return limit + 1
	}
	// Three rows of the dynamic programme.
	var r0, r1, r2 [66]int
	prev2, prev, cur := r0[:len(b)+1], r1[:len(b)+1], r2[:len(b)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			c := 1
			if a[i-1] == b[j-1] {
				c = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// lcs is the length of the longest common subsequence of a and b.
func lcs(a []rune, bs string) int {
	b := []rune(bs)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			switch {
			case a[i-1] == b[j-1]:
				cur[j] = prev[j-1] + 1
			case prev[j] >= cur[j-1]:
				cur[j] = prev[j]
			default:
				cur[j] = cur[j-1]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
