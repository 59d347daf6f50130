package editor

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The preview-fidelity test (issue 2): for every document of the corpus,
// the preview's plain text equals the text content of the HTML that the
// shared pipeline's renderer (markdown.Renderer(), safe mode) makes from the
// same AST.
//
// "Text content" is what golang.org/x/net/html parses out of that HTML:
// the text nodes in document order, with comments (the "raw HTML omitted"
// markers) left out, and three replaced or navigation-only elements mapped
// the way a text browser shows them, because the preview shows them so
// (fidelityConstructRules holds them with their justification, and a test
// checks that each still matters):
//   - <img alt="A"> is "[Image: A]" ("[Image]" without alt), ImagePlaceholder;
//   - <input type="checkbox"> is "☐" or, when checked, "☑";
//   - a footnote backlink <a role="doc-backlink"> is left out (it is
//     navigation, "↩︎", which the preview does not draw).
//
// The one whitespace normalisation: both texts are split into fields at
// runs of Unicode white space (unicode.IsSpace, which includes NBSP) and
// joined with single spaces. So "a\n\nb" equals "a b", but "ab" does not
// equal "a b": a lost or added word or block boundary still fails.

// fidelityExceptions lists the CommonMark spec examples whose texts are
// known to differ, each with the reason. The test fails when a listed
// example no longer differs, so that the list stays honest. With goldmark
// v1.8.7 all 652 examples agree under the rules above, so the list is
// empty; an entry reads like
//
//	123: "why the preview must show this differently",
var fidelityExceptions = map[int]string{}

// fidelityNormalize is the one documented whitespace normalisation of the
// fidelity test.
func fidelityNormalize(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// fidelityHTMLText extracts the text content of an HTML fragment as
// described above.
func fidelityHTMLText(t testing.TB, fragment string) string {
	t.Helper()
	return fidelityHTMLTextWithout(t, fragment, "")
}

// fidelityConstructRules are the per-construct rules of the text
// extraction, each with its justification. TestPreviewFidelityRulesNeeded
// fails when a rule stops making a difference, so the list stays honest.
var fidelityConstructRules = []struct {
	name, why, sample string
}{
	{"img", "an image has no text node; the preview shows its alt text as a placeholder so the reader knows it is there", "![Dock gate](g.jpg)"},
	{"checkbox", "a task list <input> has no text node; the preview draws the box as ☐ or ☑ text", "- [x] done"},
	{"backlink", "the footnote backlink ↩︎ is navigation back to the reference; the preview has no anchors to jump to", "a[^1]\n\n[^1]: note"},
}

// fidelityHTMLTextWithout extracts the text content with the construct
// rule named skip turned off (text nodes taken as they are, replaced
// elements contributing nothing).
func fidelityHTMLTextWithout(t testing.TB, fragment, skip string) string {
	t.Helper()
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(fragment), body)
	if err != nil {
		t.Fatalf("parse HTML: %v", err)
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.CommentNode:
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Img:
				if skip == "img" {
					return
				}
				b.WriteString(ImagePlaceholder(fidelityAttr(n, "alt")))
				return
			case atom.Input:
				if fidelityAttr(n, "type") == "checkbox" && skip != "checkbox" {
					if fidelityHasAttr(n, "checked") {
						b.WriteString(strings.TrimSpace(CheckboxChecked))
					} else {
						b.WriteString(strings.TrimSpace(CheckboxOpen))
					}
				}
				return
			case atom.A:
				if fidelityAttr(n, "role") == "doc-backlink" && skip != "backlink" {
					return
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return b.String()
}

func fidelityAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func fidelityHasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// fidelityTexts renders doc both ways and returns the normalised preview
// text, the normalised HTML text content and the HTML.
func fidelityTexts(t testing.TB, doc ast.Node, src []byte) (preview, htmlText, rendered string) {
	t.Helper()
	var buf bytes.Buffer
	if err := markdown.Renderer().Render(&buf, src, doc); err != nil {
		t.Fatalf("render HTML: %v", err)
	}
	pv := &Preview{Blocks: renderPreviewBlocks(doc, src)}
	return fidelityNormalize(pv.PlainText()), fidelityNormalize(fidelityHTMLText(t, buf.String())), buf.String()
}

type previewSpecExample struct {
	Markdown string `json:"markdown"`
	HTML     string `json:"html"`
	Example  int    `json:"example"`
	Section  string `json:"section"`
}

func loadPreviewSpecExamples(t *testing.T) []previewSpecExample {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/yuin/goldmark").Output()
	if err != nil {
		t.Fatalf("locate goldmark module: %v", err)
	}
	data, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(out)), "_test", "spec.json"))
	if err != nil {
		t.Fatalf("read spec.json: %v", err)
	}
	var examples []previewSpecExample
	if err := json.Unmarshal(data, &examples); err != nil {
		t.Fatalf("decode spec.json: %v", err)
	}
	if len(examples) < 600 {
		t.Fatalf("spec.json holds %d examples, expected the full CommonMark suite", len(examples))
	}
	return examples
}

func TestPreviewFidelitySpec(t *testing.T) {
	examples := loadPreviewSpecExamples(t)
	seen := map[int]bool{}
	var failed []int
	for _, ex := range examples {
		seen[ex.Example] = true
		doc, src := ParseBody(ex.Markdown)
		got, want, rendered := fidelityTexts(t, doc, src)
		reason, listed := fidelityExceptions[ex.Example]
		switch {
		case got != want && !listed:
			failed = append(failed, ex.Example)
			t.Errorf("example %d (%s): preview text differs from HTML text\nmarkdown: %q\nhtml:     %q\npreview:  %q\nhtml txt: %q",
				ex.Example, ex.Section, ex.Markdown, rendered, got, want)
		case got == want && listed:
			t.Errorf("example %d is listed as a known difference (%s) but no longer differs; remove it from fidelityExceptions", ex.Example, reason)
		}
	}
	for n := range fidelityExceptions {
		if !seen[n] {
			t.Errorf("fidelityExceptions lists example %d, which is not in spec.json", n)
		}
	}
	if len(failed) > 0 {
		sort.Ints(failed)
		t.Logf("%d unlisted differences: %v", len(failed), failed)
	}
}

func TestPreviewFidelityFixtures(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "preview", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 3 {
		t.Fatalf("found %d preview fixtures, want at least 3", len(files))
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".md"), func(t *testing.T) {
			a := loadPreviewFixture(t, file)
			p := DefaultProfile()
			doc, src := ParseArticleBody(a, p.Dash)
			got, want, rendered := fidelityTexts(t, doc, src)
			if got != want {
				t.Errorf("preview text differs from HTML text\nhtml:     %s\npreview:  %q\nhtml txt: %q", rendered, got, want)
			}
			if got == "" {
				t.Error("fixture renders no text")
			}

			// The whole article, frame included, against the HTML export.
			pv, err := BuildPreview(a, p, RenderOptions{})
			if err != nil {
				t.Fatal(err)
			}
			frag, err := RenderHTMLFragment(a, p, RenderOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if got, want := fidelityNormalize(pv.PlainText()), fidelityNormalize(fidelityHTMLText(t, string(frag))); got != want {
				t.Errorf("article preview text differs from the HTML export's text\nexport:   %s\npreview:  %q\nhtml txt: %q", frag, got, want)
			}
		})
	}
}

// TestPreviewFidelityCanFail makes sure the comparison is not vacuous: a
// preview that loses a word or a block boundary must not compare equal.
func TestPreviewFidelityCanFail(t *testing.T) {
	if fidelityNormalize("a\n\n b\u00a0c") != "a b c" {
		t.Error("normalisation does not collapse white space")
	}
	if fidelityNormalize("ab") == fidelityNormalize("a b") {
		t.Error("normalisation hides a lost word boundary")
	}
	doc, src := ParseBody("# Head\n\nOne *two* ![alt](x.png)\n\n- [x] done\n\nnote[^1]\n\n[^1]: Foot.")
	got, want, _ := fidelityTexts(t, doc, src)
	if got != want {
		t.Fatalf("baseline differs: %q vs %q", got, want)
	}
	if want != "Head One two [Image: alt] ☑ done note1 Foot." {
		t.Errorf("HTML text content = %q", want)
	}
	blocks := renderPreviewBlocks(doc, src)
	blocks[1].Inlines = blocks[1].Inlines[1:] // drop "One "
	if fidelityNormalize((&Preview{Blocks: blocks}).PlainText()) == want {
		t.Error("a preview missing a word compares equal")
	}
}

func TestPreviewFidelityRulesNeeded(t *testing.T) {
	for _, r := range fidelityConstructRules {
		doc, src := ParseBody(r.sample)
		got, want, rendered := fidelityTexts(t, doc, src)
		if got != want {
			t.Errorf("%s: preview %q differs from HTML text %q even with the rule", r.name, got, want)
		}
		if without := fidelityNormalize(fidelityHTMLTextWithout(t, rendered, r.name)); without == got {
			t.Errorf("rule %q (%s) makes no difference any more for %q; remove it", r.name, r.why, r.sample)
		}
	}
}
