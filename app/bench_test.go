package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/assets"
)

// benchBody is a story of about 900 words, long enough that per-keystroke
// work proportional to the text would show.
var benchBody = strings.Repeat("Tea growers in the central highlands said Monday that the dry season had cut their harvest by a third, and that prices at the Mombasa auction rose for a *third* week.\n\n", 30)

// BenchmarkTypeIntoBody measures one typed character in the body editor of
// the wired-up form (edit applied to the draft, dirty flag, autosave and
// preview debounce restarted) next to the same keystroke in a stock
// multi-line entry, plain and configured like the old body (monospace, word
// wrap), in the same run. The render and the save are not in the figure:
// they run later, off the UI goroutine. app/textedit has the benchmarks
// at 1,000 to 20,000 words.
func BenchmarkTypeIntoBody(b *testing.B) {
	typeInto := func(b *testing.B, e *widget.Entry) {
		e.CursorRow = strings.Count(e.Text, "\n")
		e.CursorColumn = 0
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			test.Type(e, "x")
		}
	}
	b.Run("stock-entry", func(b *testing.B) {
		test.NewTempApp(b)
		e := widget.NewMultiLineEntry()
		w := test.NewTempWindow(b, e)
		w.Resize(fyne.NewSize(560, 400))
		e.SetText(benchBody)
		typeInto(b, e)
	})
	b.Run("stock-entry-wrapped-monospace", func(b *testing.B) {
		test.NewTempApp(b)
		e := widget.NewMultiLineEntry()
		e.TextStyle = fyne.TextStyle{Monospace: true}
		e.Wrapping = fyne.TextWrapWord
		w := test.NewTempWindow(b, e)
		w.Resize(fyne.NewSize(560, 400))
		e.SetText(benchBody)
		typeInto(b, e)
	})
	b.Run("dateline-body", func(b *testing.B) {
		clk := newFakeClock()
		store := openStore(b, clk)
		w := newTestWindow(b, store, clk, Options{Sample: assets.SampleArticle})
		w.form.body.SetText(benchBody)
		w.form.body.SetCursor(w.form.body.Model().End())
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			test.Type(w.form.body, "x")
		}
		b.StopTimer()
		if n := strings.Count(w.article.Body, "x") - strings.Count(benchBody, "x"); !w.saver.dirty || n != b.N {
			b.Fatalf("%d of %d keystrokes reached the draft (dirty %v)", n, b.N, w.saver.dirty)
		}
		w.stopTimers()
	})
}
