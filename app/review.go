package app

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/app/textedit"
	"github.com/dateline-news/dateline/editor"
	"github.com/dateline-news/dateline/editor/spell"
	"github.com/dateline-news/dateline/editor/style"
)

// The review desk: spelling and AP style findings of the open draft, in a
// Review tab beside the preview and as wavy underlines in the body, the
// headline and the deck (red for spelling, the primary colour for style
// errors and warnings; suggestions are only listed). The check runs on a
// worker after a pause in typing; the spelling checker keeps the misses of
// every paragraph, so only the paragraphs that changed are checked again.
// A right click on an underlined word, or Ctrl+. at the caret, offers the
// suggestions, "Add to library dictionary" and "Ignore in this draft".

// Shortcuts of the review desk.
var (
	// shortcutReviewPanel is Ctrl+Alt+R: the Review tab.
	shortcutReviewPanel = &desktop.CustomShortcut{KeyName: fyne.KeyR, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierAlt}
	// shortcutSuggest is Ctrl+.: the suggestions for the finding at the
	// caret.
	shortcutSuggest = &desktop.CustomShortcut{KeyName: fyne.KeyPeriod, Modifier: fyne.KeyModifierShortcutDefault}
)

// reviewDelay is the pause in typing after which the draft is checked.
const reviewDelay = 300 * time.Millisecond

// maxSuggestions is how many spellings the context menu offers.
const maxSuggestions = 6

// reviewHost is what the review panel needs of the window: the panelEnv
// and the few things only it uses.
type reviewHost struct {
	panelEnv
	edit        func(func(a *editor.Article)) // changes the draft (autosaved)
	saveProfile func(p editor.Profile, then func(error))
	body        *textedit.Editor
	// lines are the single-line editors of the fields the review
	// underlines besides the body (style.FieldHeadline, FieldDeck).
	lines map[string]*textedit.Editor
	// field returns the form's entry of another field (the dateline's
	// place), to focus when its finding is chosen.
	field func(name string) fyne.Focusable
	// side holds the panel's tab beside the preview and history;
	// showSide brings that pane back when the View menu or focus mode
	// hid it, and reports whether it was hidden.
	side     *container.AppTabs
	showSide func() bool
}

// reviewPanel is the Review tab and the checking behind it.
type reviewPanel struct {
	host reviewHost

	tab      *container.TabItem
	list     *widget.List
	summary  *widget.Label
	language *widget.Select
	// unignore clears what the draft ignores; it shows how much.
	unignore *widget.Button
	findings []style.Finding

	debounce debounce
	gen      uint64
	loading  bool // the language select is being set, not chosen

	mu       sync.Mutex
	checkers map[string]*spell.Checker // by dictionary tag
	known    map[string]string         // the known words each checker has, joined
}

// languageChoices are the draft language select's options; the first
// means the library's language.
var languageChoices = []string{"Library's language", "en-US", "en-GB"}

func newReviewPanel(host reviewHost) *reviewPanel {
	r := &reviewPanel{host: host, checkers: map[string]*spell.Checker{}, known: map[string]string{}}
	r.summary = widget.NewLabel("No draft open")
	r.summary.Wrapping = fyne.TextWrapWord
	r.language = widget.NewSelect(languageChoices, func(s string) {
		if r.loading {
			return
		}
		lang := s
		if s == languageChoices[0] {
			lang = ""
		}
		r.host.edit(func(a *editor.Article) { a.Language = lang })
		r.run()
	})
	r.list = widget.NewList(func() int { return len(r.findings) }, r.newRow, r.updateRow)
	r.list.OnSelected = func(i widget.ListItemID) {
		r.list.Unselect(i)
		if i < len(r.findings) {
			r.reveal(r.findings[i])
		}
	}
	settings := widget.NewButtonWithIcon("Review settings…", theme.SettingsIcon(), func() { r.showSettings() })
	settings.Importance = widget.LowImportance
	r.unignore = widget.NewButton("", func() {
		r.host.edit(func(a *editor.Article) { a.IgnoreWords, a.IgnoreFindings = nil, nil })
		r.run()
	})
	r.unignore.Importance = widget.LowImportance
	r.unignore.Hide()
	top := container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel("Spelling:"), settings, r.language),
		container.NewBorder(nil, nil, nil, r.unignore, r.summary), widget.NewSeparator())
	r.tab = container.NewTabItemWithIcon("Spelling & style", theme.ConfirmIcon(), container.NewBorder(top, nil, nil, nil, r.list))
	for name, ed := range r.editors() {
		name := name
		ed.OnSecondaryTap = func(at textedit.Pos, ev *fyne.PointEvent) { r.showMenuAt(name, at, ev.AbsolutePosition) }
	}
	return r
}

// editors are the text editors whose findings the review underlines, by
// field: the body, the headline and the deck.
func (r *reviewPanel) editors() map[string]*textedit.Editor {
	m := map[string]*textedit.Editor{style.FieldBody: r.host.body}
	for name, ed := range r.host.lines {
		if ed != nil {
			m[name] = ed
		}
	}
	return m
}

// editorOf returns the editor that holds a field's text, nil for a field
// the review cannot underline (the byline, the dateline).
func (r *reviewPanel) editorOf(field string) *textedit.Editor {
	if field == style.FieldBody {
		return r.host.body
	}
	return r.host.lines[field]
}

// rangeOf is where a finding lies in its field's editor.
func rangeOf(f style.Finding) textedit.Range {
	return textedit.Range{From: textedit.Pos{Para: f.Line, Off: f.Start}, To: textedit.Pos{Para: f.EndLine, Off: f.End}}
}

// versions are the edit counts of the editors the review reads, to tell
// whether a result is still about the text they hold.
func (r *reviewPanel) versions() map[string]uint64 {
	v := map[string]uint64{}
	for name, ed := range r.editors() {
		v[name] = ed.Model().Version()
	}
	return v
}

func sameVersions(a, b map[string]uint64) bool {
	if len(a) != len(b) {
		return false
	}
	for k, x := range a {
		if b[k] != x {
			return false
		}
	}
	return true
}

// newRow is a list row: severity and place, the message, an Ignore button.
func (r *reviewPanel) newRow() fyne.CanvasObject {
	where := widget.NewLabel("")
	where.TextStyle.Monospace = true
	msg := widget.NewLabel("")
	msg.Truncation = fyne.TextTruncateEllipsis
	ignore := widget.NewButton("Ignore", nil)
	ignore.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, where, ignore, msg)
}

func (r *reviewPanel) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(r.findings) {
		return
	}
	f := r.findings[i]
	c := o.(*fyne.Container)
	msg, where, ignore := c.Objects[0].(*widget.Label), c.Objects[1].(*widget.Label), c.Objects[2].(*widget.Button)
	line, col := f.Position()
	where.SetText(fmt.Sprintf("%s %s:%d:%d", severityMark(f.Severity), f.Field, line, col))
	switch f.Severity {
	case style.SeverityError:
		where.Importance = widget.DangerImportance
	case style.SeverityWarning:
		where.Importance = widget.WarningImportance
	default:
		where.Importance = widget.LowImportance
	}
	where.Refresh()
	msg.SetText(f.Message)
	ignore.OnTapped = func() { r.ignore(f) }
}

// severityMark marks a severity by more than colour.
func severityMark(s style.Severity) string {
	switch s {
	case style.SeverityError:
		return "✖"
	case style.SeverityWarning:
		return "▲"
	}
	return "•"
}

// reset clears the findings of the previous draft and checks the new one.
func (r *reviewPanel) reset() {
	r.gen++
	r.findings = nil
	r.list.Refresh()
	for _, ed := range r.editors() {
		ed.SetDecorations(textedit.KindSpelling, nil)
		ed.SetDecorations(textedit.KindStyle, nil)
	}
	r.loading = true
	if a := r.host.current(); a != nil {
		r.language.SetSelected(languageLabel(a.Language))
	}
	r.loading = false
	r.run()
}

func languageLabel(lang string) string {
	if lang == "" {
		return languageChoices[0]
	}
	if tag, ok := spell.DictionaryTag(lang); ok {
		return tag
	}
	return languageChoices[0]
}

// schedule checks the draft again after a pause in typing.
func (r *reviewPanel) schedule() {
	r.debounce.schedule(r.host.clock, reviewDelay, r.run)
}

// run checks a snapshot of the draft on a worker. A result is shown only
// if the body, headline and deck have not changed since (an edit schedules
// another run).
func (r *reviewPanel) run() {
	a := r.host.current()
	if a == nil {
		r.summary.SetText("No draft open")
		return
	}
	snap, prof := a.Clone(), r.host.profile()
	// The body as the editor holds it now: the draft takes typing over on
	// a pause of its own, which may come after this one.
	snap.Body = r.host.body.Text()
	if ed := r.host.lines[style.FieldHeadline]; ed != nil {
		snap.Headline = ed.Text()
	}
	if ed := r.host.lines[style.FieldDeck]; ed != nil {
		snap.Deck = ed.Text()
	}
	version := r.versions()
	r.gen++
	gen := r.gen
	r.host.run(func() func() {
		checker, err := r.checker(snap, prof)
		fs := style.Lint(snap, style.ConfigFor(prof, snap, checker))
		return func() {
			cur := r.host.current()
			if gen != r.gen || cur == nil || cur.ID != snap.ID || !sameVersions(r.versions(), version) {
				return
			}
			r.show(fs, err)
		}
	})
}

// checker returns the spelling checker of the draft's language with the
// draft's known words, reading the dictionary on first use (on a worker).
func (r *reviewPanel) checker(a *editor.Article, p editor.Profile) (*spell.Checker, error) {
	lang := a.Language
	if lang == "" {
		lang = p.Language
	}
	d, err := spell.Builtin(lang)
	if err != nil {
		return nil, err
	}
	tag, _ := spell.DictionaryTag(lang)
	known := style.KnownWords(p, a)
	key := strings.Join(known, "\x00")
	r.mu.Lock()
	defer r.mu.Unlock()
	c := r.checkers[tag]
	switch {
	case c == nil:
		c = spell.NewChecker(d, known...)
		r.checkers[tag] = c
	case r.known[tag] != key:
		c.SetKnown(known)
	}
	r.known[tag] = key
	return c, nil
}

// show puts findings in the list and the underlines of the body, headline
// and deck.
func (r *reviewPanel) show(fs []style.Finding, spellErr error) {
	r.findings = fs
	sp, st := map[string][]textedit.Range{}, map[string][]textedit.Range{}
	errors, spelling := 0, 0
	for _, f := range fs {
		if f.Severity == style.SeverityError {
			errors++
		}
		if f.Rule == "spelling" {
			spelling++
		}
		switch {
		case r.editorOf(f.Field) == nil:
		case f.Rule == "spelling":
			sp[f.Field] = append(sp[f.Field], rangeOf(f))
		case f.Severity != style.SeverityInfo:
			st[f.Field] = append(st[f.Field], rangeOf(f)) // suggestions are listed, not underlined
		}
	}
	for name, ed := range r.editors() {
		ed.SetDecorations(textedit.KindSpelling, sp[name])
		ed.SetDecorations(textedit.KindStyle, st[name])
	}
	sum := "No findings"
	if len(fs) > 0 {
		sum = fmt.Sprintf("%d spelling, %d style", spelling, len(fs)-spelling)
		if errors > 0 {
			sum += fmt.Sprintf(" — %d %s", errors, plural(errors, "error", "errors"))
		}
	}
	if spellErr != nil {
		sum += " (spelling not checked: " + spellErr.Error() + ")"
	}
	r.summary.SetText(sum)
	if a := r.host.current(); a != nil && len(a.IgnoreWords)+len(a.IgnoreFindings) > 0 {
		r.unignore.SetText(fmt.Sprintf("Stop ignoring %d", len(a.IgnoreWords)+len(a.IgnoreFindings)))
		r.unignore.Show()
	} else {
		r.unignore.Hide()
	}
	r.list.Refresh()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Findings returns the findings the panel shows.
func (r *reviewPanel) Findings() []style.Finding { return append([]style.Finding(nil), r.findings...) }

// reveal selects a finding's range in the body, headline or deck and
// focuses it, or focuses the finding's field.
func (r *reviewPanel) reveal(f style.Finding) {
	c := r.host.parent.Canvas()
	ed := r.editorOf(f.Field)
	if ed == nil {
		if r.host.field == nil {
			return
		}
		if fld := r.host.field(f.Field); fld != nil && c != nil {
			c.Focus(fld)
		}
		return
	}
	if c != nil {
		c.Focus(ed) // first: a field scrolls into view as it gets the focus
	}
	ed.Select(rangeOf(f))
}

// ignore keeps a finding out of this draft's review: a word for spelling,
// the finding's key for style.
func (r *reviewPanel) ignore(f style.Finding) {
	r.host.edit(func(a *editor.Article) {
		if f.Rule == "spelling" {
			a.IgnoreWords = appendNew(a.IgnoreWords, f.Text)
		} else {
			a.IgnoreFindings = appendNew(a.IgnoreFindings, f.Key())
		}
	})
	r.run()
}

// addToDictionary adds a word to the library's dictionary.
func (r *reviewPanel) addToDictionary(word string) {
	p := r.host.profile()
	p.Dictionary = appendNew(append([]string(nil), p.Dictionary...), word)
	r.host.saveProfile(p, func(err error) {
		if err == nil {
			r.run()
		}
	})
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// findingAt returns the finding of a field (the body, headline or deck)
// under a text position, spelling first.
func (r *reviewPanel) findingAt(field string, at textedit.Pos) (style.Finding, bool) {
	var found []style.Finding
	for _, f := range r.findings {
		if f.Field != field {
			continue
		}
		rg := rangeOf(f)
		if !at.Less(rg.From) && !rg.To.Less(at) {
			found = append(found, f)
		}
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].Rule == "spelling" && found[j].Rule != "spelling" })
	if len(found) == 0 {
		return style.Finding{}, false
	}
	return found[0], true
}

// menuItems are the context menu's items for a finding.
func (r *reviewPanel) menuItems(f style.Finding) []*fyne.MenuItem {
	rg := rangeOf(f)
	replace := func(s string) func() {
		return func() {
			if ed := r.editorOf(f.Field); ed != nil {
				ed.ReplaceRange(rg, s)
			}
		}
	}
	var items []*fyne.MenuItem
	if f.Rule == "spelling" {
		var sugg []string
		if a := r.host.current(); a != nil {
			if c, err := r.checker(a, r.host.profile()); err == nil {
				sugg = c.Suggest(f.Text, maxSuggestions)
			}
		}
		for _, s := range sugg {
			items = append(items, fyne.NewMenuItem(s, replace(s)))
		}
		if len(sugg) == 0 {
			none := fyne.NewMenuItem("No suggestions", nil)
			none.Disabled = true
			items = append(items, none)
		}
		items = append(items, fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem("Add “"+f.Text+"” to library dictionary", func() { r.addToDictionary(f.Text) }),
			fyne.NewMenuItem("Ignore “"+f.Text+"” in this draft", func() { r.ignore(f) }))
		return items
	}
	head := fyne.NewMenuItem(f.Message, nil)
	head.Disabled = true
	items = append(items, head)
	if f.Want != "" && f.Line == f.EndLine {
		items = append(items, fyne.NewMenuItem("Change to “"+f.Want+"”", replace(f.Want)))
	}
	items = append(items, fyne.NewMenuItemSeparator(), fyne.NewMenuItem("Ignore in this draft", func() { r.ignore(f) }))
	return items
}

// showMenuAt opens the context menu of the finding at a text position of
// a field, at an absolute point of the window; it reports whether there
// was one.
func (r *reviewPanel) showMenuAt(field string, at textedit.Pos, abs fyne.Position) bool {
	f, ok := r.findingAt(field, at)
	c := r.host.parent.Canvas()
	if !ok || c == nil {
		return false
	}
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", r.menuItems(f)...), c, abs)
	return true
}

// showMenuAtCaret is Ctrl+.: the context menu of the finding at the caret
// of the focused headline, deck or body (the body when none of them has
// the focus).
func (r *reviewPanel) showMenuAtCaret() {
	c := r.host.parent.Canvas()
	if c == nil {
		return
	}
	field, ed := style.FieldBody, r.host.body
	for name, e := range r.editors() {
		if c.Focused() == fyne.Focusable(e) {
			field, ed = name, e
		}
	}
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(ed).Add(ed.CaretPoint())
	if !r.showMenuAt(field, ed.CursorPosition(), abs) {
		if f, ok := r.nextFinding(field, ed.CursorPosition()); ok {
			r.reveal(f) // nothing here: go to the next finding
		}
	}
}

// nextFinding returns the first finding after a position of a field that
// the review underlines: later in that field, then in the fields after it
// (headline, deck, body, the order the findings come in), then from the
// first one again.
func (r *reviewPanel) nextFinding(field string, at textedit.Pos) (style.Finding, bool) {
	var first *style.Finding
	passed := false // the findings of field have begun
	for i, f := range r.findings {
		if r.editorOf(f.Field) == nil {
			continue
		}
		if first == nil {
			first = &r.findings[i]
		}
		if f.Field == field {
			passed = true
			if at.Less(rangeOf(f).From) {
				return f, true
			}
			continue
		}
		if passed || fieldOrder(f.Field) > fieldOrder(field) {
			return f, true
		}
	}
	if first != nil {
		return *first, true
	}
	return style.Finding{}, false
}

// fieldOrder is where a field comes in the findings (style.Lint's order).
func fieldOrder(field string) int {
	switch field {
	case style.FieldHeadline:
		return 0
	case style.FieldDeck:
		return 1
	case style.FieldBody:
		return 4
	}
	return 2
}

// showSettings is the Review settings dialog: which rules the desk uses,
// the long-sentence limit and the library's dictionary.
func (r *reviewPanel) showSettings() dialog.Dialog {
	p := r.host.profile()
	off := map[string]bool{}
	for _, id := range p.DisabledRules {
		off[id] = true
	}
	var checks []*widget.Check
	rules := style.Rules()
	list := container.NewVBox()
	for _, rule := range rules {
		ck := widget.NewCheck(rule.ID+" — "+strings.NewReplacer("{text}", "…", "{want}", "…", "{n}", "…").Replace(rule.Message), nil)
		ck.SetChecked(!off[rule.ID])
		checks = append(checks, ck)
		list.Add(ck)
	}
	limit := widget.NewEntry()
	if p.MaxSentenceWords > 0 {
		limit.SetText(strconv.Itoa(p.MaxSentenceWords))
	}
	limit.SetPlaceHolder(strconv.Itoa(style.DefaultMaxSentenceWords))
	words := newNoteEntry(r.host.parent.Canvas())
	words.SetText(strings.Join(p.Dictionary, "\n"))
	words.SetPlaceHolder("One word per line")
	words.SetMinRowsVisible(4)
	errLabel := widget.NewLabel("")
	errLabel.Importance = widget.DangerImportance
	errLabel.Hide()
	form := container.NewVBox(
		widget.NewLabelWithStyle("Rules the desk uses", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewGridWrap(fyne.NewSize(640, 260), container.NewVScroll(list)),
		container.NewBorder(nil, nil, widget.NewLabel("Longest sentence (words)"), nil, limit),
		widget.NewLabelWithStyle("Library dictionary", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		words, errLabel)
	var d *dialog.CustomDialog
	save := widget.NewButton("Save", func() {
		np := p
		np.DisabledRules = nil
		for i, ck := range checks {
			if !ck.Checked {
				np.DisabledRules = append(np.DisabledRules, rules[i].ID)
			}
		}
		np.MaxSentenceWords = 0
		if s := strings.TrimSpace(limit.Text); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil || n < 1 {
				errLabel.SetText("The longest sentence is a number of words, such as 35.")
				errLabel.Show()
				return
			}
			np.MaxSentenceWords = n
		}
		np.Dictionary = nil
		for _, w := range strings.Split(words.Text(), "\n") {
			if w = strings.TrimSpace(w); w != "" {
				np.Dictionary = appendNew(np.Dictionary, w)
			}
		}
		r.host.saveProfile(np, func(err error) {
			if err != nil {
				errLabel.SetText(editor.ErrorMessage(err))
				errLabel.Show()
				return
			}
			d.Hide()
			r.run()
		})
	})
	save.Importance = widget.HighImportance
	d = dialog.NewCustomWithoutButtons("Review settings", form, r.host.parent)
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("Cancel", func() { d.Hide() }), save})
	d.Show()
	return d
}

// attachReview builds the review panel, adds its tab beside the preview
// and history, and has every edit of the draft checked again.
func (w *MainWindow) attachReview() *reviewPanel {
	host := reviewHost{
		panelEnv: w.panelEnv(),
		edit:     w.edit,
		saveProfile: func(p editor.Profile, then func(error)) {
			w.goJob(func() func() {
				err := w.store.SaveProfile(context.Background(), p)
				return func() {
					if err != nil {
						w.showError("Could not save the review settings", err)
					} else {
						w.profile = p
						w.setStatus("Review settings saved", false)
					}
					then(err)
				}
			})
		},
		body:  w.form.body,
		lines: map[string]*textedit.Editor{style.FieldHeadline: w.form.headline, style.FieldDeck: w.form.deck},
		field: func(name string) fyne.Focusable {
			if name == style.FieldDateline {
				return w.form.place
			}
			return nil
		},
		side: w.history.side,
		showSide: func() bool {
			if w.panes.hidePreview || w.panes.focus {
				w.setPanes(panes{hideLibrary: w.panes.hideLibrary})
				return true
			}
			return false
		},
	}
	r := newReviewPanel(host)
	r.debounce.post = func(f func()) { w.onUI(f, false) }
	r.attach()
	edit := w.form.onChange
	w.form.onChange = func(change func(a *editor.Article)) {
		edit(change)
		r.schedule()
	}
	return r
}

// attach adds the tab beside the preview and history, and the shortcuts.
func (r *reviewPanel) attach() {
	r.host.side.Append(r.tab)
	c := r.host.parent.Canvas()
	c.AddShortcut(shortcutReviewPanel, func(fyne.Shortcut) { r.Show() })
	c.AddShortcut(shortcutSuggest, func(fyne.Shortcut) { r.showMenuAtCaret() })
}

// Show shows the Review tab, bringing the side pane back if hidden; when
// the tab is already shown, it goes back to the preview (a toggle).
func (r *reviewPanel) Show() {
	side := r.host.side
	if !r.host.showSide() && side.Selected() == r.tab {
		side.SelectIndex(0)
		return
	}
	side.Select(r.tab)
}

// viewMenuItems are the View menu's review items.
func (r *reviewPanel) viewMenuItems() []*fyne.MenuItem {
	panel := fyne.NewMenuItem("Review: spelling and style", r.Show)
	panel.Shortcut = shortcutReviewPanel
	suggest := fyne.NewMenuItem("Suggestions at the caret", func() { r.showMenuAtCaret() })
	suggest.Shortcut = shortcutSuggest
	settings := fyne.NewMenuItem("Review settings…", func() { r.showSettings() })
	return []*fyne.MenuItem{panel, suggest, settings}
}
