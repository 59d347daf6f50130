package editor

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestHTMLTitleFallback(t *testing.T) {
	for _, c := range []struct {
		name string
		a    Article
		want string
	}{
		{"headline", Article{Headline: " Port strike ends ", Deck: "Deck"}, "Port strike ends"},
		{"deck", Article{Deck: "Dockers return\nto work"}, "Dockers return to work"},
		{"body words", Article{Body: "# Strike\n\nThe *port* of Mombasa reopened on Monday after a strike that lasted nine days and cost millions."},
			"Strike The port of Mombasa reopened on Monday after a strike that…"},
		{"short body", Article{Body: "Two words"}, "Two words"},
		{"code only", Article{Body: "```\nx := 1\n```"}, UntitledStory},
		{"empty", Article{}, UntitledStory},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := HTMLTitle(&c.a); got != c.want {
				t.Errorf("HTMLTitle = %q, want %q", got, c.want)
			}
		})
	}
	a := &Article{ID: NewID(), Slug: "x", Status: StatusDraft}
	page, err := RenderHTMLDocument(a, DefaultProfile(), RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(page, []byte("<title>"+UntitledStory+"</title>")) {
		t.Errorf("an empty article's page has no fallback title:\n%s", page)
	}
}

// validID is html-validate's valid-id rule: a letter first, then letters,
// digits, dashes and underscores.
var validID = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]*$`)

func TestHTMLExportIsClean(t *testing.T) {
	body := strings.Join([]string{
		"# Top", "## Second", "###### Sixth", "# Top", "# fn 1", "# 2024 results", "# Ünïcödé",
		"![unsafe](javascript:alert(1)) ![none]() ![ok](https://x.example/a.png)",
		"Note.[^1] Again.[^1] See <https://x.example/a> and [text](https://x.example/b).",
		"| a | b |\n|:-:|--:|\n| 1 | 2 |",
		"[^1]: The note.",
	}, "\n\n")
	a := &Article{ID: NewID(), Slug: "clean", Headline: "Headline", Status: StatusPublished, Body: body}
	page, err := RenderHTMLDocument(a, DefaultProfile(), RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	var headings []string
	for _, n := range findAll(doc, func(*html.Node) bool { return true }) {
		for _, at := range n.Attr {
			switch at.Key {
			case "style":
				t.Errorf("<%s> has an inline style %q", n.Data, at.Val)
			case "id":
				if !validID.MatchString(at.Val) {
					t.Errorf("id %q is not valid", at.Val)
				}
				if ids[at.Val] {
					t.Errorf("id %q is used twice", at.Val)
				}
				ids[at.Val] = true
			case "src":
				if strings.TrimSpace(at.Val) == "" || SafeURL(at.Val) == "" {
					t.Errorf("<%s src=%q>", n.Data, at.Val)
				}
			}
		}
		if len(n.Data) == 2 && n.Data[0] == 'h' && n.Data[1] >= '1' && n.Data[1] <= '6' {
			headings = append(headings, n.Data+":"+nodeText(n))
		}
	}
	want := []string{"h1:Headline", "h2:Top", "h3:Second", "h6:Sixth", "h2:Top", "h2:fn 1", "h2:2024 results", "h2:Ünïcödé"}
	if strings.Join(headings, "|") != strings.Join(want, "|") {
		t.Errorf("headings %q, want %q", headings, want)
	}
	for _, id := range []string{"fn-1", "fnref-1", "fnref-1-2", "top", "top-1", "h-fn-1", "h-2024-results"} {
		if !ids[id] {
			t.Errorf("no id %q among %v", id, ids)
		}
	}
	imgs := findAll(doc, func(n *html.Node) bool { return n.Data == "img" })
	if len(imgs) != 1 {
		t.Errorf("%d images, want only the safe one", len(imgs))
	}
	text := entryText(t, page)
	for _, alt := range []string{"unsafe", "none"} {
		if !strings.Contains(text, alt) {
			t.Errorf("the alt text %q of a dropped image is gone: %q", alt, text)
		}
	}
	for _, s := range []string{`<a href="https://x.example/a" class="url">`, `<a href="https://x.example/b">`, `<th class="align-center">`, `<td class="align-right">`, `<h6 id="sixth" class="body-h6">`} {
		if !bytes.Contains(page, []byte(s)) {
			t.Errorf("page lacks %s", s)
		}
	}
	// Without a headline there is no <h1> to stand under: # stays <h1>.
	a.Headline = ""
	frag, err := RenderHTMLFragment(a, DefaultProfile(), RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(frag, []byte(`<h1 id="top">Top</h1>`)) {
		t.Errorf("a headline-less fragment shifted its headings")
	}
}

func TestPrintStylesheet(t *testing.T) {
	page, err := RenderHTMLDocument(&Article{ID: NewID(), Slug: "x", Headline: "H", Status: StatusDraft}, DefaultProfile(), RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	css := string(page[bytes.Index(page, []byte("@media print")):])
	for _, want := range []string{"white-space: pre-wrap", `a[href^="http"]:not(.url)::after`} {
		if !strings.Contains(css, want) {
			t.Errorf("the print stylesheet lacks %s", want)
		}
	}
	if strings.Contains(css, `.entry-content a[href^="http"]::after`) {
		t.Error("the print stylesheet prints autolinks' URLs twice")
	}
}
