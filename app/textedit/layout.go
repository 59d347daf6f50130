package textedit

import "sort"

// line is one wrapped line of a paragraph: bytes [start, end), trailing
// spaces included (they hang past the right edge).
type line struct {
	start, end int
}

// measurer gives the width of a run of text in a style. The view measures
// with fyne.MeasureText behind a cache; tests may count or fake it.
type measurer interface {
	width(s string, st spanStyle, heading int) float32
}

// wrap breaks paragraph s greedily into lines no wider than width: at
// spaces, and inside a word only when the word alone is wider than a line,
// then between grapheme clusters. It never changes the text: the lines
// cover s exactly, in order.
func wrap(s string, ps *paraStyle, width float32, m measurer) []line {
	return wrapFrom(s, ps, width, m, nil, 0, nil)
}

// rewrap wraps s again after an edit inside it, reusing the lines of the
// layout before the edit: the lines before the edited one stay (wrapping
// restarts one line earlier, where a shorter word may now fit), and once a
// new line starts where an old one did, past the edit, the rest are the old
// lines moved by the edit's length. The styles must match outside the
// edit, else it wraps everything again.
func rewrap(s string, ps *paraStyle, width float32, m measurer, pv *prevLayout) []line {
	delta := pv.newLen - pv.oldLen
	editEnd := pv.off + pv.newLen
	if !sameSpansOutside(pv.spans, ps.spans, pv.off, pv.off+pv.oldLen, delta) {
		return wrap(s, ps, width, m)
	}
	// The line holding the edit, then two lines back: a word shortened by
	// the edit may now fit on the line before, and an accent typed after a
	// line's first cluster changes that cluster's width. A line may start
	// inside a long word: wrapping goes on breaking it between clusters.
	k := sort.Search(len(pv.lines), func(k int) bool { return pv.lines[k].start > pv.off }) - 1
	k = max(k-2, 0)
	start := 0
	if k < len(pv.lines) {
		start = pv.lines[k].start
	}
	// stop reports whether a new line starting at newStart meets an old line
	// (past the edit), and remembers which.
	at := -1
	stop := func(newStart int) bool {
		if newStart <= editEnd || newStart == len(s) {
			return false
		}
		old := newStart - delta
		j := sort.Search(len(pv.lines), func(j int) bool { return pv.lines[j].start >= old })
		if j == len(pv.lines) || pv.lines[j].start != old || j == 0 {
			return false
		}
		at = j
		return true
	}
	mid := wrapFrom(s, ps, width, m, nil, start, stop)
	// Assemble head, mid and the moved tail in the old lines' array when it
	// has room: typing in a long paragraph then allocates no lines at all.
	tail := 0
	if at >= 0 {
		tail = len(pv.lines) - at
	}
	n := k + len(mid) + tail
	var out []line
	if n <= cap(pv.lines) {
		out = pv.lines[:max(n, len(pv.lines))]
	} else {
		out = make([]line, n)
		copy(out, pv.lines[:k])
	}
	if tail > 0 {
		copy(out[k+len(mid):n], pv.lines[at:]) // may overlap: copy moves
		for i := k + len(mid); i < n; i++ {
			out[i].start += delta
			out[i].end += delta
		}
	}
	copy(out[k:], mid)
	return out[:n]
}

// sameSpansOutside reports whether the new spans equal the old ones before
// the edit and, moved by delta, after it (old bytes [from, to) edited).
func sameSpansOutside(old, cur []span, from, to, delta int) bool {
	return sameClipped(old, cur, 0, from, 0, 0) && sameClipped(old, cur, to, 1<<62, to+delta, delta)
}

// sameClipped compares old clipped to [a, b) with cur clipped to
// [a2, b+delta) and moved back by delta, without allocating.
func sameClipped(old, cur []span, a, b, a2, delta int) bool {
	i, j := 0, 0
	next := func(sp []span, k, lo, hi, d int) (span, int, bool) {
		for ; k < len(sp); k++ {
			x := sp[k]
			x.from, x.to = max(x.from, lo)-d, min(x.to, hi)-d
			if x.from < x.to {
				return x, k + 1, true
			}
		}
		return span{}, k, false
	}
	for {
		x, ni, okx := next(old, i, a, b, 0)
		y, nj, oky := next(cur, j, a2, b+delta, delta)
		if okx != oky {
			return false
		}
		if !okx {
			return true
		}
		if x != y {
			return false
		}
		i, j = ni, nj
	}
}

// wrapFrom wraps s from byte start on, after the lines head; stop, when
// set, may end the work early before a line that starts at a given offset
// (the caller has the lines from there on).
func wrapFrom(s string, ps *paraStyle, width float32, m measurer, head []line, start int, stop func(int) bool) []line {
	if len(s) == 0 {
		return []line{{0, 0}}
	}
	lines := head
	lineStart := start
	x := float32(0)
	si := 0 // the span the current token starts in
	styleAt := func(i int) spanStyle {
		for si > 0 && ps.spans[si].from > i {
			si--
		}
		for si < len(ps.spans)-1 && ps.spans[si].to <= i {
			si++
		}
		return ps.spans[si].style
	}
	// measureRun adds up the widths of s[a:b] piece by piece, one piece per
	// style span.
	measureRun := func(a, b int) float32 {
		w := float32(0)
		for a < b {
			st := styleAt(a)
			e := min(b, ps.spans[si].to)
			if e <= a {
				e = b
			}
			w += m.width(s[a:e], st, ps.heading)
			a = e
		}
		return w
	}
	// A line that starts inside a word continues breaking that word
	// between clusters, as the wrap that made it did.
	midWord := start > 0 && s[start-1] != ' '
	for i := start; i < len(s); {
		j := i
		for j < len(s) && s[j] != ' ' {
			j++
		}
		k := j
		for k < len(s) && s[k] == ' ' {
			k++
		}
		w := float32(0)
		if j > i && !midWord {
			w = measureRun(i, j)
		}
		if i > lineStart && x+w > width {
			lines = append(lines, line{lineStart, i})
			lineStart, x = i, 0
			if stop != nil && stop(i) {
				return lines
			}
		}
		if midWord || (i == lineStart && w > width) {
			// A word wider than the line: break between clusters.
			midWord = false
			for p := i; p < j; {
				g := nextBoundary(s, p)
				gw := measureRun(p, g)
				if p > lineStart && x+gw > width {
					lines = append(lines, line{lineStart, p})
					lineStart, x = p, 0
					if stop != nil && stop(p) {
						return lines
					}
				}
				x += gw
				p = g
			}
		} else {
			x += w
		}
		if k > j {
			x += measureRun(j, k)
		}
		i = k
	}
	return append(lines, line{lineStart, len(s)})
}
