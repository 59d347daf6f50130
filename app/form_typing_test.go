package app

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/app/textedit"
	"github.com/dateline-news/dateline/editor"
)

// typedLine is a long line with the words the stock wrapped Entry used to
// fuse ("afterthe"), curly quotes, accents, CJK and an emoji.
const typedLine = "Dockworkers in Mombasa voted on Friday after the port authority agreed to review the fuel levy — “a first step”, " +
	"said café owners near the gates; 東京 traders and naïve 👍🏽 observers waited."

// TestOneLineFieldsTypeExactly types a long line one key at a time into a
// stock one-line Entry, as the form builds most of its fields, and into
// the single-line editor of the headline and deck, at every width from
// 150 to 900 px in steps of 7 px, and compares the text byte for byte.
func TestOneLineFieldsTypeExactly(t *testing.T) {
	test.NewTempApp(t)
	e := widget.NewEntry()
	l := textedit.NewLine()
	w := test.NewTempWindow(t, container.NewVBox(e, l))
	for width := float32(150); width <= 900; width += 7 {
		w.Resize(fyne.NewSize(width, 200))
		e.SetText("")
		l.SetText("")
		for _, r := range typedLine {
			e.TypedRune(r)
			l.TypedRune(r)
		}
		if e.Text != typedLine {
			t.Fatalf("width %v: typed %q, want %q", width, e.Text, typedLine)
		}
		if l.Text() != typedLine {
			t.Fatalf("width %v: the headline field holds %q, want %q", width, l.Text(), typedLine)
		}
	}
}

// TestFormFieldsTypeExactly types into every one-line field of the wired
// form at two window widths and checks the draft holds exactly the text.
func TestFormFieldsTypeExactly(t *testing.T) {
	for _, width := range []float32{900, 1400} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			clk := newFakeClock()
			store := openStore(t, clk)
			w := newTestWindow(t, store, clk, Options{})
			w.Window.Resize(fyne.NewSize(width, 800))
			w.NewArticle()
			w.settle()
			f := w.form
			fields := []struct {
				name  string
				entry interface {
					fyne.Focusable
					SetText(string)
				}
				got func(a *editor.Article) string
			}{
				{"headline", f.headline, func(a *editor.Article) string { return a.Headline }},
				{"deck", f.deck, func(a *editor.Article) string { return a.Deck }},
				{"byline title", f.bylineTitle, func(a *editor.Article) string { return a.Byline.Title }},
				{"place", f.place, func(a *editor.Article) string { return a.Dateline.Place }},
				{"credit", f.credit, func(a *editor.Article) string { return a.Dateline.Credit }},
				{"source", f.source, func(a *editor.Article) string { return a.Attribution.Source }},
			}
			for _, fl := range fields {
				fl.entry.SetText("")
				test.Type(fl.entry, typedLine)
				if got := fl.got(w.article); got != typedLine {
					t.Errorf("%s: the draft holds %q, want %q", fl.name, got, typedLine)
				}
			}
			const slug = "port-strike-ends-after-nine-days-in-mombasa-and-the-levy-is-reviewed"
			f.slug.SetText("")
			test.Type(f.slug, slug)
			if w.article.Slug != slug {
				t.Errorf("slug: the draft holds %q, want %q", w.article.Slug, slug)
			}
			body := typedLine + "\n\n" + typedLine
			typeAtEnd(f.body, body)
			if w.article.Body != body || f.body.Text() != body {
				t.Errorf("body: the draft holds %q, the editor %q, want %q", w.article.Body, f.body.Text(), body)
			}
			w.stopTimers()
		})
	}
}

// TestEnterInHeadlineGoesToBody: Enter in the headline moves the focus to
// the body, where the next keys land.
func TestEnterInHeadlineGoesToBody(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	w := newTestWindow(t, store, clk, Options{})
	w.NewArticle()
	w.settle()
	c := w.Window.Canvas()
	c.Focus(w.form.headline)
	typeFocused := func(s string) {
		for _, r := range s {
			c.Focused().TypedRune(r)
		}
	}
	typeFocused("Port strike ends")
	w.form.headline.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if c.Focused() != w.form.body {
		t.Fatalf("after Enter in the headline the focus is on %T, want the body", c.Focused())
	}
	typeFocused("Dockworkers voted.")
	if w.article.Headline != "Port strike ends" || w.article.Body != "Dockworkers voted." {
		t.Errorf("headline %q, body %q", w.article.Headline, w.article.Body)
	}
	w.stopTimers()
}

func TestHeadlineLengthHint(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	long := strings.Repeat("Harbour ", 18) + "closes"
	a := seed(t, store, clk, long, "Text.")
	w := newTestWindow(t, store, clk, Options{})
	w.OpenDraft(a.ID)
	w.settle()
	hint := w.form.lengthHint
	if !hint.Visible() || !strings.Contains(hint.Text, "150 characters") {
		t.Fatalf("opening a 150-character headline: hint visible %v, %q", hint.Visible(), hint.Text)
	}
	w.form.headline.SetText("Harbour closes")
	if hint.Visible() {
		t.Errorf("a short headline still shows %q", hint.Text)
	}
	test.Type(w.form.headline, strings.Repeat("x", 100))
	if !hint.Visible() || !strings.Contains(hint.Text, "114 characters") {
		t.Errorf("typing past 110: hint visible %v, %q", hint.Visible(), hint.Text)
	}
	w.stopTimers()
}

// TestLongHeadlineIsWhollyVisible: at 1280x800 a 110-character headline
// (the length search engines show) wraps inside its field, which grows to
// hold every line, rather than scrolling sideways; the deck below moves
// down with it and nothing is hidden. A line break pasted into the
// headline becomes a space.
func TestLongHeadlineIsWhollyVisible(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	w := newTestWindow(t, store, clk, Options{})
	w.Window.Resize(fyne.NewSize(1280, 800))
	w.NewArticle()
	w.settle()
	h := w.form.headline
	oneLine := h.Size().Height
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject
	deckTop := abs(w.form.deck).Y
	long := "Dockworkers in Mombasa end nine-day strike after port authority agrees to review fuel levy and overtime pay"
	long += strings.Repeat("!", 110-len([]rune(long)))
	cb := test.NewClipboard()
	cb.SetContent(long[:40] + "\n" + long[41:])
	h.TypedShortcut(&fyne.ShortcutPaste{Clipboard: cb})
	if got := w.article.Headline; got != long[:40]+" "+long[41:] {
		t.Fatalf("the draft's headline is %q", got)
	}
	if h.Overflows() {
		t.Fatalf("a 110-character headline overflows its %v px field", h.Size().Height)
	}
	if h.Size().Height <= oneLine {
		t.Errorf("the headline field stayed %v px tall; at %v px wide the headline needs more than one line", h.Size().Height, h.Size().Width)
	}
	if abs(w.form.deck).Y <= deckTop {
		t.Errorf("the deck stayed at %v; the headline grew over it", deckTop)
	}
	w.stopTimers()
}

// TestTabMovesThroughHeadlineAndDeck: Tab goes from the headline to the
// deck and on to the slug, Shift+Tab back, and types nothing; F6 in the
// headline goes to the next pane.
func TestTabMovesThroughHeadlineAndDeck(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	w := newTestWindow(t, store, clk, Options{})
	w.NewArticle()
	w.settle()
	c := w.Window.Canvas()
	c.Focus(w.form.headline)
	c.FocusNext()
	if c.Focused() != fyne.Focusable(w.form.deck) {
		t.Fatalf("Tab from the headline went to %T, want the deck", c.Focused())
	}
	c.FocusNext()
	if c.Focused() != fyne.Focusable(w.form.slug) {
		t.Fatalf("Tab from the deck went to %T, want the slug", c.Focused())
	}
	c.FocusPrevious()
	c.FocusPrevious()
	if c.Focused() != fyne.Focusable(w.form.headline) {
		t.Fatalf("Shift+Tab twice from the slug went to %T, want the headline", c.Focused())
	}
	if w.form.headline.Text() != "" || w.form.deck.Text() != "" {
		t.Errorf("Tab typed into the fields: %q, %q", w.form.headline.Text(), w.form.deck.Text())
	}
	w.form.headline.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF6})
	if c.Focused() == fyne.Focusable(w.form.headline) {
		t.Error("F6 in the headline kept the focus there")
	}
	w.stopTimers()
}
