package editor

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/dateline-news/dateline/editor/hostile"
)

// incrementalCorpus is every body the incremental build is checked on:
// the CommonMark examples alone and run together in groups (so that
// chunks meet every construct), the hostile bodies and a long story.
func incrementalCorpus(t *testing.T) []string {
	examples := loadPreviewSpecExamples(t)
	var bodies []string
	for i, ex := range examples {
		bodies = append(bodies, ex.Markdown)
		if i%4 == 0 && i+4 <= len(examples) {
			var parts []string
			for _, e := range examples[i : i+4] {
				parts = append(parts, e.Markdown)
			}
			bodies = append(bodies, strings.Join(parts, "\n"), strings.Join(parts, "\n\n"))
		}
	}
	for _, h := range hostile.Bodies() {
		if len(h.Text) < 1<<20 {
			bodies = append(bodies, h.Text)
		}
	}
	return append(bodies, previewBenchArticle().Body)
}

// TestPreviewCacheEqualsFullBuild builds every body of the corpus with and
// without the cache, with and without a dateline run-in: the previews are
// equal, block for block.
func TestPreviewCacheEqualsFullBuild(t *testing.T) {
	ctx := context.Background()
	p := DefaultProfile()
	datelines := []Dateline{{}, {Place: "NAIROBI, Kenya", Credit: "Harbor Times", Date: time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)}}
	var c PreviewCache
	chunked := 0
	for i, body := range incrementalCorpus(t) {
		for _, d := range datelines {
			a := &Article{Headline: "H", Body: body, Dateline: d}
			want, err := BuildPreview(a, p, RenderOptions{})
			if err != nil {
				t.Fatal(err)
			}
			got, err := c.Build(ctx, a, p, RenderOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("body %d %q (dateline %v): cached build differs\ngot  %s\nwant %s", i, body[:min(len(body), 200)], d.Place != "", dumpBlocks(got), dumpBlocks(want))
			}
			if chunks, ok := bodyChunks(body); ok && len(chunks) > 1 {
				chunked++
			}
		}
	}
	if chunked < 200 {
		t.Errorf("only %d bodies were split into chunks; the test does not exercise the cache", chunked)
	}
}

func dumpBlocks(pv *Preview) string {
	var b strings.Builder
	for _, bl := range pv.Blocks {
		fmt.Fprintf(&b, "\n  %s %d-%d %q items=%d", bl.Kind, bl.SourceStart, bl.SourceEnd, InlinesText(bl.Inlines), len(bl.Items))
	}
	return b.String()
}

// TestPreviewCacheParsesOnlyTheEditedChunk edits one paragraph of a long
// story: the next build parses that chunk alone and equals a full build.
func TestPreviewCacheParsesOnlyTheEditedChunk(t *testing.T) {
	ctx := context.Background()
	p := DefaultProfile()
	a := previewBenchArticle()
	var c PreviewCache
	if _, err := c.Build(ctx, a, p, RenderOptions{}); err != nil {
		t.Fatal(err)
	}
	first := c.parsed
	if first < 30 {
		t.Fatalf("the story parsed as %d chunks, want one per paragraph", first)
	}
	i := strings.Index(a.Body, "dry season") + len("dry")
	a.Body = a.Body[:i] + "x" + a.Body[i:]
	got, err := c.Build(ctx, a, p, RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if n := c.parsed - first; n != 1 {
		t.Errorf("an edit parsed %d chunks, want 1", n)
	}
	want, _ := BuildPreview(a, p, RenderOptions{})
	if !reflect.DeepEqual(got, want) {
		t.Error("the incremental build differs from a full build")
	}
}

// BenchmarkPreviewCacheEdit builds the preview of a ~1,500-word story
// after a one-character edit with the cache (only the edited chunk
// parsed) beside BuildPreview of the same text, in the same run.
func BenchmarkPreviewCacheEdit(b *testing.B) {
	ctx := context.Background()
	p := DefaultProfile()
	a := previewBenchArticle()
	i := strings.Index(a.Body, "dry season") + len("dry")
	bodies := [2]string{a.Body, a.Body[:i] + "x" + a.Body[i:]}
	b.Run("cached", func(b *testing.B) {
		var c PreviewCache
		b.ReportAllocs()
		for n := 0; n < b.N; n++ {
			a.Body = bodies[n%2]
			if _, err := c.Build(ctx, a, p, RenderOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("full", func(b *testing.B) {
		b.ReportAllocs()
		for n := 0; n < b.N; n++ {
			a.Body = bodies[n%2]
			if _, err := BuildPreview(a, p, RenderOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
