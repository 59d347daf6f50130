//go:build !((linux || freebsd || openbsd || netbsd) && !wayland)

package app

import (
	"image"

	"fyne.io/fyne/v2"
)

// On Wayland, macOS and Windows the window's position is left to the
// system: Wayland does not let a program place its window, and the others
// are not done yet (position_x11.go is the X11 way).

// nativeWindowBounds cannot be told here.
func nativeWindowBounds(fyne.Window) (image.Rectangle, bool) { return image.Rectangle{}, false }

// moveNativeWindow does nothing here.
func moveNativeWindow(fyne.Window, image.Point) bool { return false }
