package editor

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// This file renders a body's goldmark AST as NITF 3.6 block content, the
// inside of <body.content>. NITF has fewer elements than Markdown, so a
// few constructs are marked with a class, and nitf_markdown.go reads them
// back:
//   - paragraphs <p>; headings <hl2>, with class "h1", "h3" … "h6" for
//     levels other than 2;
//   - lists <ul> and <ol> (seqnum when an ordered list does not start at
//     1) with <li>; a tight list's items hold their text directly, a loose
//     list's items hold <p> elements;
//   - block quotes <bq><block>…</block></bq>; code blocks <pre>, with
//     class "language-X" for a fenced block's info word; thematic breaks
//     <hr/>; tables <table> with <thead> and <tbody>, cells aligned with
//     align;
//   - a paragraph that is one image is a <media media-type="image"> with
//     its source and alternate text; an image inside text is
//     <a class="image" href="SRC">ALT</a>;
//   - emphasis <em>, strong emphasis <em class="strong">, strikethrough
//     <em class="strike">, code spans <em class="code">, links <a href>,
//     hard line breaks <br/>; soft line breaks are spaces;
//   - footnote references <a class="footnote-ref" href="#fn-N">N</a> and
//     the footnotes <fn id="fn-N"> at the end;
//   - raw HTML is dropped and unsafe link destinations are removed, as in
//     the HTML export.

// nitfBodyWriter writes block content for one body.
type nitfBodyWriter struct {
	w   *xmlWriter
	src []byte
	// indent is the indentation of the block being written.
	indent int
}

// writeNITFBlocks writes the blocks of a Markdown body, parsed with the
// shared pipeline and with unsafe links removed, at the given indentation.
func writeNITFBlocks(w *xmlWriter, body string, indent int) {
	doc, src := ParseBody(body)
	SanitizeLinks(doc, src)
	b := &nitfBodyWriter{w: w, src: src, indent: indent}
	b.blocks(doc)
}

// blocks writes the block children of n, each on a line of its own.
func (b *nitfBodyWriter) blocks(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		b.block(c)
	}
}

// nested writes the block children of n one level deeper.
func (b *nitfBodyWriter) nested(n ast.Node) {
	b.indent++
	b.blocks(n)
	b.indent--
	b.w.line(b.indent)
}

// block writes one block node.
func (b *nitfBodyWriter) block(n ast.Node) {
	w := b.w
	switch n := n.(type) {
	case *ast.Paragraph:
		if img, ok := soleImage(n); ok && linkURL(img.Destination, true) != "" {
			w.line(b.indent)
			w.start("media", "media-type", "image")
			w.empty("media-reference", "source", linkURL(img.Destination, true), "alternate-text", b.plain(img), "name", resolveText(img.Title))
			w.end("media")
			return
		}
		b.inlineBlock("p", "", n)
	case *ast.TextBlock:
		// A tight list item's text: written straight into the <li>.
		b.inline(n)
		b.trimTrailingSpace()
	case *ast.Heading:
		class := ""
		if n.Level != 2 {
			class = "h" + strconv.Itoa(n.Level)
		}
		b.inlineBlock("hl2", class, n)
	case *ast.List:
		b.list(n)
	case *ast.Blockquote:
		w.line(b.indent)
		w.start("bq")
		b.indent++
		w.line(b.indent)
		w.start("block")
		b.nested(n)
		w.end("block")
		b.indent--
		w.line(b.indent)
		w.end("bq")
	case *ast.FencedCodeBlock:
		class := ""
		if lang := strings.TrimSpace(string(n.Language(b.src))); lang != "" {
			class = "language-" + lang
		}
		b.pre(n, class)
	case *ast.CodeBlock:
		b.pre(n, "")
	case *ast.ThematicBreak:
		w.line(b.indent)
		w.empty("hr")
	case *ast.HTMLBlock:
		// Raw HTML is never exported.
	case *east.Table:
		b.table(n)
	case *east.FootnoteList:
		for fn := n.FirstChild(); fn != nil; fn = fn.NextSibling() {
			f, ok := fn.(*east.Footnote)
			if !ok {
				continue
			}
			w.line(b.indent)
			w.start("fn", "id", "fn-"+strconv.Itoa(f.Index))
			b.indent++
			w.line(b.indent)
			w.start("body.content")
			b.nested(f)
			w.end("body.content")
			b.indent--
			w.line(b.indent)
			w.end("fn")
		}
	default:
		b.blocks(n)
	}
}

// inlineBlock writes a block of inline content, <name class>…</name>,
// on a line of its own; a paragraph left without content (one of raw HTML
// only, say) is not written, and a heading without content is written
// empty. White space at its end, which Markdown drops, is dropped.
func (b *nitfBodyWriter) inlineBlock(name, class string, n ast.Node) {
	w := b.w
	mark := w.buf.Len()
	w.line(b.indent)
	w.start(name, "class", class)
	open := w.buf.Len()
	b.inline(n)
	b.trimTrailingSpace()
	if w.buf.Len() == open && name == "p" {
		w.buf.Truncate(mark)
		return
	}
	w.end(name)
}

// trimTrailingSpace drops the spaces at the end of what is written, the
// soft line break before a dropped raw HTML tag, say.
func (b *nitfBodyWriter) trimTrailingSpace() {
	buf := b.w.buf.Bytes()
	n := len(buf)
	for n > 0 && buf[n-1] == ' ' {
		n--
	}
	b.w.buf.Truncate(n)
}

// linkURL is the destination of a link or image as the HTML export
// writes it (escapes and references resolved, percent-encoded), or ""
// when SafeURL rejects it. resolve is false for autolinks, whose text is
// the URL as it is.
func linkURL(dest []byte, resolve bool) string {
	if len(dest) == 0 {
		return ""
	}
	return SafeURL(string(util.URLEscape(dest, resolve)))
}

// list writes a <ul> or <ol>: a tight list's items hold their text
// directly, a loose list's items hold paragraphs.
func (b *nitfBodyWriter) list(n *ast.List) {
	w := b.w
	name := "ul"
	var attrs []string
	if n.IsOrdered() {
		name = "ol"
		if n.Start != 1 {
			attrs = []string{"seqnum", strconv.Itoa(n.Start)}
		}
	}
	w.line(b.indent)
	w.start(name, attrs...)
	b.indent++
	for item := n.FirstChild(); item != nil; item = item.NextSibling() {
		w.line(b.indent)
		w.start("li")
		open := w.buf.Len()
		if onlyTextBlock(item) {
			b.blocks(item)
		} else {
			b.nested(item)
		}
		if len(bytes.TrimSpace(w.buf.Bytes()[open:])) == 0 {
			w.buf.Truncate(open) // nothing but raw HTML
		}
		w.end("li")
	}
	b.indent--
	w.line(b.indent)
	w.end(name)
}

// onlyTextBlock reports whether a list item holds nothing but one line of
// a tight list's text, which is written inline in its <li>.
func onlyTextBlock(item ast.Node) bool {
	c := item.FirstChild()
	if c == nil {
		return true
	}
	_, ok := c.(*ast.TextBlock)
	return ok && c.NextSibling() == nil
}

// pre writes a code block as <pre>, its lines as they are.
func (b *nitfBodyWriter) pre(n ast.Node, class string) {
	var sb strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		sb.Write(seg.Value(b.src))
	}
	b.w.line(b.indent)
	b.w.element("pre", strings.TrimSuffix(sb.String(), "\n"), "class", class)
}

// table writes a GFM table with a head row and body rows.
func (b *nitfBodyWriter) table(n *east.Table) {
	w := b.w
	w.line(b.indent)
	w.start("table")
	b.indent++
	var bodyRows []ast.Node
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		if _, ok := row.(*east.TableHeader); ok {
			w.line(b.indent)
			w.start("thead")
			b.row(row, "th")
			w.end("thead")
			continue
		}
		bodyRows = append(bodyRows, row)
	}
	if len(bodyRows) > 0 {
		w.line(b.indent)
		w.start("tbody")
		for _, row := range bodyRows {
			b.row(row, "td")
		}
		w.end("tbody")
	}
	b.indent--
	w.line(b.indent)
	w.end("table")
}

// row writes one table row with cells named cell.
func (b *nitfBodyWriter) row(row ast.Node, cell string) {
	b.w.start("tr")
	for c := row.FirstChild(); c != nil; c = c.NextSibling() {
		align := ""
		if tc, ok := c.(*east.TableCell); ok {
			switch tc.Alignment {
			case east.AlignLeft:
				align = "left"
			case east.AlignRight:
				align = "right"
			case east.AlignCenter:
				align = "center"
			}
		}
		b.w.start(cell, "align", align)
		b.inline(c)
		b.trimTrailingSpace()
		b.w.end(cell)
	}
	b.w.end("tr")
}

// soleImage returns the image that is a paragraph's only content.
func soleImage(p *ast.Paragraph) (*ast.Image, bool) {
	img, ok := p.FirstChild().(*ast.Image)
	if !ok || img.NextSibling() != nil {
		return nil, false
	}
	return img, true
}

// plain returns the text of n's inline children without markup, as an
// image's alternate text.
func (b *nitfBodyWriter) plain(n ast.Node) string {
	ww := &wireWriter{src: b.src}
	return strings.Join(strings.Fields(ww.inline(n)), " ")
}

// inline writes the inline children of n.
func (b *nitfBodyWriter) inline(n ast.Node) {
	w := b.w
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(b.src)
			if c.IsRaw() {
				w.text(string(v))
			} else {
				w.text(resolveText(v))
			}
			switch {
			case c.HardLineBreak():
				w.empty("br")
			case c.SoftLineBreak():
				w.text(" ")
			}
		case *ast.String:
			if c.IsCode() || c.IsRaw() {
				w.text(string(c.Value))
			} else {
				w.text(resolveText(c.Value))
			}
		case *ast.Emphasis:
			class := ""
			if c.Level >= 2 {
				class = "strong"
			}
			w.start("em", "class", class)
			b.inline(c)
			w.end("em")
		case *east.Strikethrough:
			w.start("em", "class", "strike")
			b.inline(c)
			w.end("em")
		case *ast.CodeSpan:
			// As the HTML export: line ends inside are spaces.
			var sb strings.Builder
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				switch t := t.(type) {
				case *ast.Text:
					v := t.Segment.Value(b.src)
					if bytes.HasSuffix(v, []byte("\n")) {
						v = append(v[:len(v)-1:len(v)-1], ' ')
					}
					sb.Write(v)
				case *ast.String:
					sb.Write(t.Value)
				}
			}
			w.element("em", sb.String(), "class", "code")
		case *ast.Link:
			href := linkURL(c.Destination, true)
			if href == "" {
				b.inline(c) // no safe destination: the text alone
				continue
			}
			w.start("a", "href", href, "title", resolveText(c.Title))
			b.inline(c)
			w.end("a")
		case *ast.AutoLink:
			label := string(c.Label(b.src))
			url := c.URL(b.src)
			if c.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower(url), []byte("mailto:")) {
				url = append([]byte("mailto:"), url...)
			}
			w.element("a", label, "href", linkURL(url, false))
		case *ast.Image:
			if dest := linkURL(c.Destination, true); dest != "" {
				w.element("a", b.plain(c), "class", "image", "href", dest, "title", resolveText(c.Title))
			} else {
				w.text(b.plain(c))
			}
		case *ast.RawHTML:
			// Raw HTML is never exported.
		case *east.FootnoteLink:
			n := strconv.Itoa(c.Index)
			w.element("a", n, "class", "footnote-ref", "href", "#fn-"+n)
		case *east.FootnoteBacklink:
		case *east.TaskCheckBox:
			if c.IsChecked {
				w.text("☑ ")
			} else {
				w.text("☐ ")
			}
		default:
			b.inline(c)
		}
	}
}
