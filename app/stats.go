package app

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/editor"
)

// The length and statistics of the open draft in the status bar: words,
// characters, paragraphs, reading time and Flesch reading ease of the body
// as readers get it (editor.TextStats of Article.PublicBody, so the count
// is the library's, the history's and the ninjs export's), the headline's
// length against the profile's limit, and progress towards the draft's
// target length.

// statsInline is the body size, in bytes, up to which the statistics are
// computed on the UI goroutine; bigger drafts are measured on a worker.
const statsInline = 32 << 10

// statsBar is the statistics part of the status bar.
type statsBar struct {
	env      panelEnv
	text     *widget.Label
	headline *widget.Label
	target   *widget.ProgressBar
	// targetBox holds target at its width; hidden without a target.
	targetBox *fyne.Container
	object    fyne.CanvasObject
	// parent is the status bar, laid out again when the texts change.
	parent *fyne.Container
	// gen counts measurements, so that an older one finishing late is
	// dropped.
	gen uint64
}

func newStatsBar(env panelEnv) *statsBar {
	s := &statsBar{env: env, text: widget.NewLabel(""), headline: widget.NewLabel(""), target: widget.NewProgressBar()}
	s.text.Importance = widget.LowImportance
	s.targetBox = container.NewGridWrap(fyne.NewSize(170, s.target.MinSize().Height), s.target)
	s.targetBox.Hide()
	s.object = container.NewHBox(s.text, s.headline, s.targetBox)
	return s
}

// statsText is the status bar's summary of st.
func statsText(st editor.Stats) string {
	parts := []string{
		countOf(st.Words, "word"),
		countOf(st.Characters, "character"),
		countOf(st.Paragraphs, "paragraph"),
	}
	if m := st.ReadingMinutes(); m > 0 {
		parts = append(parts, strconv.Itoa(m)+" min read")
	}
	if f := st.FleschReadingEase(); !math.IsNaN(f) {
		parts = append(parts, fmt.Sprintf("Flesch %.0f", f))
	}
	return strings.Join(parts, " · ")
}

// countOf is "1 word", "1,200 words".
func countOf(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return formatThousands(n) + " " + noun + "s"
}

// headlineText is the headline's length against limit, and whether it is
// over.
func headlineText(headline string, limit int) (string, bool) {
	n := utf8.RuneCountInString(strings.TrimSpace(headline))
	return fmt.Sprintf("Headline %d/%d", n, limit), n > limit
}

// update measures the open draft and shows the result; big drafts are
// measured on a worker.
func (s *statsBar) update() {
	s.gen++
	a := s.env.current()
	if a == nil {
		s.text.SetText("")
		s.headline.SetText("")
		s.targetBox.Hide()
		return
	}
	label, over := headlineText(a.Headline, s.env.profile().HeadlineMax())
	s.headline.SetText(label)
	s.headline.Importance = widget.LowImportance
	if over {
		s.headline.Importance = widget.WarningImportance
	}
	body, target, gen := a.Body, a.TargetWords, s.gen
	if len(body) <= statsInline {
		s.show(editor.TextStats(editor.Rejected(body)), target)
		return
	}
	s.env.run(func() func() {
		st := editor.TextStats(editor.Rejected(body))
		return func() {
			if gen == s.gen {
				s.show(st, target)
			}
		}
	})
}

// show puts a measurement in the bar.
func (s *statsBar) show(st editor.Stats, target int) {
	defer s.relayout()
	s.text.SetText(statsText(st))
	if target <= 0 {
		s.targetBox.Hide()
		return
	}
	s.target.Max = float64(target)
	s.target.Value = math.Min(float64(st.Words), float64(target))
	words := st.Words
	s.target.TextFormatter = func() string {
		return fmt.Sprintf("%s of %s words", formatThousands(words), formatThousands(target))
	}
	s.targetBox.Show()
	s.target.Refresh()
}

// relayout lays the status bar out again for the new texts.
func (s *statsBar) relayout() {
	s.headline.Refresh()
	if s.parent != nil {
		s.parent.Refresh()
	}
}

// Stats returns the statistics shown, for tests.
func (s *statsBar) Stats() (text, headline, target string) {
	if s.targetBox.Visible() && s.target.TextFormatter != nil {
		target = s.target.TextFormatter()
	}
	return s.text.Text, s.headline.Text, target
}

// parseTargetWords reads the form's target length: empty for none, or a
// whole number of words ("600", "1,200", "600 words").
func parseTargetWords(s string) (int, error) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "words"))
	s = strings.ReplaceAll(s, ",", "")
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 0 || n > 100000 {
		return 0, editor.Errorf(editor.EINVALID, "the target length is a number of words, such as 600")
	}
	return n, nil
}

// targetWordsText is the form's text for a target length; "" for none.
func targetWordsText(n int) string {
	if n <= 0 {
		return ""
	}
	return strconv.Itoa(n)
}
