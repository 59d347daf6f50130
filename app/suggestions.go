package app

import (
	"fmt"
	"os"
	"os/user"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/app/textedit"
	"github.com/dateline-news/dateline/editor"
)

// The review panel: suggestion mode ("track changes") on the body, the
// list of the draft's suggestions and comment threads with Accept, Reject,
// Accept all, Reject all, and comments (add on the selection, reply,
// resolve, remove). The marks live in the body as CriticMarkup; editor's
// criticmarkup.go and suggest.go hold every rule, this file only wires
// them to the widgets.

// The decoration kinds of review marks in the body.
const (
	decoSuggestInsert textedit.DecorationKind = "suggest-insert"
	decoSuggestDelete textedit.DecorationKind = "suggest-delete"
	decoComment       textedit.DecorationKind = "review-comment"
)

var (
	// shortcutTrackChanges is Ctrl+Shift+T: suggestion mode on and off.
	shortcutTrackChanges = &desktop.CustomShortcut{KeyName: fyne.KeyT, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	// shortcutComment is Ctrl+Alt+M, as in word processors: comment on
	// the selection.
	shortcutComment = &desktop.CustomShortcut{KeyName: fyne.KeyM, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierAlt}
)

// prefReviewerName is the Preferences key of "Your name".
const prefReviewerName = "review.name"

// reviewerName is the name suggestions, comments and review decisions
// carry: the "Your name" preference, or the computer's user name.
func reviewerName(p fyne.Preferences) string {
	if n := strings.TrimSpace(p.String(prefReviewerName)); n != "" {
		return n
	}
	if u, err := user.Current(); err == nil {
		if n := strings.TrimSpace(strings.Split(u.Name, ",")[0]); n != "" {
			return n
		}
		if u.Username != "" {
			return u.Username
		}
	}
	if n := os.Getenv("USER"); n != "" {
		return n
	}
	return "unknown"
}

// newReviewerNameEntry is the Preferences field "Your name": stored as it
// is typed.
func newReviewerNameEntry(prefs fyne.Preferences) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder(reviewerName(prefs) + " (the computer's user name)")
	e.SetText(prefs.String(prefReviewerName))
	e.OnChanged = func(s string) { prefs.SetString(prefReviewerName, strings.TrimSpace(s)) }
	return e
}

// suggestionsHost is what the suggestions panel needs from the window:
// the panelEnv and the few things only it uses.
type suggestionsHost struct {
	panelEnv
	body   *textedit.Editor
	author func() string
	// saveAs stores the open draft's pending edits, if any, as one
	// revision saved with opt (autosaver.saveAs), then calls then.
	saveAs func(opt editor.SaveOptions, then func(saved bool))
	// side holds the panel's tab beside the preview and history.
	side *container.AppTabs
	// compare opens Compare with filed (compare.go).
	compare func()
}

// suggestionsPanel is the Review tab beside the preview.
type suggestionsPanel struct {
	host       suggestionsHost
	marks      []editor.Mark
	sel        int
	suggesting bool

	tab                                   *container.TabItem
	toggle                                *widget.Check
	list                                  *widget.List
	info, detail                          *widget.Label
	accept, reject, acceptAll, rejectAll  *widget.Button
	comment, reply, resolve, removeThread *widget.Button
	// onMode, when set, is told that suggestion mode changed (the menu's
	// check mark follows).
	onMode func(bool)
	// visible, when set, tells whether the tab is showing; stale is set
	// when the list missed a change while it was not.
	visible func() bool
	stale   bool
}

func newSuggestionsPanel(host suggestionsHost) *suggestionsPanel {
	p := &suggestionsPanel{host: host, sel: -1}
	host.body.SetDecorationStyle(decoSuggestInsert, textedit.DecorationStyle{Color: theme.ColorNameSuccess, Underline: true})
	host.body.SetDecorationStyle(decoSuggestDelete, textedit.DecorationStyle{Color: theme.ColorNameError, Strike: true})
	host.body.SetDecorationStyle(decoComment, textedit.DecorationStyle{Color: theme.ColorNameHover})

	p.toggle = widget.NewCheck("Suggest changes (Ctrl+Shift+T)", func(on bool) { p.setSuggesting(on) })
	p.info = widget.NewLabel("No suggestions or comments.")
	p.info.Importance = widget.LowImportance
	p.detail = widget.NewLabel("")
	p.detail.Wrapping = fyne.TextWrapWord
	p.list = widget.NewList(func() int { return len(p.marks) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		if i >= 0 && i < len(p.marks) {
			o.(*widget.Label).SetText(markLabel(p.marks[i]))
		}
	})
	p.list.OnSelected = func(i widget.ListItemID) { p.pick(i) }
	p.list.OnUnselected = func(widget.ListItemID) { p.pick(-1) }

	p.accept = widget.NewButtonWithIcon("Accept", theme.ConfirmIcon(), func() { p.Accept() })
	p.reject = widget.NewButtonWithIcon("Reject", theme.CancelIcon(), func() { p.Reject() })
	p.acceptAll = widget.NewButton("Accept all", func() { p.AcceptAll() })
	p.rejectAll = widget.NewButton("Reject all", func() { p.RejectAll() })
	p.comment = widget.NewButtonWithIcon("Comment…", theme.MailComposeIcon(), func() { p.askComment() })
	p.reply = widget.NewButton("Reply…", func() { p.askReply() })
	p.resolve = widget.NewButton("Resolve", func() { p.Resolve() })
	p.removeThread = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { p.RemoveComment() })

	buttons := container.NewVBox(
		container.NewGridWithColumns(4, p.accept, p.reject, p.acceptAll, p.rejectAll),
		container.NewBorder(nil, nil, nil, p.removeThread, container.NewGridWithColumns(3, p.comment, p.reply, p.resolve)),
	)
	top := container.NewVBox(p.toggle, p.info)
	p.tab = container.NewTabItemWithIcon("Suggestions", theme.DocumentCreateIcon(), container.NewBorder(top, container.NewVBox(p.detail, buttons), nil, nil, p.list))
	p.update()
	return p
}

// markLabel is a mark's row in the list.
func markLabel(m editor.Mark) string {
	who := m.Author
	if who == "" {
		who = "someone"
	}
	var s string
	switch m.Kind {
	case editor.MarkInsertion:
		s = fmt.Sprintf("＋ %s adds “%s”", who, clip(m.New))
	case editor.MarkDeletion:
		s = fmt.Sprintf("− %s deletes “%s”", who, clip(m.Old))
	case editor.MarkSubstitution:
		s = fmt.Sprintf("⇄ %s: “%s” → “%s”", who, clip(m.Old), clip(m.New))
	default:
		text := ""
		if len(m.Notes) > 0 {
			text = m.Notes[0].Text
		}
		s = fmt.Sprintf("💬 %s: %s", who, clip(text))
		if n := len(m.Notes) - 1; n > 0 {
			s += fmt.Sprintf(" (%d more)", n)
		}
		if m.Resolved() {
			s = "✓ " + s
		}
	}
	return s
}

// clip shortens s to one line of about 40 characters.
func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 40 {
		return string(r[:39]) + "…"
	}
	return s
}

// Suggesting reports whether suggestion mode is on.
func (p *suggestionsPanel) Suggesting() bool { return p.suggesting }

// setSuggesting switches suggestion mode: edits of the body become
// suggestions by the reviewer.
func (p *suggestionsPanel) setSuggesting(on bool) {
	if on == p.suggesting {
		return
	}
	p.suggesting = on
	if on {
		p.host.body.Model().Rewrite = p.rewrite
		p.host.status("Suggesting: your edits are recorded as suggestions by "+editor.CleanAuthor(p.host.author())+".", false)
	} else {
		p.host.body.Model().Rewrite = nil
		p.host.status("Editing: your edits change the text.", false)
	}
	if p.toggle.Checked != on {
		p.toggle.SetChecked(on)
	}
	if p.onMode != nil {
		p.onMode(on)
	}
}

// ToggleSuggesting switches suggestion mode (Ctrl+Shift+T).
func (p *suggestionsPanel) ToggleSuggesting() { p.setSuggesting(!p.suggesting) }

// rewrite is the body model's Rewrite hook in suggestion mode.
func (p *suggestionsPanel) rewrite(r textedit.Range, text string) (textedit.Range, string, int, bool) {
	m := p.host.body.Model()
	body := m.Text()
	start, end := m.Offset(r.From), m.Offset(r.To)
	out, caret, err := editor.SuggestEdit(body, start, end, text, p.host.author(), p.host.clock.Now())
	if err != nil {
		p.host.status(editor.ErrorMessage(err), true)
		return textedit.Range{}, "", start, true
	}
	pre, suf := commonEnds(body, out)
	return textedit.Range{From: m.PosAt(pre), To: m.PosAt(len(body) - suf)}, out[pre : len(out)-suf], caret, true
}

// commonEnds returns the lengths of the common prefix and, in what is
// left, the common suffix of a and b.
func commonEnds(a, b string) (pre, suf int) {
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	return pre, suf
}

// bodyEdited reads the marks again after an edit of the body and shows
// them, in the body and in the list.
func (p *suggestionsPanel) bodyEdited() {
	text := p.host.body.Text()
	var marks []editor.Mark
	if editor.HasMarks(text) {
		marks = editor.ParseMarks(text)
	}
	if len(marks) == 0 && len(p.marks) == 0 {
		return
	}
	p.marks = marks
	// The ranges in text order, converted in one pass.
	type span struct {
		kind       textedit.DecorationKind
		start, end int
	}
	var spans []span
	for _, mk := range marks {
		switch mk.Kind {
		case editor.MarkInsertion:
			spans = append(spans, span{decoSuggestInsert, mk.NewStart, mk.NewEnd})
		case editor.MarkDeletion:
			spans = append(spans, span{decoSuggestDelete, mk.OldStart, mk.OldEnd})
		case editor.MarkSubstitution:
			spans = append(spans, span{decoSuggestDelete, mk.OldStart, mk.OldEnd}, span{decoSuggestInsert, mk.NewStart, mk.NewEnd})
		case editor.MarkComment:
			spans = append(spans, span{decoComment, mk.OldStart, mk.OldEnd})
		}
	}
	offs := make([]int, 0, 2*len(spans))
	for _, sp := range spans {
		offs = append(offs, sp.start, sp.end)
	}
	pos := p.host.body.Model().PosAtSorted(offs)
	var ins, del, com []textedit.Range
	for i, sp := range spans {
		r := textedit.Range{From: pos[2*i], To: pos[2*i+1]}
		switch sp.kind {
		case decoSuggestInsert:
			ins = append(ins, r)
		case decoSuggestDelete:
			del = append(del, r)
		default:
			com = append(com, r)
		}
	}
	p.host.body.SetDecorations(decoSuggestInsert, ins)
	p.host.body.SetDecorations(decoSuggestDelete, del)
	p.host.body.SetDecorations(decoComment, com)
	if p.sel >= len(marks) {
		p.sel = -1
		p.list.UnselectAll()
	}
	p.refreshList()
}

// refreshList shows the marks in the list and the summary; while the
// Review tab is hidden it only notes that they are stale, so typing in a
// long draft does not lay the list out on every keystroke.
func (p *suggestionsPanel) refreshList() {
	if p.visible != nil && !p.visible() {
		p.stale = true
		return
	}
	p.stale = false
	p.list.Refresh()
	p.update()
}

// update sets the summary, the detail of the picked mark and which
// buttons work.
func (p *suggestionsPanel) update() {
	changes, threads := 0, 0
	for _, m := range p.marks {
		if m.IsChange() {
			changes++
		} else {
			threads++
		}
	}
	info := "No suggestions or comments."
	if changes > 0 || threads > 0 {
		info = fmt.Sprintf("%s, %s.", pluralCount(changes, "open suggestion"), pluralCount(threads, "comment"))
	}
	setLabel(p.info, info)
	open := p.host.current() != nil
	var picked *editor.Mark
	if p.sel >= 0 && p.sel < len(p.marks) {
		picked = &p.marks[p.sel]
	}
	enable(p.accept, open && picked != nil && picked.IsChange())
	enable(p.reject, open && picked != nil && picked.IsChange())
	enable(p.acceptAll, open && changes > 0)
	enable(p.rejectAll, open && changes > 0)
	enable(p.comment, open)
	enable(p.reply, open && picked != nil)
	enable(p.resolve, open && picked != nil && !picked.IsChange() && !picked.Resolved())
	enable(p.removeThread, open && picked != nil && !picked.IsChange())
	setLabel(p.detail, markDetail(picked))
}

// setLabel sets a label's text when it changed.
func setLabel(l *widget.Label, text string) {
	if l.Text != text {
		l.SetText(text)
	}
}

// markDetail is the picked mark's thread, one note a line.
func markDetail(m *editor.Mark) string {
	if m == nil {
		return ""
	}
	var b strings.Builder
	if m.Author != "" && m.IsChange() {
		fmt.Fprintf(&b, "%s, %s\n", m.Author, m.Time.Local().Format("Jan 2 15:04"))
	}
	for _, n := range m.Notes {
		who := n.Author
		if who == "" {
			who = "Comment"
		}
		line := who
		if !n.Time.IsZero() {
			line += ", " + n.Time.Local().Format("Jan 2 15:04")
		}
		if n.Resolved {
			line += " (resolved)"
		}
		if n.Text != "" {
			line += ": " + n.Text
		}
		b.WriteString(line + "\n")
	}
	return strings.TrimSpace(b.String())
}

func pluralCount(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// enable enables or disables a button.
func enable(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// pick selects mark i in the list and its text in the body.
func (p *suggestionsPanel) pick(i int) {
	p.sel = i
	if i >= 0 && i < len(p.marks) {
		m := p.host.body.Model()
		mk := p.marks[i]
		p.host.body.Select(textedit.Range{From: m.PosAt(mk.Start), To: m.PosAt(mk.End)})
	}
	p.update()
}

// Select picks mark i, as a click in the list does.
func (p *suggestionsPanel) Select(i int) { p.list.Select(i) }

// change replaces the body by what edit makes of it, as a program's edit.
func (p *suggestionsPanel) change(edit func(body string) (string, error)) error {
	out, err := edit(p.host.body.Text())
	if err != nil {
		return err
	}
	p.host.body.ReplaceText(out)
	return nil
}

// decided runs a decision on the body as a save of its own.
func (p *suggestionsPanel) decided(note string, edit func(body string) (string, error)) {
	if p.host.current() == nil {
		return
	}
	p.decide(note, func() error { return p.change(edit) })
}

// Accept accepts the picked suggestion.
func (p *suggestionsPanel) Accept() { p.decideOne(true) }

// Reject rejects the picked suggestion.
func (p *suggestionsPanel) Reject() { p.decideOne(false) }

func (p *suggestionsPanel) decideOne(accept bool) {
	if p.sel < 0 || p.sel >= len(p.marks) {
		return
	}
	mk := p.marks[p.sel]
	verb, fn := "Rejected", editor.Reject
	if accept {
		verb, fn = "Accepted", editor.Accept
	}
	note := fmt.Sprintf("%s %s by %s", verb, mk.Kind, authorOr(mk.Author))
	p.sel = -1
	p.list.UnselectAll()
	p.decided(note, func(body string) (string, error) { return fn(body, mk.ID) })
}

// AcceptAll accepts every suggestion.
func (p *suggestionsPanel) AcceptAll() {
	p.decided("Accepted all suggestions", func(body string) (string, error) { return editor.AcceptAll(body), nil })
}

// RejectAll rejects every suggestion.
func (p *suggestionsPanel) RejectAll() {
	p.decided("Rejected all suggestions", func(body string) (string, error) { return editor.RejectAll(body), nil })
}

func authorOr(name string) string {
	if name == "" {
		return "someone"
	}
	return name
}

// AddComment puts a comment with text on the body's selection (or at the
// caret).
func (p *suggestionsPanel) AddComment(text string) error {
	m := p.host.body.Model()
	r := m.Selection().Range()
	start, end := m.Offset(r.From), m.Offset(r.To)
	return p.change(func(body string) (string, error) {
		return editor.AddComment(body, start, end, p.host.author(), p.host.clock.Now(), text)
	})
}

// ReplyTo adds a reply to the picked thread.
func (p *suggestionsPanel) ReplyTo(text string) error {
	if p.sel < 0 || p.sel >= len(p.marks) {
		return editor.Errorf(editor.EINVALID, "pick a comment or suggestion to reply to")
	}
	id := p.marks[p.sel].ID
	return p.change(func(body string) (string, error) {
		return editor.Reply(body, id, p.host.author(), p.host.clock.Now(), text)
	})
}

// Resolve marks the picked thread resolved.
func (p *suggestionsPanel) Resolve() {
	if p.sel < 0 || p.sel >= len(p.marks) {
		return
	}
	id := p.marks[p.sel].ID
	p.report(p.change(func(body string) (string, error) {
		return editor.Resolve(body, id, p.host.author(), p.host.clock.Now(), "")
	}))
}

// RemoveComment drops the picked comment thread and keeps its text.
func (p *suggestionsPanel) RemoveComment() {
	if p.sel < 0 || p.sel >= len(p.marks) {
		return
	}
	id := p.marks[p.sel].ID
	p.sel = -1
	p.list.UnselectAll()
	p.report(p.change(func(body string) (string, error) { return editor.RemoveComment(body, id) }))
}

func (p *suggestionsPanel) report(err error) {
	if err != nil {
		p.host.status(editor.ErrorMessage(err), true)
	}
}

// askComment asks for a comment on the selection (Ctrl+Alt+M).
func (p *suggestionsPanel) askComment() {
	if p.host.current() == nil {
		return
	}
	p.askText("Comment on the selection", "Comment", "", func(s string) error { return p.AddComment(s) })
}

// askReply asks for a reply to the picked thread.
func (p *suggestionsPanel) askReply() {
	p.askText("Reply", "Reply", "", func(s string) error { return p.ReplyTo(s) })
}

// askText shows a small dialog with one entry and runs done on its text;
// when done fails, the status bar says why and the dialog comes back with
// the text, so nothing typed is lost.
func (p *suggestionsPanel) askText(title, confirm, text string, done func(string) error) {
	// A comment is prose that wraps: the notes' textedit, which keeps
	// spaces typed at a wrap, as the body does.
	e := newNoteEntry(p.host.parent.Canvas())
	e.SetText(text)
	d := dialog.NewForm(title, confirm, "Cancel", []*widget.FormItem{widget.NewFormItem("", e)}, func(ok bool) {
		if !ok {
			return
		}
		if err := done(e.Text()); err != nil {
			p.report(err)
			p.askText(title, confirm, e.Text(), done)
		}
	}, p.host.parent)
	d.Resize(fyne.NewSize(460, 220))
	d.Show()
	p.host.parent.Canvas().Focus(e)
}

// attachSuggestions builds the Review tab beside the preview and history, its
// shortcuts and the wiring to the body editor.
func (w *MainWindow) attachSuggestions() *suggestionsPanel {
	prefs := w.app.Preferences()
	p := newSuggestionsPanel(suggestionsHost{
		panelEnv: w.panelEnv(),
		body:     w.form.body,
		author:   func() string { return reviewerName(prefs) },
		saveAs:   w.saver.saveAs,
		side:     w.history.side,
		compare:  w.CompareWithFiled,
	})
	p.attach()
	return p
}

// attach adds the tab beside the preview and history, the shortcuts and
// the wiring to the body editor.
func (p *suggestionsPanel) attach() {
	side := p.host.side
	p.host.body.OnEdited = p.bodyEdited
	side.Append(p.tab)
	p.visible = func() bool { return side.Selected() == p.tab }
	prev := side.OnSelected
	side.OnSelected = func(t *container.TabItem) {
		if prev != nil {
			prev(t)
		}
		if t == p.tab && p.stale {
			p.refreshList()
		}
	}
	c := p.host.parent.Canvas()
	c.AddShortcut(shortcutTrackChanges, func(fyne.Shortcut) { p.ToggleSuggesting() })
	c.AddShortcut(shortcutComment, func(fyne.Shortcut) { p.show(); p.askComment() })
	c.AddShortcut(shortcutCompareFiled, func(fyne.Shortcut) { p.host.compare() })
}

// show brings the Review tab to the front.
func (p *suggestionsPanel) show() { p.host.side.Select(p.tab) }

// decide saves what is pending, applies a review decision to the body
// and saves it as a revision of its own, by the reviewer, with note: each
// decision stays in the history.
func (p *suggestionsPanel) decide(note string, apply func() error) {
	p.host.save(func(saved bool) {
		if !saved || p.host.current() == nil {
			return
		}
		if err := apply(); err != nil {
			p.host.showError("Could not apply the decision", err)
			return
		}
		opt := editor.SaveOptions{Kind: editor.RevisionEdit, Note: note, Author: p.host.author()}
		p.host.saveAs(opt, func(saved bool) {
			if saved {
				p.host.status(note+".", false)
			}
		})
	})
}

// menu is the Review menu: suggestion mode, comments and the decisions on
// suggestions.
func (p *suggestionsPanel) menu() *fyne.Menu {
	track := fyne.NewMenuItem("Suggest changes", func() { p.ToggleSuggesting() })
	track.Shortcut = shortcutTrackChanges
	p.onMode = func(on bool) {
		track.Checked = on
		if m := p.host.parent.MainMenu(); m != nil {
			m.Refresh()
		}
	}
	comment := fyne.NewMenuItem("Comment on the selection…", func() { p.show(); p.askComment() })
	comment.Shortcut = shortcutComment
	compare := fyne.NewMenuItem("Compare with filed…", p.host.compare) // compare.go
	compare.Shortcut = shortcutCompareFiled
	return fyne.NewMenu("Review",
		track,
		comment,
		fyne.NewMenuItem("Suggestions and comments", p.show),
		compare,
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Accept all suggestions", func() { p.AcceptAll() }),
		fyne.NewMenuItem("Reject all suggestions", func() { p.RejectAll() }),
	)
}
