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

func TestSettingsStructuredData(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	w := newTestWindow(t, store, clk, Options{})
	s := w.showSettings()

	test.Type(s.urlPattern.entry, "{site}/{yyyy}/{slug}")
	if !s.urlPattern.err.Visible() || !s.save.Disabled() {
		t.Error("a pattern with {site} is accepted without a site URL")
	}
	test.Type(s.baseURL.entry, "harbortimes.example")
	if !s.baseURL.err.Visible() || !s.save.Disabled() {
		t.Error("a site URL without http(s) is accepted")
	}
	s.baseURL.entry.SetText("")
	test.Type(s.baseURL.entry, "https://harbortimes.example")
	test.Type(s.logoURL.entry, "logo.png")
	if !s.logoURL.err.Visible() || s.baseURL.err.Visible() || s.urlPattern.err.Visible() {
		t.Errorf("problems: site %v logo %v pattern %v; want the relative logo only", s.baseURL.err.Visible(), s.logoURL.err.Visible(), s.urlPattern.err.Visible())
	}
	s.logoURL.entry.SetText("")
	test.Type(s.logoURL.entry, "https://harbortimes.example/logo.png")
	if s.save.Disabled() {
		t.Fatalf("Save disabled: %s", s.sample.Text)
	}
	test.Tap(s.save)
	w.settle()
	p, err := store.Profile(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if p.BaseURL != "https://harbortimes.example" || p.LogoURL != "https://harbortimes.example/logo.png" || p.URLPattern != "{site}/{yyyy}/{slug}" {
		t.Errorf("stored profile: site %q logo %q pattern %q", p.BaseURL, p.LogoURL, p.URLPattern)
	}
}

// TestSettingsAgencies adds a wire agency in Publication settings: a bad
// line is refused under the field, a good one is saved, and wire copy
// credited to it then imports as syndicated from it.
func TestSettingsAgencies(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	w := newTestWindow(t, store, clk, Options{})
	s := w.showSettings()

	test.Type(s.agencies.entry, ": CH")
	if !s.save.Disabled() || !s.agencies.err.Visible() || !strings.Contains(s.agencies.err.Text, "Name: credit") {
		t.Errorf("a line with no name is accepted: %q", s.agencies.err.Text)
	}
	s.agencies.entry.SetText("Coast Herald: CH, The Herald")
	if s.save.Disabled() {
		t.Fatalf("Save is disabled: %s / %s", s.agencies.err.Text, s.sample.Text)
	}
	test.Tap(s.save)
	w.settle()
	p, err := store.Profile(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Agencies) != 1 || p.Agencies[0].Name != "Coast Herald" || strings.Join(p.Agencies[0].Credits, "|") != "CH|The Herald" {
		t.Fatalf("saved agencies %+v", p.Agencies)
	}
	a, err := editor.ParseWireText([]byte("GRIMSBY, England (CH) – The boatyard won the contract.\nWork starts in May.\n"), p)
	if err != nil {
		t.Fatal(err)
	}
	if a.Attribution.Kind != editor.AttributionSyndicated || a.Attribution.OriginalPublisher != "Coast Herald" {
		t.Errorf("copy credited to CH imports as %+v", a.Attribution)
	}
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
	if _, headline, _ := w.stats.Stats(); headline != "Headline 43/40" || w.stats.headline.Importance != widget.WarningImportance {
		t.Errorf("headline %q, want a warning at 43/40", headline)
	}
}
