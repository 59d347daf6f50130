package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/editor"
)

// TestStatusBarStatistics: the status bar measures the body as readers get
// it (suggestions rejected), by the library's one word rule, warns about a
// long headline and shows progress towards the target length set in the
// form; a big draft is measured on a worker with the same result.
func TestStatusBarStatistics(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	body := "Officials announced the harbor would close{++ next week++}{>>@Ed 2026-01-20T10:00Z<<}. Workers were angry.\n\nThe cat sat on the mat."
	a := seed(t, store, clk, "Harbor to close", body)
	w := newTestWindow(t, store, clk, Options{})
	if w.article == nil || w.article.ID != a.ID {
		t.Fatal("draft not opened")
	}
	st := editor.TextStats(editor.Rejected(body))
	text, headline, target := w.stats.Stats()
	if want := statsText(st); text != want {
		t.Errorf("stats %q, want %q", text, want)
	}
	if !strings.HasPrefix(text, "15 words · ") || !strings.Contains(text, "2 paragraphs") || !strings.Contains(text, "1 min read") || !strings.Contains(text, "Flesch") {
		t.Errorf("stats %q lack the words, paragraphs, reading time or Flesch score", text)
	}
	if got, want := st.Words, editor.SummaryOf(w.article).Words; got != want {
		t.Errorf("status bar counts %d words, the library %d", got, want)
	}
	if headline != "Headline 15/110" || target != "" {
		t.Errorf("headline %q, target %q; want Headline 15/110 and no target", headline, target)
	}

	// A target length typed in the form: progress, and it is saved.
	test.Type(w.form.target, "20")
	w.advance(2 * time.Second)
	if _, _, target = w.stats.Stats(); target != "15 of 20 words" {
		t.Errorf("target progress %q, want %q", target, "15 of 20 words")
	}
	if got := mustGet(t, store, a.ID).TargetWords; got != 20 {
		t.Errorf("stored target %d, want 20", got)
	}

	// A headline over the profile's limit warns.
	w.act(func() { w.form.headline.SetText(strings.Repeat("Long headline ", 9)) })
	w.advance(2 * time.Second)
	if _, headline, _ = w.stats.Stats(); headline != "Headline 125/110" || w.stats.headline.Importance != widget.WarningImportance {
		t.Errorf("headline %q (importance %v), want a warning at 125/110", headline, w.stats.headline.Importance)
	}

	// A big draft is measured off the UI goroutine, with the same rule.
	big := strings.Repeat("The port reopened on Monday after talks. ", 2000)
	w.act(func() { w.form.body.SetText(big) })
	w.advance(2 * time.Second)
	if text, _, _ = w.stats.Stats(); text != statsText(editor.TextStats(big)) || !strings.HasPrefix(text, "14,000 words") {
		t.Errorf("big draft stats %q", text)
	}
	if _, err := parseTargetWords("six hundred"); editor.ErrorCode(err) != editor.EINVALID {
		t.Errorf("a target in words is accepted: %v", err)
	}
	if n, err := parseTargetWords(" 1,200 words "); n != 1200 || err != nil {
		t.Errorf("parseTargetWords(1,200 words) = %d, %v", n, err)
	}
}
