package editor

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"

	"github.com/dateline-news/dateline/editor/hostile"
)

// containerDepth returns the deepest nesting of block quotes and list
// items in the tree under n.
func containerDepth(n ast.Node) int {
	deepest := 0
	var walk func(n ast.Node, d int)
	walk = func(n ast.Node, d int) {
		if n.Kind() == ast.KindBlockquote || n.Kind() == ast.KindListItem {
			d++
		}
		deepest = max(deepest, d)
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			walk(c, d)
		}
	}
	walk(n, 0)
	return deepest
}

func TestLimitNestingKeepsOrdinaryBodies(t *testing.T) {
	bodies := []string{
		"",
		"plain\n",
		"- a\n  - b\n    - c\n",
		"> quote\n> > inner\n",
		"1. one\n   1) two\n      - three\n",
		strings.Repeat("  ", MaxNesting-1) + "- at the limit of indentation\n",
		strings.Repeat("> ", MaxNesting) + "exactly at the limit\n",
		"    indented code\n\tand a tab\n",
		"*not a marker*, -neither, 1.5 either\n",
	}
	for _, ex := range loadPreviewSpecExamples(t) {
		bodies = append(bodies, ex.Markdown)
	}
	for _, b := range bodies {
		got, flat := LimitNesting(b)
		if flat || got != b {
			t.Errorf("LimitNesting(%q) = %q, %v; want it unchanged", b, got, flat)
		}
		if w := BodyWarnings(b); w != nil {
			t.Errorf("BodyWarnings(%q) = %q", b, w)
		}
	}
}

func TestLimitNestingFlattens(t *testing.T) {
	tests := []struct {
		name, body string
	}{
		{"list by indentation", hostile.NestedList(MaxNesting + 5)},
		{"quotes on one line", strings.Repeat(">", MaxNesting+1) + " deep\n"},
		{"quotes with spaces", hostile.NestedQuote(3 * MaxNesting)},
		{"mixed markers", hostile.NestedMixed(4 * MaxNesting)},
		{"ordered lists", func() string {
			var b strings.Builder
			for i := range 2 * MaxNesting {
				b.WriteString(strings.Repeat("   ", i) + "1. item\n")
			}
			return b.String()
		}()},
		{"tabs", strings.Repeat("\t", MaxNesting) + "- tabbed\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, flat := LimitNesting(tt.body)
			if !flat {
				t.Fatal("not flattened")
			}
			if w := BodyWarnings(tt.body); len(w) != 1 || w[0] != NestingNotice {
				t.Errorf("BodyWarnings = %q, want the nesting notice", w)
			}
			doc, _ := ParseBody(tt.body)
			if d := containerDepth(doc); d > MaxNesting+1 {
				t.Errorf("parsed depth %d, want at most %d", d, MaxNesting+1)
			}
			// Only prefixes change: the words are all still there.
			if a, b := strings.Fields(strings.Map(dropMarkup, tt.body)), strings.Fields(strings.Map(dropMarkup, got)); strings.Join(a, " ") != strings.Join(b, " ") {
				t.Errorf("words changed:\n%q\n%q", a, b)
			}
			if again, flat := LimitNesting(got); flat || again != got {
				t.Error("the flattened body is still too deep")
			}
		})
	}
}

// dropMarkup blanks the characters of container markers.
func dropMarkup(r rune) rune {
	switch r {
	case '>', '-', '+', '*', '.', ')', '1', '\t':
		return ' '
	}
	return r
}

// TestHostileBodiesRender renders every hostile body in every format and
// as a preview: each produces its output, keeps the body's last words, and
// warns exactly when the body was flattened. Times and memory are in
// BenchmarkHostileExport and BenchmarkBuildPreviewHostile.
func TestHostileBodiesRender(t *testing.T) {
	for _, h := range hostile.Bodies() {
		t.Run(h.Name, func(t *testing.T) {
			a := &Article{Headline: "Hostile", Slug: "hostile", Body: h.Text}
			fields := strings.Fields(strings.TrimSpace(h.Text))
			last := strings.Trim(fields[len(fields)-1], "|*")
			for _, f := range Formats {
				out, err := Export(f, a, DefaultProfile(), RenderOptions{})
				if err != nil {
					t.Fatalf("%s: %v", f, err)
				}
				if !strings.Contains(string(out), last) {
					t.Errorf("%s: the last word %q is missing", f, last)
				}
				w := ExportWarnings(f, a)
				if want := h.Deep; (len(w) == 1 && w[0] == NestingNotice) != want || len(w) > 1 {
					t.Errorf("%s: warnings %q, want the nesting notice: %v", f, w, want)
				}
			}
			pv, err := BuildPreview(a, DefaultProfile(), RenderOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(pv.PlainText(), last) {
				t.Errorf("preview: the last word %q is missing", last)
			}
			if got := len(pv.Notices) == 1 && pv.Notices[0] == NestingNotice; got != h.Deep || len(pv.Notices) > 1 {
				t.Errorf("preview notices %q, deep body: %v", pv.Notices, h.Deep)
			}
		})
	}
}
