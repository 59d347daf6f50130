package editor

import (
	"strings"
	"testing"
)

func TestCopyrightYears(t *testing.T) {
	for _, tc := range []struct {
		in          string
		since, year int
		bad         bool
	}{
		{"", 0, 0, false},
		{"1998-2025", 1998, 2025, false},
		{"1998–2025", 1998, 2025, false},
		{" 2025 ", 2025, 2025, false},
		{"1998-", 1998, 0, false},
		{"2025-1998", 0, 0, true},
		{"98-25", 0, 0, true},
		{"since 1998", 0, 0, true},
		{"1998-20255", 0, 0, true},
	} {
		since, year, err := ParseCopyrightYears(tc.in)
		if (err != nil) != tc.bad || since != tc.since || year != tc.year {
			t.Errorf("ParseCopyrightYears(%q) = %d, %d, %v; want %d, %d, error %v", tc.in, since, year, err, tc.since, tc.year, tc.bad)
		}
		if err == nil {
			back := FormatCopyrightYears(Copyright{Since: since, Year: year})
			if s2, y2, _ := ParseCopyrightYears(back); s2 != since || y2 != year {
				t.Errorf("%q formats as %q, which reads back as %d, %d", tc.in, back, s2, y2)
			}
		}
	}
}

func TestReadFooterDefaults(t *testing.T) {
	fr := NewFooterReader(DefaultProfile())
	for _, tt := range []struct {
		line string
		want FooterLine
		ok   bool
	}{
		{"Copyright 2004-2026 Harbor Times. All rights reserved.", FooterLine{Copyright: Copyright{Holder: "Harbor Times", Since: 2004, Year: 2026}, Kind: AttributionOriginal}, true},
		{"Copyright 2026 Harbor Times. All rights reserved.", FooterLine{Copyright: Copyright{Holder: "Harbor Times", Since: 2026, Year: 2026}, Kind: AttributionOriginal}, true},
		{"Copyright 2025 St. Paul Courier. This article was originally published on St. Paul Courier and was reproduced with permission.",
			FooterLine{Copyright: Copyright{Holder: "St. Paul Courier", Since: 2025, Year: 2025}, Kind: AttributionSyndicated, Publisher: "St. Paul Courier"}, true},
		{"Copyright 2026-2004 Harbor Times. All rights reserved.", FooterLine{}, false},
		{"Copyright Harbor Times. All rights reserved.", FooterLine{}, false},
		{"Copyright 2026 . All rights reserved.", FooterLine{}, false},
		{"The Copyright 2026 Harbor Times. All rights reserved.", FooterLine{}, false},
	} {
		got, ok := fr.ReadFooter(tt.line)
		if ok != tt.ok || got != tt.want {
			t.Errorf("ReadFooter(%q) = %+v, %v; want %+v, %v", tt.line, got, ok, tt.want, tt.ok)
		}
	}
}

// customFooterProfiles are profiles whose templates Validate accepts but
// whose wording differs from the defaults in every way a footer can.
func customFooterProfiles() map[string]Profile {
	out := map[string]Profile{}
	for name, tt := range map[string]struct{ original, syndicated, heading string }{
		"symbol first": {`© {{.Holder}} {{.Years}}`, `© {{.Holder}} {{.Years}} — via {{.Publisher}}`, `Also from {{.Publisher}}`},
		"two years": {`{{.Holder}}, {{.Since}}–{{.Year}}. Some rights reserved.`,
			`Reprinted from {{.Publisher}} ({{.URL}}). {{.Holder}}, {{.Year}}.`, `Read more: {{.Publisher}}`},
		"conditional": {`Copyright {{if eq .Since .Year}}{{.Year}}{{else}}{{.Since}} to {{.Year}}{{end}} by {{.Holder}}`,
			`{{.Publisher}} owns this story ({{.Years}}, {{.Holder}}); used with permission.`, `More`},
		"multi-line": {"Copyright {{.Years}}\n{{.Holder}}.\nAll rights reserved 24/7.", DefaultFooterSyndicated, DefaultRelatedHeading},
		"no years":   {"All rights reserved by {{.Holder}}.", "Reproduced from {{.Publisher}} by permission of {{.Holder}}.", DefaultRelatedHeading},
	} {
		p := DefaultProfile()
		p.Publisher, p.Holder = "The Bay Ledger", "Bay Ledger Media Ltd."
		p.FooterOriginal, p.FooterSyndicated, p.RelatedHeading = tt.original, tt.syndicated, tt.heading
		out[name] = p
	}
	return out
}

// TestFooterRoundTripsCustomTemplates exports articles under profiles with
// custom templates and imports them again: holder, years, publisher and
// the related list come back, from wire text, HTML and ninjs.
func TestFooterRoundTripsCustomTemplates(t *testing.T) {
	for name, p := range customFooterProfiles() {
		if err := p.Validate(); err != nil {
			t.Fatalf("%s: profile does not validate: %v", name, err)
		}
		own := NewArticle(fixtureNow)
		own.Headline = "Harbour dredging resumes"
		own.Body = "Work began on Monday."
		own.Copyright = Copyright{Since: 1998, Year: 2025}
		own.Related = []Teaser{{Text: "Dredging halted", URL: "https://example.com/a"}}
		single := own.Clone()
		single.Copyright = Copyright{Since: 2025, Year: 2025}
		synd := own.Clone()
		synd.Attribution = Attribution{Kind: AttributionSyndicated, OriginalPublisher: "Coastal Post", OriginalURL: "https://coastal.example/x"}
		synd.Copyright = Copyright{Holder: "Coastal Post Inc.", Year: 2024}
		for _, a := range []*Article{own, single, synd} {
			want := CopyrightData(a, p)
			for _, f := range []Format{FormatWire, FormatHTML, FormatNinjs} {
				data, err := Export(f, a, p, RenderOptions{Now: fixtureNow})
				if err != nil {
					t.Fatal(err)
				}
				b, err := Import(f, data, p)
				if err != nil {
					t.Fatalf("%s %s: import: %v", name, f, err)
				}
				got := CopyrightData(b, p)
				if !strings.Contains(p.FooterOriginal+p.FooterSyndicated, "Year") {
					got.Years, want.Years = "", "" // a footer without years cannot give them back
				}
				if got.Holder != want.Holder || got.Years != want.Years || got.Publisher != want.Publisher {
					t.Errorf("%s, %s, %s: footer reads back as %q %q %q, want %q %q %q\n%s", name, f, a.Attribution.Kind,
						got.Holder, got.Years, got.Publisher, want.Holder, want.Years, want.Publisher, data)
				}
				if b.Attribution.Kind != a.Attribution.Kind && !(a.Attribution.Kind == "" && b.Attribution.Kind == AttributionOriginal) && b.Attribution.Kind != "" {
					t.Errorf("%s, %s: kind %q reads back as %q", name, f, a.Attribution.Kind, b.Attribution.Kind)
				}
				if len(b.Related) != 1 || b.Related[0].Text != "Dredging halted" {
					t.Errorf("%s, %s: related list reads back as %+v", name, f, b.Related)
				}
				if strings.Contains(b.Body, "rights") || strings.Contains(b.Body, "Dredging halted") {
					t.Errorf("%s, %s: the footer stayed in the body: %q", name, f, b.Body)
				}
			}
		}
	}
}

// TestFooterReaderIgnoresBareTemplates checks that a template with no
// years and hardly any text of its own is not used to read footers: it
// would take any last line for one.
func TestFooterReaderIgnoresBareTemplates(t *testing.T) {
	p := DefaultProfile()
	p.FooterOriginal = `({{.Holder}})`
	fr := NewFooterReader(p)
	if got, ok := fr.ReadFooter("(Work began on Monday.)"); ok {
		t.Errorf("a bare template read a body line as footer %+v", got)
	}
	if _, ok := fr.ReadFooter("Copyright 2026 Harbor Times. All rights reserved."); !ok {
		t.Error("the default footer is no longer read")
	}
}

// TestProfileRejectsFootersThatCannotBeRead checks that settings refuse a
// footer template whose lines no import could read back.
func TestProfileRejectsFootersThatCannotBeRead(t *testing.T) {
	for _, tt := range []struct {
		src string
		ok  bool
	}{
		{DefaultFooterOriginal, true},
		{DefaultFooterSyndicated, true},
		{`Copyright since {{.Since}} {{.Holder}}`, true},
		{`All rights reserved by {{.Holder}}.`, true},
		{`({{.Holder}})`, false},
		{`{{.Holder}}`, false},
		{`Copyright {{.Years}} {{.Holder}}{{.Publisher}}`, false},
		{`Copyright {{.Years}} {{.Holder}} {{.Publisher}}`, false},
		{`Copyright {{.Years}} {{.Holder}}, first published by {{.Publisher}}`, true},
	} {
		p := DefaultProfile()
		p.FooterSyndicated = tt.src
		err := p.Validate()
		if (err == nil) != tt.ok || err != nil && ErrorCode(err) != EINVALID {
			t.Errorf("Validate with footer %q: %v, want ok %v", tt.src, err, tt.ok)
		}
	}
}

func TestTagline(t *testing.T) {
	if got, want := Tagline(" Reuters "), "Material from Reuters contributed to this report."; got != want {
		t.Errorf("Tagline = %q, want %q", got, want)
	}
	if got := Tagline(" "); got != "" {
		t.Errorf("Tagline of no source = %q", got)
	}
	if s, ok := ParseTagline(Tagline("Agence France-Presse")); !ok || s != "Agence France-Presse" {
		t.Errorf("ParseTagline = %q, %v", s, ok)
	}
	if _, ok := ParseTagline("Material from contributed to this report."); ok {
		t.Error("a tagline without source reads as one")
	}
	before, after := TaglineParts()
	if before+"X"+after != Tagline("X") {
		t.Errorf("TaglineParts = %q, %q", before, after)
	}
}

func TestUsageTerms(t *testing.T) {
	d := FooterData{Publisher: "Coastal Post"}
	if got, want := UsageTerms(AttributionSyndicated, d), "Originally published on Coastal Post; reproduced with permission."; got != want {
		t.Errorf("UsageTerms = %q, want %q", got, want)
	}
	if got, want := UsageTerms(AttributionContributed, d), "All rights reserved."; got != want {
		t.Errorf("UsageTerms = %q, want %q", got, want)
	}
}

// FuzzFooterReader derives readers from arbitrary templates and reads
// arbitrary lines: no panic, no backwards years, and a footer the template
// wrote from plain values reads back as a footer.
func FuzzFooterReader(f *testing.F) {
	for _, p := range customFooterProfiles() {
		f.Add(p.FooterOriginal, "Copyright 1998-2025 Bay Ledger. All rights reserved.")
	}
	f.Add(DefaultFooterOriginal, "Copyright 2026 Harbor Times. All rights reserved.")
	f.Add(`{{.Holder}}{{.Years}}`, "x2020")
	f.Fuzz(func(t *testing.T, src, line string) {
		p := DefaultProfile()
		p.FooterOriginal = src
		fr := NewFooterReader(p)
		if got, ok := fr.ReadFooter(line); ok && got.Copyright.Since > got.Copyright.Year {
			t.Fatalf("ReadFooter(%q) with %q: since %d after year %d", line, src, got.Copyright.Since, got.Copyright.Year)
		}
		if ValidateTemplate("footer", src) != nil || !strings.Contains(src, "{{.Years}}") {
			return
		}
		out, err := ExecuteTemplate("footer", src, FooterData{Holder: "Bay Ledger", Since: 1998, Year: 2025, Years: "1998-2025", Publisher: "Coastal Post"})
		if err != nil {
			return
		}
		if _, ok := fr.ReadFooter(out); !ok {
			t.Fatalf("template %q wrote %q, which does not read back as a footer", src, out)
		}
	})
}
