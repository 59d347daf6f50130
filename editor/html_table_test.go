package editor

import (
	"bytes"
	"regexp"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/dateline-news/dateline/editor/hostile"
)

// TestTableCellsAsGoldmarkRendersThem renders tables of every alignment,
// ragged rows, inline markup in cells and the CommonMark examples with
// goldmark's GFM alone and with tableCellExtension: the HTML is the same
// byte for byte, except that goldmark's style="text-align:X" is
// class="align-X" (the stylesheet aligns; html-validate forbids inline
// styles).
// alignStyle is goldmark's alignment of a table cell.
var alignStyle = regexp.MustCompile(`style="text-align:(left|center|right)"`)

func TestTableCellsAsGoldmarkRendersThem(t *testing.T) {
	stock := goldmark.New(goldmark.WithExtensions(extension.GFM))
	ours := goldmark.New(goldmark.WithExtensions(extension.GFM, tableCellExtension{}))
	bodies := []string{
		hostile.Table(100),
		"| a | b | c | d |\n|:-|:-:|-:|-|\n| 1 | *2* | `3` | [4](https://x.example) |\n| only one |\n| 1 | 2 | 3 | 4 | 5 |\n",
		"a | b\n--|--:\n1 | 2\n",
		"| h |\n|---|\n",
	}
	for _, ex := range loadPreviewSpecExamples(t) {
		bodies = append(bodies, ex.Markdown)
	}
	tables := 0
	for _, src := range bodies {
		var a, b bytes.Buffer
		if err := stock.Convert([]byte(src), &a); err != nil {
			t.Fatal(err)
		}
		if err := ours.Convert([]byte(src), &b); err != nil {
			t.Fatal(err)
		}
		want := alignStyle.ReplaceAllString(a.String(), `class="align-$1"`)
		if want != b.String() {
			t.Errorf("%q renders differently:\ngoldmark %q\nours     %q", src, want, b.String())
		}
		if bytes.Contains(a.Bytes(), []byte("<table")) {
			tables++
		}
	}
	if tables < 4 {
		t.Errorf("only %d bodies had tables", tables)
	}
}
