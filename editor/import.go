package editor

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// MaxImportBytes bounds the size of a file any importer accepts.
const MaxImportBytes = 10 << 20

// utf8BOM is the byte order mark some editors put at the start of UTF-8
// files.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// checkImportText rejects input no importer should read: empty, larger
// than MaxImportBytes, binary or not UTF-8. It returns the text without a
// byte order mark and with CRLF and CR line ends turned into LF. what names
// the format in messages, as in "Markdown file".
func checkImportText(data []byte, what string) ([]byte, error) {
	if len(data) > MaxImportBytes {
		return nil, Errorf(EINVALID, "the %s is larger than %d MB", what, MaxImportBytes>>20)
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, Errorf(EINVALID, "the %s is empty", what)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, Errorf(EINVALID, "the %s looks like a binary file, not text", what)
	}
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:invalidUTF8Offset(data)], []byte("\n"))
		return nil, Errorf(EINVALID, "the %s is not valid UTF-8 text (line %d); save it as UTF-8 and try again", what, line)
	}
	if bytes.IndexByte(data, '\r') >= 0 {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	}
	return data, nil
}

// invalidUTF8Offset returns the offset of the first byte of data that is
// not part of valid UTF-8.
func invalidUTF8Offset(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// DetectFormat tells the format of a file to import from its name and
// content: .txt is wire copy, .md and .markdown Markdown, .json ninjs, and
// .html and .htm an HTML article. A file without one of these extensions
// is judged by its content: a JSON object is ninjs, markup is HTML, front
// matter or Markdown syntax is Markdown, and text with a byline or
// copyright footer line is wire copy. Anything else is read as Markdown.
// Empty, binary and oversized files give an *Error with code EINVALID.
func DetectFormat(filename string, data []byte) (Format, error) {
	text, err := checkImportText(data, "file")
	if err != nil {
		return "", err
	}
	name := strings.ToLower(filename)
	switch {
	case strings.HasSuffix(name, ".txt") || strings.HasSuffix(name, ".text"):
		return FormatWire, nil
	case strings.HasSuffix(name, ".md") || strings.HasSuffix(name, ".markdown"):
		return FormatMarkdown, nil
	case strings.HasSuffix(name, ".json") || strings.HasSuffix(name, ".ninjs"):
		return FormatNinjs, nil
	case strings.HasSuffix(name, ".html") || strings.HasSuffix(name, ".htm") || strings.HasSuffix(name, ".xhtml"):
		return FormatHTML, nil
	}
	trimmed := bytes.TrimSpace(text)
	lower := bytes.ToLower(trimmed[:min(len(trimmed), 512)])
	switch {
	case trimmed[0] == '{':
		return FormatNinjs, nil
	case bytes.HasPrefix(lower, []byte("<!doctype html")) || bytes.HasPrefix(lower, []byte("<html")) ||
		bytes.HasPrefix(lower, []byte("<article")) || bytes.HasPrefix(lower, []byte("<div")) || bytes.HasPrefix(lower, []byte("<p")):
		return FormatHTML, nil
	case bytes.HasPrefix(text, []byte("---\n")) || bytes.HasPrefix(trimmed, []byte("# ")):
		return FormatMarkdown, nil
	}
	for i, line := range strings.Split(string(trimmed), "\n") {
		if i > 200 {
			break
		}
		line = strings.TrimSpace(line)
		if _, ok := parseWireByline(line); ok {
			return FormatWire, nil
		}
		if _, _, _, ok := parseWireFooter(line); ok {
			return FormatWire, nil
		}
	}
	return FormatMarkdown, nil
}

// Import reads data in format f into a new article: FormatMarkdown with
// ParseMarkdownArticle, FormatWire with ParseWireText, FormatNinjs with
// ParseNinjs, and FormatHTML or FormatHTMLFragment with
// ParseHTMLArticle. Every error is an *Error with code EINVALID.
func Import(f Format, data []byte) (*Article, error) {
	switch f {
	case FormatMarkdown:
		return ParseMarkdownArticle(data)
	case FormatWire:
		return ParseWireText(data)
	case FormatNinjs:
		return ParseNinjs(data)
	case FormatHTML, FormatHTMLFragment:
		return ParseHTMLArticle(data)
	}
	_, err := ParseFormat(string(f))
	return nil, err
}
