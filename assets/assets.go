// Package assets holds the files Dateline embeds in its binary: the
// application icon, the stylesheet of standalone HTML exports and the sample
// article a new library starts with.
package assets

import _ "embed"

// Icon is the application icon, a 512×512 PNG.
//
//go:embed icon.png
var Icon []byte

// SampleArticle is the first-run sample article, Markdown with YAML front
// matter.
//
//go:embed sample.md
var SampleArticle []byte

// ExportCSS is the print-friendly stylesheet embedded in standalone HTML
// exports.
//
//go:embed export.css
var ExportCSS []byte
