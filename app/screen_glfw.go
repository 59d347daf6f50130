//go:build !android && !ios && !js && !wasm

package app

import (
	"image"

	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// primaryWorkArea is the usable part of the primary monitor (without
// panels and docks) in Fyne units for the window's scale, or false when it
// cannot be told. It asks GLFW, which Fyne's desktop driver has
// initialised by the time a window exists; it must run on the main
// goroutine, as Run does.
func primaryWorkArea(win fyne.Window) (size fyne.Size, ok bool) {
	defer func() {
		if recover() != nil { // GLFW reports its errors by panicking
			size, ok = fyne.Size{}, false
		}
	}()
	mon := glfw.GetPrimaryMonitor()
	if mon == nil {
		return fyne.Size{}, false
	}
	_, _, w, h := mon.GetWorkarea()
	if w <= 0 || h <= 0 {
		if mode := mon.GetVideoMode(); mode != nil {
			w, h = mode.Width, mode.Height
		}
	}
	if w <= 0 || h <= 0 {
		return fyne.Size{}, false
	}
	scale := win.Canvas().Scale()
	if scale <= 0 {
		scale = 1
	}
	return fyne.NewSize(float32(w)/scale, float32(h)/scale), true
}

// monitorWorkAreas are the usable parts of every monitor, in pixels on the
// virtual screen, or none when they cannot be told. Like primaryWorkArea
// it must run on the main goroutine.
func monitorWorkAreas() (areas []image.Rectangle) {
	defer func() {
		if recover() != nil {
			areas = nil
		}
	}()
	for _, mon := range glfw.GetMonitors() {
		x, y, w, h := mon.GetWorkarea()
		if w <= 0 || h <= 0 {
			mode := mon.GetVideoMode()
			if mode == nil {
				continue
			}
			x, y = mon.GetPos()
			w, h = mode.Width, mode.Height
		}
		areas = append(areas, image.Rect(x, y, x+w, y+h))
	}
	return areas
}
