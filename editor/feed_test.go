package editor

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
)

// fixtureArticles loads every fixture, in name order.
func fixtureArticles(t *testing.T) []*Article {
	t.Helper()
	var out []*Article
	for _, name := range fixtureNames(t) {
		a, _ := loadFixture(t, name)
		out = append(out, a)
	}
	return out
}

// TestFeedGolden keeps the Atom and RSS feeds of the fixtures, under a
// profile with a base URL, as golden files.
func TestFeedGolden(t *testing.T) {
	p := DefaultProfile()
	p.BaseURL = "https://harbortimes.example/stories"
	for _, f := range FeedFormats {
		out, err := ExportFeed(f, fixtureArticles(t), p, fixtureOptions())
		if err != nil {
			t.Fatal(err)
		}
		assertGolden(t, "feed"+f.Ext()+".golden", out)
	}
}

// TestFeedsParse reads both feeds back with gofeed, the parser feed
// readers use, and checks every entry against its article.
func TestFeedsParse(t *testing.T) {
	articles := fixtureArticles(t)
	for _, base := range []string{"", "https://harbortimes.example/stories"} {
		p := DefaultProfile()
		p.BaseURL = base
		for _, f := range FeedFormats {
			t.Run(string(f)+"/"+map[bool]string{true: "base-url", false: "no-base-url"}[base != ""], func(t *testing.T) {
				out, err := ExportFeed(f, articles, p, fixtureOptions())
				if err != nil {
					t.Fatal(err)
				}
				if err := xml.Unmarshal(out, new(struct{})); err != nil {
					t.Fatalf("not well-formed XML: %v", err)
				}
				feed, err := gofeed.NewParser().Parse(bytes.NewReader(out))
				if err != nil {
					t.Fatalf("gofeed: %v", err)
				}
				if want := map[FeedFormat]string{FeedAtom: "atom", FeedRSS: "rss"}[f]; feed.FeedType != want {
					t.Errorf("feed type %q, want %q", feed.FeedType, want)
				}
				if feed.Title != p.Publisher {
					t.Errorf("feed title %q", feed.Title)
				}
				if len(feed.Items) != len(articles) {
					t.Fatalf("%d items, want %d", len(feed.Items), len(articles))
				}
				ids := map[string]bool{}
				for i, it := range feed.Items {
					a := articles[i]
					if it.Title != HTMLTitle(a) {
						t.Errorf("%s: title %q", a.Slug, it.Title)
					}
					if ids[it.GUID] || it.GUID == "" {
						t.Errorf("%s: id %q is empty or not unique", a.Slug, it.GUID)
					}
					ids[it.GUID] = true
					if it.GUID != FeedEntryID(a, p) || !strings.Contains(it.GUID, a.ID) {
						t.Errorf("%s: id %q", a.Slug, it.GUID)
					}
					if base != "" && (!strings.HasPrefix(it.GUID, "tag:harbortimes.example,") || it.Link != NinjsURI(a, p)) {
						t.Errorf("%s: id %q link %q", a.Slug, it.GUID, it.Link)
					}
					var names []string
					for _, au := range it.Authors {
						names = append(names, au.Name)
					}
					if f == FeedRSS && it.DublinCoreExt != nil {
						// gofeed's Authors holds the first dc:creator only.
						names = it.DublinCoreExt.Creator
					}
					if want := bylineNames(a.Byline); strings.Join(names, "|") != strings.Join(want, "|") {
						t.Errorf("%s: authors %q, want %q", a.Slug, names, want)
					}
					for _, tag := range a.Tags {
						if !contains(it.Categories, tag) {
							t.Errorf("%s: categories %q lack %q", a.Slug, it.Categories, tag)
						}
					}
					body, err := RenderHTMLFragment(a, p, fixtureOptions())
					if err != nil {
						t.Fatal(err)
					}
					content := it.Content
					if content == "" {
						content = it.Description
					}
					if !strings.Contains(string(body), content) || !strings.Contains(content, `<div class="entry-content">`) {
						t.Errorf("%s: content is not the article's HTML body:\n%.300s", a.Slug, content)
					}
					// gofeed falls back to <updated> for an Atom entry
					// without <published>; the raw element tells.
					published := a.Status == StatusPublished || a.Status == StatusCorrected
					given := it.PublishedParsed != nil
					if f == FeedAtom {
						given = bytes.Contains(atomEntryXML(t, out, a.ID), []byte("<published>"))
					}
					if got := given; got != published {
						t.Errorf("%s (%s): published date given = %v", a.Slug, a.Status, got)
					} else if got && !it.PublishedParsed.Equal(a.PublicationDate().Truncate(time.Second)) {
						t.Errorf("%s: published %v, want %v", a.Slug, it.PublishedParsed, a.PublicationDate())
					}
					if f == FeedAtom && (it.UpdatedParsed == nil || !it.UpdatedParsed.Equal(a.Updated)) {
						t.Errorf("%s: updated %v, want %v", a.Slug, it.UpdatedParsed, a.Updated)
					}
				}
			})
		}
	}
}

// TestFeedEscapesMarkup puts markup in every text field: the feed stays
// well-formed and gives the text back as written (the title with the
// typography every format gives headlines).
func TestFeedEscapesMarkup(t *testing.T) {
	a := &Article{ID: NewID(), Slug: "x", Headline: `Tom & Jerry <script>alert("x")</script> ]]>`, Deck: "a < b",
		Byline: Byline{Authors: []string{"A & B <c>"}}, Tags: []string{"<tag>"}, Body: "Text & <b>bold</b>.", Status: StatusPublished,
		Created: fixtureNow, Updated: fixtureNow}
	for _, f := range FeedFormats {
		out, err := ExportFeed(f, []*Article{a}, DefaultProfile(), fixtureOptions())
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(out, []byte("<script>")) || bytes.Contains(out, []byte("<b>")) {
			t.Errorf("%s: markup not escaped:\n%s", f, out)
		}
		feed, err := gofeed.NewParser().Parse(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		it := feed.Items[0]
		if it.Title != Typeset(a.Headline) || it.Authors[0].Name != "A & B <c>" || it.Categories[0] != "<tag>" {
			t.Errorf("%s: title %q author %q category %q", f, it.Title, it.Authors[0].Name, it.Categories)
		}
	}
}

func TestParseFeedFormat(t *testing.T) {
	for in, want := range map[string]FeedFormat{"atom": FeedAtom, " RSS ": FeedRSS} {
		if got, ok := ParseFeedFormat(in); !ok || got != want {
			t.Errorf("ParseFeedFormat(%q) = %q, %v", in, got, ok)
		}
	}
	if _, ok := ParseFeedFormat("md"); ok {
		t.Error("md is not a feed")
	}
	if _, err := ExportFeed("json", nil, DefaultProfile(), RenderOptions{}); err == nil {
		t.Error("an unknown feed format exported")
	}
}

// atomEntryXML returns the <entry> element of the article id in an Atom
// feed.
func atomEntryXML(t *testing.T, feed []byte, id string) []byte {
	t.Helper()
	for _, e := range bytes.Split(feed, []byte("<entry>"))[1:] {
		if bytes.Contains(e[:bytes.Index(e, []byte("</id>"))], []byte(id)) {
			return e[:bytes.Index(e, []byte("</entry>"))]
		}
	}
	t.Fatalf("no entry for %s", id)
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
