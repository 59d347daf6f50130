package app

import (
	"context"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/editor"
)

// dashChoices are the dateline dashes as the settings select shows them.
var dashChoices = []struct{ dash, label string }{
	{editor.DashEn, "– en dash"},
	{editor.DashEm, "— em dash"},
	{editor.DashDouble, "-- two hyphens"},
}

// settingsField is one field of the settings editor with the line under
// it that shows its problem.
type settingsField struct {
	entry *widget.Entry
	err   *widget.Label
}

// settingsEditor edits the publication profile. Every keystroke validates
// the profile: a field's problem shows under it and Save is disabled while
// there is one. A sample line shows the dateline, footers and related
// heading rendered with the settings as typed.
type settingsEditor struct {
	publisher, holder, since          settingsField
	footerOriginal, footerSyndicated  settingsField
	relatedHeading, language, baseURL settingsField
	logoURL, urlPattern               settingsField
	// agencies are the profile's own wire agencies, one a line (wire
	// ingest, editor.ParseAgencyLines).
	agencies      settingsField
	headlineLimit settingsField
	dash          *widget.Select
	sample        *widget.Label
	save          *widget.Button
	object        fyne.CanvasObject
	// relayout lays the grid out again after a problem line came or went,
	// since a form grid only sizes its rows when laid out.
	relayout func()

	// base keeps the profile's values the editor has no field for.
	base editor.Profile
	// article is the draft the sample is rendered for.
	article *editor.Article
	// current is the profile as typed, as validate last read it.
	current editor.Profile
}

// newSettingsEditor shows p for editing; the sample is rendered for a.
// onSave gets the validated profile when Save is tapped.
func newSettingsEditor(p editor.Profile, a *editor.Article, onSave func(editor.Profile)) *settingsEditor {
	s := &settingsEditor{base: p, article: a}
	// Every field is one line: a template has no line breaks, and a wrapped
	// multi-line Entry can fuse words as they are typed (issue 7).
	field := func(text, placeholder string) settingsField {
		e := widget.NewEntry()
		e.SetPlaceHolder(placeholder)
		e.SetText(text)
		e.OnChanged = func(string) { s.validate() }
		l := widget.NewLabel("")
		l.Importance = widget.DangerImportance
		l.Wrapping = fyne.TextWrapWord
		l.SizeName = theme.SizeNameCaptionText
		l.Hide()
		return settingsField{entry: e, err: l}
	}
	since := ""
	if p.Since != 0 {
		since = strconv.Itoa(p.Since)
	}
	s.publisher = field(p.Publisher, "Harbor Times")
	s.holder = field(p.Holder, "Harbor Times")
	s.since = field(since, "2004")
	s.footerOriginal = field(p.FooterOriginal, editor.DefaultFooterOriginal)
	s.footerSyndicated = field(p.FooterSyndicated, editor.DefaultFooterSyndicated)
	s.relatedHeading = field(p.RelatedHeading, editor.DefaultRelatedHeading)
	s.language = field(p.Language, "en")
	s.baseURL = field(p.BaseURL, "https://example.com/news/")
	s.logoURL = field(p.LogoURL, "https://example.com/logo.png")
	s.urlPattern = field(p.URLPattern, "{site}/{yyyy}/{mm}/{slug}")
	s.agencies = field("", "")
	s.agencies.entry.MultiLine = true
	s.agencies.entry.Wrapping = fyne.TextWrapOff
	s.agencies.entry.SetMinRowsVisible(3)
	s.agencies.entry.SetPlaceHolder("Coast Herald: CH, The Herald")
	s.agencies.entry.SetText(editor.FormatAgencyLines(p.Agencies))
	limit := ""
	if p.HeadlineLimit > 0 {
		limit = strconv.Itoa(p.HeadlineLimit)
	}
	s.headlineLimit = field(limit, strconv.Itoa(editor.DefaultHeadlineLimit)+" characters (the default)")

	labels := make([]string, len(dashChoices))
	for i, c := range dashChoices {
		labels[i] = c.label
	}
	s.dash = widget.NewSelect(labels, func(string) { s.validate() })
	s.dash.SetSelected(dashLabel(p.Dash))

	s.sample = widget.NewLabel("")
	s.sample.Wrapping = fyne.TextWrapWord
	s.save = widget.NewButton("Save", func() {
		if s.validate() && onSave != nil {
			onSave(s.current)
		}
	})
	s.save.Importance = widget.HighImportance

	help := widget.NewLabel("Templates may use {{.Holder}}, {{.Since}}, {{.Year}}, {{.Years}}, {{.Publisher}}, {{.Source}} and {{.URL}}.")
	help.Wrapping = fyne.TextWrapWord
	help.Importance = widget.LowImportance
	help.SizeName = theme.SizeNameCaptionText

	row := func(label string, o fyne.CanvasObject) []fyne.CanvasObject {
		l := widget.NewLabelWithStyle(label, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		return []fyne.CanvasObject{l, o}
	}
	withErr := func(f settingsField) fyne.CanvasObject { return container.NewVBox(f.entry, f.err) }
	var objs []fyne.CanvasObject
	objs = append(objs, row("Publisher", withErr(s.publisher))...)
	objs = append(objs, row("Copyright holder", withErr(s.holder))...)
	objs = append(objs, row("Copyright since", withErr(s.since))...)
	objs = append(objs, row("Dateline dash", s.dash)...)
	objs = append(objs, row("Footer, original", withErr(s.footerOriginal))...)
	objs = append(objs, row("Footer, syndicated", withErr(s.footerSyndicated))...)
	objs = append(objs, row("Related heading", withErr(s.relatedHeading))...)
	objs = append(objs, row("", help)...)
	objs = append(objs, row("Language", withErr(s.language))...)
	objs = append(objs, row("Site URL", withErr(s.baseURL))...)
	objs = append(objs, row("Logo URL", withErr(s.logoURL))...)
	objs = append(objs, row("Article URL pattern", withErr(s.urlPattern))...)
	patternHelp := widget.NewLabel("Search engines get each article's address from the pattern: {site}, {yyyy}, {mm}, {dd}, {slug}, {id} and {section}.")
	patternHelp.Wrapping = fyne.TextWrapWord
	patternHelp.Importance = widget.LowImportance
	patternHelp.SizeName = theme.SizeNameCaptionText
	objs = append(objs, row("", patternHelp)...)
	agencyHelp := widget.NewLabel("Wire agencies the importer knows besides AP, Reuters, AFP and the others built in: one a line, its name, a colon and the credits copy uses for it.")
	agencyHelp.Wrapping = fyne.TextWrapWord
	agencyHelp.Importance = widget.LowImportance
	agencyHelp.SizeName = theme.SizeNameCaptionText
	objs = append(objs, row("Wire agencies", withErr(s.agencies))...)
	objs = append(objs, row("", agencyHelp)...)
	objs = append(objs, row("Headline limit", withErr(s.headlineLimit))...)
	grid := container.New(layout.NewFormLayout(), objs...)
	scroll := container.NewVScroll(grid)
	s.relayout = func() {
		grid.Refresh()
		scroll.Refresh()
	}
	sampleTitle := widget.NewLabelWithStyle("Sample", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.object = container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), sampleTitle, s.sample), nil, nil, scroll)
	s.validate()
	return s
}

// dashLabel is the select's label of a dash; an unknown dash shows the en
// dash, the default.
func dashLabel(dash string) string {
	for _, c := range dashChoices {
		if c.dash == dash {
			return c.label
		}
	}
	return dashChoices[0].label
}

// profile reads the fields into a profile and checks each one. It returns
// the profile and the problem of each field that has one.
func (s *settingsEditor) profile() (editor.Profile, map[*settingsField]string) {
	p := s.base
	problems := map[*settingsField]string{}
	p.Publisher = strings.TrimSpace(s.publisher.entry.Text)
	p.Holder = strings.TrimSpace(s.holder.entry.Text)
	p.FooterOriginal = s.footerOriginal.entry.Text
	p.FooterSyndicated = s.footerSyndicated.entry.Text
	p.RelatedHeading = s.relatedHeading.entry.Text
	p.Language = strings.TrimSpace(s.language.entry.Text)
	p.BaseURL = strings.TrimSpace(s.baseURL.entry.Text)
	p.LogoURL = strings.TrimSpace(s.logoURL.entry.Text)
	p.URLPattern = strings.TrimSpace(s.urlPattern.entry.Text)
	for _, u := range []struct {
		f   *settingsField
		err error
	}{
		{&s.baseURL, editor.CheckSettingsURL("site URL", p.BaseURL)},
		{&s.logoURL, editor.CheckSettingsURL("logo URL", p.LogoURL)},
		{&s.urlPattern, editor.CheckURLPattern(p.URLPattern, p.BaseURL)},
	} {
		if u.err != nil {
			problems[u.f] = editor.ErrorMessage(u.err)
		}
	}
	for _, c := range dashChoices {
		if c.label == s.dash.Selected {
			p.Dash = c.dash
		}
	}
	if list, err := editor.ParseAgencyLines(s.agencies.entry.Text, s.base.Agencies); err != nil {
		problems[&s.agencies] = editor.ErrorMessage(err)
	} else {
		p.Agencies = list
	}
	if t := strings.TrimSpace(s.headlineLimit.entry.Text); t == "" {
		p.HeadlineLimit = 0
	} else if n, err := strconv.Atoi(t); err != nil || n < 10 || n > 1000 {
		problems[&s.headlineLimit] = "Type the number of characters a headline may have, such as 110, or leave it empty for 110."
	} else {
		p.HeadlineLimit = n
	}
	if p.Publisher == "" {
		problems[&s.publisher] = "The publisher name is required."
	}
	if p.Holder == "" {
		problems[&s.holder] = "The copyright holder is required."
	}
	since, err := strconv.Atoi(strings.TrimSpace(s.since.entry.Text))
	switch {
	case err != nil:
		problems[&s.since] = "Type the year the copyright starts, such as 2004."
	case since < 1800 || since > 9999:
		problems[&s.since] = "Type a four-digit year, such as 2004."
	default:
		p.Since = since
	}
	for _, t := range []struct {
		f    *settingsField
		name string
	}{
		{&s.footerOriginal, "original footer"},
		{&s.footerSyndicated, "syndicated footer"},
		{&s.relatedHeading, "related heading"},
	} {
		if err := editor.ValidateTemplate(t.name, t.f.entry.Text); err != nil {
			problems[t.f] = editor.ErrorMessage(err)
		}
	}
	if len(problems) == 0 {
		if err := p.Validate(); err != nil {
			// A rule the fields above do not know yet: show it on the sample.
			problems[nil] = editor.ErrorMessage(err)
		}
	}
	return p, problems
}

// validate checks the profile as typed, shows each field's problem under
// it, enables Save only when there is none and renders the sample. It
// reports whether the profile is valid.
func (s *settingsEditor) validate() bool {
	if s.save == nil {
		return false // still being built
	}
	p, problems := s.profile()
	moved := false
	for _, f := range s.fields() {
		msg, bad := problems[f]
		if bad {
			moved = moved || !f.err.Visible() || f.err.Text != msg
			f.err.SetText(msg)
			f.err.Show()
		} else if f.err.Visible() {
			moved = true
			f.err.SetText("")
			f.err.Hide()
		}
	}
	if moved && s.relayout != nil {
		s.relayout()
	}
	s.current = p
	valid := len(problems) == 0
	if valid {
		s.save.Enable()
		s.sample.Importance = widget.MediumImportance
		s.sample.SetText(settingsSample(p, s.article))
	} else {
		s.save.Disable()
		s.sample.Importance = widget.DangerImportance
		if msg, ok := problems[nil]; ok {
			s.sample.SetText(msg)
		} else {
			s.sample.SetText("Fix the fields marked in red to see the sample and save.")
		}
	}
	return valid
}

func (s *settingsEditor) fields() []*settingsField {
	return []*settingsField{&s.publisher, &s.holder, &s.since, &s.footerOriginal, &s.footerSyndicated,
		&s.relatedHeading, &s.language, &s.baseURL, &s.logoURL, &s.urlPattern, &s.agencies, &s.headlineLimit}
}

// settingsSample renders the dateline run-in, both footers and the
// related heading for a (or a stand-in article when a is nil) under p.
func settingsSample(p editor.Profile, a *editor.Article) string {
	if a == nil {
		a = &editor.Article{
			Dateline: editor.Dateline{Place: "NAIROBI, Kenya", Credit: p.Publisher},
			Created:  time.Now(),
		}
	}
	orig := a.Clone()
	if orig.Attribution.Kind == editor.AttributionSyndicated {
		orig.Attribution.Kind = editor.AttributionOriginal
		orig.Copyright = editor.Copyright{}
	}
	synd := a.Clone()
	if synd.Attribution.Kind != editor.AttributionSyndicated {
		synd.Attribution = editor.Attribution{Kind: editor.AttributionSyndicated, OriginalPublisher: "Ouest Marine"}
		synd.Copyright = editor.Copyright{Since: 1998}
	}
	d := orig.Dateline
	if d.IsZero() {
		d = editor.Dateline{Place: "NAIROBI, Kenya", Credit: p.Publisher}
	}
	origData := editor.CopyrightData(orig, p)
	lines := []string{editor.FormatDateline(d, p.Dash) + "…"}
	for _, t := range []struct {
		name, src string
		data      editor.FooterData
	}{
		{"original footer", p.FooterOriginal, origData},
		{"syndicated footer", p.FooterSyndicated, editor.CopyrightData(synd, p)},
		{"related heading", p.RelatedHeading, origData},
	} {
		out, err := editor.ExecuteTemplate(t.name, t.src, t.data)
		if err != nil {
			out = editor.ErrorMessage(err)
		}
		lines = append(lines, out)
	}
	return strings.Join(lines, "\n")
}

// settingsMenuItem is File → Publication settings….
func (w *MainWindow) settingsMenuItem() *fyne.MenuItem {
	item := fyne.NewMenuItem("Publication settings…", func() { w.showSettings() })
	item.Shortcut = shortcutSettings
	return item
}

// showSettings opens the publication settings dialog on the current
// profile. Save stores the profile and re-renders the preview with it.
func (w *MainWindow) showSettings() *settingsEditor {
	var d *dialog.CustomDialog
	var s *settingsEditor
	var sample *editor.Article
	if w.article != nil {
		sample = w.article.Clone()
	}
	s = newSettingsEditor(w.profile, sample, func(p editor.Profile) {
		s.save.Disable()
		w.goJob(func() func() {
			err := w.store.SaveProfile(context.Background(), p)
			return func() {
				if err != nil {
					s.save.Enable()
					w.showError("Could not save the publication settings", err)
					return
				}
				d.Hide()
				w.profile = p
				w.renderPreview()
				w.review.run() // the language or publisher may have changed
				w.setStatus("Publication settings saved", false)
			}
		})
	})
	d = dialog.NewCustomWithoutButtons("Publication settings", s.object, w.Window)
	cancel := widget.NewButton("Cancel", func() { d.Hide() })
	d.SetButtons([]fyne.CanvasObject{cancel, s.save})
	d.Resize(fyne.NewSize(760, 720))
	d.Show()
	return s
}
