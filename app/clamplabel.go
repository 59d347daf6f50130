package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// clampLabel is a label that wraps its text at word boundaries onto at
// most maxLines lines and ends the last one with an ellipsis when the text
// is longer: the library list shows whole headlines on two lines instead
// of cutting them after a few words. It lays out in the list's row
// template, so it measures only the text it shows, once per width.
type clampLabel struct {
	widget.BaseWidget
	text     string
	maxLines int
	style    fyne.TextStyle
}

func newClampLabel(maxLines int, style fyne.TextStyle) *clampLabel {
	l := &clampLabel{maxLines: maxLines, style: style}
	l.ExtendBaseWidget(l)
	return l
}

// SetText changes the text and refreshes.
func (l *clampLabel) SetText(s string) {
	if s == l.text {
		return
	}
	l.text = s
	l.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (l *clampLabel) CreateRenderer() fyne.WidgetRenderer {
	r := &clampRenderer{label: l}
	for i := 0; i < l.maxLines; i++ {
		t := canvas.NewText("", theme.Color(theme.ColorNameForeground))
		t.TextStyle = l.style
		r.lines = append(r.lines, t)
	}
	return r
}

type clampRenderer struct {
	label *clampLabel
	lines []*canvas.Text
	// laidOut are the text and width the lines were last wrapped for.
	laidOut      string
	laidOutWidth float32
}

func (r *clampRenderer) Objects() []fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, len(r.lines))
	for i, t := range r.lines {
		objs[i] = t
	}
	return objs
}

func (r *clampRenderer) Destroy() {}

func (r *clampRenderer) lineHeight() float32 {
	return fyne.MeasureText("M", theme.TextSize(), r.label.style).Height
}

func (r *clampRenderer) MinSize() fyne.Size {
	pad := theme.InnerPadding()
	return fyne.NewSize(pad*2+fyne.MeasureText("M…", theme.TextSize(), r.label.style).Width,
		pad*2+r.lineHeight()*float32(r.label.maxLines))
}

func (r *clampRenderer) Layout(size fyne.Size) {
	pad := theme.InnerPadding()
	width := size.Width - 2*pad
	if r.laidOut != r.label.text || r.laidOutWidth != width {
		r.laidOut, r.laidOutWidth = r.label.text, width
		lines := clampLines(r.label.text, r.label.maxLines, func(s string) float32 {
			return fyne.MeasureText(s, theme.TextSize(), r.label.style).Width
		}, width)
		for i, t := range r.lines {
			t.Text = ""
			if i < len(lines) {
				t.Text = lines[i]
			}
		}
	}
	h := r.lineHeight()
	for i, t := range r.lines {
		t.Move(fyne.NewPos(pad, pad+float32(i)*h))
		t.Resize(fyne.NewSize(width, h))
	}
}

func (r *clampRenderer) Refresh() {
	r.laidOutWidth = -1 // lay the text out again
	r.Layout(r.label.Size())
	for _, t := range r.lines {
		t.Color = theme.Color(theme.ColorNameForeground)
		t.TextSize = theme.TextSize()
		t.Refresh()
	}
}

// clampLines wraps text greedily at spaces into lines no wider than width
// (as measure says), at most max of them; when the text does not fit, the
// last line ends in "…". A word longer than a line is cut.
func clampLines(text string, max int, measure func(string) float32, width float32) []string {
	words := strings.Fields(text)
	var lines []string
	i := 0
	for i < len(words) && len(lines) < max {
		line := words[i]
		if measure(line) > width {
			if cut := fitPrefix(line, measure, width); cut != line {
				words[i] = line[len(cut):] // a word wider than the line: cut it
				lines = append(lines, cut)
				continue
			}
		}
		i++
		for i < len(words) && measure(line+" "+words[i]) <= width {
			line += " " + words[i]
			i++
		}
		lines = append(lines, line)
	}
	if i < len(words) && len(lines) > 0 {
		last := []rune(lines[len(lines)-1])
		for len(last) > 0 && measure(string(last)+"…") > width {
			last = []rune(strings.TrimRight(string(last[:len(last)-1]), " "))
		}
		lines[len(lines)-1] = string(last) + "…"
	}
	return lines
}

// fitPrefix is the longest prefix of w (whole runes) no wider than width,
// at least one rune.
func fitPrefix(w string, measure func(string) float32, width float32) string {
	r := []rune(w)
	n := len(r)
	for n > 1 && measure(string(r[:n])) > width {
		n--
	}
	return string(r[:n])
}
