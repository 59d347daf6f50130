package app

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/app/textedit"
	"github.com/dateline-news/dateline/editor"
)

// articleForm is the middle column: every field of the article above the
// Markdown body. It holds no article of its own; each change is handed to
// onChange as an edit to apply to the window's draft.
type articleForm struct {
	// headline and deck are single-line text editors (textedit.NewLine),
	// so that the review desk can underline their findings as in the body.
	headline, deck         *textedit.Editor
	slug                   *keyEntry
	authors                *authorsEditor
	related                *relatedEditor
	bylineTitle            *keyEntry
	place, date, credit    *keyEntry
	dateHint               *widget.Label
	source, publisher, url *keyEntry
	crHolder               *keyEntry
	crYears                *widget.Entry
	kind, status           *widget.Select
	tags                   *keyEntry
	target                 *keyEntry // target length in words, stats.go
	note, body             *textedit.Editor
	findBar                *textedit.FindBar
	// syndicated are the label and field objects of the rows that only
	// syndicated copy shows.
	syndicated []fyne.CanvasObject
	object     fyne.CanvasObject
	fields     []fyne.Disableable
	loading    bool
	dateYear   int
	onChange   func(edit func(a *editor.Article))
	// onStatus, when set, takes the status select's choices as requested
	// workflow transitions (workflow.go) instead of plain edits.
	onStatus func(choice string)
	// onF6, when set, moves the focus to the next pane (the previous one
	// with Shift); view.go's cycleFocus.
	onF6 func()
	// scroll is the scrolled part of the form, which follows the focus;
	// split divides it from the body.
	scroll *container.Scroll
	split  *container.Split
	// lengthHint warns, under the headline, of a headline longer than
	// search engines show (editor.HeadlineWarning); hidden otherwise.
	lengthHint *widget.Label
	// relayout lays the form grid out again after a hint came or went.
	relayout func()
	// Newsroom (issue 14): the "Assigned to" row (assign.go) and the line
	// above the body that says who else has the draft open (presence.go).
	assignee     *assigneeRow
	presenceLine *widget.Label
}

// dateHint is the date field's help line while its text is valid.
const dateHint = "AP style (Jan. 21, March 5) or 2026-01-21"

// kindLabels are the attribution kinds as the select shows them.
var kindLabels = []string{string(editor.AttributionOriginal), string(editor.AttributionContributed), string(editor.AttributionSyndicated)}

// newArticleForm builds the form, disabled until a draft is loaded: the
// fields in the order of the form, then their rows and the layout.
// onChange receives every edit of the draft; canvas is the window's.
func newArticleForm(onChange func(edit func(a *editor.Article)), canvas func() fyne.Canvas) *articleForm {
	f := &articleForm{onChange: onChange}
	f.newHeadlineFields()
	f.newBylineFields(canvas)
	f.newDatelineFields()
	f.newAttributionFields()
	f.newDeskFields()
	f.newBody(canvas)
	f.layOut(f.rows())
	f.setEnabled(false)
	return f
}

// newHeadlineFields builds the headline with its length hint, the deck
// and the slug.
func (f *articleForm) newHeadlineFields() {
	f.headline = f.line("Headline", func(a *editor.Article, s string) {
		f.followHeadline(a, s)
		a.Headline = s
	})
	f.lengthHint = widget.NewLabel("")
	f.lengthHint.SizeName = theme.SizeNameCaptionText
	f.lengthHint.Importance = widget.WarningImportance
	f.lengthHint.Wrapping = fyne.TextWrapWord
	f.lengthHint.Hide()
	onHeadline := f.headline.OnChanged
	f.headline.OnChanged = func(s string) {
		f.showHeadlineHint(s)
		onHeadline(s)
	}
	f.deck = f.line("Optional subheadline", func(a *editor.Article, s string) { a.Deck = s })
	f.slug = f.entry("made from the headline; lowercase-with-hyphens", func(a *editor.Article, s string) { a.Slug = strings.TrimSpace(s) })
	f.slug.Validator = func(s string) error { return editor.CheckSlug(strings.TrimSpace(s)) }
}

// newBylineFields builds the authors, the related teasers and the byline
// title.
func (f *articleForm) newBylineFields(canvas func() fyne.Canvas) {
	f.authors = newAuthorsEditor(func(names []string) {
		f.change(func(a *editor.Article) { a.Byline.Authors = names })
	}, canvas)
	f.fields = append(f.fields, f.authors)
	f.related = newRelatedEditor(func(ts []editor.Teaser) {
		f.change(func(a *editor.Article) { a.Related = ts })
	}, canvas)
	f.fields = append(f.fields, f.related)
	f.bylineTitle = f.entry("Role or affiliation, e.g. Staff Correspondent", func(a *editor.Article, s string) { a.Byline.Title = s })
}

// newDatelineFields builds the dateline's place, date (with its hint) and
// credit.
func (f *articleForm) newDatelineFields() {
	f.place = f.entry("CITY, State or Country", func(a *editor.Article, s string) { a.Dateline.Place = s })
	f.date = f.newField()
	f.date.SetPlaceHolder("Jan. 21 or 2026-01-21")
	f.dateHint = widget.NewLabel(dateHint)
	f.dateHint.SizeName = theme.SizeNameCaptionText
	f.dateHint.Importance = widget.LowImportance
	f.date.Validator = func(s string) error {
		_, err := parseDatelineDate(s, f.dateYear)
		return err
	}
	f.date.OnChanged = func(s string) {
		d, err := parseDatelineDate(s, f.dateYear)
		f.showDateError(err)
		if err != nil {
			return // the hint says why; the draft keeps its last good date
		}
		f.change(func(a *editor.Article) { a.Dateline.Date = d })
	}
	f.fields = append(f.fields, f.date)
	f.credit = f.entry("Outlet credited in the dateline", func(a *editor.Article, s string) { a.Dateline.Credit = s })
}

// newAttributionFields builds the attribution: source and kind, and the
// syndicated story's publisher, URL and copyright.
func (f *articleForm) newAttributionFields() {
	f.source = f.entry("Agency whose reporting is used", func(a *editor.Article, s string) { a.Attribution.Source = s })
	f.kind = widget.NewSelect(kindLabels, func(s string) {
		f.showSyndicated(s == string(editor.AttributionSyndicated))
		f.change(func(a *editor.Article) { a.Attribution.Kind = editor.AttributionKind(s) })
	})
	f.fields = append(f.fields, f.kind)
	f.publisher = f.entry("Outlet that first published it", func(a *editor.Article, s string) { a.Attribution.OriginalPublisher = s })
	f.url = f.entry("https://…", func(a *editor.Article, s string) { a.Attribution.OriginalURL = strings.TrimSpace(s) })
	f.crHolder = f.entry("Empty for the original publisher", func(a *editor.Article, s string) { a.Copyright.Holder = strings.TrimSpace(s) })
	f.crYears = newCopyrightYearsEntry(func(since, year int) {
		f.change(func(a *editor.Article) { a.Copyright.Since, a.Copyright.Year = since, year })
	})
	f.fields = append(f.fields, f.crYears)
}

// newDeskFields builds the desk's fields: tags, status, target length and
// the editor's note.
func (f *articleForm) newDeskFields() {
	f.tags = f.entry("Comma-separated keywords", func(a *editor.Article, s string) { a.Tags = splitTags(s) })
	statuses := make([]string, len(editor.Statuses))
	for i, s := range editor.Statuses {
		statuses[i] = string(s)
	}
	f.status = widget.NewSelect(statuses, func(s string) {
		if !f.loading && f.onStatus != nil {
			f.onStatus(s)
			return
		}
		f.change(func(a *editor.Article) { a.Status = editor.Status(s) })
	})
	f.fields = append(f.fields, f.status)
	f.target = f.entry("Words the desk asked for, e.g. 600", func(a *editor.Article, s string) {
		if n, err := parseTargetWords(s); err == nil {
			a.TargetWords = n
		}
	})
	f.target.Validator = func(s string) error { _, err := parseTargetWords(s); return err }
	f.note = f.multiEntry("For the desk only; never exported", 2, func(a *editor.Article, s string) { a.EditorsNote = s })
}

// newBody builds the body editor and its find bar; Enter in the headline
// goes on to the body.
func (f *articleForm) newBody(canvas func() fyne.Canvas) {
	f.body = newBodyEditor()
	f.body.OnChanged = func(s string) { f.change(func(a *editor.Article) { a.Body = s }) }
	f.fields = append(f.fields, f.body)
	f.findBar = textedit.NewFindBar(f.body)
	// Enter in the headline goes on to the body.
	f.headline.OnSubmitted = func(string) {
		if c := canvas(); c != nil && !f.body.Disabled() {
			c.Focus(f.body)
		}
	}
}

// rows puts the fields in labelled rows under their section titles.
func (f *articleForm) rows() *formGrid {
	var g formGrid
	g.row("Headline", container.NewVBox(f.headline, f.lengthHint))
	g.row("Deck", f.deck)
	g.row("Slug", f.slug)
	g.section("Byline")
	g.row("Authors", f.authors.object)
	g.row("Title", f.bylineTitle)
	g.section("Dateline")
	g.row("Place", f.place)
	g.row("Date", container.NewVBox(f.date, f.dateHint))
	g.row("Credit", f.credit)
	g.section("Attribution")
	g.row("Source", f.source)
	g.row("Kind", f.kind)
	f.syndicated = append(f.syndicated, g.row("Original publisher", f.publisher)...)
	f.syndicated = append(f.syndicated, g.row("Original URL", f.url)...)
	f.syndicated = append(f.syndicated, g.row("Copyright holder", f.crHolder)...)
	f.syndicated = append(f.syndicated, g.row("Copyright years", f.crYears)...)
	f.showSyndicated(false)
	g.section("Related")
	g.row("More …", f.related.object)
	g.section("Desk")
	g.row("Tags", f.tags)
	g.row("Status", f.status)
	g.row("Target length", f.target)
	f.assignee = newAssigneeRow() // assign.go
	f.fields = append(f.fields, f.assignee.button)
	g.row("Assigned to", f.assignee.object)
	g.row("Editor's note", f.note)
	return &g
}

// layOut puts the rows in a scrolled grid above the body, in a split
// whose positions geometry.go remembers.
func (f *articleForm) layOut(g *formGrid) {
	bodyLabel := widget.NewLabelWithStyle("Body (Markdown)", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	grid := container.New(layout.NewFormLayout(), g.objects...)
	scroll := container.NewVScroll(container.NewPadded(grid))
	f.scroll = scroll
	f.authors.relayout = func() {
		scroll.Refresh()
		grid.Refresh()
	}
	f.related.relayout = f.authors.relayout
	f.relayout = f.authors.relayout
	f.presenceLine = newPresenceLine() // presence.go
	split := container.NewVSplit(scroll, container.NewBorder(container.NewVBox(f.presenceLine, bodyLabel, f.findBar), nil, nil, nil, f.body))
	// The body gets the larger part: on a 1280x800 laptop it keeps at least
	// half the window's height (geometry.go remembers the user's own split).
	split.Offset = defaultFormSplit
	f.split = split
	f.object = split
}

// formGrid collects the label and field objects of a two-column form
// whose rows can be hidden, which widget.Form cannot do.
type formGrid struct {
	objects []fyne.CanvasObject
}

// row adds a labelled field and returns its two objects.
func (g *formGrid) row(label string, field fyne.CanvasObject) []fyne.CanvasObject {
	l := widget.NewLabelWithStyle(label, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	l.Importance = widget.LowImportance
	g.objects = append(g.objects, l, field)
	return []fyne.CanvasObject{l, field}
}

// section adds a heading row that groups the rows after it.
func (g *formGrid) section(title string) {
	l := widget.NewLabelWithStyle(title, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	g.objects = append(g.objects, l, container.NewVBox(layout.NewSpacer(), widget.NewSeparator(), layout.NewSpacer()))
}

// showHeadlineHint shows the headline-length warning of headline under
// the field, or hides it when there is none.
func (f *articleForm) showHeadlineHint(headline string) {
	w := editor.HeadlineWarning(&editor.Article{Headline: headline})
	if w == f.lengthHint.Text && (w != "") == f.lengthHint.Visible() {
		return
	}
	f.lengthHint.SetText(w)
	if w == "" {
		f.lengthHint.Hide()
	} else {
		f.lengthHint.Show()
	}
	if f.relayout != nil {
		f.relayout()
	}
}

// showDateError puts the date's problem in its hint line, or the usual
// hint when there is none.
func (f *articleForm) showDateError(err error) {
	if err != nil {
		f.dateHint.Text = err.Error()
		f.dateHint.Importance = widget.DangerImportance
	} else {
		f.dateHint.Text = dateHint
		f.dateHint.Importance = widget.LowImportance
	}
	f.dateHint.Refresh()
}

// newBodyEditor is the Markdown body editor: Dateline's own text widget
// (app/textedit), which wraps words without changing the text, stays fast
// at 20,000 words and fills the space it gets.
func newBodyEditor() *textedit.Editor {
	e := textedit.New()
	e.SetMinRowsVisible(8)
	e.SetPlaceHolder("Write the story in Markdown…")
	return e
}

// entry makes a one-line field whose changes go through set.
func (f *articleForm) entry(placeholder string, set func(a *editor.Article, s string)) *keyEntry {
	e := f.newField()
	e.SetPlaceHolder(placeholder)
	e.OnChanged = func(s string) { f.change(func(a *editor.Article) { set(a, s) }) }
	f.fields = append(f.fields, e)
	return e
}

// newField is a one-line field of the form: it scrolls into view when it
// gets the focus, and hands F6 to the window.
func (f *articleForm) newField() *keyEntry {
	e := newKeyEntry(func(name fyne.KeyName) bool {
		if name != fyne.KeyF6 || f.onF6 == nil {
			return false
		}
		f.onF6()
		return true
	})
	e.onFocus = func() { f.scrollTo(e) }
	return e
}

// scrollTo scrolls the form so that o, one of its fields, is in view.
func (f *articleForm) scrollTo(o fyne.CanvasObject) {
	if f.scroll == nil || f.scroll.Content == nil {
		return
	}
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(f.scroll.Content).Y
	bottom := top + o.Size().Height + theme.Padding()
	top = max(0, top-theme.Padding()) // a little of what is above shows too
	view := f.scroll.Size().Height
	switch {
	case top < f.scroll.Offset.Y:
		f.scroll.Offset.Y = top
	case bottom > f.scroll.Offset.Y+view:
		f.scroll.Offset.Y = bottom - view
	default:
		return
	}
	f.scroll.Refresh()
}

// line makes a single-line text field (headline, deck) whose changes go
// through set: it wraps inside the form, grows with its lines, scrolls
// into view when it gets the focus and hands F6 to the window.
func (f *articleForm) line(placeholder string, set func(a *editor.Article, s string)) *textedit.Editor {
	e := textedit.NewLine()
	e.SetPlaceHolder(placeholder)
	e.OnChanged = func(s string) { f.change(func(a *editor.Article) { set(a, s) }) }
	e.OnFocus = func() { f.scrollTo(e) }
	e.OnOtherKey = func(k *fyne.KeyEvent) bool {
		if k.Name != fyne.KeyF6 || f.onF6 == nil {
			return false
		}
		f.onF6()
		return true
	}
	e.OnRowsChanged = func() {
		if f.relayout != nil {
			f.relayout()
		}
	}
	f.fields = append(f.fields, e)
	return e
}

// multiEntry makes a multi-line field of the given visible rows.
func (f *articleForm) multiEntry(placeholder string, rows int, set func(a *editor.Article, s string)) *textedit.Editor {
	e := textedit.New()
	e.SetPlaceHolder(placeholder)
	e.SetMinRowsVisible(rows)
	e.OnChanged = func(s string) { f.change(func(a *editor.Article) { set(a, s) }) }
	f.fields = append(f.fields, e)
	return e
}

// change hands an edit to the window unless the form is being filled.
func (f *articleForm) change(edit func(a *editor.Article)) {
	if f.loading || f.onChange == nil {
		return
	}
	f.onChange(edit)
}

// followHeadline keeps an automatic slug in step with the headline: while
// the slug is still the placeholder a new draft got, or the slug made from
// the previous headline, it follows the headline as it is typed.
func (f *articleForm) followHeadline(a *editor.Article, headline string) {
	if !autoSlug(a) {
		return
	}
	s := editor.Slugify(headline)
	if s == "" || s == a.Slug {
		return
	}
	a.Slug = s
	f.loading = true
	f.slug.SetText(s)
	f.loading = false
}

// autoSlug reports whether a's slug is still the automatic one
// (editor.IsAutoSlug): only that follows the headline and may be made
// unique by the save.
func autoSlug(a *editor.Article) bool { return editor.IsAutoSlug(a) }

// adoptSlug shows a slug the save chose, without counting it as an edit.
func (f *articleForm) adoptSlug(s string) {
	f.loading = true
	f.slug.SetText(s)
	f.loading = false
}

// load fills the form from a without reporting changes.
func (f *articleForm) load(a *editor.Article) {
	f.loading = true
	defer func() { f.loading = false }()
	f.dateYear = dateYear(a)
	f.headline.SetText(a.Headline)
	f.showHeadlineHint(a.Headline)
	f.deck.SetText(a.Deck)
	f.slug.SetText(a.Slug)
	f.authors.set(a.Byline.Authors)
	f.bylineTitle.SetText(a.Byline.Title)
	f.place.SetText(a.Dateline.Place)
	f.date.SetText(formatDatelineDate(a.Dateline.Date, f.dateYear))
	f.showDateError(nil)
	f.credit.SetText(a.Dateline.Credit)
	f.source.SetText(a.Attribution.Source)
	kind := a.Attribution.Kind
	if kind == "" {
		kind = editor.AttributionOriginal
	}
	f.kind.SetSelected(string(kind))
	f.showSyndicated(kind == editor.AttributionSyndicated)
	f.publisher.SetText(a.Attribution.OriginalPublisher)
	f.url.SetText(a.Attribution.OriginalURL)
	f.related.set(a.Related)
	f.crHolder.SetText(a.Copyright.Holder)
	f.crYears.SetText(formatCopyrightYears(a.Copyright))
	f.tags.SetText(strings.Join(a.Tags, ", "))
	f.showStatus(a.Status)
	f.target.SetText(targetWordsText(a.TargetWords))
	f.assignee.set(a.AssignedTo)
	f.note.SetText(a.EditorsNote)
	f.body.SetText(a.Body)
	f.setEnabled(true)
}

// clear empties the form and disables it: no draft is open.
func (f *articleForm) clear() {
	f.loading = true
	defer func() { f.loading = false }()
	f.authors.set(nil)
	f.related.set(nil)
	f.crHolder.SetText("")
	f.crYears.SetText("")
	f.headline.SetText("")
	f.deck.SetText("")
	for _, e := range []*keyEntry{f.slug, f.bylineTitle, f.place, f.date, f.credit, f.source, f.publisher, f.url, f.tags} {
		e.SetText("")
	}
	f.note.SetText("")
	f.assignee.set("")
	f.body.SetText("")
	f.kind.ClearSelected()
	f.status.ClearSelected()
	f.setEnabled(false)
}

func (f *articleForm) setEnabled(on bool) {
	for _, d := range f.fields {
		if on {
			d.Enable()
		} else {
			d.Disable()
		}
	}
}

func (f *articleForm) showSyndicated(on bool) {
	for _, o := range f.syndicated {
		if on {
			o.Show()
		} else {
			o.Hide()
		}
	}
}

// splitTags returns the non-empty comma-separated tags of s.
func splitTags(s string) []string {
	var out []string
	for _, t := range strings.Split(s, ",") {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// dateYear is the year a dateline date without a year is read in
// (editor.DatelineYear).
func dateYear(a *editor.Article) int { return editor.DatelineYear(a) }

// parseDatelineDate reads a typed dateline date (editor.ParseDatelineDate).
func parseDatelineDate(s string, year int) (time.Time, error) {
	return editor.ParseDatelineDate(s, year)
}

// formatDatelineDate shows a dateline date so that parseDatelineDate reads
// it back (editor.FormatDatelineDate).
func formatDatelineDate(t time.Time, year int) string { return editor.FormatDatelineDate(t, year) }
