package textedit

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// The editor takes focus, keys, shortcuts, the mouse and the wheel. It
// does not implement fyne.Tabbable: Tab and Shift+Tab move the focus on.
var (
	_ fyne.Focusable      = (*Editor)(nil)
	_ fyne.Tappable       = (*Editor)(nil)
	_ fyne.DoubleTappable = (*Editor)(nil)
	_ fyne.Draggable      = (*Editor)(nil)
	_ fyne.Scrollable     = (*Editor)(nil)
	_ fyne.Shortcutable   = (*Editor)(nil)
	_ fyne.Disableable    = (*Editor)(nil)
	_ desktop.Mouseable   = (*Editor)(nil)
	_ desktop.Keyable     = (*Editor)(nil)
)

// FocusGained implements fyne.Focusable.
func (e *Editor) FocusGained() {
	e.focused = true
	e.Refresh()
	if e.OnFocus != nil {
		e.OnFocus()
	}
}

// FocusLost implements fyne.Focusable.
func (e *Editor) FocusLost() {
	e.focused = false
	e.shift = false
	e.Refresh()
}

// TypedRune implements fyne.Focusable: the rune replaces the selection.
func (e *Editor) TypedRune(r rune) {
	if e.disabled {
		return
	}
	e.m.ReplaceSelection(string(r), EditTyping)
	e.edited()
}

// KeyDown implements desktop.Keyable; it follows the Shift key.
func (e *Editor) KeyDown(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = true
	}
}

// KeyUp implements desktop.Keyable.
func (e *Editor) KeyUp(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = false
	}
}

// isOtherKey reports whether the editor has no use for key: the function
// keys.
func isOtherKey(key fyne.KeyName) bool {
	switch key {
	case fyne.KeyF1, fyne.KeyF2, fyne.KeyF3, fyne.KeyF4, fyne.KeyF5, fyne.KeyF6,
		fyne.KeyF7, fyne.KeyF8, fyne.KeyF9, fyne.KeyF10, fyne.KeyF11, fyne.KeyF12,
		fyne.KeyEscape:
		return true
	}
	return false
}

// TypedKey implements fyne.Focusable: editing and moving keys. With Shift
// held, moves extend the selection.
func (e *Editor) TypedKey(k *fyne.KeyEvent) {
	if e.OnOtherKey != nil && isOtherKey(k.Name) && e.OnOtherKey(k) {
		return
	}
	if e.disabled {
		return
	}
	switch k.Name {
	case fyne.KeyBackspace:
		e.m.DeleteBackward()
		e.edited()
	case fyne.KeyDelete:
		e.m.DeleteForward()
		e.edited()
	case fyne.KeyReturn, fyne.KeyEnter:
		if e.single {
			if e.OnSubmitted != nil {
				e.OnSubmitted(e.m.Text())
			}
			return
		}
		e.m.ReplaceSelection("\n", EditNewline)
		e.edited()
	default:
		e.move(k.Name, e.shift)
	}
}

// move handles a moving key; extend keeps the anchor.
func (e *Editor) move(key fyne.KeyName, extend bool) {
	sel := e.m.Selection()
	c := sel.Caret
	upstream := false
	keepGoal := false
	switch key {
	case fyne.KeyLeft:
		if !sel.Empty() && !extend {
			c = sel.Range().From
		} else {
			c = e.m.PrevGrapheme(c)
		}
	case fyne.KeyRight:
		if !sel.Empty() && !extend {
			c = sel.Range().To
		} else {
			c = e.m.NextGrapheme(c)
		}
	case fyne.KeyUp, fyne.KeyDown:
		dir := 1
		if key == fyne.KeyUp {
			dir = -1
		}
		c, upstream = e.lineMove(dir, 1)
		keepGoal = true
	case fyne.KeyPageUp, fyne.KeyPageDown:
		dir := 1
		if key == fyne.KeyPageUp {
			dir = -1
		}
		n := max(int(e.viewHeight()/e.lay.lineHeight(0))-1, 1)
		c, upstream = e.lineMove(dir, n)
		e.scrollTo(e.scrollY + float32(dir)*e.viewHeight())
		keepGoal = true
	case fyne.KeyHome:
		c = e.lineEdge(false)
	case fyne.KeyEnd:
		c, upstream = e.lineEdge(true), true
	default:
		return
	}
	e.m.SetCaret(c, extend)
	e.upstream = upstream && e.atWrap()
	if !keepGoal {
		e.haveGoal = false
	}
	e.moved()
}

// atWrap reports whether the caret sits where a paragraph wraps, so that
// it can be drawn at the end of the upper line.
func (e *Editor) atWrap() bool {
	c := e.m.Selection().Caret
	p := e.lay.para(c.Para)
	k := p.lineOf(c.Off, false)
	return k > 0 && p.lines[k].start == c.Off
}

// lineEdge returns the start or end of the caret's visual line.
func (e *Editor) lineEdge(end bool) Pos {
	e.metrics()
	c := e.m.Selection().Caret
	p := e.lay.para(c.Para)
	ln := p.lines[p.lineOf(c.Off, e.upstream)]
	if end {
		return Pos{c.Para, ln.end}
	}
	return Pos{c.Para, ln.start}
}

// lineMove returns the position n visual lines up (dir -1) or down from
// the caret, as near as possible to the column the vertical move began in.
func (e *Editor) lineMove(dir, n int) (Pos, bool) {
	e.metrics()
	c := e.m.Selection().Caret
	if !e.haveGoal {
		e.goalX, _, _ = e.caretBox()
		e.haveGoal = true
	}
	i := c.Para
	k := e.lay.para(i).lineOf(c.Off, e.upstream)
	for ; n > 0; n-- {
		k += dir
		if k < 0 {
			if i == 0 {
				return Pos{0, 0}, false
			}
			i--
			k = len(e.lay.para(i).lines) - 1
		} else if k >= len(e.lay.para(i).lines) {
			if i == e.m.Len()-1 {
				return e.m.End(), false
			}
			i++
			k = 0
		}
	}
	off, up := e.lay.offsetAt(i, k, e.goalX)
	return Pos{i, off}, up
}

// TypedShortcut implements fyne.Shortcutable: clipboard, undo, select all,
// word and document moves, find. Other shortcuts go on to the window.
func (e *Editor) TypedShortcut(s fyne.Shortcut) {
	switch s := s.(type) {
	case *fyne.ShortcutCopy:
		e.copy(s.Clipboard)
	case *fyne.ShortcutCut:
		if !e.disabled && e.copy(s.Clipboard) {
			e.m.ReplaceSelection("", EditOther)
			e.edited()
		}
	case *fyne.ShortcutPaste:
		e.paste(s.Clipboard)
	case *fyne.ShortcutSelectAll:
		e.m.SetSelection(Selection{Anchor: Pos{}, Caret: e.m.End()})
		e.moved()
	case *fyne.ShortcutUndo:
		if !e.disabled {
			e.Undo()
		}
	case *fyne.ShortcutRedo:
		if !e.disabled {
			e.Redo()
		}
	case *desktop.CustomShortcut:
		if !e.customShortcut(s) {
			e.passOn(s)
		}
	default:
		e.passOn(s)
	}
}

// customShortcut handles Ctrl with arrows, Home, End, Backspace, Delete,
// Z, F and H; it reports whether it knew the shortcut.
func (e *Editor) customShortcut(s *desktop.CustomShortcut) bool {
	ctrl := s.Modifier&(fyne.KeyModifierControl|fyne.KeyModifierSuper|fyne.KeyModifierAlt) != 0
	extend := s.Modifier&fyne.KeyModifierShift != 0
	if !ctrl {
		return false
	}
	c := e.m.Selection().Caret
	switch s.KeyName {
	case fyne.KeyHome:
		e.m.SetCaret(Pos{}, extend)
	case fyne.KeyEnd:
		e.m.SetCaret(e.m.End(), extend)
	case fyne.KeyLeft:
		e.m.SetCaret(e.m.PrevWord(c), extend)
	case fyne.KeyRight:
		e.m.SetCaret(e.m.NextWord(c), extend)
	case fyne.KeyUp:
		e.m.SetCaret(Pos{c.Para, 0}, extend)
	case fyne.KeyDown:
		e.m.SetCaret(Pos{c.Para, len(e.m.Para(c.Para))}, extend)
	case fyne.KeyBackspace, fyne.KeyDelete:
		if e.disabled {
			return true
		}
		if e.m.Selection().Empty() {
			to := e.m.NextWord(c)
			if s.KeyName == fyne.KeyBackspace {
				to = e.m.PrevWord(c)
			}
			e.m.Replace(ordered(c, to), "", EditDelete)
		} else {
			e.m.ReplaceSelection("", EditDelete)
		}
		e.edited()
		return true
	case fyne.KeyZ:
		if extend && !e.disabled {
			e.Redo()
		}
		return extend
	case fyne.KeyF, fyne.KeyH:
		if e.OnFind == nil || extend {
			return false
		}
		e.OnFind(s.KeyName == fyne.KeyH)
		return true
	default:
		return false
	}
	e.upstream, e.haveGoal = false, false
	e.moved()
	return true
}

// passOn gives a shortcut the editor does not use to the window's canvas,
// so that the window's own shortcuts work while the editor has the focus.
func (e *Editor) passOn(s fyne.Shortcut) {
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	if sc, ok := c.(fyne.Shortcutable); ok {
		sc.TypedShortcut(s)
	}
}

// clipboard returns the shortcut's clipboard, or the application's.
func clipboard(cb fyne.Clipboard) fyne.Clipboard {
	if cb != nil {
		return cb
	}
	return fyne.CurrentApp().Clipboard()
}

// copy puts the selection on the clipboard and reports whether there was
// one.
func (e *Editor) copy(cb fyne.Clipboard) bool {
	if e.m.Selection().Empty() {
		return false
	}
	clipboard(cb).SetContent(e.m.SelectedText())
	return true
}

// paste inserts the clipboard's text (line endings made LF) as one step.
func (e *Editor) paste(cb fyne.Clipboard) {
	if e.disabled {
		return
	}
	s := clipboard(cb).Content()
	if s == "" {
		return
	}
	e.m.ReplaceSelection(s, EditPaste)
	e.edited()
}

// hit returns the text position under a point of the widget and whether
// it is the end of a wrapped line.
func (e *Editor) hit(pt fyne.Position) (Pos, bool) {
	e.metrics()
	pad := e.padding()
	y := pt.Y - e.padTop() + e.scrollY
	i := e.lay.paraAt(max(y, 0))
	p := e.lay.para(i)
	top := e.lay.top(i)
	k := int((y - top) / p.lineH)
	k = max(0, min(k, len(p.lines)-1))
	if y < 0 {
		k = 0
	}
	off, up := e.lay.offsetAt(i, k, pt.X-pad)
	return Pos{i, off}, up
}

// onBar reports whether a point is on the scrollbar.
func (e *Editor) onBar(pt fyne.Position) bool {
	return pt.X >= e.Size().Width-e.barWidth() && e.lay.total() > e.viewHeight()
}

// requestFocus asks the window to focus the editor.
func (e *Editor) requestFocus() {
	if e.disabled {
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil && c.Focused() != e {
		c.Focus(e)
	}
}

// MouseDown implements desktop.Mouseable: a press places the caret (Shift
// extends the selection); a second press selects a word, a third the
// paragraph.
func (e *Editor) MouseDown(ev *desktop.MouseEvent) {
	if ev.Button != desktop.MouseButtonPrimary {
		return
	}
	e.requestFocus()
	if e.onBar(ev.Position) {
		e.dragBar = true
		e.barScroll(ev.Position.Y)
		return
	}
	e.dragBar = false
	now := time.Now()
	d := ev.Position.Subtract(e.lastPos)
	if now.Sub(e.lastClick) < 500*time.Millisecond && d.X*d.X+d.Y*d.Y < 25 {
		e.clicks = e.clicks%3 + 1
	} else {
		e.clicks = 1
	}
	e.lastClick, e.lastPos = now, ev.Position
	e.press(ev.Position, ev.Modifier&fyne.KeyModifierShift != 0 || e.shift)
}

// press selects what a press of the current click count selects.
func (e *Editor) press(pt fyne.Position, extend bool) {
	p, up := e.hit(pt)
	switch e.clicks {
	case 2:
		e.dragAnchor = e.m.WordRange(p)
		e.m.SetSelection(Selection{e.dragAnchor.From, e.dragAnchor.To})
	case 3:
		e.dragAnchor = e.m.ParagraphRange(p.Para)
		e.m.SetSelection(Selection{e.dragAnchor.From, e.dragAnchor.To})
	default:
		e.m.SetCaret(p, extend)
		sel := e.m.Selection()
		e.dragAnchor = Range{sel.Anchor, sel.Anchor}
		e.upstream = up
	}
	e.haveGoal = false
	e.Refresh()
}

// MouseUp implements desktop.Mouseable.
func (e *Editor) MouseUp(*desktop.MouseEvent) {}

// Tapped implements fyne.Tappable: the press already placed the caret;
// a tap without one (a test, a touch screen) places it too.
func (e *Editor) Tapped(ev *fyne.PointEvent) {
	e.requestFocus()
	if time.Since(e.lastClick) > time.Second {
		e.clicks = 1
		e.press(ev.Position, false)
	}
}

// DoubleTapped implements fyne.DoubleTappable: select the word.
func (e *Editor) DoubleTapped(ev *fyne.PointEvent) {
	if e.clicks >= 2 && time.Since(e.lastClick) < time.Second {
		return // the second press did it
	}
	e.clicks = 2
	e.press(ev.Position, false)
}

// Dragged implements fyne.Draggable: extend the selection to the pointer
// (by words or paragraphs after a double or triple click), or scroll when
// the drag began on the scrollbar.
func (e *Editor) Dragged(ev *fyne.DragEvent) {
	if e.dragBar {
		e.barScroll(ev.Position.Y)
		return
	}
	p, up := e.hit(ev.Position)
	a := e.dragAnchor
	switch e.clicks {
	case 2:
		w := e.m.WordRange(p)
		if p.Less(a.From) {
			e.m.SetSelection(Selection{a.To, w.From})
		} else {
			e.m.SetSelection(Selection{a.From, w.To})
		}
	case 3:
		if p.Para < a.From.Para {
			e.m.SetSelection(Selection{a.To, Pos{p.Para, 0}})
		} else {
			e.m.SetSelection(Selection{a.From, Pos{p.Para, len(e.m.Para(p.Para))}})
		}
	default:
		e.m.SetSelection(Selection{a.From, p})
		e.upstream = up
	}
	e.moved()
}

// DragEnd implements fyne.Draggable.
func (e *Editor) DragEnd() { e.dragBar = false }

// barScroll scrolls so that the scrollbar's thumb is centred at y.
func (e *Editor) barScroll(y float32) {
	h := e.Size().Height
	e.scrollTo(y/max(h, 1)*e.lay.total() - e.viewHeight()/2)
	e.Refresh()
}

// Scrolled implements fyne.Scrollable: the mouse wheel scrolls the text.
func (e *Editor) Scrolled(ev *fyne.ScrollEvent) {
	e.scrollTo(e.scrollY - ev.Scrolled.DY)
	e.Refresh()
}
