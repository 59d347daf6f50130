package editor

import (
	"strings"
	"testing"
)

// TestHTMLBodyImportKeepsStructure imports bodies whose HTML the converter
// alone gets wrong, as Dateline exports them: the Markdown renders to the
// same fragment and keeps no marker.
func TestHTMLBodyImportKeepsStructure(t *testing.T) {
	for _, c := range []struct{ name, body string }{
		{"bullets after bullets", "- a\n- b\n\n* c\n* d"},
		{"three bullet lists", "- a\n\n* b\n\n- c"},
		{"numbers after numbers", "1. a\n2. b\n\n1) c\n2) d"},
		{"bullets then numbers", "- a\n\n1. b"},
		{"tight nested", "- a\n  - b\n  - c\n- d"},
		{"loose list", "- a\n\n  more\n- b"},
		{"task boxes", "- [x] done\n- [ ] to do"},
		{"aligned table", "| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |"},
		{"autolinks", "See <https://x.example/a_b>, <desk@x.example> and www.x.example."},
		{"all heading levels", "# 1\n\n## 2\n\n### 3\n\n#### 4\n\n##### 5\n\n###### 6"},
		{"footnotes", "A.[^1]\n\n[^1]: Note."},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := &Article{ID: NewID(), Slug: "x", Headline: "H", Status: StatusDraft, Body: c.body}
			frag, err := RenderHTMLFragment(a, DefaultProfile(), RenderOptions{})
			if err != nil {
				t.Fatal(err)
			}
			b, err := ParseHTMLArticle(frag, DefaultProfile())
			if err != nil {
				t.Fatal(err)
			}
			again, err := RenderHTMLFragment(b, DefaultProfile(), RenderOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if string(again) != string(frag) {
				t.Errorf("body %q came back as %q:\n%s", c.body, b.Body, firstDiff(string(frag), string(again)))
			}
			if strings.Contains(b.Body, listEndComment) || strings.Contains(b.Body, "DATELINE") {
				t.Errorf("a marker is left in %q", b.Body)
			}
		})
	}
}

// TestHTMLImportOfOtherPages reads markup Dateline does not write: goldmark's
// fn:1 footnote ids, text-align styles, and a page whose headline is not an
// <h1> (its headings stay as they are).
func TestHTMLImportOfOtherPages(t *testing.T) {
	for _, c := range []struct{ name, page, want string }{
		{"goldmark footnotes",
			`<article><h1>H</h1><p>A.<sup id="fnref:1"><a href="#fn:1" class="footnote-ref">1</a></sup></p><div class="footnotes"><hr><ol><li id="fn:1"><p>Note.&#160;<a href="#fnref:1" class="footnote-backref">↩︎</a></p></li></ol></div></article>`,
			"A.[^1]\n\n[^1]: Note."},
		{"styled alignment",
			`<article><h1>H</h1><table><thead><tr><th style="text-align:right">a</th></tr></thead><tbody><tr><td style="text-align:right">1</td></tr></tbody></table></article>`,
			"| a |\n|--:|\n| 1 |"},
		{"no h1 headline",
			`<html><head><title>T</title></head><body><h2>Sub</h2><p>Text.</p></body></html>`,
			"## Sub\n\nText."},
		{"h1 headline",
			`<article><h1>T</h1><h2>Sub</h2><p>Text.</p></article>`,
			"# Sub\n\nText."},
	} {
		t.Run(c.name, func(t *testing.T) {
			a, err := ParseHTMLArticle([]byte(c.page), DefaultProfile())
			if err != nil {
				t.Fatal(err)
			}
			if a.Body != c.want {
				t.Errorf("body %q, want %q", a.Body, c.want)
			}
		})
	}
}

func TestHTMLImportReadsSlugAndStatus(t *testing.T) {
	for _, c := range []struct {
		attrs  string
		slug   string
		status Status
	}{
		{`data-slug="port-strike" data-status="approved"`, "port-strike", StatusApproved},
		{`data-slug="Not A Slug!" data-status="bogus"`, "headline-here", StatusDraft},
		{``, "headline-here", StatusDraft},
	} {
		a, err := ParseHTMLArticle([]byte(`<article class="hentry" `+c.attrs+`><h1 class="entry-title">Headline here</h1><p>Text.</p></article>`), DefaultProfile())
		if err != nil {
			t.Fatal(err)
		}
		if a.Slug != c.slug || a.Status != c.status {
			t.Errorf("%s: slug %q status %q, want %q %q", c.attrs, a.Slug, a.Status, c.slug, c.status)
		}
	}
}
