package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/app/textedit"
	"github.com/dateline-news/dateline/editor"
	"github.com/dateline-news/dateline/editor/style"
)

// seedReview stores a draft with a misspelled headline, names in the
// byline and dateline, a misspelling and a style finding in the body, and
// opens a window on it.
func seedReview(t *testing.T) (*testWindow, *editor.Article) {
	t.Helper()
	clk := newFakeClock()
	store := openStore(t, clk)
	a := editor.NewArticle(clk.Now())
	a.Headline = "Tea growers count thier losses"
	a.Slug = "tea-growers"
	a.Byline.Authors = []string{"Wanjiru Kamau"}
	a.Dateline.Place = "KERICHO, Kenya"
	a.Body = "Wanjiru Kamau said the harvest in Kericho fell.\n\nThe goverment cut the levy 12 percent."
	if _, err := store.Save(context.Background(), a, editor.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	w := newTestWindow(t, store, clk, Options{})
	if w.article == nil || w.article.ID != a.ID {
		t.Fatal("the seeded draft is not open")
	}
	return w, a
}

func rangesText(m *textedit.Model, rs []textedit.Range) []string {
	var out []string
	for _, r := range rs {
		out = append(out, m.Slice(r))
	}
	return out
}

func TestReviewUnderlinesAndLists(t *testing.T) {
	w, _ := seedReview(t)
	m := w.form.body.Model()
	if got := rangesText(m, m.Decorations(textedit.KindSpelling)); strings.Join(got, ",") != "goverment" {
		t.Errorf("spelling underlines %q, want only goverment (names from the byline and dateline are known)", got)
	}
	if got := rangesText(m, m.Decorations(textedit.KindStyle)); strings.Join(got, ",") != "12 percent" {
		t.Errorf("style underlines %q, want 12 percent", got)
	}
	hm := w.form.headline.Model()
	if got := rangesText(hm, hm.Decorations(textedit.KindSpelling)); strings.Join(got, ",") != "thier" {
		t.Errorf("headline underlines %q, want thier", got)
	}
	if got := w.form.deck.Model().Decorations(textedit.KindSpelling); len(got) != 0 {
		t.Errorf("the empty deck has underlines %v", got)
	}
	if !strings.Contains(w.review.summary.Text, "2 spelling, 1 style") {
		t.Errorf("summary %q", w.review.summary.Text)
	}

	// Ctrl+Alt+R shows the tab, and again goes back to the preview.
	w.act(w.review.Show)
	if w.history.side.Selected() != w.review.tab {
		t.Error("review.Show did not bring the Review tab")
	}
	w.act(w.review.Show)
	if w.history.side.Selected() == w.review.tab {
		t.Error("review.Show again should go back to the preview")
	}

	// Choosing a finding selects it in the body.
	fs := w.review.Findings()
	i := indexOfRule(fs, "percent")
	w.act(func() { w.review.list.Select(i) })
	if got := w.form.body.SelectedText(); got != "12 percent" {
		t.Errorf("choosing the percent finding selects %q", got)
	}

	// Typing a new misspelling underlines it after the pause.
	typeAtEnd(w.form.body, " Growers recieve less.")
	w.advance(reviewDelay)
	if got := rangesText(m, m.Decorations(textedit.KindSpelling)); strings.Join(got, ",") != "goverment,recieve" {
		t.Errorf("after typing, spelling underlines %q", got)
	}
}

func indexOfRule(fs []style.Finding, rule string) int {
	for i, f := range fs {
		if f.Rule == rule {
			return i
		}
	}
	return -1
}

func TestReviewMenuSuggestsIgnoresAndAdds(t *testing.T) {
	w, a := seedReview(t)
	m := w.form.body.Model()
	at := textedit.Pos{Para: 2, Off: 6} // inside "goverment"
	f, ok := w.review.findingAt(style.FieldBody, at)
	if !ok || f.Text != "goverment" {
		t.Fatalf("finding at %v: %+v, %v", at, f, ok)
	}
	items := w.review.menuItems(f)
	if len(items) < 3 || items[0].Label != "government" {
		t.Fatalf("menu %v, want government first", labels(items))
	}
	w.act(items[0].Action)
	if got := w.form.body.Model().Para(2); got != "The government cut the levy 12 percent." {
		t.Fatalf("after the suggestion: %q", got)
	}
	w.advance(reviewDelay)
	if got := rangesText(m, m.Decorations(textedit.KindSpelling)); len(got) != 0 {
		t.Errorf("corrected text still underlined: %q", got)
	}
	if !strings.Contains(w.article.Body, "government") {
		t.Errorf("the draft did not take the correction: %q", w.article.Body)
	}

	// Ignore in this draft: stored with the draft, underline gone.
	typeAtEnd(w.form.body, " Smallholdrs wait.")
	w.advance(reviewDelay)
	f, ok = w.review.findingAt(style.FieldBody, textedit.Pos{Para: 2, Off: len("The government cut the levy 12 percent. Small")})
	if !ok || f.Text != "Smallholdrs" {
		t.Fatalf("no finding on Smallholdrs: %+v", w.review.Findings())
	}
	items = w.review.menuItems(f)
	w.act(itemNamed(t, items, "Ignore “Smallholdrs” in this draft").Action)
	w.advance(reviewDelay)
	if got := rangesText(m, m.Decorations(textedit.KindSpelling)); len(got) != 0 {
		t.Errorf("ignored word still underlined: %q", got)
	}
	w.advance(w.opt.autosaveDelay())
	if saved := mustGet(t, w.store, a.ID); strings.Join(saved.IgnoreWords, ",") != "Smallholdrs" {
		t.Errorf("the draft stores ignored words %q", saved.IgnoreWords)
	}

	// Add to library dictionary: stored in the library's profile.
	typeAtEnd(w.form.body, " Kipsigis farmers agree.")
	w.advance(reviewDelay)
	f, ok = w.review.findingAt(style.FieldBody, textedit.Pos{Para: 2, Off: strings.Index(m.Para(2), "Kipsigis") + 1})
	if !ok || f.Text != "Kipsigis" {
		t.Fatalf("no finding on Kipsigis: %+v", w.review.Findings())
	}
	w.act(itemNamed(t, w.review.menuItems(f), "Add “Kipsigis” to library dictionary").Action)
	w.settle()
	p, err := w.store.Profile(context.Background())
	if err != nil || strings.Join(p.Dictionary, ",") != "Kipsigis" {
		t.Fatalf("library dictionary %q, %v", p.Dictionary, err)
	}
	if got := rangesText(m, m.Decorations(textedit.KindSpelling)); len(got) != 0 {
		t.Errorf("a word of the library dictionary is still underlined: %q", got)
	}

	// A style finding offers its fix.
	f, ok = w.review.findingAt(style.FieldBody, textedit.Pos{Para: 2, Off: strings.Index(m.Para(2), "12 percent") + 1})
	if !ok || f.Rule != "percent" {
		t.Fatalf("no percent finding: %+v", f)
	}
	w.act(itemNamed(t, w.review.menuItems(f), "Change to “12%”").Action)
	if !strings.Contains(m.Para(2), "levy 12%.") {
		t.Errorf("after the style fix: %q", m.Para(2))
	}
}

func labels(items []*fyne.MenuItem) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Label)
	}
	return out
}

func itemNamed(t *testing.T, items []*fyne.MenuItem, label string) *fyne.MenuItem {
	t.Helper()
	for _, it := range items {
		if it.Label == label {
			return it
		}
	}
	t.Fatalf("no menu item %q in %q", label, labels(items))
	return nil
}

func TestReviewIgnoreStyleAndSettings(t *testing.T) {
	w, a := seedReview(t)
	i := indexOfRule(w.review.Findings(), "percent")
	w.act(func() { w.review.ignore(w.review.Findings()[i]) })
	w.settle()
	if indexOfRule(w.review.Findings(), "percent") >= 0 {
		t.Error("an ignored style finding is still listed")
	}
	w.advance(w.opt.autosaveDelay())
	if saved := mustGet(t, w.store, a.ID); len(saved.IgnoreFindings) != 1 || !strings.HasPrefix(saved.IgnoreFindings[0], "percent:body:") {
		t.Errorf("stored ignored findings %q", saved.IgnoreFindings)
	}

	// The panel offers to stop ignoring; that brings the finding back.
	if !w.review.unignore.Visible() || w.review.unignore.Text != "Stop ignoring 1" {
		t.Fatalf("unignore button %q visible %v", w.review.unignore.Text, w.review.unignore.Visible())
	}
	w.act(w.review.unignore.OnTapped)
	w.settle()
	if indexOfRule(w.review.Findings(), "percent") < 0 || len(w.article.IgnoreFindings) != 0 || w.review.unignore.Visible() {
		t.Error("Stop ignoring did not bring the finding back")
	}

	// Review settings: switch spelling off for the library.
	d := w.review.showSettings()
	defer d.Hide()
	p := w.profile
	p.DisabledRules = []string{"spelling"}
	w.act(func() { w.review.host.saveProfile(p, func(error) { w.review.run() }) })
	w.settle()
	if indexOfRule(w.review.Findings(), "spelling") >= 0 {
		t.Error("spelling switched off but still listed")
	}
	if stored, _ := w.store.Profile(context.Background()); strings.Join(stored.DisabledRules, ",") != "spelling" {
		t.Errorf("stored disabled rules %q", stored.DisabledRules)
	}
}

func TestReviewLanguageFollowsTheDraft(t *testing.T) {
	w, _ := seedReview(t)
	typeAtEnd(w.form.body, " The colour faded.")
	w.advance(reviewDelay)
	m := w.form.body.Model()
	if got := rangesText(m, m.Decorations(textedit.KindSpelling)); !strings.Contains(strings.Join(got, ","), "colour") {
		t.Fatalf("en-US should flag colour: %q", got)
	}
	w.act(func() { w.review.language.SetSelected("en-GB") })
	w.advance(reviewDelay)
	if w.article.Language != "en-GB" {
		t.Fatalf("draft language %q", w.article.Language)
	}
	if got := rangesText(m, m.Decorations(textedit.KindSpelling)); strings.Contains(strings.Join(got, ","), "colour") {
		t.Errorf("en-GB accepts colour: %q", got)
	}
}

// TestReviewInHeadlineAndDeck: a misspelled headline word is underlined at
// its range, the underline follows typing before it, Ctrl+. in the
// headline offers the suggestions and choosing one replaces the word in
// the headline and the draft; a style finding in the deck is underlined
// too, and choosing a deck finding in the panel selects it in the deck
// and focuses it.
func TestReviewInHeadlineAndDeck(t *testing.T) {
	w, _ := seedReview(t)
	h := w.form.headline
	hm := h.Model()
	spelling := func(m *textedit.Model) []textedit.Range { return m.Decorations(textedit.KindSpelling) }
	at := strings.Index(hm.Text(), "thier")
	if got := spelling(hm); len(got) != 1 || got[0] != (textedit.Range{From: textedit.Pos{Off: at}, To: textedit.Pos{Off: at + 5}}) {
		t.Fatalf("headline spelling underlines %v, want [%d, %d)", got, at, at+5)
	}
	// Typing before the word moves its underline at once, before the
	// review runs again.
	c := w.Window.Canvas()
	c.Focus(h)
	h.SetCursor(textedit.Pos{})
	test.Type(h, "Kenyan ")
	if got := rangesText(hm, spelling(hm)); strings.Join(got, ",") != "thier" {
		t.Fatalf("after typing before it the underline covers %q", got)
	}
	w.advance(reviewDelay)
	if got := rangesText(hm, spelling(hm)); strings.Join(got, ",") != "thier" {
		t.Fatalf("after the review ran again the underline covers %q", got)
	}

	// Ctrl+. at the caret inside the word: the menu offers "their"
	// first; Enter on it corrects the headline.
	h.SetCursor(textedit.Pos{Off: strings.Index(hm.Text(), "thier") + 2})
	h.TypedShortcut(shortcutSuggest)
	menu, ok := c.Focused().(*widget.PopUpMenu)
	if !ok {
		t.Fatalf("Ctrl+. in the headline focused %T, want the suggestions menu", c.Focused())
	}
	f, _ := w.review.findingAt(style.FieldHeadline, h.CursorPosition())
	if items := w.review.menuItems(f); len(items) < 3 || items[0].Label != "their" {
		t.Fatalf("headline menu %q, want their first", labels(items))
	}
	menu.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	menu.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if want := "Kenyan Tea growers count their losses"; h.Text() != want || w.article.Headline != want {
		t.Fatalf("after the suggestion the field holds %q, the draft %q, want %q", h.Text(), w.article.Headline, want)
	}
	w.advance(reviewDelay)
	if got := spelling(hm); len(got) != 0 {
		t.Errorf("the corrected headline is still underlined: %v", got)
	}

	// A deck with a misspelling and a style error.
	d := w.form.deck
	c.Focus(d)
	test.Type(d, "Smallholders recieve less of of the levy")
	w.advance(reviewDelay)
	dm := d.Model()
	if got := rangesText(dm, spelling(dm)); strings.Join(got, ",") != "recieve" {
		t.Errorf("deck spelling underlines %q", got)
	}
	if got := rangesText(dm, dm.Decorations(textedit.KindStyle)); strings.Join(got, ",") != "of of" {
		t.Errorf("deck style underlines %q", got)
	}
	// The right click's menu is the same.
	if f, ok := w.review.findingAt(style.FieldDeck, textedit.Pos{Off: strings.Index(dm.Text(), "recieve") + 1}); !ok || f.Text != "recieve" {
		t.Errorf("no deck finding under the click: %+v", f)
	}
	// Choosing the deck's repeated word in the panel selects it there.
	c.Focus(w.form.body)
	i := -1
	for j, f := range w.review.Findings() {
		if f.Field == style.FieldDeck && f.Rule == "repeated-word" {
			i = j
		}
	}
	if i < 0 {
		t.Fatalf("no repeated word in the deck: %+v", w.review.Findings())
	}
	w.act(func() { w.review.list.Select(i) })
	if c.Focused() != fyne.Focusable(d) || d.SelectedText() != "of of" {
		t.Errorf("choosing the deck finding: focus on %T, deck selection %q", c.Focused(), d.SelectedText())
	}
	// The headline and deck findings are listed once each, not also in a
	// hint line.
	for _, f := range w.review.Findings() {
		if f.Field == style.FieldHeadline {
			t.Errorf("the corrected headline still has a finding: %+v", f)
		}
	}
}
