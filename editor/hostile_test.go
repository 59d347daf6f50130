package editor

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/dateline-news/dateline/editor/hostile"
)

// hostileBodies is the corpus of bodies that try to smuggle script or
// dangerous links through the Markdown pipeline (hostile.Scripts).
var hostileBodies = hostile.Scripts()

// hostileText is put in every plain field of the article.
const hostileText = `</script><script>alert("x")</script><img src=x onerror=alert(1)> & "q" 'a'`

// allowedElements are the elements an export may contain.
var allowedElements = map[string]bool{
	"html": true, "head": true, "body": true, "meta": true, "title": true, "style": true, "script": true,
	"article": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "p": true,
	"span": true, "div": true, "aside": true, "ul": true, "ol": true, "li": true, "a": true, "em": true,
	"strong": true, "code": true, "time": true, "pre": true, "blockquote": true, "hr": true, "br": true, "table": true,
	"thead": true, "tbody": true, "tr": true, "th": true, "td": true, "del": true, "sup": true, "img": true,
	"input": true,
}

// checkSafeHTML parses out and fails when it holds a script element other
// than the JSON-LD block, an element outside allowedElements, an event
// handler attribute or a URL that SafeURL rejects.
func checkSafeHTML(t *testing.T, out []byte, wantScripts int) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	scripts := 0
	for _, n := range findAll(doc, func(*html.Node) bool { return true }) {
		if !allowedElements[n.Data] {
			t.Errorf("element <%s> reached the output", n.Data)
		}
		if n.Data == "script" {
			scripts++
			if htmlAttr(n, "type") != "application/ld+json" {
				t.Errorf("script of type %q", htmlAttr(n, "type"))
			}
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(strings.ToLower(a.Key), "on") {
				t.Errorf("event handler %s=%q on <%s>", a.Key, a.Val, n.Data)
			}
			if a.Key == "href" || a.Key == "src" {
				low := strings.ToLower(a.Val)
				kind := URLLink
				if a.Key == "src" {
					kind = URLImage
				}
				if SafeURLFor(kind, a.Val) == "" && a.Val != "" || strings.Contains(low, "javascript") || strings.Contains(low, "vbscript") || strings.Contains(low, "data:") && !strings.HasPrefix(low, "data:image/png;base64,") {
					t.Errorf("dangerous %s=%q on <%s>", a.Key, a.Val, n.Data)
				}
			}
		}
	}
	if scripts != wantScripts {
		t.Errorf("found %d script elements, want %d", scripts, wantScripts)
	}
	if got := bytes.Count(bytes.ToLower(out), []byte("</script")); got != wantScripts {
		t.Errorf("found %d </script in the raw output, want %d", got, wantScripts)
	}
	return doc
}

func hostileArticle(body string) *Article {
	return &Article{
		ID: "d3a4b5c6-7e8f-4a01-9b2c-3d4e5f607182", Slug: "hostile", Status: StatusCorrected,
		Headline: hostileText, Deck: hostileText,
		Byline:      Byline{Authors: []string{hostileText, "B"}, Title: hostileText},
		Dateline:    Dateline{Place: hostileText, Credit: hostileText, Date: time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)},
		Attribution: Attribution{Kind: AttributionSyndicated, Source: hostileText, OriginalPublisher: hostileText, OriginalURL: "javascript:alert(1)"},
		Copyright:   Copyright{Holder: hostileText},
		Body:        body,
		Related: []Teaser{
			{Text: hostileText, URL: "javascript:alert(1)"},
			{Text: "data", URL: " data:text/html,<script>alert(1)</script>"},
			{Text: "vb", URL: "\tVBSCRIPT:msgbox(1)"},
			{Text: "split", URL: "java\nscript:alert(1)"},
			{Text: "ok", URL: "https://example.com/?q=</script>"},
		},
		Tags: []string{hostileText}, Section: hostileText, CorrectionNote: hostileText, Language: `en"><script>`,
		EditorsNote: hostileText,
		Created:     time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC), Updated: time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC),
	}
}

func TestHostileInputHTML(t *testing.T) {
	p := DefaultProfile()
	for i, body := range hostileBodies {
		a := hostileArticle(body)
		frag, err := RenderHTMLFragment(a, p, RenderOptions{})
		if err != nil {
			t.Fatalf("%d: %v", i, err)
		}
		t.Run("fragment/"+itoa(i), func(t *testing.T) { checkSafeHTML(t, frag, 0) })
		page, err := RenderHTMLDocument(a, p, RenderOptions{})
		if err != nil {
			t.Fatalf("%d: %v", i, err)
		}
		t.Run("page/"+itoa(i), func(t *testing.T) {
			doc := checkSafeHTML(t, page, 1)
			script := findAll(doc, func(n *html.Node) bool { return n.Data == "script" })[0]
			var ld map[string]any
			if err := json.Unmarshal([]byte(nodeText(script)), &ld); err != nil {
				t.Fatalf("JSON-LD does not parse: %v", err)
			}
			if ld["headline"] != Typeset(hostileText) {
				t.Errorf("JSON-LD headline %q, want the hostile text only typeset", ld["headline"])
			}
			if _, ok := ld["isBasedOn"]; ok {
				t.Errorf("a javascript: original URL reached isBasedOn: %v", ld["isBasedOn"])
			}
			if got := byClass(t, doc, "entry-title"); got != Typeset(hostileText) {
				t.Errorf("visible headline %q", got)
			}
		})
	}
}

func TestHostileInputMarkdownRoundTrip(t *testing.T) {
	p := DefaultProfile()
	for i, body := range hostileBodies {
		a := hostileArticle(body)
		out, err := RenderMarkdown(a, p, RenderOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(out, []byte("javascript:alert(1))\n")) && !strings.Contains(body, "javascript:alert(1))") {
			t.Errorf("%d: a dangerous teaser link was written into the Markdown", i)
		}
		back, err := ParseMarkdownArticle(out)
		if err != nil {
			t.Fatalf("%d: %v", i, err)
		}
		want := a.Clone()
		want.EditorsNote = ""
		want.Body = SafeMarkdownBody(a.Body)
		// Corrected copy without a publication time: the import takes
		// the date the copy carries, its dateline date.
		want.Published = a.Dateline.Date
		if d := sameArticle(back, want); d != "" {
			t.Errorf("%d: %s", i, d)
		}
		again, err := RenderMarkdown(back, p, RenderOptions{})
		if err != nil {
			t.Fatal(err)
		}
		back2, err := ParseMarkdownArticle(again)
		if err != nil || back2.Body != back.Body {
			t.Errorf("%d: the safe body is not a fixed point: %q → %q (%v)", i, back.Body, back2.Body, err)
		}
	}
}

func TestSafeURL(t *testing.T) {
	for _, u := range []string{"https://x.example/a?b=c#d", "http://x", "mailto:a@b.example", "/relative", "page.html", "#frag", "?q=1", "//cdn.example/x", "a/b:c"} {
		if SafeURL(u) == "" {
			t.Errorf("SafeURL(%q) rejected a safe URL", u)
		}
	}
	for _, u := range []string{"javascript:alert(1)", " JavaScript:x", "java\tscript:x", "java\nscript:x", "vbscript:x", "data:text/html,x", "data:image/png;base64,x", "file:///etc/passwd", "\x01javascript:x", "ftp://x", ""} {
		if SafeURL(u) != "" {
			t.Errorf("SafeURL(%q) accepted a dangerous URL", u)
		}
	}
}

func TestHostileInputNinjsAndWire(t *testing.T) {
	p := DefaultProfile()
	for i, body := range hostileBodies {
		a := hostileArticle(body)
		out, err := RenderNinjs(a, p, RenderOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var n Ninjs
		if err := json.Unmarshal(out, &n); err != nil {
			t.Fatalf("%d: ninjs is not valid JSON: %v", i, err)
		}
		if bytes.Contains(bytes.ToLower(out), []byte("<script")) {
			t.Errorf("%d: ninjs holds a raw <script", i)
		}
		for _, b := range n.Bodies {
			if b.ContentType == "text/html" {
				t.Run("ninjs/"+itoa(i), func(t *testing.T) { checkSafeHTML(t, []byte(b.Value), 0) })
			}
		}
		for _, s := range n.InfoSources {
			if s.URI != "" {
				t.Errorf("%d: dangerous original URL reached the info sources: %q", i, s.URI)
			}
		}
		if n.Headlines[0].Value != Typeset(hostileText) {
			t.Errorf("%d: headline %q", i, n.Headlines[0].Value)
		}
		wire, err := RenderWireText(a, p, RenderOptions{})
		if err != nil {
			t.Fatal(err)
		}
		// Wire copy is plain text: fields keep their characters, but raw
		// HTML in the body is dropped (code shows its text on purpose).
		plain := hostileArticle("")
		base, err := RenderWireText(plain, p, RenderOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(body, "`") && bytes.Count(wire, []byte("<")) != bytes.Count(base, []byte("<")) {
			t.Errorf("%d: raw HTML of the body reached the wire text:\n%s", i, wire)
		}
	}
}

func TestHostileHTMLImport(t *testing.T) {
	page := `<html><head><script>alert(1)</script><script type="application/ld+json">{"@type":"NewsArticle","headline":"</script><script>alert(1)</script>","isBasedOn":"javascript:alert(1)"}</script></head>
<body><article><h1 onclick="alert(1)">Head</h1>
<p>Text <a href="javascript:alert(1)">js</a> <a href="JaVaScRiPt&colon;alert(1)">js2</a> <a href="data:text/html,x">data</a>
<img src="x" onerror="alert(1)"><iframe src="https://evil.example"></iframe><object data="x"></object></p>
<p class="dateline">NOT A PLACE – </p>
<aside class="related"><ul><li><a href="vbscript:x">teaser</a></li></ul></aside>
</article></body></html>`
	a, err := ParseHTMLArticle([]byte(page), DefaultProfile())
	if err != nil {
		t.Fatal(err)
	}
	if a.Attribution.OriginalURL != "" {
		t.Errorf("javascript: isBasedOn became the original URL")
	}
	for _, r := range a.Related {
		if r.URL != "" {
			t.Errorf("dangerous teaser URL %q kept", r.URL)
		}
	}
	out, err := RenderHTMLDocument(a, DefaultProfile(), RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	checkSafeHTML(t, out, 1)
}
