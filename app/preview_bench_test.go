package app

import (
	"bytes"
	"context"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/dateline-news/dateline/editor"
	"github.com/dateline-news/dateline/editor/hostile"
)

// storyOfWords is a story of about words words: paragraphs of about 60
// words with emphasis, links and quotes, a heading every ten paragraphs
// and a list and a table now and then.
func storyOfWords(words int) string {
	const para = `Port workers in Mombasa said on **Tuesday** that a *three-day* strike over pay had ended after the union and the port authority agreed a deal late on Monday, and that "the cranes are moving again" -- according to [the union](https://example.com/union), which said ships waiting at anchor would be berthed within the week and that night shifts would resume on Thursday.`
	per := len(strings.Fields(para))
	var b strings.Builder
	for i := 0; i*per < words; i++ {
		if i%10 == 0 {
			fmt.Fprintf(&b, "## Part %d\n\n", i/10+1)
		}
		fmt.Fprintf(&b, "%s (%d)\n\n", para, i)
		if i%25 == 12 {
			b.WriteString("- first point\n- second point\n  1. nested\n\n| Berth | Ships |\n|--|--:|\n| 1 | 12 |\n| 2 | 7 |\n\n")
		}
	}
	return b.String()
}

// forgetLayouts drops every layout and object the view keeps, so that the
// next update lays out and draws every row afresh (on the worker, through
// prelayout, as a first render does).
func forgetLayouts(v *PreviewView) {
	v.cache = map[uint64]*previewRowLayout{}
	if s := v.snap.Load(); s != nil {
		v.snap.Store(&layoutSnapshot{width: s.width, th: s.th, cache: v.cache})
	}
	v.content.shown = map[int]*shownRow{}
}

// previewEditFixture is a view showing a story, with the body's two
// versions that one typed character apart.
func previewEditFixture(b *testing.B, words int) (*PreviewView, [2]*editor.Article) {
	test.NewTempApp(b)
	v := NewPreviewView()
	w := test.NewTempWindow(b, v)
	w.Resize(fyne.NewSize(600, 800))
	body := storyOfWords(words)
	mid := strings.Index(body[len(body)/2:], "strike over") + len(body)/2
	var arts [2]*editor.Article
	arts[0] = &editor.Article{ID: "a", Headline: "A long story", Body: body}
	arts[1] = &editor.Article{ID: "a", Headline: "A long story", Body: body[:mid] + "x" + body[mid:]}
	v.SetPreview(mustBuildPreview(b, arts[0]))
	return v, arts
}

// BenchmarkPreviewEdit measures the preview's update after one typed
// character in the middle of a 1k, 5k and 20k-word story: build on the
// worker (editor.BuildPreview and the rows) plus the update on the UI
// goroutine, with the chunks and layouts of unchanged paragraphs kept
// ("incremental"), beside the same update with the body parsed and every
// row laid out again ("full") and beside
// raw goldmark converting the same text to HTML, in the same run.
// ui-ms is the part on the UI goroutine.
func BenchmarkPreviewEdit(b *testing.B) {
	raw := goldmark.New(goldmark.WithExtensions(extension.GFM))
	for _, words := range []int{1000, 5000, 20000} {
		for _, mode := range []string{"incremental", "full"} {
			b.Run(fmt.Sprintf("%dk-words/%s", words/1000, mode), func(b *testing.B) {
				v, arts := previewEditFixture(b, words)
				var cache editor.PreviewCache
				build := func(a *editor.Article) (*editor.Preview, error) {
					if mode == "full" {
						return editor.BuildPreview(a, editor.DefaultProfile(), editor.RenderOptions{})
					}
					return cache.Build(context.Background(), a, editor.DefaultProfile(), editor.RenderOptions{})
				}
				if _, err := build(arts[0]); err != nil {
					b.Fatal(err)
				}
				var ui time.Duration
				b.ReportAllocs()
				b.ResetTimer()
				start := time.Now()
				for i := 0; i < b.N; i++ {
					pv, err := build(arts[(i+1)%2])
					if err != nil {
						b.Fatal(err)
					}
					rows := previewRows(pv)
					if mode == "full" {
						forgetLayouts(v)
					}
					if err := v.prelayout(context.Background(), rows); err != nil {
						b.Fatal(err)
					}
					t := time.Now()
					v.setRows(pv, rows)
					ui += time.Since(t)
				}
				b.ReportMetric(float64(time.Since(start).Microseconds())/1000/float64(b.N), "ms/update")
				b.ReportMetric(float64(ui.Microseconds())/1000/float64(b.N), "ui-ms")
			})
		}
		b.Run(fmt.Sprintf("%dk-words/raw-goldmark-html", words/1000), func(b *testing.B) {
			src := []byte(storyOfWords(words))
			var buf bytes.Buffer
			b.ReportAllocs()
			start := time.Now()
			for i := 0; i < b.N; i++ {
				buf.Reset()
				if err := raw.Convert(src, &buf); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(time.Since(start).Microseconds())/1000/float64(b.N), "ms/update")
		})
	}
}

// BenchmarkPreviewOpen measures the first SetPreview of a draft in a fresh
// view, on the UI goroutine (target: 100 ms at 20,000 words), beside a
// stock word-wrapped RichText given the same text as one segment per
// block, in the same run. The stock RichText runs at 2,000 words only: at
// 20,000 it takes minutes. The glyphs are measured ahead first, as the
// window's PreviewRenderer starts doing at start-up (measurer.warm).
func BenchmarkPreviewOpen(b *testing.B) {
	test.NewTempApp(b)
	measurer.warm(NewPreviewView().Theme())
	for _, words := range []int{2000, 20000} {
		pv := mustBuildPreview(b, &editor.Article{Headline: "Long", Body: storyOfWords(words)})
		b.Run(fmt.Sprintf("%dk-words/dateline-preview", words/1000), func(b *testing.B) {
			start := time.Now()
			for i := 0; i < b.N; i++ {
				v := NewPreviewView()
				w := test.NewTempWindow(b, v)
				w.Resize(fyne.NewSize(600, 800))
				v.SetPreview(pv)
			}
			b.ReportMetric(float64(time.Since(start).Microseconds())/1000/float64(b.N), "ms/open")
		})
		if words > 2000 {
			continue
		}
		b.Run(fmt.Sprintf("%dk-words/stock-richtext", words/1000), func(b *testing.B) {
			var segs []widget.RichTextSegment
			for _, line := range strings.Split(pv.PlainText(), "\n") {
				segs = append(segs, &widget.TextSegment{Style: widget.RichTextStyleParagraph, Text: line})
			}
			start := time.Now()
			for i := 0; i < b.N; i++ {
				rt := widget.NewRichText(segs...)
				rt.Wrapping = fyne.TextWrapWord
				w := test.NewTempWindow(b, container.NewVScroll(rt))
				w.Resize(fyne.NewSize(600, 800))
			}
			b.ReportMetric(float64(time.Since(start).Microseconds())/1000/float64(b.N), "ms/open")
		})
	}
}

// BenchmarkPreviewMemory reports how much heap a 20,000-word draft in the
// preview holds (target: 50 MB), measured with runtime.MemStats after a
// collection, beside the bytes of the body itself.
func BenchmarkPreviewMemory(b *testing.B) {
	test.NewTempApp(b)
	a := &editor.Article{Headline: "Long", Body: storyOfWords(20000)}
	var heap float64
	for i := 0; i < b.N; i++ {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		v := NewPreviewView()
		w := test.NewTempWindow(b, v)
		w.Resize(fyne.NewSize(600, 800))
		v.SetPreview(mustBuildPreview(b, a))
		runtime.GC()
		runtime.ReadMemStats(&after)
		heap += float64(after.HeapAlloc) - float64(before.HeapAlloc)
		runtime.KeepAlive(v)
	}
	b.ReportMetric(heap/float64(b.N)/(1<<20), "MB-held")
	b.ReportMetric(float64(len(a.Body))/(1<<20), "MB-body")
}

// BenchmarkPreviewTable shows a 1,000-row table in the preview (build,
// rows and the UI update) beside a stock widget.Table of the same cells
// shown in the same size of window, in the same run.
func BenchmarkPreviewTable(b *testing.B) {
	test.NewTempApp(b)
	a := &editor.Article{Headline: "Table", Body: hostile.Table(1000)}
	pv := mustBuildPreview(b, a)
	b.Run("dateline-preview", func(b *testing.B) { benchPreviewFromScratch(b, a) })
	b.Run("stock-widget-table", func(b *testing.B) {
		var cells [][]string
		for _, bl := range pv.Blocks {
			for _, row := range bl.Rows {
				var r []string
				for _, c := range row {
					r = append(r, editor.InlinesText(c))
				}
				cells = append(cells, r)
			}
		}
		start := time.Now()
		for i := 0; i < b.N; i++ {
			t := widget.NewTable(func() (int, int) { return len(cells), 3 },
				func() fyne.CanvasObject { return widget.NewLabel("Berth 1000") },
				func(id widget.TableCellID, o fyne.CanvasObject) { o.(*widget.Label).SetText(cells[id.Row][id.Col]) })
			w := test.NewTempWindow(b, t)
			w.Resize(fyne.NewSize(600, 800))
		}
		b.ReportMetric(float64(time.Since(start).Microseconds())/1000/float64(b.N), "ms/op")
	})
}

// BenchmarkPreviewHostile shows every hostile body in the preview: build
// and rows (worker) plus the update on the UI goroutine (ui-ms), beside raw
// goldmark converting the bodies that it can convert in reasonable time.
func BenchmarkPreviewHostile(b *testing.B) {
	test.NewTempApp(b)
	for _, h := range hostile.Bodies() {
		a := &editor.Article{Headline: "Hostile", Body: h.Text}
		b.Run(h.Name, func(b *testing.B) { benchPreviewFromScratch(b, a) })
	}
}

// benchPreviewFromScratch builds, lays out and shows a's preview in a
// 600x800 view b.N times with no layout cached, and reports the whole time
// and the part of it on the UI goroutine (setRows).
func benchPreviewFromScratch(b *testing.B, a *editor.Article) {
	v := NewPreviewView()
	w := test.NewTempWindow(b, v)
	w.Resize(fyne.NewSize(600, 800))
	var ui time.Duration
	start := time.Now()
	for i := 0; i < b.N; i++ {
		pv := mustBuildPreview(b, a)
		rows := previewRows(pv)
		forgetLayouts(v)
		if err := v.prelayout(context.Background(), rows); err != nil {
			b.Fatal(err)
		}
		t := time.Now()
		v.setRows(pv, rows)
		ui += time.Since(t)
	}
	b.ReportMetric(float64(time.Since(start).Microseconds())/1000/float64(b.N), "ms/op")
	b.ReportMetric(float64(ui.Microseconds())/1000/float64(b.N), "ui-ms")
}
