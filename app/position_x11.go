//go:build (linux || freebsd || openbsd || netbsd) && !wayland

package app

/*
#cgo pkg-config: x11
#include <X11/Xlib.h>

// dl_ignore_x_error keeps Xlib's default handler, which ends the process,
// from seeing an error about a window that has gone.
static int dl_ignore_x_error(Display *dpy, XErrorEvent *ev) { return 0; }

// dl_window_geometry stores the top-left corner of the window's client
// area on the root window and its size; it returns 0 when the window or
// the display cannot be read.
static int dl_window_geometry(unsigned long win, int *x, int *y, int *w, int *h) {
	Display *dpy = XOpenDisplay(NULL);
	if (!dpy) return 0;
	XErrorHandler old = XSetErrorHandler(dl_ignore_x_error);
	XWindowAttributes a;
	Window child;
	int ok = XGetWindowAttributes(dpy, (Window)win, &a) &&
		XTranslateCoordinates(dpy, (Window)win, a.root, 0, 0, x, y, &child);
	*w = a.width;
	*h = a.height;
	XSync(dpy, False);
	XSetErrorHandler(old);
	XCloseDisplay(dpy);
	return ok;
}

// dl_move_window moves the window's client area to x, y on the root
// window. GLFW gives its windows static gravity, so the window manager
// puts the client area, not its frame, there.
static int dl_move_window(unsigned long win, int x, int y) {
	Display *dpy = XOpenDisplay(NULL);
	if (!dpy) return 0;
	XErrorHandler old = XSetErrorHandler(dl_ignore_x_error);
	XMoveWindow(dpy, (Window)win, x, y);
	XSync(dpy, False);
	XSetErrorHandler(old);
	XCloseDisplay(dpy);
	return 1;
}
*/
import "C"

import (
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
)

// The window's position on X11. Fyne 2.7 has no API for it, so the native
// window (driver.NativeWindow's X11WindowContext) is read and moved with
// Xlib, on a display connection of its own. Builds for Wayland and other
// systems have position_other.go, which does nothing: there the window
// manager places the window.

// x11Window is win's X window, or 0 when it has none (not shown yet, or
// not an X11 window).
func x11Window(win fyne.Window) uintptr {
	nw, ok := win.(driver.NativeWindow)
	if !ok {
		return 0
	}
	var id uintptr
	nw.RunNative(func(ctx any) {
		if x, ok := ctx.(driver.X11WindowContext); ok {
			id = x.WindowHandle
		}
	})
	return id
}

// nativeWindowBounds is where win's client area is on the screen, in
// pixels, or false when that cannot be told.
func nativeWindowBounds(win fyne.Window) (image.Rectangle, bool) {
	id := x11Window(win)
	if id == 0 {
		return image.Rectangle{}, false
	}
	var x, y, w, h C.int
	if C.dl_window_geometry(C.ulong(id), &x, &y, &w, &h) == 0 || w <= 0 || h <= 0 {
		return image.Rectangle{}, false
	}
	return image.Rect(int(x), int(y), int(x+w), int(y+h)), true
}

// moveNativeWindow puts win's client area's top-left corner at p, in
// pixels, and reports whether it could.
func moveNativeWindow(win fyne.Window, p image.Point) bool {
	id := x11Window(win)
	if id == 0 {
		return false
	}
	return C.dl_move_window(C.ulong(id), C.int(p.X), C.int(p.Y)) != 0
}
