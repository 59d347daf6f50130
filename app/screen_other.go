//go:build android || ios || js || wasm

package app

import "fyne.io/fyne/v2"

// primaryWorkArea cannot be told on these platforms; their windows fill
// the screen anyway.
func primaryWorkArea(fyne.Window) (fyne.Size, bool) { return fyne.Size{}, false }
