package app

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/dateline-news/dateline/assets"
)

// Appearance is what the Preferences dialog lets a user choose about the
// look of the window: light, dark or the desktop's variant, and a text
// size. It is stored in the app's preferences, not in the library, since it
// belongs to the person at this computer.
type Appearance struct {
	// Variant is one of VariantSystem, VariantLight and VariantDark.
	Variant string
	// TextScale multiplies every text size; 1 is Fyne's default.
	TextScale float32
}

// The Variant values of Appearance.
const (
	// VariantSystem follows the desktop's light or dark setting.
	VariantSystem = "system"
	// VariantLight is always light.
	VariantLight = "light"
	// VariantDark is always dark.
	VariantDark = "dark"
)

// textScales are the text sizes offered, with their labels.
var textScales = []struct {
	label string
	scale float32
}{
	{"Small", 0.9},
	{"Normal", 1},
	{"Large", 1.15},
	{"Larger", 1.3},
}

// Preference keys of the appearance.
const (
	prefThemeVariant = "appearance.variant"
	prefTextScale    = "appearance.textScale"
)

// loadAppearance reads the appearance from p, falling back to the
// defaults for anything missing or out of range.
func loadAppearance(p fyne.Preferences) Appearance {
	ap := Appearance{Variant: VariantSystem, TextScale: 1}
	if p == nil {
		return ap
	}
	switch v := p.StringWithFallback(prefThemeVariant, VariantSystem); v {
	case VariantLight, VariantDark:
		ap.Variant = v
	}
	if s := float32(p.FloatWithFallback(prefTextScale, 1)); s >= 0.75 && s <= 2 {
		ap.TextScale = s
	}
	return ap
}

// store writes the appearance to p.
func (ap Appearance) store(p fyne.Preferences) {
	p.SetString(prefThemeVariant, ap.Variant)
	p.SetFloat(prefTextScale, float64(ap.TextScale))
}

// datelineTheme is Fyne's default theme with a newsprint accent, slightly
// more generous line spacing for long-form writing, secondary text that
// stays readable (at least 4.5:1 against every background it is drawn on,
// as WCAG asks; Fyne's own grey is about 1.6:1), and the user's variant
// and text size.
type datelineTheme struct {
	ap Appearance
}

func newTheme() fyne.Theme {
	return datelineTheme{ap: Appearance{Variant: VariantSystem, TextScale: 1}}
}

// newThemeFor is the theme for an appearance.
func newThemeFor(ap Appearance) fyne.Theme { return datelineTheme{ap: ap} }

// accent is a deep ink blue that reads well on light backgrounds; the dark
// variant uses a lighter blue.
var accent = color.NRGBA{R: 0x1f, G: 0x5f, B: 0xa8, A: 0xff}

// Secondary text: labels, hints, placeholders and disabled text. These
// greys keep 4.5:1 against the background, the input background and the
// menu and overlay backgrounds of their variant (theme_test.go checks).
var (
	secondaryLight = color.NRGBA{R: 0x5c, G: 0x5c, B: 0x5c, A: 0xff}
	secondaryDark  = color.NRGBA{R: 0xa8, G: 0xa8, B: 0xa8, A: 0xff}
)

// readableColors replaces the colours of Fyne's default theme that are
// used for text and miss 4.5:1 against their backgrounds: the light
// foreground (#565656), and the error, warning and success colours of the
// status bar and hints (Fyne's bright red is 3.6:1 on white).
var readableColors = map[fyne.ThemeVariant]map[fyne.ThemeColorName]color.Color{
	theme.VariantLight: {
		theme.ColorNameForeground: color.NRGBA{R: 0x1f, G: 0x1f, B: 0x1f, A: 0xff},
		theme.ColorNameError:      color.NRGBA{R: 0xb3, G: 0x26, B: 0x1e, A: 0xff},
		theme.ColorNameWarning:    color.NRGBA{R: 0x8a, G: 0x5a, B: 0x00, A: 0xff},
		theme.ColorNameSuccess:    color.NRGBA{R: 0x1b, G: 0x6e, B: 0x20, A: 0xff},
	},
	theme.VariantDark: {
		theme.ColorNameError:   color.NRGBA{R: 0xff, G: 0x8a, B: 0x80, A: 0xff},
		theme.ColorNameWarning: color.NRGBA{R: 0xff, G: 0xb7, B: 0x4d, A: 0xff},
		theme.ColorNameSuccess: color.NRGBA{R: 0x81, G: 0xc7, B: 0x84, A: 0xff},
	},
}

func (t datelineTheme) variant(v fyne.ThemeVariant) fyne.ThemeVariant {
	switch t.ap.Variant {
	case VariantLight:
		return theme.VariantLight
	case VariantDark:
		return theme.VariantDark
	}
	return v
}

func (t datelineTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	v = t.variant(v)
	switch n {
	case theme.ColorNamePrimary, theme.ColorNameHyperlink:
		if v == theme.VariantDark {
			return color.NRGBA{R: 0x6a, G: 0xa5, B: 0xe8, A: 0xff}
		}
		return accent
	case theme.ColorNameFocus:
		return color.NRGBA{R: accent.R, G: accent.G, B: accent.B, A: 0x7f}
	case theme.ColorNameSelection:
		return color.NRGBA{R: accent.R, G: accent.G, B: accent.B, A: 0x3f}
	case theme.ColorNameDisabled, theme.ColorNamePlaceHolder:
		if v == theme.VariantDark {
			return secondaryDark
		}
		return secondaryLight
	}
	if c, ok := readableColors[v][n]; ok {
		return c
	}
	return theme.DefaultTheme().Color(n, v)
}

func (datelineTheme) Font(s fyne.TextStyle) fyne.Resource { return theme.DefaultTheme().Font(s) }

func (datelineTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (t datelineTheme) Size(n fyne.ThemeSizeName) float32 {
	scale := t.ap.TextScale
	if scale <= 0 {
		scale = 1
	}
	switch n {
	case theme.SizeNameLineSpacing:
		return 5 * scale
	case theme.SizeNameText, theme.SizeNameCaptionText, theme.SizeNameHeadingText,
		theme.SizeNameSubHeadingText, theme.SizeNameInlineIcon:
		return float32(math.Round(float64(theme.DefaultTheme().Size(n)*scale*2)) / 2)
	}
	return theme.DefaultTheme().Size(n)
}

// contrastRatio is WCAG 2's contrast ratio of two opaque colours, from 1
// (none) to 21 (black on white).
func contrastRatio(a, b color.Color) float64 {
	la, lb := relativeLuminance(a), relativeLuminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// relativeLuminance is WCAG 2's relative luminance of an opaque colour.
func relativeLuminance(c color.Color) float64 {
	r, g, b, _ := color.NRGBAModel.Convert(c).RGBA()
	lin := func(v uint32) float64 {
		s := float64(v>>8) / 255
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// The preview's serif faces (assets/fonts, Liberation Serif), so that the
// preview reads like a news page; the form and the body editor keep the
// theme's sans and monospace.
var (
	serifRegular    = fyne.NewStaticResource("LiberationSerif-Regular.ttf", assets.SerifRegular)
	serifBold       = fyne.NewStaticResource("LiberationSerif-Bold.ttf", assets.SerifBold)
	serifItalic     = fyne.NewStaticResource("LiberationSerif-Italic.ttf", assets.SerifItalic)
	serifBoldItalic = fyne.NewStaticResource("LiberationSerif-BoldItalic.ttf", assets.SerifBoldItalic)
)

// previewFont is the font the preview draws text of style in: a serif face,
// or nil (the theme's font) for monospace text such as code and markers.
func previewFont(style fyne.TextStyle) fyne.Resource {
	switch {
	case style.Monospace || style.Symbol:
		return nil
	case style.Bold && style.Italic:
		return serifBoldItalic
	case style.Bold:
		return serifBold
	case style.Italic:
		return serifItalic
	}
	return serifRegular
}
