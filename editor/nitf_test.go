package editor

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The schema tests run xmllint (Debian package libxml2-utils, installed by
// make test-deps). Without it they fail and say so; set
// DATELINE_NO_XMLLINT=1 to run the other tests on a machine that cannot
// install it.
const noXmllintEnv = "DATELINE_NO_XMLLINT"

// Schemas the exports are validated against: IPTC's official files,
// committed with their licences.
var (
	nitfSchema   = filepath.Join("testdata", "schemas", "nitf-3-6.xsd")
	newsMLSchema = filepath.Join("testdata", "schemas", "NewsML-G2_2.35-spec-All-Power.xsd")
)

// validateXML validates every document against the schema with one
// xmllint run and reports each file that does not validate.
func validateXML(t *testing.T, schema string, docs map[string][]byte) {
	t.Helper()
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv(noXmllintEnv) == "1" {
			t.Skipf("xmllint is not installed and %s=1: schema validation skipped", noXmllintEnv)
		}
		t.Fatalf("xmllint is not installed, so the exports cannot be validated against the IPTC schemas: run make test-deps (Debian package libxml2-utils), or set %s=1 to skip this check", noXmllintEnv)
	}
	dir := t.TempDir()
	args := []string{"--nonet", "--noout", "--schema", schema}
	for name, data := range docs {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, path)
	}
	out, err := exec.Command(xmllint, args...).CombinedOutput()
	if err != nil {
		var bad []string
		for _, l := range strings.Split(string(out), "\n") {
			if l != "" && !strings.HasSuffix(l, " validates") {
				bad = append(bad, strings.ReplaceAll(l, dir+"/", ""))
			}
		}
		if len(bad) > 20 {
			bad = append(bad[:20], "…")
		}
		t.Errorf("xmllint --schema %s: %v\n%s", filepath.Base(schema), err, strings.Join(bad, "\n"))
	}
}

// inlineNITF cuts the NITF document out of a NewsML-G2 export, with the
// Dateline namespace it inherits declared, so that it can be validated on
// its own.
func inlineNITF(t *testing.T, newsml []byte) []byte {
	t.Helper()
	i := bytes.Index(newsml, []byte("<nitf "))
	j := bytes.LastIndex(newsml, []byte("</nitf>"))
	if i < 0 || j < i {
		t.Fatal("the NewsML-G2 export holds no inline NITF")
	}
	doc := append([]byte(`<?xml version="1.0" encoding="UTF-8"?>`+"\n"), newsml[i:j+len("</nitf>")]...)
	return bytes.Replace(doc, []byte("<nitf "), []byte(`<nitf xmlns:dl="`+datelineNamespace+`" `), 1)
}

func TestNITFAndNewsMLExportsValidate(t *testing.T) {
	nitf, newsml, inline := map[string][]byte{}, map[string][]byte{}, map[string][]byte{}
	for _, name := range fixtureNames(t) {
		a, p := loadFixture(t, name)
		out, err := Export(FormatNITF, a, p, fixtureOptions())
		if err != nil {
			t.Fatal(err)
		}
		nitf[name+".xml"] = out
		if out, err = Export(FormatNewsML, a, p, fixtureOptions()); err != nil {
			t.Fatal(err)
		}
		newsml[name+".xml"] = out
		inline[name+".xml"] = inlineNITF(t, out)
	}
	t.Run("nitf", func(t *testing.T) { validateXML(t, nitfSchema, nitf) })
	t.Run("newsml", func(t *testing.T) { validateXML(t, newsMLSchema, newsml) })
	t.Run("newsml-inline-nitf", func(t *testing.T) { validateXML(t, nitfSchema, inline) })
}

// TestXMLExportsValidateOnCommonMarkCorpus validates the NITF and
// NewsML-G2 exports of every CommonMark example as a body: whatever the
// Markdown, the XML is valid.
func TestXMLExportsValidateOnCommonMarkCorpus(t *testing.T) {
	kenya, p := loadFixture(t, "kenya-tea-harvest")
	nitf, newsml := map[string][]byte{}, map[string][]byte{}
	for i, body := range commonMarkBodies(t) {
		a := kenya.Clone()
		a.Body = body
		out, err := RenderNITF(a, p, fixtureOptions())
		if err != nil {
			t.Fatal(err)
		}
		nitf["example-"+strconv.Itoa(i+1)+".xml"] = out
		if out, err = RenderNewsML(a, p, fixtureOptions()); err != nil {
			t.Fatal(err)
		}
		newsml["example-"+strconv.Itoa(i+1)+".xml"] = out
	}
	t.Run("nitf", func(t *testing.T) { validateXML(t, nitfSchema, nitf) })
	t.Run("newsml", func(t *testing.T) { validateXML(t, newsMLSchema, newsml) })
}

func TestXMLExportsValidateHostileFields(t *testing.T) {
	a, p := loadFixture(t, "kenya-tea-harvest")
	a.Headline = "Ctrl \x01\x1f chars & <tags> \"quoted\" \uFFFE"
	a.Deck = "line\nbreak\r\nand\ttab"
	a.Byline = Byline{Authors: []string{"A <b>", "B & C"}, Title: "]]> end"}
	a.Dateline.Place = "X\x00Y"
	a.Tags = []string{"<tag>", "a\"b"}
	a.Body = "Body with \x02 control and ]]> and &amp; entity.\n\n<script>alert(1)</script>\n\n[bad](javascript:alert(1)) ![img](data:image/png;base64,xx)"
	nitf, err := RenderNITF(a, p, fixtureOptions())
	if err != nil {
		t.Fatal(err)
	}
	newsml, err := RenderNewsML(a, p, fixtureOptions())
	if err != nil {
		t.Fatal(err)
	}
	for _, out := range [][]byte{nitf, newsml} {
		for _, bad := range []string{"<script", "javascript:", "data:image", "\x01", "\x02", "<tags>", "<b>"} {
			if bytes.Contains(out, []byte(bad)) {
				t.Errorf("export holds %q", bad)
			}
		}
	}
	validateXML(t, nitfSchema, map[string][]byte{"hostile.xml": nitf})
	validateXML(t, newsMLSchema, map[string][]byte{"hostile.xml": newsml})
	for f, out := range map[Format][]byte{FormatNITF: nitf, FormatNewsML: newsml} {
		b, err := Import(f, out, p)
		if err != nil {
			t.Fatalf("%s: import of the hostile export: %v", f, err)
		}
		if want := "Ctrl \uFFFD\uFFFD chars & <tags> “quoted” \uFFFD"; b.Headline != want {
			t.Errorf("%s: headline %q, want %q", f, b.Headline, want)
		}
	}
}

func TestNITFGolden(t *testing.T) {
	for _, name := range []string{"kenya-tea-harvest", "syndicated", "structure", "corrected"} {
		a, p := loadFixture(t, name)
		for _, gf := range []struct {
			format Format
			suffix string
		}{{FormatNITF, "nitf.xml"}, {FormatNewsML, "newsml.xml"}} {
			t.Run(name+"/"+string(gf.format), func(t *testing.T) {
				got, err := Export(gf.format, a, p, fixtureOptions())
				if err != nil {
					t.Fatal(err)
				}
				assertGolden(t, name+"."+gf.suffix+".golden", got)
			})
		}
	}
}

// TestXMLRoundTrip checks, for every fixture, that a NITF and a
// NewsML-G2 export imports with the article's fields and exports again to
// the same bytes, and that the editor's note never leaves.
func TestXMLRoundTrip(t *testing.T) {
	for _, f := range []Format{FormatNITF, FormatNewsML} {
		for _, name := range fixtureNames(t) {
			t.Run(string(f)+"/"+name, func(t *testing.T) {
				a, p := loadFixture(t, name)
				first, err := Export(f, a, p, fixtureOptions())
				if err != nil {
					t.Fatal(err)
				}
				if a.EditorsNote != "" && bytes.Contains(first, []byte(a.EditorsNote)) {
					t.Error("the editor's note was exported")
				}
				b, err := Import(f, first, p)
				if err != nil {
					t.Fatalf("import of the export: %v", err)
				}
				fr, _ := BuildFrame(a, p, fixtureResolver)
				for _, c := range []struct {
					field     string
					got, want any
				}{
					{"id", b.ID, a.ID},
					{"slug", b.Slug, a.Slug},
					{"headline", b.Headline, Typeset(a.Headline)},
					{"deck", b.Deck, Typeset(a.Deck)},
					{"byline", b.Byline, a.Byline},
					{"dateline", FormatDateline(b.Dateline, p.Dash), FormatDateline(a.Dateline, p.Dash)},
					{"dateline date", b.Dateline.Date.Equal(a.Dateline.Date), true},
					{"attribution", b.Attribution.Kind, a.Attribution.Kind},
					{"attribution source", b.Attribution.Source, a.Attribution.Source},
					{"original url", b.Attribution.OriginalURL, a.Attribution.OriginalURL},
					{"status", b.Status, a.Status},
					{"tags", strings.Join(b.Tags, "|"), strings.Join(a.Tags, "|")},
					{"section", b.Section, a.Section},
					{"language", b.Language, firstNonEmpty(a.Language, p.Language)},
					{"created", b.Created.Equal(a.Created), true},
					{"updated", b.Updated.Equal(a.Updated), true},
					{"published", b.Published.Equal(a.Published), true},
					{"correction", b.CorrectionNote, fr.Correction},
					{"footer", mustFooter(t, b, p), fr.Footer},
					{"related", len(b.Related), len(fr.Related)},
					{"editor's note", b.EditorsNote, ""},
				} {
					if !reflect.DeepEqual(c.got, c.want) {
						t.Errorf("%s = %#v, want %#v", c.field, c.got, c.want)
					}
				}
				second, err := Export(f, b, p, fixtureOptions())
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(first, second) {
					t.Errorf("export→import→export differs:\n%s", firstDiff(string(first), string(second)))
				}
			})
		}
	}
}

// TestXMLRoundTripCustomFooters exports with footer and heading templates
// of a publication's own wording: the importer reads them with the
// profile's templates, and the second export is the same.
func TestXMLRoundTripCustomFooters(t *testing.T) {
	p := DefaultProfile()
	p.Publisher, p.Holder, p.Since = "Coast Herald", "Coast Herald Media Ltd", 1999
	p.FooterOriginal = "© {{.Years}} {{.Holder}} — reuse only with a licence."
	p.FooterSyndicated = "First published by {{.Publisher}}. © {{.Years}} {{.Holder}}."
	p.RelatedHeading = "Also from {{.Publisher}}"
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"kenya-tea-harvest", "syndicated", "contributed"} {
		a, _ := loadFixture(t, name)
		for _, f := range []Format{FormatNITF, FormatNewsML} {
			first, err := Export(f, a, p, fixtureOptions())
			if err != nil {
				t.Fatal(err)
			}
			b, err := Import(f, first, p)
			if err != nil {
				t.Fatalf("%s/%s: %v", name, f, err)
			}
			if b.Attribution.Kind != a.Attribution.Kind || mustFooter(t, b, p) != mustFooter(t, a, p) {
				t.Errorf("%s/%s: attribution %q footer %q, want %q %q", name, f, b.Attribution.Kind, mustFooter(t, b, p), a.Attribution.Kind, mustFooter(t, a, p))
			}
			if second, _ := Export(f, b, p, fixtureOptions()); !bytes.Equal(first, second) {
				t.Errorf("%s/%s: export→import→export differs:\n%s", name, f, firstDiff(string(first), string(second)))
			}
		}
	}
}

// TestNITFRoundTripCommonMarkCorpus runs every CommonMark example as a
// body through NITF and NewsML-G2 export→import→export. A character reference for a
// line break inside text (&#10;) is the one thing NITF cannot carry: in
// XML it is white space like the line breaks of pretty-printed files, so
// it reads back as a space; those examples are left out.
func TestNITFRoundTripCommonMarkCorpus(t *testing.T) {
	kenya, p := loadFixture(t, "kenya-tea-harvest")
	lineBreakRef := regexp.MustCompile(`(?i)&#(10|13|x0*a|x0*d);`)
	tested := 0
	for i, body := range commonMarkBodies(t) {
		if lineBreakRef.MatchString(body) {
			continue
		}
		tested++
		a := kenya.Clone()
		a.Body = body
		out, err := RenderNITF(a, p, fixtureOptions())
		if err != nil {
			t.Fatal(err)
		}
		b, err := ParseNITF(out, p)
		if err != nil {
			t.Errorf("example %d: %v", i+1, err)
			continue
		}
		if again, _ := RenderNITF(b, p, fixtureOptions()); !bytes.Equal(out, again) {
			t.Errorf("example %d (%q) read back as %q:\n%s", i+1, body, b.Body, firstDiff(string(out), string(again)))
		}
		if out, err = RenderNewsML(a, p, fixtureOptions()); err != nil {
			t.Fatal(err)
		}
		if b, err = ParseNewsML(out, p); err != nil {
			t.Errorf("example %d: newsml: %v", i+1, err)
			continue
		}
		if again, _ := RenderNewsML(b, p, fixtureOptions()); !bytes.Equal(out, again) {
			t.Errorf("example %d (%q): newsml export→import→export differs:\n%s", i+1, body, firstDiff(string(out), string(again)))
		}
	}
	if tested < 600 {
		t.Errorf("only %d examples tested", tested)
	}
}

// agencyNITF is NITF as an agency sends it: no namespace, a DOCTYPE, a
// text byline in capitals, a dateline as text, the run of the story in
// blocks with marked-up names, a note to editors and a tagline that is no
// copyright line. The story is invented.
const agencyNITF = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE nitf SYSTEM "nitf-3-6.dtd">
<nitf version="-//IPTC//DTD NITF 3.6//EN" baselang="en-US">
  <head>
    <title>Harbour cranes idle as dockers walk out</title>
    <docdata management-status="usable">
      <doc-id regsrc="EXN" id-string="EXN-2026-1102-0042"/>
      <urgency ed-urg="3"/>
      <date.issue norm="20261102T081500Z"/>
      <ed-msg info="Embargoed until 1000 GMT. Corrects spelling of union leader's name."/>
      <du-key key="Port-Strike" version="2"/>
      <doc.copyright year="2026" holder="Example News Agency"/>
      <key-list>
        <keyword key="ports"/>
        <keyword key="labour"/>
      </key-list>
    </docdata>
    <pubdata type="web" position.section="World"/>
  </head>
  <body>
    <body.head>
      <hedline>
        <hl1>Harbour cranes idle as dockers walk out</hl1>
      </hedline>
      <abstract><p>A pay dispute stops container traffic at the northern port.</p></abstract>
      <byline>By JANE DOE and RICHARD ROE, <byttl>Example News Agency</byttl></byline>
      <dateline>ROTTERDAM, Nov. 2 (EXN) -</dateline>
    </body.head>
    <body.content>
      <block>
        <p>Dockers at the northern terminals stopped work on Monday,
          leaving <num>14</num> cranes idle, said <person>Ada Verhoef</person> of the
          <org>General Port Workers' Union</org>.</p>
        <p>"We asked for <em>three</em> per cent and were offered <q>nothing at all</q>," she said -- adding that talks would resume.</p>
        <hl2>Shipping lines divert</hl2>
        <ul>
          <li>Two carriers sent vessels to Antwerp.</li>
          <li>One * waited offshore.</li>
        </ul>
      </block>
      <media media-type="image">
        <media-reference source="https://example.com/cranes.jpg" alternate-text="Idle cranes at dusk" mime-type="image/jpeg"/>
        <media-caption>Idle cranes at the terminal.</media-caption>
      </media>
    </body.content>
    <body.end>
      <tagline>Reporting by Jane Doe; editing by Richard Roe.</tagline>
    </body.end>
  </body>
</nitf>
`

func TestParseNITFAgencyCopy(t *testing.T) {
	a, err := ParseNITF([]byte(agencyNITF), DefaultProfile())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ field, got, want string }{
		{"headline", a.Headline, "Harbour cranes idle as dockers walk out"},
		{"deck", a.Deck, "A pay dispute stops container traffic at the northern port."},
		{"byline", FormatByline(a.Byline), "by JANE DOE and RICHARD ROE, Example News Agency"},
		{"place", a.Dateline.Place, "ROTTERDAM"},
		{"date", a.Dateline.Date.Format("2006-01-02"), "2026-11-02"},
		{"credit", a.Dateline.Credit, "EXN"},
		{"slug", a.Slug, "port-strike"},
		{"tags", strings.Join(a.Tags, "|"), "ports|labour"},
		{"section", a.Section, "World"},
		{"language", a.Language, "en-US"},
		{"status", string(a.Status), string(StatusPublished)},
		{"editor's note", a.EditorsNote, "Embargoed until 1000 GMT. Corrects spelling of union leader's name."},
		{"copyright holder", a.Copyright.Holder, "Example News Agency"},
		{"updated", a.Updated.Format("2006-01-02T15:04Z07:00"), "2026-11-02T08:15Z"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
	for _, want := range []string{
		"Dockers at the northern terminals stopped work on Monday, leaving 14 cranes idle, said Ada Verhoef of the General Port Workers\\' Union.",
		`\"We asked for *three* per cent and were offered “nothing at all”,\" she said \-\- adding`,
		"## Shipping lines divert",
		"- Two carriers sent vessels to Antwerp.\n- One \\* waited offshore.",
		"![Idle cranes at dusk](https://example.com/cranes.jpg)\n\nIdle cranes at the terminal.",
		"Reporting by Jane Doe; editing by Richard Roe.",
	} {
		if !strings.Contains(a.Body, want) {
			t.Errorf("body lacks %q:\n%s", want, a.Body)
		}
	}
	// The text comes out as the agency wrote it: straight quotes and a
	// double hyphen stay as they were.
	out, err := RenderWireText(a, DefaultProfile(), fixtureOptions())
	if err != nil {
		t.Fatal(err)
	}
	if want := `"We asked for three per cent and were offered “nothing at all”," she said -- adding that talks would resume.`; !strings.Contains(string(out), want) {
		t.Errorf("wire text lacks %q:\n%s", want, out)
	}
}

func TestNITFRunInInAgencyCopy(t *testing.T) {
	for _, tt := range []struct {
		name, head, para, dateline, body string
	}{
		{"repeats body.head", "<dateline><location>ROTTERDAM</location></dateline>", "ROTTERDAM, Nov. 2 (EXN) - Dockers walked out.", "ROTTERDAM, Nov. 2 (EXN) – ", "Dockers walked out."},
		{"run-in only", "", "WINSTON-SALEM, N.C. (AP) — Mills reopened.", "WINSTON-SALEM, N.C. (AP) – ", "Mills reopened."},
		{"no credit", "", "TORONTO — Rail talks resumed.", "TORONTO – ", "Rail talks resumed."},
		{"no space after the hyphen", "", "LONDON (Reuters) -Shares fell.", "LONDON (Reuters) – ", "Shares fell."},
		{"not capitals", "", "Tuesday (local time) - a quiet day.", "", "Tuesday (local time) - a quiet day."},
		{"other place", "<dateline><location>OSLO</location></dateline>", "BERGEN (EXN) - Boats left.", "OSLO – ", "BERGEN (EXN) - Boats left."},
		{"hyphen without credit", "", "PARIS - a word", "", "PARIS - a word"},
	} {
		in := `<nitf><head><docdata><date.issue norm="20261102T081500Z"/></docdata></head><body><body.head>` + tt.head +
			`</body.head><body.content><block><p>` + tt.para + `</p><p>Second.</p></block></body.content></body></nitf>`
		a, err := ParseNITF([]byte(in), DefaultProfile())
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := FormatDateline(a.Dateline, DashEn); got != tt.dateline {
			t.Errorf("%s: dateline %q, want %q", tt.name, got, tt.dateline)
		}
		if want := tt.body + "\n\nSecond."; a.Body != want {
			t.Errorf("%s: body %q, want %q", tt.name, a.Body, want)
		}
	}
}

func TestNITFImportErrors(t *testing.T) {
	deep := strings.Repeat("<block>", 100000) + strings.Repeat("</block>", 100000)
	for _, tt := range []struct {
		name, in, want string
	}{
		{"not xml", "just text", "not well-formed XML"},
		{"unclosed", "<nitf><body><body.content><p>x</body></nitf>", "line 1"},
		{"wrong root", `<rss version="2.0"><channel/></rss>`, "root element is <rss>"},
		{"newsml root", `<newsItem xmlns="` + NewsMLNamespace + `"/>`, "not NITF"},
		{"empty", `<nitf><body/></nitf>`, "no headline and no text"},
		{"entity bomb", `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<nitf><body><body.content><p>&lol3;</p></body.content></body></nitf>`, "entities a document declares are not expanded"},
		{"external entity", `<?xml version="1.0"?>
<!DOCTYPE nitf [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<nitf><body><body.content><p>&xxe;</p></body.content></body></nitf>`, "not expanded"},
		{"deep", "<nitf><body><body.content>" + deep + "</body.content></body></nitf>", "nests elements more than 200 deep"},
		{"unknown encoding", `<?xml version="1.0" encoding="Shift_JIS"?><nitf><head><title>x</title></head></nitf>`, "declares encoding \"Shift_JIS\""},
	} {
		_, err := ParseNITF([]byte(tt.in), DefaultProfile())
		if ErrorCode(err) != EINVALID || !strings.Contains(ErrorMessage(err), tt.want) {
			t.Errorf("%s: error %v, want EINVALID saying %q", tt.name, err, tt.want)
		}
	}
	many := "<nitf><body><body.content>" + strings.Repeat("<hr/>", maxXMLNodes+1) + "</body.content></body></nitf>"
	if _, err := ParseNITF([]byte(many), DefaultProfile()); ErrorCode(err) != EINVALID || !strings.Contains(ErrorMessage(err), "more than") {
		t.Errorf("too many elements: %v", err)
	}
	huge := "<nitf><head><title>x</title></head><body><body.content><p>" + strings.Repeat("a ", MaxImportBytes/2) + "</p></body.content></body></nitf>"
	if _, err := ParseNITF([]byte(huge), DefaultProfile()); ErrorCode(err) != EINVALID || !strings.Contains(ErrorMessage(err), "larger than") {
		t.Errorf("huge file: %v", err)
	}
}

// TestNITFDeclaredEncodings reads NITF that declares a single-byte
// encoding, as older agency systems send it: in that encoding, or
// mislabelled UTF-8.
func TestNITFDeclaredEncodings(t *testing.T) {
	for name, in := range map[string]string{
		"latin-1":           "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><nitf><head><title>Caf\xe9 cr\xe8me</title></head></nitf>",
		"windows-1252":      "<?xml version='1.0' encoding='windows-1252'?><nitf><head><title>Caf\xe9 cr\xe8me</title></head></nitf>",
		"mislabelled utf-8": "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><nitf><head><title>Café crème</title></head></nitf>",
		"utf-8 with a BOM":  "\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"UTF-8\"?><nitf><head><title>Café crème</title></head></nitf>",
		"no declaration":    "<nitf><head><title>Café crème</title></head></nitf>",
		"us-ascii declared": "<?xml version=\"1.0\" encoding=\"US-ASCII\"?><nitf><head><title>Caf&#233; cr&#xE8;me</title></head></nitf>",
	} {
		if f, err := DetectFormat("story.xml", []byte(in), DefaultProfile()); f != FormatNITF {
			t.Errorf("%s: detected as %q, %v", name, f, err)
		}
		a, err := ParseNITF([]byte(in), DefaultProfile())
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if a.Headline != "Café crème" {
			t.Errorf("%s: headline %q", name, a.Headline)
		}
	}
}

func TestDetectXMLFormats(t *testing.T) {
	a, p := loadFixture(t, "kenya-tea-harvest")
	nitf, _ := RenderNITF(a, p, fixtureOptions())
	newsml, _ := RenderNewsML(a, p, fixtureOptions())
	example, err := os.ReadFile(filepath.Join("testdata", "schemas", "LISTING_1_A_NewsML-G2_News_Item.xml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		data []byte
		want Format
	}{
		{"story.xml", nitf, FormatNITF},
		{"story.XML", newsml, FormatNewsML},
		{"story.nitf", nitf, FormatNITF},
		{"story.newsml", newsml, FormatNewsML},
		{"noext", nitf, FormatNITF},
		{"noext", newsml, FormatNewsML},
		{"example.xml", example, FormatNewsML},
		{"agency.xml", []byte(agencyNITF), FormatNITF},
		{"noext", []byte(agencyNITF), FormatNITF},
		{"feed.xml", []byte("<rss><item>by A</item></rss>"), FormatNITF},
		{"package.xml", []byte(`<packageItem xmlns="` + NewsMLNamespace + `"/>`), FormatNewsML},
	} {
		got, err := DetectFormat(tt.name, tt.data, DefaultProfile())
		if err != nil || got != tt.want {
			t.Errorf("DetectFormat(%q, %.30q) = %q, %v; want %q", tt.name, tt.data, got, err, tt.want)
		}
	}
	if got, _ := DetectFormat("noext", []byte("<notes>\nby Jane Doe\n</notes>"), DefaultProfile()); got == FormatWire {
		t.Error("markup with a byline line was taken for wire copy")
	}
	for _, f := range []Format{FormatNITF, FormatNewsML} {
		if f.Ext() != ".xml" || f.Label() == string(f) {
			t.Errorf("%s: ext %q label %q", f, f.Ext(), f.Label())
		}
		if got, err := ParseFormat(string(f)); err != nil || got != f {
			t.Errorf("ParseFormat(%q) = %q, %v", f, got, err)
		}
	}
}

func FuzzParseNITF(f *testing.F) {
	a, p := loadFixture(f, "structure")
	seed, err := RenderNITF(a, p, fixtureOptions())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte(agencyNITF))
	f.Add([]byte(`<nitf><body><body.content><ul><li><p>a</p><ol seqnum="7"><li>b</li></ol></li></ul><bq><block><pre class="language-go">x</pre></block></bq></body.content></body></nitf>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ParseNITF(data, DefaultProfile())
		if err != nil {
			if ErrorCode(err) != EINVALID {
				t.Fatalf("error %v has code %q", err, ErrorCode(err))
			}
			return
		}
		if err := a.Validate(); err != nil {
			t.Fatalf("imported article does not validate: %v", err)
		}
		if _, err := RenderNITF(a, DefaultProfile(), RenderOptions{}); err != nil {
			t.Fatal(err)
		}
	})
}

// BenchmarkNITF measures the NITF export and import of the long-body
// fixture (150 paragraphs) next to their baselines from the same run: the
// HTML export of the same article through the same pipeline, and
// encoding/xml reading the same file token by token with nothing built.
func BenchmarkNITF(b *testing.B) {
	a, p := loadFixture(b, "long-body")
	data, err := RenderNITF(a, p, fixtureOptions())
	if err != nil {
		b.Fatal(err)
	}
	b.Run("export", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := RenderNITF(a, p, fixtureOptions()); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("export-baseline-html-fragment", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := RenderHTMLFragment(a, p, fixtureOptions()); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("import", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := ParseNITF(data, p); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("import-baseline-encoding-xml-tokens", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			dec := xml.NewDecoder(bytes.NewReader(data))
			for {
				if _, err := dec.Token(); err == io.EOF {
					break
				} else if err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
