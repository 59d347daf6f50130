package editor

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"html/template"
	"strings"

	"github.com/dateline-news/dateline/assets"
	"github.com/yuin/goldmark/ast"
)

// RenderHTMLFragment renders a as an hNews <article class="hentry"> element:
// headline, deck, byline, the body with its dateline run-in, the
// contributed-material tagline, the correction, the copyright footer and the
// related list. The body goes through the shared goldmark pipeline in safe
// mode; every other field is HTML-escaped.
func RenderHTMLFragment(a *Article, p Profile, opt RenderOptions) ([]byte, error) {
	f, err := buildExportFrame(a, p, opt)
	if err != nil {
		return nil, fmt.Errorf("export html: %w", err)
	}
	var buf bytes.Buffer
	if err := writeHTMLFragment(&buf, a, p, f); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// RenderHTMLDocument renders a as a standalone HTML5 page: the fragment of
// RenderHTMLFragment, the embedded print-friendly stylesheet and a
// schema.org NewsArticle JSON-LD block that agrees with the visible text.
func RenderHTMLDocument(a *Article, p Profile, opt RenderOptions) ([]byte, error) {
	f, err := buildExportFrame(a, p, opt)
	if err != nil {
		return nil, fmt.Errorf("export html: %w", err)
	}
	ld, err := json.MarshalIndent(NewsArticleLD(a, p, f), "", "  ")
	if err != nil {
		return nil, fmt.Errorf("export html: json-ld: %w", err)
	}
	lang := strings.TrimSpace(a.Language)
	if lang == "" {
		lang = strings.TrimSpace(p.Language)
	}
	if lang == "" {
		lang = "en"
	}
	var article bytes.Buffer
	if err := writeHTMLFragment(&article, a, p, f); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	err = htmlPage.Execute(&buf, htmlPageData{
		Lang:        lang,
		Title:       HTMLTitle(a),
		Description: Typeset(a.Deck),
		CSS:         template.CSS(bytes.TrimSpace(assets.ExportCSS)),
		// json.Marshal escapes <, > and & as \u003c, \u003e and \u0026, so
		// no field can close the script element.
		LD:      template.JS(ld),
		Article: template.HTML(article.String()),
	})
	if err != nil {
		return nil, fmt.Errorf("export html: page: %w", err)
	}
	return buf.Bytes(), nil
}

// htmlPageData fills htmlPage. CSS, LD and Article are trusted: the
// stylesheet is embedded, the JSON-LD comes from json.Marshal and the
// article from writeHTMLFragment, which escapes every field.
type htmlPageData struct {
	Lang, Title, Description string
	CSS                      template.CSS
	LD                       template.JS
	Article                  template.HTML
}

// htmlPage is the standalone page around the article. html/template
// escapes the language, title and description for where they stand.
var htmlPage = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
{{if .Description}}<meta name="description" content="{{.Description}}">
{{end}}<style>
{{.CSS}}
</style>
<script type="application/ld+json">
{{.LD}}
</script>
</head>
<body>
{{.Article}}</body>
</html>
`))

// writeHTMLFragment writes the <article> element for a and its frame f.
func writeHTMLFragment(buf *bytes.Buffer, a *Article, p Profile, f Frame) error {
	esc := html.EscapeString
	writeArticleOpen(buf, a)
	if h := Typeset(a.Headline); h != "" {
		fmt.Fprintf(buf, "<h1 class=\"entry-title\">%s</h1>\n", esc(h))
	}
	if d := Typeset(a.Deck); d != "" {
		fmt.Fprintf(buf, "<p class=\"entry-summary deck\">%s</p>\n", esc(d))
	}
	if f.Byline != "" {
		buf.WriteString("<p class=\"byline\">")
		writeBylineHTML(buf, a.Byline)
		buf.WriteString("</p>\n")
	}
	writeHNewsTimes(buf, a)
	if err := writeHTMLBody(buf, a, p, f); err != nil {
		return err
	}
	buf.WriteString("</article>\n")
	return nil
}

// writeHTMLBody writes what follows the byline in the fragment: the
// entry-content div with the body and its dateline run-in, the tagline, the
// correction, the footer and the related list.
func writeHTMLBody(buf *bytes.Buffer, a *Article, p Profile, f Frame) error {
	esc := html.EscapeString
	buf.WriteString("<div class=\"entry-content\">\n")
	doc, src := ParseArticleBody(a, p.Dash)
	SanitizeLinks(doc, src)
	prepareHTMLBody(doc, strings.TrimSpace(a.Headline) != "")
	if err := markdown.Renderer().Render(buf, src, doc); err != nil {
		return fmt.Errorf("export html: body: %w", err)
	}
	buf.WriteString("</div>\n")
	if f.Tagline != "" {
		before, after := TaglineParts()
		fmt.Fprintf(buf, "<p class=\"tagline\">%s<span class=\"source-org\">%s</span>%s</p>\n", esc(before), esc(strings.TrimSpace(a.Attribution.Source)), esc(after))
	}
	if f.Correction != "" {
		fmt.Fprintf(buf, "<p class=\"correction\">%s</p>\n", esc(f.Correction))
	}
	fmt.Fprintf(buf, "<p class=\"item-license\">%s</p>\n", esc(f.Footer))
	if len(f.Related) > 0 {
		fmt.Fprintf(buf, "<aside class=\"related\">\n<h2>%s</h2>\n<ul>\n", esc(f.RelatedHeading))
		for _, t := range f.Related {
			buf.WriteString("<li>")
			if u := SafeURL(t.URL); u != "" {
				fmt.Fprintf(buf, "<a href=\"%s\">%s</a>", esc(u), esc(t.Text))
			} else {
				buf.WriteString(esc(t.Text))
			}
			buf.WriteString("</li>\n")
		}
		buf.WriteString("</ul>\n</aside>\n")
	}
	return nil
}

// writeBylineHTML writes the byline with each author as an hNews author,
// an hCard of their own: <span class="author vcard"><span
// class="fn">; its text content equals FormatByline(b).
func writeBylineHTML(buf *bytes.Buffer, b Byline) {
	names := bylineNames(b)
	buf.WriteString("by ")
	for i, n := range names {
		buf.WriteString(BylineSeparator(i, len(names)))
		fmt.Fprintf(buf, "<span class=\"author vcard\"><span class=\"fn\">%s</span></span>", html.EscapeString(n))
	}
	if t := strings.TrimSpace(b.Title); t != "" {
		fmt.Fprintf(buf, ", <span class=\"title\">%s</span>", html.EscapeString(t))
	}
}

// bylineNames returns the trimmed, non-empty author names of b.
func bylineNames(b Byline) []string {
	var names []string
	for _, n := range b.Authors {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
		}
	}
	return names
}

// SanitizeLinks removes dangerous destinations from a body AST before it is
// rendered, by the one URL policy (SafeURLFor): links whose URL it
// rejects lose their destination (their text stays), images with such a
// URL (or none) give way to their alt text, so that no <img src=""> is
// written, and such autolinks become plain text. goldmark's own safe mode
// already drops javascript:, vbscript: and file: URLs but lets
// entity-encoded schemes and data:image URLs of any kind through.
func SanitizeLinks(doc ast.Node, src []byte) {
	var autolinks []*ast.AutoLink
	var images []*ast.Image
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			if SafeURL(string(n.Destination)) == "" {
				n.Destination = nil
			}
		case *ast.Image:
			if SafeURLFor(URLImage, string(n.Destination)) == "" {
				n.Destination = nil
				images = append(images, n)
			}
		case *ast.AutoLink:
			if SafeURL(string(n.URL(src))) == "" {
				autolinks = append(autolinks, n)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, n := range autolinks {
		parent := n.Parent()
		if parent == nil {
			continue
		}
		parent.ReplaceChild(parent, n, ast.NewString(n.Label(src)))
	}
	for _, n := range images {
		unwrapInline(n)
	}
}

// unwrapInline puts n's children in its place in its parent.
func unwrapInline(n ast.Node) {
	parent := n.Parent()
	if parent == nil {
		return
	}
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		parent.InsertBefore(parent, n, c)
		c = next
	}
	parent.RemoveChild(parent, n)
}

// dashOr returns dash, or the default en dash when it is empty.
func dashOr(dash string) string {
	if dash == "" {
		return DashEn
	}
	return dash
}

// firstNonEmpty returns the first of ss that is not blank, trimmed.
func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}
