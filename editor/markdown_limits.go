package editor

import (
	"strconv"
	"strings"
)

// MaxNesting is how many levels of block quotes and list items the one
// pipeline renders. goldmark's cost grows with the depth of open containers
// on every line (a 2,000-level list took 28 s and 1 GB to export), so
// LimitNesting flattens deeper levels before goldmark sees the body. No
// story needs more than a handful of levels.
const MaxNesting = 32

// NestingNotice is the warning that the preview shows and the CLI prints
// when a body nests deeper than MaxNesting.
var NestingNotice = "The body nests lists or quotes more than " + strconv.Itoa(MaxNesting) +
	" levels deep; the deeper levels are shown flattened. The text itself is kept as written."

// BodyWarnings returns the warnings of rendering body with the one
// pipeline: NestingNotice when the body nests deeper than MaxNesting and
// TableNotice when a table has more than MaxTableRows rows. It scans the
// body and does not parse it.
func BodyWarnings(body string) []string {
	var w []string
	limited, flat := LimitNesting(body)
	if flat {
		w = append(w, NestingNotice)
	}
	if _, cut := LimitTables(limited); cut {
		w = append(w, TableNotice)
	}
	return w
}

// LimitBody applies every input limit of the one pipeline to body: the
// nesting limit, then the table limit.
func LimitBody(body string) string {
	limited, _ := LimitNesting(body)
	limited, _ = LimitTables(limited)
	return limited
}

// LimitNesting returns body with its container nesting limited to
// MaxNesting, and whether anything was flattened. It works line by line on
// the container prefix that opens each line: indentation, block quote
// markers (">") and list markers ("-", "+", "*", "1." and "1)" followed by
// white space). Each marker counts one level and every two columns of
// indentation one level (two columns is the narrowest list item indent,
// so the count never undercounts a list). A line whose prefix counts more
// than MaxNesting levels keeps its first levels, its deeper indentation
// and markers are dropped, and the text after them is kept: deeper list
// items and quotes become siblings at the deepest level rendered. Lines
// within MaxNesting, which is every line of an ordinary story, are
// returned unchanged, so a body that needs no flattening comes back as
// the same string.
//
// The rule is purely per line, so a line of code indented by more than
// 2×MaxNesting columns loses its excess indentation in rendering, too; the
// stored body is never changed.
func LimitNesting(body string) (string, bool) {
	var out *strings.Builder
	done := 0 // bytes of body already copied to out
	for start := 0; start < len(body); {
		end := strings.IndexByte(body[start:], '\n')
		if end < 0 {
			end = len(body)
		} else {
			end += start
		}
		if cut, ok := limitLine(body[start:end]); ok {
			if out == nil {
				out = &strings.Builder{}
				out.Grow(len(body))
			}
			out.WriteString(body[done:start])
			out.WriteString(cut)
			done = end
		}
		start = end + 1
	}
	if out == nil {
		return body, false
	}
	out.WriteString(body[done:])
	return out.String(), true
}

// prefixToken is one piece of a line's container prefix: a run of white
// space of cols columns, or a marker with the one space after it.
type prefixToken struct {
	text   string
	cols   int
	marker bool
}

// limitLine returns line with its prefix limited to MaxNesting levels, and
// true, when the prefix is deeper; otherwise "", false. Levels are counted
// in half levels: a column of indentation is one, a marker two. It
// allocates only for a line it changes.
func limitLine(line string) (string, bool) {
	const budget = 2 * MaxNesting
	// A cheap test first: a line must be long enough to be too deep.
	if len(line) <= MaxNesting {
		return "", false
	}
	cost, markers := 0, 0
	rest := scanPrefix(line, func(t prefixToken) {
		if t.marker {
			cost += 2
			markers++
		} else {
			cost += t.cols
		}
	})
	if cost <= budget {
		return "", false
	}
	var b strings.Builder
	b.Grow(budget + len(rest))
	used := 0
	scanPrefix(line, func(t prefixToken) {
		if t.marker {
			markers--
			if used+2 <= budget {
				b.WriteString(t.text)
				used += 2
			}
			return
		}
		// Keep room for the markers still to come, so that a deep list
		// item stays a list item rather than turning into indented code.
		keep := min(t.cols, max(0, budget-used-2*min(markers, (budget-used)/2)))
		if keep == t.cols {
			b.WriteString(t.text)
		} else {
			b.WriteString(strings.Repeat(" ", keep))
		}
		used += keep
	})
	b.WriteString(rest)
	return b.String(), true
}

// scanPrefix calls f with each token of line's container prefix in order
// and returns the rest of the line.
func scanPrefix(line string, f func(prefixToken)) string {
	i, col := 0, 0
	for i < len(line) {
		if line[i] == ' ' || line[i] == '\t' {
			j, c := i, col
			for j < len(line) && (line[j] == ' ' || line[j] == '\t') {
				if line[j] == '\t' {
					c += 4 - c%4
				} else {
					c++
				}
				j++
			}
			f(prefixToken{text: line[i:j], cols: c - col})
			i, col = j, c
			continue
		}
		n := markerLen(line[i:])
		if n == 0 {
			break
		}
		f(prefixToken{text: line[i : i+n], marker: true})
		i += n
		col += n
	}
	return line[i:]
}

// markerLen returns the length of the block quote or list marker that s
// starts with, with the one space or tab after it, or 0.
func markerLen(s string) int {
	n := 0
	switch {
	case s[0] == '>':
		n = 1
		if n < len(s) && (s[n] == ' ' || s[n] == '\t') {
			n++
		}
		return n
	case s[0] == '-' || s[0] == '+' || s[0] == '*':
		n = 1
	default:
		for n < len(s) && n < 9 && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n == 0 || n == len(s) || (s[n] != '.' && s[n] != ')') {
			return 0
		}
		n++
	}
	switch {
	case n == len(s):
		return n // an empty list item
	case s[n] == ' ' || s[n] == '\t':
		return n + 1
	}
	return 0
}
