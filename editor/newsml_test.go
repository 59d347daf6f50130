package editor

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseNewsMLIPTCExample(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "schemas", "LISTING_1_A_NewsML-G2_News_Item.xml"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := ParseNewsML(data, DefaultProfile())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ field, got, want string }{
		{"headline", a.Headline, `Fed to halt QE to avert "bubble"`},
		{"slug", a.Slug, "us-finance-fed"},
		{"byline", FormatByline(a.Byline), "by Meredith Jameson"},
		{"place", a.Dateline.Place, "Berlin"},
		{"tags", strings.Join(a.Tags, "|"), "economy, business and finance|labour market"},
		{"language", a.Language, "en-GB"},
		{"status", string(a.Status), string(StatusPublished)},
		{"updated", a.Updated.UTC().Format("2006-01-02T15:04:05Z"), "2018-10-21T21:25:32Z"},
		{"created", a.Created.UTC().Format("2006-01-02T15:04:05Z"), "2016-10-18T18:12:21Z"},
		{"copyright holder", a.Copyright.Holder, "Example Enews LLP"},
		{"editor's note", a.EditorsNote, "Note to editors: STRICTLY EMBARGOED. Not for public release until 12noon on Friday, October 23, 2018."},
		{"body", a.Body, ""},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
	// The example exports to a valid item again.
	out, err := RenderNewsML(a, DefaultProfile(), fixtureOptions())
	if err != nil {
		t.Fatal(err)
	}
	validateXML(t, newsMLSchema, map[string][]byte{"example.xml": out})
}

// agencyNewsMessage is a newsMessage as agencies send one: prefixed
// namespaces, a picture item first, then a text item with XHTML inline,
// then a second text item. The story is invented.
const agencyNewsMessage = `<?xml version="1.0" encoding="UTF-8"?>
<g2:newsMessage xmlns:g2="http://iptc.org/std/nar/2006-10-01/" xmlns:x="http://www.w3.org/1999/xhtml">
  <g2:header>
    <g2:sent>2026-11-02T10:00:00Z</g2:sent>
  </g2:header>
  <g2:itemSet>
    <g2:newsItem guid="urn:example:pic-1" version="1" standard="NewsML-G2" standardversion="2.35">
      <g2:itemMeta><g2:itemClass qcode="ninat:picture"/><g2:provider qcode="nprov:EXN"/><g2:versionCreated>2026-11-02T09:00:00Z</g2:versionCreated></g2:itemMeta>
      <g2:contentSet><g2:remoteContent href="https://example.com/pic.jpg"/></g2:contentSet>
    </g2:newsItem>
    <g2:newsItem guid="urn:uuid:7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d" version="3" standard="NewsML-G2" standardversion="2.35" xml:lang="en">
      <g2:rightsInfo>
        <g2:copyrightHolder><g2:name>Example News Agency</g2:name></g2:copyrightHolder>
        <g2:copyrightNotice>Copyright 2026 Example News Agency. All rights reserved.</g2:copyrightNotice>
      </g2:rightsInfo>
      <g2:itemMeta>
        <g2:itemClass qcode="ninat:text"/>
        <g2:provider qcode="nprov:EXN"/>
        <g2:versionCreated>2026-11-02T09:30:00Z</g2:versionCreated>
        <g2:pubStatus qcode="stat:withheld"/>
        <g2:edNote>Holding for legal review.</g2:edNote>
      </g2:itemMeta>
      <g2:contentMeta>
        <g2:located><g2:name>OSLO</g2:name></g2:located>
        <g2:keyword>fisheries</g2:keyword>
        <g2:slugline>Norway-Fish</g2:slugline>
        <g2:headline>Cod quota cut by a fifth</g2:headline>
        <g2:dateline>OSLO, Nov. 2</g2:dateline>
        <g2:by>By Kari Lund and Per Berg</g2:by>
        <g2:creditline>EXN</g2:creditline>
        <g2:description role="drol:summary">Fleet owners call the cut a blow to coastal towns.</g2:description>
      </g2:contentMeta>
      <g2:contentSet>
        <g2:inlineXML contenttype="application/xhtml+xml">
          <x:html><x:head><x:title>Cod quota cut by a fifth</x:title></x:head>
            <x:body>
              <x:p>Norway will cut next year's cod quota by <x:em>20 per cent</x:em>, the ministry said.</x:p>
              <x:ul><x:li>Coastal fleet</x:li><x:li>Trawlers</x:li></x:ul>
              <x:p>Details are on <x:a href="https://example.com/quota">the ministry's site</x:a>.</x:p>
            </x:body>
          </x:html>
        </g2:inlineXML>
      </g2:contentSet>
    </g2:newsItem>
    <g2:newsItem guid="urn:example:text-2" version="1" standard="NewsML-G2" standardversion="2.35">
      <g2:itemMeta><g2:itemClass qcode="ninat:text"/><g2:provider qcode="nprov:EXN"/><g2:versionCreated>2026-11-02T09:40:00Z</g2:versionCreated></g2:itemMeta>
      <g2:contentSet><g2:inlineData contenttype="text/plain">Second story.</g2:inlineData></g2:contentSet>
    </g2:newsItem>
  </g2:itemSet>
</g2:newsMessage>
`

func TestParseNewsMLAgencyMessage(t *testing.T) {
	a, err := ParseNewsML([]byte(agencyNewsMessage), DefaultProfile())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ field, got, want string }{
		{"id", a.ID, "7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d"},
		{"headline", a.Headline, "Cod quota cut by a fifth"},
		{"deck", a.Deck, "Fleet owners call the cut a blow to coastal towns."},
		{"slug", a.Slug, "norway-fish"},
		{"byline", FormatByline(a.Byline), "by Kari Lund and Per Berg"},
		{"dateline", FormatDateline(a.Dateline, DashEn), "OSLO, Nov. 2 (EXN) – "},
		{"tags", strings.Join(a.Tags, "|"), "fisheries"},
		{"status", string(a.Status), string(StatusDraft)},
		{"copyright", a.Copyright.Holder + " " + FormatCopyrightYears(a.Copyright), "Example News Agency 2026"},
		{"language", a.Language, "en"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
	for _, want := range []string{"*20 per cent*", "- Coastal fleet", "[the ministry's site](https://example.com/quota)"} {
		if !strings.Contains(a.Body, want) {
			t.Errorf("body lacks %q:\n%s", want, a.Body)
		}
	}
	if strings.Contains(a.Body, "Second story") {
		t.Error("the second text item went into the body")
	}
	for _, want := range []string{"Holding for legal review.", "3 items", "newsItem ninat:picture urn:example:pic-1", "newsItem ninat:text urn:example:text-2"} {
		if !strings.Contains(a.EditorsNote, want) {
			t.Errorf("editor's note lacks %q: %q", want, a.EditorsNote)
		}
	}
}

func TestParseNewsMLInlineText(t *testing.T) {
	in := `<newsItem xmlns="` + NewsMLNamespace + `" guid="x"><contentMeta><headline>H</headline></contentMeta>` +
		`<contentSet><inlineData contenttype="text/plain">First *line* -- here.
Second "line".</inlineData></contentSet></newsItem>`
	a, err := ParseNewsML([]byte(in), DefaultProfile())
	if err != nil {
		t.Fatal(err)
	}
	out, err := RenderWireText(a, DefaultProfile(), fixtureOptions())
	if err != nil {
		t.Fatal(err)
	}
	if want := "H\nFirst *line* -- here.\nSecond \"line\".\n"; !strings.HasPrefix(string(out), want) {
		t.Errorf("wire text %q, want it to start with %q", out, want)
	}
}

func TestNewsMLImportErrors(t *testing.T) {
	for _, tt := range []struct {
		name, in, want string
	}{
		{"wrong namespace", `<newsItem xmlns="urn:other"><contentMeta><headline>H</headline></contentMeta></newsItem>`, "not NewsML-G2"},
		{"no namespace", `<newsItem><contentMeta><headline>H</headline></contentMeta></newsItem>`, "not NewsML-G2"},
		{"nitf", `<nitf><head><title>x</title></head></nitf>`, "root element is <nitf>"},
		{"picture item", `<newsItem xmlns="` + NewsMLNamespace + `"><itemMeta><itemClass qcode="ninat:picture"/></itemMeta></newsItem>`, "only text items"},
		{"package", `<packageItem xmlns="` + NewsMLNamespace + `"/>`, "packageItem"},
		{"empty message", `<newsMessage xmlns="` + NewsMLNamespace + `"><itemSet/></newsMessage>`, "holds no items"},
		{"no text item", `<newsMessage xmlns="` + NewsMLNamespace + `"><itemSet><newsItem guid="p"><itemMeta><itemClass qcode="ninat:video"/></itemMeta></newsItem></itemSet></newsMessage>`, "no text item (it has: newsItem ninat:video p)"},
		{"empty item", `<newsItem xmlns="` + NewsMLNamespace + `"/>`, "no headline and no text"},
		{"entity bomb", `<!DOCTYPE n [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><newsItem xmlns="` + NewsMLNamespace + `"><contentMeta><headline>&b;</headline></contentMeta></newsItem>`, "not expanded"},
	} {
		_, err := ParseNewsML([]byte(tt.in), DefaultProfile())
		if ErrorCode(err) != EINVALID || !strings.Contains(ErrorMessage(err), tt.want) {
			t.Errorf("%s: error %v, want EINVALID saying %q", tt.name, err, tt.want)
		}
	}
}

func FuzzParseNewsML(f *testing.F) {
	a, p := loadFixture(f, "kenya-tea-harvest")
	seed, err := RenderNewsML(a, p, fixtureOptions())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte(agencyNewsMessage))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ParseNewsML(data, DefaultProfile())
		if err != nil {
			if ErrorCode(err) != EINVALID {
				t.Fatalf("error %v has code %q", err, ErrorCode(err))
			}
			return
		}
		if err := a.Validate(); err != nil {
			t.Fatalf("imported article does not validate: %v", err)
		}
		if _, err := RenderNewsML(a, DefaultProfile(), RenderOptions{}); err != nil {
			t.Fatal(err)
		}
	})
}
