package app

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"

	"fyne.io/fyne/v2"

	"github.com/dateline-news/dateline/app/textedit"
	"github.com/dateline-news/dateline/editor"
)

// The window's geometry: the size it opens at, and what is remembered
// between runs (size, position, split positions, the open draft). The
// position is restored on X11 only (position_x11.go), and only when the
// window would still lie on a monitor. Everything is kept
// in Fyne's app preferences, per library file where it concerns the
// library, so that two libraries do not fight over one "last draft".

// Sizes of the main window.
var (
	// defaultWindowSize is the first window on a large screen.
	defaultWindowSize = fyne.NewSize(1400, 860)
	// minimumWindowSize is the smallest size whose layout is still usable.
	minimumWindowSize = fyne.NewSize(1024, 600)
)

// defaultFormSplit is the share of the form's height the fields take
// above the body.
const defaultFormSplit = 0.35

// screenShare is the most of the screen a first window takes.
const screenShare = 0.9

// fitWindowSize is the size to open the window at: the remembered size
// when there is a usable one, otherwise the default; never more than 90 %
// of the screen's work area (when known), and never less than the minimum
// usable layout unless the screen itself is smaller.
func fitWindowSize(remembered fyne.Size, work fyne.Size, workKnown bool) fyne.Size {
	want := defaultWindowSize
	if remembered.Width >= minimumWindowSize.Width && remembered.Height >= minimumWindowSize.Height {
		want = remembered
	}
	if !workKnown {
		return want
	}
	maxW, maxH := work.Width*screenShare, work.Height*screenShare
	floorW, floorH := fyne.Min(minimumWindowSize.Width, work.Width), fyne.Min(minimumWindowSize.Height, work.Height)
	w := fyne.Max(fyne.Min(want.Width, fyne.Max(maxW, floorW)), floorW)
	h := fyne.Max(fyne.Min(want.Height, fyne.Max(maxH, floorH)), floorH)
	return fyne.NewSize(float32(int(w)), float32(int(h)))
}

// Preference keys of the geometry. Keys about a library carry a hash of
// its path.
const (
	prefWindowWidth  = "window.width"
	prefWindowHeight = "window.height"
	// prefWindowPosition is "x,y": the client area's top-left corner in
	// screen pixels.
	prefWindowPosition = "window.position"
	prefSplitLibrary   = "window.split.library"
	prefSplitPreview   = "window.split.preview"
	prefSplitForm      = "window.split.form"
	prefLastDraft      = "library.lastDraft."
	prefLastCursor     = "library.lastCursor."
)

// libraryKey is the preference key of name for the library at path.
func libraryKey(name, path string) string {
	sum := sha256.Sum256([]byte(path))
	return name + hex.EncodeToString(sum[:8])
}

// rememberedSize is the window size stored at the last close.
func rememberedSize(p fyne.Preferences) fyne.Size {
	return fyne.NewSize(float32(p.Float(prefWindowWidth)), float32(p.Float(prefWindowHeight)))
}

// rememberedOffset is a split's stored position, or def when none is
// stored or it is out of range.
func rememberedOffset(p fyne.Preferences, key string, def float64) float64 {
	v := p.FloatWithFallback(key, def)
	if v < 0.05 || v > 0.95 {
		return def
	}
	return v
}

// FitToScreen sizes the window for the screen it opens on (see
// fitWindowSize). Run calls it on the main goroutine before showing the
// window.
func (w *MainWindow) FitToScreen() {
	work, ok := primaryWorkArea(w.Window)
	w.Window.Resize(fitWindowSize(rememberedSize(w.app.Preferences()), work, ok))
}

// rememberGeometry stores the window's size and split positions and the
// open draft, for the next start.
func (w *MainWindow) rememberGeometry() {
	p := w.app.Preferences()
	if s := w.Window.Canvas().Size(); s.Width >= minimumWindowSize.Width && s.Height >= minimumWindowSize.Height {
		p.SetFloat(prefWindowWidth, float64(s.Width))
		p.SetFloat(prefWindowHeight, float64(s.Height))
	}
	if b, ok := nativeWindowBounds(w.Window); ok {
		p.SetString(prefWindowPosition, fmt.Sprintf("%d,%d", b.Min.X, b.Min.Y))
	}
	if w.mainSplit != nil {
		p.SetFloat(prefSplitLibrary, w.mainSplit.Offset)
		p.SetFloat(prefSplitPreview, w.rightSplit.Offset)
		p.SetFloat(prefSplitForm, w.form.split.Offset)
	}
	if w.article != nil && !w.fresh {
		p.SetString(libraryKey(prefLastDraft, w.opt.LibraryPath), w.article.ID)
		c := w.form.body.CursorPosition()
		p.SetString(libraryKey(prefLastCursor, w.opt.LibraryPath), fmt.Sprintf("%d:%d", c.Para, c.Off))
	}
}

// restoreCursor puts the body's cursor where it was at the last close, if
// a is the draft that was open then; start arms it (pendingCursor) for the
// one draft it reopens.
func (w *MainWindow) restoreCursor(a *editor.Article) {
	id := w.pendingCursor
	w.pendingCursor = ""
	if id == "" || a.ID != id {
		return
	}
	var pos textedit.Pos
	saved := w.app.Preferences().String(libraryKey(prefLastCursor, w.opt.LibraryPath))
	if _, err := fmt.Sscanf(saved, "%d:%d", &pos.Para, &pos.Off); err != nil {
		return
	}
	w.form.body.SetCursor(pos) // clamped to the text by the editor
	w.form.body.ScrollToCursor()
	w.Window.Canvas().Focus(w.form.body)
}

// lastDraft is the draft that was open when the window last closed on
// this library, or "".
func (w *MainWindow) lastDraft() string {
	return w.app.Preferences().String(libraryKey(prefLastDraft, w.opt.LibraryPath))
}

// rememberedPosition is the window position stored at the last close.
func rememberedPosition(p fyne.Preferences) (image.Point, bool) {
	var pt image.Point
	_, err := fmt.Sscanf(p.String(prefWindowPosition), "%d,%d", &pt.X, &pt.Y)
	return pt, err == nil
}

// placeWindow is where a window of size size, last seen with its top-left
// corner at pos, opens among the monitors' work areas: on the monitor it
// overlaps most, moved as little as needed to lie wholly on it (to its
// top-left corner when it is larger). It reports false when the window
// overlaps no monitor (the screens changed): the window manager places
// it then.
func placeWindow(pos, size image.Point, areas []image.Rectangle) (image.Point, bool) {
	r := image.Rectangle{Min: pos, Max: pos.Add(size)}
	best, most := image.Rectangle{}, 0
	for _, a := range areas {
		in := a.Intersect(r)
		if n := in.Dx() * in.Dy(); n > most {
			best, most = a, n
		}
	}
	if most == 0 {
		return image.Point{}, false
	}
	clamp := func(v, size, lo, hi int) int {
		return max(min(v, hi-size), lo)
	}
	return image.Pt(clamp(pos.X, size.X, best.Min.X, best.Max.X), clamp(pos.Y, size.Y, best.Min.Y, best.Max.Y)), true
}

// RestorePosition moves the shown window to where it was at the last
// close, if that still lies on a monitor (see placeWindow). Run calls it
// on the main goroutine once the window is shown; where the position
// cannot be set (Wayland, other systems), it does nothing.
func (w *MainWindow) RestorePosition() {
	pos, ok := rememberedPosition(w.app.Preferences())
	if !ok {
		return
	}
	now, ok := nativeWindowBounds(w.Window)
	if !ok {
		return
	}
	if to, ok := placeWindow(pos, now.Size(), monitorWorkAreas()); ok && to != now.Min {
		moveNativeWindow(w.Window, to)
	}
}
