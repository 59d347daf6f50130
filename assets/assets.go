// Package assets holds the files Dateline embeds in its binary: the
// application icon, the stylesheet of standalone HTML exports, the sample
// article a new library starts with, and the preview's serif font (with its
// licence beside it in fonts/). news.dateline.app.metainfo.xml is the
// AppStream metadata that make package adds to the Linux tarball.
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

// The preview's serif, Liberation Serif 2.1.5 (SIL Open Font License 1.1;
// fonts/LICENSE-Liberation.txt), so that the preview reads like a news
// page on every laptop whatever fonts it has.
var (
	//go:embed fonts/LiberationSerif-Regular.ttf
	SerifRegular []byte
	//go:embed fonts/LiberationSerif-Bold.ttf
	SerifBold []byte
	//go:embed fonts/LiberationSerif-Italic.ttf
	SerifItalic []byte
	//go:embed fonts/LiberationSerif-BoldItalic.ttf
	SerifBoldItalic []byte
)
