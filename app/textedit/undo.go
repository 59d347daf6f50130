package textedit

import (
	"unicode"
	"unicode/utf8"
)

// EditKind says where an edit came from, which decides whether it joins
// the previous undo step.
type EditKind int

const (
	// EditTyping is a typed character: consecutive typing at the caret is
	// one step per word (a word and the spaces after it).
	EditTyping EditKind = iota
	// EditNewline is a typed line break; it is a step of its own.
	EditNewline
	// EditDeleteBackward is Backspace; consecutive ones join.
	EditDeleteBackward
	// EditDeleteForward is Delete; consecutive ones join.
	EditDeleteForward
	// EditDelete deletes a selection; a step of its own.
	EditDelete
	// EditPaste is a paste or a drop; a step of its own.
	EditPaste
	// EditOther is any other edit (replace, cut, a program's change); a
	// step of its own.
	EditOther
)

// edit is one replacement as applied: Removed was at From and Inserted is
// there now.
type edit struct {
	From              Pos
	Removed, Inserted string
}

// step is one undo step: its edits in the order they were made, and the
// selections before and after.
type step struct {
	edits         []edit
	before, after Selection
	kind          EditKind
}

// history holds the undo and redo stacks and the open group.
type history struct {
	undo, redo []*step
	// open is set while the last step may still grow.
	open bool
	// compound is the step a Begin started, nil otherwise.
	compound *step
	depth    int
}

func (h *history) closeGroup() { h.open = false }

func (h *history) begin(sel Selection) {
	if h.depth == 0 {
		h.compound = &step{before: sel, kind: EditOther}
	}
	h.depth++
}

func (h *history) commit(sel Selection) {
	if h.depth == 0 {
		return
	}
	h.depth--
	if h.depth > 0 {
		return
	}
	st := h.compound
	h.compound = nil
	h.open = false
	if len(st.edits) == 0 {
		return
	}
	st.after = sel
	h.undo = append(h.undo, st)
	h.redo = nil
}

// record adds an edit to the history: to the open compound step, to the
// last step when it continues it, or as a new step.
func (h *history) record(e edit, kind EditKind, before, after Selection) {
	h.redo = nil
	if h.compound != nil {
		h.compound.edits = append(h.compound.edits, e)
		return
	}
	if h.open && len(h.undo) > 0 {
		last := h.undo[len(h.undo)-1]
		if joins(last, e, kind) {
			last.edits = append(last.edits, e)
			last.after = after
			return
		}
	}
	h.undo = append(h.undo, &step{edits: []edit{e}, before: before, after: after, kind: kind})
	h.open = kind == EditTyping || kind == EditDeleteBackward || kind == EditDeleteForward
}

// joins reports whether e continues the step last: the same kind, at the
// place the last edit left the caret, and for typing within the same word
// (a word's trailing spaces belong to it; the next word starts a step).
func joins(last *step, e edit, kind EditKind) bool {
	if last.kind != kind {
		return false
	}
	prev := last.edits[len(last.edits)-1]
	switch kind {
	case EditTyping:
		if e.Removed != "" || e.From != endOf(prev.From, prev.Inserted) {
			return false
		}
		pr, _ := utf8.DecodeLastRuneInString(prev.Inserted)
		r, _ := utf8.DecodeRuneInString(e.Inserted)
		return !(unicode.IsSpace(pr) && !unicode.IsSpace(r))
	case EditDeleteBackward:
		return endOf(e.From, e.Removed) == prev.From
	case EditDeleteForward:
		return e.From == prev.From
	}
	return false
}

// CanUndo reports whether there is a step to undo.
func (m *Model) CanUndo() bool { return len(m.history.undo) > 0 }

// CanRedo reports whether there is a step to redo.
func (m *Model) CanRedo() bool { return len(m.history.redo) > 0 }

// Undo reverts the last step and restores the selection from before it.
func (m *Model) Undo() bool {
	h := &m.history
	if len(h.undo) == 0 || h.compound != nil {
		return false
	}
	st := h.undo[len(h.undo)-1]
	h.undo = h.undo[:len(h.undo)-1]
	for i := len(st.edits) - 1; i >= 0; i-- {
		e := st.edits[i]
		m.apply(Range{e.From, endOf(e.From, e.Inserted)}, e.Removed)
	}
	m.sel = Selection{m.Clamp(st.before.Anchor), m.Clamp(st.before.Caret)}
	h.redo = append(h.redo, st)
	h.open = false
	return true
}

// Redo applies the last undone step again.
func (m *Model) Redo() bool {
	h := &m.history
	if len(h.redo) == 0 || h.compound != nil {
		return false
	}
	st := h.redo[len(h.redo)-1]
	h.redo = h.redo[:len(h.redo)-1]
	for _, e := range st.edits {
		m.apply(Range{e.From, endOf(e.From, e.Removed)}, e.Inserted)
	}
	m.sel = Selection{m.Clamp(st.after.Anchor), m.Clamp(st.after.Caret)}
	h.undo = append(h.undo, st)
	h.open = false
	return true
}
