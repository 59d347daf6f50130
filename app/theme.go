package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// datelineTheme is Fyne's default theme with a newsprint accent and
// slightly more generous spacing for long-form writing.
type datelineTheme struct{}

func newTheme() fyne.Theme { return datelineTheme{} }

// accent is a deep ink blue that reads well on light and dark backgrounds.
var accent = color.NRGBA{R: 0x1f, G: 0x5f, B: 0xa8, A: 0xff}

func (datelineTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
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
	}
	return theme.DefaultTheme().Color(n, v)
}

func (datelineTheme) Font(s fyne.TextStyle) fyne.Resource { return theme.DefaultTheme().Font(s) }

func (datelineTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (datelineTheme) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNameLineSpacing {
		return 5
	}
	return theme.DefaultTheme().Size(n)
}
