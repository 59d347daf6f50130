package textedit

import (
	"fmt"
	"strings"
	"testing"
)

// typeText types s into m one rune at a time, as keys do.
func typeText(m *Model, s string) {
	for _, r := range s {
		if r == '\n' {
			m.ReplaceSelection("\n", EditNewline)
			continue
		}
		m.ReplaceSelection(string(r), EditTyping)
	}
}

func TestNormalizeLineEndings(t *testing.T) {
	m := NewModel("a\r\nb\rc\n")
	if got, want := m.Text(), "a\nb\nc\n"; got != want {
		t.Errorf("Text() = %q, want %q", got, want)
	}
	if m.Len() != 4 {
		t.Errorf("%d paragraphs, want 4", m.Len())
	}
	m.SetCaret(m.End(), false)
	m.ReplaceSelection("x\r\ny", EditPaste)
	if got, want := m.Text(), "a\nb\nc\nx\ny"; got != want {
		t.Errorf("after a CRLF paste Text() = %q, want %q", got, want)
	}
}

func TestUndoGroupsWordsOfTyping(t *testing.T) {
	m := NewModel("")
	typeText(m, "Dockworkers voted to")
	for _, want := range []string{"Dockworkers voted ", "Dockworkers ", ""} {
		if !m.Undo() {
			t.Fatal("nothing to undo")
		}
		if got := m.Text(); got != want {
			t.Fatalf("after undo %q, want %q", got, want)
		}
	}
	if m.Undo() {
		t.Error("undo past the start")
	}
	for _, want := range []string{"Dockworkers ", "Dockworkers voted ", "Dockworkers voted to"} {
		m.Redo()
		if got := m.Text(); got != want {
			t.Fatalf("after redo %q, want %q", got, want)
		}
	}
}

func TestUndoCaretMoveStartsNewStep(t *testing.T) {
	m := NewModel("")
	typeText(m, "ab")
	m.SetCaret(Pos{0, 1}, false)
	typeText(m, "X")
	m.Undo()
	if got := m.Text(); got != "ab" {
		t.Fatalf("undo after a caret move gave %q, want %q", got, "ab")
	}
	if c := m.Selection().Caret; c != (Pos{0, 1}) {
		t.Errorf("caret after undo at %+v, want {0 1}", c)
	}
}

func TestUndoBackspaceRunAndParagraphs(t *testing.T) {
	m := NewModel("")
	typeText(m, "ab\ncd")
	if m.Len() != 2 {
		t.Fatalf("%d paragraphs, want 2", m.Len())
	}
	// Join the paragraphs with backspaces: one step.
	m.SetCaret(Pos{1, 1}, false)
	m.DeleteBackward()
	m.DeleteBackward()
	m.DeleteBackward()
	if got := m.Text(); got != "ad" {
		t.Fatalf("after three backspaces %q, want %q", got, "ad")
	}
	m.Undo()
	if got := m.Text(); got != "ab\ncd" {
		t.Fatalf("undo of the backspaces gave %q, want %q", got, "ab\ncd")
	}
	if c := m.Selection().Caret; c != (Pos{1, 1}) {
		t.Errorf("caret after undo at %+v, want {1 1}", c)
	}
	// The line break was a step of its own.
	m.SetCaret(m.End(), false)
	m.Undo() // "cd"
	m.Undo() // the line break
	if got := m.Text(); got != "ab" {
		t.Fatalf("after undoing the typing and the line break %q, want %q", got, "ab")
	}
	m.Redo()
	m.Redo()
	if got := m.Text(); got != "ab\ncd" {
		t.Fatalf("redo gave %q", got)
	}
}

func TestUndoPasteIsOneStep(t *testing.T) {
	m := NewModel("")
	typeText(m, "one ")
	m.ReplaceSelection("pasted\r\ntext here", EditPaste)
	typeText(m, "x")
	m.Undo()
	m.Undo()
	if got := m.Text(); got != "one " {
		t.Fatalf("after undoing typing and the paste %q, want %q", got, "one ")
	}
}

func TestGraphemeSafeCaret(t *testing.T) {
	for _, tc := range []struct {
		text  string
		stops []int // every caret stop from the start, NextGrapheme by NextGrapheme
	}{
		{"a👍🏽b", []int{0, 1, 9, 10}},
		{"e\u0301t\u0301", []int{0, 3, 6}},
		{"🇰🇪🇬🇧", []int{0, 8, 16}},
		{"日本語", []int{0, 3, 6, 9}},
		{"👩\u200d👩\u200d👧x", []int{0, 18, 19}},
		{"שלום", []int{0, 2, 4, 6, 8}},
		{"“q”", []int{0, 3, 4, 7}},
	} {
		m := NewModel(tc.text)
		p := Pos{}
		var got []int
		for {
			got = append(got, p.Off)
			n := m.NextGrapheme(p)
			if n == p {
				break
			}
			p = n
		}
		if fmt.Sprint(got) != fmt.Sprint(tc.stops) {
			t.Errorf("%q: stops %v, want %v", tc.text, got, tc.stops)
		}
		// Back again.
		for i := len(tc.stops) - 1; i > 0; i-- {
			if q := m.PrevGrapheme(Pos{0, tc.stops[i]}); q.Off != tc.stops[i-1] {
				t.Errorf("%q: PrevGrapheme(%d) = %d, want %d", tc.text, tc.stops[i], q.Off, tc.stops[i-1])
			}
		}
		// Any offset clamps to the start of its cluster.
		for off := 0; off <= len(tc.text); off++ {
			c := m.Clamp(Pos{0, off}).Off
			want := 0
			for _, s := range tc.stops {
				if s <= off {
					want = s
				}
			}
			if c != want {
				t.Errorf("%q: Clamp(%d) = %d, want %d", tc.text, off, c, want)
			}
		}
		// Backspace at the end removes whole clusters only.
		m.SetCaret(m.End(), false)
		for i := len(tc.stops) - 2; i >= 0; i-- {
			m.DeleteBackward()
			if got, want := m.Text(), tc.text[:tc.stops[i]]; got != want {
				t.Errorf("%q: backspace left %q, want %q", tc.text, got, want)
			}
		}
	}
}

func TestWordMoves(t *testing.T) {
	m := NewModel("Port strike, day two.\nNext")
	var stops []Pos
	for p := (Pos{}); ; {
		n := m.NextWord(p)
		if n == p {
			break
		}
		stops = append(stops, n)
		p = n
	}
	want := []Pos{{0, 4}, {0, 11}, {0, 16}, {0, 20}, {0, 21}, {1, 0}, {1, 4}}
	if fmt.Sprint(stops) != fmt.Sprint(want) {
		t.Errorf("NextWord stops %v, want %v", stops, want)
	}
	var back []Pos
	for p := m.End(); ; {
		n := m.PrevWord(p)
		if n == p {
			break
		}
		back = append(back, n)
		p = n
	}
	wantBack := []Pos{{1, 0}, {0, 21}, {0, 17}, {0, 13}, {0, 5}, {0, 0}}
	if fmt.Sprint(back) != fmt.Sprint(wantBack) {
		t.Errorf("PrevWord stops %v, want %v", back, wantBack)
	}
	if r := m.WordRange(Pos{0, 7}); m.Slice(r) != "strike" {
		t.Errorf("WordRange at 7 = %q, want strike", m.Slice(r))
	}
	if r := m.ParagraphRange(1); m.Slice(r) != "Next" {
		t.Errorf("ParagraphRange(1) = %q", m.Slice(r))
	}
}

func TestFindOptions(t *testing.T) {
	m := NewModel("Port ports PORT support\nport: Port.")
	count := func(q string, o FindOptions) int {
		f, err := NewFinder(q, o)
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		return len(m.FindAll(f))
	}
	for _, tc := range []struct {
		q    string
		o    FindOptions
		want int
	}{
		{"port", FindOptions{}, 6},
		{"port", FindOptions{MatchCase: true}, 3},
		{"port", FindOptions{WholeWord: true}, 4},
		{"Port", FindOptions{WholeWord: true, MatchCase: true}, 2},
		{`[Pp]orts?\b`, FindOptions{Regexp: true, MatchCase: true}, 5},
		{"port.", FindOptions{}, 1},
		{"port.", FindOptions{Regexp: true}, 5},
		{`x*`, FindOptions{Regexp: true}, 0},
	} {
		if got := count(tc.q, tc.o); got != tc.want {
			t.Errorf("%q %+v: %d matches, want %d", tc.q, tc.o, got, tc.want)
		}
	}
	if _, err := NewFinder("(", FindOptions{Regexp: true}); err == nil || !strings.Contains(err.Error(), "regular expression") {
		t.Errorf("a bad regexp gave %v", err)
	}
	if _, err := NewFinder("", FindOptions{}); err == nil {
		t.Error("an empty query gave no error")
	}
}

func TestReplaceAllIsOneStep(t *testing.T) {
	const text = "Port ports PORT\nport: Port."
	m := NewModel(text)
	f, _ := NewFinder("port", FindOptions{WholeWord: true})
	if n := m.ReplaceAll(f, "harbour"); n != 4 {
		t.Fatalf("replaced %d, want 4", n)
	}
	if got, want := m.Text(), "harbour ports harbour\nharbour: harbour."; got != want {
		t.Fatalf("after replace-all %q, want %q", got, want)
	}
	m.Undo()
	if got := m.Text(); got != text {
		t.Fatalf("one undo gave %q, want %q", got, text)
	}
	m.Redo()
	// Expansion and a replacement with a line break.
	f, _ = NewFinder(`(\w+): (\w+)`, FindOptions{Regexp: true})
	m.ReplaceAll(f, "$2\r\n$1")
	if got, want := m.Text(), "harbour ports harbour\nharbour\nharbour."; got != want {
		t.Fatalf("after a regexp replace %q, want %q", got, want)
	}
	// Replace one: only a real match.
	f, _ = NewFinder("ports", FindOptions{})
	if m.ReplaceMatch(f, Range{Pos{0, 0}, Pos{0, 7}}, "x") {
		t.Error("ReplaceMatch replaced a range that is not a match")
	}
	if !m.ReplaceMatch(f, Range{Pos{0, 8}, Pos{0, 13}}, "docks") || !strings.HasPrefix(m.Text(), "harbour docks harbour") {
		t.Errorf("ReplaceMatch gave %q", m.Text())
	}
	if got := m.SelectedText(); got != "docks" {
		t.Errorf("the replacement is not selected: %q", got)
	}
}

func TestDecorationsFollowEdits(t *testing.T) {
	// "strike" is decorated at bytes [5, 11) of "Port strike ends".
	set := func() *Model {
		m := NewModel("Port strike ends")
		m.SetDecorations(KindSearchMatch, []Range{{Pos{0, 5}, Pos{0, 11}}})
		return m
	}
	deco := func(m *Model) string {
		var out []string
		for _, r := range m.Decorations(KindSearchMatch) {
			out = append(out, m.Slice(r))
		}
		return strings.Join(out, "|")
	}
	for _, tc := range []struct {
		name string
		edit func(m *Model)
		want string
	}{
		{"insert before shifts", func(m *Model) { m.Replace(Range{Pos{0, 0}, Pos{0, 0}}, "The ", EditOther) }, "strike"},
		{"insert at start stays outside", func(m *Model) { m.Replace(Range{Pos{0, 5}, Pos{0, 5}}, "big ", EditOther) }, "strike"},
		{"insert inside grows", func(m *Model) { m.Replace(Range{Pos{0, 8}, Pos{0, 8}}, "--", EditOther) }, "str--ike"},
		{"insert at end stays outside", func(m *Model) { m.Replace(Range{Pos{0, 11}, Pos{0, 11}}, "s", EditOther) }, "strike"},
		{"insert after", func(m *Model) { m.Replace(Range{Pos{0, 16}, Pos{0, 16}}, "!", EditOther) }, "strike"},
		{"delete overlapping start shrinks", func(m *Model) { m.Replace(Range{Pos{0, 3}, Pos{0, 8}}, "", EditOther) }, "ike"},
		{"delete overlapping end shrinks", func(m *Model) { m.Replace(Range{Pos{0, 9}, Pos{0, 14}}, "", EditOther) }, "stri"},
		{"delete all removes", func(m *Model) { m.Replace(Range{Pos{0, 4}, Pos{0, 12}}, "", EditOther) }, ""},
		{"line break inside grows across paragraphs", func(m *Model) { m.Replace(Range{Pos{0, 8}, Pos{0, 8}}, "\n", EditOther) }, "str\nike"},
		{"line break before moves to the next paragraph", func(m *Model) { m.Replace(Range{Pos{0, 4}, Pos{0, 5}}, "\n", EditOther) }, "strike"},
	} {
		m := set()
		tc.edit(m)
		if got := deco(m); got != tc.want {
			t.Errorf("%s: decorated %q, want %q (text %q)", tc.name, got, tc.want, m.Text())
		}
	}
	// Undo moves them too.
	m := set()
	m.Replace(Range{Pos{0, 0}, Pos{0, 0}}, "Big\n", EditOther)
	m.Undo()
	if got := deco(m); got != "strike" {
		t.Errorf("after undo decorated %q", got)
	}
}

func TestMarkdownStyle(t *testing.T) {
	for _, tc := range []struct {
		line    string
		heading int
		indent  int
		styled  map[string]spanStyle // a piece of the line and the style it has
	}{
		{"# Port strike ends", 1, 0, map[string]spanStyle{"Port": styleBold}},
		{"### Three", 3, 0, nil},
		{"#hashtag", 0, 0, map[string]spanStyle{"hashtag": 0}},
		{"> quoted words", 0, 1, nil},
		{"> > deeper", 0, 2, nil},
		{"- item with **strong** text", 0, 1, map[string]spanStyle{"strong": styleBold, "item": 0}},
		{"12. numbered", 0, 1, nil},
		{"some *emphasis* and `code`", 0, 0, map[string]spanStyle{"emphasis": styleItalic, "code": styleMono, "some": 0}},
		{"see [the report](https://example.com) now", 0, 0, map[string]spanStyle{"https": styleDim, "report": 0, "now": 0}},
		{"snake_case_name and 2*3*4", 0, 0, map[string]spanStyle{"case": 0}},
	} {
		st := markdownStyle(tc.line)
		if st.heading != tc.heading || st.indent != tc.indent {
			t.Errorf("%q: heading %d indent %d, want %d %d", tc.line, st.heading, st.indent, tc.heading, tc.indent)
		}
		// The spans cover the line exactly.
		next := 0
		for _, sp := range st.spans {
			if sp.from != next {
				t.Fatalf("%q: spans %v leave a gap", tc.line, st.spans)
			}
			next = sp.to
		}
		if next != len(tc.line) {
			t.Fatalf("%q: spans %v end at %d", tc.line, st.spans, next)
		}
		for piece, want := range tc.styled {
			at := strings.Index(tc.line, piece)
			for _, sp := range st.spans {
				if sp.from <= at && at < sp.to && sp.style != want {
					t.Errorf("%q: %q styled %b, want %b", tc.line, piece, sp.style, want)
				}
			}
		}
	}
}

// TestMarkdownStyleLinear styles a long paragraph full of unmatched
// delimiters: each one looks only so far for its partner.
func TestMarkdownStyleLinear(t *testing.T) {
	line := strings.Repeat("*a _b **c `d [e](", 20000)
	st := markdownStyle(line)
	if st.spans[len(st.spans)-1].to != len(line) {
		t.Fatal("spans do not cover the line")
	}
}
