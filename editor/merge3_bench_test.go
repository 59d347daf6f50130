package editor

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// mergeBenchTexts is a 5,000-word story and two versions of it, each with
// an edit every few paragraphs and a conflict or two.
func mergeBenchTexts() (base, mine, theirs string) {
	words := strings.Fields("dockworkers union cargo terminal ministry ships cranes drivers harbour tariffs exporters tea coffee flowers")
	var b, m, t []string
	for i := range 220 { // ~5,000 words
		p := fmt.Sprintf("Dockworkers in Mombasa walked out on Monday over pay, the %s said, and %s piled up at berth %d while talks stalled.",
			words[i%len(words)], words[(i*7)%len(words)], i)
		b = append(b, p)
		switch {
		case i%7 == 0:
			m = append(m, strings.Replace(p, "on Monday", "on Monday morning", 1))
			t = append(t, p)
		case i%11 == 0:
			m = append(m, p)
			t = append(t, strings.Replace(p, "over pay", "over pay and hours", 1))
		case i%50 == 0:
			m = append(m, strings.Replace(p, "stalled", "broke down", 1))
			t = append(t, strings.Replace(p, "stalled", "resumed", 1))
		default:
			m, t = append(m, p), append(t, p)
		}
	}
	return strings.Join(b, "\n\n"), strings.Join(m, "\n\n"), strings.Join(t, "\n\n")
}

// BenchmarkMerge3 merges two edited versions of a 5,000-word story.
func BenchmarkMerge3(b *testing.B) {
	base, mine, theirs := mergeBenchTexts()
	b.ReportAllocs()
	for b.Loop() {
		if Merge3(base, mine, theirs).Conflicts() == 0 {
			b.Fatal("no conflict")
		}
	}
}

// BenchmarkMerge3BaselineTwoWayDiff is the baseline: one two-way word
// diff of the same story (diffmatchpatch on word tokens, as the history
// panel's diff), which a three-way merge runs twice.
func BenchmarkMerge3BaselineTwoWayDiff(b *testing.B) {
	base, mine, _ := mergeBenchTexts()
	b.ReportAllocs()
	for b.Loop() {
		ids := map[string]rune{}
		enc := func(s string) []rune {
			toks := WordTokens(s)
			rs := make([]rune, len(toks))
			for i, t := range toks {
				r, ok := ids[t]
				if !ok {
					r = symbolRune(len(ids))
					ids[t] = r
				}
				rs[i] = r
			}
			return rs
		}
		dmp := diffmatchpatch.New()
		dmp.DiffCleanupSemantic(dmp.DiffMainRunes(enc(base), enc(mine), false))
	}
}
