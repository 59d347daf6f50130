package editor

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// EndOfBodyMarker separates the article body from the tagline, correction,
// footer and related list that RenderMarkdown appends after it.
// ParseMarkdownArticle strips everything from the marker on, so that an
// exported file imports back to the same article. As an HTML comment it is
// invisible when Hugo or Jekyll render the page.
const EndOfBodyMarker = "<!-- dateline:end-of-body -->"

// frontMatter is the YAML front matter of a Markdown export. Keys follow Hugo
// and Jekyll where those have one (title, date, lastmod, publishDate, draft,
// slug, tags, authors); the rest are Dateline's own.
type frontMatter struct {
	UUID  string `yaml:"uuid,omitempty"`
	Title string `yaml:"title"`
	Slug  string `yaml:"slug,omitempty"`
	// Date is the date sites file the story under (Article.SiteDate);
	// Created is written only when it differs.
	Date    yamlTime `yaml:"date,omitempty"`
	Created yamlTime `yaml:"created,omitempty"`
	// Lastmod (Hugo) and LastModifiedAt (Jekyll) are both the last change.
	Lastmod        yamlTime `yaml:"lastmod,omitempty"`
	LastModifiedAt yamlTime `yaml:"last_modified_at,omitempty"`
	PublishDate    yamlTime `yaml:"publishDate,omitempty"`
	// PublishTime keeps Article.Published of copy that has not gone out
	// (a planned time, or an agency's): it round-trips, but no site
	// generator reads it as a publication date.
	PublishTime yamlTime `yaml:"publish_time,omitempty"`
	// Published is false for copy that is not published: Jekyll leaves it
	// out, and Hugo reads it as the inverse of draft. Draft is what older
	// exports wrote; Hugo warns when a file has both, so a new export
	// writes Published only.
	Published   *bool          `yaml:"published,omitempty"`
	Draft       *bool          `yaml:"draft,omitempty"`
	Author      firstName      `yaml:"author,omitempty"`
	Authors     stringList     `yaml:"authors,omitempty"`
	BylineTitle string         `yaml:"byline_title,omitempty"`
	Deck        string         `yaml:"deck,omitempty"`
	Dateline    *fmDateline    `yaml:"dateline,omitempty"`
	Attribution *fmAttribution `yaml:"attribution,omitempty"`
	Copyright   *fmCopyright   `yaml:"copyright,omitempty"`
	Tags        stringList     `yaml:"tags,omitempty"`
	Section     string         `yaml:"section,omitempty"`
	Status      string         `yaml:"status,omitempty"`
	Language    string         `yaml:"language,omitempty"`
	Correction  string         `yaml:"correction,omitempty"`
	Related     []fmTeaser     `yaml:"related,omitempty"`
	// Wire ingest (issue 9): what agency copy carried besides the story.
	Advisories     stringList  `yaml:"advisories,omitempty"`
	Trailer        stringList  `yaml:"trailer,omitempty"`
	RelatedHeading string      `yaml:"related_heading,omitempty"`
	Wire           *WireHeader `yaml:"wire,omitempty"`
}

type fmDateline struct {
	Place  string   `yaml:"place,omitempty"`
	Date   yamlTime `yaml:"date,omitempty"`
	Credit string   `yaml:"credit,omitempty"`
}

type fmAttribution struct {
	Source            string `yaml:"source,omitempty"`
	Kind              string `yaml:"kind,omitempty"`
	OriginalPublisher string `yaml:"original_publisher,omitempty"`
	OriginalURL       string `yaml:"original_url,omitempty"`
}

type fmCopyright struct {
	Holder string `yaml:"holder,omitempty"`
	Since  int    `yaml:"since,omitempty"`
	Year   int    `yaml:"year,omitempty"`
}

type fmTeaser struct {
	Text    string `yaml:"text,omitempty"`
	URL     string `yaml:"url,omitempty"`
	DraftID string `yaml:"draft_id,omitempty"`
}

// yamlTime is a front matter date. It is written as a plain YAML timestamp
// (a date alone when the time is midnight UTC) and read from the layouts
// Hugo and Jekyll files use.
type yamlTime struct{ time.Time }

// IsZero lets omitempty drop an unset date.
func (t yamlTime) IsZero() bool { return t.Time.IsZero() }

// MarshalYAML writes the time as an untagged timestamp scalar.
func (t yamlTime) MarshalYAML() (any, error) {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: formatFrontMatterTime(t.Time)}, nil
}

// UnmarshalYAML reads a timestamp or a date string.
func (t *yamlTime) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("line %d: expected a date", n.Line)
	}
	v, ok := parseFrontMatterTime(n.Value)
	if !ok {
		return fmt.Errorf("line %d: %q is not a date (use 2006-01-02 or 2006-01-02T15:04:05Z07:00)", n.Line, n.Value)
	}
	t.Time = v
	return nil
}

// stringList reads a YAML list of strings, or one string, as a list.
type stringList []string

// UnmarshalYAML accepts a scalar or a sequence of scalars.
func (l *stringList) UnmarshalYAML(n *yaml.Node) error {
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			*l = nil
			return nil
		}
		*l = stringList{n.Value}
		return nil
	case yaml.SequenceNode:
		out := make(stringList, 0, len(n.Content))
		for _, c := range n.Content {
			if c.Kind != yaml.ScalarNode {
				return fmt.Errorf("line %d: expected a name or word, not a nested list or map", c.Line)
			}
			out = append(out, c.Value)
		}
		*l = out
		return nil
	}
	return fmt.Errorf("line %d: expected a list of names or words", n.Line)
}

// firstName is the front matter "author": Jekyll plugins (jekyll-seo-tag,
// jekyll-feed) read one name there. It is written as the first author's
// name, a string; it is read as a name or a list of names, like
// stringList.
type firstName []string

// MarshalYAML writes the first name alone.
func (f firstName) MarshalYAML() (any, error) {
	if len(f) == 0 {
		return nil, nil
	}
	return f[0], nil
}

// UnmarshalYAML accepts a name or a list of names.
func (f *firstName) UnmarshalYAML(n *yaml.Node) error {
	return (*stringList)(f).UnmarshalYAML(n)
}

// formatFrontMatterTime writes t in RFC 3339 with nanoseconds, or as a bare
// date when it is midnight UTC.
func formatFrontMatterTime(t time.Time) string {
	if t.Location() == time.UTC && t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339Nano)
}

// frontMatterTimeLayouts are the date layouts ParseMarkdownArticle accepts.
var frontMatterTimeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -07:00",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	time.DateOnly,
}

// parseFrontMatterTime parses a front matter date in one of the accepted
// layouts; dates without a zone are UTC.
func parseFrontMatterTime(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range frontMatterTimeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// RenderMarkdown renders a as Markdown with YAML front matter, readable by
// Hugo and Jekyll: the front matter holds every exported field (never the
// editor's note; see articleFrontMatter), then comes the body as written
// but made safe for a site generator (SafeMarkdownBody: no raw HTML, no
// unsafe link), then EndOfBodyMarker and the tagline, correction, footer
// and related list of the frame. ParseMarkdownArticle reads the result
// back into an equal article (with the body made safe).
func RenderMarkdown(a *Article, p Profile, opt RenderOptions) ([]byte, error) {
	f, err := buildExportFrame(a, p, opt)
	if err != nil {
		return nil, fmt.Errorf("export markdown: %w", err)
	}
	var fm bytes.Buffer
	enc := yaml.NewEncoder(&fm)
	enc.SetIndent(2)
	if err := enc.Encode(articleFrontMatter(a)); err != nil {
		return nil, fmt.Errorf("export markdown: front matter: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("export markdown: front matter: %w", err)
	}
	var buf bytes.Buffer
	buf.WriteString("---\n")
	buf.Write(fm.Bytes())
	buf.WriteString("---\n")
	buf.WriteString(SafeMarkdownBody(a.Body))
	buf.WriteString("\n\n" + EndOfBodyMarker + "\n")
	para := func(s string) {
		buf.WriteString("\n")
		buf.WriteString(escapeMarkdownLine(s))
		buf.WriteString("\n")
	}
	if f.Tagline != "" {
		para(f.Tagline)
	}
	if f.Correction != "" {
		para(f.Correction)
	}
	para(f.Footer)
	if len(f.Related) > 0 {
		buf.WriteString("\n## " + escapeMarkdownLine(f.RelatedHeading) + "\n\n")
		for _, t := range f.Related {
			text := escapeMarkdownLine(t.Text)
			if u := SafeURL(t.URL); u != "" {
				fmt.Fprintf(&buf, "- [%s](%s)\n", text, markdownDestination(u))
			} else {
				fmt.Fprintf(&buf, "- %s\n", text)
			}
		}
	}
	return buf.Bytes(), nil
}

// articleFrontMatter maps a to its front matter. Copy that is not
// published (anything but published and corrected; a killed story is
// withdrawn, so it is not published either) gets "published: false",
// which both Hugo and Jekyll honour. The dates tell the truth: date is
// SiteDate, publishDate PublishedAt (none for unpublished copy), lastmod
// and last_modified_at the last change.
func articleFrontMatter(a *Article) frontMatter {
	names := bylineNames(a.Byline)
	fm := frontMatter{
		UUID:           a.ID,
		Title:          a.Headline,
		Slug:           a.Slug,
		Date:           yamlTime{a.SiteDate()},
		Lastmod:        yamlTime{a.Updated},
		LastModifiedAt: yamlTime{a.Updated},
		PublishDate:    yamlTime{a.PublishedAt()},
		Author:         firstName(names),
		Authors:        stringList(a.Byline.Authors),
		BylineTitle:    a.Byline.Title,
		Deck:           a.Deck,
		Tags:           stringList(a.Tags),
		Section:        a.Section,
		Status:         string(a.Status),
		Language:       a.Language,
		Correction:     a.CorrectionNote,
	}
	if !a.Status.WentOut() {
		fm.PublishTime = yamlTime{a.Published}
	}
	if !a.Created.Equal(a.SiteDate()) {
		fm.Created = yamlTime{a.Created}
	}
	if !SiteVisible(a.Status) {
		unpublished := false
		fm.Published = &unpublished
	}
	if a.Dateline != (Dateline{}) {
		fm.Dateline = &fmDateline{Place: a.Dateline.Place, Date: yamlTime{a.Dateline.Date}, Credit: a.Dateline.Credit}
	}
	if a.Attribution != (Attribution{}) {
		fm.Attribution = &fmAttribution{
			Source:            a.Attribution.Source,
			Kind:              string(a.Attribution.Kind),
			OriginalPublisher: a.Attribution.OriginalPublisher,
			OriginalURL:       a.Attribution.OriginalURL,
		}
	}
	if a.Copyright != (Copyright{}) {
		fm.Copyright = &fmCopyright{Holder: a.Copyright.Holder, Since: a.Copyright.Since, Year: a.Copyright.Year}
	}
	for _, t := range a.Related {
		fm.Related = append(fm.Related, fmTeaser(t))
	}
	fm.Advisories, fm.Trailer, fm.RelatedHeading = stringList(a.Advisories), stringList(a.Trailer), a.RelatedHeading
	if a.Wire != (WireHeader{}) {
		w := a.Wire
		fm.Wire = &w
	}
	return fm
}

// escapeMarkdownLine backslash-escapes the characters that would turn a
// line of plain text into Markdown markup or raw HTML.
func escapeMarkdownLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	var b strings.Builder
	for i, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&', '!':
			b.WriteByte('\\')
		case '#', '-', '+', '=':
			if i == 0 {
				b.WriteByte('\\')
			}
		case '.', ')':
			if isAllDigits(s[:i]) && i > 0 {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isAllDigits reports whether s is made of ASCII digits only.
func isAllDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// markdownDestination writes a link destination that survives any
// character: spaces and angle brackets are percent-encoded and parentheses
// escaped.
func markdownDestination(u string) string {
	r := strings.NewReplacer(" ", "%20", "<", "%3C", ">", "%3E", "(", `\(`, ")", `\)`, "\n", "", "\r", "")
	return r.Replace(u)
}
