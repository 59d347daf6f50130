package textedit

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestReviewHooks(t *testing.T) {
	test.NewTempApp(t)
	e := New()
	e.SetText("Tea growers count thier losses.")
	e.Resize(fyne.NewSize(400, 200))
	var changed string
	e.OnChanged = func(s string) { changed = s }
	e.ReplaceRange(Range{Pos{0, 18}, Pos{0, 23}}, "their")
	if got := e.Text(); got != "Tea growers count their losses." || changed != got {
		t.Fatalf("after ReplaceRange: %q (OnChanged %q)", got, changed)
	}
	if c := e.CursorPosition(); c != (Pos{0, 23}) {
		t.Errorf("caret at %v, want after the replacement", c)
	}
	e.Undo()
	if got := e.Text(); got != "Tea growers count thier losses." {
		t.Fatalf("undo of ReplaceRange: %q", got)
	}
	var at Pos
	e.OnSecondaryTap = func(p Pos, _ *fyne.PointEvent) { at = p }
	e.TappedSecondary(&fyne.PointEvent{Position: fyne.NewPos(e.padding()+1, e.padding()+2)})
	if at != (Pos{0, 0}) || e.CursorPosition() != (Pos{0, 0}) {
		t.Errorf("right click at the start: hook got %v, caret %v", at, e.CursorPosition())
	}
	if p := e.CaretPoint(); p.Y <= e.padding() {
		t.Errorf("CaretPoint %v should be below the first line's top", p)
	}
}

func TestWavyDecorationsDraw(t *testing.T) {
	test.NewTempApp(t)
	e := New()
	e.SetText("Tea growers count thier losses.")
	w := test.NewTempWindow(t, e)
	w.Resize(fyne.NewSize(400, 200))
	count := func() int { return len(e.r.objects) }
	before := count()
	e.SetDecorations(KindSpelling, []Range{{Pos{0, 18}, Pos{0, 23}}})
	with := count()
	if with <= before+2 {
		t.Fatalf("a wavy underline should add several small steps: %d objects before, %d after", before, with)
	}
	e.SetDecorations(KindSpelling, nil)
	if count() != before {
		t.Errorf("clearing the decorations leaves %d objects, want %d", count(), before)
	}
}
