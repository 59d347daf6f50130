package textedit

import "testing"

// TestModelRewrite: a Rewrite hook turns every edit into another one; the
// caret goes where it says, and undo takes back what was applied.
func TestModelRewrite(t *testing.T) {
	m := NewModel("one\ntwo")
	m.Rewrite = func(r Range, text string) (Range, string, int, bool) {
		if text == "" {
			return Range{}, "", m.Offset(r.From), true // drop deletions
		}
		at := m.Offset(r.From)
		return Range{r.From, r.From}, "[" + text + "]", at + 1 + len(text), true
	}
	m.SetCaret(Pos{1, 1}, false)
	m.ReplaceSelection("x", EditTyping)
	if got, want := m.Text(), "one\nt[x]wo"; got != want {
		t.Fatalf("text = %q, want %q", got, want)
	}
	if got, want := m.Selection().Caret, (Pos{1, 3}); got != want {
		t.Errorf("caret = %v, want %v (inside the brackets)", got, want)
	}
	m.DeleteBackward()
	if got, want := m.Text(), "one\nt[x]wo"; got != want {
		t.Errorf("a dropped deletion changed the text to %q", got)
	}
	if got, want := m.Selection().Caret, (Pos{1, 2}); got != want {
		t.Errorf("caret after a dropped Backspace = %v, want %v", got, want)
	}
	m.Rewrite = nil
	m.Undo()
	if got, want := m.Text(), "one\ntwo"; got != want {
		t.Errorf("undo = %q, want %q", got, want)
	}
	for off, want := range map[int]Pos{0: {0, 0}, 3: {0, 3}, 4: {1, 0}, 7: {1, 3}, 99: {1, 3}} {
		if got := m.PosAt(off); got != want {
			t.Errorf("PosAt(%d) = %v, want %v", off, got, want)
		}
		if want.Para == 1 && off <= 7 && m.Offset(want) != off {
			t.Errorf("Offset(%v) = %d, want %d", want, m.Offset(want), off)
		}
	}
}
