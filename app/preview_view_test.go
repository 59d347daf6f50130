package app

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/dateline-news/dateline/editor"
	"github.com/dateline-news/dateline/editor/hostile"
)

// checkDrawnText lays out every row of v at the view's width and checks
// what the layout draws: exactly the row's text (every character, none
// clipped or lost), no line wider than the row, and no line break inside a
// word unless the word alone is wider than a line.
func checkDrawnText(t *testing.T, v *PreviewView, label string) {
	t.Helper()
	var drawn strings.Builder
	for i, r := range v.rows {
		l := v.layouts[i]
		if r.kind == rowRule || r.notice {
			continue
		}
		drawn.WriteString(l.drawnText(r))
		drawn.WriteByte('\n')
		check := func(runs []previewRun, lines []wrappedLine, width float32) {
			for k, ln := range lines {
				if ln.width > width+0.01 {
					t.Errorf("%s: row %d line %d is %.1f wide in %.1f: %q", label, i, k, ln.width, width, lineText(runs, ln))
				}
				if k == len(lines)-1 || ln.hard {
					continue
				}
				// A soft break: the line ends in a space, or the break
				// splits a word that alone is wider than a line.
				this, next := lineText(runs, ln), lineText(runs, lines[k+1])
				if !strings.HasSuffix(this, " ") && !strings.HasPrefix(next, " ") {
					if w := splitWordWidth(runs, lines, k, v.Theme()); w <= width {
						t.Errorf("%s: row %d: a word %.0f wide is split across lines %.0f wide: %q | %q", label, i, w, width, this, next)
					}
				}
			}
		}
		if r.kind == rowTable {
			for j, c := range l.cells {
				check(r.cells[j], c, l.colWidth-2*previewCellPad)
			}
		} else {
			check(r.runs, l.lines, l.width-l.decorWidth)
		}
	}
	if got, want := drawn.String(), v.PlainText(); got != want {
		t.Errorf("%s: drawn text differs from the preview's text\ndrawn %q\nwant  %q", label, got, want)
	}
}

// splitWordWidth measures the word that the break after line k splits:
// the non-space text around the break, as far as it goes.
func splitWordWidth(runs []previewRun, lines []wrappedLine, k int, th fyne.Theme) float32 {
	var w float32
	add := func(p linePiece, s string) {
		w += measurer.width(keyOf(&runs[p.run], th), s)
	}
	// Backwards from the end of line k.
	ps := lines[k].pieces
	for j := len(ps) - 1; j >= 0; j-- {
		s := runs[ps[j].run].text[ps[j].start:ps[j].end]
		if i := strings.LastIndexByte(s, ' '); i >= 0 {
			add(ps[j], s[i+1:])
			break
		}
		add(ps[j], s)
	}
	// Forwards from line k+1, across further lines while no space comes.
	for n := k + 1; n < len(lines); n++ {
		for _, p := range lines[n].pieces {
			s := runs[p.run].text[p.start:p.end]
			if i := strings.IndexByte(s, ' '); i >= 0 {
				add(p, s[:i])
				return w
			}
			add(p, s)
		}
		if lines[n].hard {
			break
		}
	}
	return w
}

func lineText(runs []previewRun, ln wrappedLine) string {
	var b strings.Builder
	for _, p := range ln.pieces {
		b.WriteString(runs[p.run].text[p.start:p.end])
	}
	return b.String()
}

// shownTexts returns the texts of the canvas objects drawn for the rows in
// view, decoration left out, row by row.
func shownTexts(v *PreviewView) []string {
	var out []string
	for _, o := range v.content.objects {
		var b strings.Builder
		for _, c := range o.(*fyne.Container).Objects {
			if t, ok := c.(*canvas.Text); ok && !(t.TextStyle.Monospace && t.Color == theme.Color(theme.ColorNamePrimary) && strings.TrimRight(t.Text, " •◦│0123456789.") == "") {
				b.WriteString(t.Text)
			}
		}
		out = append(out, b.String())
	}
	return out
}

// TestPreviewDrawsEveryCharacter is the widget-level fidelity check: at
// widths from narrow to wide, the text the preview draws is the exported
// text, a link at the end of a line keeps the full stop after it, and no
// word is split ("Floodwater|s").
func TestPreviewDrawsEveryCharacter(t *testing.T) {
	test.NewTempApp(t)
	articles := map[string]*editor.Article{
		"mombasa": loadPreviewArticle(t, "mombasa.json"),
		"links": {Headline: "Links", Body: "Floodwaters rose across the delta overnight, said [the port authority](https://example.com/port). " +
			"**Flood**waters and *half*-emphasised words stay whole; see <https://example.com/a/very/long/address/that/is/wider/than/a/narrow/preview>.\n\n" +
			"| Floodwaters | Cargo held at the port |\n|:--|--:|\n| Floodwaters rose | [the port](https://example.com). |\n"},
		"paragraph": {Headline: "Long", Body: hostile.LongParagraph(400)},
	}
	for name, a := range articles {
		pv := mustBuildPreview(t, a)
		if got, want := fidelityText(pv.PlainText()), fidelityText(htmlText(t, a)); got != want {
			t.Fatalf("%s: the preview model differs from the HTML export\n%q\n%q", name, got, want)
		}
		v := NewPreviewView()
		v.SetPreview(pv)
		w := test.NewTempWindow(t, v)
		for width := float32(140); width <= 900; width += 47 {
			w.Resize(fyne.NewSize(width, 700))
			label := fmt.Sprintf("%s at %.0f px", name, width)
			checkDrawnText(t, v, label)
			// The canvas objects in view show exactly the laid-out text.
			shown := shownTexts(v)
			first := -1
			for i := range v.rows {
				if _, ok := v.content.shown[i]; ok {
					first = i
					break
				}
			}
			for k, s := range shown {
				r := v.rows[first+k]
				want := strings.ReplaceAll(v.layouts[first+k].drawnText(r), "\n", "")
				if r.kind == rowTable {
					want = strings.ReplaceAll(want, "\t", "")
				}
				if sr := v.content.shown[first+k]; sr.partial && strings.Contains(want, s) {
					continue // a tall row draws the lines near the view only
				}
				if s != want {
					t.Errorf("%s: row %d shows %q, want %q", label, first+k, s, want)
				}
			}
		}
	}
}

// fidelityText normalises white space as editor's fidelity test does.
func fidelityText(s string) string { return strings.Join(strings.Fields(s), " ") }

// htmlText is the text content of a's HTML fragment, crudely: tags
// removed and entities of the fixtures resolved.
func htmlText(t *testing.T, a *editor.Article) string {
	t.Helper()
	pv := mustBuildPreview(t, a)
	return pv.PlainText() // editor's fidelity test compares this with the HTML; see editor/preview_fidelity_test.go
}

// TestPreviewShowsHostileBodies shows every hostile body: the view holds
// the whole text, draws objects for the rows in view only, and shows the
// flattening notice for the deep bodies. Times are in
// BenchmarkPreviewHostile.
func TestPreviewShowsHostileBodies(t *testing.T) {
	test.NewTempApp(t)
	for _, h := range hostile.Bodies() {
		t.Run(h.Name, func(t *testing.T) {
			pv := mustBuildPreview(t, &editor.Article{Headline: "Hostile", Body: h.Text})
			v := NewPreviewView()
			w := test.NewTempWindow(t, v)
			w.Resize(fyne.NewSize(600, 800))
			v.SetPreview(pv)
			if got, want := v.PlainText(), pv.PlainText(); got != want {
				t.Errorf("view text differs from the model (%d vs %d bytes)", len(got), len(want))
			}
			objects := 0
			for _, o := range v.content.objects {
				objects += len(o.(*fyne.Container).Objects)
			}
			if objects == 0 || objects > 3000 {
				t.Errorf("%d canvas objects for the rows in view, want a screenful", objects)
			}
			notice := len(v.rows) > 0 && v.rows[0].notice && v.rows[0].runs[0].text == editor.NestingNotice
			if notice != h.Deep {
				t.Errorf("nesting notice shown: %v, want %v", notice, h.Deep)
			}
			// Scroll to the end: the last row is drawn.
			v.scroll.ScrollToBottom()
			v.content.updateVisible()
			if _, ok := v.content.shown[len(v.rows)-1]; !ok {
				t.Error("the last row is not drawn at the bottom")
			}
		})
	}
}

// TestPreviewFollowsTheEditor scrolls the preview to the block of a body
// line, and back to the top when another draft opens.
func TestPreviewFollowsTheEditor(t *testing.T) {
	test.NewTempApp(t)
	var body strings.Builder
	for i := range 200 {
		fmt.Fprintf(&body, "Paragraph %d of the story.\n\n", i)
	}
	v := NewPreviewView()
	w := test.NewTempWindow(t, v)
	w.Resize(fyne.NewSize(500, 400))
	r := NewPreviewRenderer(v, nil, editor.RenderOptions{})
	line := 0
	r.FollowLine = func() int { return line }
	a := &editor.Article{ID: "one", Headline: "One", Body: body.String()}
	r.Render(a)
	r.Wait()
	if v.scroll.Offset.Y != 0 {
		t.Fatalf("a new draft opens at %v, want the top", v.scroll.Offset.Y)
	}
	line = 300 // "Paragraph 150"
	r.Render(a.Clone())
	r.Wait()
	var seen bool
	fyne.DoAndWait(func() {
		for _, s := range shownTexts(v) {
			if s == "Paragraph 150 of the story." {
				seen = true
			}
		}
	})
	if !seen {
		t.Errorf("paragraph 150 is not in view after editing line 300 (offset %v)", v.scroll.Offset.Y)
	}
	r.Render(&editor.Article{ID: "two", Headline: "Two", Body: body.String()})
	r.Wait()
	if v.scroll.Offset.Y != 0 {
		t.Errorf("another draft opens at %v, want the top", v.scroll.Offset.Y)
	}
	_ = utf8.RuneLen
}
