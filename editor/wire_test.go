package editor

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestWireRoundTrip(t *testing.T) {
	for _, name := range fixtureNames(t) {
		t.Run(name, func(t *testing.T) {
			a, p := loadFixture(t, name)
			first, err := RenderWireText(a, p, fixtureOptions())
			if err != nil {
				t.Fatal(err)
			}
			w, err := ParseWireTextDetail(first, DefaultProfile())
			if err != nil {
				t.Fatalf("import of the export: %v", err)
			}
			// Wire text has no headings: when the body opens with one, the
			// dateline opens the second line and stays in the text (the
			// export→import→export check below holds it).
			headingFirst := strings.HasPrefix(a.Body, "#")
			if !a.Dateline.IsZero() && !headingFirst && w.Dash != p.Dash {
				t.Errorf("dash %q, want %q", w.Dash, p.Dash)
			}
			second, err := RenderWireText(w.Article, p, fixtureOptions())
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first, second) {
				t.Errorf("export→import→export differs:\n%s", firstDiff(string(first), string(second)))
			}
			// What the wire text carries comes back as fields.
			b := w.Article
			if len(a.Byline.Authors) > 0 && (FormatByline(b.Byline) != FormatByline(a.Byline) || b.Headline != Typeset(a.Headline) || b.Deck != Typeset(a.Deck)) {
				t.Errorf("byline %q headline %q deck %q", FormatByline(b.Byline), b.Headline, b.Deck)
			}
			if headingFirst {
				return
			}
			if got, want := FormatDateline(b.Dateline, w.Dash), FormatDateline(a.Dateline, p.Dash); got != want {
				t.Errorf("dateline %q, want %q", got, want)
			}
			if a.Attribution.Kind == AttributionSyndicated || a.Attribution.Kind == AttributionContributed {
				if b.Attribution.Kind != a.Attribution.Kind {
					t.Errorf("attribution kind %q, want %q", b.Attribution.Kind, a.Attribution.Kind)
				}
			}
			if a.Status == StatusCorrected && (b.Status != StatusCorrected || b.CorrectionNote != a.CorrectionNote) {
				t.Errorf("correction %q status %q", b.CorrectionNote, b.Status)
			}
		})
	}
}

// wireLines returns the trimmed non-blank lines of text.
func wireLines(text string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func TestWireFixturesImportExport(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "wire", "*.txt"))
	if err != nil || len(files) < 30 {
		t.Fatalf("found %d wire fixtures (%v), want at least 30", len(files), err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			in, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			w, err := ParseWireTextDetail(in, DefaultProfile())
			if err != nil {
				t.Fatal(err)
			}
			p := DefaultProfile()
			if w.Dash != "" {
				p.Dash = w.Dash
			}
			out, err := RenderWireText(w.Article, p, RenderOptions{Now: fixtureNow})
			if err != nil {
				t.Fatal(err)
			}
			// Dateline's own exports come back paragraph for paragraph,
			// and byte for byte without blank lines and CRLF.
			if w.Own {
				if got, want := strings.Join(wireLines(string(out)), "\n"), strings.Join(wireLines(string(in)), "\n"); got != want {
					t.Errorf("paragraphs differ:\n%s", firstDiff(want, got))
				}
				if !bytes.Contains(in, []byte("\r")) && !bytes.Contains(in, []byte("\n\n")) && !bytes.Equal(out, in) {
					t.Errorf("not byte-exact:\n%s", firstDiff(string(in), string(out)))
				}
			}
			// Every import exports, and that export reads back the same.
			w2, err := ParseWireTextDetail(out, DefaultProfile())
			if err != nil {
				t.Fatal(err)
			}
			if !w2.Own {
				t.Errorf("the export of the import does not read as an own export:\n%s", out)
			}
			out2, err := RenderWireText(w2.Article, p, RenderOptions{Now: fixtureNow})
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out, out2) {
				t.Errorf("export→import→export differs:\n%s", firstDiff(string(out), string(out2)))
			}
			// The body is Markdown that the other formats can use.
			if _, err := RenderHTMLFragment(w.Article, p, RenderOptions{}); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestParseWireArticleExample(t *testing.T) {
	in, err := os.ReadFile(filepath.Join("testdata", "wire", "article-md-example.txt"))
	if err != nil {
		t.Fatal(err)
	}
	w, err := ParseWireTextDetail(in, DefaultProfile())
	if err != nil {
		t.Fatal(err)
	}
	a := w.Article
	if got, want := strings.Join(a.Byline.Authors, "|"), "Dana Whitfield|Omar Haddad"; got != want {
		t.Errorf("authors %q, want %q", got, want)
	}
	if a.Byline.Title != "Harbor Times Correspondents" {
		t.Errorf("byline title %q", a.Byline.Title)
	}
	if a.Dateline != (Dateline{Place: "NAIROBI, Kenya", Credit: "Harbor Times"}) || w.Dash != DashEn {
		t.Errorf("dateline %+v dash %q", a.Dateline, w.Dash)
	}
	if a.Copyright != (Copyright{Holder: "Harbor Times", Since: 2004, Year: 2026}) {
		t.Errorf("copyright %+v", a.Copyright)
	}
	if a.Attribution.Kind != AttributionSyndicated || a.Attribution.OriginalPublisher != "Harbor Times" {
		t.Errorf("attribution %+v", a.Attribution)
	}
	if w.RelatedHeading != "More Harbor Times" || len(a.Related) != 2 || a.Related[1].Text != "Regional ministers meet on cross-border trade rules." {
		t.Errorf("related %q %+v", w.RelatedHeading, a.Related)
	}
	wantBody := "Tea growers in the central highlands said Monday that the dry season had cut their harvest by a third.\n\n“We have never seen the bushes this thin,” one grower told Harbor Times, according to remarks carried by local radio."
	if a.Body != wantBody {
		t.Errorf("body %q, want %q", a.Body, wantBody)
	}
	if a.Headline != "" || a.Status != StatusDraft || !strings.HasPrefix(a.Slug, "untitled-") {
		t.Errorf("headline %q status %q slug %q", a.Headline, a.Status, a.Slug)
	}
	// Re-published later by someone else, it still says the same.
	p := DefaultProfile()
	p.Publisher, p.Holder, p.Since = "Bay Courier", "Bay Courier Ltd", 1990
	out, err := RenderWireText(a, p, RenderOptions{Now: time.Date(2031, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out, in) {
		t.Errorf("re-export differs:\n%s", firstDiff(string(in), string(out)))
	}
}

func TestParseWireFrameParts(t *testing.T) {
	in := "by Lee Carter, Associated Press\nROTTERDAM, Netherlands, Sept. 30 (AP) -- Text -- with dashes.\nMaterial from Reuters contributed to this report.\nCopyright 2026 Associated Press. All rights reserved.\n"
	w, err := ParseWireTextDetail([]byte(in), DefaultProfile())
	if err != nil {
		t.Fatal(err)
	}
	a := w.Article
	if want := time.Date(2026, 9, 30, 0, 0, 0, 0, time.UTC); !a.Dateline.Date.Equal(want) || a.Dateline.Place != "ROTTERDAM, Netherlands" || a.Dateline.Credit != "AP" || w.Dash != DashDouble {
		t.Errorf("dateline %+v dash %q", a.Dateline, w.Dash)
	}
	// Copy credited to AP is AP's, syndicated; the contributed line of
	// its own stays in the trailer.
	if a.Attribution != (Attribution{Kind: AttributionSyndicated, OriginalPublisher: "Associated Press"}) {
		t.Errorf("attribution %+v", a.Attribution)
	}
	if strings.Join(a.Trailer, "|") != "Material from Reuters contributed to this report." {
		t.Errorf("trailer %q", a.Trailer)
	}
	if a.Copyright != (Copyright{Holder: "Associated Press", Since: 2026, Year: 2026}) {
		t.Errorf("copyright %+v", a.Copyright)
	}
	if a.Body != `Text \-\- with dashes.` {
		t.Errorf("body %q", a.Body)
	}
}

func TestParseWireByline(t *testing.T) {
	for _, tt := range []struct {
		line string
		want Byline
		ok   bool
	}{
		{"by Dana Whitfield", Byline{Authors: []string{"Dana Whitfield"}}, true},
		{"By Dana Whitfield, Correspondent", Byline{Authors: []string{"Dana Whitfield"}, Title: "Correspondent"}, true},
		{"by A and B", Byline{Authors: []string{"A", "B"}}, true},
		{"by A, B and C, Harbor Times Correspondents", Byline{Authors: []string{"A", "B", "C"}, Title: "Harbor Times Correspondents"}, true},
		{"by A and B, Title, With Comma", Byline{Authors: []string{"A", "B"}, Title: "Title, With Comma"}, true},
		{"by 李娜 and Zoë Çelik", Byline{Authors: []string{"李娜", "Zoë Çelik"}}, true},
		{"by the way, nothing", Byline{}, false},
		{"by A,  B", Byline{}, false},
		{"bypass", Byline{}, false},
		{"by ", Byline{}, false},
		{"by 2026 standards", Byline{}, false},
	} {
		got, ok := parseWireByline(tt.line)
		if ok != tt.ok || strings.Join(got.Authors, "|") != strings.Join(tt.want.Authors, "|") || got.Title != tt.want.Title {
			t.Errorf("parseWireByline(%q) = %+v, %v; want %+v, %v", tt.line, got, ok, tt.want, tt.ok)
		}
	}
}

func TestParseWireDateline(t *testing.T) {
	for _, tt := range []struct {
		line       string
		d          Dateline
		dash, rest string
		ok         bool
	}{
		{"NAIROBI, Kenya (Harbor Times) – Text.", Dateline{Place: "NAIROBI, Kenya", Credit: "Harbor Times"}, DashEn, "Text.", true},
		{"(Harbor Times) — Text.", Dateline{Credit: "Harbor Times"}, DashEm, "Text.", true},
		{"LONDON, Jan. 21 (Harbor Times) -- Text.", Dateline{Place: "LONDON", Date: time.Date(2026, 1, 21, 0, 0, 0, 0, time.UTC), Credit: "Harbor Times"}, DashDouble, "Text.", true},
		{"LONDON – Text.", Dateline{Place: "LONDON"}, DashEn, "Text.", true},
		{"March 5 (AP) – Text.", Dateline{Date: time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC), Credit: "AP"}, DashEn, "Text.", true},
		{"HAMBURG, Germany (Harbor Times) –", Dateline{Place: "HAMBURG, Germany", Credit: "Harbor Times"}, DashEn, "", true},
		{"Prices rose 3% – the most since 2019.", Dateline{}, "", "", false},
		{"UN officials (in Geneva) – said.", Dateline{}, "", "", false},
		{"LONDON  (AP) – two spaces.", Dateline{}, "", "", false},
		{"Text without a dash.", Dateline{}, "", "", false},
	} {
		d, dash, rest, ok := parseWireDateline(tt.line, 2026)
		if ok != tt.ok || dash != tt.dash || rest != tt.rest || d.Place != tt.d.Place || d.Credit != tt.d.Credit || !d.Date.Equal(tt.d.Date) {
			t.Errorf("parseWireDateline(%q) = %+v %q %q %v", tt.line, d, dash, rest, ok)
		}
	}
}

func TestParseWireTextErrors(t *testing.T) {
	for _, in := range [][]byte{nil, []byte("\n\n"), []byte("a\x00b"), []byte("caf\xe9"), bytes.Repeat([]byte("x"), MaxImportBytes+1)} {
		if _, err := ParseWireText(in, DefaultProfile()); ErrorCode(err) != EINVALID {
			t.Errorf("ParseWireText(%.20q) error %v, want EINVALID", in, err)
		}
	}
}

func FuzzParseWireText(f *testing.F) {
	for _, name := range []string{"article-md-example", "agency-plain-ascii", "syndicated-emdash", "contributed-corrected",
		"anpa-1312", "iptc-7901", "hard-wrapped", "ap-advisory-and-eds", "tca-distributed-column", "bloomberg-contact-block"} {
		data, err := os.ReadFile(filepath.Join("testdata", "wire", name+".txt"))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("by A and B, C\n(X) -- y\nCopyright 1-2 Z. All rights reserved.\nMore\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		w, err := ParseWireTextDetail(data, DefaultProfile())
		if err != nil {
			if ErrorCode(err) != EINVALID {
				t.Fatalf("error %v has code %q", err, ErrorCode(err))
			}
			return
		}
		if err := w.Article.Validate(); err != nil {
			t.Fatalf("imported article does not validate: %v", err)
		}
		p := DefaultProfile()
		if w.Dash != "" {
			p.Dash = w.Dash
		}
		if _, err := RenderWireText(w.Article, p, RenderOptions{}); err != nil {
			t.Fatal(err)
		}
	})
}

func TestWireWithoutFooterGetsProfileFooter(t *testing.T) {
	in := "Council approves budget\nThe council approved the budget on Thursday.\n"
	a, err := ParseWireText([]byte(in), DefaultProfile())
	if err != nil {
		t.Fatal(err)
	}
	// A first line that reads as a headline is the headline.
	if a.Headline != "Council approves budget" || a.Body != "The council approved the budget on Thursday." {
		t.Errorf("headline %q body %q", a.Headline, a.Body)
	}
	out, err := RenderWireText(a, DefaultProfile(), RenderOptions{Now: fixtureNow})
	if err != nil {
		t.Fatal(err)
	}
	if want := in + "Copyright 2004-2026 Harbor Times. All rights reserved.\n"; string(out) != want {
		t.Errorf("got %q, want %q", out, want)
	}
}
