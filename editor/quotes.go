package editor

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Curly single quotes as the Typographer writes them.
const (
	leftSingleQuote  = "‘"
	rightSingleQuote = "’"
)

// elisions are the words an apostrophe opens: after a space a "'" before
// them is an apostrophe, not an opening quote ('tis, rock 'n' roll).
var elisions = map[string]bool{
	"tis": true, "twas": true, "twere": true, "twill": true, "em": true, "n": true, "cause": true,
	"cos": true, "til": true, "bout": true, "round": true, "nuff": true, "ol": true, "im": true,
}

// singleQuoteFixer corrects the Typographer's single quotes after the
// inline parse. goldmark takes a "'" before t, e, n or l for an apostrophe
// wherever it stands ('enough' became ’enough’), and leaves a closing "'"
// at the end of a line straight when it did not count an opening quote.
// The rule here: a quote after the start, a space or opening punctuation
// and before a letter or digit opens (‘), unless the word it opens is an
// elision ('tis, 'n') or a decade ('90s); a straight "'" left after a word
// while a quote is open closes it (’).
type singleQuoteFixer struct{}

// Transform implements parser.ASTTransformer.
func (singleQuoteFixer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		if n.FirstChild() != nil && n.FirstChild().Type() == ast.TypeInline {
			fixSingleQuotes(n, src)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// quoteLeaf is one piece of a block's inline text, in order.
type quoteLeaf struct {
	node ast.Node
	text string
}

// fixSingleQuotes applies the rule to the inline leaves of block.
func fixSingleQuotes(block ast.Node, src []byte) {
	var leaves []quoteLeaf
	var collect func(n ast.Node)
	collect = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				t := string(c.Segment.Value(src))
				if c.SoftLineBreak() || c.HardLineBreak() {
					t += " "
				}
				leaves = append(leaves, quoteLeaf{c, t})
			case *ast.String:
				leaves = append(leaves, quoteLeaf{c, string(c.Value)})
			case *ast.CodeSpan, *ast.RawHTML, *ast.AutoLink:
				leaves = append(leaves, quoteLeaf{nil, "x"}) // a word-like piece
			default:
				collect(c)
			}
		}
	}
	collect(block)
	open := 0
	for i, l := range leaves {
		if l.node == nil {
			continue
		}
		before := lastRune(leaves, i)
		switch n := l.node.(type) {
		case *ast.String:
			v := string(n.Value)
			if v != leftSingleQuote && v != rightSingleQuote {
				continue
			}
			after := nextText(leaves, i, "")
			switch opening, elided := quoteOpening(before, after); {
			case opening && elided:
				v = rightSingleQuote
			case opening:
				v = leftSingleQuote
				open++
			case v == leftSingleQuote:
				open++
			case open > 0 && closesQuote(before, after):
				open--
			}
			n.Value = []byte(v)
			leaves[i].text = v
		case *ast.Text:
			if open == 0 || n.IsRaw() || !strings.Contains(l.text, "'") {
				continue
			}
			open = closeStraightQuotes(n, src, leaves, i, before, open)
			leaves[i].text = string(n.Segment.Value(src))
		}
	}
}

// closeStraightQuotes turns the straight quotes of text node n that close
// an open quote into ’, splitting the node; it returns the quotes still
// open.
func closeStraightQuotes(n *ast.Text, src []byte, leaves []quoteLeaf, i int, before rune, open int) int {
	seg := n.Segment
	v := seg.Value(src)
	for j := 0; j < len(v) && open > 0; j++ {
		if v[j] != '\'' {
			continue
		}
		prev := before
		if j > 0 {
			prev, _ = utf8.DecodeLastRune(v[:j])
		}
		if !closesQuote(prev, nextText(leaves, i, string(v[j+1:]))) {
			continue
		}
		parent := n.Parent()
		head := ast.NewTextSegment(text.NewSegment(seg.Start, seg.Start+j))
		q := ast.NewString([]byte(rightSingleQuote))
		q.SetCode(true)
		parent.InsertBefore(parent, n, head)
		parent.InsertBefore(parent, n, q)
		n.Segment = text.NewSegment(seg.Start+j+1, seg.Stop)
		open--
		return closeStraightQuotes(n, src, leaves, i, '\'', open)
	}
	return open
}

// lastRune is the last character before leaf i, or a space at the start.
func lastRune(leaves []quoteLeaf, i int) rune {
	for k := i - 1; k >= 0; k-- {
		if leaves[k].text != "" {
			r, _ := utf8.DecodeLastRuneInString(leaves[k].text)
			return r
		}
	}
	return ' '
}

// nextText is rest followed by the text of the leaves after i, enough of
// it to see the next word.
func nextText(leaves []quoteLeaf, i int, rest string) string {
	var b strings.Builder
	b.WriteString(rest)
	for k := i + 1; k < len(leaves) && b.Len() < 16; k++ {
		b.WriteString(leaves[k].text)
	}
	return b.String()
}

// quoteOpening reports whether a quote between before and after stands
// where a quote opens: after a space, the start or opening punctuation,
// before a letter or digit. elided says that the word it opens is an
// elision or a decade ('tis, 'n', '90s), so it is an apostrophe.
func quoteOpening(before rune, after string) (opening, elided bool) {
	if !(unicode.IsSpace(before) || strings.ContainsRune("([{“\"‘'—–-/", before)) {
		return false, false
	}
	r, _ := utf8.DecodeRuneInString(after)
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return false, false
	}
	word := after
	if i := strings.IndexFunc(after, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }); i >= 0 {
		word = after[:i]
	}
	lower := strings.ToLower(word)
	decade := len(lower) == 3 && lower[2] == 's' && isAllDigits(lower[:2])
	return true, elisions[lower] || decade
}

// closesQuote reports whether a quote between before and after closes: it
// follows a letter, digit or closing punctuation and precedes no letter or
// digit.
func closesQuote(before rune, after string) bool {
	if unicode.IsSpace(before) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(after)
	return after == "" || !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// Typeset returns a line of plain text, such as a headline or a deck, with
// the same typography as the body: curly quotes, "--" and "---" as en and
// em dashes, "..." as an ellipsis. Nothing in s is read as Markdown.
// Every rendered format (HTML, wire text, ninjs, the preview) shows the
// headline and deck through it; the Markdown export keeps them as written,
// as it keeps the body.
func Typeset(s string) string {
	s = oneLine(s)
	if s == "" {
		return ""
	}
	src := []byte(escapeTypesetLine(s))
	doc := markdown.Parser().Parse(text.NewReader(src))
	w := &wireWriter{src: src}
	return strings.TrimSpace(w.inline(firstParagraph(doc)))
}

// firstParagraph returns the first paragraph of doc, or doc itself.
func firstParagraph(doc ast.Node) ast.Node {
	if p, ok := doc.FirstChild().(*ast.Paragraph); ok {
		return p
	}
	return doc
}

// escapeTypesetLine backslash-escapes every ASCII punctuation character
// of s except those the Typographer reads (quotes, "-", "."), so that the
// line parses as one paragraph of plain text.
func escapeTypesetLine(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isASCIIPunct(c) && c != '\'' && c != '"' && c != '-' && c != '.' && c != ',' {
			b.WriteByte('\\')
		}
		if c == '-' && i == 0 || (c == '.' || c == ')') && i > 0 && isAllDigits(s[:i]) {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}
