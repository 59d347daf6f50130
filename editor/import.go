package editor

import (
	"bytes"
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
