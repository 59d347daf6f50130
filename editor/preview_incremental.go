package editor

import (
	"context"
	"fmt"
	"hash/maphash"
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"
)

// PreviewCache makes BuildPreview incremental: it splits the body into
// chunks that goldmark parses the same alone as within the whole body
// (bodyChunks), keys each chunk's blocks by a hash of its source, and after
// an edit parses only the chunks whose source changed. A one-character
// edit in a 20,000-word story parses one paragraph. Bodies that a chunk
// cannot be parsed alone in (link reference definitions, footnotes, raw
// HTML at the start of a line, all of which reach across blank lines) are
// parsed whole, as BuildPreview does. A PreviewCache is safe for
// concurrent use; the zero value is ready.
type PreviewCache struct {
	mu     sync.Mutex
	chunks map[uint64][]Block
	// parsed counts the chunks parsed rather than found, for tests.
	parsed int
}

// chunkSeed seeds the chunk hashes of the process.
var chunkSeed = maphash.MakeSeed()

// Build is BuildPreviewContext with the chunks of earlier builds reused.
// Its result equals BuildPreviewContext's.
func (c *PreviewCache) Build(ctx context.Context, a *Article, p Profile, opt RenderOptions) (*Preview, error) {
	chunks, ok := bodyChunks(a.PublicBody())
	if !ok {
		return BuildPreviewContext(ctx, a, p, opt)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	f, err := buildExportFrame(a, p, opt)
	if err != nil {
		return nil, fmt.Errorf("preview: %w", err)
	}
	runIn := NewDatelineRunIn(a.Dateline, p.Dash)
	var runInText string
	if runIn != nil {
		runInText = runIn.PlainText()
	}
	c.mu.Lock()
	old := c.chunks
	c.mu.Unlock()
	next := make(map[uint64][]Block, len(chunks))
	var body []Block
	line, placed := 0, runIn == nil
	for _, ch := range chunks {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		var h maphash.Hash
		h.SetSeed(chunkSeed)
		_, _ = h.WriteString(ch)
		if !placed {
			_ = h.WriteByte(0)
			_, _ = h.WriteString(runInText)
		}
		key := h.Sum64()
		blocks, found := old[key]
		if !found {
			blocks, err = chunkBlocks(ctx, ch, placed, a.Dateline, p.Dash)
			if err != nil {
				return nil, err
			}
			c.mu.Lock()
			c.parsed++
			c.mu.Unlock()
		}
		next[key] = blocks
		if !placed && hasRunIn(blocks) {
			placed = true
		}
		for _, bl := range blocks {
			if bl.SourceEnd > 0 {
				bl.SourceStart += line
				bl.SourceEnd += line
			}
			body = append(body, bl)
		}
		line += strings.Count(ch, "\n")
	}
	if !placed {
		// No paragraph to open: the run-in is a paragraph of its own at
		// the top, as ParseArticleBody makes it.
		body = append([]Block{{Kind: BlockParagraph, Inlines: []Inline{{Text: runInText, Style: StyleDateline}}}}, body...)
	}
	c.mu.Lock()
	c.chunks = next
	c.mu.Unlock()
	return assemblePreview(a, f, body), nil
}

// hasRunIn reports whether the first paragraph of blocks opens with the
// dateline run-in.
func hasRunIn(blocks []Block) bool {
	for _, b := range blocks {
		if b.Kind == BlockParagraph {
			return len(b.Inlines) > 0 && b.Inlines[0].Style&StyleDateline != 0
		}
	}
	return false
}

// chunkBlocks parses one chunk and renders its blocks; unless placed, the
// run-in opens the chunk's first top-level paragraph, if it has one.
func chunkBlocks(ctx context.Context, chunk string, placed bool, d Dateline, dash string) ([]Block, error) {
	doc, src := ParseBody(chunk)
	if !placed {
		if runIn := NewDatelineRunIn(d, dash); runIn != nil {
			for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
				if para, ok := n.(*ast.Paragraph); ok {
					if first := para.FirstChild(); first != nil {
						para.InsertBefore(para, first, runIn)
					} else {
						para.AppendChild(para, runIn)
					}
					break
				}
			}
		}
	}
	SanitizeLinks(doc, src)
	return renderPreviewBlocksContext(ctx, doc, src)
}

// bodyChunks splits body before every line that starts a new top-level
// block whatever came before it: a line at the left margin, after a blank
// line, outside a fenced code block, that is not a list item (which may
// continue the list above). It returns false when the body holds
// something that reaches across chunks: a link reference or footnote
// definition, a footnote reference, or raw HTML at the start of a line
// (an HTML block may span blank lines).
func bodyChunks(body string) ([]string, bool) {
	// A definition's label may span lines, so any "]:" counts.
	if strings.Contains(body, "]:") || strings.Contains(body, "[^") {
		return nil, false
	}
	var chunks []string
	start, blank := 0, false
	var fence byte
	fenceLen := 0
	for pos := 0; pos < len(body); {
		end := strings.IndexByte(body[pos:], '\n')
		if end < 0 {
			end = len(body)
		} else {
			end += pos
		}
		line := body[pos:end]
		trimmed := strings.TrimLeft(line, " ")
		indent := len(line) - len(trimmed)
		if indent <= 3 && len(trimmed) > 0 && trimmed[0] == '<' {
			return nil, false
		}
		if blank && fence == 0 && pos > start && len(line) > 0 && line[0] != ' ' && line[0] != '\t' && markerLen(line) == 0 {
			chunks = append(chunks, body[start:pos])
			start = pos
		}
		if indent <= 3 {
			if c, n := fenceRun(trimmed); n >= 3 {
				switch {
				case fence == 0 && (c == '~' || !strings.Contains(trimmed[n:], "`")):
					fence, fenceLen = c, n
				case fence == c && n >= fenceLen && strings.TrimSpace(trimmed[n:]) == "":
					fence = 0
				}
			}
		}
		blank = strings.TrimSpace(line) == ""
		pos = end + 1
	}
	if start < len(body) {
		chunks = append(chunks, body[start:])
	}
	return chunks, true
}

// fenceRun returns the fence character that s starts with and how many
// of it there are, or 0, 0.
func fenceRun(s string) (byte, int) {
	if s == "" || (s[0] != '`' && s[0] != '~') {
		return 0, 0
	}
	n := 0
	for n < len(s) && s[n] == s[0] {
		n++
	}
	return s[0], n
}
