package app

import (
	"sync"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// This file lays out the preview's rows: its own greedy word wrap, which
// measures text as the sum of cached glyph advances. fyne.MeasureText costs
// about half a millisecond for every string it has not seen, so measuring
// words made a 20,000-word preview take seconds; glyph advances are
// measured once per character and font. The sum is a hair wider than the
// shaped text (kerning only narrows it), so a line never overflows.
//
// Lines break only at spaces and hard breaks, never inside a word, and a
// word that spans several runs (a link and the full stop after it, a word
// half in bold) moves to the next line whole. A single word wider than the
// line is the only thing split, by characters.

// fontKey names one font at one size.
type fontKey struct {
	style fyne.TextStyle
	size  float32
}

// fontMetrics caches the advances of one font.
type fontMetrics struct {
	ascii  [128]float32
	other  map[rune]float32
	height float32
}

// textMeasurer measures text by glyph advances. It is safe for concurrent
// use.
type textMeasurer struct {
	mu    sync.Mutex
	fonts map[fontKey]*fontMetrics
}

// measurer is the process's glyph advance cache.
var measurer = &textMeasurer{fonts: map[fontKey]*fontMetrics{}}

func (m *textMeasurer) font(k fontKey) *fontMetrics {
	f, ok := m.fonts[k]
	if !ok {
		f = &fontMetrics{other: map[rune]float32{}}
		for i := range f.ascii {
			f.ascii[i] = -1
		}
		f.height = measurePreviewText("Mg", k).Height
		m.fonts[k] = f
	}
	return f
}

func (f *fontMetrics) advance(k fontKey, r rune) float32 {
	if r == '\t' {
		return 4 * f.advance(k, ' ')
	}
	if r < 128 {
		if w := f.ascii[r]; w >= 0 {
			return w
		}
		w := measurePreviewText(string(r), k).Width
		f.ascii[r] = w
		return w
	}
	if w, ok := f.other[r]; ok {
		return w
	}
	w := measurePreviewText(string(r), k).Width
	f.other[r] = w
	return w
}

// measurePreviewText measures s in the preview's font for k: the serif of
// previewFont, or the theme's font for monospace text.
func measurePreviewText(s string, k fontKey) fyne.Size {
	size, _ := fyne.CurrentApp().Driver().RenderedTextSize(s, k.size, k.style, previewFont(k.style))
	return size
}

// width returns the width of s in font k.
func (m *textMeasurer) width(k fontKey, s string) float32 {
	m.mu.Lock()
	defer m.mu.Unlock()
	f := m.font(k)
	var w float32
	for _, r := range s {
		w += f.advance(k, r)
	}
	return w
}

// lineHeight returns the height of a line of text in font k.
func (m *textMeasurer) lineHeight(k fontKey) float32 {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.font(k).height
}

// warmRunes are the characters warm measures ahead: printable ASCII and
// the typographic characters, markers and boxes the preview draws.
const warmRunes = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~‘’“”–—…•◦│☐☑"

// warmOnce starts warm once per process.
var warmOnce sync.Once

// warm measures warmRunes in the preview's usual fonts under th, so that
// the first layout, which may run on the UI goroutine before the view has
// a width for the worker to lay out at, does not pay about a millisecond
// for every character it meets first. It holds the lock for one glyph at
// a time, and gives up quietly if the app goes away meanwhile (tests).
func (m *textMeasurer) warm(th fyne.Theme) {
	defer func() { _ = recover() }()
	sizes := map[fyne.ThemeSizeName][]fyne.TextStyle{
		theme.SizeNameText:           {{}, {Bold: true}, {Italic: true}, {Bold: true, Italic: true}, {Monospace: true}},
		theme.SizeNameHeadingText:    {{Bold: true}},
		theme.SizeNameSubHeadingText: {{}, {Bold: true}},
	}
	for size, styles := range sizes {
		for _, st := range styles {
			k := fontKey{style: st, size: th.Size(size)}
			m.mu.Lock()
			f := m.font(k)
			m.mu.Unlock()
			for _, r := range warmRunes {
				m.mu.Lock()
				_ = f.advance(k, r)
				m.mu.Unlock()
			}
		}
	}
}

// keyOf returns the font of a run under th.
func keyOf(r *previewRun, th fyne.Theme) fontKey {
	return fontKey{style: r.style, size: th.Size(r.size)}
}

// linePiece is a stretch of one run on one line: text[start:end] of the
// run, drawn at x.
type linePiece struct {
	run        int
	start, end int
	x, width   float32
}

// wrappedLine is one line of wrapped text.
type wrappedLine struct {
	pieces []linePiece
	// width is the width of the line's text without trailing spaces;
	// height is the tallest font on it.
	width, height float32
	// hard is set when the line ends at a hard break ("\n").
	hard bool
}

// wrapRuns lays runs out in lines no wider than width.
func wrapRuns(runs []previewRun, width float32, th fyne.Theme) []wrappedLine {
	w := &wrapper{runs: runs, max: width, th: th}
	measurer.mu.Lock()
	defer measurer.mu.Unlock()
	w.fonts = make([]*fontMetrics, len(runs))
	w.keys = make([]fontKey, len(runs))
	for i := range runs {
		w.keys[i] = keyOf(&runs[i], th)
		w.fonts[i] = measurer.font(w.keys[i])
	}
	w.run()
	return w.lines
}

// wrapper holds the state of one wrap.
type wrapper struct {
	runs  []previewRun
	max   float32
	th    fyne.Theme
	fonts []*fontMetrics
	keys  []fontKey

	lines []wrappedLine
	cur   wrappedLine
	x     float32
	// word is the word being collected: pieces not yet placed.
	word  []linePiece
	wordW float32
}

func (w *wrapper) advance(run int, r rune) float32 {
	return w.fonts[run].advance(w.keys[run], r)
}

func (w *wrapper) run() {
	for ri := range w.runs {
		text := w.runs[ri].text
		for i := 0; i < len(text); {
			r, size := utf8.DecodeRuneInString(text[i:])
			switch r {
			case '\n':
				w.flushWord()
				w.addHeight(ri)
				w.endLine(true)
			case ' ':
				w.flushWord()
				w.place(linePiece{run: ri, start: i, end: i + size, width: w.advance(ri, r)}, true)
			default:
				w.addToWord(ri, i, i+size, w.advance(ri, r))
			}
			i += size
		}
	}
	w.flushWord()
	if len(w.cur.pieces) > 0 || len(w.lines) == 0 || w.lines[len(w.lines)-1].hard {
		w.endLine(false)
	}
	for i := range w.lines {
		if w.lines[i].height == 0 {
			w.lines[i].height = w.th.Size(theme.SizeNameText) * 1.3
			if len(w.runs) > 0 {
				w.lines[i].height = w.fonts[0].height
			}
		}
	}
}

func (w *wrapper) addHeight(run int) {
	w.cur.height = max(w.cur.height, w.fonts[run].height)
}

// addToWord adds a character to the word being collected.
func (w *wrapper) addToWord(run, start, end int, adv float32) {
	if n := len(w.word); n > 0 && w.word[n-1].run == run && w.word[n-1].end == start {
		w.word[n-1].end = end
		w.word[n-1].width += adv
	} else {
		w.word = append(w.word, linePiece{run: run, start: start, end: end, width: adv})
	}
	w.wordW += adv
}

// flushWord places the collected word: on this line if it fits, on the
// next if not, and split by characters only if no line can hold it.
func (w *wrapper) flushWord() {
	if len(w.word) == 0 {
		return
	}
	if w.x > 0 && w.x+w.wordW > w.max {
		w.endLine(false)
	}
	if w.wordW > w.max {
		w.splitWord()
	} else {
		for _, p := range w.word {
			w.place(p, false)
		}
	}
	w.word, w.wordW = w.word[:0], 0
}

// splitWord places a word wider than a line, breaking it between
// characters.
func (w *wrapper) splitWord() {
	for _, p := range w.word {
		text := w.runs[p.run].text
		for i := p.start; i < p.end; {
			r, size := utf8.DecodeRuneInString(text[i:])
			adv := w.advance(p.run, r)
			if w.x > 0 && w.x+adv > w.max {
				w.endLine(false)
			}
			w.place(linePiece{run: p.run, start: i, end: i + size, width: adv}, false)
			i += size
		}
	}
}

// place puts a piece at the end of the current line, merging it with the
// piece before when they are adjacent text of one run.
func (w *wrapper) place(p linePiece, space bool) {
	p.x = w.x
	ps := w.cur.pieces
	if n := len(ps); n > 0 && ps[n-1].run == p.run && ps[n-1].end == p.start {
		ps[n-1].end = p.end
		ps[n-1].width += p.width
	} else {
		w.cur.pieces = append(w.cur.pieces, p)
	}
	w.x += p.width
	if !space {
		w.cur.width = w.x
	}
	w.addHeight(p.run)
}

func (w *wrapper) endLine(hard bool) {
	w.cur.hard = hard
	w.lines = append(w.lines, w.cur)
	w.cur = wrappedLine{}
	w.x = 0
}

// linesHeight sums the heights of lines.
func linesHeight(lines []wrappedLine) float32 {
	var h float32
	for _, l := range lines {
		h += l.height
	}
	return h
}

// previewRowLayout is a row laid out at one width.
type previewRowLayout struct {
	width, height float32
	// decorWidth is where the text starts.
	decorWidth float32
	// lines are a text or code row's lines; cells a table row's, one
	// slice of lines per cell, each cell colWidth wide.
	lines    []wrappedLine
	cells    [][]wrappedLine
	colWidth float32
}

// previewCellPad is the padding inside a table cell.
const previewCellPad = 4

// layoutRow lays r out at width under th.
func layoutRow(r *previewRow, width float32, th fyne.Theme) *previewRowLayout {
	l := &previewRowLayout{width: width}
	if r.decor != "" {
		l.decorWidth = measurer.width(fontKey{style: decorStyle.TextStyle, size: th.Size(decorStyle.SizeName)}, r.decor)
	}
	avail := max(width-l.decorWidth, 1)
	pad := th.Size(theme.SizeNamePadding)
	switch r.kind {
	case rowRule:
		l.height = 2*pad + th.Size(theme.SizeNameSeparatorThickness)
	case rowTable:
		l.colWidth = avail / float32(max(r.cols, 1))
		var tallest float32
		l.cells = make([][]wrappedLine, len(r.cells))
		for j, c := range r.cells {
			l.cells[j] = wrapRuns(c, max(l.colWidth-2*previewCellPad, 1), th)
			tallest = max(tallest, linesHeight(l.cells[j]))
		}
		if len(r.cells) == 0 {
			tallest = measurer.lineHeight(fontKey{size: th.Size(theme.SizeNameText)})
		}
		l.height = tallest + 2*previewCellPad
		if r.lastInTable {
			l.height += pad
		}
	default:
		l.lines = wrapRuns(r.runs, avail, th)
		l.height = linesHeight(l.lines) + 2*pad // paragraph spacing
	}
	return l
}

// drawnText returns the text the layout draws, line by line: the pieces of
// each line in order, a wrapped line joined to the next directly and a
// hard break as "\n"; table cells are joined by tabs.
func (l *previewRowLayout) drawnText(r *previewRow) string {
	text := func(runs []previewRun, lines []wrappedLine) string {
		var s []byte
		for _, ln := range lines {
			for _, p := range ln.pieces {
				s = append(s, runs[p.run].text[p.start:p.end]...)
			}
			if ln.hard {
				s = append(s, '\n')
			}
		}
		return string(s)
	}
	if r.kind == rowTable {
		var s string
		for j, c := range l.cells {
			if j > 0 {
				s += "\t"
			}
			s += text(r.cells[j], c)
		}
		return s
	}
	return text(r.runs, l.lines)
}
