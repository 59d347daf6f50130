package textedit

import "sort"

// DecorationKind names a kind of decoration: search matches, spelling, a
// style finding. The view draws each kind in the style given for it.
type DecorationKind string

// Decoration kinds the editor itself uses.
const (
	// KindSearchMatch marks every match of the find bar's query.
	KindSearchMatch DecorationKind = "search"
	// KindSearchCurrent marks the match the find bar is on.
	KindSearchCurrent DecorationKind = "search-current"
	// KindSpelling marks misspelled words (a wavy underline).
	KindSpelling DecorationKind = "spelling"
	// KindStyle marks style findings (a wavy underline in another colour).
	KindStyle DecorationKind = "style"
)

// decorations holds ranges by kind. They follow edits: text inserted
// before a range shifts it, inside it grows it, at its end leaves it
// alone; deleted text shrinks it, and a range left empty is dropped.
type decorations struct {
	byKind map[DecorationKind][]Range
}

// follow moves every range through the edit that replaced r with text
// ending at end.
func (d *decorations) follow(r Range, end Pos) {
	for k, rs := range d.byKind {
		out := rs[:0]
		for _, x := range rs {
			from := mapStart(x.From, r, end)
			to := mapEnd(x.To, r, end)
			if from.Less(to) {
				out = append(out, Range{from, to})
			}
		}
		d.byKind[k] = out
	}
}

// shift moves a position at or after the edited range's end by the edit.
func shift(p Pos, r Range, end Pos) Pos {
	if p.Para == r.To.Para {
		return Pos{end.Para, end.Off + p.Off - r.To.Off}
	}
	return Pos{p.Para + end.Para - r.To.Para, p.Off}
}

// mapStart maps a range's start: text inserted where it starts goes
// before it.
func mapStart(p Pos, r Range, end Pos) Pos {
	switch {
	case p.Less(r.From):
		return p
	case !r.To.Less(p) && p != r.To:
		return end
	}
	return shift(p, r, end)
}

// mapEnd maps a range's end: text inserted where it ends stays outside.
func mapEnd(p Pos, r Range, end Pos) Pos {
	switch {
	case !r.From.Less(p):
		return p
	case !r.To.Less(p):
		return r.From
	}
	return shift(p, r, end)
}

// SetDecorations replaces the ranges of one kind (ranges are clamped to the
// document; empty ones are dropped).
func (m *Model) SetDecorations(kind DecorationKind, ranges []Range) {
	if m.decos.byKind == nil {
		m.decos.byKind = map[DecorationKind][]Range{}
	}
	out := make([]Range, 0, len(ranges))
	for _, r := range ranges {
		r = Range{m.Clamp(r.From), m.Clamp(r.To)}
		if r.To.Less(r.From) {
			r = Range{r.To, r.From}
		}
		if !r.Empty() {
			out = append(out, r)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].From.Less(out[j].From) })
	if len(out) == 0 {
		delete(m.decos.byKind, kind)
		return
	}
	m.decos.byKind[kind] = out
}

// Decorations returns the ranges of one kind, in document order.
func (m *Model) Decorations(kind DecorationKind) []Range {
	return append([]Range(nil), m.decos.byKind[kind]...)
}

// decorationsIn calls f for every decoration that touches paragraphs
// [from, to].
func (m *Model) decorationsIn(from, to int, f func(DecorationKind, Range)) {
	for k, rs := range m.decos.byKind {
		i := sort.Search(len(rs), func(i int) bool { return rs[i].To.Para >= from })
		for ; i < len(rs) && rs[i].From.Para <= to; i++ {
			f(k, rs[i])
		}
	}
}
