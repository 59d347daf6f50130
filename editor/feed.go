package editor

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/google/uuid"
)

// Feeds: an Atom 1.0 (RFC 4287) or RSS 2.0 document of several articles,
// the format aggregators take. A feed is not a row of the format table
// (format.go): a row renders and parses one article, and a feed is many
// and is never imported. ExportFeed and ParseFeedFormat are its own small
// table; the CLI's export --format atom|rss selects the articles with the
// same filters as a batch export.

// FeedFormat names a feed format.
type FeedFormat string

// The feed formats.
const (
	// FeedAtom is an Atom 1.0 feed (RFC 4287).
	FeedAtom FeedFormat = "atom"
	// FeedRSS is an RSS 2.0 feed with Dublin Core creators and rights and
	// the full text in content:encoded.
	FeedRSS FeedFormat = "rss"
)

// FeedFormats lists the feed formats.
var FeedFormats = []FeedFormat{FeedAtom, FeedRSS}

// ParseFeedFormat turns "atom" or "rss" into a FeedFormat; ok is false for
// any other name.
func ParseFeedFormat(s string) (FeedFormat, bool) {
	f := FeedFormat(strings.ToLower(strings.TrimSpace(s)))
	for _, g := range FeedFormats {
		if f == g {
			return f, true
		}
	}
	return "", false
}

// Ext is the file name extension of a feed, with its dot.
func (f FeedFormat) Ext() string {
	if f == FeedRSS {
		return ".rss"
	}
	return ".atom"
}

// ExportFeed renders articles, newest first as given, as one feed under
// p: per entry the headline, a stable id, the link when the profile has a
// base URL, the authors, the tags and section as categories, the copyright
// footer as rights, the deck as summary, the updated and published times
// and the full text (the HTML body of the fragment with its tagline,
// correction, footer and More list, escaped as XML text). opt.Now is the
// feed's updated time when it has no entry.
func ExportFeed(f FeedFormat, articles []*Article, p Profile, opt RenderOptions) ([]byte, error) {
	entries := make([]feedEntry, 0, len(articles))
	for _, a := range articles {
		e, err := newFeedEntry(a, p, opt)
		if err != nil {
			return nil, fmt.Errorf("export %s: %s: %w", f, a.Slug, err)
		}
		entries = append(entries, e)
	}
	var doc any
	switch f {
	case FeedAtom:
		doc = atomFeedOf(entries, p, opt)
	case FeedRSS:
		doc = rssFeedOf(entries, p, opt)
	default:
		return nil, Errorf(EINVALID, "unknown feed format %q (valid: atom, rss)", f)
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("export %s: %w", f, err)
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// feedEntry is what both feed formats say of one article.
type feedEntry struct {
	a                  *Article
	id, link, title    string
	summary, rights    string
	content            string
	authors            []string
	categories         []string
	updated, published time.Time
}

// newFeedEntry builds the entry of a.
func newFeedEntry(a *Article, p Profile, opt RenderOptions) (feedEntry, error) {
	f, err := buildExportFrame(a, p, opt)
	if err != nil {
		return feedEntry{}, err
	}
	var body bytes.Buffer
	if err := writeHTMLBody(&body, a, p, f); err != nil {
		return feedEntry{}, err
	}
	e := feedEntry{
		a:       a,
		id:      FeedEntryID(a, p),
		link:    feedLink(a, p),
		title:   HTMLTitle(a),
		summary: oneLine(a.Deck),
		rights:  f.Footer,
		content: body.String(),
		authors: bylineNames(a.Byline),
		updated: a.Updated,
	}
	if e.updated.IsZero() {
		e.updated = a.Created
	}
	if a.Status == StatusPublished || a.Status == StatusCorrected || a.Status == StatusKilled {
		e.published = a.PublicationDate()
	}
	seen := map[string]bool{}
	for _, c := range append(append([]string(nil), a.Tags...), a.Section) {
		if c = oneLine(c); c != "" && !seen[c] {
			seen[c] = true
			e.categories = append(e.categories, c)
		}
	}
	return e, nil
}

// FeedEntryID is the stable id of a's feed entry: a tag: URI (RFC 4151)
// of the profile's base URL host and the year the article was created,
// tag:harbortimes.example,2026:3f2a…, or urn:uuid:ID without a base URL.
// Neither changes when the article is edited or its slug renamed.
func FeedEntryID(a *Article, p Profile) string {
	if host := feedHost(p); host != "" && !a.Created.IsZero() {
		return fmt.Sprintf("tag:%s,%d:%s", host, a.Created.UTC().Year(), a.ID)
	}
	return "urn:uuid:" + a.ID
}

// feedHost is the host name of the profile's base URL, or "".
func feedHost(p Profile) string {
	base := SafeURL(p.BaseURL)
	if base == "" {
		return ""
	}
	u, err := url.Parse(base)
	if err != nil || u.Hostname() == "" {
		return ""
	}
	return strings.ToLower(u.Hostname())
}

// feedLink is the article's address, as its ninjs uri gives it, when the
// profile has an http(s) base URL; "" otherwise.
func feedLink(a *Article, p Profile) string {
	if feedHost(p) == "" {
		return ""
	}
	return NinjsURI(a, p)
}

// feedID is the id of the feed itself: the base URL, or a name-based
// UUID of the publisher, so that it stays the same from export to export.
func feedID(p Profile) string {
	if feedHost(p) != "" {
		return strings.TrimRight(strings.TrimSpace(p.BaseURL), "/") + "/"
	}
	return "urn:uuid:" + uuid.NewSHA1(uuid.NameSpaceURL, []byte("dateline:publisher:"+oneLine(p.Publisher))).String()
}

// feedTitle is the feed's title: the publisher's name.
func feedTitle(p Profile) string {
	return firstNonEmpty(p.Publisher, "Dateline stories")
}

// feedUpdated is the newest entry's updated time, or opt.Now (the clock
// when zero) for an empty feed.
func feedUpdated(entries []feedEntry, opt RenderOptions) time.Time {
	var t time.Time
	for _, e := range entries {
		if e.updated.After(t) {
			t = e.updated
		}
	}
	if t.IsZero() {
		t = opt.Now
		if t.IsZero() {
			t = time.Now()
		}
	}
	return t
}

// atomFeed is an Atom 1.0 feed document.
type atomFeed struct {
	XMLName   xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang      string      `xml:"xml:lang,attr,omitempty"`
	ID        string      `xml:"id"`
	Title     string      `xml:"title"`
	Updated   string      `xml:"updated"`
	Author    *atomPerson `xml:"author,omitempty"`
	Links     []atomLink  `xml:"link,omitempty"`
	Generator string      `xml:"generator"`
	Entries   []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

type atomText struct {
	Type string `xml:"type,attr,omitempty"`
	Text string `xml:",chardata"`
}

type atomEntry struct {
	ID         string         `xml:"id"`
	Title      string         `xml:"title"`
	Links      []atomLink     `xml:"link,omitempty"`
	Updated    string         `xml:"updated"`
	Published  string         `xml:"published,omitempty"`
	Authors    []atomPerson   `xml:"author"`
	Categories []atomCategory `xml:"category"`
	Rights     string         `xml:"rights,omitempty"`
	Summary    string         `xml:"summary,omitempty"`
	Content    atomText       `xml:"content"`
}

// atomFeedOf builds the Atom document. Every entry has an author: the
// byline's, else the publisher (Atom requires one per entry or feed).
func atomFeedOf(entries []feedEntry, p Profile, opt RenderOptions) atomFeed {
	feed := atomFeed{
		Lang:      firstNonEmpty(p.Language),
		ID:        feedID(p),
		Title:     feedTitle(p),
		Updated:   feedUpdated(entries, opt).Format(time.RFC3339),
		Author:    &atomPerson{Name: feedTitle(p)},
		Generator: "Dateline",
	}
	if feedHost(p) != "" {
		feed.Links = []atomLink{{Rel: "alternate", Type: "text/html", Href: feedID(p)}}
	}
	for _, e := range entries {
		ae := atomEntry{
			ID:      e.id,
			Title:   e.title,
			Updated: e.updated.Format(time.RFC3339),
			Rights:  e.rights,
			Summary: e.summary,
			Content: atomText{Type: "html", Text: e.content},
		}
		if e.link != "" {
			ae.Links = []atomLink{{Rel: "alternate", Type: "text/html", Href: e.link}}
		}
		if !e.published.IsZero() {
			ae.Published = e.published.Format(time.RFC3339)
		}
		for _, n := range e.authors {
			ae.Authors = append(ae.Authors, atomPerson{Name: n})
		}
		for _, c := range e.categories {
			ae.Categories = append(ae.Categories, atomCategory{Term: c})
		}
		feed.Entries = append(feed.Entries, ae)
	}
	return feed
}

// rssFeed is an RSS 2.0 document with the Dublin Core and content modules.
type rssFeed struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	DC      string     `xml:"xmlns:dc,attr"`
	Content string     `xml:"xmlns:content,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title         string    `xml:"title"`
	Link          string    `xml:"link"`
	Description   string    `xml:"description"`
	Language      string    `xml:"language,omitempty"`
	LastBuildDate string    `xml:"lastBuildDate"`
	Generator     string    `xml:"generator"`
	Items         []rssItem `xml:"item"`
}

type rssGUID struct {
	IsPermaLink string `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

type rssItem struct {
	Title       string   `xml:"title"`
	Link        string   `xml:"link,omitempty"`
	GUID        rssGUID  `xml:"guid"`
	PubDate     string   `xml:"pubDate,omitempty"`
	Creators    []string `xml:"dc:creator"`
	Categories  []string `xml:"category"`
	Rights      string   `xml:"dc:rights,omitempty"`
	Description string   `xml:"description,omitempty"`
	Content     string   `xml:"content:encoded"`
}

// rssFeedOf builds the RSS document. RSS dates are RFC 1123 with a
// numeric zone; an unpublished item has no pubDate. RSS requires a channel
// link: the base URL, or the feed's urn id without one.
func rssFeedOf(entries []feedEntry, p Profile, opt RenderOptions) rssFeed {
	feed := rssFeed{
		Version: "2.0",
		DC:      "http://purl.org/dc/elements/1.1/",
		Content: "http://purl.org/rss/1.0/modules/content/",
		Channel: rssChannel{
			Title:         feedTitle(p),
			Link:          feedID(p),
			Description:   "Stories from " + feedTitle(p),
			Language:      firstNonEmpty(p.Language),
			LastBuildDate: feedUpdated(entries, opt).Format(time.RFC1123Z),
			Generator:     "Dateline",
		},
	}
	for _, e := range entries {
		it := rssItem{
			Title:       e.title,
			Link:        e.link,
			GUID:        rssGUID{IsPermaLink: "false", Value: e.id},
			Creators:    e.authors,
			Categories:  e.categories,
			Rights:      e.rights,
			Description: e.summary,
			Content:     e.content,
		}
		if !e.published.IsZero() {
			it.PubDate = e.published.Format(time.RFC1123Z)
		}
		feed.Channel.Items = append(feed.Channel.Items, it)
	}
	return feed
}

// FeedResult is a feed written from a Store, with what was left out.
type FeedResult struct {
	// Data is the feed document.
	Data []byte
	// Entries is how many articles it holds.
	Entries int
	// Skipped lists the slugs of killed stories left out (without Force).
	Skipped []string
}

// ExportFeedFrom renders the articles list selects (newest update first
// unless list.Sort says otherwise; list.Limit caps the number, 0 meaning
// all) as one feed. Killed stories are left out unless force is set:
// they must not be used.
func ExportFeedFrom(ctx context.Context, s Store, f FeedFormat, list ListOptions, force bool, now time.Time) (FeedResult, error) {
	var res FeedResult
	if _, ok := ParseFeedFormat(string(f)); !ok {
		return res, Errorf(EINVALID, "unknown feed format %q (valid: atom, rss)", f)
	}
	p, err := s.Profile(ctx)
	if err != nil {
		return res, err
	}
	limit := list.Limit
	sums, err := listAll(ctx, s, list)
	if err != nil {
		return res, err
	}
	var articles []*Article
	for _, sum := range sums {
		if limit > 0 && len(articles) == limit {
			break
		}
		if sum.Status == StatusKilled && !force {
			res.Skipped = append(res.Skipped, sum.Slug)
			continue
		}
		a, err := s.Get(ctx, sum.ID)
		if err != nil {
			return res, fmt.Errorf("export %s: %s: %w", f, sum.Slug, err)
		}
		articles = append(articles, a)
	}
	res.Data, err = ExportFeed(f, articles, p, RenderOptions{Resolve: StoreResolver(ctx, s), Now: now})
	res.Entries = len(articles)
	return res, err
}
