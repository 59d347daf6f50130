package textedit

import (
	"fmt"
	"math/rand"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

var benchVocabulary = strings.Fields(`the a of to and in said port strike dockworkers union levy fuel
authority Mombasa Nairobi harvest growers tea prices auction week rains March ministry officials
transport operators drivers agreed review deal ships cargo containers stranded talks government
“we” “never” seen bushes thin grower told Harbor Times according remarks carried local radio
exporters expect return longest run since 2019 percent million shillings tonnes season dry third
Monday Tuesday Wednesday Thursday Friday Saturday Sunday morning evening night crowd gathered gates
police spokesman statement court ruling appeal judge lawyers hearing adjourned next café naïve
résumé coöperate 東京 北京 “quoted” — – … *emphasis* **strong** [link](https://example.com/a)`)

// benchText returns about words words of news-like Markdown in paragraphs
// of 40 to 120 words (one paragraph when para is set).
func benchText(words int, onePara bool) string {
	rng := rand.New(rand.NewSource(int64(words)))
	var b strings.Builder
	n := 0
	for n < words {
		if n > 0 {
			b.WriteString("\n\n")
		}
		size := 40 + rng.Intn(81)
		if onePara {
			size = words
		}
		for i := 0; i < size && n < words; i++ {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(benchVocabulary[rng.Intn(len(benchVocabulary))])
			n++
		}
		b.WriteByte('.')
	}
	return b.String()
}

// percentiles reports the p50 and p95 of the samples in milliseconds.
func percentiles(b *testing.B, samples []time.Duration) {
	if len(samples) == 0 {
		return
	}
	sort.Slice(samples, func(i, j int) bool { return samples[i] < samples[j] })
	at := func(q float64) float64 {
		i := int(q * float64(len(samples)-1))
		return float64(samples[i].Nanoseconds()) / 1e6
	}
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.95), "p95-ms")
}

// benchWidth and benchHeight are the body's size in the benchmarks.
const benchWidth, benchHeight = 640, 720

// BenchmarkKeystroke types one character per iteration into the middle of
// a document of 1,000, 5,000 and 20,000 words, wrapped at 640 px, and
// reports the p50 and p95 of one keystroke (edit, layout of the edited
// paragraph, drawing of the visible lines) beside a stock wrapped
// widget.NewMultiLineEntry holding the same text in the same run. The
// single-paragraph case types inside one 5,000-word paragraph; it has no
// stock baseline, because the stock Entry needs minutes just to open such a
// paragraph (its 20k figure is the baseline to compare with).
func BenchmarkKeystroke(b *testing.B) {
	cases := []struct {
		name    string
		words   int
		onePara bool
	}{{"1k", 1000, false}, {"5k", 5000, false}, {"20k", 20000, false}, {"5k-one-paragraph", 5000, true}}
	for _, c := range cases {
		text := benchText(c.words, c.onePara)
		b.Run("textedit-"+c.name, func(b *testing.B) {
			test.NewTempApp(b)
			e := New()
			w := test.NewTempWindow(b, e)
			w.Resize(fyne.NewSize(benchWidth, benchHeight))
			e.SetText(text)
			mid := e.Model().Len() / 2
			e.SetCursor(Pos{mid, len(e.Model().Para(mid)) / 2})
			samples := make([]time.Duration, 0, b.N)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				r := 'x'
				if i%6 == 5 {
					r = ' '
				}
				t0 := time.Now()
				e.TypedRune(r)
				samples = append(samples, time.Since(t0))
			}
			b.StopTimer()
			percentiles(b, samples)
			if got, want := len(e.Text()), len(text)+b.N; got != want {
				b.Fatalf("text is %d bytes after %d keys, want %d", got, b.N, want)
			}
		})
		if c.onePara {
			continue
		}
		b.Run("stock-entry-"+c.name, func(b *testing.B) {
			test.NewTempApp(b)
			e := widget.NewMultiLineEntry()
			e.Wrapping = fyne.TextWrapWord
			w := test.NewTempWindow(b, e)
			w.Resize(fyne.NewSize(benchWidth, benchHeight))
			e.SetText(text)
			e.CursorRow = strings.Count(text, "\n") / 2
			samples := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				t0 := time.Now()
				e.TypedRune('x')
				samples = append(samples, time.Since(t0))
			}
			b.StopTimer()
			percentiles(b, samples)
		})
	}
}

// BenchmarkSetText opens a 20,000-word draft: SetText and the first draw,
// beside the stock wrapped Entry's SetText in the same run.
func BenchmarkSetText(b *testing.B) {
	text := benchText(20000, false)
	b.Run("textedit-20k", func(b *testing.B) {
		test.NewTempApp(b)
		e := New()
		w := test.NewTempWindow(b, e)
		w.Resize(fyne.NewSize(benchWidth, benchHeight))
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			e.SetText(text)
		}
		b.StopTimer()
		if e.Text() != text {
			b.Fatal("SetText changed the text")
		}
	})
	b.Run("stock-entry-20k", func(b *testing.B) {
		test.NewTempApp(b)
		e := widget.NewMultiLineEntry()
		e.Wrapping = fyne.TextWrapWord
		w := test.NewTempWindow(b, e)
		w.Resize(fyne.NewSize(benchWidth, benchHeight))
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			e.SetText(text + fmt.Sprint(i)) // a different text each time, as opening another draft
		}
	})
}

// heapInUse returns the live heap after a collection.
func heapInUse() uint64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// BenchmarkMemory20k reports how much live heap a 20,000-word document
// adds to an empty editor in a window, after scrolling through all of it
// (every paragraph laid out), beside a stock wrapped Entry holding it.
func BenchmarkMemory20k(b *testing.B) {
	text := benchText(20000, false)
	b.Run("textedit", func(b *testing.B) {
		test.NewTempApp(b)
		for i := 0; i < b.N; i++ {
			e := New()
			w := test.NewWindow(e)
			w.Resize(fyne.NewSize(benchWidth, benchHeight))
			before := heapInUse()
			e.SetText(text)
			for y := float32(0); y < e.lay.total(); y += benchHeight {
				e.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: -benchHeight}})
			}
			after := heapInUse()
			b.ReportMetric(float64(after-before)/(1<<20), "MB")
			runtime.KeepAlive(e)
			w.Close()
		}
	})
	b.Run("stock-entry", func(b *testing.B) {
		test.NewTempApp(b)
		for i := 0; i < b.N; i++ {
			e := widget.NewMultiLineEntry()
			e.Wrapping = fyne.TextWrapWord
			w := test.NewWindow(e)
			w.Resize(fyne.NewSize(benchWidth, benchHeight))
			before := heapInUse()
			e.SetText(text)
			after := heapInUse()
			b.ReportMetric(float64(after-before)/(1<<20), "MB")
			runtime.KeepAlive(e)
			w.Close()
		}
	})
}
