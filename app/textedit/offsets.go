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
