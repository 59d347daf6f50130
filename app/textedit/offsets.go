package textedit

// Offset returns the byte offset in Text() of position p.
func (m *Model) Offset(p Pos) int {
	p = m.Clamp(p)
	n := 0
	for i := 0; i < p.Para; i++ {
		n += len(m.paras[i]) + 1
	}
	return n + p.Off
}

// PosAt returns the position of byte offset off in Text(), clamped to the
// document.
func (m *Model) PosAt(off int) Pos {
	if off < 0 {
		return Pos{}
	}
	for i, s := range m.paras {
		if off <= len(s) {
			return Pos{i, off}
		}
		off -= len(s) + 1
	}
	return m.End()
}

// PosAtSorted returns the positions of byte offsets in Text(), which must
// be in ascending order, in one pass over the paragraphs: for the many
// ranges of decorations read from the text.
func (m *Model) PosAtSorted(offs []int) []Pos {
	out := make([]Pos, len(offs))
	para, start := 0, 0
	for i, off := range offs {
		for para < len(m.paras)-1 && off > start+len(m.paras[para]) {
			start += len(m.paras[para]) + 1
			para++
		}
		o := min(max(off-start, 0), len(m.paras[para]))
		out[i] = Pos{para, o}
	}
	return out
}

// ReplaceText makes the editor's text s by one undoable edit of the part
// that differs, bypassing the model's Rewrite hook: a program's change
// (accepting a suggestion, say) rather than the user's. The caret keeps
// its place before the change, or goes after the new text when it was
// inside the changed part.
func (e *Editor) ReplaceText(s string) {
	s = e.m.normalize(s)
	old := e.m.Text()
	if s == old {
		return
	}
	pre := 0
	for pre < len(old) && pre < len(s) && old[pre] == s[pre] {
		pre++
	}
	suf := 0
	for suf < len(old)-pre && suf < len(s)-pre && old[len(old)-1-suf] == s[len(s)-1-suf] {
		suf++
	}
	// Keep the edit on whole UTF-8 sequences.
	cont := func(b string, i int) bool { return i < len(b) && b[i]&0xC0 == 0x80 }
	for pre > 0 && (cont(old, pre) || cont(s, pre)) {
		pre--
	}
	for suf > 0 && cont(old, len(old)-suf) {
		suf--
	}
	caret := e.m.Offset(e.m.Selection().Caret)
	rw := e.m.Rewrite
	e.m.Rewrite = nil
	e.m.Replace(Range{e.m.PosAt(pre), e.m.PosAt(len(old) - suf)}, s[pre:len(s)-suf], EditOther)
	e.m.Rewrite = rw
	switch {
	case caret <= pre:
		e.m.SetCaret(e.m.PosAt(caret), false)
	case caret >= len(old)-suf:
		e.m.SetCaret(e.m.PosAt(caret+len(s)-len(old)), false)
	}
	e.edited()
}

// ShiftHeld reports whether Shift is held down, for an OnOtherKey handler
// that reads Shift+F7 as the reverse of F7.
func (e *Editor) ShiftHeld() bool { return e.shift }
