package app

import (
	"hash/maphash"
	"strconv"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dateline-news/dateline/editor"
)

// This file flattens an editor.Preview into the rows of the preview's
// virtual list: one row per paragraph, heading, frame line, code block,
// rule or table row, each with its decoration prefix (list marker,
// indentation, quote bars). Rows hold text and theme names only, no canvas
// objects, so they are built on the render worker; a content hash per row
// lets the view reuse the layout of every row an edit did not touch.

// previewRun is a run of preview text in one look.
type previewRun struct {
	text  string
	style fyne.TextStyle
	size  fyne.ThemeSizeName
	color fyne.ThemeColorName
	// url is a link's destination; "" for text that is not a link.
	url string
}

// rowKind says how a row is drawn.
type rowKind uint8

const (
	// rowText is a paragraph, heading, frame line, notice or error: runs
	// wrapped at word boundaries.
	rowText rowKind = iota
	// rowCode is a code block: one monospace run, its lines kept.
	rowCode
	// rowRule is a thematic break or the separator above footnotes.
	rowRule
	// rowTable is one row of a table: cells in equal columns.
	rowTable
)

// previewRow is one row of the preview.
type previewRow struct {
	kind rowKind
	// decor is the prefix drawn before the text: markers, indentation,
	// quote bars. It is not text content.
	decor string
	runs  []previewRun
	// cells, align, cols and header describe a table row; cols is the
	// column count of the whole table, so its rows line up.
	cells  [][]previewRun
	align  []fyne.TextAlign
	cols   int
	header bool
	// lastInTable marks a table's last row, which has the gap below.
	lastInTable bool
	// notice marks a notice above the article: not text content.
	notice bool
	// block is the index of the top-level editor.Block the row belongs
	// to, -1 for notices and errors.
	block int
	// hash identifies the row's content for reusing its layout.
	hash uint64
	// pre is the layout the render worker made, if any; the view takes it
	// when it is for the view's width.
	pre *previewRowLayout
}

// decorStyle draws list markers, indentation and quote bars.
var decorStyle = widget.RichTextStyle{
	ColorName: theme.ColorNamePrimary,
	Inline:    true,
	SizeName:  theme.SizeNameText,
	TextStyle: fyne.TextStyle{Monospace: true},
}

const (
	indentStep = "   "
	quoteBar   = "│ "
)

// rowBuilder flattens preview blocks into rows.
type rowBuilder struct {
	rows  []*previewRow
	block int
}

// previewRows returns the rows of pv: its notices first, then its blocks.
func previewRows(pv *editor.Preview) []*previewRow {
	c := &rowBuilder{block: -1}
	for _, n := range pv.Notices {
		c.noticeRow(n, theme.ColorNameWarning)
	}
	for i := range pv.Blocks {
		c.block = i
		c.blockRows(&pv.Blocks[i], "", "", false)
	}
	for _, r := range c.rows {
		r.hash = r.contentHash()
	}
	return c.rows
}

// errorRows returns the rows that show msg as an error.
func errorRows(msg string) []*previewRow {
	c := &rowBuilder{block: -1}
	c.noticeRow(msg, theme.ColorNameError)
	c.rows[0].notice = false // the error is what the preview shows
	c.rows[0].hash = c.rows[0].contentHash()
	return c.rows
}

func (c *rowBuilder) noticeRow(msg string, color fyne.ThemeColorName) {
	c.rows = append(c.rows, &previewRow{kind: rowText, notice: true, block: -1,
		runs: []previewRun{{text: msg, style: fyne.TextStyle{Italic: true}, size: theme.SizeNameText, color: color}}})
	c.rows[len(c.rows)-1].hash = c.rows[len(c.rows)-1].contentHash()
}

func (c *rowBuilder) add(r *previewRow) {
	r.block = c.block
	c.rows = append(c.rows, r)
}

// blocksRows converts bs; first is the decoration before the first block
// (a list marker with its indentation), rest the one before every later
// block.
func (c *rowBuilder) blocksRows(bs []editor.Block, first, rest string, quoted bool) {
	for i := range bs {
		d := rest
		if i == 0 {
			d = first
		}
		c.blockRows(&bs[i], d, rest, quoted)
	}
}

func (c *rowBuilder) blockRows(b *editor.Block, decor, cont string, quoted bool) {
	switch b.Kind {
	case editor.BlockQuote:
		c.blocksRows(b.Children, decor+quoteBar, cont+quoteBar, true)
	case editor.BlockList, editor.BlockFootnotes, editor.BlockRelatedList:
		if b.Kind == editor.BlockFootnotes {
			c.add(&previewRow{kind: rowRule})
		}
		bullet := "•"
		if strings.Contains(cont, indentStep) {
			bullet = "◦"
		}
		for i, item := range b.Items {
			marker := bullet
			if b.Ordered {
				marker = strconv.Itoa(b.Start+i) + "."
			}
			marker = padMarker(marker)
			c.blocksRows(item, decor+marker, cont+indentStep, quoted)
			decor = cont
		}
	case editor.BlockTable:
		c.tableRows(b, decor, cont)
	case editor.BlockRule:
		c.add(&previewRow{kind: rowRule, decor: decor})
	case editor.BlockCode:
		s := widget.RichTextStyleCodeBlock
		c.add(&previewRow{kind: rowCode, decor: decor, runs: []previewRun{runOf(strings.TrimSuffix(b.Text, "\n"), s, "")}})
	default:
		c.add(&previewRow{kind: rowText, decor: decor, runs: inlineRuns(b.Inlines, blockStyle(b, quoted))})
	}
}

// tableRows adds one row per table row, the header row bold on the header
// background.
func (c *rowBuilder) tableRows(b *editor.Block, decor, cont string) {
	cols := 0
	for _, row := range b.Rows {
		cols = max(cols, len(row))
	}
	if cols == 0 {
		return
	}
	align := make([]fyne.TextAlign, cols)
	for j := range align {
		if j < len(b.Align) {
			switch b.Align[j] {
			case editor.AlignCenter:
				align[j] = fyne.TextAlignCenter
			case editor.AlignRight:
				align[j] = fyne.TextAlignTrailing
			}
		}
	}
	for i, row := range b.Rows {
		base := widget.RichTextStyleParagraph
		if i == 0 {
			base.TextStyle.Bold = true
		}
		cells := make([][]previewRun, len(row))
		for j, cell := range row {
			cells[j] = inlineRuns(cell, base)
		}
		d := cont
		if i == 0 {
			d = decor
		}
		c.add(&previewRow{kind: rowTable, decor: d, cells: cells, align: align, cols: cols, header: i == 0, lastInTable: i == len(b.Rows)-1})
	}
}

// runOf makes a run of text in the look of style s, linking to url.
func runOf(text string, s widget.RichTextStyle, url string) previewRun {
	r := previewRun{text: text, style: s.TextStyle, size: s.SizeName, color: s.ColorName, url: url}
	if r.size == "" {
		r.size = theme.SizeNameText
	}
	if r.color == "" {
		r.color = theme.ColorNameForeground
	}
	if url != "" {
		r.color = theme.ColorNameHyperlink
	}
	return r
}

// inlineRuns maps inlines to runs on the block's base style.
func inlineRuns(ins []editor.Inline, base widget.RichTextStyle) []previewRun {
	runs := make([]previewRun, 0, len(ins))
	for _, in := range ins {
		url := ""
		if in.Style&editor.StyleLink != 0 {
			url = in.URL
		}
		runs = append(runs, runOf(in.Text, inlineStyle(base, in.Style), url))
	}
	return runs
}

// blockStyle is the base style of a text block's runs.
func blockStyle(b *editor.Block, quoted bool) widget.RichTextStyle {
	s := widget.RichTextStyleParagraph
	switch b.Kind {
	case editor.BlockHeadline:
		s = widget.RichTextStyleHeading
	case editor.BlockHeading:
		switch b.Level {
		case 1:
			s = widget.RichTextStyleHeading
		case 2:
			s = widget.RichTextStyleSubHeading
		default:
			s.TextStyle.Bold = true
		}
	case editor.BlockDeck:
		s.SizeName = theme.SizeNameSubHeadingText
	case editor.BlockRelatedHeading:
		s = widget.RichTextStyleSubHeading
	case editor.BlockByline, editor.BlockTagline, editor.BlockCorrection:
		s.TextStyle.Italic = true
	case editor.BlockFooter:
		s.ColorName = theme.ColorNamePlaceHolder
	}
	if quoted {
		s.TextStyle.Italic = true
	}
	return s
}

// inlineStyle applies an inline's style flags to the block's base style:
// strong and the dateline bold, emphasis, byline and images italic, code
// monospace, struck text dimmed (Fyne has no strikethrough), footnote
// references small in the primary colour.
func inlineStyle(base widget.RichTextStyle, st editor.InlineStyle) widget.RichTextStyle {
	s := base
	s.Inline = true
	if st&(editor.StyleStrong|editor.StyleDateline) != 0 {
		s.TextStyle.Bold = true
	}
	if st&(editor.StyleEmphasis|editor.StyleByline|editor.StyleImage) != 0 {
		s.TextStyle.Italic = true
	}
	if st&editor.StyleCode != 0 {
		s.TextStyle.Monospace = true
	}
	if st&editor.StyleStrike != 0 {
		s.ColorName = theme.ColorNameDisabled
	}
	if st&editor.StyleImage != 0 {
		s.ColorName = theme.ColorNamePlaceHolder
	}
	if st&editor.StyleFootnoteRef != 0 {
		s.SizeName = theme.SizeNameCaptionText
		s.ColorName = theme.ColorNamePrimary
	}
	return s
}

// padMarker pads a list marker to the indentation width, with at least one
// space after it.
func padMarker(m string) string {
	if n := utf8.RuneCountInString(m); n < len(indentStep) {
		return m + strings.Repeat(" ", len(indentStep)-n)
	}
	return m + " "
}

// rowHashSeed seeds every row hash of the process.
var rowHashSeed = maphash.MakeSeed()

// contentHash hashes everything that decides the row's look.
func (r *previewRow) contentHash() uint64 {
	var h maphash.Hash
	h.SetSeed(rowHashSeed)
	flag := func(b bool) byte {
		if b {
			return 1
		}
		return 0
	}
	_ = h.WriteByte(byte(r.kind))
	_ = h.WriteByte(flag(r.header)<<2 | flag(r.lastInTable)<<1 | flag(r.notice))
	_, _ = h.WriteString(r.decor)
	_ = h.WriteByte(0)
	writeRuns := func(runs []previewRun) {
		for _, run := range runs {
			_, _ = h.WriteString(run.text)
			_ = h.WriteByte(0)
			_ = h.WriteByte(styleBits(run.style))
			_, _ = h.WriteString(string(run.size))
			_ = h.WriteByte(0)
			_, _ = h.WriteString(string(run.color))
			_ = h.WriteByte(0)
			_, _ = h.WriteString(run.url)
			_ = h.WriteByte(1)
		}
		_ = h.WriteByte(2)
	}
	writeRuns(r.runs)
	for _, c := range r.cells {
		writeRuns(c)
	}
	for _, a := range r.align {
		_ = h.WriteByte(byte(a))
	}
	_, _ = h.WriteString(strconv.Itoa(r.cols))
	return h.Sum64()
}

// styleBits packs the flags of a text style.
func styleBits(s fyne.TextStyle) byte {
	var b byte
	for i, f := range []bool{s.Bold, s.Italic, s.Monospace, s.Symbol, s.Underline} {
		if f {
			b |= 1 << i
		}
	}
	return b
}

// text returns the row's text content as editor.Preview.PlainText has it:
// runs joined, table cells separated by tabs, a newline at the end; rules
// and notices have none.
func (r *previewRow) text() string {
	if r.kind == rowRule || r.notice {
		return ""
	}
	var b strings.Builder
	if r.kind == rowTable {
		for j, c := range r.cells {
			if j > 0 {
				b.WriteByte('\t')
			}
			for _, run := range c {
				b.WriteString(run.text)
			}
		}
	} else {
		for _, run := range r.runs {
			b.WriteString(run.text)
		}
	}
	b.WriteByte('\n')
	return b.String()
}
