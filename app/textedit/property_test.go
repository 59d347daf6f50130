package textedit

import (
	"fmt"
	"math/rand"
	"os"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// offset turns a position into a byte offset of Text().
func offset(m *Model, p Pos) int {
	n := 0
	for i := 0; i < p.Para; i++ {
		n += len(m.Para(i)) + 1
	}
	return n + p.Off
}

// checkInvariants fails when the widget's state is not one a user could
// reach: the selection off a grapheme boundary, or a laid-out paragraph
// whose lines do not cover its text exactly.
//
// Only right after typing may the caret sit inside a cluster: an accent or
// a joiner typed in front of existing text joins it, and the next key must
// go exactly where the caret is.
func checkInvariants(t *testing.T, e *Editor, step string, typed bool) {
	t.Helper()
	m := e.m
	sel := m.Selection()
	for _, p := range []Pos{sel.Anchor, sel.Caret} {
		if p.Para < 0 || p.Para >= m.Len() || p.Off < 0 || p.Off > len(m.Para(p.Para)) {
			t.Fatalf("%s: position %+v outside the text", step, p)
		}
		if m.Clamp(p) != p && !typed {
			t.Fatalf("%s: position %+v inside a grapheme cluster of %q", step, p, m.Para(p.Para))
		}
	}
	if len(e.lay.paras) != m.Len() {
		t.Fatalf("%s: %d layouts for %d paragraphs", step, len(e.lay.paras), m.Len())
	}
	for i := range e.lay.paras {
		p := &e.lay.paras[i]
		if !p.valid || p.width != e.lay.width {
			continue
		}
		var b strings.Builder
		next := 0
		for _, ln := range p.lines {
			if ln.start != next || ln.end < ln.start {
				t.Fatalf("%s: paragraph %d lines %v are not contiguous", step, i, p.lines)
			}
			b.WriteString(m.Para(i)[ln.start:ln.end])
			next = ln.end
		}
		if b.String() != m.Para(i) {
			t.Fatalf("%s: paragraph %d wrapped to %q, text %q", step, i, b.String(), m.Para(i))
		}
		// Wrapping again from the edit gives the lines a full wrap gives.
		st := e.lay.styleOf(m.Para(i))
		full := wrap(m.Para(i), &st, max(e.lay.width-p.indent, e.lay.meas.size), &e.lay.meas)
		if fmt.Sprint(full) != fmt.Sprint(p.lines) {
			t.Fatalf("%s: paragraph %d %q wrapped to %v after the edit, %v from scratch", step, i, m.Para(i), p.lines, full)
		}
	}
}

var propertyWords = []string{
	"the", "port", "strike", "Friday", "afterthe", "fuel", "levy", "“quoted”", "café", "naïve",
	"e\u0301t\u0301e\u0301", "日本語の文章", "👍🏽", "👩‍👩‍👧", "🇰🇪", "שלום", "مرحبا", "a-very-long-hyphenated-compound-word-that-will-not-fit",
	"**bold**", "*em*", "# Heading", "> quote", "- item", "[link](https://example.com)",
}

// TestPropertyEditsMatchString drives the widget with random keys,
// shortcuts, clicks, pastes, undos and redos at widths from 120 to 1,200 px
// and checks its text against a plain string edited the same way.
func TestPropertyEditsMatchString(t *testing.T) { propertyEdits(t, New) }

// TestPropertyLineEditsMatchString is the same property for the
// single-line field (NewLine): Enter changes nothing and pasted line breaks
// become spaces, so the text is always one paragraph.
func TestPropertyLineEditsMatchString(t *testing.T) {
	propertyEdits(t, NewLine)
}

func propertyEdits(t *testing.T, newEditor func() *Editor) {
	seeds := 16
	steps := 300
	// TEXTEDIT_SEEDS and TEXTEDIT_STEPS run a longer search.
	if n, err := strconv.Atoi(os.Getenv("TEXTEDIT_STEPS")); err == nil {
		steps = n
	}
	if n, err := strconv.Atoi(os.Getenv("TEXTEDIT_SEEDS")); err == nil {
		seeds = n
	}
	if testing.Short() {
		seeds = 8
	}
	test.NewTempApp(t)
	for seed := 0; seed < seeds; seed++ {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			rng := rand.New(rand.NewSource(int64(seed)))
			width := float32(120 + rng.Intn(1081))
			e := newEditor()
			w := test.NewTempWindow(t, e)
			w.Resize(fyne.NewSize(width, 300))
			cb := test.NewClipboard()
			submitted := 0
			e.OnSubmitted = func(string) { submitted++ }
			ref := ""
			seen := map[string]bool{"": true}
			edit := func(name, insert string) {
				sel := e.m.Selection().Range()
				a, b := offset(e.m, sel.From), offset(e.m, sel.To)
				ref = ref[:a] + insert + ref[b:]
				_ = name
			}
			for i := 0; i < steps; i++ {
				var step string
				typed := false
				switch op := rng.Intn(20); {
				case op < 6:
					word := propertyWords[rng.Intn(len(propertyWords))]
					step = "type " + word
					for _, r := range word {
						edit(step, string(r))
						e.TypedRune(r)
						seen[ref] = true
					}
					typed = true
				case op < 8:
					step = "space"
					edit(step, " ")
					e.TypedRune(' ')
					typed = true
				case op == 8:
					step = "enter"
					before := submitted
					if e.single {
						key(e, fyne.KeyReturn)
						if submitted != before+1 {
							t.Fatalf("step %d: Enter in a single-line editor did not submit", i)
						}
						break
					}
					edit(step, "\n")
					key(e, fyne.KeyReturn)
				case op == 9:
					step = "backspace"
					sel := e.m.Selection()
					r := sel.Range()
					if sel.Empty() {
						r.From = e.m.PrevGrapheme(r.To)
					}
					ref = ref[:offset(e.m, r.From)] + ref[offset(e.m, r.To):]
					key(e, fyne.KeyBackspace)
				case op == 10:
					step = "delete"
					sel := e.m.Selection()
					r := sel.Range()
					if sel.Empty() {
						r.To = e.m.NextGrapheme(r.From)
					}
					ref = ref[:offset(e.m, r.From)] + ref[offset(e.m, r.To):]
					key(e, fyne.KeyDelete)
				case op < 14:
					keys := []fyne.KeyName{fyne.KeyLeft, fyne.KeyRight, fyne.KeyUp, fyne.KeyDown, fyne.KeyHome, fyne.KeyEnd, fyne.KeyPageUp, fyne.KeyPageDown}
					k := keys[rng.Intn(len(keys))]
					shift := rng.Intn(3) == 0
					switch rng.Intn(4) {
					case 0:
						step = fmt.Sprintf("ctrl %s shift=%v", k, shift)
						ctrl(e, k, shift)
					default:
						step = fmt.Sprintf("%s shift=%v", k, shift)
						if shift {
							shiftKey(e, k)
						} else {
							key(e, k)
						}
					}
				case op == 14:
					text := strings.ReplaceAll(propertyWords[rng.Intn(len(propertyWords))]+"\r\nline two\rthree "+propertyWords[rng.Intn(len(propertyWords))], "\n\n", "\n")
					step = fmt.Sprintf("paste %q", text)
					cb.SetContent(text)
					pasted := Normalize(text)
					if e.single {
						pasted = strings.ReplaceAll(pasted, "\n", " ")
					}
					edit(step, pasted)
					e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: cb})
				case op == 15:
					step = "cut"
					if !e.m.Selection().Empty() {
						edit(step, "")
					}
					e.TypedShortcut(&fyne.ShortcutCut{Clipboard: cb})
				case op == 16:
					step = "click"
					size := e.Size()
					pt := fyne.NewPos(rng.Float32()*size.Width, rng.Float32()*size.Height)
					e.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pt}, Button: desktop.MouseButtonPrimary})
					e.lastClick = e.lastClick.AddDate(0, 0, -1) // no double clicks
				case op == 17:
					step = "undo"
					e.TypedShortcut(&fyne.ShortcutUndo{})
					if !seen[e.Text()] {
						t.Fatalf("step %d %s: undo made a text never seen before: %q", i, step, e.Text())
					}
					ref = e.Text()
					before := ref
					if rng.Intn(2) == 0 {
						e.TypedShortcut(&fyne.ShortcutRedo{})
						e.TypedShortcut(&fyne.ShortcutUndo{})
						if e.Text() != before {
							t.Fatalf("step %d: redo then undo gave %q, want %q", i, e.Text(), before)
						}
					}
				case op == 18:
					step = "redo"
					e.TypedShortcut(&fyne.ShortcutRedo{})
					if !seen[e.Text()] {
						t.Fatalf("step %d %s: redo made a text never seen before: %q", i, step, e.Text())
					}
					ref = e.Text()
				case op == 19:
					width = float32(120 + rng.Intn(1081))
					step = fmt.Sprint("resize ", width)
					w.Resize(fyne.NewSize(width, 300))
				}
				seen[ref] = true
				if got := e.Text(); got != ref {
					t.Fatalf("step %d %s (width %v): text\n%q\nwant\n%q", i, step, width, got, ref)
				}
				if got := e.m.Text(); got != strings.Join(e.m.paras, "\n") {
					t.Fatalf("step %d %s: cached Text() %q is stale", i, step, got)
				}
				checkInvariants(t, e, fmt.Sprintf("step %d %s", i, step), typed)
				if e.single && e.m.Len() != 1 {
					t.Fatalf("step %d %s: a single-line editor holds %d paragraphs", i, step, e.m.Len())
				}
			}
			// Redo what is left to redo, then undo everything and redo
			// everything.
			for e.m.CanRedo() {
				e.Redo()
			}
			final := e.Text()
			for e.m.CanUndo() {
				e.Undo()
			}
			if e.Text() != "" {
				t.Fatalf("after undoing everything: %q, want empty", e.Text())
			}
			for e.m.CanRedo() {
				e.Redo()
			}
			if e.Text() != final {
				t.Fatalf("after redoing everything: %q, want %q", e.Text(), final)
			}
		})
	}
}

// TestExactTypingAtEveryWidth types a long paragraph one key at a time at
// every width from 150 to 900 px in steps of 7 px and compares the text
// byte for byte, and the wrapped lines with the text.
func TestExactTypingAtEveryWidth(t *testing.T) {
	para := "Dockworkers at the port of Mombasa voted on Friday afterthe port authority agreed to review the fuel levy, " +
		"ending a strike that had stranded 40 ships; transport operators said the deal, “a first step”, would be tested " +
		"next week when the levy is reviewed again — café owners near the gates, naïve or not, reopened at noon. " +
		"Supercalifragilisticexpialidociousnessesandmoreofthesamewithoutanyspaces ends it."
	e, w := newTestEditor(t, 150)
	for width := float32(150); width <= 900; width += 7 {
		w.Resize(fyne.NewSize(width, 300))
		e.SetText("")
		for _, r := range para {
			e.TypedRune(r)
		}
		if got := e.Text(); got != para {
			t.Fatalf("width %v: typed text differs:\n got %q\nwant %q", width, got, para)
		}
		e.lay.para(0)
		checkInvariants(t, e, fmt.Sprint("width ", width), false)
		if n := len(e.lay.para(0).lines); width < 600 && n < 2 {
			t.Fatalf("width %v: %d lines; the paragraph did not wrap", width, n)
		}
	}
}

// TestRewrapInsideLongWord types into and around a word far wider than the
// line (a URL, a hash): wrapping again from the edit breaks it where a
// wrap from scratch does.
func TestRewrapInsideLongWord(t *testing.T) {
	e, _ := newTestEditor(t, 200)
	word := strings.Repeat("abcdefghij", 300)
	e.SetText("before " + word + " after the word, and more words to wrap")
	rng := rand.New(rand.NewSource(7))
	for i := 0; i < 200; i++ {
		off := rng.Intn(len(e.m.Para(0)) + 1)
		e.SetCursor(Pos{0, off})
		switch rng.Intn(4) {
		case 0:
			key(e, fyne.KeyBackspace)
		case 1:
			e.TypedRune(' ')
		default:
			e.TypedRune('x')
		}
		e.lay.para(0)
		checkInvariants(t, e, fmt.Sprint("edit ", i, " at ", off), true)
	}
}

// countingMeasurer measures every byte as 7 px and counts the calls.
type countingMeasurer struct{ calls int }

func (c *countingMeasurer) width(s string, _ spanStyle, _ int) float32 {
	c.calls++
	return 7 * float32(len(s))
}

// TestRewrapWorksNearTheEdit: after one key in the middle of a paragraph
// of words, wrapping again measures a few lines' worth, not the paragraph,
// and gives the lines a wrap from scratch gives. Inside one 30,000-byte
// word every later line of the word really changes (each starts one byte
// on), so there it only has to be right, and must not start over from the
// paragraph's start.
func TestRewrapWorksNearTheEdit(t *testing.T) {
	for name, para := range map[string]string{
		"words":     strings.Repeat("dockworkers voted on friday ", 1000),
		"long word": "start " + strings.Repeat("0123456789", 3000) + " end",
	} {
		st := markdownStyle(para)
		full := &countingMeasurer{}
		old := wrap(para, &st, 300, full)
		off := len(para) / 2
		edited := para[:off] + "x" + para[off:]
		est := markdownStyle(edited)
		pv := &prevLayout{lines: append([]line(nil), old...), spans: st.spans, off: off, oldLen: 0, newLen: 1}
		inc := &countingMeasurer{}
		got := rewrap(edited, &est, 300, inc, pv)
		want := wrap(edited, &est, 300, &countingMeasurer{})
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("%s: rewrap gave %d lines, a full wrap %d", name, len(got), len(want))
		}
		if name == "long word" {
			if inc.calls > full.calls*2/3 {
				t.Errorf("%s: rewrap measured %d times, a full wrap %d", name, inc.calls, full.calls)
			}
			continue
		}
		if inc.calls*20 > full.calls {
			t.Errorf("%s: rewrap measured %d times, a full wrap %d", name, inc.calls, full.calls)
		}
	}
}
