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
	BaseURL string `json:"base_url,omitempty"`
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
	return nil
}
