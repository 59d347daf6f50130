package app

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// TestThemeTextContrast computes WCAG contrast ratios from the theme's own
// colours: every colour text is drawn in (body text, labels and hints,
// placeholders, links, errors, warnings) must keep 4.5:1 against every
// background it can sit on, in the light and the dark variant, forced or
// followed from the desktop.
func TestThemeTextContrast(t *testing.T) {
	texts := []fyne.ThemeColorName{
		theme.ColorNameForeground, theme.ColorNameDisabled, theme.ColorNamePlaceHolder,
		theme.ColorNamePrimary, theme.ColorNameHyperlink,
		theme.ColorNameError, theme.ColorNameWarning, theme.ColorNameSuccess,
	}
	backgrounds := []fyne.ThemeColorName{
		theme.ColorNameBackground, theme.ColorNameInputBackground, theme.ColorNameMenuBackground,
		theme.ColorNameOverlayBackground, theme.ColorNameHeaderBackground,
	}
	for _, ap := range []Appearance{
		{Variant: VariantSystem, TextScale: 1}, {Variant: VariantLight, TextScale: 1}, {Variant: VariantDark, TextScale: 1},
	} {
		th := newThemeFor(ap)
		for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
			for _, fg := range texts {
				for _, bg := range backgrounds {
					f, b := th.Color(fg, v), th.Color(bg, v)
					if _, _, _, a := b.RGBA(); a != 0xffff {
						t.Fatalf("%s is translucent; the contrast test assumes opaque backgrounds", bg)
					}
					if r := contrastRatio(f, b); r < 4.5 {
						t.Errorf("%s theme, desktop variant %d: %s on %s is %.2f:1, want at least 4.5:1", ap.Variant, v, fg, bg, r)
					}
				}
			}
		}
	}
}

// TestThemeDefaultGreyWouldFail shows the contrast test can fail: Fyne's
// own disabled grey, which labels used, is far below 4.5:1.
func TestThemeDefaultGreyWouldFail(t *testing.T) {
	fg := theme.DefaultTheme().Color(theme.ColorNameDisabled, theme.VariantLight)
	bg := theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantLight)
	if r := contrastRatio(fg, bg); r >= 4.5 {
		t.Fatalf("Fyne's disabled grey has %.2f:1; the contrast test would not notice a regression", r)
	}
	if r := contrastRatio(color.Black, color.White); r < 20.9 || r > 21.1 {
		t.Fatalf("black on white = %.2f:1, want 21:1", r)
	}
}

func TestThemeVariantAndTextScale(t *testing.T) {
	dark := newThemeFor(Appearance{Variant: VariantDark, TextScale: 1})
	if got, want := dark.Color(theme.ColorNameBackground, theme.VariantLight), theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark); got != want {
		t.Errorf("forced dark theme on a light desktop: background %v, want %v", got, want)
	}
	light := newThemeFor(Appearance{Variant: VariantLight, TextScale: 1})
	if got, want := light.Color(theme.ColorNameBackground, theme.VariantDark), theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantLight); got != want {
		t.Errorf("forced light theme on a dark desktop: background %v, want %v", got, want)
	}
	system := newThemeFor(Appearance{Variant: VariantSystem, TextScale: 1})
	if got, want := system.Color(theme.ColorNameBackground, theme.VariantDark), theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark); got != want {
		t.Errorf("system theme on a dark desktop: background %v, want %v", got, want)
	}
	large := newThemeFor(Appearance{Variant: VariantSystem, TextScale: 1.3})
	if got, want := large.Size(theme.SizeNameText), theme.DefaultTheme().Size(theme.SizeNameText)*1.3; got < want-0.5 || got > want+0.5 {
		t.Errorf("text size at 130%% = %v, want about %v", got, want)
	}
	if got, want := large.Size(theme.SizeNamePadding), theme.DefaultTheme().Size(theme.SizeNamePadding); got != want {
		t.Errorf("padding changed with the text size: %v, want %v", got, want)
	}
}

func TestAppearanceStoredInPreferences(t *testing.T) {
	a := test.NewTempApp(t)
	p := a.Preferences()
	if got := loadAppearance(p); got.Variant != VariantSystem || got.TextScale != 1 {
		t.Fatalf("fresh preferences: %+v, want system at 1", got)
	}
	Appearance{Variant: VariantDark, TextScale: 1.15}.store(p)
	if got := loadAppearance(p); got.Variant != VariantDark || got.TextScale != 1.15 {
		t.Fatalf("after storing dark at 1.15: %+v", got)
	}
	p.SetString(prefThemeVariant, "purple")
	p.SetFloat(prefTextScale, 40)
	if got := loadAppearance(p); got.Variant != VariantSystem || got.TextScale != 1 {
		t.Fatalf("nonsense preferences: %+v, want the defaults", got)
	}
}

// TestPreferencesDialogAppliesAndStores opens Preferences from the window,
// picks the dark theme and a larger text size, and checks that both are
// applied to the app at once and kept for the next start.
func TestPreferencesDialogAppliesAndStores(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	w := newTestWindow(t, store, clk, Options{})
	p := w.showPreferences()
	p.variant.SetSelected("Dark")
	p.size.SetSelected("Larger")
	th := w.app.Settings().Theme()
	if got, want := th.Color(theme.ColorNameBackground, theme.VariantLight), theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark); got != want {
		t.Errorf("after choosing Dark the background is %v, want %v", got, want)
	}
	if got, want := th.Size(theme.SizeNameText), theme.DefaultTheme().Size(theme.SizeNameText)*1.3; got < want-0.5 || got > want+0.5 {
		t.Errorf("after choosing Larger the text size is %v, want about %v", got, want)
	}
	if got := loadAppearance(w.app.Preferences()); got.Variant != VariantDark || got.TextScale != 1.3 {
		t.Errorf("stored appearance %+v, want dark at 1.3", got)
	}
}
