//go:build android || ios || js || wasm

package app

import (
	"image"

	"fyne.io/fyne/v2"
)

// primaryWorkArea cannot be told on these platforms; their windows fill
// the screen anyway.
func primaryWorkArea(fyne.Window) (fyne.Size, bool) { return fyne.Size{}, false }

// monitorWorkAreas cannot be told on these platforms.
func monitorWorkAreas() []image.Rectangle { return nil }
