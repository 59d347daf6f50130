package editor

import (
	"bytes"
	"testing"
)

// commonMarkBodies returns the Markdown of goldmark's CommonMark examples
// (_test/spec.json in the goldmark module).
func commonMarkBodies(t *testing.T) []string {
	t.Helper()
	examples := loadPreviewSpecExamples(t)
	bodies := make([]string, len(examples))
	for i, e := range examples {
		bodies[i] = e.Markdown
	}
	return bodies
}

// TestRoundTripCommonMarkCorpus runs every CommonMark example as an
// article body through every export, checks that the HTML is safe, and
// checks the round-trip properties: Markdown and wire text
// export→import→export are identical.
func TestRoundTripCommonMarkCorpus(t *testing.T) {
	bodies := commonMarkBodies(t)
	kenya, p := loadFixture(t, "kenya-tea-harvest")
	minimal, _ := loadFixture(t, "minimal")
	bare := minimal.Clone()
	bare.Headline = ""
	for _, base := range []*Article{kenya, minimal, bare} {
		roundTripCorpus(t, base, p, bodies)
	}
}

// roundTripCorpus checks the corpus with base's frame around each body.
func roundTripCorpus(t *testing.T, base *Article, p Profile, bodies []string) {
	for i, body := range bodies {
		a := base.Clone()
		a.Body = body
		for _, f := range Formats {
			out, err := Export(f, a, p, fixtureOptions())
			if err != nil {
				t.Fatalf("example %d, %s: %v", i+1, f, err)
			}
			if f == FormatHTMLFragment {
				t.Run("safe/"+a.Slug+"/"+itoa(i+1), func(t *testing.T) { checkSafeHTML(t, out, 0) })
			}
		}
		md, _ := RenderMarkdown(a, p, fixtureOptions())
		back, err := ParseMarkdownArticle(md)
		if err != nil {
			t.Errorf("example %d: markdown import: %v", i+1, err)
			continue
		}
		if want := SafeMarkdownBody(a.Body); back.Body != want {
			t.Errorf("example %d: markdown body %q came back as %q, want the safe body %q", i+1, a.Body, back.Body, want)
		}
		if md2, _ := RenderMarkdown(back, p, fixtureOptions()); !bytes.Equal(md, md2) {
			t.Errorf("example %d: markdown export→import→export differs", i+1)
		}
		wire, _ := RenderWireText(a, p, fixtureOptions())
		w, err := ParseWireTextDetail(wire, DefaultProfile())
		if err != nil {
			t.Errorf("example %d: wire import: %v", i+1, err)
			continue
		}
		wp := p
		if w.Dash != "" {
			wp.Dash = w.Dash
		}
		if wire2, _ := RenderWireText(w.Article, wp, fixtureOptions()); !bytes.Equal(wire, wire2) {
			t.Errorf("%s, example %d (%q): wire export→import→export differs:\n%s", a.Slug, i+1, body, firstDiff(string(wire), string(wire2)))
		}
	}
}
