package style

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/dateline-news/dateline/editor"
	"github.com/dateline-news/dateline/editor/spell"
)

var update = flag.Bool("update", false, "rewrite the golden lint report")

// lintText lints a body with the default profile.
func lintText(t *testing.T, body string, cfg ...func(*Config)) []Finding {
	t.Helper()
	a, c := exampleArticle(t, Example{Body: body})
	for _, f := range cfg {
		f(&c)
	}
	return Lint(a, c)
}

// TestRuleTables shows each text rule firing and not firing, with what it
// wants in place of the text it found.
func TestRuleTables(t *testing.T) {
	type tc struct {
		body string
		text string // "" means the rule must not fire
		want string
	}
	tables := map[string][]tc{
		"month-abbrev": {
			{"Talks end on September 30.", "September 30", "Sept. 30"},
			{"Talks end on Dec 4.", "Dec 4", "Dec. 4"},
			{"Talks end on Jul. 4.", "Jul. 4", "July 4"},
			{"Talks end on Sept. 30.", "", ""},
			{"Talks end on May 30.", "", ""},
			{"Talks end in December.", "", ""},
		},
		"month-alone": {
			{"Talks end in Dec. 2027.", "Dec.", "December"},
			{"Talks end Dec. 4, 2027.", "", ""},
		},
		"date-ordinal": {
			{"Talks end on June 30th.", "June 30th", "June 30"},
			{"Talks end on June 30.", "", ""},
		},
		"number-spell-out": {
			{"Only 4 growers came.", "4", "four"},
			{"Only four growers came.", "", ""},
			{"Prices fell 4% this week.", "", ""},
			{"The 4-year-old plant died.", "", ""},
			{"It costs $4 now.", "", ""},
			{"The score was 4-2.", "", ""},
			{"At 4 p.m. they left.", "", ""},
			{"It grew 2.5 percent.", "", ""},
			{"Chapter 4 is short.", "", ""},
			{"Only 14 growers came.", "", ""},
		},
		"number-figures": {
			{"Only fourteen growers came.", "fourteen", "14"},
			{"Only forty-two growers came.", "forty-two", "42"},
			{"Fourteen growers came.", "", ""},
			{"Only nine growers came.", "", ""},
			{"They often came.", "", ""},
		},
		"sentence-figure-start": {
			{"14 growers came.", "14", ""},
			{"It rained. 3,000 growers came.", "3,000", ""},
			{"1998 was wetter.", "", ""},
			{"Mr. Haddad said 14 came.", "", ""},
			{"1\\. First demand: staffing.", "", ""},
			{"2\\) Second demand: safety.", "", ""},
			{"3.5 tonnes were lost.", "3.5", ""},
		},
		"percent": {
			{"Prices fell 12 percent.", "12 percent", "12%"},
			{"Prices fell 2.5 per cent.", "2.5 per cent", "2.5%"},
			{"Prices fell 12 %.", "12 %", "12%"},
			{"Prices fell Three percent.", "Three percent", "3%"},
			{"Prices fell 12%.", "", ""},
		},
		"time-ampm": {
			{"It opens at 9am.", "9am", "9 a.m."},
			{"It opens at 9 PM sharp.", "9 PM", "9 p.m."},
			{"It opens at 9:00 a.m. sharp.", "9:00 a.m.", "9 a.m."},
			{"It opens at 9:30 a.m. sharp.", "", ""},
			{"It opens at 9 a.m.", "", ""},
			{"It opens at 9 amid rain.", "", ""},
		},
		"said": {
			{"“It is thin,” she exclaimed.", "exclaimed", "said"},
			{"The report noted that prices fell.", "noted", "said"},
			{"The minister declared a drought.", "", ""},
			{"“It is thin,” she said.", "", ""},
		},
		"quote-attribution": {
			{"“We have never seen bushes this thin.”", "“We have never seen bushes this thin.”", ""},
			{"“We have never seen bushes this thin,” said Kamau.", "", ""},
			{"“We have never seen bushes this thin,” according to Kamau.", "", ""},
			{"It was a “dry spell” only.", "", ""},
			{"“Thin bushes all year long,” she said. “Worse\n\n“And worse still next year, we think,” she went on.", "", ""},
		},
		"quotes-unbalanced": {
			{"“Open and never closed, she said.", "“", ""},
			{"Closed and never opened,” she said.", "”", ""},
			{`An odd "straight mark.`, `"`, ""},
			{"“Balanced,” she said.", "", ""},
		},
		"quotes-straight": {
			{`A "straight mark.`, `"`, "“ ”"},
			{"She said “no”.", "", ""},
		},
		"repeated-word": {
			{"Growers lost the the harvest.", "the the", "the"},
			{"Growers lost The the harvest.", "The the", "the"},
			{"It had had rain.", "", ""},
			{"Growers lost the harvest. The harvest is gone.", "", ""},
			{"Growers lost the\nthe harvest.", "", ""},
		},
	}
	for id, cases := range tables {
		for _, c := range cases {
			got := ruleFindings(lintText(t, c.body), id)
			if c.text == "" {
				if len(got) != 0 {
					t.Errorf("%s fires on %q: %v", id, c.body, got)
				}
				continue
			}
			if len(got) != 1 {
				t.Errorf("%s on %q: %d findings %v, want 1", id, c.body, len(got), got)
				continue
			}
			if got[0].Text != c.text || got[0].Want != c.want {
				t.Errorf("%s on %q: text %q want %q; expected text %q want %q", id, c.body, got[0].Text, got[0].Want, c.text, c.want)
			}
		}
	}
}

func TestFieldRules(t *testing.T) {
	for _, c := range []struct {
		id   string
		ex   Example
		text string
		want string
	}{
		{"dateline-place-caps", Example{Place: "Kericho, Kenya"}, "Kericho", "KERICHO"},
		{"dateline-place-caps", Example{Place: "KERICHO, Kenya"}, "", ""},
		{"dateline-state-abbrev", Example{Place: "LANSING, Michigan"}, "Michigan", "Mich."},
		{"dateline-state-abbrev", Example{Place: "LANSING, MI"}, "MI", "Mich."},
		{"dateline-state-abbrev", Example{Place: "SALEM, Ore"}, "Ore", "Ore."},
		{"dateline-state-abbrev", Example{Place: "SALEM, Ore."}, "", ""},
		{"dateline-state-abbrev", Example{Place: "TBILISI, Georgia"}, "", ""},
		{"dateline-state-abbrev", Example{Place: "AUSTIN, Texas"}, "", ""},
		{"dateline-state-spelled", Example{Place: "AUSTIN, TX"}, "TX", "Texas"},
		{"dateline-state-spelled", Example{Place: "AUSTIN, Tex."}, "Tex.", "Texas"},
		{"dateline-state-spelled", Example{Place: "AUSTIN, Texas"}, "", ""},
		{"dateline-standalone-city", Example{Place: "SEATTLE, Wash."}, "SEATTLE", ""},
		{"dateline-standalone-city", Example{Place: "PARIS, France"}, "PARIS", ""},
		{"dateline-standalone-city", Example{Place: "PARIS, Texas"}, "", ""},
		{"dateline-standalone-city", Example{Place: "SPOKANE, Wash."}, "", ""},
		{"dateline-credit", Example{Place: "X", Credit: "Reuters"}, "Reuters", "Harbor Times"},
		{"dateline-credit", Example{Place: "X", Credit: "Reuters", Kind: "contributed"}, "", ""},
		{"dateline-credit", Example{Place: "X", Credit: "harbor times"}, "", ""},
		{"byline-by", Example{Byline: []string{"Ann Lee", "BY Omar Haddad"}}, "BY Omar Haddad", "Omar Haddad"},
		{"byline-by", Example{Byline: []string{"Bygones Smith"}}, "", ""},
	} {
		a, cfg := exampleArticle(t, c.ex)
		got := ruleFindings(Lint(a, cfg), c.id)
		if c.text == "" {
			if len(got) != 0 {
				t.Errorf("%s fires on %+v: %v", c.id, c.ex, got)
			}
			continue
		}
		if len(got) != 1 || got[0].Text != c.text || got[0].Want != c.want {
			t.Errorf("%s on %+v: %v; want text %q want %q", c.id, c.ex, got, c.text, c.want)
		}
	}
}

func TestLongSentenceLimitIsConfigurable(t *testing.T) {
	body := "One two three four five six seven eight nine ten eleven twelve words."
	if got := ruleFindings(lintText(t, body), "long-sentence"); len(got) != 0 {
		t.Fatalf("13 words under the default limit: %v", got)
	}
	got := ruleFindings(lintText(t, body, func(c *Config) { c.MaxSentenceWords = 10 }), "long-sentence")
	if len(got) != 1 || !strings.Contains(got[0].Message, "13 words") || got[0].Want != "10" {
		t.Fatalf("limit 10: %v", got)
	}
}

func TestDisabledAndIgnored(t *testing.T) {
	body := "Growers lost the the harvest 12 percent."
	all := lintText(t, body)
	if len(ruleFindings(all, "repeated-word")) != 1 || len(ruleFindings(all, "percent")) != 1 {
		t.Fatalf("findings: %v", all)
	}
	off := lintText(t, body, func(c *Config) { c.Disabled = []string{"percent"} })
	if len(ruleFindings(off, "percent")) != 0 || len(ruleFindings(off, "repeated-word")) != 1 {
		t.Fatalf("percent disabled: %v", off)
	}
	key := ruleFindings(all, "repeated-word")[0].Key()
	ign := lintText(t, body, func(c *Config) { c.Ignore = []string{key} })
	if len(ruleFindings(ign, "repeated-word")) != 0 || len(ruleFindings(ign, "percent")) != 1 {
		t.Fatalf("repeated word ignored: %v", ign)
	}
}

func TestPositionsPointAtTheSource(t *testing.T) {
	body := "# Head\n\nA *line* with the the “word” and—12 percent.\nSecond line é 12 percent."
	lines := strings.Split(body, "\n")
	for _, f := range lintText(t, body) {
		if f.Line != f.EndLine {
			continue
		}
		if got := lines[f.Line][f.Start:f.End]; got != f.Text {
			t.Errorf("%s at %d:%d-%d reads %q, finding says %q", f.Rule, f.Line, f.Start, f.End, got, f.Text)
		}
	}
	fs := ruleFindings(lintText(t, body), "percent")
	if len(fs) != 2 || fs[1].Line != 3 || fs[1].Column != len([]rune("Second line é "))+1 {
		t.Fatalf("percent on line 4: %+v", fs)
	}
}

// TestGoldenLintReport lints a fixture article and compares the report
// with testdata/lint-fixture.golden (go test -run Golden -update).
func TestGoldenLintReport(t *testing.T) {
	src, err := os.ReadFile("testdata/lint-fixture.md")
	if err != nil {
		t.Fatal(err)
	}
	a, err := editor.ParseMarkdownArticle(src)
	if err != nil {
		t.Fatal(err)
	}
	p := editor.DefaultProfile()
	d, err := spell.Builtin("en-US")
	if err != nil {
		t.Fatal(err)
	}
	fs := Lint(a, ConfigFor(p, a, spell.NewChecker(d, KnownWords(p, a)...)))
	var sb strings.Builder
	for _, f := range fs {
		sb.WriteString(f.String() + "\n")
	}
	got := sb.String()
	if *update {
		if err := os.WriteFile("testdata/lint-fixture.golden", []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile("testdata/lint-fixture.golden")
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("lint report differs from the golden:\n%s", got)
	}
	if !HasErrors(fs) {
		t.Error("the fixture has errors")
	}
}

func TestTablesAreData(t *testing.T) {
	body := "| Week | Price |\n|---|---:|\n| 1 | 2.41 |\n| 2 | 2.58 |\n\nOnly 3 growers came."
	got := ruleFindings(lintText(t, body), "number-spell-out")
	if len(got) != 1 || got[0].Line != 5 {
		t.Errorf("figures in a table are data, in prose they are spelled out: %v", got)
	}
}

// Agency names and credits from the agency table, built in and the
// library's own, are known words: copy credited to Xinhua, Kyodo or a
// desk's own syndicate is not flagged for them.
func TestAgencyNamesAreKnownWords(t *testing.T) {
	d, err := spell.Builtin("en-US")
	if err != nil {
		t.Fatal(err)
	}
	p := editor.DefaultProfile()
	a := &editor.Article{Body: "Xinhua and Kyodo reported it first, and Quillmoor picked it up.\n"}
	words := func(p editor.Profile) map[string]bool {
		flagged := map[string]bool{}
		for _, f := range Lint(a, ConfigFor(p, a, spell.NewChecker(d, KnownWords(p, a)...))) {
			if f.Rule == "spelling" {
				flagged[f.Text] = true
			}
		}
		return flagged
	}
	got := words(p)
	if got["Xinhua"] || got["Kyodo"] {
		t.Errorf("built-in agencies flagged: %v", got)
	}
	if !got["Quillmoor"] {
		t.Fatalf("an unknown outlet was not flagged (so the test cannot tell): %v", got)
	}
	p.Agencies = []editor.Agency{{Name: "Quillmoor", Credits: []string{"QM"}}}
	if got := words(p); got["Quillmoor"] {
		t.Errorf("the library's own agency is flagged: %v", got)
	}
}
