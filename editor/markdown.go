package editor

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
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
		goldmark.WithParser(newBodyParser()),
		goldmark.WithExtensions(
			extension.GFM,
			extension.NewTypographer(extension.WithTypographicSubstitutions(typographicSubstitutions)),
			extension.Footnote,
			datelineExtension{},
			tableCellExtension{},
			footnoteExtension{},
		),
		goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithASTTransformers(util.Prioritized(singleQuoteFixer{}, 1000))),
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

// newBodyParser is goldmark's default parser with its link parser wrapped
// in linkSpanParser, so that a parse given a linkSpans map learns where each
// link's closing bracket and end are (the Markdown export rewrites unsafe
// destinations there).
func newBodyParser() parser.Parser {
	inlines := parser.DefaultInlineParsers()
	for i, v := range inlines {
		if ip, ok := v.Value.(parser.InlineParser); ok && string(ip.Trigger()) == "![]" {
			inlines[i] = util.Prioritized(linkSpanParser{ip}, v.Priority)
		}
	}
	return parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(inlines...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
	)
}

// linkSpan is where a link or image ends in the source: Close is the offset
// of its label's closing "]", End the offset just past the link (past the
// destination and title, or the reference label).
type linkSpan struct{ Close, End int }

// linkSpansKey is the parser context key of a map[ast.Node]linkSpan that a
// caller sets to learn the spans of the links of a parse.
var linkSpansKey = parser.NewContextKey()

// linkSpanParser wraps goldmark's link parser and, when the parse context
// holds a linkSpans map, records the span of every link and image it
// makes. It changes nothing else.
type linkSpanParser struct{ parser.InlineParser }

// Parse delegates to the link parser and records the span of a link made.
func (p linkSpanParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	_, seg := block.PeekLine()
	n := p.InlineParser.Parse(parent, block, pc)
	if n == nil {
		return nil
	}
	switch n.(type) {
	case *ast.Link, *ast.Image:
		if spans, ok := pc.Get(linkSpansKey).(map[ast.Node]linkSpan); ok {
			_, end := block.Position()
			spans[n] = linkSpan{Close: seg.Start, End: end.Start}
		}
	}
	return n
}

// CloseBlock forwards to the link parser, which clears its label stack.
func (p linkSpanParser) CloseBlock(parent ast.Node, block text.Reader, pc parser.Context) {
	if cb, ok := p.InlineParser.(parser.CloseBlocker); ok {
		cb.CloseBlock(parent, block, pc)
	}
}
