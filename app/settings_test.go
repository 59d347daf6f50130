package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/assets"
	"github.com/dateline-news/dateline/editor"
)

func TestSettingsBrokenTemplateCannotBeSaved(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	w := newTestWindow(t, store, clk, Options{Sample: assets.SampleArticle})
	s := w.showSettings()
	if s.save.Disabled() {
		t.Fatalf("Save is disabled on the stored profile: %s", s.sample.Text)
	}

	for _, tc := range []struct{ name, src, want string }{
		{"unknown field", "Copyright {{.Years}} {{.Owner}}.", `unknown field "Owner"`},
		{"does not parse", "Copyright {{.Years}", "does not parse"},
		{"empty", "", "is empty"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s.footerOriginal.entry.SetText("")
			test.Type(s.footerOriginal.entry, tc.src)
			if !s.save.Disabled() {
				t.Error("Save is enabled with a broken template")
			}
			if !s.footerOriginal.err.Visible() || !strings.Contains(s.footerOriginal.err.Text, tc.want) {
				t.Errorf("the message under the field is %q (shown %v), want it to say %q", s.footerOriginal.err.Text, s.footerOriginal.err.Visible(), tc.want)
			}
			test.Tap(s.save)
			w.settle()
			p, err := store.Profile(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if p.FooterOriginal != editor.DefaultFooterOriginal {
				t.Errorf("a broken template was saved: %q", p.FooterOriginal)
			}
		})
	}

	s.since.entry.SetText("04")
	if !s.since.err.Visible() || !s.save.Disabled() {
		t.Errorf("a two-digit since-year is accepted: %q", s.since.err.Text)
	}
}

func TestSettingsSaveRendersPreview(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	// Own copy: its footer follows the profile. (Syndicated copy, like the
	// sample, keeps its originating publisher's footer whatever the profile.)
	a := seed(t, store, clk, "Tea growers count losses after a dry season", "Tea growers said Monday that the dry season had cut their harvest.")
	w := newTestWindow(t, store, clk, Options{})
	w.OpenDraft(a.ID)
	w.settle()
	if strings.Contains(w.previewText(), "Tidewater Media") {
		t.Fatal("preview shows the new holder before it is saved")
	}
	s := w.showSettings()

	s.holder.entry.SetText("")
	if !s.holder.err.Visible() || !s.save.Disabled() {
		t.Error("an empty holder is accepted")
	}
	test.Type(s.holder.entry, "Tidewater Media")
	s.footerOriginal.entry.SetText("")
	test.Type(s.footerOriginal.entry, "© {{.Years}} {{.Holder}}. Reuse by arrangement.")
	s.dash.SetSelected(dashLabel(editor.DashEm))
	if s.save.Disabled() {
		t.Fatalf("Save is disabled on a good profile: %s", s.sample.Text)
	}
	for _, want := range []string{"Tidewater Media. Reuse by arrangement.", " — …"} {
		if !strings.Contains(s.sample.Text, want) {
			t.Errorf("the live sample lacks %q:\n%s", want, s.sample.Text)
		}
	}

	test.Tap(s.save)
	w.settle()

	p, err := store.Profile(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if p.Holder != "Tidewater Media" || p.Dash != editor.DashEm || !strings.HasPrefix(p.FooterOriginal, "©") {
		t.Errorf("stored profile = %+v", p)
	}
	if got := w.previewText(); !strings.Contains(got, "Tidewater Media. Reuse by arrangement.") {
		t.Errorf("preview does not show the new footer:\n%s", got)
	}
	if w.Window.Canvas().Overlays().Top() != nil {
		t.Error("the settings dialog stayed open after Save")
	}
	if got := w.StatusText(); got != "Publication settings saved" {
		t.Errorf("status = %q", got)
	}
}

func TestSettingsMenuOpensDialog(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	w := newTestWindow(t, store, clk, Options{})
	for _, it := range w.Window.MainMenu().Items[0].Items {
		if it.Label == "Publication settings…" {
			it.Action()
			if text := overlayText(w.MainWindow); !strings.Contains(text, "Copyright holder") {
				t.Errorf("the menu item opened no settings dialog:\n%s", text)
			}
			return
		}
	}
	t.Error("File menu has no Publication settings… item")
}

// TestSettingsHeadlineLimit: the headline limit is a publication setting;
// the status bar warns against it once saved.
func TestSettingsHeadlineLimit(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	seed(t, store, clk, "Tea growers count losses after a dry season", "Tea growers said Monday.")
	w := newTestWindow(t, store, clk, Options{})
	s := w.showSettings()
	test.Type(s.headlineLimit.entry, "abc")
	if !s.headlineLimit.err.Visible() || !s.save.Disabled() {
		t.Fatal("a limit that is no number is accepted")
	}
	s.headlineLimit.entry.SetText("")
	test.Type(s.headlineLimit.entry, "40")
	if s.save.Disabled() {
		t.Fatalf("Save is disabled: %s", s.sample.Text)
	}
	test.Tap(s.save)
	w.settle()
	p, err := store.Profile(context.Background())
	if err != nil || p.HeadlineLimit != 40 {
		t.Fatalf("stored limit %d, %v", p.HeadlineLimit, err)
	}
	w.renderPreview()
	w.settle()
	if _, headline, _ := w.Stats(); headline != "Headline 43/40" || w.stats.headline.Importance != widget.WarningImportance {
		t.Errorf("headline %q, want a warning at 43/40", headline)
	}
}
