package style

import (
	"strings"
	"testing"

	"github.com/dateline-news/dateline/editor"
	"github.com/dateline-news/dateline/editor/spell"
)

// exampleArticle builds the article an example describes, and the
// configuration it is linted with (spelling on, the library's publisher
// Harbor Times unless the example says otherwise).
func exampleArticle(t testing.TB, e Example) (*editor.Article, Config) {
	t.Helper()
	a := &editor.Article{
		Body: e.Body, Headline: e.Headline, Deck: e.Deck,
		Byline:      editor.Byline{Authors: e.Byline, Title: e.BylineTitle},
		Dateline:    editor.Dateline{Place: e.Place, Credit: e.Credit},
		Attribution: editor.Attribution{Kind: editor.AttributionKind(e.Kind)},
	}
	p := editor.DefaultProfile()
	if e.Publisher != "" {
		p.Publisher = e.Publisher
	}
	d, err := spell.Builtin("en-US")
	if err != nil {
		t.Fatal(err)
	}
	return a, ConfigFor(p, a, spell.NewChecker(d, KnownWords(p, a)...))
}

func ruleFindings(fs []Finding, id string) []Finding {
	var out []Finding
	for _, f := range fs {
		if f.Rule == id {
			out = append(out, f)
		}
	}
	return out
}

// TestRuleFileExamples runs every example of rules.yaml: the ones under
// fires must make their rule fire, the ones under passes must not.
func TestRuleFileExamples(t *testing.T) {
	rules := Rules()
	if len(rules) < 20 {
		t.Fatalf("only %d rules loaded", len(rules))
	}
	for _, r := range rules {
		t.Run(r.ID, func(t *testing.T) {
			for _, e := range r.Fires {
				a, cfg := exampleArticle(t, e)
				if got := ruleFindings(Lint(a, cfg), r.ID); len(got) == 0 {
					t.Errorf("does not fire on %+v", e)
				}
			}
			for _, e := range r.Passes {
				a, cfg := exampleArticle(t, e)
				if got := ruleFindings(Lint(a, cfg), r.ID); len(got) != 0 {
					t.Errorf("fires on %+v: %v", e, got)
				}
			}
		})
	}
}

func TestRuleFileIsChecked(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"no check", "rules:\n- {id: made-up, severity: error, fields: [body], message: m, fires: [a], passes: [b]}\n", "no check"},
		{"bad severity", "rules:\n- {id: percent, severity: fatal, fields: [body], message: m, fires: [a], passes: [b]}\n", "severity"},
		{"no examples", "rules:\n- {id: percent, severity: error, fields: [body], message: m}\n", "examples"},
		{"bad field", "rules:\n- {id: percent, severity: error, fields: [footer], message: m, fires: [a], passes: [b]}\n", "unknown field"},
		{"twice", "rules:\n- {id: percent, severity: error, fields: [body], message: m, fires: [a], passes: [b]}\n- {id: percent, severity: error, fields: [body], message: m, fires: [a], passes: [b]}\n", "twice"},
	} {
		_, err := parseRules([]byte(tc.src))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want it to say %q", tc.name, err, tc.want)
		}
	}
	for id := range checks {
		if _, ok := rulesTableMust(t).byID[id]; !ok {
			t.Errorf("check %s has no entry in rules.yaml", id)
		}
	}
}

func rulesTableMust(t *testing.T) *table {
	t.Helper()
	tb, err := rulesTable()
	if err != nil {
		t.Fatal(err)
	}
	return tb
}
