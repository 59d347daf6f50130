package editor

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/dateline-news/dateline/editor/hostile"
)

// TestTableCellsAsGoldmarkRendersThem renders tables of every alignment,
// ragged rows, inline markup in cells and the CommonMark examples with
// goldmark's GFM alone and with tableCellExtension: the HTML is the same
// byte for byte.
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
		if a.String() != b.String() {
			t.Errorf("%q renders differently:\ngoldmark %q\nours     %q", src, a.String(), b.String())
		}
		if bytes.Contains(a.Bytes(), []byte("<table")) {
			tables++
		}
	}
	if tables < 4 {
		t.Errorf("only %d bodies had tables", tables)
	}
}
