package editor

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

// This file holds the footer rules: the texts around the body that come
// from templates (the copyright footer, the "More …" heading, the
// contributed-material tagline and the ninjs usage terms), the copyright
// years, and the readers that importers use to recognise those lines. Each
// reader is derived from the template that writes the line (see
// templateReader), so that whatever a profile's templates say, an export
// reads back with the same holder, years and publisher.

// Templates of the fixed frame texts. Like the profile's templates they
// are executed with FooterData.
const (
	// TaglineTemplate is the tagline of contributed copy.
	TaglineTemplate = `Material from {{.Source}} contributed to this report.`
	// UsageTermsOriginal is the ninjs usage terms of own copy.
	UsageTermsOriginal = `All rights reserved.`
	// UsageTermsSyndicated is the ninjs usage terms of syndicated copy.
	UsageTermsSyndicated = `Originally published on {{.Publisher}}; reproduced with permission.`
)

// Tagline is the tagline of contributed copy from source, or "" without a
// source.
func Tagline(source string) string {
	source = strings.TrimSpace(source)
	if source == "" {
		return ""
	}
	s, _ := ExecuteTemplate("tagline", TaglineTemplate, FooterData{Source: source})
	return s
}

// TaglineParts are the texts before and after the source in the tagline,
// for writers that mark the source up (the HTML export's source-org span).
func TaglineParts() (before, after string) {
	s, _ := ExecuteTemplate("tagline", TaglineTemplate, FooterData{Source: sentinel("Source")})
	before, after, _ = strings.Cut(s, sentinel("Source"))
	return before, after
}

// ParseTagline reads a tagline line back into its source.
func ParseTagline(line string) (source string, ok bool) {
	m, ok := taglineReader.read(line)
	if !ok || m.Source == "" {
		return "", false
	}
	return m.Source, true
}

var taglineReader = mustTemplateReader(TaglineTemplate)

// UsageTerms is the ninjs usage terms of copy of the given kind.
func UsageTerms(kind AttributionKind, d FooterData) string {
	src := UsageTermsOriginal
	if kind == AttributionSyndicated {
		src = UsageTermsSyndicated
	}
	s, _ := ExecuteTemplate("usage terms", src, d)
	return s
}

// FooterLine is what a FooterReader reads from a footer line.
type FooterLine struct {
	// Copyright holds the holder and years the line names; fields the
	// template does not print stay zero.
	Copyright Copyright
	// Kind is AttributionSyndicated when the line was written by a
	// syndicated footer template, AttributionOriginal otherwise.
	Kind AttributionKind
	// Publisher is the publisher the line names, or "".
	Publisher string
}

// FooterReader recognises the copyright footers and related-list headings
// that a profile's templates write, and those of the default templates,
// which is what copy from elsewhere usually carries.
type FooterReader struct {
	syndicated, original, headings []*templateReader
}

// NewFooterReader derives the readers of p's templates and of the
// defaults. A template that does not parse is left out.
func NewFooterReader(p Profile) *FooterReader {
	r := &FooterReader{}
	add := func(list *[]*templateReader, srcs ...string) {
		for _, src := range srcs {
			if strings.TrimSpace(src) == "" {
				continue
			}
			dup := false
			for _, t := range *list {
				dup = dup || t.src == src
			}
			if dup {
				continue
			}
			if t, ok := defaultReaders()[src]; ok {
				*list = append(*list, t) // derived once: every import reads these
			} else if t, err := newTemplateReader(src); err == nil {
				*list = append(*list, t)
			}
		}
	}
	add(&r.syndicated, p.FooterSyndicated, DefaultFooterSyndicated)
	add(&r.original, p.FooterOriginal, DefaultFooterOriginal)
	add(&r.headings, p.RelatedHeading, DefaultRelatedHeading)
	return r
}

// defaultReaders are the readers of the default templates, derived once.
var defaultReaders = sync.OnceValue(func() map[string]*templateReader {
	m := map[string]*templateReader{}
	for _, src := range []string{DefaultFooterOriginal, DefaultFooterSyndicated, DefaultRelatedHeading} {
		m[src] = mustTemplateReader(src)
	}
	return m
})

// ReadFooter recognises a copyright footer line: syndicated templates are
// tried first, as they say more. A line whose years run backwards is no
// footer.
func (r *FooterReader) ReadFooter(line string) (FooterLine, bool) {
	f, _, ok := r.readFooter(line)
	return f, ok
}

// readFooter is ReadFooter that also returns the source of the template
// that read the line.
func (r *FooterReader) readFooter(line string) (FooterLine, string, bool) {
	for _, group := range []struct {
		kind AttributionKind
		list []*templateReader
	}{{AttributionSyndicated, r.syndicated}, {AttributionOriginal, r.original}} {
		for _, t := range group.list {
			m, ok := t.read(line)
			if !ok || !t.distinctive {
				continue
			}
			return FooterLine{
				Copyright: Copyright{Holder: m.Holder, Since: m.Since, Year: m.Year},
				Kind:      group.kind,
				Publisher: m.Publisher,
			}, t.src, true
		}
	}
	return FooterLine{}, "", false
}

// IsRelatedHeading reports whether line reads as a related-list heading.
func (r *FooterReader) IsRelatedHeading(line string) bool {
	for _, t := range r.headings {
		if _, ok := t.read(line); ok {
			return true
		}
	}
	return false
}

// checkFooterReadsBack reports, as an *Error with code EINVALID, a footer
// template whose lines an import could not read back: one with neither a
// year nor words of its own, or whose fields run together so that a
// holder and a publisher cannot be told apart.
func checkFooterReadsBack(name, src string) error {
	t, err := newTemplateReader(src)
	if err != nil {
		return err
	}
	if !t.distinctive {
		return Errorf(EINVALID, "the %s template needs the years ({{.Years}}) or some words of its own, so that an import can tell it from the story", name)
	}
	for _, d := range []FooterData{
		{Holder: "Harbor Times Ltd.", Since: 2004, Year: 2026, Years: "2004-2026", Publisher: "Coastal Post", Source: "Reuters", URL: "https://example.com/a"},
		{Holder: "Harbor Times Ltd.", Since: 2026, Year: 2026, Years: "2026", Publisher: "Coastal Post", Source: "Reuters", URL: "https://example.com/a"},
	} {
		out, err := ExecuteTemplate(name, src, d)
		if err != nil {
			return err
		}
		m, ok := t.read(out)
		if !ok || !footerAgrees(m, d, src) {
			return Errorf(EINVALID, "the %s template cannot be read back from an export (%q); put some text between its fields", name, out)
		}
	}
	return nil
}

// footerAgrees reports whether m holds the fields of d that src prints.
func footerAgrees(m templateMatch, d FooterData, src string) bool {
	prints := func(field string) bool { return strings.Contains(src, "."+field) }
	switch {
	case prints("Holder") && m.Holder != d.Holder,
		prints("Publisher") && m.Publisher != d.Publisher,
		prints("Source") && m.Source != d.Source,
		prints("URL") && m.URL != d.URL,
		prints("Since") && m.Since != d.Since,
		prints("Year") && m.Year != d.Year: // .Year also finds .Years
		return false
	}
	return true
}

// ParseCopyrightYears reads copyright years as typed in the form:
// "SINCE-YEAR", "YEAR" or "SINCE-" (the year then follows the publication
// date), with a hyphen or an en dash; "" is no years. A single year is both
// since and year, so it renders as one year. Bad input gives an *Error
// with code EINVALID.
func ParseCopyrightYears(s string) (since, year int, err error) {
	s = strings.TrimSpace(strings.ReplaceAll(s, "–", "-"))
	if s == "" {
		return 0, 0, nil
	}
	bad := Errorf(EINVALID, "type the copyright years as 1998-2025 or 2025")
	first, rest, ranged := strings.Cut(s, "-")
	if since, err = parseYear(first); err != nil {
		return 0, 0, bad
	}
	if !ranged {
		return since, since, nil
	}
	if strings.TrimSpace(rest) == "" {
		return since, 0, nil
	}
	if year, err = parseYear(rest); err != nil {
		return 0, 0, bad
	}
	if since > year {
		return 0, 0, Errorf(EINVALID, "the copyright starts in %d, after %d", since, year)
	}
	return since, year, nil
}

// FormatCopyrightYears shows copyright years the way ParseCopyrightYears
// reads them back.
func FormatCopyrightYears(c Copyright) string {
	switch {
	case c.Since == 0 && c.Year == 0:
		return ""
	case c.Since == 0:
		return strconv.Itoa(c.Year)
	case c.Year == 0:
		return strconv.Itoa(c.Since) + "-"
	case c.Since == c.Year:
		return strconv.Itoa(c.Year)
	}
	return strconv.Itoa(c.Since) + "-" + strconv.Itoa(c.Year)
}

// parseYear reads a four-digit year from 1800 on.
func parseYear(s string) (int, error) {
	s = strings.TrimSpace(s)
	y, err := strconv.Atoi(s)
	if err != nil || len(s) != 4 || y < 1800 {
		return 0, Errorf(EINVALID, "%q is not a four-digit year", s)
	}
	return y, nil
}

// A templateReader is the reader of one template. It is derived by
// executing the template with sentinel values, a private-use character
// pair around each string field's name and unlikely numbers for the years,
// and turning the output into a regular expression: the text between the
// sentinels must match literally (white space collapsed), each sentinel
// becomes a group. The template is executed twice, with the start year
// before the year and equal to it, so that templates that print one year
// or two, or choose with {{if}}, are read either way.
type templateReader struct {
	src   string
	forms []templateForm
	// distinctive is set when every form holds a year or at least
	// minFooterLetters letters of the template's own text: a reader of a
	// template such as "{{.Holder}}" alone would take any last line for a
	// footer, so ReadFooter does not use it.
	distinctive bool
}

// minFooterLetters is how many letters of its own text a footer template
// without years needs for its lines to be told from body text.
const minFooterLetters = 8

// templateForm is the regular expression of one execution, the field
// each of its groups holds and whether it is distinctive (see
// templateReader).
type templateForm struct {
	re          *regexp.Regexp
	fields      []string
	distinctive bool
}

// templateMatch holds the fields a templateReader read.
type templateMatch struct {
	Holder, Publisher, Source, URL string
	Since, Year                    int
}

// sentinel is the stand-in of a string field in a reader's execution.
func sentinel(field string) string { return "\uE000" + field + "\uE001" }

// sentinelRE finds the sentinels and year numbers in an execution.
var sentinelRE = regexp.MustCompile("\uE000([A-Za-z]+)\uE001|[0-9]+")

// fieldPatterns are the expressions of the fields a footer reads.
var fieldPatterns = map[string]string{
	"Holder":    `(.+?)`,
	"Publisher": `(.+?)`,
	"Source":    `(.+?)`,
	"URL":       `(\S*?)`,
	"Years":     `(\d{4}(?:[-–]\d{4})?)`,
	"Since":     `(\d{4})`,
	"Year":      `(\d{4})`,
}

// mustTemplateReader is newTemplateReader for the package's own templates.
func mustTemplateReader(src string) *templateReader {
	t, err := newTemplateReader(src)
	if err != nil {
		panic(err)
	}
	return t
}

// newTemplateReader derives the reader of the template src.
func newTemplateReader(src string) (*templateReader, error) {
	// Sentinel years that the template's own text does not hold.
	since, year := 7301, 7302
	for strings.Contains(src, strconv.Itoa(since)) || strings.Contains(src, strconv.Itoa(year)) {
		since, year = since+11, year+11
	}
	t := &templateReader{src: src, distinctive: true}
	for _, v := range [][2]int{{since, year}, {year, year}} {
		d := FooterData{Holder: sentinel("Holder"), Publisher: sentinel("Publisher"), Source: sentinel("Source"),
			URL: sentinel("URL"), Years: sentinel("Years"), Since: v[0], Year: v[1]}
		out, err := ExecuteTemplate("footer", src, d)
		if err != nil {
			return nil, err
		}
		f, err := newTemplateForm(oneLine(out), v[0], v[1])
		if err != nil {
			return nil, err
		}
		dup := false
		for _, g := range t.forms {
			dup = dup || g.re.String() == f.re.String()
		}
		if !dup {
			t.forms = append(t.forms, f)
		}
		t.distinctive = t.distinctive && f.distinctive
	}
	return t, nil
}

// newTemplateForm turns one execution of a template into its regular
// expression: literal text quoted, each sentinel a group. since and year
// are the sentinel years of the execution; when they are equal a printed
// year is the year.
func newTemplateForm(out string, since, year int) (templateForm, error) {
	var f templateForm
	var re strings.Builder
	re.WriteString("^")
	last, letters := 0, 0
	literal := func(text string) {
		re.WriteString(regexp.QuoteMeta(text))
		for _, r := range text {
			if unicode.IsLetter(r) {
				letters++
			}
		}
	}
	for _, loc := range sentinelRE.FindAllStringSubmatchIndex(out, -1) {
		field := ""
		switch {
		case loc[2] >= 0:
			field = out[loc[2]:loc[3]]
		case out[loc[0]:loc[1]] == strconv.Itoa(since) && since != year:
			field = "Since"
		case out[loc[0]:loc[1]] == strconv.Itoa(year):
			field = "Year"
		}
		if fieldPatterns[field] == "" {
			continue // a number of the template's own text
		}
		literal(out[last:loc[0]])
		re.WriteString(fieldPatterns[field])
		f.fields = append(f.fields, field)
		f.distinctive = f.distinctive || field == "Years" || field == "Year" || field == "Since"
		last = loc[1]
	}
	literal(out[last:])
	re.WriteString("$")
	f.distinctive = f.distinctive || letters >= minFooterLetters
	rx, err := regexp.Compile(re.String())
	if err != nil {
		return f, Errorf(EINVALID, "the footer template cannot be read back: %v", err)
	}
	f.re = rx
	return f, nil
}

// read matches line against the template's forms. A field printed twice
// must read the same both times, and the start year must not follow the
// year.
func (t *templateReader) read(line string) (templateMatch, bool) {
	line = oneLine(line)
forms:
	for _, f := range t.forms {
		m := f.re.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		got := map[string]string{}
		for i, field := range f.fields {
			v := m[i+1]
			if field == "Years" {
				s, y, ranged := strings.Cut(strings.ReplaceAll(v, "–", "-"), "-")
				if !ranged {
					y = s
				}
				for _, p := range [][2]string{{"Since", s}, {"Year", y}} {
					if prev, seen := got[p[0]]; seen && prev != p[1] {
						continue forms
					}
					got[p[0]] = p[1]
				}
				continue
			}
			if prev, seen := got[field]; seen && prev != v {
				continue forms
			}
			got[field] = v
		}
		r := templateMatch{Holder: got["Holder"], Publisher: got["Publisher"], Source: got["Source"], URL: got["URL"]}
		r.Since, _ = strconv.Atoi(got["Since"])
		r.Year, _ = strconv.Atoi(got["Year"])
		// A lone year is both the start year and the year.
		if r.Year == 0 {
			r.Year = r.Since
		}
		if r.Since == 0 {
			r.Since = r.Year
		}
		if r.Since > r.Year {
			continue
		}
		return r, true
	}
	return templateMatch{}, false
}
