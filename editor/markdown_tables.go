package editor

import (
	"strconv"
	"strings"
)

// MaxTableRows is how many body rows of one table the pipeline renders as
// a table. goldmark keeps about 2 KB of nodes per table row, so a
// 50,000-row table took 160 MB to export; LimitTables shows the rows past
// the limit as plain text instead. No story's table comes near it.
const MaxTableRows = 2000

// TableNotice is the warning that the preview shows and the CLI prints
// when a table has more than MaxTableRows rows.
var TableNotice = "The body has a table of more than " + strconv.Itoa(MaxTableRows) +
	" rows; the rows after the first " + strconv.Itoa(MaxTableRows) +
	" are shown as plain text. The text itself is kept as written."

// LimitTables returns body with each table cut to MaxTableRows body rows,
// and whether any was cut. The rows past the limit follow the table as an
// indented code block, so they are still shown, character for character,
// at the cost of a few bytes each. It works line by line: a table starts at
// a line with a "|" followed by a delimiter row ("|---|:-:|"), both
// outside containers and indented less than four columns, and its rows are
// the lines after them that are not blank and hold a "|". Bodies without a
// long table, which is every ordinary story, come back as the same string.
func LimitTables(body string) (string, bool) {
	if strings.Count(body, "\n") <= MaxTableRows {
		return body, false // too short to hold a long table
	}
	lines := strings.SplitAfter(body, "\n")
	var out *strings.Builder
	done := 0 // lines already copied to out
	for i := 0; i+1 < len(lines); i++ {
		if !tableHeader(lines[i]) || !tableDelimiter(lines[i+1]) {
			continue
		}
		first := i + 2 // first body row
		end := first
		for end < len(lines) && tableRow(lines[end]) {
			end++
		}
		if end-first <= MaxTableRows {
			i = end - 1
			continue
		}
		if out == nil {
			out = &strings.Builder{}
			out.Grow(len(body) + 4*(end-first))
		}
		cut := first + MaxTableRows
		for _, l := range lines[done:cut] {
			out.WriteString(l)
		}
		if !strings.HasSuffix(lines[cut-1], "\n") {
			out.WriteByte('\n')
		}
		out.WriteByte('\n') // ends the table; the code block follows
		for _, l := range lines[cut:end] {
			out.WriteString("    ")
			out.WriteString(l)
		}
		if end < len(lines) && !strings.HasSuffix(lines[end-1], "\n") {
			out.WriteByte('\n')
		}
		done = end
		i = end - 1
	}
	if out == nil {
		return body, false
	}
	for _, l := range lines[done:] {
		out.WriteString(l)
	}
	return out.String(), true
}

// tableIndentOK reports whether line opens at the top level: indented less
// than four columns (more would be code) and not in a block quote.
func tableIndentOK(line string) (string, bool) {
	t := strings.TrimLeft(line, " ")
	if len(line)-len(t) >= 4 || strings.HasPrefix(t, "\t") || strings.HasPrefix(t, ">") {
		return "", false
	}
	return strings.TrimRight(t, " \t\r\n"), true
}

func tableHeader(line string) bool {
	t, ok := tableIndentOK(line)
	return ok && strings.Contains(t, "|")
}

func tableRow(line string) bool {
	t := strings.TrimRight(line, " \t\r\n")
	return t != "" && strings.Contains(t, "|")
}

// tableDelimiter reports whether line is a GFM delimiter row: cells of
// dashes with optional colons, separated by "|".
func tableDelimiter(line string) bool {
	t, ok := tableIndentOK(line)
	if !ok || t == "" || !strings.ContainsAny(t, "|-") {
		return false
	}
	t = strings.TrimPrefix(strings.TrimSuffix(t, "|"), "|")
	cells := strings.Split(t, "|")
	for _, c := range cells {
		c = strings.TrimSpace(c)
		c = strings.TrimPrefix(strings.TrimSuffix(c, ":"), ":")
		if c == "" || strings.Trim(c, "-") != "" {
			return false
		}
	}
	return len(cells) > 1 || strings.Contains(line, "|")
}
