package textedit

import (
	"sort"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
)

// paraLayout is the cached layout of one paragraph: its Markdown style and
// wrapped lines for the width and text size it was made for.
type paraLayout struct {
	// prev is the layout before the last edit inside the paragraph, kept
	// so that wrapping again can start near the edit.
	prev   *prevLayout
	valid  bool
	width  float32
	wrapW  float32
	size   float32
	style  paraStyle
	lines  []line
	lineH  float32
	indent float32
	height float32
}

// prevLayout is a paragraph's layout before an edit inside it, and where
// the edit was: bytes [off, off+oldLen) became [off, off+newLen).
type prevLayout struct {
	width, size         float32
	wrapW               float32
	heading             int
	lines               []line
	spans               []span
	off, oldLen, newLen int
}

// fyneMeasurer measures text with fyne.MeasureText and remembers the width
// of every word it measured (keyed by the word, its style and the text
// size) in a cache that every editor shares, so that wrapping a paragraph
// again after an edit or a resize measures only new words.
type fyneMeasurer struct {
	size float32
	// calls counts real measurements, for tests.
	calls int
}

type measureKey struct {
	s       string
	st      spanStyle
	heading int
	size    float32
}

// maxMeasureCache bounds the word cache; it is emptied when full.
const maxMeasureCache = 100_000

// widths is the word-width cache all editors share. Widgets live on the UI
// goroutine, but tests may build editors on several.
var widths struct {
	sync.Mutex
	m map[measureKey]float32
}

func (f *fyneMeasurer) width(s string, st spanStyle, heading int) float32 {
	k := measureKey{s, st, heading, f.size}
	widths.Lock()
	w, ok := widths.m[k]
	widths.Unlock()
	if ok {
		return w
	}
	if ascii(s) {
		w = f.asciiWidth(s, st, heading)
	} else {
		w = f.raw(s, st, heading)
	}
	k.s = strings.Clone(s) // do not keep the whole paragraph alive
	widths.Lock()
	if widths.m == nil || len(widths.m) >= maxMeasureCache {
		widths.m = make(map[measureKey]float32, 1024)
	}
	widths.m[k] = w
	widths.Unlock()
	return w
}

// asciiMetrics are the advances of the ASCII characters in one style and
// size, and the kerning of the pairs met so far (the width of a pair less
// the advances of its two characters).
type asciiMetrics struct {
	adv  [128]float32
	kern map[[2]byte]float32
}

type metricsKey struct {
	st      spanStyle
	heading int
	size    float32
}

// asciiTables holds the asciiMetrics of every style and size in use.
var asciiTables struct {
	sync.Mutex
	m map[metricsKey]*asciiMetrics
}

// ascii reports whether s is printable ASCII only.
func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7f {
			return false
		}
	}
	return true
}

// asciiWidth adds up the advances and kerning of an ASCII word: the same
// width the shaper gives (Fyne's fonts have no ligatures that change a
// width), without shaping the word, so typing a word does not measure it
// again at every key.
func (f *fyneMeasurer) asciiWidth(s string, st spanStyle, heading int) float32 {
	asciiTables.Lock()
	defer asciiTables.Unlock()
	k := metricsKey{st, heading, f.size}
	t := asciiTables.m[k]
	if t == nil {
		if asciiTables.m == nil {
			asciiTables.m = map[metricsKey]*asciiMetrics{}
		}
		t = &asciiMetrics{kern: map[[2]byte]float32{}}
		asciiTables.m[k] = t
	}
	adv := func(c byte) float32 {
		if t.adv[c] == 0 {
			t.adv[c] = f.raw(string(c), st, heading)
		}
		return t.adv[c]
	}
	w := float32(0)
	for i := 0; i < len(s); i++ {
		w += adv(s[i])
		if i > 0 {
			pair := [2]byte{s[i-1], s[i]}
			kn, ok := t.kern[pair]
			if !ok {
				kn = f.raw(s[i-1:i+1], st, heading) - adv(s[i-1]) - adv(s[i])
				t.kern[pair] = kn
			}
			w += kn
		}
	}
	return w
}

// raw measures without the cache: prefixes for the caret and hit tests.
func (f *fyneMeasurer) raw(s string, st spanStyle, heading int) float32 {
	if s == "" {
		return 0
	}
	f.calls++
	return fyne.MeasureText(s, textSize(f.size, heading), fyneStyle(st, heading)).Width
}

// textSize is the size of a heading's text (level 0 is body text).
func textSize(base float32, heading int) float32 {
	switch heading {
	case 1:
		return base * 1.6
	case 2:
		return base * 1.35
	case 3:
		return base * 1.15
	}
	return base
}

// fyneStyle turns a span style into Fyne's text style.
func fyneStyle(st spanStyle, heading int) fyne.TextStyle {
	return fyne.TextStyle{
		Bold:      st&styleBold != 0 || heading > 0,
		Italic:    st&styleItalic != 0,
		Monospace: st&styleMono != 0,
	}
}

// layouter keeps one paraLayout per paragraph of the model, the top of
// every paragraph, and lays paragraphs out only when they are asked for:
// the visible ones and the caret's.
type layouter struct {
	m       *Model
	meas    fyneMeasurer
	paras   []paraLayout
	tops    []float32
	topsOK  bool
	width   float32
	lineGap float32
	// charW is an average character width, for estimating the height of
	// paragraphs not laid out yet.
	charW float32
	lineH map[int]float32
	// layouts counts paragraph layouts, for tests.
	layouts int
	// styleBuf is scratch space for markdownStyle.
	styleBuf []spanStyle
	// plain turns the Markdown styling off: a single-line field (NewLine)
	// shows its text as typed.
	plain bool
}

// styleOf styles paragraph text s: light Markdown, or one plain run.
func (l *layouter) styleOf(s string) paraStyle {
	if l.plain {
		return paraStyle{spans: inlineSpans(s, len(s), &l.styleBuf)}
	}
	return markdownStyleBuf(s, &l.styleBuf)
}

// change follows the model: the paragraphs an edit replaced lose their
// layout; the others keep it.
func (l *layouter) change(c Change) {
	if c.InPara && c.At < len(l.paras) {
		p := &l.paras[c.At]
		var prev *prevLayout
		if p.valid {
			prev = &prevLayout{width: p.width, size: p.size, wrapW: p.wrapW, heading: p.style.heading, lines: p.lines, spans: p.style.spans,
				off: c.Off, oldLen: c.OldLen, newLen: c.NewLen}
		}
		h := p.height
		*p = paraLayout{prev: prev, height: h}
		l.topsOK = false
		return
	}
	fresh := make([]paraLayout, c.Inserted)
	end := min(c.At+c.Removed, len(l.paras))
	if c.At > len(l.paras) {
		c.At = len(l.paras)
	}
	if c.Inserted == end-c.At {
		copy(l.paras[c.At:], fresh)
	} else {
		ps := make([]paraLayout, 0, len(l.paras)-(end-c.At)+c.Inserted)
		ps = append(ps, l.paras[:c.At]...)
		ps = append(ps, fresh...)
		ps = append(ps, l.paras[end:]...)
		l.paras = ps
	}
	l.topsOK = false
}

// setMetrics sets the wrap width and text size; a change invalidates every
// layout (the words' widths stay cached per size).
func (l *layouter) setMetrics(width, size float32) {
	if width < 1 {
		width = 1
	}
	if width == l.width && size == l.meas.size {
		return
	}
	if size != l.meas.size {
		l.lineH = nil
		l.charW = 0
	}
	l.width, l.meas.size = width, size
	for i := range l.paras {
		l.paras[i].valid = false
	}
	l.topsOK = false
}

// lineHeight is the height of one line of a heading level (0 for body).
func (l *layouter) lineHeight(heading int) float32 {
	if h, ok := l.lineH[heading]; ok {
		return h
	}
	if l.lineH == nil {
		l.lineH = map[int]float32{}
	}
	h := fyne.MeasureText("Mg", textSize(l.meas.size, heading), fyneStyle(0, heading)).Height + l.lineGap
	l.lineH[heading] = h
	return h
}

// indentStep is the width of one level of quote or list indent.
func (l *layouter) indentStep() float32 { return l.meas.size * 1.5 }

// para returns paragraph i laid out for the current width.
func (l *layouter) para(i int) *paraLayout {
	p := &l.paras[i]
	if p.valid && p.width == l.width && p.size == l.meas.size {
		return p
	}
	s := l.m.Para(i)
	old := p.height
	st := l.styleOf(s)
	indent := float32(st.indent) * l.indentStep()
	w := max(l.width-indent, l.meas.size)
	var lines []line
	if pv := p.prev; pv != nil && pv.width == l.width && pv.size == l.meas.size && pv.wrapW == w && pv.heading == st.heading {
		lines = rewrap(s, &st, w, &l.meas, pv)
	} else {
		lines = wrap(s, &st, w, &l.meas)
	}
	*p = paraLayout{
		valid:  true,
		width:  l.width,
		size:   l.meas.size,
		style:  st,
		lines:  lines,
		wrapW:  w,
		lineH:  l.lineHeight(st.heading),
		indent: indent,
	}
	p.height = float32(len(p.lines)) * p.lineH
	l.layouts++
	if p.height != old {
		l.topsOK = false
	}
	return p
}

// estimate is the height of paragraph i: its real height when laid out,
// else a guess from its length.
func (l *layouter) estimate(i int) float32 {
	p := &l.paras[i]
	if p.valid && p.width == l.width && p.size == l.meas.size {
		return p.height
	}
	if l.charW == 0 {
		const sample = "the quick brown fox jumps over the lazy dog "
		l.charW = fyne.MeasureText(sample, l.meas.size, fyne.TextStyle{}).Width / float32(len(sample))
	}
	n := float32(len(l.m.Para(i))) * l.charW / l.width
	lines := float32(int(n) + 1)
	p.height = lines * l.lineHeight(0)
	return p.height
}

// updateTops recomputes every paragraph's top when a height changed.
func (l *layouter) updateTops() {
	if l.topsOK && len(l.tops) == len(l.paras)+1 {
		return
	}
	if cap(l.tops) < len(l.paras)+1 {
		l.tops = make([]float32, len(l.paras)+1)
	}
	l.tops = l.tops[:len(l.paras)+1]
	y := float32(0)
	for i := range l.paras {
		l.tops[i] = y
		y += l.estimate(i)
	}
	l.tops[len(l.paras)] = y
	l.topsOK = true
}

// top returns the top of paragraph i (content coordinates).
func (l *layouter) top(i int) float32 {
	l.updateTops()
	return l.tops[i]
}

// total returns the height of the whole document.
func (l *layouter) total() float32 {
	l.updateTops()
	return l.tops[len(l.paras)]
}

// paraAt returns the paragraph at height y.
func (l *layouter) paraAt(y float32) int {
	l.updateTops()
	i := sort.Search(len(l.paras), func(i int) bool { return l.tops[i+1] > y })
	return min(i, len(l.paras)-1)
}

// lineOf returns the index of the line of p that holds offset off; with
// upstream, an offset at a wrap belongs to the line that ends there.
func (p *paraLayout) lineOf(off int, upstream bool) int {
	k := sort.Search(len(p.lines), func(k int) bool { return p.lines[k].start > off }) - 1
	if k < 0 {
		k = 0
	}
	if upstream && k > 0 && p.lines[k].start == off {
		k--
	}
	return k
}

// xAt returns the x of offset off in line k of paragraph i, from the
// paragraph's left edge (indent included).
func (l *layouter) xAt(i, k int, off int) float32 {
	p := l.para(i)
	s := l.m.Para(i)
	ln := p.lines[k]
	off = max(ln.start, min(off, ln.end))
	x := p.indent
	for _, sp := range p.style.spans {
		a, b := max(sp.from, ln.start), min(sp.to, off)
		if a >= b {
			if sp.from >= off {
				break
			}
			continue
		}
		x += l.runWidth(s[a:b], sp.style, p.style.heading)
	}
	return x
}

// offsetAt returns the grapheme boundary in line k of paragraph i nearest
// to x, and whether it is the end of a wrapped line (drawn upstream).
func (l *layouter) offsetAt(i, k int, x float32) (int, bool) {
	p := l.para(i)
	s := l.m.Para(i)
	ln := p.lines[k]
	last := k == len(p.lines)-1
	var bs []int
	for b := ln.start; ; b = nextBoundary(s, b) {
		bs = append(bs, b)
		if b >= ln.end {
			break
		}
	}
	j := sort.Search(len(bs), func(j int) bool { return l.xAt(i, k, bs[j]) >= x })
	if j == len(bs) {
		j = len(bs) - 1
	} else if j > 0 {
		a, b := l.xAt(i, k, bs[j-1]), l.xAt(i, k, bs[j])
		if x-a < b-x {
			j--
		}
	}
	off := bs[j]
	if off == ln.end && !last {
		if off > ln.start {
			return off, true
		}
	}
	return off, false
}

// runWidth is the width of a run of one style, added up from the cached
// widths of its words and spaces, so that neither whole lines nor prefixes
// fill the cache.
func (l *layouter) runWidth(s string, st spanStyle, heading int) float32 {
	w := float32(0)
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && s[j] != ' ' {
			j++
		}
		if j > i {
			w += l.meas.width(s[i:j], st, heading)
		}
		k := j
		for k < len(s) && s[k] == ' ' {
			k++
		}
		if k > j {
			w += l.meas.width(s[j:k], st, heading)
		}
		i = k
	}
	return w
}
