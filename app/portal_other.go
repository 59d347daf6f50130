//go:build !linux

package app

import "fyne.io/fyne/v2"

// newSystemChooser returns nil: outside Linux, Fyne's dialog is used.
func newSystemChooser() systemChooser { return nil }

// nativeWindowID is "" outside Linux.
func nativeWindowID(fyne.Window) string { return "" }
