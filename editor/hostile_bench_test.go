package editor

import (
	"bytes"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/dateline-news/dateline/editor/hostile"
)

// reportMS reports the mean time per operation in milliseconds.
func reportMS(b *testing.B, start time.Time) {
	b.ReportMetric(float64(time.Since(start).Microseconds())/1000/float64(b.N), "ms/op")
}

// BenchmarkBuildPreviewHostile builds the preview of every hostile body
// beside the pipeline's own HTML export of it and beside raw goldmark
// (GFM, no limits) converting the same text to HTML, in the same run. Raw
// goldmark is left out for the bodies nested deeper than MaxNesting: it
// takes 7–28 s and up to 1 GB on them, which is why the limit exists.
func BenchmarkBuildPreviewHostile(b *testing.B) {
	raw := goldmark.New(goldmark.WithExtensions(extension.GFM))
	p := DefaultProfile()
	for _, h := range hostile.Bodies() {
		a := &Article{Headline: "Hostile", Body: h.Text}
		b.Run(h.Name+"/preview", func(b *testing.B) {
			b.ReportAllocs()
			start := time.Now()
			for i := 0; i < b.N; i++ {
				if _, err := BuildPreview(a, p, RenderOptions{}); err != nil {
					b.Fatal(err)
				}
			}
			reportMS(b, start)
		})
		b.Run(h.Name+"/pipeline-html", func(b *testing.B) {
			b.ReportAllocs()
			start := time.Now()
			for i := 0; i < b.N; i++ {
				if _, err := RenderHTMLFragment(a, p, RenderOptions{}); err != nil {
					b.Fatal(err)
				}
			}
			reportMS(b, start)
		})
		if h.Deep {
			continue
		}
		b.Run(h.Name+"/raw-goldmark-html", func(b *testing.B) {
			src := []byte(h.Text)
			var buf bytes.Buffer
			b.ReportAllocs()
			start := time.Now()
			for i := 0; i < b.N; i++ {
				buf.Reset()
				if err := raw.Convert(src, &buf); err != nil {
					b.Fatal(err)
				}
			}
			reportMS(b, start)
		})
	}
}

// BenchmarkHostileExport exports every hostile body in every format; the
// target is at most 1 s and 100 MB each (B/op is the memory allocated).
func BenchmarkHostileExport(b *testing.B) {
	p := DefaultProfile()
	for _, h := range hostile.Bodies() {
		a := &Article{Headline: "Hostile", Slug: "hostile", Body: h.Text}
		for _, f := range Formats {
			b.Run(h.Name+"/"+string(f), func(b *testing.B) {
				b.ReportAllocs()
				start := time.Now()
				for i := 0; i < b.N; i++ {
					if _, err := Export(f, a, p, RenderOptions{}); err != nil {
						b.Fatal(err)
					}
				}
				reportMS(b, start)
			})
		}
	}
}
