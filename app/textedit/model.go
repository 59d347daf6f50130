package textedit

import (
	"strings"
)

// Pos is a place in a document: a paragraph index and a byte offset into
// that paragraph's text. A Pos the model hands out always lies on a
// grapheme cluster boundary.
type Pos struct {
	Para, Off int
}

// Compare returns -1, 0 or +1 as p is before, at or after q.
func (p Pos) Compare(q Pos) int {
	switch {
	case p.Para < q.Para:
		return -1
	case p.Para > q.Para:
		return 1
	case p.Off < q.Off:
		return -1
	case p.Off > q.Off:
		return 1
	}
	return 0
}

// Less reports whether p comes before q.
func (p Pos) Less(q Pos) bool { return p.Compare(q) < 0 }

// Range is the text between two positions, From at or before To.
type Range struct {
	From, To Pos
}

// Empty reports whether the range holds no text.
func (r Range) Empty() bool { return r.From == r.To }

// ordered returns the range of a and b in document order.
func ordered(a, b Pos) Range {
	if b.Less(a) {
		return Range{b, a}
	}
	return Range{a, b}
}

// Selection is the caret and the anchor a selection was started from. With
// Anchor == Caret nothing is selected.
type Selection struct {
	Anchor, Caret Pos
}

// Range returns the selected text's range in document order.
func (s Selection) Range() Range { return ordered(s.Anchor, s.Caret) }

// Empty reports whether nothing is selected.
func (s Selection) Empty() bool { return s.Anchor == s.Caret }

// Change tells a listener which paragraphs an edit replaced: the
// paragraphs [At, At+Removed) became [At, At+Inserted).
type Change struct {
	At, Removed, Inserted int
	// InPara is set when the edit stayed inside paragraph At: bytes
	// [Off, Off+OldLen) became [Off, Off+NewLen).
	InPara              bool
	Off, OldLen, NewLen int
}

// Model is a document of paragraphs (the text between line breaks) with a
// selection, undo and redo, and decorations that follow edits. It knows
// nothing of Fyne. Every edit goes through Replace (or the helpers built on
// it), which keeps the paragraphs, the selection, the history and the
// decorations in step.
type Model struct {
	paras []string
	sel   Selection

	history history
	decos   decorations

	// text caches Text() until the next edit.
	text      string
	textValid bool
	// version counts edits; views use it to see that the model changed.
	version uint64

	// OnChange, when set, is told after each edit which paragraphs changed.
	OnChange func(Change)
	// Rewrite, when set, is offered every Replace before it is applied and
	// may turn it into another edit: it returns the range and text to
	// apply instead and where the caret goes afterwards, as a byte
	// offset in the text after the edit (Offset, PosAt); ok false applies
	// the edit as it is, and an empty range and text drop it. Suggestion mode (app/suggestions.go) records edits as
	// suggestions this way. Undo and redo replay what was applied.
	Rewrite func(r Range, text string) (to Range, with string, caret int, ok bool)
	// SingleLine keeps the document one paragraph: every line break that
	// comes in (typed, pasted, set, rewritten) becomes a space, so the
	// text keeps its length and offsets and loses nothing else.
	SingleLine bool
}

// NewModel returns a model holding text.
func NewModel(text string) *Model {
	m := &Model{}
	m.SetText(text)
	return m
}

// Normalize turns CRLF and lone CR line endings into LF, the only line
// break the model keeps.
func Normalize(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// normalize is Normalize, and for a single-line model line breaks made
// spaces (CRLF is one line break, so one space).
func (m *Model) normalize(s string) string {
	s = Normalize(s)
	if m.SingleLine && strings.Contains(s, "\n") {
		s = strings.ReplaceAll(s, "\n", " ")
	}
	return s
}

// SetText replaces the whole document, puts the caret at the start and
// forgets the undo history and the decorations.
func (m *Model) SetText(text string) {
	text = m.normalize(text)
	old := len(m.paras)
	m.paras = strings.Split(text, "\n")
	m.sel = Selection{}
	m.history = history{}
	m.decos = decorations{}
	m.text, m.textValid = text, true
	m.version++
	if m.OnChange != nil {
		m.OnChange(Change{At: 0, Removed: old, Inserted: len(m.paras)})
	}
}

// Text returns the document with its paragraphs joined by LF.
func (m *Model) Text() string {
	if !m.textValid {
		m.text = strings.Join(m.paras, "\n")
		m.textValid = true
	}
	return m.text
}

// Version counts the edits made so far; it changes whenever the text does.
func (m *Model) Version() uint64 { return m.version }

// Len returns the number of paragraphs, at least one.
func (m *Model) Len() int { return len(m.paras) }

// Para returns paragraph i's text, without its line break.
func (m *Model) Para(i int) string { return m.paras[i] }

// End returns the position after the last character.
func (m *Model) End() Pos {
	last := len(m.paras) - 1
	return Pos{last, len(m.paras[last])}
}

// Clamp returns the nearest valid position to p: inside the document and
// on a grapheme cluster boundary (moved back to the cluster's start).
func (m *Model) Clamp(p Pos) Pos {
	if p.Para < 0 {
		return Pos{}
	}
	if p.Para >= len(m.paras) {
		return m.End()
	}
	s := m.paras[p.Para]
	if p.Off < 0 {
		p.Off = 0
	}
	if p.Off > len(s) {
		p.Off = len(s)
	}
	p.Off = snapBoundary(s, p.Off)
	return p
}

// clampAt clamps p like Clamp, except that the caret and the anchor stay
// where they are: after typing an accent or a joiner in front of existing
// text the caret may sit inside the cluster they form, and the next
// keystroke must go exactly there.
func (m *Model) clampAt(p Pos) Pos {
	if (p == m.sel.Caret || p == m.sel.Anchor) && p.Para >= 0 && p.Para < len(m.paras) && p.Off >= 0 && p.Off <= len(m.paras[p.Para]) {
		return p
	}
	return m.Clamp(p)
}

// Slice returns the text of r, paragraphs joined by LF.
func (m *Model) Slice(r Range) string {
	if r.From.Para == r.To.Para {
		return m.paras[r.From.Para][r.From.Off:r.To.Off]
	}
	var b strings.Builder
	b.WriteString(m.paras[r.From.Para][r.From.Off:])
	for i := r.From.Para + 1; i < r.To.Para; i++ {
		b.WriteByte('\n')
		b.WriteString(m.paras[i])
	}
	b.WriteByte('\n')
	b.WriteString(m.paras[r.To.Para][:r.To.Off])
	return b.String()
}

// Selection returns the current selection.
func (m *Model) Selection() Selection { return m.sel }

// SelectedText returns the selected text.
func (m *Model) SelectedText() string { return m.Slice(m.sel.Range()) }

// SetSelection moves the caret and the anchor (clamped to the document).
// It ends the current undo group: typing after a caret move is a new step.
func (m *Model) SetSelection(s Selection) {
	m.sel = Selection{m.Clamp(s.Anchor), m.Clamp(s.Caret)}
	m.history.closeGroup()
}

// SetCaret moves the caret; extend keeps the anchor where it is, so the
// selection grows or shrinks, otherwise the selection collapses.
func (m *Model) SetCaret(p Pos, extend bool) {
	p = m.Clamp(p)
	if extend {
		m.SetSelection(Selection{m.sel.Anchor, p})
	} else {
		m.SetSelection(Selection{p, p})
	}
}

// endOf returns where text ends when it is inserted at p.
func endOf(p Pos, text string) Pos {
	n := strings.Count(text, "\n")
	if n == 0 {
		return Pos{p.Para, p.Off + len(text)}
	}
	return Pos{p.Para + n, len(text) - strings.LastIndexByte(text, '\n') - 1}
}

// apply replaces r with text (already normalised) and returns the end of
// the inserted text and the removed text. It records nothing in the
// history; Replace and the undo machinery call it.
func (m *Model) apply(r Range, text string) (Pos, string) {
	removed := m.Slice(r)
	head := m.paras[r.From.Para][:r.From.Off]
	tail := m.paras[r.To.Para][r.To.Off:]
	var repl []string
	if !strings.Contains(text, "\n") {
		repl = []string{head + text + tail}
	} else {
		repl = strings.Split(text, "\n")
		repl[0] = head + repl[0]
		repl[len(repl)-1] += tail
	}
	removedParas := r.To.Para - r.From.Para + 1
	if removedParas == len(repl) {
		copy(m.paras[r.From.Para:], repl)
	} else {
		paras := make([]string, 0, len(m.paras)-removedParas+len(repl))
		paras = append(paras, m.paras[:r.From.Para]...)
		paras = append(paras, repl...)
		paras = append(paras, m.paras[r.To.Para+1:]...)
		m.paras = paras
	}
	end := endOf(r.From, text)
	m.decos.follow(r, end)
	m.textValid = false
	m.version++
	if m.OnChange != nil {
		c := Change{At: r.From.Para, Removed: removedParas, Inserted: len(repl)}
		if removedParas == 1 && len(repl) == 1 {
			c.InPara, c.Off, c.OldLen, c.NewLen = true, r.From.Off, r.To.Off-r.From.Off, len(text)
		}
		m.OnChange(c)
	}
	return end, removed
}

// Replace replaces r with text (CRLF and CR become LF), leaves the caret
// after the inserted text and records the edit for undo. kind says how the
// edit groups with the previous one (a word of typing is one undo step).
func (m *Model) Replace(r Range, text string, kind EditKind) Pos {
	r = Range{m.clampAt(r.From), m.clampAt(r.To)}
	if r.To.Less(r.From) {
		r = Range{r.To, r.From}
	}
	text = m.normalize(text)
	if r.Empty() && text == "" {
		return r.From
	}
	before := m.sel
	caret := 0
	rewritten := false
	if m.Rewrite != nil {
		var ok bool
		var nr Range
		if nr, text, caret, ok = m.Rewrite(r, text); ok {
			r, rewritten = nr, true
			text = m.normalize(text)
			if r.Empty() && text == "" {
				p := m.PosAt(caret)
				m.sel = Selection{p, p}
				return m.sel.Caret
			}
		}
	}
	end, removed := m.apply(r, text)
	if rewritten {
		end = m.PosAt(caret)
	}
	m.sel = Selection{end, end}
	m.history.record(edit{From: r.From, Removed: removed, Inserted: text}, kind, before, m.sel)
	return end
}

// ReplaceSelection replaces the selection (or inserts at the caret) with
// text.
func (m *Model) ReplaceSelection(text string, kind EditKind) Pos {
	return m.Replace(m.sel.Range(), text, kind)
}

// DeleteBackward deletes the selection, or the grapheme cluster before the
// caret (joining two paragraphs at a paragraph's start).
func (m *Model) DeleteBackward() {
	if !m.sel.Empty() {
		m.ReplaceSelection("", EditDelete)
		return
	}
	c := m.sel.Caret
	p := m.PrevGrapheme(c)
	if p == c {
		return
	}
	m.Replace(Range{p, c}, "", EditDeleteBackward)
}

// DeleteForward deletes the selection, or the grapheme cluster after the
// caret (joining the next paragraph at a paragraph's end).
func (m *Model) DeleteForward() {
	if !m.sel.Empty() {
		m.ReplaceSelection("", EditDelete)
		return
	}
	c := m.sel.Caret
	n := m.NextGrapheme(c)
	if n == c {
		return
	}
	m.Replace(Range{c, n}, "", EditDeleteForward)
	m.sel = Selection{c, c}
}

// Begin starts a compound edit: every Replace until Commit is one undo step
// (a replace-all, for example).
func (m *Model) Begin() { m.history.begin(m.sel) }

// Commit ends the compound edit Begin started.
func (m *Model) Commit() { m.history.commit(m.sel) }
