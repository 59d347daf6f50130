package editor

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file turns NITF block content back into Markdown: the inverse of
// nitf_body.go for what Dateline writes, and a faithful reading of what
// agencies send (blocks, quotes, lists, tables, media, pre, and the
// inline elements that mark people, places and numbers, whose text is
// kept). Text is escaped so that the shared pipeline gives it back
// exactly: no character turns into markup, and the Typographer changes no
// quote or dash that the file did not have.

// nitfMarkdown converts NITF elements of one namespace to Markdown.
type nitfMarkdown struct {
	// space is the namespace of the NITF elements: NITFNamespace, or ""
	// for NITF written without one.
	space string
	// notes are the footnote definitions met so far, written after the
	// body.
	notes []string
	// lastList is the marker of the list just written, so that two lists
	// in a row get different markers and stay two lists.
	lastList string
	// lineStart is set while nothing has been written on the current line
	// of Markdown, where more characters must be escaped.
	lineStart bool
}

// nitfBlockNames are the NITF elements that are blocks.
var nitfBlockNames = map[string]bool{
	"p": true, "hl1": true, "hl2": true, "table": true, "nitf-table": true, "media": true, "ol": true, "ul": true,
	"dl": true, "dt": true, "dd": true, "bq": true, "fn": true, "note": true, "pre": true, "hr": true, "block": true,
	"body.content": true, "abstract": true, "credit": true,
}

// body converts the children of the given block containers to a Markdown
// body, footnotes last.
func (m *nitfMarkdown) body(containers ...*xmlNode) string {
	var blocks []string
	for _, c := range containers {
		blocks = append(blocks, m.blocks(c.Kids)...)
	}
	blocks = append(blocks, m.notes...)
	return strings.Join(blocks, "\n\n")
}

// isBlock reports whether n is a NITF block element.
func (m *nitfMarkdown) isBlock(n *xmlNode) bool {
	return !n.isText() && n.Name.Space == m.space && nitfBlockNames[n.Name.Local]
}

// blocks converts a run of nodes in block context. Text and inline
// elements between blocks form paragraphs of their own.
func (m *nitfMarkdown) blocks(kids []*xmlNode) []string {
	var out []string
	var run []*xmlNode
	flush := func() {
		if len(run) == 0 {
			return
		}
		if s := m.paragraph(run); s != "" {
			out = append(out, s)
			m.lastList = ""
		}
		run = nil
	}
	for _, k := range kids {
		if !k.isText() && k.Name.Space != m.space && k.Name.Space != "" && m.space != "" {
			continue // an extension element of another namespace
		}
		if !m.isBlock(k) {
			run = append(run, k)
			continue
		}
		flush()
		if s := m.block(k); s != "" {
			out = append(out, s)
		}
	}
	flush()
	return out
}

// block converts one block element.
func (m *nitfMarkdown) block(n *xmlNode) string {
	list := m.lastList
	m.lastList = ""
	switch n.Name.Local {
	case "p", "dt", "credit":
		return m.paragraph(n.Kids)
	case "hl1", "hl2":
		level := 2
		if n.Name.Local == "hl1" {
			level = 1
		}
		if c := n.attr("class"); len(c) == 2 && c[0] == 'h' && c[1] >= '1' && c[1] <= '6' {
			level = int(c[1] - '0')
		}
		text := m.inline(n.Kids, true)
		if text == "" {
			return strings.Repeat("#", level)
		}
		// A run of # at the end would close the heading.
		if i := len(strings.TrimRight(text, "#")); i < len(text) {
			text = text[:i] + "\\" + text[i:]
		}
		return strings.Repeat("#", level) + " " + text
	case "ul", "ol":
		return m.list(n, list)
	case "bq":
		inner := strings.Join(m.blocks(n.Kids), "\n\n")
		if inner == "" {
			return ">"
		}
		return prefixLines(inner, "> ", ">")
	case "pre":
		return codeFence(n.text(), strings.TrimPrefix(n.attr("class"), "language-"))
	case "hr":
		// Not "---" or "***": after a list marker those read as a
		// thematic break of their own.
		return "___"
	case "table":
		return m.table(n)
	case "media":
		return m.media(n)
	case "fn":
		return m.footnote(n)
	}
	return strings.Join(m.blocks(n.Kids), "\n\n")
}

// paragraph converts inline content to a paragraph, or "" when it has no
// text.
func (m *nitfMarkdown) paragraph(kids []*xmlNode) string {
	return m.inline(kids, true)
}

// list converts <ul> or <ol>. A list whose items hold paragraphs is loose.
// prev is the marker of a list just before, which this one must not reuse.
func (m *nitfMarkdown) list(n *xmlNode, prev string) string {
	ordered := n.Name.Local == "ol"
	marker := "-"
	if ordered {
		marker = "."
	}
	if marker == prev {
		marker = map[string]string{"-": "*", ".": ")"}[marker]
	}
	start := 1
	if s, err := strconv.Atoi(strings.TrimSpace(n.attr("seqnum"))); err == nil && s >= 0 && s < 1e9 {
		start = s
	}
	items := n.children(m.space, "li")
	loose := false
	for _, li := range items {
		for _, k := range li.Kids {
			if k.is(m.space, "p") {
				loose = true
			}
		}
	}
	sep := "\n"
	if loose {
		sep = "\n\n"
	}
	var out []string
	for i, li := range items {
		mark := marker
		if ordered {
			mark = strconv.Itoa(start+i) + marker
		}
		inner := strings.Join(m.blocks(li.Kids), sep)
		if inner == "" {
			out = append(out, mark)
			continue
		}
		pad := strings.Repeat(" ", utf8.RuneCountInString(mark)+1)
		out = append(out, mark+" "+indentLines(inner, pad))
	}
	if len(out) == 0 {
		return ""
	}
	m.lastList = marker
	return strings.Join(out, sep)
}

// table converts a table to a GFM table: the head row (the first row when
// there is no <thead>), the alignments of its cells and the body rows.
func (m *nitfMarkdown) table(n *xmlNode) string {
	var head *xmlNode
	var rows []*xmlNode
	var walk func(*xmlNode, bool)
	walk = func(n *xmlNode, inHead bool) {
		for _, k := range n.Kids {
			switch {
			case k.is(m.space, "tr"):
				if inHead && head == nil {
					head = k
				} else {
					rows = append(rows, k)
				}
			case k.is(m.space, "thead"):
				walk(k, true)
			case k.is(m.space, "tbody", "tfoot"):
				walk(k, false)
			}
		}
	}
	walk(n, false)
	if head == nil {
		if len(rows) == 0 {
			return ""
		}
		head, rows = rows[0], rows[1:]
	}
	cells := func(tr *xmlNode) []*xmlNode {
		var out []*xmlNode
		for _, k := range tr.Kids {
			if k.is(m.space, "th", "td") {
				out = append(out, k)
			}
		}
		return out
	}
	hc := cells(head)
	if len(hc) == 0 {
		return ""
	}
	row := func(cs []*xmlNode) string {
		var b strings.Builder
		b.WriteString("|")
		for i := range hc {
			text := ""
			if i < len(cs) {
				text = m.inline(cs[i].Kids, false)
			}
			b.WriteString(" " + text + " |")
		}
		return b.String()
	}
	lines := []string{row(hc)}
	var sep strings.Builder
	sep.WriteString("|")
	for _, c := range hc {
		switch c.attr("align") {
		case "left":
			sep.WriteString(" :-- |")
		case "right":
			sep.WriteString(" --: |")
		case "center":
			sep.WriteString(" :-: |")
		default:
			sep.WriteString(" --- |")
		}
	}
	lines = append(lines, sep.String())
	for _, r := range rows {
		lines = append(lines, row(cells(r)))
	}
	return strings.Join(lines, "\n")
}

// media converts a media object: an image becomes an image paragraph,
// other media a link to the file; captions follow as text.
func (m *nitfMarkdown) media(n *xmlNode) string {
	var out []string
	for _, ref := range n.children(m.space, "media-reference") {
		src := SafeURL(ref.attr("source"))
		alt := firstNonEmpty(ref.attr("alternate-text"), oneLine(ref.text()))
		if src == "" {
			if alt != "" {
				out = append(out, escapeMarkdownText(alt, true))
			}
			continue
		}
		if strings.EqualFold(n.attr("media-type"), "image") || strings.HasPrefix(ref.attr("mime-type"), "image/") {
			out = append(out, "!["+escapeMarkdownText(alt, false)+"]("+exactDestination(src)+markdownTitle(ref.attr("name"))+")")
		} else {
			out = append(out, "["+escapeMarkdownText(firstNonEmpty(alt, src), false)+"]("+exactDestination(src)+")")
		}
	}
	for _, c := range n.children(m.space, "media-caption") {
		out = append(out, m.blocks(c.Kids)...)
	}
	return strings.Join(out, "\n\n")
}

// footnote keeps a footnote written as <fn id="fn-N"> as a Markdown
// footnote definition, written after the body; any other footnote is
// kept as text where it stands.
func (m *nitfMarkdown) footnote(n *xmlNode) string {
	inner := strings.Join(m.blocks(n.Kids), "\n\n")
	label, ok := strings.CutPrefix(n.attr("id"), "fn-")
	if !ok || !isFootnoteLabel(label) || inner == "" {
		return inner
	}
	m.notes = append(m.notes, "[^"+label+"]: "+indentLines(inner, "    "))
	return ""
}

// inline converts inline content to Markdown on one line (hard breaks
// aside). White space that holds a line break or tab collapses to one
// space; the text is trimmed.
func (m *nitfMarkdown) inline(kids []*xmlNode, block bool) string {
	var b strings.Builder
	m.lineStart = true
	m.inlineTo(&b, kids)
	s := strings.Trim(b.String(), " \t\r\n")
	if !block {
		s = strings.ReplaceAll(s, "\\\n", " ")
	}
	return s
}

// inlineTo writes inline nodes; lineStart tells the text escaper where a
// line of Markdown starts.
func (m *nitfMarkdown) inlineTo(b *strings.Builder, kids []*xmlNode) {
	for _, k := range kids {
		if k.isText() {
			text := collapseXMLSpace(k.Text)
			if m.lineStart && strings.ContainsAny(k.Text, "\n\r") {
				// Indentation of pretty-printed XML.
				text = strings.TrimLeft(text, " ")
			}
			if text != "" {
				b.WriteString(escapeMarkdownText(text, m.lineStart))
				m.lineStart = false
			}
			continue
		}
		if k.Name.Space != m.space {
			continue
		}
		before := b.Len()
		switch k.Name.Local {
		case "em":
			m.emphasis(b, k)
		case "a":
			m.link(b, k)
		case "br":
			b.WriteString("\\\n")
			m.lineStart = true
		case "q":
			b.WriteString("“")
			m.inlineTo(b, k.Kids)
			b.WriteString("”")
		default:
			m.inlineTo(b, k.Kids)
		}
		if b.Len() > before && k.Name.Local != "br" {
			m.lineStart = false
		}
	}
}

// emphasis writes <em>: its class or style says strong ("strong",
// "bold"), strikethrough ("strike", "del") or code ("code"); plain
// emphasis otherwise. White space inside the markers moves outside them.
func (m *nitfMarkdown) emphasis(b *strings.Builder, n *xmlNode) {
	kind := strings.ToLower(n.attr("class") + " " + n.attr("style"))
	if strings.Contains(kind, "code") {
		b.WriteString(codeSpan(collapseXMLSpace(n.text())))
		return
	}
	var inner strings.Builder
	m.inlineTo(&inner, n.Kids)
	s := inner.String()
	trimmed := strings.TrimSpace(s)
	if trimmed == "" {
		b.WriteString(s)
		return
	}
	mark := "*"
	startsSingle := strings.HasPrefix(trimmed, "*") && !strings.HasPrefix(trimmed, "**")
	endsSingle := strings.HasSuffix(trimmed, "*") && !strings.HasSuffix(trimmed, "**")
	if startsSingle || endsSingle {
		mark = "_" // *…* right inside *…* would read as strong emphasis
	}
	switch {
	case strings.Contains(kind, "strong") || strings.Contains(kind, "bold"):
		mark = "**"
	case strings.Contains(kind, "strike") || strings.Contains(kind, "del"):
		mark = "~~"
	}
	lead := s[:len(s)-len(strings.TrimLeft(s, " "))]
	trail := s[len(strings.TrimRight(s, " ")):]
	b.WriteString(lead + mark + trimmed + mark + trail)
}

// link writes <a>: a footnote reference, an inline image, a link, or the
// text alone when there is no safe destination.
func (m *nitfMarkdown) link(b *strings.Builder, n *xmlNode) {
	href := strings.TrimSpace(n.attr("href"))
	class := n.attr("class")
	if label, ok := strings.CutPrefix(href, "#fn-"); ok && class == "footnote-ref" && isFootnoteLabel(label) {
		b.WriteString("[^" + label + "]")
		return
	}
	var inner strings.Builder
	m.inlineTo(&inner, n.Kids)
	text := inner.String()
	dest := SafeURL(href)
	switch {
	case dest == "":
		b.WriteString(inner.String())
	case class == "image":
		b.WriteString("![" + text + "](" + exactDestination(dest) + markdownTitle(n.attr("title")) + ")")
	default:
		b.WriteString("[" + text + "](" + exactDestination(dest) + markdownTitle(n.attr("title")) + ")")
	}
}

// collapseXMLSpace turns each run of white space that holds a line break,
// as pretty-printed XML has, into one space. Runs of spaces and tabs alone
// are text and stay.
func collapseXMLSpace(s string) string {
	if !strings.ContainsAny(s, "\n\r") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] != ' ' && s[i] != '\n' && s[i] != '\r' && s[i] != '\t' {
			b.WriteByte(s[i])
			i++
			continue
		}
		j := i
		for j < len(s) && (s[j] == ' ' || s[j] == '\n' || s[j] == '\r' || s[j] == '\t') {
			j++
		}
		if strings.ContainsAny(s[i:j], "\n\r") {
			b.WriteByte(' ')
		} else {
			b.WriteString(s[i:j])
		}
		i = j
	}
	return b.String()
}

// escapeMarkdownText escapes s so that the shared pipeline renders it as
// exactly s: every ASCII punctuation character that could start markup or
// that the Typographer would replace (quotes, dashes, dots, angle quotes)
// gets a backslash, as do the characters that would make a URL or e-mail
// address an autolink, and at the start of a line the characters that
// would open a block. Leading spaces at a line start become character
// references, which Markdown keeps.
func escapeMarkdownText(s string, lineStart bool) string {
	var b strings.Builder
	rs := []rune(s)
	if lineStart {
		for len(rs) > 0 && (rs[0] == ' ' || rs[0] == '\t') {
			b.WriteString("&#" + strconv.Itoa(int(rs[0])) + ";")
			rs = rs[1:]
		}
	}
	for i, r := range rs {
		prev, next := rune(0), rune(0)
		if i > 0 {
			prev = rs[i-1]
		}
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		first := lineStart && i == 0
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '&', '|', '~', '"', '\'', '$':
			b.WriteByte('\\')
		case '-':
			if prev == '-' || next == '-' || first {
				b.WriteByte('\\')
			}
		case '.':
			afterWWW := i >= 3 && strings.EqualFold(string(rs[i-3:i]), "www") // a "www." autolink
			if prev == '.' || next == '.' || lineStart && isAllDigits(string(rs[:i])) && i > 0 || afterWWW {
				b.WriteByte('\\')
			}
		case ')':
			if lineStart && i > 0 && isAllDigits(string(rs[:i])) {
				b.WriteByte('\\')
			}
		case '#', '+', '=':
			if first {
				b.WriteByte('\\')
			}
		case '!':
			if next == '[' || i == len(rs)-1 {
				b.WriteByte('\\')
			}
		case '@':
			// Text, not an e-mail autolink.
			b.WriteByte('\\')
		case ':':
			// Text, not a URL autolink: "http\://x".
			if strings.HasPrefix(string(rs[i+1:]), "//") {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// codeSpan writes s as a code span, with a fence longer than any run of
// backticks inside and the padding CommonMark strips.
func codeSpan(s string) string {
	fence := strings.Repeat("`", longestRun(s, '`')+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") ||
		(strings.HasPrefix(s, " ") && strings.HasSuffix(s, " ") && strings.TrimSpace(s) != "") {
		s = " " + s + " "
	}
	return fence + s + fence
}

// codeFence writes a fenced code block with an info word.
func codeFence(code, info string) string {
	n := max(3, longestRun(code, '`')+1)
	fence := strings.Repeat("`", n)
	info = strings.Join(strings.Fields(info), "")
	if strings.Contains(info, "`") {
		info = ""
	}
	if code == "" {
		return fence + info + "\n" + fence
	}
	return fence + info + "\n" + code + "\n" + fence
}

// longestRun returns the length of the longest run of c in s.
func longestRun(s string, c byte) int {
	best, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			run++
			best = max(best, run)
		} else {
			run = 0
		}
	}
	return best
}

// exactDestination writes a link destination that reads back as exactly u:
// as it is when it is
// plain, otherwise in angle brackets; backslashes, entities and brackets
// are escaped either way.
func exactDestination(u string) string {
	var b strings.Builder
	plain := true
	for _, r := range u {
		switch r {
		case '\\', '&', '<', '>':
			b.WriteByte('\\')
		case ' ', '(', ')':
			plain = false
		}
		if r < 0x20 || r == 0x7f {
			continue
		}
		b.WriteRune(r)
	}
	if plain {
		return b.String()
	}
	return "<" + b.String() + ">"
}

// markdownTitle writes a link title with its leading space, or "".
func markdownTitle(t string) string {
	if strings.TrimSpace(t) == "" {
		return ""
	}
	for strings.Contains(t, "\n\n") {
		t = strings.ReplaceAll(t, "\n\n", "\n") // a blank line would end it
	}
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, `&`, `\&`)
	return ` "` + r.Replace(t) + `"`
}

// indentLines indents every line of s after the first by pad; blank lines
// stay blank.
func indentLines(s, pad string) string {
	lines := strings.Split(s, "\n")
	for i := 1; i < len(lines); i++ {
		if lines[i] != "" {
			lines[i] = pad + lines[i]
		}
	}
	return strings.Join(lines, "\n")
}

// prefixLines puts prefix before every line of s, and blank before blank
// ones.
func prefixLines(s, prefix, blank string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l == "" {
			lines[i] = blank
		} else {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "\n")
}
