//go:build !linux

package app

import "fyne.io/fyne/v2"

// newSystemChooser returns nil: outside Linux, Dateline's own dialog is
// used (filedialog.go).
func newSystemChooser() systemChooser { return nil }

// nativeWindowID is "" outside Linux.
func nativeWindowID(fyne.Window) string { return "" }
