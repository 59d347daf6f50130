package editor

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

func TestParseFormat(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Format
		ext  string
	}{
		{"html", FormatHTML, ".html"},
		{" HTML-Fragment ", FormatHTMLFragment, ".html"},
		{"md", FormatMarkdown, ".md"},
		{"txt", FormatWire, ".txt"},
		{"ninjs", FormatNinjs, ".json"},
	} {
		got, err := ParseFormat(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
		if got.Ext() != tt.ext {
			t.Errorf("%q.Ext() = %q, want %q", got, got.Ext(), tt.ext)
		}
	}
	_, err := ParseFormat("docx")
	if ErrorCode(err) != EINVALID || !strings.Contains(ErrorMessage(err), "html, html-fragment, md, txt, ninjs") {
		t.Errorf("ParseFormat(docx) error %v, want EINVALID listing the formats", err)
	}
	if _, err := Export("docx", &Article{}, DefaultProfile(), RenderOptions{}); ErrorCode(err) != EINVALID {
		t.Errorf("Export(docx) error %v, want EINVALID", err)
	}
}

// sameArticle reports the first field in which a and b differ, comparing
// times with Equal; "" when they agree.
func sameArticle(a, b *Article) string {
	x, y := *a, *b
	for _, p := range []struct{ l, r *time.Time }{
		{&x.Created, &y.Created}, {&x.Updated, &y.Updated}, {&x.Published, &y.Published}, {&x.Dateline.Date, &y.Dateline.Date},
	} {
		if !p.l.Equal(*p.r) {
			return "times: " + p.l.String() + " vs " + p.r.String()
		}
		*p.l, *p.r = time.Time{}, time.Time{}
	}
	if len(x.Tags) == 0 && len(y.Tags) == 0 {
		x.Tags, y.Tags = nil, nil
	}
	if len(x.Related) == 0 && len(y.Related) == 0 {
		x.Related, y.Related = nil, nil
	}
	if len(x.Byline.Authors) == 0 && len(y.Byline.Authors) == 0 {
		x.Byline.Authors, y.Byline.Authors = nil, nil
	}
	if reflect.DeepEqual(x, y) {
		return ""
	}
	xj, _ := json.Marshal(x)
	yj, _ := json.Marshal(y)
	return "got  " + string(xj) + "\nwant " + string(yj)
}

func TestMarkdownRoundTrip(t *testing.T) {
	for _, name := range fixtureNames(t) {
		t.Run(name, func(t *testing.T) {
			a, p := loadFixture(t, name)
			first, err := RenderMarkdown(a, p, fixtureOptions())
			if err != nil {
				t.Fatal(err)
			}
			if a.EditorsNote != "" && bytes.Contains(first, []byte(a.EditorsNote)) {
				t.Error("the editor's note was exported")
			}
			back, err := ParseMarkdownArticle(first)
			if err != nil {
				t.Fatalf("import of the export: %v", err)
			}
			want := a.Clone()
			want.EditorsNote = ""
			if d := sameArticle(back, want); d != "" {
				t.Errorf("export→import changed the article:\n%s", d)
			}
			second, err := RenderMarkdown(back, p, fixtureOptions())
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first, second) {
				t.Errorf("export→import→export differs:\n%s", firstDiff(string(first), string(second)))
			}
		})
	}
}

// findAll returns the elements under n for which match is true.
func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// byClass returns the text of the one element with the class, failing the
// test when there is not exactly one.
func byClass(t *testing.T, doc *html.Node, class string) string {
	t.Helper()
	nodes := findAll(doc, func(n *html.Node) bool { return hasHTMLClass(n, class) })
	if len(nodes) != 1 {
		t.Fatalf("found %d elements with class %q, want 1", len(nodes), class)
	}
	return nodeText(nodes[0])
}

func TestHTMLDocumentJSONLDAgreesWithArticle(t *testing.T) {
	for _, name := range fixtureNames(t) {
		t.Run(name, func(t *testing.T) {
			a, p := loadFixture(t, name)
			out, err := RenderHTMLDocument(a, p, fixtureOptions())
			if err != nil {
				t.Fatal(err)
			}
			doc, err := html.Parse(bytes.NewReader(out))
			if err != nil {
				t.Fatal(err)
			}
			scripts := findAll(doc, func(n *html.Node) bool { return n.Data == "script" })
			if len(scripts) != 1 || htmlAttr(scripts[0], "type") != "application/ld+json" {
				t.Fatalf("want exactly one JSON-LD script, found %d", len(scripts))
			}
			var ld map[string]any
			if err := json.Unmarshal([]byte(nodeText(scripts[0])), &ld); err != nil {
				t.Fatalf("JSON-LD is not valid JSON: %v", err)
			}
			f, err := BuildFrame(a, p, fixtureResolver)
			if err != nil {
				t.Fatal(err)
			}
			check := func(key string, want any) {
				t.Helper()
				if got := ld[key]; !reflect.DeepEqual(got, want) {
					t.Errorf("%s = %#v, want %#v", key, got, want)
				}
			}
			check("@context", "https://schema.org")
			check("@type", "NewsArticle")
			check("headline", Typeset(a.Headline))
			check("headline", byClass(t, doc, "entry-title"))
			var authors []any
			for _, n := range a.Byline.Authors {
				authors = append(authors, map[string]any{"@type": "Person", "name": n})
			}
			if len(authors) > 0 {
				check("author", authors)
				if got := byClass(t, doc, "byline"); got != FormatByline(a.Byline) {
					t.Errorf("visible byline %q, want %q", got, FormatByline(a.Byline))
				}
				var visible []string
				for _, n := range findAll(doc, func(n *html.Node) bool { return hasHTMLClass(n, "fn") }) {
					visible = append(visible, nodeText(n))
				}
				if !reflect.DeepEqual(visible, a.Byline.Authors) {
					t.Errorf("visible authors %q, want %q", visible, a.Byline.Authors)
				}
			} else {
				check("author", nil)
			}
			if a.Dateline.IsZero() {
				check("dateline", nil)
			} else {
				visible := byClass(t, doc, "dateline")
				want := strings.TrimSuffix(visible, " "+p.Dash+" ")
				if want == visible {
					t.Errorf("visible dateline %q does not end in the profile dash %q", visible, p.Dash)
				}
				check("dateline", want)
			}
			if p := a.PublishedAt(); p.IsZero() {
				check("datePublished", nil) // drafts carry none
			} else {
				check("datePublished", p.Format(time.RFC3339))
			}
			check("dateModified", a.Updated.Format(time.RFC3339))
			check("copyrightHolder", map[string]any{"@type": "Organization", "name": f.Copyright.Holder})
			check("copyrightYear", float64(f.Copyright.Since))
			check("copyrightNotice", f.Footer)
			check("copyrightNotice", byClass(t, doc, "item-license"))
			if a.Attribution.Kind == AttributionSyndicated {
				check("isBasedOn", a.Attribution.OriginalURL)
				if a.Copyright.Since != 0 {
					check("copyrightYear", float64(a.Copyright.Since))
				}
			} else {
				check("isBasedOn", nil)
			}
			if len(a.Tags) > 0 {
				var kw []any
				for _, k := range a.Tags {
					kw = append(kw, k)
				}
				check("keywords", kw)
			}
			check("publisher", map[string]any{"@type": "Organization", "name": p.Publisher})
			// The page's <title> and lang agree too.
			titles := findAll(doc, func(n *html.Node) bool { return n.Data == "title" })
			if len(titles) != 1 || nodeText(titles[0]) != Typeset(a.Headline) {
				t.Errorf("page title does not equal the headline")
			}
		})
	}
}

func TestHTMLFragmentFrameText(t *testing.T) {
	a, p := loadFixture(t, "contributed")
	a.Status = StatusCorrected
	a.CorrectionNote = "An earlier version misspelled a name."
	a.Related = []Teaser{{Text: "One", URL: "https://x.example/1"}, {Text: "Two & <three>"}}
	out, err := RenderHTMLFragment(a, p, RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	f, _ := BuildFrame(a, p, nil)
	for class, want := range map[string]string{
		"entry-title":  a.Headline,
		"byline":       f.Byline,
		"dateline":     f.Dateline,
		"tagline":      f.Tagline,
		"correction":   f.Correction,
		"item-license": f.Footer,
		"source-org":   "", // two of them: dateline credit and tagline source
	} {
		if class == "source-org" {
			continue
		}
		if got := byClass(t, doc, class); got != want {
			t.Errorf(".%s text %q, want %q", class, got, want)
		}
	}
	aside := findAll(doc, func(n *html.Node) bool { return n.Data == "aside" && hasHTMLClass(n, "related") })
	if len(aside) != 1 {
		t.Fatalf("found %d related asides", len(aside))
	}
	h2 := findAll(aside[0], func(n *html.Node) bool { return n.Data == "h2" })
	if len(h2) != 1 || nodeText(h2[0]) != "More Harbor Times" {
		t.Errorf("related heading wrong")
	}
	var items []string
	for _, li := range findAll(aside[0], func(n *html.Node) bool { return n.Data == "li" }) {
		items = append(items, nodeText(li))
	}
	if want := []string{"One", "Two & <three>"}; !reflect.DeepEqual(items, want) {
		t.Errorf("related items %q, want %q", items, want)
	}
	if bytes.Contains(out, []byte("<three>")) {
		t.Error("teaser text was not escaped")
	}
	if !bytes.HasPrefix(out, []byte(`<article class="hentry"`)) {
		t.Errorf("fragment does not start with the hentry article")
	}
}
