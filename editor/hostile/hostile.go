// Package hostile builds the Markdown bodies that once froze Dateline: deep
// nesting, huge paragraphs, unclosed HTML comments, one-megabyte lines and
// tables of tens of thousands of rows. Tests and benchmarks of editor (the
// pipeline, BuildPreview, every export) and app (the preview widget) share
// them, so that all of them are tried on the same inputs. Scripts
// (scripts.go) lists the bodies that try to smuggle script or dangerous
// links instead.
package hostile

import (
	"strconv"
	"strings"
)

// Body is one hostile Markdown body with a name for subtests.
type Body struct {
	// Name names the body in test and benchmark output.
	Name string
	// Text is the Markdown.
	Text string
	// Deep is set when the body nests deeper than the pipeline's limit, so
	// that rendering it must report flattening.
	Deep bool
}

// NestedList is a bullet list nested levels deep, each level indented two
// spaces more than the one before: about 4 MB at 2,000 levels.
func NestedList(levels int) string {
	var b strings.Builder
	for i := range levels {
		b.WriteString(strings.Repeat("  ", i))
		b.WriteString("- level ")
		b.WriteString(strconv.Itoa(i + 1))
		b.WriteByte('\n')
	}
	return b.String()
}

// NestedQuote is a block quote nested levels deep on one line, followed by
// a line at every depth on the way down.
func NestedQuote(levels int) string {
	var b strings.Builder
	for i := range levels {
		b.WriteString(strings.Repeat("> ", i+1))
		b.WriteString("quote ")
		b.WriteString(strconv.Itoa(i + 1))
		b.WriteString("\n")
	}
	return b.String()
}

// NestedMixed nests ordered lists inside block quotes inside bullets,
// levels deep, all on one line.
func NestedMixed(levels int) string {
	markers := []string{"- ", "> ", "1. "}
	var b strings.Builder
	for i := range levels {
		b.WriteString(markers[i%len(markers)])
	}
	b.WriteString("bottom\n")
	return b.String()
}

// HardWrappedParagraph is one paragraph of lines hard-wrapped lines of
// plain text: every line ending is a soft break, so a builder that merges
// the runs of one style sees 2×lines runs in a row.
func HardWrappedParagraph(lines int) string {
	var b strings.Builder
	for i := range lines {
		b.WriteString("water rose along the quay on line ")
		b.WriteString(strconv.Itoa(i + 1))
		b.WriteByte('\n')
	}
	return b.String()
}

// UnclosedComments is one paragraph of n HTML comment openers that never
// close, with words between them.
func UnclosedComments(n int) string {
	return strings.Repeat("a <!-- b ", n) + "\n"
}

// LongLine is a paragraph of about size bytes on a single line.
func LongLine(size int) string {
	const words = "Floodwaters rose across the delta overnight, and the port said cargo would wait. "
	return strings.Repeat(words, size/len(words)+1)[:size] + "\n"
}

// LongParagraph is a single paragraph of about words words with some
// emphasis and links, soft-wrapped every twelve words.
func LongParagraph(words int) string {
	var b strings.Builder
	for i := range words {
		switch {
		case i%97 == 50:
			b.WriteString("[harbour](https://example.com/h)")
		case i%31 == 10:
			b.WriteString("**levy**")
		default:
			b.WriteString("word")
			b.WriteString(strconv.Itoa(i % 1000))
		}
		if i%12 == 11 {
			b.WriteByte('\n')
		} else {
			b.WriteByte(' ')
		}
	}
	b.WriteString("end.\n")
	return b.String()
}

// Table is a GFM table of rows body rows and three columns.
func Table(rows int) string {
	var b strings.Builder
	b.WriteString("| Port | Ships | Tonnes |\n|:--|:-:|--:|\n")
	for i := range rows {
		b.WriteString("| Berth ")
		b.WriteString(strconv.Itoa(i + 1))
		b.WriteString(" | ")
		b.WriteString(strconv.Itoa(i % 17))
		b.WriteString(" | ")
		b.WriteString(strconv.Itoa(i * 37 % 100000))
		b.WriteString(" |\n")
	}
	return b.String()
}

// Bodies is the hostile corpus at the sizes of issues 7 and 8.
func Bodies() []Body {
	return []Body{
		{Name: "nested-list-2000", Text: NestedList(2000), Deep: true},
		{Name: "nested-quote-2000", Text: NestedQuote(2000), Deep: true},
		{Name: "nested-mixed-2000", Text: NestedMixed(2000), Deep: true},
		{Name: "hard-wrapped-10000-lines", Text: HardWrappedParagraph(10000)},
		{Name: "unclosed-comments-20000", Text: UnclosedComments(20000)},
		{Name: "one-line-1MB", Text: LongLine(1 << 20)},
		{Name: "paragraph-4000-words", Text: LongParagraph(4000)},
		{Name: "table-50000-rows", Text: Table(50000)},
	}
}
