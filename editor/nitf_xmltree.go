package editor

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
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
	text, err := checkImportText(data, what)
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

// xmlCharsetReader accepts the encodings a UTF-8 file may declare: the
// input has been checked to be UTF-8, so a declaration of US-ASCII or
// Latin-1 on it is only wrong when it holds other characters, which the
// error then says.
func xmlCharsetReader(charset string, input io.Reader) (io.Reader, error) {
	switch strings.ToLower(charset) {
	case "utf-8", "utf8", "us-ascii", "ascii":
		return input, nil
	}
	data, err := io.ReadAll(input)
	if err != nil {
		return nil, err
	}
	for _, c := range data {
		if c >= 0x80 {
			return nil, fmt.Errorf("the file declares encoding %q but is UTF-8; change its XML declaration to UTF-8", charset)
		}
	}
	return bytes.NewReader(data), nil
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
