package editor

import (
	"testing"

	"github.com/dateline-news/dateline/editor/hostile"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// BenchmarkSafeMarkdownBody makes every hostile body safe for the Markdown
// export; the baseline in the same run is a parse of the same body with
// stock goldmark and GFM, what any renderer pays at least. SafeMarkdownBody
// is one parse through the shared pipeline plus the edits.
func BenchmarkSafeMarkdownBody(b *testing.B) {
	stock := goldmark.New(goldmark.WithExtensions(extension.GFM))
	for _, h := range hostile.Bodies() {
		limited, _ := LimitNesting(h.Text)
		src := []byte(limited)
		b.Run(h.Name+"/baseline-goldmark-parse", func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				stock.Parser().Parse(text.NewReader(src))
			}
		})
		b.Run(h.Name+"/SafeMarkdownBody", func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				SafeMarkdownBody(h.Text)
			}
		})
	}
}
