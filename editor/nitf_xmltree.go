package editor

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// This file reads an XML document into a small tree for the NITF and
// NewsML-G2 importers, with the limits that keep hostile input harmless.
// encoding/xml expands no entity a document declares (only the five XML
// entities and character references), so an entity bomb is a syntax
// error, not an explosion; the tree's depth and node count are bounded,
// and the input is bounded by checkImportText's MaxImportBytes.

// Limits of the XML importers.
const (
	// maxXMLDepth is the deepest element nesting an XML import accepts.
	maxXMLDepth = 200
	// maxXMLNodes is the most elements and text runs an XML import reads.
	maxXMLNodes = 500_000
)

// xmlNode is an element of a parsed document, or a run of text (an empty
// Name.Local).
type xmlNode struct {
	Name xml.Name
	Attr []xml.Attr
	Kids []*xmlNode
	Text string
}

// isText reports whether n is a run of text.
func (n *xmlNode) isText() bool { return n.Name.Local == "" }

// is reports whether n is an element of namespace space (any namespace
// when space is "*") with one of the local names.
func (n *xmlNode) is(space string, locals ...string) bool {
	if n == nil || n.isText() || (space != "*" && n.Name.Space != space) {
		return false
	}
	for _, l := range locals {
		if n.Name.Local == l {
			return true
		}
	}
	return false
}

// attr returns the value of the attribute with the local name, in no
// namespace, or "".
func (n *xmlNode) attr(local string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.Attr {
		if a.Name.Local == local && a.Name.Space == "" {
			return a.Value
		}
	}
	return ""
}

// attrNS returns the value of the attribute of namespace space with the
// local name, or "".
func (n *xmlNode) attrNS(space, local string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.Attr {
		if a.Name.Local == local && a.Name.Space == space {
			return a.Value
		}
	}
	return ""
}

// child returns the first child element of namespace space with the local
// name, or nil.
func (n *xmlNode) child(space, local string) *xmlNode {
	if n == nil {
		return nil
	}
	for _, k := range n.Kids {
		if k.is(space, local) {
			return k
		}
	}
	return nil
}

// children returns the child elements of namespace space with the local
// name.
func (n *xmlNode) children(space, local string) []*xmlNode {
	if n == nil {
		return nil
	}
	var out []*xmlNode
	for _, k := range n.Kids {
		if k.is(space, local) {
			out = append(out, k)
		}
	}
	return out
}

// path follows child elements of namespace space by local names.
func (n *xmlNode) path(space string, locals ...string) *xmlNode {
	for _, l := range locals {
		n = n.child(space, l)
	}
	return n
}

// text returns the text content of n and everything inside it.
func (n *xmlNode) text() string {
	if n == nil {
		return ""
	}
	if n.isText() {
		return n.Text
	}
	var b strings.Builder
	var walk func(*xmlNode)
	walk = func(n *xmlNode) {
		for _, k := range n.Kids {
			if k.isText() {
				b.WriteString(k.Text)
			} else {
				walk(k)
			}
		}
	}
	walk(n)
	return b.String()
}

// parseXMLTree checks data as checkImportText does and parses it into a
// tree. what names the format in messages ("NITF file"). A document that
// is not well formed, nests deeper than maxXMLDepth or holds more than
// maxXMLNodes nodes gives an *Error with code EINVALID that says so and
// where.
func parseXMLTree(data []byte, what string) (*xmlNode, error) {
	text, err := checkImportText(declaredCharsetToUTF8(data), what)
	if err != nil {
		return nil, err
	}
	dec := xml.NewDecoder(bytes.NewReader(text))
	dec.Strict = true
	dec.CharsetReader = xmlCharsetReader
	root := &xmlNode{Name: xml.Name{Local: "#document"}}
	stack := []*xmlNode{root}
	nodes := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, xmlSyntaxError(err, what)
		}
		top := stack[len(stack)-1]
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) > maxXMLDepth {
				line, _ := dec.InputPos()
				return nil, Errorf(EINVALID, "the %s nests elements more than %d deep (line %d)", what, maxXMLDepth, line)
			}
			nodes++
			if nodes > maxXMLNodes {
				return nil, Errorf(EINVALID, "the %s has more than %d elements and texts", what, maxXMLNodes)
			}
			n := &xmlNode{Name: t.Name, Attr: t.Copy().Attr}
			top.Kids = append(top.Kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) == 1 {
				if len(bytes.TrimSpace(t)) > 0 {
					line, _ := dec.InputPos()
					return nil, Errorf(EINVALID, "the %s is not well-formed XML: line %d: text outside the root element", what, line)
				}
				continue // white space around the root element
			}
			if k := len(top.Kids); k > 0 && top.Kids[k-1].isText() {
				top.Kids[k-1].Text += string(t)
				continue
			}
			nodes++
			if nodes > maxXMLNodes {
				return nil, Errorf(EINVALID, "the %s has more than %d elements and texts", what, maxXMLNodes)
			}
			top.Kids = append(top.Kids, &xmlNode{Text: string(t)})
		}
	}
	var doc *xmlNode
	for _, k := range root.Kids {
		if !k.isText() {
			doc = k
		}
	}
	if doc == nil {
		return nil, Errorf(EINVALID, "the %s holds no XML element", what)
	}
	return doc, nil
}

// xmlSyntaxError words a decoder error for the user, with its line.
func xmlSyntaxError(err error, what string) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		msg := se.Msg
		if strings.HasPrefix(msg, "invalid character entity") {
			msg += " (entities a document declares are not expanded)"
		}
		return Errorf(EINVALID, "the %s is not well-formed XML: line %d: %s", what, se.Line, msg)
	}
	return Errorf(EINVALID, "the %s is not well-formed XML: %v", what, err)
}

// xmlCharsetReader is reached for a declared encoding that
// declaredCharsetToUTF8 did not turn into UTF-8: a US-ASCII file is read
// as it is, anything else is refused with a message that says what to do.
func xmlCharsetReader(charset string, input io.Reader) (io.Reader, error) {
	switch strings.ToLower(charset) {
	case "utf-8", "utf8", "us-ascii", "ascii":
		return input, nil
	}
	return nil, fmt.Errorf("the file declares encoding %q, which Dateline cannot read; save it as UTF-8", charset)
}

// xmlDeclEncoding finds the encoding of an XML declaration.
var xmlDeclEncoding = regexp.MustCompile(`^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']`)

// singleByteCharsets are the encodings agencies still declare on XML
// copy that Dateline turns into UTF-8.
var singleByteCharsets = map[string]*charmap.Charmap{
	"iso-8859-1": charmap.ISO8859_1, "iso8859-1": charmap.ISO8859_1, "iso_8859-1": charmap.ISO8859_1, "latin1": charmap.ISO8859_1,
	"iso-8859-15": charmap.ISO8859_15, "latin-9": charmap.ISO8859_15,
	"windows-1252": charmap.Windows1252, "cp1252": charmap.Windows1252,
}

// declaredCharsetToUTF8 reads a file whose XML declaration names
// ISO-8859-1, ISO-8859-15 or Windows-1252 as what it says, and returns it
// in UTF-8 with a declaration that says so. A file so declared that is
// valid UTF-8 already (a common mislabelling) is kept as it is. Any other
// file is returned unchanged.
func declaredCharsetToUTF8(data []byte) []byte {
	if len(data) > MaxImportBytes {
		return data
	}
	m := xmlDeclEncoding.FindSubmatchIndex(data[:min(len(data), 256)])
	if m == nil {
		return data
	}
	cm := singleByteCharsets[strings.ToLower(string(data[m[2]:m[3]]))]
	if cm == nil {
		return data
	}
	out := make([]byte, 0, len(data)+16)
	out = append(out, data[:m[2]]...)
	out = append(out, "UTF-8"...)
	rest := data[m[3]:]
	if !utf8.Valid(data) {
		decoded, err := cm.NewDecoder().Bytes(rest)
		if err != nil {
			return data
		}
		rest = decoded
	}
	return append(out, rest...)
}

// xmlRoot returns the namespace and local name of the root element of
// text, reading no further than it; ok is false when text does not start
// with an XML element.
func xmlRoot(text []byte) (xml.Name, bool) {
	dec := xml.NewDecoder(bytes.NewReader(text))
	dec.Strict = true
	dec.CharsetReader = xmlCharsetReader
	for range 64 {
		tok, err := dec.Token()
		if err != nil {
			return xml.Name{}, false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return t.Name, true
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return xml.Name{}, false
			}
		}
	}
	return xml.Name{}, false
}
