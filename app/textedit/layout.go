package textedit

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
	if len(s) == 0 {
		return []line{{0, 0}}
	}
	var lines []line
	lineStart := 0
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
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && s[j] != ' ' {
			j++
		}
		k := j
		for k < len(s) && s[k] == ' ' {
			k++
		}
		w := float32(0)
		if j > i {
			w = measureRun(i, j)
		}
		if i > lineStart && x+w > width {
			lines = append(lines, line{lineStart, i})
			lineStart, x = i, 0
		}
		if i == lineStart && w > width {
			// A word wider than the line: break between clusters.
			for p := i; p < j; {
				g := nextBoundary(s, p)
				gw := measureRun(p, g)
				if p > lineStart && x+gw > width {
					lines = append(lines, line{lineStart, p})
					lineStart, x = p, 0
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
