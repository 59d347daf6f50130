package editor

import (
	"bytes"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// MaxHeadlineRunes is the headline length search engines show in full;
// Google truncates a NewsArticle headline after 110 characters.
const MaxHeadlineRunes = 110

// HeadlineWarning says when a's headline is longer than MaxHeadlineRunes,
// or "" when it is not. The form shows it under the headline field, and
// ExportWarnings carries it to the command line.
func HeadlineWarning(a *Article) string {
	n := utf8.RuneCountInString(strings.TrimSpace(a.Headline))
	if n <= MaxHeadlineRunes {
		return ""
	}
	return "headline has " + strconv.Itoa(n) + " characters; search engines cut it after " + strconv.Itoa(MaxHeadlineRunes)
}

// urlPatternFields are the placeholders an article URL pattern may use.
var urlPatternFields = []string{"{site}", "{yyyy}", "{mm}", "{dd}", "{slug}", "{id}", "{section}"}

// validateStructuredData checks the logo URL and article URL pattern of p
// (CheckSettingsURL, CheckURLPattern). The site URL (BaseURL) is older than
// these checks and libraries may hold one that is not absolute, so it is
// not refused here (the settings dialog asks for an absolute one);
// structured data uses it only when it is absolute.
func (p Profile) validateStructuredData() error {
	if err := CheckSettingsURL("logo URL", p.LogoURL); err != nil {
		return err
	}
	return CheckURLPattern(p.URLPattern, p.BaseURL)
}

// CheckSettingsURL checks a URL of the publication settings: empty, or an
// absolute http:// or https:// address. name says which one in the error.
func CheckSettingsURL(name, v string) error {
	if v = strings.TrimSpace(v); v != "" && !isAbsoluteHTTP(v) {
		return Errorf(EINVALID, "%s %q must be an absolute http:// or https:// address", name, v)
	}
	return nil
}

// CheckURLPattern checks an article URL pattern (see ArticleURL) under
// the site URL site: empty, or made of the known placeholders, naming the
// article by {slug} or {id}, and giving an absolute http(s) address.
func CheckURLPattern(pattern, site string) error {
	pat := strings.TrimSpace(pattern)
	if pat == "" {
		return nil
	}
	rest := pat
	for _, f := range urlPatternFields {
		rest = strings.ReplaceAll(rest, f, "")
	}
	if i := strings.IndexAny(rest, "{}"); i >= 0 {
		return Errorf(EINVALID, "article URL pattern %q has an unknown placeholder; use %s", pat, strings.Join(urlPatternFields, ", "))
	}
	if !strings.Contains(pat, "{slug}") && !strings.Contains(pat, "{id}") {
		return Errorf(EINVALID, "article URL pattern %q names no article: it needs {slug} or {id}", pat)
	}
	if strings.Contains(pat, "{site}") && strings.TrimSpace(site) == "" {
		return Errorf(EINVALID, "article URL pattern %q uses {site}, but the site URL is not set", pat)
	}
	if strings.Contains(pat, "{site}") && !isAbsoluteHTTP(site) {
		return Errorf(EINVALID, "article URL pattern %q uses {site}, but the site URL %q is not an absolute http:// or https:// address", pat, strings.TrimSpace(site))
	}
	if !strings.HasPrefix(pat, "{site}") && !isAbsoluteHTTP(pat) {
		return Errorf(EINVALID, "article URL pattern %q must start with {site} or http:// or https://", pat)
	}
	return nil
}

// isAbsoluteHTTP reports whether u is an absolute http or https URL with
// a host.
func isAbsoluteHTTP(u string) bool {
	p, err := url.Parse(strings.TrimSpace(u))
	return err == nil && (p.Scheme == "http" || p.Scheme == "https") && p.Host != "" && SafeURL(u) != ""
}

// ArticleURL is a's public URL made from p's URL pattern: {site} is the
// site URL without its trailing slash, {yyyy}, {mm} and {dd} the date the
// site files it under (SiteDate), {slug}, {id} and {section} (as a slug)
// the article's. It is "" without a pattern, or when the result is not an
// absolute http(s) URL.
func ArticleURL(a *Article, p Profile) string {
	pat := strings.TrimSpace(p.URLPattern)
	if pat == "" {
		return ""
	}
	d := a.SiteDate()
	if d.IsZero() {
		d = a.Updated
	}
	u := strings.NewReplacer(
		"{site}", strings.TrimRight(strings.TrimSpace(p.BaseURL), "/"),
		"{yyyy}", d.Format("2006"), "{mm}", d.Format("01"), "{dd}", d.Format("02"),
		"{slug}", url.PathEscape(a.Slug), "{id}", a.ID, "{section}", Slugify(a.Section),
	).Replace(pat)
	if !isAbsoluteHTTP(u) {
		return ""
	}
	return u
}

// FirstImageURL is the absolute URL of the first image of a's body that the
// URL policy lets through, for JSON-LD "image": a relative source is
// resolved against the site URL; a data: picture, or a relative one
// without a site URL, is skipped.
func FirstImageURL(a *Article, p Profile) string {
	doc, _ := ParseBody(a.PublicBody())
	base, _ := url.Parse(strings.TrimSpace(p.BaseURL))
	found := ""
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		img, ok := n.(*ast.Image)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		dest := SafeURLFor(URLLink, string(img.Destination))
		if dest == "" {
			return ast.WalkContinue, nil
		}
		ref, err := url.Parse(dest)
		if err != nil {
			return ast.WalkContinue, nil
		}
		if !ref.IsAbs() {
			if base == nil || !isAbsoluteHTTP(p.BaseURL) {
				return ast.WalkContinue, nil
			}
			ref = base.ResolveReference(ref)
		}
		if s := ref.String(); isAbsoluteHTTP(s) {
			found = s
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

// ldThing is a schema.org Person or Organization, with the logo of an
// Organization.
type ldThing struct {
	Type string   `json:"@type"`
	Name string   `json:"name"`
	URL  string   `json:"url,omitempty"`
	Logo *ldImage `json:"logo,omitempty"`
}

// ldImage is a schema.org ImageObject.
type ldImage struct {
	Type string `json:"@type"`
	URL  string `json:"url"`
}

// ldWebPage is the schema.org WebPage an article is the main entity of.
type ldWebPage struct {
	Type string `json:"@type"`
	ID   string `json:"@id"`
}

// NewsArticleJSONLD is the schema.org NewsArticle block of the standalone
// HTML page. Its fields agree with the visible text of the page, and it
// carries what Google's article structured data asks for: headline,
// image, author, publisher with logo, datePublished (only for copy that
// went out), dateModified, url and mainEntityOfPage.
type NewsArticleJSONLD struct {
	Context          string     `json:"@context"`
	Type             string     `json:"@type"`
	Identifier       string     `json:"identifier,omitempty"`
	URL              string     `json:"url,omitempty"`
	MainEntityOfPage *ldWebPage `json:"mainEntityOfPage,omitempty"`
	Headline         string     `json:"headline"`
	Description      string     `json:"description,omitempty"`
	Image            []string   `json:"image,omitempty"`
	Author           []ldThing  `json:"author,omitempty"`
	Dateline         string     `json:"dateline,omitempty"`
	DatePublished    string     `json:"datePublished,omitempty"`
	DateModified     string     `json:"dateModified,omitempty"`
	Publisher        *ldThing   `json:"publisher,omitempty"`
	CopyrightHolder  *ldThing   `json:"copyrightHolder,omitempty"`
	CopyrightYear    int        `json:"copyrightYear,omitempty"`
	CopyrightNotice  string     `json:"copyrightNotice,omitempty"`
	IsBasedOn        string     `json:"isBasedOn,omitempty"`
	SourceOrg        *ldThing   `json:"sourceOrganization,omitempty"`
	ArticleSection   string     `json:"articleSection,omitempty"`
	Keywords         []string   `json:"keywords,omitempty"`
	InLanguage       string     `json:"inLanguage,omitempty"`
	CorrectionNotice string     `json:"correction,omitempty"`
}

// NewsArticleLD builds the JSON-LD data of a under p with its frame f:
// authors as Person objects, the publisher as an Organization with its
// site URL and logo, the article's URL from the profile's pattern
// (ArticleURL) as url and mainEntityOfPage, the first body image
// (FirstImageURL), datePublished from PublishedAt and dateModified from
// the last change, the dateline without its dash, the copyright holder,
// the start year of the copyright and the full footer text, and for
// syndicated copy the original URL as isBasedOn and the original
// publisher as sourceOrganization (the agency, for contributed copy).
func NewsArticleLD(a *Article, p Profile, f Frame) NewsArticleJSONLD {
	ld := NewsArticleJSONLD{
		Context:         "https://schema.org",
		Type:            "NewsArticle",
		Identifier:      a.ID,
		Headline:        Typeset(a.Headline),
		Description:     Typeset(a.Deck),
		Dateline:        strings.TrimSpace(strings.TrimSuffix(f.Dateline, " "+dashOr(p.Dash)+" ")),
		CopyrightYear:   f.Copyright.Since,
		CopyrightNotice: f.Footer,
		ArticleSection:  strings.TrimSpace(a.Section),
		Keywords:        a.Tags,
		InLanguage:      firstNonEmpty(a.Language, p.Language),
	}
	if u := ArticleURL(a, p); u != "" {
		ld.URL = u
		ld.MainEntityOfPage = &ldWebPage{Type: "WebPage", ID: u}
	}
	if img := FirstImageURL(a, p); img != "" {
		ld.Image = []string{img}
	}
	for _, n := range bylineNames(a.Byline) {
		ld.Author = append(ld.Author, ldThing{Type: "Person", Name: n})
	}
	if d := a.PublishedAt(); !d.IsZero() {
		ld.DatePublished = d.Format(time.RFC3339)
	}
	if !a.Updated.IsZero() {
		ld.DateModified = a.Updated.Format(time.RFC3339)
	}
	if pub := strings.TrimSpace(p.Publisher); pub != "" {
		ld.Publisher = &ldThing{Type: "Organization", Name: pub}
		if isAbsoluteHTTP(p.BaseURL) {
			ld.Publisher.URL = strings.TrimSpace(p.BaseURL)
		}
		if isAbsoluteHTTP(p.LogoURL) {
			ld.Publisher.Logo = &ldImage{Type: "ImageObject", URL: strings.TrimSpace(p.LogoURL)}
		}
	}
	if f.Copyright.Holder != "" {
		ld.CopyrightHolder = &ldThing{Type: "Organization", Name: f.Copyright.Holder}
	}
	switch a.Attribution.Kind {
	case AttributionSyndicated:
		ld.IsBasedOn = SafeURL(a.Attribution.OriginalURL)
		if name := firstNonEmpty(a.Attribution.OriginalPublisher, f.Copyright.Publisher); name != "" {
			ld.SourceOrg = &ldThing{Type: "Organization", Name: name}
		}
	case AttributionContributed:
		if s := strings.TrimSpace(a.Attribution.Source); s != "" {
			ld.SourceOrg = &ldThing{Type: "Organization", Name: s}
		}
	}
	if f.Correction != "" {
		ld.CorrectionNotice = f.Correction
	}
	return ld
}

// writeHNewsTimes writes the hNews (hAtom) dates of a as <time> elements
// with a datetime and no text, so that they add nothing to the visible
// page: "published" from PublishedAt, only for copy that went out, and
// "updated" from the last change. Nothing is written without either.
func writeHNewsTimes(buf *bytes.Buffer, a *Article) {
	pub, upd := a.PublishedAt(), a.Updated
	if pub.IsZero() && upd.IsZero() {
		return
	}
	buf.WriteString("<div class=\"entry-dates\">")
	if !pub.IsZero() {
		fmt.Fprintf(buf, "<time class=\"published\" datetime=\"%s\"></time>", pub.Format(time.RFC3339))
	}
	if !upd.IsZero() {
		fmt.Fprintf(buf, "<time class=\"updated\" datetime=\"%s\"></time>", upd.Format(time.RFC3339))
	}
	buf.WriteString("</div>\n")
}
