package editor

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

func (b *previewBuilder) paragraph(_ ast.Node, entering bool) ast.WalkStatus {
	if !entering {
		b.addBlock(Block{Kind: BlockParagraph, Inlines: b.takeInlines()})
	}
	return ast.WalkContinue
}

func (b *previewBuilder) heading(n ast.Node, entering bool) ast.WalkStatus {
	if !entering {
		b.addBlock(Block{Kind: BlockHeading, Level: n.(*ast.Heading).Level, Inlines: b.takeInlines()})
	}
	return ast.WalkContinue
}

func (b *previewBuilder) thematicBreak(_ ast.Node, entering bool) ast.WalkStatus {
	if entering {
		b.addBlock(Block{Kind: BlockRule})
	}
	return ast.WalkSkipChildren
}

func (b *previewBuilder) codeBlock(n ast.Node, entering bool) ast.WalkStatus {
	if !entering {
		return ast.WalkContinue
	}
	bl := Block{Kind: BlockCode}
	lines := n.Lines()
	var sb strings.Builder
	for i := range lines.Len() {
		seg := lines.At(i)
		sb.Write(seg.Value(b.src))
	}
	bl.Text = sb.String()
	if f, ok := n.(*ast.FencedCodeBlock); ok {
		if lang := f.Language(b.src); lang != nil {
			bl.Language = string(lang)
		}
	}
	b.addBlock(bl)
	return ast.WalkSkipChildren
}

func (b *previewBuilder) blockquote(_ ast.Node, entering bool) ast.WalkStatus {
	if entering {
		b.push()
	} else {
		c := b.pop()
		b.addBlock(Block{Kind: BlockQuote, Children: c.blocks})
	}
	return ast.WalkContinue
}

func (b *previewBuilder) list(n ast.Node, entering bool) ast.WalkStatus {
	l := n.(*ast.List)
	if entering {
		b.push()
		b.top().list = Block{Kind: BlockList, Ordered: l.IsOrdered(), Start: l.Start, Tight: l.IsTight}
		if !l.IsOrdered() {
			b.top().list.Start = 0
		}
	} else {
		b.addBlock(b.pop().list)
	}
	return ast.WalkContinue
}

// listItem opens a list item or a footnote; its blocks become one item of
// the enclosing list.
func (b *previewBuilder) listItem(_ ast.Node, entering bool) ast.WalkStatus {
	if entering {
		b.push()
	} else {
		item := b.pop().blocks
		if item == nil {
			item = []Block{}
		}
		l := &b.top().list
		l.Items = append(l.Items, item)
	}
	return ast.WalkContinue
}

func (b *previewBuilder) footnoteList(_ ast.Node, entering bool) ast.WalkStatus {
	if entering {
		b.push()
		b.top().list = Block{Kind: BlockFootnotes, Ordered: true, Start: 1}
	} else {
		b.addBlock(b.pop().list)
	}
	return ast.WalkContinue
}

func (b *previewBuilder) table(n ast.Node, entering bool) ast.WalkStatus {
	if entering {
		b.push()
		t := Block{Kind: BlockTable}
		for _, a := range n.(*east.Table).Alignments {
			t.Align = append(t.Align, alignmentOf(a))
		}
		b.top().list = t
	} else {
		b.addBlock(b.pop().list)
	}
	return ast.WalkContinue
}

func alignmentOf(a east.Alignment) Alignment {
	switch a {
	case east.AlignLeft:
		return AlignLeft
	case east.AlignCenter:
		return AlignCenter
	case east.AlignRight:
		return AlignRight
	}
	return AlignNone
}

func (b *previewBuilder) tableRow(_ ast.Node, entering bool) ast.WalkStatus {
	if entering {
		b.row = nil
	} else {
		t := &b.top().list
		t.Rows = append(t.Rows, b.row)
		b.row = nil
	}
	return ast.WalkContinue
}

func (b *previewBuilder) tableCell(_ ast.Node, entering bool) ast.WalkStatus {
	if !entering {
		b.row = append(b.row, b.takeInlines())
	}
	return ast.WalkContinue
}

func (b *previewBuilder) text(n ast.Node, entering bool) ast.WalkStatus {
	if !entering {
		return ast.WalkContinue
	}
	t := n.(*ast.Text)
	v := t.Segment.Value(b.src)
	if t.IsRaw() {
		b.emit(string(v), 0)
	} else {
		b.emit(resolveText(v), 0)
	}
	switch {
	case t.HardLineBreak():
		b.emit("\n", 0)
	case t.SoftLineBreak():
		b.emit(" ", 0)
	}
	return ast.WalkContinue
}

func (b *previewBuilder) str(n ast.Node, entering bool) ast.WalkStatus {
	if !entering {
		return ast.WalkContinue
	}
	s := n.(*ast.String)
	if s.IsCode() || s.IsRaw() {
		b.emit(string(s.Value), 0)
	} else {
		b.emit(resolveText(s.Value), 0)
	}
	return ast.WalkContinue
}

// codeSpan renders its own Text children, as the HTML renderer does: a line
// ending inside the span becomes a space.
func (b *previewBuilder) codeSpan(n ast.Node, entering bool) ast.WalkStatus {
	if !entering {
		return ast.WalkContinue
	}
	var sb strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		t, ok := c.(*ast.Text)
		if !ok {
			continue
		}
		v := t.Segment.Value(b.src)
		if bytes.HasSuffix(v, []byte("\n")) {
			sb.Write(v[:len(v)-1])
			sb.WriteByte(' ')
		} else {
			sb.Write(v)
		}
	}
	b.emit(sb.String(), StyleCode)
	return ast.WalkSkipChildren
}

func (b *previewBuilder) emphasis(n ast.Node, entering bool) ast.WalkStatus {
	if entering {
		s := StyleEmphasis
		if n.(*ast.Emphasis).Level == 2 {
			s = StyleStrong
		}
		b.pushStyle(s, "")
	} else {
		b.popStyle()
	}
	return ast.WalkContinue
}

func (b *previewBuilder) strikethrough(_ ast.Node, entering bool) ast.WalkStatus {
	if entering {
		b.pushStyle(StyleStrike, "")
	} else {
		b.popStyle()
	}
	return ast.WalkContinue
}

func (b *previewBuilder) link(n ast.Node, entering bool) ast.WalkStatus {
	if entering {
		b.pushStyle(StyleLink, safeURL(util.URLEscape(n.(*ast.Link).Destination, true)))
	} else {
		b.popStyle()
	}
	return ast.WalkContinue
}

func (b *previewBuilder) autoLink(n ast.Node, entering bool) ast.WalkStatus {
	if !entering {
		return ast.WalkContinue
	}
	l := n.(*ast.AutoLink)
	url := util.URLEscape(l.URL(b.src), false)
	if l.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower(url), []byte("mailto:")) {
		url = append([]byte("mailto:"), url...)
	}
	b.pushStyle(StyleLink, safeURL(url))
	b.emit(string(l.Label(b.src)), 0)
	b.popStyle()
	return ast.WalkSkipChildren
}

// image renders the placeholder from the alt text, which it collects from
// its children itself (as the HTML renderer's alt attribute does); the
// children are not drawn again.
func (b *previewBuilder) image(n ast.Node, entering bool) ast.WalkStatus {
	if !entering {
		return ast.WalkContinue
	}
	var sb strings.Builder
	b.altText(&sb, n)
	b.emit(ImagePlaceholder(sb.String()), StyleImage)
	return ast.WalkSkipChildren
}

func (b *previewBuilder) altText(sb *strings.Builder, n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.String:
			if c.IsCode() || c.IsRaw() {
				sb.Write(c.Value)
			} else {
				sb.WriteString(resolveText(c.Value))
			}
		case *ast.Text:
			v := c.Segment.Value(b.src)
			if c.IsRaw() {
				sb.Write(v)
			} else {
				sb.WriteString(resolveText(v))
			}
			if c.HardLineBreak() || c.SoftLineBreak() {
				sb.WriteByte('\n')
			}
		default:
			b.altText(sb, c)
		}
	}
}

func (b *previewBuilder) taskCheckBox(n ast.Node, entering bool) ast.WalkStatus {
	if entering {
		box := CheckboxOpen
		if n.(*east.TaskCheckBox).IsChecked {
			box = CheckboxChecked
		}
		b.emit(box, StyleCheckbox)
	}
	return ast.WalkSkipChildren
}

func (b *previewBuilder) footnoteLink(n ast.Node, entering bool) ast.WalkStatus {
	if entering {
		b.emit(strconv.Itoa(n.(*east.FootnoteLink).Index), StyleFootnoteRef)
	}
	return ast.WalkSkipChildren
}

func (b *previewBuilder) datelineRunIn(n ast.Node, entering bool) ast.WalkStatus {
	if entering {
		b.emit(n.(*DatelineRunIn).PlainText(), StyleDateline)
	}
	return ast.WalkSkipChildren
}
