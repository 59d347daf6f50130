package editor

import (
	"strconv"
	"strings"
	"testing"

	"github.com/dateline-news/dateline/editor/hostile"
)

func TestLimitTables(t *testing.T) {
	long := hostile.Table(MaxTableRows + 3)
	rows := strings.SplitAfter(long, "\n")
	wantCut := strings.Join(rows[:2+MaxTableRows], "") + "\n" +
		"    " + rows[2+MaxTableRows] + "    " + rows[3+MaxTableRows] + "    " + rows[4+MaxTableRows]
	padding := strings.Repeat("Para.\n\n", MaxTableRows/2)
	cases := []struct {
		name, in, want string
		cut            bool
	}{
		{"short body", "| a | b |\n|---|---|\n| 1 | 2 |\n", "", false},
		{"table at the limit", hostile.Table(MaxTableRows), "", false},
		{"long table", long, wantCut, true},
		{"long table then text", long + "\nAfter.\n", wantCut + "\nAfter.\n", true},
		{"long table without final newline", strings.TrimSuffix(long, "\n"),
			strings.TrimSuffix(wantCut, "\n"), true},
		{"text then long table", padding + long, padding + wantCut, true},
		{"long table in a quote is left alone", quoteAll(long), "", false},
		{"indented code that looks like a table", indentAll(long), "", false},
		{"no delimiter row", strings.Replace(long, "|:--|:-:|--:|", "| x | y | z |", 1), "", false},
		{"blank lines end tables", strings.ReplaceAll(long, " |\n| Berth 1", " |\n\n| Berth 1"), "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, cut := LimitTables(c.in)
			if cut != c.cut {
				t.Fatalf("cut = %v, want %v", cut, c.cut)
			}
			want := c.want
			if !c.cut {
				want = c.in
			}
			if got != want {
				t.Fatalf("got %d bytes, want %d: %s", len(got), len(want), firstDiff(want, got))
			}
		})
	}
}

func quoteAll(s string) string {
	return "> " + strings.ReplaceAll(strings.TrimSuffix(s, "\n"), "\n", "\n> ") + "\n"
}

func indentAll(s string) string {
	return "    " + strings.ReplaceAll(strings.TrimSuffix(s, "\n"), "\n", "\n    ") + "\n"
}

// A long table exports its first MaxTableRows rows as a table and the rest
// as text, in every format, and the export says so.
func TestLongTableExportKeepsEveryRow(t *testing.T) {
	n := MaxTableRows + 50
	a := &Article{Headline: "Berths", Slug: "berths", Body: hostile.Table(n)}
	p := DefaultProfile()
	html, err := Export(FormatHTMLFragment, a, p, RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	h := string(html)
	if got := strings.Count(h, "<tr>") + strings.Count(h, "<tr "); got != MaxTableRows+1 {
		t.Errorf("table rows = %d, want %d (header + %d)", got, MaxTableRows+1, MaxTableRows)
	}
	for _, f := range Formats {
		out, err := Export(f, a, p, RenderOptions{})
		if err != nil {
			t.Fatal(f, err)
		}
		if !strings.Contains(string(out), "Berth "+strconv.Itoa(n)+" ") {
			t.Errorf("%s lost the last row", f)
		}
	}
	if w := ExportWarnings(FormatHTML, a); len(w) != 1 || w[0] != TableNotice {
		t.Errorf("warnings = %q, want the table notice", w)
	}
	pv, err := BuildPreview(a, p, RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(pv.Notices) != 1 || pv.Notices[0] != TableNotice {
		t.Errorf("preview notices = %q", pv.Notices)
	}
}
