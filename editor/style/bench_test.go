package style

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dateline-news/dateline/editor"
	"github.com/dateline-news/dateline/editor/spell"
)

// benchSentences make up the benchmark draft: news prose with quotes,
// numbers, dates and times that the rules look at.
var benchSentences = []string{
	"Tea growers in the central highlands said Monday that the dry season had cut their harvest by a third.",
	"“We have never seen the bushes this thin,” Wanjiru Kamau told Harbor Times at the market in Kericho.",
	"Prices at the weekly **auction** in Mombasa fell 3.5 percent on Sept. 3, according to the *Tea Board*.",
	"The government has promised to review the levy on small farms before 9 a.m. on Jan. 21.",
	"Exporters said buyers in Pakistan, Egypt and the United Kingdom had switched to 4 cheaper grades.",
	"Details are at https://example.com/tea-report and in the board's `auction-2026` data set.",
	"Some smallholders have begun to grow avocados instead, hoping for steadier returns next year.",
	"The cooperative's chairman, Omar Haddad, stated that members would meet again in Nairobi on Friday.",
}

// benchDraft returns a Markdown draft of about n words in paragraphs of
// about 60 words.
func benchDraft(n int) string {
	var sb strings.Builder
	words, para := 0, 0
	for i := 0; words < n; i++ {
		s := benchSentences[i%len(benchSentences)]
		if i%4 == 0 {
			if i > 0 {
				sb.WriteString("\n\n")
			}
			para++
			fmt.Fprintf(&sb, "In part %d, ", para)
		} else {
			sb.WriteString(" ")
		}
		sb.WriteString(s)
		words += len(strings.Fields(s))
	}
	return sb.String()
}

// BenchmarkLint5000 lints a 5,000-word draft (style rules only, and with
// spelling from a warm checker), next to a goldmark parse of the same body
// with Dateline's pipeline.
func BenchmarkLint5000(b *testing.B) {
	a := &editor.Article{Headline: "Tea growers count their losses", Body: benchDraft(5000),
		Byline: editor.Byline{Authors: []string{"Dana Whitfield"}}, Dateline: editor.Dateline{Place: "KERICHO, Kenya"}}
	p := editor.DefaultProfile()
	b.Run("baseline-goldmark-parse", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			editor.ParseBody(a.Body)
		}
	})
	b.Run("lint-style", func(b *testing.B) {
		cfg := ConfigFor(p, a, nil)
		for i := 0; i < b.N; i++ {
			if len(Lint(a, cfg)) == 0 {
				b.Fatal("the draft has findings")
			}
		}
	})
	b.Run("lint-style-and-spelling", func(b *testing.B) {
		d, err := spell.Builtin("en-US")
		if err != nil {
			b.Fatal(err)
		}
		cfg := ConfigFor(p, a, spell.NewChecker(d, KnownWords(p, a)...))
		for i := 0; i < b.N; i++ {
			Lint(a, cfg)
		}
	})
}
