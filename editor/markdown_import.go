package editor

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// ParseMarkdownArticle reads a Markdown file with optional YAML front
// matter, as RenderMarkdown writes it or as Hugo and Jekyll keep it. title
// is the headline; date, lastmod and publishDate are the created, updated
// and published times; authors (or Jekyll's author, a name or a list), tags,
// slug and Dateline's own keys fill the rest. Only without front matter
// does a leading "# Heading" line become the headline (and leave the body). The tagline, footer and
// related list that RenderMarkdown appends after EndOfBodyMarker are
// stripped, since the front matter carries their data.
//
// A missing UUID gets a new one, a missing slug is made from the headline
// and a missing status is draft. Empty, binary, non-UTF-8 or oversized input
// and malformed front matter give an *Error with code EINVALID.
func ParseMarkdownArticle(data []byte) (*Article, error) {
	text, err := checkImportText(data, "Markdown file")
	if err != nil {
		return nil, err
	}
	if bytes.HasPrefix(text, []byte("+++\n")) {
		return nil, Errorf(EINVALID, "TOML front matter (+++) is not supported; use YAML front matter between --- lines")
	}
	var fm frontMatter
	body := text
	yml, rest, line, hasFrontMatter := splitFrontMatter(text)
	if hasFrontMatter {
		if err := decodeFrontMatter(yml, line, &fm); err != nil {
			return nil, err
		}
		body = rest
	} else if line > 0 {
		return nil, Errorf(EINVALID, "the front matter that opens on line 1 is never closed with a --- line")
	}
	if i := bytes.LastIndex(body, []byte("\n\n"+EndOfBodyMarker+"\n")); i >= 0 {
		body = body[:i]
	} else if bytes.HasPrefix(body, []byte("\n\n"+EndOfBodyMarker)) {
		body = nil
	}
	a := &Article{Body: string(body)}
	if err := fm.apply(a); err != nil {
		return nil, err
	}
	if !hasFrontMatter {
		a.Headline, a.Body = leadingHeading(a.Body)
	}
	if err := finishImported(a); err != nil {
		return nil, err
	}
	return a, nil
}

// splitFrontMatter splits text into its YAML front matter and the rest. line
// is the line on which the YAML starts (2); ok is false when text has no
// front matter, and then line is 1 if a front matter opened but never
// closed.
func splitFrontMatter(text []byte) (yml, rest []byte, line int, ok bool) {
	if !bytes.HasPrefix(text, []byte("---\n")) {
		return nil, text, 0, false
	}
	s := text[4:]
	for off := 0; off <= len(s); {
		end := bytes.IndexByte(s[off:], '\n')
		var l []byte
		next := len(s) + 1
		if end < 0 {
			l = s[off:]
		} else {
			l = s[off : off+end]
			next = off + end + 1
		}
		if t := bytes.TrimRight(l, " \t"); bytes.Equal(t, []byte("---")) || bytes.Equal(t, []byte("...")) {
			if next > len(s) {
				return s[:off], nil, 2, true
			}
			return s[:off], s[next:], 2, true
		}
		off = next
	}
	return nil, text, 1, false
}

// yamlLineRE finds the line numbers in yaml.v3 error messages.
var yamlLineRE = regexp.MustCompile(`line (\d+)`)

// yamlTypeRE matches yaml.v3's "cannot unmarshal !!str `x` into int".
var yamlTypeRE = regexp.MustCompile(`cannot unmarshal !!\w+ (.*) into (\w+)`)

// decodeFrontMatter decodes yml into fm; firstLine is the file line the YAML
// starts on, so that messages name lines of the file.
func decodeFrontMatter(yml []byte, firstLine int, fm *frontMatter) error {
	var probe yaml.Node
	if err := yaml.Unmarshal(yml, &probe); err != nil {
		return frontMatterError(err, firstLine)
	}
	if len(probe.Content) == 0 {
		return nil // empty front matter
	}
	if probe.Content[0].Kind != yaml.MappingNode {
		return Errorf(EINVALID, "front matter line %d: expected key: value pairs", probe.Content[0].Line+firstLine-1)
	}
	if err := probe.Decode(fm); err != nil {
		return frontMatterError(err, firstLine)
	}
	return nil
}

// frontMatterError turns a yaml.v3 error into an *Error whose line numbers
// count from the top of the file.
func frontMatterError(err error, firstLine int) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
		if len(te.Errors) > 1 {
			msg += fmt.Sprintf(" (and %d more)", len(te.Errors)-1)
		}
	}
	msg = yamlLineRE.ReplaceAllStringFunc(msg, func(m string) string {
		n, _ := strconv.Atoi(strings.TrimPrefix(m, "line "))
		return "line " + strconv.Itoa(n+firstLine-1)
	})
	msg = strings.ReplaceAll(msg, "unmarshal errors:\n  ", "")
	msg = yamlTypeRE.ReplaceAllStringFunc(msg, func(m string) string {
		sub := yamlTypeRE.FindStringSubmatch(m)
		want := map[string]string{"int": "a whole number", "string": "text", "bool": "true or false"}[sub[2]]
		if want == "" {
			return m
		}
		return "expected " + want + ", found " + sub[1]
	})
	return Errorf(EINVALID, "malformed front matter: %s", msg)
}

// apply copies the front matter into a.
func (fm *frontMatter) apply(a *Article) error {
	a.ID = strings.TrimSpace(fm.UUID)
	a.Headline = fm.Title
	a.Slug = strings.TrimSpace(fm.Slug)
	a.Deck = fm.Deck
	a.Created = fm.Created.Time
	if a.Created.IsZero() {
		a.Created = fm.Date.Time
	}
	a.Updated = fm.Lastmod.Time
	if a.Updated.IsZero() {
		a.Updated = fm.LastModifiedAt.Time
	}
	if a.Updated.IsZero() {
		a.Updated = a.Created
	}
	a.Published = fm.PublishDate.Time
	if a.Published.IsZero() {
		a.Published = fm.PublishTime.Time
	}
	a.Byline.Authors = []string(fm.Authors)
	if len(a.Byline.Authors) == 0 {
		a.Byline.Authors = []string(fm.Author)
	}
	a.Byline.Title = fm.BylineTitle
	if d := fm.Dateline; d != nil {
		a.Dateline = Dateline{Place: d.Place, Date: d.Date.Time, Credit: d.Credit}
	}
	if at := fm.Attribution; at != nil {
		a.Attribution = Attribution{
			Source:            at.Source,
			Kind:              AttributionKind(strings.ToLower(strings.TrimSpace(at.Kind))),
			OriginalPublisher: at.OriginalPublisher,
			OriginalURL:       at.OriginalURL,
		}
		if !a.Attribution.Kind.Valid() {
			return Errorf(EINVALID, "front matter: unknown attribution kind %q (valid: original, contributed, syndicated)", at.Kind)
		}
	}
	if c := fm.Copyright; c != nil {
		a.Copyright = Copyright{Holder: c.Holder, Since: c.Since, Year: c.Year}
	}
	a.Tags = []string(fm.Tags)
	a.Section = fm.Section
	a.Language = fm.Language
	a.CorrectionNote = fm.Correction
	for _, t := range fm.Related {
		a.Related = append(a.Related, Teaser(t))
	}
	a.Advisories, a.Trailer, a.RelatedHeading = []string(fm.Advisories), []string(fm.Trailer), fm.RelatedHeading
	if fm.Wire != nil {
		a.Wire = *fm.Wire
	}
	if s := strings.ToLower(strings.TrimSpace(fm.Status)); s != "" {
		a.Status = Status(s)
		if !a.Status.Valid() {
			return Errorf(EINVALID, "front matter: unknown status %q", fm.Status)
		}
	}
	return nil
}

// atxHeadingRE matches a level-one ATX heading line.
var atxHeadingRE = regexp.MustCompile(`^ {0,3}#[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$`)

// leadingHeading takes a "# Heading" from the first non-blank line of body
// and returns it with the rest of the body; without one it returns "" and
// body unchanged.
func leadingHeading(body string) (headline, rest string) {
	trimmed := body
	for {
		line, after, found := strings.Cut(trimmed, "\n")
		if !found || strings.TrimSpace(line) != "" {
			break
		}
		trimmed = after
	}
	first, after, _ := strings.Cut(trimmed, "\n")
	m := atxHeadingRE.FindStringSubmatch(first)
	if m == nil {
		return "", body
	}
	return strings.TrimSpace(m[1]), strings.TrimLeft(after, "\n")
}

// finishImported fills what an import may leave out (UUID, slug, status,
// the publication date of published copy from its dateline date) and
// validates the result.
func finishImported(a *Article) error {
	if a.ID == "" {
		a.ID = NewID()
	} else if !isUUID(a.ID) {
		return Errorf(EINVALID, "article ID %q is not a UUID", a.ID)
	}
	if a.Slug == "" || !slugPattern.MatchString(a.Slug) {
		a.Slug = Slugify(firstNonEmpty(a.Slug, a.Headline))
	}
	if a.Slug == "" {
		a.Slug = "untitled-" + strings.ToLower(strings.ReplaceAll(a.ID, "-", ""))[:8]
	}
	if a.Status == "" {
		a.Status = StatusDraft
	}
	importedPublication(a)
	if err := a.Validate(); err != nil {
		return err
	}
	return nil
}
