package editor

import "strings"

// Dateline dashes a Profile may choose between.
const (
	// DashEn is the default dateline dash, "–".
	DashEn = "–"
	// DashEm is the em dash, "—".
	DashEm = "—"
	// DashDouble is the typewriter dash "--" some wires still use.
	DashDouble = "--"
)

// Default footer and heading templates. They are Go text/template sources
// executed with FooterData.
const (
	// DefaultFooterOriginal is the footer of original and contributed copy.
	DefaultFooterOriginal = `Copyright {{.Years}} {{.Holder}}. All rights reserved.`
	// DefaultFooterSyndicated is the footer of syndicated copy.
	DefaultFooterSyndicated = `Copyright {{.Years}} {{.Holder}}. This article was originally published on {{.Publisher}} and was reproduced with permission.`
	// DefaultRelatedHeading is the heading of the related list.
	DefaultRelatedHeading = `More {{.Publisher}}`
)

// Profile holds a library's publication settings: who publishes, who holds
// the copyright since when, and the templates every export uses.
type Profile struct {
	Publisher string `json:"publisher"`
	Holder    string `json:"holder"`
	// Since is the year the publication's copyright starts, e.g. 2004.
	Since int `json:"since"`
	// Dash follows the dateline credit: DashEn, DashEm or DashDouble.
	Dash string `json:"dash"`
	// FooterOriginal is the footer template for original and contributed copy.
	FooterOriginal string `json:"footer_original"`
	// FooterSyndicated is the footer template for syndicated copy.
	FooterSyndicated string `json:"footer_syndicated"`
	// RelatedHeading is the template of the "More …" list heading.
	RelatedHeading string `json:"related_heading"`
	// Language is the BCP 47 tag of the publication's copy, e.g. "en".
	Language string `json:"language"`
	// BaseURL, when set, makes ninjs URIs and canonical links absolute.
	// It is also the site URL of the publisher in structured data.
	BaseURL string `json:"base_url,omitempty"`

	// Structured data (JSON-LD) for search engines: the publisher's logo
	// and the pattern of an article's public URL (ArticleURL), e.g.
	// "{site}/{yyyy}/{mm}/{slug}".
	LogoURL    string `json:"logo_url,omitempty"`
	URLPattern string `json:"url_pattern,omitempty"`
	// Agencies (wire ingest, issue 9) are the profile's own additions to
	// the agency table the wire importer reads (agencies.go); an entry
	// with a built-in agency's name is read before it.
	Agencies []Agency `json:"agencies,omitempty"`
	// The review desk (spelling and AP style, editor/spell and
	// editor/style). DisabledRules lists the style rule ids the desk
	// switched off; MaxSentenceWords is the long-sentence limit (0: the
	// default); Dictionary is the library's own word list, which travels
	// with the library.
	DisabledRules    []string `json:"disabled_rules,omitempty"`
	MaxSentenceWords int      `json:"max_sentence_words,omitempty"`
	Dictionary       []string `json:"dictionary,omitempty"`
	// HeadlineLimit is the headline length, in characters, past which the
	// form warns (search engines cut longer titles); 0 means
	// DefaultHeadlineLimit.
	HeadlineLimit int `json:"headline_limit,omitempty"`
}

// DefaultHeadlineLimit is the headline length the form warns over when a
// profile sets none.
const DefaultHeadlineLimit = 110

// HeadlineMax returns the profile's headline limit, DefaultHeadlineLimit
// when it sets none.
func (p Profile) HeadlineMax() int {
	if p.HeadlineLimit > 0 {
		return p.HeadlineLimit
	}
	return DefaultHeadlineLimit
}

// DefaultProfile returns the settings a new library starts with.
func DefaultProfile() Profile {
	return Profile{
		Publisher:        "Harbor Times",
		Holder:           "Harbor Times",
		Since:            2004,
		Dash:             DashEn,
		FooterOriginal:   DefaultFooterOriginal,
		FooterSyndicated: DefaultFooterSyndicated,
		RelatedHeading:   DefaultRelatedHeading,
		Language:         "en",
	}
}

// Validate checks the profile: names present, a known dash, a sane year,
// templates that parse and use only known fields, and footer templates
// whose lines an import can read back (checkFooterReadsBack).
func (p Profile) Validate() error {
	switch {
	case strings.TrimSpace(p.Publisher) == "":
		return Errorf(EINVALID, "publisher name is required")
	case strings.TrimSpace(p.Holder) == "":
		return Errorf(EINVALID, "copyright holder is required")
	case p.Since < 1800 || p.Since > 9999:
		return Errorf(EINVALID, "copyright start year %d is not a four-digit year", p.Since)
	case p.Dash != DashEn && p.Dash != DashEm && p.Dash != DashDouble:
		return Errorf(EINVALID, "dateline dash must be –, — or --, not %q", p.Dash)
	case p.MaxSentenceWords < 0 || p.MaxSentenceWords > 1000:
		return Errorf(EINVALID, "the long-sentence limit must be between 1 and 1000 words, not %d", p.MaxSentenceWords)
	}
	for _, w := range p.Dictionary {
		if strings.TrimSpace(w) == "" || strings.ContainsAny(w, "\n\t") {
			return Errorf(EINVALID, "the library dictionary has an empty or multi-line word")
		}
	}
	if err := p.validateStructuredData(); err != nil {
		return err
	}
	for _, t := range []struct{ name, src string }{
		{"original footer", p.FooterOriginal},
		{"syndicated footer", p.FooterSyndicated},
		{"related heading", p.RelatedHeading},
	} {
		if err := ValidateTemplate(t.name, t.src); err != nil {
			return err
		}
	}
	for _, t := range []struct{ name, src string }{
		{"original footer", p.FooterOriginal},
		{"syndicated footer", p.FooterSyndicated},
	} {
		if err := checkFooterReadsBack(t.name, t.src); err != nil {
			return err
		}
	}
	return CheckAgencies(p.Agencies)
}
