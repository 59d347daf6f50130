package editor

import (
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// SafeMarkdownBody returns the body a Markdown export hands on to a site
// generator: the body as written, edited at the positions the shared
// goldmark pipeline finds, so that it carries nothing the HTML export
// drops:
//   - raw HTML, inline and in blocks, is removed (a removed line keeps its
//     line break, so the blocks around it stay apart);
//   - a link or image whose destination the URL policy (SafeURLFor)
//     rejects keeps its text but gets an empty destination, "[text]()",
//     whether it was written inline or as a reference, and a reference
//     definition whose destination is rejected even for an image is
//     removed (a link that uses a data: picture's definition gets "()");
//   - an autolink in angle brackets with a rejected URL becomes its text,
//     escaped;
//   - every "<" of the text outside code that could open a tag (before a
//     letter, "/", "!" or "?") gets a backslash, "\<": goldmark
//     reads it as text already, but other Markdown readers (kramdown, which
//     Jekyll uses) take a "<meta" that CommonMark rejects as a tag.
//
// Everything else is left byte for byte as written. The pipeline's input
// limits apply first, as in every renderer (LimitBody): a body nested
// deeper than MaxNesting is flattened, and a table's rows past
// MaxTableRows follow it as a code block, so that a hostile body is not
// held whole as goldmark nodes (a 50,000-row table took 128 MB). The result
// is a fixed point: SafeMarkdownBody(SafeMarkdownBody(b)) equals
// SafeMarkdownBody(b).
func SafeMarkdownBody(body string) string {
	limited := LimitBody(body)
	src := []byte(limited)
	spans := map[ast.Node]linkSpan{}
	pc := parser.NewContext()
	pc.Set(linkSpansKey, spans)
	doc := markdown.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	var edits []sourceEdit
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeSpan:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			edits = appendTagEscapes(edits, src, n.Segment)
		case *ast.HTMLBlock:
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				edits = appendRemoval(edits, src, lines.At(i))
			}
			if n.HasClosure() {
				edits = appendRemoval(edits, src, n.ClosureLine)
			}
		case *ast.LinkReferenceDefinition:
			if len(n.Destination) > 0 && SafeURLFor(URLImage, string(n.Destination)) == "" {
				lines := n.Lines()
				for i := 0; i < lines.Len(); i++ {
					edits = appendRemoval(edits, src, lines.At(i))
				}
			}
		case *ast.RawHTML:
			for i := 0; i < n.Segments.Len(); i++ {
				edits = appendRemoval(edits, src, n.Segments.At(i))
			}
		case *ast.Link:
			if len(n.Destination) > 0 && SafeURLFor(URLLink, string(n.Destination)) == "" {
				edits = appendEmptyDestination(edits, spans, n)
			}
		case *ast.Image:
			if len(n.Destination) > 0 && SafeURLFor(URLImage, string(n.Destination)) == "" {
				edits = appendEmptyDestination(edits, spans, n)
			}
		case *ast.AutoLink:
			if SafeURL(string(n.URL(src))) != "" {
				break
			}
			label := n.Label(src)
			start := n.Pos()
			end := start + 1 + len(label)
			if start >= 0 && end < len(src) && src[start] == '<' && src[end] == '>' {
				edits = append(edits, sourceEdit{start, end + 1, escapeMarkdownLine(string(label))})
			}
		}
		return ast.WalkContinue, nil
	})
	if len(edits) == 0 {
		return limited
	}
	return applySourceEdits(src, edits)
}

// sourceEdit replaces src[Start:Stop] with Text.
type sourceEdit struct {
	Start, Stop int
	Text        string
}

// appendRemoval adds the removal of seg, keeping its line breaks.
func appendRemoval(edits []sourceEdit, src []byte, seg text.Segment) []sourceEdit {
	if seg.Start < 0 || seg.Stop > len(src) || seg.Start >= seg.Stop {
		return edits
	}
	return append(edits, sourceEdit{seg.Start, seg.Stop, strings.Repeat("\n", strings.Count(string(src[seg.Start:seg.Stop]), "\n"))})
}

// appendTagEscapes adds a backslash before each "<" of the text segment
// seg that is not escaped yet.
func appendTagEscapes(edits []sourceEdit, src []byte, seg text.Segment) []sourceEdit {
	for i := seg.Start; i < seg.Stop && i < len(src); i++ {
		if src[i] != '<' || i+1 < len(src) && !startsTag(src[i+1]) {
			continue
		}
		backslashes := 0
		for j := i - 1; j >= 0 && src[j] == '\\'; j-- {
			backslashes++
		}
		if backslashes%2 == 0 {
			edits = append(edits, sourceEdit{i, i, `\`})
		}
	}
	return edits
}

// startsTag reports whether c, after a "<", could make it a tag, a
// comment or a processing instruction for some HTML-aware reader.
func startsTag(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '/' || c == '!' || c == '?'
}

// appendEmptyDestination adds the edit that turns what follows the label
// of link n ("](dest "title")", "][ref]" or the "]" of a shortcut
// reference) into "]()".
func appendEmptyDestination(edits []sourceEdit, spans map[ast.Node]linkSpan, n ast.Node) []sourceEdit {
	s, ok := spans[n]
	if !ok {
		return edits
	}
	return append(edits, sourceEdit{s.Close, s.End, "]()"})
}

// applySourceEdits applies non-overlapping edits to src; an edit that
// overlaps one before it is dropped.
func applySourceEdits(src []byte, edits []sourceEdit) string {
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].Start < edits[j].Start })
	var b strings.Builder
	b.Grow(len(src))
	at := 0
	for _, e := range edits {
		if e.Start < at {
			continue
		}
		b.Write(src[at:e.Start])
		b.WriteString(e.Text)
		at = e.Stop
	}
	b.Write(src[at:])
	return b.String()
}
