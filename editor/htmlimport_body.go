package editor

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// This file readies an HTML body for html-to-markdown so that the Markdown
// it gives renders to the same HTML again: the export's heading shift is
// undone, task boxes, autolinks and table alignment survive (the converter
// drops the first, spells the second as [url](url) and reads alignment
// only from align attributes), and adjacent lists stay apart without the
// converter's <!--THE END--> comment where Markdown needs none.

// headingAtoms are the heading elements by level, from h1.
var headingAtoms = []atom.Atom{atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6}

// bodyH6Class marks an <h6> that was a level-6 heading in the body, which
// the export could not shift under the page's <h1>.
const bodyH6Class = "body-h6"

// raiseHeadings undoes the export's shift of body headings under the
// page's <h1>: h2 becomes h1 (the body's #), h3 h2, and so on; an <h6>
// marked bodyH6Class stays. An <h1> in the body stays.
func raiseHeadings(body *html.Node) {
	for _, n := range allElements(body, func(n *html.Node) bool {
		return slices.Index(headingAtoms, n.DataAtom) > 0 && !hasHTMLClass(n, bodyH6Class)
	}) {
		a := headingAtoms[slices.Index(headingAtoms, n.DataAtom)-1]
		n.DataAtom, n.Data = a, a.String()
	}
}

// markdownSubs are the Markdown texts that stand in the converted body
// for placeholders put into the HTML before conversion.
type markdownSubs struct {
	from, to []string
}

// add returns a new placeholder for md: letters and digits only, so the
// converter passes it through unescaped.
func (s *markdownSubs) add(md string) string {
	p := "DATELINESUB" + strconv.Itoa(len(s.from)) + "X"
	s.from = append(s.from, p)
	s.to = append(s.to, md)
	return p
}

// apply replaces the placeholders in md, the last first (so that SUB1X
// does not match inside SUB12X).
func (s *markdownSubs) apply(md string) string {
	for i := len(s.from) - 1; i >= 0; i-- {
		md = strings.ReplaceAll(md, s.from[i], s.to[i])
	}
	return md
}

// replaceWithText puts a text node in n's place.
func replaceWithText(n *html.Node, text string) {
	if n.Parent == nil {
		return
	}
	n.Parent.InsertBefore(&html.Node{Type: html.TextNode, Data: text}, n)
	n.Parent.RemoveChild(n)
}

// prepareHTMLBodyImport rewrites body for the converter and returns the
// placeholders to replace in its Markdown:
//   - a task box <input type="checkbox"> in a list item becomes [x] or [ ];
//   - a link whose text is its own address (the export's autolinks, class
//     "url") becomes an autolink <URL>, or the bare text for www. links;
//   - table cells aligned by a class (align-left …) or a text-align style
//     get the align attribute the converter reads.
func prepareHTMLBodyImport(body *html.Node) *markdownSubs {
	subs := &markdownSubs{}
	for _, n := range allElements(body, func(n *html.Node) bool {
		return n.DataAtom == atom.Input && strings.EqualFold(htmlAttr(n, "type"), "checkbox") && n.Parent != nil && n.Parent.DataAtom == atom.Li
	}) {
		box := "[ ]"
		if hasHTMLAttr(n, "checked") {
			box = "[x]"
		}
		replaceWithText(n, subs.add(box))
	}
	for _, n := range allElements(body, func(n *html.Node) bool { return n.DataAtom == atom.A }) {
		href, text := htmlAttr(n, "href"), nodeText(n)
		if md, ok := autolinkMarkdown(href, text); ok && SafeURL(href) != "" {
			replaceWithText(n, subs.add(md))
		}
	}
	for _, n := range allElements(body, func(n *html.Node) bool { return n.DataAtom == atom.Table }) {
		for _, c := range allElements(n, func(n *html.Node) bool { return n.DataAtom == atom.Th || n.DataAtom == atom.Td }) {
			if align := cellAlignment(c); align != "" && htmlAttr(c, "align") == "" {
				c.Attr = append(c.Attr, html.Attribute{Key: "align", Val: align})
			}
		}
	}
	tightNestedLists(body)
	return subs
}

// tightMark stands before a list nested in an item of a tight list; the
// converter writes a blank line there, which would make the list loose,
// and separateLists takes it out with the mark.
const tightMark = "DATELINETIGHTX"

// tightNestedLists marks the lists nested in the items of tight lists
// (lists whose items hold no <p>, as goldmark writes a tight list).
func tightNestedLists(body *html.Node) {
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.DataAtom != atom.Ul && n.DataAtom != atom.Ol || !isTightList(n) {
			return
		}
		for li := n.FirstChild; li != nil; li = li.NextSibling {
			if li.DataAtom != atom.Li {
				continue
			}
			for c := li.FirstChild; c != nil; c = c.NextSibling {
				if (c.DataAtom == atom.Ul || c.DataAtom == atom.Ol) && c.PrevSibling != nil {
					li.InsertBefore(&html.Node{Type: html.TextNode, Data: tightMark}, c)
				}
			}
		}
	}
	walk(body)
}

// isTightList reports whether no item of list holds a paragraph.
func isTightList(list *html.Node) bool {
	for li := list.FirstChild; li != nil; li = li.NextSibling {
		for c := li.FirstChild; c != nil; c = c.NextSibling {
			if c.DataAtom == atom.P {
				return false
			}
		}
	}
	return true
}

// tightMarkRun is tightMark with the blank lines the converter put after it.
var tightMarkRun = regexp.MustCompile(`[ \t]*` + tightMark + `[ \t]*\n(?:[ \t]*\n)*`)

// autolinkMarkdown is the Markdown of a link whose text is its address:
// <https://…> or <name@host>, or the text itself for a www. link that
// GFM's autolinks find again; ok is false for any other link.
func autolinkMarkdown(href, text string) (string, bool) {
	if text == "" || strings.ContainsAny(text, " <>\t\n") {
		return "", false
	}
	switch {
	case href == text && strings.Contains(text, ":"):
		return "<" + text + ">", true
	case href == "mailto:"+text:
		return "<" + text + ">", true
	case href == "http://"+text && strings.HasPrefix(text, "www."):
		return text, true
	}
	return "", false
}

// textAlignStyle finds a text-align declaration.
var textAlignStyle = regexp.MustCompile(`text-align:\s*(left|center|right)`)

// cellAlignment returns the alignment of a table cell: its align-X class
// or its text-align style, or "".
func cellAlignment(c *html.Node) string {
	for _, a := range []string{"left", "center", "right"} {
		if hasHTMLClass(c, "align-"+a) {
			return a
		}
	}
	if m := textAlignStyle.FindStringSubmatch(htmlAttr(c, "style")); m != nil {
		return m[1]
	}
	return ""
}

// hasHTMLAttr reports whether n has the attribute key.
func hasHTMLAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// listEndComment is the comment html-to-markdown puts between two adjacent
// lists.
const listEndComment = "<!--THE END-->"

// listMarker matches the marker of a top-level list item.
var listMarker = regexp.MustCompile(`^(?:([-*+])|(\d{1,9})([.)])) `)

// separateLists replaces the converter's comment between adjacent lists:
// lists of different kinds (bullets and numbers) need no separator, and a
// list after one of the same kind is told apart by its marker (* after -,
// 1) after 1.), as CommonMark reads it. The comment would otherwise reach
// every later export as an omitted HTML block. It also closes the blank
// line before a list nested in a tight list (tightMark).
func separateLists(md string) string {
	md = tightMarkRun.ReplaceAllString(md, "\n")
	if !strings.Contains(md, listEndComment) {
		return md
	}
	lines := strings.Split(md, "\n")
	var out []string
	for i := 0; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) != listEndComment {
			out = append(out, lines[i])
			continue
		}
		prev := lastTopLevelMarker(out)
		next := i + 1
		for next < len(lines) && strings.TrimSpace(lines[next]) == "" {
			next++
		}
		if prev == nil || next == len(lines) {
			out = append(out, lines[i])
			continue
		}
		nm := listMarker.FindStringSubmatch(lines[next])
		if nm == nil {
			out = append(out, lines[i])
			continue
		}
		// Drop the comment and the blank line after it.
		if len(out) > 0 && strings.TrimSpace(out[len(out)-1]) == "" {
			i = next - 1
		}
		if (prev[1] != "") != (nm[1] != "") {
			continue // a bullet list and a numbered one
		}
		// Same kind: give the next list the other marker.
		from, to := nm[1], "*"
		if from == "" {
			from, to = nm[3], ")"
			if prev[3] == ")" {
				to = "."
			}
		} else if prev[1] == "*" {
			to = "-"
		}
		for j := next; j < len(lines); j++ {
			l := lines[j]
			if l == "" || strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t") {
				continue
			}
			m := listMarker.FindStringSubmatchIndex(l)
			if m == nil {
				break
			}
			if strings.TrimSpace(l) == listEndComment {
				break
			}
			if nm[1] != "" {
				lines[j] = to + l[1:]
			} else {
				end := m[7] - 1
				lines[j] = l[:end] + strings.Replace(l[end:], from, to, 1)
			}
		}
	}
	return strings.Join(out, "\n")
}

// lastTopLevelMarker returns the marker match of the last line in lines
// that starts at the margin, if it is a list item.
func lastTopLevelMarker(lines []string) []string {
	for i := len(lines) - 1; i >= 0; i-- {
		l := lines[i]
		if l == "" || strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t") {
			continue
		}
		return listMarker.FindStringSubmatch(l)
	}
	return nil
}
