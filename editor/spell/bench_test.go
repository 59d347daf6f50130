package spell

import (
	"fmt"
	"strings"
	"testing"
)

// benchSentences make up the benchmark draft: news prose with names,
// Markdown, numbers, a URL and a few misspellings.
var benchSentences = []string{
	"Tea growers in the central highlands said Monday that the dry season had cut their harvest by a third.",
	"“We have never seen the bushes this thin,” Wanjiru Kamau told Harbor Times at the market in Kericho.",
	"Prices at the weekly **auction** in Mombasa fell 3.5% on Tuesday, according to the *Tea Board*.",
	"The goverment has promised to review the levy on small farms before the next planting season.",
	"Exporters said buyers in Pakistan, Egypt and the United Kingdom had switched to cheaper grades.",
	"Details are at https://example.com/tea-report and in the board's `auction-2026` data set.",
	"Some smallholders have begun to grow avocados instead, hoping for steadier returns next year.",
	"The cooperative's chairman, Omar Haddad, said members would meet again in Nairobi on Friday.",
}

// benchDraft returns a Markdown draft of about n words, in paragraphs of
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
			fmt.Fprintf(&sb, "Paragraph %d. ", para)
		} else {
			sb.WriteString(" ")
		}
		sb.WriteString(s)
		words += len(strings.Fields(s))
	}
	return sb.String()
}

func BenchmarkSpellDraft5000(b *testing.B) {
	d := mustDict(b, "en-US")
	text := benchDraft(5000)
	b.Run("baseline-map-lookup-per-field", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		n := 0
		for i := 0; i < b.N; i++ {
			for _, f := range strings.Fields(text) {
				if _, ok := d.words[f]; ok {
					n++
				}
			}
		}
		_ = n
	})
	b.Run("check-from-scratch", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for i := 0; i < b.N; i++ {
			c := NewChecker(d, "Wanjiru Kamau", "Omar Haddad", "KERICHO, Kenya")
			if len(c.CheckText(text)) == 0 {
				b.Fatal("the draft has misspellings")
			}
		}
	})
	b.Run("recheck-one-edited-paragraph", func(b *testing.B) {
		c := NewChecker(d, "Wanjiru Kamau", "Omar Haddad", "KERICHO, Kenya")
		paras := strings.Split(text, "\n\n")
		mid := len(paras) / 2
		orig := paras[mid]
		versions := [2]string{}
		for v := range versions {
			paras[mid] = orig + fmt.Sprintf(" Edit number %c.", 'a'+v)
			versions[v] = strings.Join(paras, "\n\n")
		}
		c.CheckText(versions[1])
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if len(c.CheckText(versions[i%2])) == 0 {
				b.Fatal("the draft has misspellings")
			}
		}
	})
}

func BenchmarkLoadDictionary(b *testing.B) {
	for _, name := range []string{"en_US", "en_GB"} {
		b.Run(name, func(b *testing.B) {
			aff, _ := dictFS.ReadFile("dict/" + name + ".aff")
			dic, _ := dictFS.ReadFile("dict/" + name + ".dic")
			for i := 0; i < b.N; i++ {
				if _, err := Load(strings.NewReader(string(aff)), strings.NewReader(string(dic))); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkSuggest(b *testing.B) {
	d := mustDict(b, "en-US")
	for i := 0; i < b.N; i++ {
		d.Suggest("goverment", 5)
	}
}
