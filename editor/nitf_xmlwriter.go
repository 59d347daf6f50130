package editor

import (
	"bytes"
	"time"
	"unicode/utf8"
)

// This file holds the small XML writer that the NITF and NewsML-G2
// exports share: escaping that always gives well-formed XML 1.0, and
// element helpers that keep the markup readable.

// xmlWriter writes XML into a buffer. Element helpers take attributes as
// name, value pairs; a pair with an empty value is left out.
type xmlWriter struct {
	buf bytes.Buffer
}

// start writes an opening tag.
func (w *xmlWriter) start(name string, attrs ...string) {
	w.buf.WriteByte('<')
	w.buf.WriteString(name)
	w.attrs(attrs)
	w.buf.WriteByte('>')
}

// end writes a closing tag.
func (w *xmlWriter) end(name string) {
	w.buf.WriteString("</")
	w.buf.WriteString(name)
	w.buf.WriteByte('>')
}

// empty writes an element without content, <name a="v"/>.
func (w *xmlWriter) empty(name string, attrs ...string) {
	w.buf.WriteByte('<')
	w.buf.WriteString(name)
	w.attrs(attrs)
	w.buf.WriteString("/>")
}

// element writes <name attrs>text</name>.
func (w *xmlWriter) element(name, text string, attrs ...string) {
	w.start(name, attrs...)
	w.text(text)
	w.end(name)
}

// attrs writes name="value" pairs, leaving out empty values.
func (w *xmlWriter) attrs(attrs []string) {
	for i := 0; i+1 < len(attrs); i += 2 {
		if attrs[i+1] == "" {
			continue
		}
		w.buf.WriteByte(' ')
		w.buf.WriteString(attrs[i])
		w.buf.WriteString(`="`)
		writeXMLEscaped(&w.buf, attrs[i+1], true)
		w.buf.WriteByte('"')
	}
}

// text writes character data.
func (w *xmlWriter) text(s string) {
	writeXMLEscaped(&w.buf, s, false)
}

// raw writes markup as it is.
func (w *xmlWriter) raw(s string) {
	w.buf.WriteString(s)
}

// line writes a newline and indent spaces.
func (w *xmlWriter) line(indent int) {
	w.buf.WriteByte('\n')
	for range indent {
		w.buf.WriteString("  ")
	}
}

// writeXMLEscaped writes s as XML character data, or as an attribute value
// when attr is set. Characters XML 1.0 does not allow (most control
// characters, lone surrogates, U+FFFE and U+FFFF) become U+FFFD, so the
// output is always well formed. A carriage return is written as a
// character reference, which a parser keeps; in attributes tabs and
// newlines are too, since attribute normalisation would turn them into
// spaces.
func writeXMLEscaped(buf *bytes.Buffer, s string, attr bool) {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			buf.WriteString("\uFFFD")
			i++
			continue
		}
		i += size
		switch {
		case r == '&':
			buf.WriteString("&amp;")
		case r == '<':
			buf.WriteString("&lt;")
		case r == '>':
			buf.WriteString("&gt;")
		case r == '"' && attr:
			buf.WriteString("&quot;")
		case r == '\r':
			buf.WriteString("&#xD;")
		case (r == '\n' || r == '\t') && attr:
			if r == '\n' {
				buf.WriteString("&#xA;")
			} else {
				buf.WriteString("&#x9;")
			}
		case !isXMLChar(r):
			buf.WriteString("\uFFFD")
		default:
			buf.WriteRune(r)
		}
	}
}

// isXMLChar reports whether XML 1.0 allows r in a document.
func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// nitfNorm formats t as the compact ISO 8601 form of NITF's norm
// attributes, 20260121T093000+0000; the zero time gives "".
func nitfNorm(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(nitfNormLayout)
}

// nitfNormLayout is the layout of NITF's norm attributes.
const nitfNormLayout = "20060102T150405-0700"
