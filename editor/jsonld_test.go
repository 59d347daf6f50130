package editor

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// siteProfile is the default profile with the structured-data settings.
func siteProfile() Profile {
	p := DefaultProfile()
	p.BaseURL = "https://harbortimes.example/"
	p.LogoURL = "https://harbortimes.example/logo.png"
	p.URLPattern = "{site}/{yyyy}/{mm}/{slug}"
	return p
}

// pageJSONLD renders a as a page and returns its parsed HTML and JSON-LD.
func pageJSONLD(t *testing.T, a *Article, p Profile) (*html.Node, map[string]any) {
	t.Helper()
	out, err := RenderHTMLDocument(a, p, RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	scripts := findAll(doc, func(n *html.Node) bool { return n.Data == "script" })
	if len(scripts) != 1 {
		t.Fatalf("%d script elements", len(scripts))
	}
	var ld map[string]any
	if err := json.Unmarshal([]byte(nodeText(scripts[0])), &ld); err != nil {
		t.Fatalf("JSON-LD: %v", err)
	}
	return doc, ld
}

func publishedStory() *Article {
	a := NewArticle(time.Date(2026, 4, 1, 8, 0, 0, 0, time.UTC))
	a.Headline, a.Slug, a.Status = "Ferry service resumes", "ferry-resumes", StatusPublished
	a.Byline.Authors = []string{"Ann Lee", "Bo Chen"}
	a.Published = time.Date(2026, 4, 2, 6, 30, 0, 0, time.UTC)
	a.Updated = time.Date(2026, 4, 3, 7, 0, 0, 0, time.UTC)
	a.Body = "Text with no picture yet.\n\n![The ferry](/img/ferry.jpg \"Ferry\")\n\n![second](https://cdn.example/2.jpg)\n"
	return a
}

func TestNewsArticleJSONLDFields(t *testing.T) {
	a := publishedStory()
	_, ld := pageJSONLD(t, a, siteProfile())
	want := map[string]any{
		"@type":            "NewsArticle",
		"url":              "https://harbortimes.example/2026/04/ferry-resumes",
		"mainEntityOfPage": map[string]any{"@type": "WebPage", "@id": "https://harbortimes.example/2026/04/ferry-resumes"},
		"image":            []any{"https://harbortimes.example/img/ferry.jpg"},
		"datePublished":    "2026-04-02T06:30:00Z",
		"dateModified":     "2026-04-03T07:00:00Z",
		"author":           []any{map[string]any{"@type": "Person", "name": "Ann Lee"}, map[string]any{"@type": "Person", "name": "Bo Chen"}},
		"publisher": map[string]any{
			"@type": "Organization", "name": "Harbor Times", "url": "https://harbortimes.example/",
			"logo": map[string]any{"@type": "ImageObject", "url": "https://harbortimes.example/logo.png"},
		},
	}
	for k, v := range want {
		if got := ld[k]; !jsonEqual(got, v) {
			t.Errorf("%s = %#v, want %#v", k, got, v)
		}
	}
	if _, ok := ld["sourceOrganization"]; ok {
		t.Errorf("original copy has a sourceOrganization")
	}
}

func jsonEqual(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

func TestNewsArticleJSONLDWithoutSite(t *testing.T) {
	a := publishedStory()
	a.Status, a.Published = StatusEditing, time.Time{}
	_, ld := pageJSONLD(t, a, DefaultProfile())
	for _, k := range []string{"url", "mainEntityOfPage", "datePublished"} {
		if v, ok := ld[k]; ok {
			t.Errorf("%s = %v without a site URL or publication", k, v)
		}
	}
	// A relative image cannot be made absolute without the site URL; the
	// next, absolute one is the first usable image.
	if got := ld["image"]; !jsonEqual(got, []any{"https://cdn.example/2.jpg"}) {
		t.Errorf("image = %v", got)
	}
	if pub, ok := ld["publisher"].(map[string]any); !ok || pub["logo"] != nil || pub["url"] != nil || pub["name"] != "Harbor Times" {
		t.Errorf("publisher = %#v, want the name alone", ld["publisher"])
	}
}

func TestNewsArticleJSONLDImagePolicy(t *testing.T) {
	a := publishedStory()
	a.Body = "![x](javascript:alert(1)) ![y](data:image/png;base64,iVBO) ![z](jav&#x61;script:x) ![ok](pics/a.png)"
	_, ld := pageJSONLD(t, a, siteProfile())
	if got := ld["image"]; !jsonEqual(got, []any{"https://harbortimes.example/pics/a.png"}) {
		t.Errorf("image = %v, want the first safe, absolute picture", got)
	}
}

func TestNewsArticleJSONLDSourceOrganization(t *testing.T) {
	for _, tt := range []struct {
		attr Attribution
		want any
	}{
		{Attribution{Kind: AttributionContributed, Source: "Associated Press"}, map[string]any{"@type": "Organization", "name": "Associated Press"}},
		{Attribution{Kind: AttributionSyndicated, OriginalPublisher: "Coast Herald", OriginalURL: "https://herald.example/a"}, map[string]any{"@type": "Organization", "name": "Coast Herald"}},
		{Attribution{Kind: AttributionOriginal}, nil},
	} {
		a := publishedStory()
		a.Attribution = tt.attr
		_, ld := pageJSONLD(t, a, siteProfile())
		if got := ld["sourceOrganization"]; !jsonEqual(got, tt.want) {
			t.Errorf("%s: sourceOrganization = %#v, want %#v", tt.attr.Kind, got, tt.want)
		}
	}
}

func TestDatePublishedOnlyForCopyThatWentOut(t *testing.T) {
	for _, s := range Statuses {
		a := publishedStory()
		a.Status = s
		_, ld := pageJSONLD(t, a, siteProfile())
		got, ok := ld["datePublished"]
		if s.WentOut() != ok || ok && got != "2026-04-02T06:30:00Z" {
			t.Errorf("%s: datePublished = %v", s, got)
		}
		if ld["dateModified"] != "2026-04-03T07:00:00Z" {
			t.Errorf("%s: dateModified = %v", s, ld["dateModified"])
		}
	}
	// Published copy whose publication time is unknown has none: no
	// creation or update time stands in for it.
	a := publishedStory()
	a.Published = time.Time{}
	if _, ld := pageJSONLD(t, a, siteProfile()); ld["datePublished"] != nil {
		t.Errorf("datePublished = %v for unknown publication time", ld["datePublished"])
	}
}

func TestHNewsMicroformat(t *testing.T) {
	a := publishedStory()
	a.Byline.Authors = []string{"Ann Lee", "Bo Chen", "Cy Diaz"}
	doc, _ := pageJSONLD(t, a, siteProfile())
	entries := findAll(doc, func(n *html.Node) bool { return hasHTMLClass(n, "hentry") })
	if len(entries) != 1 {
		t.Fatalf("%d hentry elements", len(entries))
	}
	cards := findAll(entries[0], func(n *html.Node) bool { return hasHTMLClass(n, "author") && hasHTMLClass(n, "vcard") })
	var names []string
	for _, c := range cards {
		fns := findAll(c, func(n *html.Node) bool { return hasHTMLClass(n, "fn") })
		if len(fns) != 1 {
			t.Fatalf("author vcard with %d fn", len(fns))
		}
		names = append(names, nodeText(fns[0]))
	}
	if strings.Join(names, "|") != "Ann Lee|Bo Chen|Cy Diaz" {
		t.Errorf("hNews authors %q, want one vcard per author", names)
	}
	times := func(class string) []string {
		var out []string
		for _, n := range findAll(entries[0], func(n *html.Node) bool { return n.Data == "time" && hasHTMLClass(n, class) }) {
			out = append(out, htmlAttr(n, "datetime"))
		}
		return out
	}
	if got := times("published"); len(got) != 1 || got[0] != "2026-04-02T06:30:00Z" {
		t.Errorf("published times %q", got)
	}
	if got := times("updated"); len(got) != 1 || got[0] != "2026-04-03T07:00:00Z" {
		t.Errorf("updated times %q", got)
	}
	a.Status, a.Published = StatusApproved, time.Time{}
	doc, _ = pageJSONLD(t, a, siteProfile())
	if n := findAll(doc, func(n *html.Node) bool { return hasHTMLClass(n, "published") }); len(n) != 0 {
		t.Errorf("unpublished copy has an hNews published date")
	}
}

func TestHeadlineWarning(t *testing.T) {
	a := publishedStory()
	a.Headline = strings.Repeat("é", MaxHeadlineRunes)
	if w := HeadlineWarning(a); w != "" {
		t.Errorf("110 characters: %q", w)
	}
	if ws := ExportWarnings(FormatHTML, a); len(ws) != 0 {
		t.Errorf("export warnings %q", ws)
	}
	a.Headline = strings.Repeat("word ", 31) + "end"
	w := HeadlineWarning(a)
	if !strings.Contains(w, "158 characters") || !strings.Contains(w, "110") {
		t.Errorf("158 characters: %q", w)
	}
	for _, f := range Formats {
		if ws := ExportWarnings(f, a); len(ws) != 1 || ws[0] != w {
			t.Errorf("%s: export warnings %q", f, ws)
		}
	}
}

func TestProfileStructuredDataValidation(t *testing.T) {
	for _, tt := range []struct {
		site, logo, pattern string
		ok                  bool
	}{
		{"", "", "", true},
		{"https://x.example", "https://x.example/l.png", "{site}/{yyyy}/{mm}/{dd}/{slug}", true},
		{"", "", "https://x.example/news/{id}", true},
		{"https://x.example", "", "{site}/{section}/{slug}", true},
		{"x.example", "", "{site}/{slug}", false},
		{"javascript:alert(1)", "", "{site}/{slug}", false},
		{"", "/logo.png", "", false},
		{"https://x.example", "", "{site}/{year}/{slug}", false},
		{"https://x.example", "", "{site}/news", false},
		{"", "", "{site}/{slug}", false},
		{"", "", "/news/{slug}", false},
	} {
		p := DefaultProfile()
		p.BaseURL, p.LogoURL, p.URLPattern = tt.site, tt.logo, tt.pattern
		if err := p.Validate(); (err == nil) != tt.ok {
			t.Errorf("site %q logo %q pattern %q: %v, want ok %v", tt.site, tt.logo, tt.pattern, err, tt.ok)
		}
	}
	for _, site := range []string{"x.example", "/news/", "javascript:alert(1)", "ftp://x.example"} {
		if CheckSettingsURL("site URL", site) == nil {
			t.Errorf("site URL %q accepted by the settings check", site)
		}
	}
}

func TestArticleURL(t *testing.T) {
	a := publishedStory()
	a.Section = "Local News"
	p := siteProfile()
	p.URLPattern = "{site}/{section}/{yyyy}/{mm}/{dd}/{slug}"
	if got, want := ArticleURL(a, p), "https://harbortimes.example/local-news/2026/04/02/ferry-resumes"; got != want {
		t.Errorf("ArticleURL = %q, want %q", got, want)
	}
	a.Status = StatusDraft // filed under its creation date
	if got, want := ArticleURL(a, p), "https://harbortimes.example/local-news/2026/04/01/ferry-resumes"; got != want {
		t.Errorf("draft ArticleURL = %q, want %q", got, want)
	}
	p.URLPattern = ""
	if got := ArticleURL(a, p); got != "" {
		t.Errorf("no pattern: %q", got)
	}
}
