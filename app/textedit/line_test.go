package textedit

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
)

// lineText is a long headline with the words a stock wrapped Entry used
// to fuse ("afterthe"), curly quotes, accents, CJK and an emoji.
const lineText = "Dockworkers in Mombasa voted on Friday after the port authority agreed to review the fuel levy — “a first step”, " +
	"said café owners near the gates; 東京 traders and naïve 👍🏽 observers waited."

// newTestLine returns a single-line editor at the top of a window of the
// given width, laid out at its own height as a form lays its fields out.
func newTestLine(t testing.TB, width float32) (*Editor, fyne.Window) {
	test.NewTempApp(t)
	e := NewLine()
	box := container.NewVBox(e)
	e.OnRowsChanged = box.Refresh
	w := test.NewTempWindow(t, box)
	w.Resize(fyne.NewSize(width, 300))
	return e, w
}

// TestLineTypesExactlyAtEveryWidth types a long line one key at a time
// into a single-line editor at every width from 150 to 900 px in steps of
// 7 px: the text is the typed one byte for byte, one paragraph, its
// wrapped lines cover it exactly, and the field is as tall as its lines
// (1 to 3), scrolling only beyond that.
func TestLineTypesExactlyAtEveryWidth(t *testing.T) {
	e, w := newTestLine(t, 150)
	for width := float32(150); width <= 900; width += 7 {
		w.Resize(fyne.NewSize(width, 300))
		e.SetText("")
		for _, r := range lineText {
			e.TypedRune(r)
		}
		if got := e.Text(); got != lineText {
			t.Fatalf("width %v: typed text differs:\n got %q\nwant %q", width, got, lineText)
		}
		if e.m.Len() != 1 {
			t.Fatalf("width %v: %d paragraphs", width, e.m.Len())
		}
		checkInvariants(t, e, fmt.Sprint("width ", width), false)
		lines := len(e.lay.para(0).lines)
		if width < 600 && lines < 2 {
			t.Fatalf("width %v: %d lines; the line did not wrap", width, lines)
		}
		rows := min(lines, maxLineRows)
		lh := e.lay.lineHeight(0)
		if want := float32(rows)*lh + 2*e.padTop(); e.Size().Height != want || e.MinSize().Height != want {
			t.Fatalf("width %v: %d lines, field %v tall (min %v), want %v", width, lines, e.Size().Height, e.MinSize().Height, want)
		}
		if got, want := e.Overflows(), lines > maxLineRows; got != want {
			t.Fatalf("width %v: %d lines, overflows %v", width, lines, got)
		}
		// Only a field that scrolls keeps room for the scrollbar.
		full := e.Size().Width - 2*e.padding()
		if want := full - e.barWidth(); lines <= maxLineRows {
			want = full
			if e.lay.width != want {
				t.Fatalf("width %v: %d lines wrap at %v, want the whole %v", width, lines, e.lay.width, want)
			}
		} else if e.lay.width != want {
			t.Fatalf("width %v: %d lines wrap at %v, want %v beside the scrollbar", width, lines, e.lay.width, want)
		}
	}
}

// TestLineHasNoLineBreaks: Enter submits and changes nothing; line breaks
// pasted or set become spaces (CRLF one space); undo takes the paste back.
func TestLineHasNoLineBreaks(t *testing.T) {
	e, _ := newTestLine(t, 400)
	var submitted []string
	e.OnSubmitted = func(s string) { submitted = append(submitted, s) }
	test.Type(e, "Port strike")
	key(e, fyne.KeyReturn)
	key(e, fyne.KeyEnter)
	if e.Text() != "Port strike" || len(submitted) != 2 || submitted[0] != "Port strike" {
		t.Fatalf("after Enter: text %q, submitted %q", e.Text(), submitted)
	}
	cb := test.NewClipboard()
	cb.SetContent(" ends\r\nafter\nnine\rdays")
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: cb})
	if want := "Port strike ends after nine days"; e.Text() != want {
		t.Fatalf("after the paste: %q, want %q", e.Text(), want)
	}
	e.TypedShortcut(&fyne.ShortcutUndo{})
	if e.Text() != "Port strike" {
		t.Fatalf("undo of the paste: %q", e.Text())
	}
	e.SetText("Two\nlines\r\nhere")
	if e.Text() != "Two lines here" || e.m.Len() != 1 {
		t.Fatalf("SetText: %q in %d paragraphs", e.Text(), e.m.Len())
	}
	e.ReplaceRange(Range{Pos{0, 3}, Pos{0, 4}}, "\n\n")
	if e.Text() != "Two  lines here" {
		t.Fatalf("ReplaceRange with line breaks: %q", e.Text())
	}
	// The same editor made with New keeps its line breaks.
	b := New()
	b.SetText("Two\nlines")
	if b.Text() != "Two\nlines" {
		t.Fatalf("the body editor lost a line break: %q", b.Text())
	}
}

// TestLineGrowsWithItsLines: the field is one line tall empty, grows as
// typing wraps it, tells OnRowsChanged, and shrinks when text goes.
func TestLineGrowsWithItsLines(t *testing.T) {
	e, _ := newTestLine(t, 300)
	changes := 0
	box := e.OnRowsChanged
	e.OnRowsChanged = func() { changes++; box() }
	one := e.Size().Height
	if one != e.lay.lineHeight(0)+2*e.padTop() {
		t.Fatalf("empty field %v tall, want one line", one)
	}
	test.Type(e, strings.Repeat("harbour ", 12))
	if e.Size().Height <= one || changes == 0 {
		t.Fatalf("after wrapping the field is %v tall (one line %v), %d changes", e.Size().Height, one, changes)
	}
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
	key(e, fyne.KeyBackspace)
	if e.Size().Height != one {
		t.Fatalf("emptied, the field is %v tall, want %v", e.Size().Height, one)
	}
}

// TestLinePlainText: a single-line field shows Markdown signs as typed
// (one plain run), the body styles them.
func TestLinePlainText(t *testing.T) {
	e, _ := newTestLine(t, 400)
	e.SetText("# Not a heading, **not bold**")
	p := e.lay.para(0)
	if p.style.heading != 0 || len(p.style.spans) != 1 || p.style.spans[0].style != 0 {
		t.Fatalf("single-line style %+v, want one plain run", p.style)
	}
}

// TestLineDecorationsFollowEdits: an underline in a single-line field
// moves with typing before it and goes with its word.
func TestLineDecorationsFollowEdits(t *testing.T) {
	e, _ := newTestLine(t, 400)
	e.SetText("Ferrys resume")
	e.SetDecorations(KindSpelling, []Range{{Pos{0, 0}, Pos{0, 6}}})
	e.SetCursor(Pos{})
	test.Type(e, "The ")
	got := e.m.Decorations(KindSpelling)
	if len(got) != 1 || got[0] != (Range{Pos{0, 4}, Pos{0, 10}}) {
		t.Fatalf("after typing before it the underline is %v", got)
	}
}
