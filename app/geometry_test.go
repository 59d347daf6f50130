package app

import (
	"image"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/dateline-news/dateline/app/textedit"
)

func TestFitWindowSize(t *testing.T) {
	for _, c := range []struct {
		name             string
		remembered, work fyne.Size
		workKnown        bool
		wantW, wantH     float32
	}{
		{"1366x768 laptop", fyne.Size{}, fyne.NewSize(1366, 768), true, 1229, 691},
		{"1280x800 laptop", fyne.Size{}, fyne.NewSize(1280, 800), true, 1152, 720},
		{"1920x1080 desk", fyne.Size{}, fyne.NewSize(1920, 1080), true, 1400, 860},
		{"unknown screen", fyne.Size{}, fyne.Size{}, false, 1400, 860},
		{"remembered fits", fyne.NewSize(1300, 700), fyne.NewSize(1920, 1080), true, 1300, 700},
		{"remembered from a bigger screen", fyne.NewSize(1800, 1000), fyne.NewSize(1366, 768), true, 1229, 691},
		{"remembered too small to use", fyne.NewSize(300, 200), fyne.NewSize(1920, 1080), true, 1400, 860},
		{"90% would be below the usable minimum", fyne.Size{}, fyne.NewSize(1100, 640), true, 1024, 600},
		{"screen smaller than the minimum", fyne.Size{}, fyne.NewSize(800, 600), true, 800, 600},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := fitWindowSize(c.remembered, c.work, c.workKnown)
			if got.Width != c.wantW || got.Height != c.wantH {
				t.Errorf("fitWindowSize(%v, %v, %v) = %v, want %vx%v", c.remembered, c.work, c.workKnown, got, c.wantW, c.wantH)
			}
		})
	}
}

// TestGeometryRemembered closes a window after moving its splits and
// opening a draft, and checks that the next window on the same library
// opens that draft with the same splits, while another library does not
// inherit the draft.
func TestGeometryRemembered(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	older := seed(t, store, clk, "Older story", "Text.")
	seed(t, store, clk, "Newest story", "Text.")
	a := test.NewTempApp(t)
	w := newTestWindowOn(t, a, store, clk, Options{LibraryPath: "/lib/one.db"})
	if w.article == nil || w.article.Headline != "Newest story" {
		t.Fatalf("first start opened %v, want the newest draft", w.article)
	}
	w.OpenDraft(older.ID)
	w.settle()
	w.form.body.SetCursor(textedit.Pos{Para: 0, Off: 3})
	w.mainSplit.SetOffset(0.3)
	w.rightSplit.SetOffset(0.6)
	w.Window.Resize(fyne.NewSize(1200, 700))
	w.RequestClose()
	w.settle()

	w2 := newTestWindowOn(t, a, store, clk, Options{LibraryPath: "/lib/one.db"})
	if w2.article == nil || w2.article.ID != older.ID {
		t.Errorf("second start opened %v, want the draft open at close (%s)", w2.article, older.ID)
	}
	if got := w2.form.body.CursorPosition(); got != (textedit.Pos{Para: 0, Off: 3}) {
		t.Errorf("second start put the body's cursor at %+v, want where it was at close (0:3)", got)
	}
	if w2.Window.Canvas().Focused() != fyne.Focusable(w2.form.body) {
		t.Error("second start did not put the focus in the body")
	}
	if w2.mainSplit.Offset != 0.3 || w2.rightSplit.Offset != 0.6 {
		t.Errorf("splits %v and %v, want 0.3 and 0.6", w2.mainSplit.Offset, w2.rightSplit.Offset)
	}
	if got := rememberedSize(a.Preferences()); got.Width < 1024 || got.Height < 600 {
		t.Errorf("remembered size %v, want the closed window's", got)
	}

	w3 := newTestWindowOn(t, a, store, clk, Options{LibraryPath: "/lib/other.db"})
	if w3.article == nil || w3.article.Headline != "Newest story" {
		t.Errorf("another library opened %v, want its newest draft", w3.article)
	}
}

// TestPlaceWindow: a remembered position is kept when the window lies on
// a monitor, moved onto it when it hangs off an edge, and dropped when it
// is on no monitor any more (a second screen unplugged).
func TestPlaceWindow(t *testing.T) {
	laptop := image.Rect(0, 0, 1366, 768)
	desk := image.Rect(1366, 0, 1366+1920, 1080)
	size := image.Pt(1200, 700)
	cases := []struct {
		name  string
		pos   image.Point
		areas []image.Rectangle
		want  image.Point
		ok    bool
	}{
		{"on the screen", image.Pt(100, 40), []image.Rectangle{laptop}, image.Pt(100, 40), true},
		{"off the right and bottom", image.Pt(600, 500), []image.Rectangle{laptop}, image.Pt(166, 68), true},
		{"off the top left", image.Pt(-50, -20), []image.Rectangle{laptop}, image.Pt(0, 0), true},
		{"on the second monitor", image.Pt(2000, 300), []image.Rectangle{laptop, desk}, image.Pt(2000, 300), true},
		{"mostly on the second monitor", image.Pt(1300, 100), []image.Rectangle{laptop, desk}, image.Pt(1366, 100), true},
		{"second monitor gone", image.Pt(2000, 300), []image.Rectangle{laptop}, image.Point{}, false},
		{"no monitors known", image.Pt(10, 10), nil, image.Point{}, false},
		{"larger than the screen", image.Pt(30, 30), []image.Rectangle{image.Rect(0, 0, 1024, 600)}, image.Pt(0, 0), true},
	}
	for _, c := range cases {
		got, ok := placeWindow(c.pos, size, c.areas)
		if got != c.want || ok != c.ok {
			t.Errorf("%s: placeWindow(%v) = %v, %v; want %v, %v", c.name, c.pos, got, ok, c.want, c.ok)
		}
	}
}

// TestRememberedPosition reads back what rememberGeometry stores.
func TestRememberedPosition(t *testing.T) {
	a := test.NewTempApp(t)
	if _, ok := rememberedPosition(a.Preferences()); ok {
		t.Error("a fresh app has a remembered position")
	}
	a.Preferences().SetString(prefWindowPosition, "-12,340")
	if got, ok := rememberedPosition(a.Preferences()); !ok || got != image.Pt(-12, 340) {
		t.Errorf("got %v, %v", got, ok)
	}
	a.Preferences().SetString(prefWindowPosition, "garbage")
	if _, ok := rememberedPosition(a.Preferences()); ok {
		t.Error("a garbled position was taken")
	}
}

// TestTakeStopHook: after takeStopHook the lifecycle has no stopped event
// for the driver to queue at quit (quit.go), and the function it returns
// runs what the event would have run.
func TestTakeStopHook(t *testing.T) {
	a := test.NewTempApp(t)
	ran := 0
	a.Lifecycle().SetOnStopped(func() { ran++ })
	hook := takeStopHook(a)
	lc := a.Lifecycle().(interface{ OnStopped() func() })
	if lc.OnStopped() != nil {
		t.Fatal("the lifecycle still has a stopped event for the driver to queue")
	}
	hook()
	if ran != 1 {
		t.Errorf("the returned hook ran the stopped event %d times, want 1", ran)
	}
}
