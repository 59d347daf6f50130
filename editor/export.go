package editor

import (
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
