package editor

import (
	"strings"
	"testing"
)

func TestSingleQuotes(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"He said it was 'enough' for now.", "He said it was ‘enough’ for now."},
		{"He said it was 'enough'", "He said it was ‘enough’"},
		{"'never' again", "‘never’ again"},
		{"talks 'not over'", "talks ‘not over’"},
		{"the 'left' wing ('limited')", "the ‘left’ wing (‘limited’)"},
		{"\"'Enough,' he said\"", "“‘Enough,’ he said”"},
		{"rock 'n' roll in the '90s", "rock ’n’ roll in the ’90s"},
		{"'Tis the season, 'twas the night", "’Tis the season, ’twas the night"},
		{"don't, it's, the Smiths' car", "don’t, it’s, the Smiths’ car"},
		{"a 'b' c", "a ‘b’ c"},
		{"'Quote,' he said, 'is *the* end.'", "‘Quote,’ he said, ‘is the end.’"},
		{"`'code'` stays 'straight'", "'code' stays ‘straight’"},
	} {
		got := strings.Join(WireBodyLines(&Article{Body: tt.in}, DashEn), "\n")
		if got != tt.want {
			t.Errorf("%q\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestTypeset(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Union says talks 'not over'", "Union says talks ‘not over’"},
		{"\"Final offer\" -- or not", "“Final offer” – or not"},
		{"Port reopens --- for now...", "Port reopens — for now…"},
		{"*Not* emphasis, [not](a link), <b>not</b> HTML & ~~kept~~ #1", "*Not* emphasis, [not](a link), <b>not</b> HTML & ~~kept~~ #1"},
		{"1. Not a list", "1. Not a list"},
		{"# Not a heading", "# Not a heading"},
		{"> not a quote", "> not a quote"},
		{"  spaces\n  collapse  ", "spaces collapse"},
		{"", ""},
	} {
		if got := Typeset(tt.in); got != tt.want {
			t.Errorf("Typeset(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := Typeset(Typeset(tt.in)); got != Typeset(tt.in) {
			t.Errorf("Typeset is not idempotent on %q: %q", tt.in, got)
		}
	}
}

func TestHeadlineTypesetInEveryFormat(t *testing.T) {
	a := publishedStory()
	a.Headline, a.Deck = "Union says talks 'not over' -- yet", "\"We wait\" ... they said"
	for _, f := range Formats {
		out, err := Export(f, a, siteProfile(), RenderOptions{})
		if err != nil {
			t.Fatal(err)
		}
		s := string(out)
		if f == FormatMarkdown {
			if !strings.Contains(s, "talks 'not over' -- yet") {
				t.Errorf("markdown: the headline is not kept as written")
			}
			continue
		}
		if !strings.Contains(s, "talks ‘not over’ – yet") || !strings.Contains(s, "“We wait” … they said") {
			t.Errorf("%s: headline or deck not typeset:\n%s", f, s)
		}
		if strings.Contains(s, "'not over'") || strings.Contains(s, "-- yet") {
			t.Errorf("%s: a straight quote or double hyphen remains", f)
		}
	}
	pv, err := BuildPreview(a, siteProfile(), RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(pv.PlainText(), "talks ‘not over’ – yet") {
		t.Errorf("preview headline not typeset")
	}
}

func TestWireDropsStrikethrough(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Ministers vote to abolish ~~reduce~~ inspection stops.", "Ministers vote to abolish inspection stops."},
		{"~~Old~~ New lead.", "New lead."},
		{"Ends here ~~not~~", "Ends here"},
		{"A *very ~~bad~~ good* day.", "A very good day."},
	} {
		got := strings.Join(WireBodyLines(&Article{Body: tt.in}, DashEn), "\n")
		if got != tt.want {
			t.Errorf("%q → %q, want %q", tt.in, got, tt.want)
		}
	}
}
