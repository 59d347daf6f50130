package editor

import (
	"strings"
	"time"
)

// Format names an export or import format.
type Format string

// The formats Dateline exports and imports.
const (
	// FormatHTML is a standalone HTML5 page with an embedded stylesheet and
	// a schema.org NewsArticle JSON-LD block.
	FormatHTML Format = "html"
	// FormatHTMLFragment is the <article> element alone, for pasting into a
	// content management system.
	FormatHTMLFragment Format = "html-fragment"
	// FormatMarkdown is Markdown with YAML front matter, readable by Hugo
	// and Jekyll.
	FormatMarkdown Format = "md"
	// FormatWire is plain-text wire copy: one paragraph per line.
	FormatWire Format = "txt"
	// FormatNinjs is IPTC ninjs 2.x JSON.
	FormatNinjs Format = "ninjs"
)

// Formats lists every format in the order menus show them.
var Formats = []Format{FormatHTML, FormatHTMLFragment, FormatMarkdown, FormatWire, FormatNinjs}

// ParseFormat turns a format name such as "md" into a Format. Unknown names
// yield an *Error with code EINVALID that lists the valid ones.
func ParseFormat(s string) (Format, error) {
	name := strings.ToLower(strings.TrimSpace(s))
	for _, f := range Formats {
		if name == string(f) {
			return f, nil
		}
	}
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return "", Errorf(EINVALID, "unknown format %q (valid: %s)", s, strings.Join(names, ", "))
}

// Ext returns the file name extension of the format, with its dot.
func (f Format) Ext() string {
	switch f {
	case FormatHTML, FormatHTMLFragment:
		return ".html"
	case FormatMarkdown:
		return ".md"
	case FormatWire:
		return ".txt"
	case FormatNinjs:
		return ".json"
	}
	return ""
}

// Export renders a under p in format f. Every format draws its byline,
// dateline, footer and related list from BuildFrame and its body from
// ParseArticleBody, so all of them agree.
func Export(f Format, a *Article, p Profile, opt RenderOptions) ([]byte, error) {
	switch f {
	case FormatHTML:
		return RenderHTMLDocument(a, p, opt)
	case FormatHTMLFragment:
		return RenderHTMLFragment(a, p, opt)
	case FormatMarkdown:
		return RenderMarkdown(a, p, opt)
	case FormatWire:
		return RenderWireText(a, p, opt)
	case FormatNinjs:
		return RenderNinjs(a, p, opt)
	}
	_, err := ParseFormat(string(f))
	return nil, err
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
