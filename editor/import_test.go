package editor

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

func TestNinjsRoundTrip(t *testing.T) {
	for _, name := range fixtureNames(t) {
		t.Run(name, func(t *testing.T) {
			a, p := loadFixture(t, name)
			out, err := RenderNinjs(a, p, fixtureOptions())
			if err != nil {
				t.Fatal(err)
			}
			if a.EditorsNote != "" && bytes.Contains(out, []byte(a.EditorsNote)) {
				t.Error("the editor's note was exported")
			}
			b, err := ParseNinjs(out, DefaultProfile())
			if err != nil {
				t.Fatalf("import of the export: %v", err)
			}
			f, _ := BuildFrame(a, p, fixtureResolver)
			for _, c := range []struct {
				field     string
				got, want any
			}{
				{"id", b.ID, a.ID},
				{"slug", b.Slug, a.Slug},
				{"headline", b.Headline, Typeset(a.Headline)}, // rendered formats typeset it
				{"deck", b.Deck, Typeset(a.Deck)},
				{"byline", FormatByline(b.Byline), FormatByline(a.Byline)},
				{"dateline", FormatDateline(b.Dateline, p.Dash), FormatDateline(a.Dateline, p.Dash)},
				{"attribution kind", string(b.Attribution.Kind), strings.Replace(string(a.Attribution.Kind), "original", "", 1)},
				{"attribution source", b.Attribution.Source, a.Attribution.Source},
				{"original url", b.Attribution.OriginalURL, a.Attribution.OriginalURL},
				{"body", b.Body, a.Body},
				{"tags", strings.Join(b.Tags, "|"), strings.Join(a.Tags, "|")},
				{"language", b.Language, firstNonEmpty(a.Language, p.Language)},
				{"created", b.Created.Equal(a.Created), true},
				{"updated", b.Updated.Equal(a.Updated), true},
				{"correction", b.CorrectionNote, f.Correction},
				{"footer", mustFooter(t, b, p), f.Footer},
				{"related", len(b.Related), len(f.Related)},
			} {
				if !reflect.DeepEqual(c.got, c.want) {
					t.Errorf("%s = %#v, want %#v", c.field, c.got, c.want)
				}
			}
		})
	}
}

// mustFooter returns the footer of a under p.
func mustFooter(t *testing.T, a *Article, p Profile) string {
	t.Helper()
	f, err := BuildFrame(a, p, nil)
	if err != nil {
		t.Fatal(err)
	}
	return f.Footer
}

// entryText returns the normalised text content of the entry-content div
// of an HTML export.
func entryText(t *testing.T, page []byte) string {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	nodes := findAll(doc, func(n *html.Node) bool { return hasHTMLClass(n, "entry-content") })
	if len(nodes) != 1 {
		t.Fatalf("%d entry-content elements", len(nodes))
	}
	// Footnote back-links are navigation; their arrow is not text.
	return strings.Join(strings.Fields(strings.ReplaceAll(nodeText(nodes[0]), "↩︎", "")), " ")
}

func TestHTMLImportOfExport(t *testing.T) {
	for _, name := range fixtureNames(t) {
		t.Run(name, func(t *testing.T) {
			a, p := loadFixture(t, name)
			page, err := RenderHTMLDocument(a, p, fixtureOptions())
			if err != nil {
				t.Fatal(err)
			}
			b, err := ParseHTMLArticle(page, DefaultProfile())
			if err != nil {
				t.Fatalf("import of the export: %v", err)
			}
			f, _ := BuildFrame(a, p, fixtureResolver)
			for _, c := range []struct {
				field     string
				got, want any
			}{
				{"id", b.ID, a.ID},
				{"headline", b.Headline, Typeset(a.Headline)}, // rendered formats typeset it
				{"deck", b.Deck, Typeset(a.Deck)},
				{"byline", FormatByline(b.Byline), FormatByline(a.Byline)},
				{"dateline", FormatDateline(b.Dateline, p.Dash), FormatDateline(a.Dateline, p.Dash)},
				{"tagline", b.Attribution.Source, map[bool]string{true: a.Attribution.Source}[a.Attribution.Kind == AttributionContributed]},
				{"original url", b.Attribution.OriginalURL, a.Attribution.OriginalURL},
				{"tags", strings.Join(b.Tags, "|"), strings.Join(a.Tags, "|")},
				{"correction", b.CorrectionNote, f.Correction},
				{"footer", mustFooter(t, b, p), f.Footer},
				{"related", b.Related, f.Related},
				{"updated", b.Updated.Equal(a.Updated), true},
			} {
				got, want := c.got, c.want
				if ts, ok := want.([]Teaser); ok {
					for i := range ts {
						ts[i].DraftID = ""
					}
					if len(ts) == 0 {
						want = []Teaser(nil)
					}
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s = %#v, want %#v", c.field, got, want)
				}
			}
			if name == "footnotes" && b.Body != strings.TrimSpace(a.Body) {
				t.Errorf("footnotes did not come back as Markdown footnotes:\n%s", b.Body)
			}
			again, err := RenderHTMLDocument(b, p, fixtureOptions())
			if err != nil {
				t.Fatal(err)
			}
			if got, want := entryText(t, again), entryText(t, page); got != want {
				t.Errorf("body text changed:\n%s", firstDiff(want, got))
			}
		})
	}
}

func TestParseHTMLArticleForeignPage(t *testing.T) {
	page := `<!doctype html><html lang="de"><head><title>Site | Ignored</title>
<meta name="description" content="Ein Deck">
<script>var x = "<p>not body</p>";</script>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"LD headline","author":[{"@type":"Person","name":"Eva Braun"},"Ole Nord"],"datePublished":"2025-05-06T07:08:09Z","keywords":"hafen, streik","identifier":"0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e"}</script>
</head><body><nav><a href="/">Home</a></nav>
<main><h1>Hafen streikt</h1>
<p>Die <em>Hafenarbeiter</em> streiken seit <a href="https://x.example/a">Montag</a>.</p>
<ul><li>Eins</li><li>Zwei</li></ul>
<p><a href="javascript:alert(1)">bad</a> <img src=x onerror=alert(1)></p>
<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>
</main><footer>Impressum</footer></body></html>`
	a, err := ParseHTMLArticle([]byte(page), DefaultProfile())
	if err != nil {
		t.Fatal(err)
	}
	if a.Headline != "Hafen streikt" || a.Deck != "Ein Deck" || a.Language != "de" {
		t.Errorf("headline %q deck %q language %q", a.Headline, a.Deck, a.Language)
	}
	if got := FormatByline(a.Byline); got != "by Eva Braun and Ole Nord" {
		t.Errorf("byline %q", got)
	}
	if a.ID != "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e" || !a.Published.Equal(time.Date(2025, 5, 6, 7, 8, 9, 0, time.UTC)) {
		t.Errorf("id %q published %v", a.ID, a.Published)
	}
	if strings.Join(a.Tags, "|") != "hafen|streik" {
		t.Errorf("tags %q", a.Tags)
	}
	for _, want := range []string{"*Hafenarbeiter*", "[Montag](https://x.example/a)", "- Eins", "| A | B |"} {
		if !strings.Contains(a.Body, want) {
			t.Errorf("body lacks %q:\n%s", want, a.Body)
		}
	}
	for _, bad := range []string{"Home", "Impressum", "not body", "Hafen streikt", "onerror"} {
		if strings.Contains(a.Body, bad) {
			t.Errorf("body holds %q:\n%s", bad, a.Body)
		}
	}
	out, err := RenderHTMLFragment(a, DefaultProfile(), RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	checkSafeHTML(t, out, 0)
}

func TestImportErrors(t *testing.T) {
	for _, f := range []Format{FormatMarkdown, FormatWire, FormatNinjs, FormatHTML} {
		for name, in := range map[string][]byte{
			"empty":  nil,
			"binary": []byte("\x89PNG\r\n\x1a\n\x00\x00"),
			"latin1": []byte("caf\xe9 cr\xe8me"),
			"huge":   bytes.Repeat([]byte("a "), MaxImportBytes/2+1),
		} {
			if _, err := Import(f, in, DefaultProfile()); ErrorCode(err) != EINVALID {
				t.Errorf("%s/%s: error %v, want EINVALID", f, name, err)
			}
		}
	}
	for _, in := range []string{"{", `{"type":"text"}`, `{"uri":"x","type":"picture"}`, `[1,2]`, "{\n\"uri\": \"x\",\n  oops\n}"} {
		_, err := ParseNinjs([]byte(in), DefaultProfile())
		if ErrorCode(err) != EINVALID {
			t.Errorf("ParseNinjs(%q) error %v, want EINVALID", in, err)
		}
	}
	if _, err := ParseNinjs([]byte("{\n\"uri\": \"x\",\n  oops\n}"), DefaultProfile()); !strings.Contains(ErrorMessage(err), "line 3") {
		t.Errorf("ninjs syntax error %q does not name line 3", ErrorMessage(err))
	}
	if _, err := ParseHTMLArticle([]byte("<html><body><script>x</script></body></html>"), DefaultProfile()); ErrorCode(err) != EINVALID {
		t.Errorf("an HTML page without article: %v", err)
	}
	if _, err := Import("docx", []byte("x"), DefaultProfile()); ErrorCode(err) != EINVALID {
		t.Errorf("Import(docx): %v", err)
	}
}

func TestDetectFormat(t *testing.T) {
	wire, err := os.ReadFile(filepath.Join("testdata", "wire", "article-md-example.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		data string
		want Format
	}{
		{"a.txt", "anything", FormatWire},
		{"A.MD", "anything", FormatMarkdown},
		{"a.markdown", "x", FormatMarkdown},
		{"item.json", "x", FormatNinjs},
		{"page.HTM", "x", FormatHTML},
		{"page.html", "x", FormatHTML},
		{"noext", `  {"uri": "x"}`, FormatNinjs},
		{"noext", "<!DOCTYPE html><html></html>", FormatHTML},
		{"noext", "<article><p>x</p></article>", FormatHTML},
		{"noext", "---\ntitle: x\n---\nbody", FormatMarkdown},
		{"noext", "# Heading\n\nbody", FormatMarkdown},
		{"noext", string(wire), FormatWire},
		{"noext", "Just a paragraph.\nCopyright 2026 AP. All rights reserved.\n", FormatWire},
		{"noext", "Just a paragraph of text.", FormatMarkdown},
	} {
		got, err := DetectFormat(tt.name, []byte(tt.data), DefaultProfile())
		if err != nil || got != tt.want {
			t.Errorf("DetectFormat(%q, %.20q) = %q, %v; want %q", tt.name, tt.data, got, err, tt.want)
		}
	}
	for _, in := range [][]byte{nil, []byte("\x00\x01"), []byte("\xff\xfe")} {
		if _, err := DetectFormat("a.md", in, DefaultProfile()); ErrorCode(err) != EINVALID {
			t.Errorf("DetectFormat(%q) error %v, want EINVALID", in, err)
		}
	}
}

func FuzzParseNinjs(f *testing.F) {
	a, p := loadFixture(f, "kenya-tea-harvest")
	seed, err := RenderNinjs(a, p, fixtureOptions())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte(`{"uri":"u","bodies":[{"contenttype":"text/html","value":"<p>x</p>"}]}`))
	f.Add([]byte(`{"uri":"u","by":"the way","bodies":[{"value":"Copyright 2020 X. All rights reserved."}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ParseNinjs(data, DefaultProfile())
		if err != nil {
			if ErrorCode(err) != EINVALID {
				t.Fatalf("error %v has code %q", err, ErrorCode(err))
			}
			return
		}
		if err := a.Validate(); err != nil {
			t.Fatalf("imported article does not validate: %v", err)
		}
		if _, err := RenderNinjs(a, DefaultProfile(), RenderOptions{}); err != nil {
			t.Fatal(err)
		}
	})
}

func FuzzParseHTMLArticle(f *testing.F) {
	a, p := loadFixture(f, "structure")
	seed, err := RenderHTMLDocument(a, p, fixtureOptions())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte(`<p class="byline">by <span class="fn">A</span></p><h1>H</h1><p>x <span class="dateline">LONDON –</span></p>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ParseHTMLArticle(data, DefaultProfile())
		if err != nil {
			if ErrorCode(err) != EINVALID {
				t.Fatalf("error %v has code %q", err, ErrorCode(err))
			}
			return
		}
		if err := a.Validate(); err != nil {
			t.Fatalf("imported article does not validate: %v", err)
		}
		if _, err := RenderHTMLFragment(a, DefaultProfile(), RenderOptions{}); err != nil {
			t.Fatal(err)
		}
	})
}

func FuzzDetectFormat(f *testing.F) {
	f.Add("a.txt", []byte("by A\nx"))
	f.Add("x", []byte("{}"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		got, err := DetectFormat(name, data, DefaultProfile())
		if err != nil {
			if ErrorCode(err) != EINVALID {
				t.Fatalf("error %v has code %q", err, ErrorCode(err))
			}
			return
		}
		if _, err := ParseFormat(string(got)); err != nil {
			t.Fatalf("detected unknown format %q", got)
		}
	})
}
