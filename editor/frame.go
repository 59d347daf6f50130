package editor

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"text/template"
	"time"
	"unicode/utf8"
)

// Frame is everything an export or the preview puts around the body, with
// the ARTICLE.md rules applied: byline, dateline run-in, contributed-material
// tagline, public correction, copyright footer and the related list. Every
// renderer uses it, so all formats agree.
type Frame struct {
	// Byline is "by A, B and C, Title", or "" without authors.
	Byline string
	// Dateline is the run-in "PLACE, DATE (CREDIT) – ", or "".
	Dateline string
	// Tagline is "Material from SOURCE contributed to this report." for
	// contributed copy, or "".
	Tagline string
	// Correction is the public correction note of a corrected story, or "".
	Correction string
	// Footer is the executed copyright footer template.
	Footer string
	// RelatedHeading is the executed related-list heading; "" when the list
	// is empty.
	RelatedHeading string
	// Related are the teasers with picked drafts resolved to their current
	// headline.
	Related []Teaser
	// Copyright holds the resolved holder, years and publisher.
	Copyright FooterData
}

// FooterData is the data the footer and heading templates are executed with.
type FooterData struct {
	// Holder is the copyright holder.
	Holder string
	// Since is the year the copyright starts.
	Since int
	// Year is the article's publication year.
	Year int
	// Years is "Since-Year", or just "Year" when the two are equal.
	Years string
	// Publisher is the publication name: the profile's for own copy, the
	// originating publisher's for syndicated copy.
	Publisher string
	// Source is the attribution source agency.
	Source string
	// URL is the original URL of syndicated copy.
	URL string
}

// TeaserResolver looks up a library draft picked as a teaser and returns its
// current headline and link; ok is false when the draft is gone.
type TeaserResolver func(draftID string) (headline, url string, ok bool)

// BuildFrame applies the rendering rules to a and p. resolve may be nil, in
// which case picked teasers keep the text stored with them.
func BuildFrame(a *Article, p Profile, resolve TeaserResolver) (Frame, error) {
	f := Frame{
		Byline:   FormatByline(a.Byline),
		Dateline: FormatDateline(a.Dateline, p.Dash),
	}
	if a.Attribution.Kind == AttributionContributed {
		f.Tagline = Tagline(a.Attribution.Source)
	}
	if a.Status == StatusCorrected {
		f.Correction = strings.TrimSpace(a.CorrectionNote)
	}
	f.Copyright = CopyrightData(a, p)
	tmpl := p.FooterOriginal
	if a.Attribution.Kind == AttributionSyndicated {
		tmpl = p.FooterSyndicated
	}
	var err error
	if f.Footer, err = ExecuteTemplate("footer", tmpl, f.Copyright); err != nil {
		return f, err
	}
	for _, t := range a.Related {
		if t.DraftID != "" && resolve != nil {
			if h, u, ok := resolve(t.DraftID); ok {
				t.Text = h
				if u != "" {
					t.URL = u
				}
			}
		}
		t.Text = strings.TrimSpace(t.Text)
		if t.Text != "" {
			f.Related = append(f.Related, t)
		}
	}
	if len(f.Related) > 0 {
		if f.RelatedHeading = strings.TrimSpace(a.RelatedHeading); f.RelatedHeading != "" {
			return f, nil // the syndicated copy's own heading
		}
		if f.RelatedHeading, err = ExecuteTemplate("related heading", p.RelatedHeading, f.Copyright); err != nil {
			return f, err
		}
	}
	return f, nil
}

// CopyrightData resolves the footer data of a under p. Own copy takes the
// profile's holder, since-year and publisher; syndicated copy takes the
// originating publisher's values stored on the article, so that it goes out
// saying what it came in with.
func CopyrightData(a *Article, p Profile) FooterData {
	d := FooterData{
		Holder:    p.Holder,
		Since:     p.Since,
		Year:      a.PublicationDate().Year(),
		Publisher: p.Publisher,
		Source:    strings.TrimSpace(a.Attribution.Source),
		URL:       strings.TrimSpace(a.Attribution.OriginalURL),
	}
	if a.Attribution.Kind == AttributionSyndicated {
		d.Since = 0
		if pub := strings.TrimSpace(a.Attribution.OriginalPublisher); pub != "" {
			d.Publisher = pub
			d.Holder = pub
		}
	}
	if h := strings.TrimSpace(a.Copyright.Holder); h != "" {
		d.Holder = h
	}
	if a.Copyright.Since != 0 {
		d.Since = a.Copyright.Since
	}
	if a.Copyright.Year != 0 {
		d.Year = a.Copyright.Year
	}
	if d.Since == 0 || d.Since > d.Year {
		d.Since = d.Year
	}
	d.Years = strconv.Itoa(d.Year)
	if d.Since != d.Year {
		d.Years = strconv.Itoa(d.Since) + "-" + d.Years
	}
	return d
}

// FormatByline renders "by A", "by A and B" or "by A, B and C", followed by
// ", Title" when a title is set. A title without authors is a staff
// credit ("From staff reports") and renders alone; with neither it returns
// "".
func FormatByline(b Byline) string {
	var names []string
	for _, n := range b.Authors {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return strings.TrimSpace(b.Title)
	}
	s := "by "
	for i, n := range names {
		s += BylineSeparator(i, len(names)) + n
	}
	if t := strings.TrimSpace(b.Title); t != "" {
		s += ", " + t
	}
	return s
}

// BylineSeparator is what goes before the i-th of n names in a byline:
// nothing before the first, " and " before the last, ", " between the
// others ("A", "A and B", "A, B and C"). Every format's byline uses it.
func BylineSeparator(i, n int) string {
	switch {
	case i == 0:
		return ""
	case i == n-1:
		return " and "
	default:
		return ", "
	}
}

// FormatDateline renders the run-in "PLACE, DATE (CREDIT) – " with the given
// dash. Missing parts disappear with their punctuation; a dateline with no
// part renders as "".
func FormatDateline(d Dateline, dash string) string {
	n := NewDatelineRunIn(d, dash)
	if n == nil {
		return ""
	}
	return n.PlainText()
}

// ValidateTemplate parses a footer or heading template and executes it with
// sample data, so that syntax errors and unknown fields are reported when
// the profile is saved rather than at export.
func ValidateTemplate(name, src string) error {
	if strings.TrimSpace(src) == "" {
		return Errorf(EINVALID, "the %s template is empty", name)
	}
	if !utf8.ValidString(src) {
		return Errorf(EINVALID, "the %s template is not valid UTF-8 text", name)
	}
	_, err := ExecuteTemplate(name, src, FooterData{Holder: "H", Since: 2000, Year: 2001, Years: "2000-2001", Publisher: "P", Source: "S", URL: "https://example.com"})
	return err
}

// ExecuteTemplate runs a profile template with d. A template that does not
// parse or names an unknown field yields an *Error with code EINVALID.
func ExecuteTemplate(name, src string, d FooterData) (string, error) {
	t, err := template.New(name).Option("missingkey=error").Parse(src)
	if err != nil {
		return "", Errorf(EINVALID, "the %s template does not parse: %s", name, templateErrorText(err))
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, d); err != nil {
		return "", Errorf(EINVALID, "the %s template cannot be used: %s", name, templateErrorText(err))
	}
	return strings.TrimSpace(buf.String()), nil
}

// templateErrorText trims text/template's "template: name:1:2: " prefix.
func templateErrorText(err error) string {
	s := err.Error()
	if i := strings.LastIndex(s, ": "); i >= 0 && strings.HasPrefix(s, "template:") {
		rest := s[i+2:]
		if j := strings.Index(s, "can't evaluate field "); j >= 0 {
			f := strings.Fields(s[j+len("can't evaluate field "):])
			if len(f) > 0 {
				return fmt.Sprintf("unknown field %q (known: Holder, Since, Year, Years, Publisher, Source, URL)", f[0])
			}
		}
		return rest
	}
	return s
}

// RenderOptions are the settings every renderer (exports and preview)
// accepts beyond the article and profile.
type RenderOptions struct {
	// Resolve looks up teasers picked from the library; nil keeps their
	// stored text.
	Resolve TeaserResolver
	// Now is the export time used where a format needs one (ninjs
	// versioncreated falls back to it); the zero value means time.Now().
	Now time.Time
	// AcceptSuggestions exports the text as it reads with every open
	// suggestion accepted (comments still left out). By default every
	// format but Markdown shows it with every suggestion rejected, and
	// Markdown carries the suggestions as CriticMarkup.
	AcceptSuggestions bool
}

// buildExportFrame is BuildFrame for an export: an article with no date at
// all (a fresh import, say) takes its copyright year from opt.Now, or from
// the clock, rather than from the zero time.
func buildExportFrame(a *Article, p Profile, opt RenderOptions) (Frame, error) {
	if a.PublicationDate().IsZero() && a.Copyright.Year == 0 {
		now := opt.Now
		if now.IsZero() {
			now = time.Now()
		}
		c := *a
		c.Copyright.Year = now.Year()
		a = &c
	}
	return BuildFrame(a, p, opt.Resolve)
}
