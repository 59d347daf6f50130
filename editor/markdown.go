package editor

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// typographicSubstitutions makes the Typographer emit the characters
// themselves rather than HTML entities, so that the AST holds the same curly
// quotes and dashes that wire copy and the preview show.
var typographicSubstitutions = extension.TypographicSubstitutions{
	extension.LeftSingleQuote:  []byte("‘"),
	extension.RightSingleQuote: []byte("’"),
	extension.LeftDoubleQuote:  []byte("“"),
	extension.RightDoubleQuote: []byte("”"),
	extension.EnDash:           []byte("–"),
	extension.EmDash:           []byte("—"),
	extension.Ellipsis:         []byte("…"),
	extension.LeftAngleQuote:   []byte("«"),
	extension.RightAngleQuote:  []byte("»"),
	extension.Apostrophe:       []byte("’"),
}

// NewMarkdown is the one constructor of the goldmark pipeline that the
// preview, every export and every importer share: GFM (tables,
// strikethrough, autolinks, task lists), Typographer, Footnote and automatic
// heading IDs (headingIDs: valid, unique, apart from the footnote ids
// fn-N and fnref-N of footnoteExtension). Its HTML renderer runs in goldmark's safe mode: raw HTML is
// omitted and dangerous link destinations are dropped.
func NewMarkdown() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(
			extension.GFM,
			extension.NewTypographer(extension.WithTypographicSubstitutions(typographicSubstitutions)),
			extension.Footnote,
			datelineExtension{},
			tableCellExtension{},
			footnoteExtension{},
		),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
}

// markdown is the shared pipeline instance; goldmark.Markdown is safe for
// concurrent use once built.
var markdown = NewMarkdown()

// ParseBody parses a Markdown body with the shared pipeline and returns the
// document node and the source it points into. The body's nesting is
// limited to MaxNesting and its tables to MaxTableRows first (LimitBody),
// so the source returned is the limited one; BodyWarnings says so.
func ParseBody(body string) (ast.Node, []byte) {
	limited := LimitBody(body)
	src := []byte(limited)
	doc := markdown.Parser().Parse(text.NewReader(src), parser.WithContext(newParseContext()))
	return doc, src
}
