package editor

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestNameFromCapitals(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"JANE DOE", "Jane Doe"},
		{"ROBERT McDONALD", "Robert McDonald"},
		{"ROBERT MCDONALD", "Robert McDonald"},
		{"SEAN O'NEIL", "Sean O'Neil"},
		{"SEAN O’NEIL", "Sean O’Neil"},
		{"ANNA VAN DER BERG", "Anna van der Berg"},
		{"LUIS DE LA CRUZ", "Luis de la Cruz"},
		{"J.R. SMITH JR.", "J.R. Smith Jr."},
		{"MARY-KATE SMITH-JONES", "Mary-Kate Smith-Jones"},
		{"HENRY FORD III", "Henry Ford III"},
		{"ÉLODIE ØSTERGÅRD", "Élodie Østergård"},
		{"Jane Doe", "Jane Doe"},   // not capitals: as it is
		{"DE VRIES", "De Vries"},   // a particle that opens the name
		{"KARL VON", "Karl Von"},   // a particle at the end is a name
		{"Jane DOE", "Jane DOE"},   // mixed: as it is
		{"MACKENZIE", "Mackenzie"}, // only Mc gets a second capital
		{"D'ARCY-McBRIDE", "D'Arcy-McBride"},
	} {
		if got := NameFromCapitals(tt.in); got != tt.want {
			t.Errorf("NameFromCapitals(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCurlQuotes(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`"It's late," she said.`, "“It’s late,” she said."},
		{"``We are ready,'' he said.", "“We are ready,” he said."},
		{`the '90s`, "the ’90s"},
		{`He said 'no' twice.`, "He said ‘no’ twice."},
		{`("quoted")`, "(“quoted”)"},
		{`a 6" pipe`, "a 6” pipe"},
		{`no quotes`, "no quotes"},
		{`—"Yes"`, "—“Yes”"},
	} {
		if got := curlQuotes(tt.in); got != tt.want {
			t.Errorf("curlQuotes(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAgencyTable(t *testing.T) {
	p := DefaultProfile()
	p.Agencies = []Agency{{Name: "Coast Herald", Credits: []string{"CH"}}}
	tab := NewAgencyTable(p)
	for _, tt := range []struct {
		s         string
		name      string
		own, ok   bool
		mentioned bool
	}{
		{"AP", "Associated Press", false, true, false},
		{"The Associated Press", "Associated Press", false, true, false},
		{"associated press", "Associated Press", false, true, false},
		{"ap", "", false, false, false}, // short credits match in their case only
		{"Reuters", "Reuters", false, true, false},
		{"dpa", "dpa", false, true, false},
		{"Kyodo", "Kyodo News", false, true, false},
		{"CH", "Coast Herald", false, true, false},
		{"Harbor Times", "Harbor Times", true, true, false},
		{"Nobody Gazette", "", false, false, false},
		{"AP Business Writer", "Associated Press", false, true, true},
		{"Christian Post Reporter", "The Christian Post", false, true, true},
		{"CAPTAIN of the port", "", false, false, true}, // "AP" inside a word is no credit
	} {
		var a Agency
		var own, ok bool
		if tt.mentioned {
			a, own, ok = tab.Mentioned(tt.s)
		} else {
			a, own, ok = tab.Lookup(tt.s)
		}
		if ok != tt.ok || own != tt.own || a.Name != tt.name {
			t.Errorf("%q: %q own %v ok %v; want %q %v %v", tt.s, a.Name, own, ok, tt.name, tt.own, tt.ok)
		}
	}
	if a, ok := tab.EndMark("==Kyodo"); !ok || a.Name != "Kyodo News" {
		t.Errorf("==Kyodo: %q %v", a.Name, ok)
	}
	if a, ok := tab.Trailer("burs-ab/cd"); !ok || a.Name != "Agence France-Presse" {
		t.Errorf("burs-ab/cd: %q %v", a.Name, ok)
	}
	if _, ok := tab.Trailer("Burs of the river"); ok {
		t.Error("a body line read as an AFP trailer")
	}
	if len(BuiltinAgencies()) < 14 {
		t.Errorf("%d built-in agencies, want the 14 of the brief", len(BuiltinAgencies()))
	}
}

func TestCheckAgencies(t *testing.T) {
	p := DefaultProfile()
	p.Agencies = []Agency{{Name: "Coast Herald", EndMarks: []string{"^(unclosed$"}}}
	if err := p.Validate(); ErrorCode(err) != EINVALID || !strings.Contains(ErrorMessage(err), "Coast Herald") {
		t.Errorf("bad pattern: %v", err)
	}
	p.Agencies = []Agency{{Name: " "}}
	if err := p.Validate(); ErrorCode(err) != EINVALID {
		t.Errorf("no name: %v", err)
	}
	p.Agencies = []Agency{{Name: "Coast Herald", EndMarks: []string{"^-CH-$"}}}
	if err := p.Validate(); err != nil {
		t.Errorf("good agency: %v", err)
	}
}

func TestAgencyLines(t *testing.T) {
	prev := []Agency{{Name: "Coast Herald", Credits: []string{"CH"}, EndMarks: []string{"^-CH-$"}}}
	got, err := ParseAgencyLines("Coast Herald: CH, The Herald\n\n  Valley News  \nRiver Wire: RW", prev)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0].Name != "Coast Herald" || strings.Join(got[0].Credits, "|") != "CH|The Herald" ||
		len(got[0].EndMarks) != 1 || got[1].Name != "Valley News" || got[1].Credits != nil || got[2].Credits[0] != "RW" {
		t.Errorf("ParseAgencyLines = %+v", got)
	}
	if text := FormatAgencyLines(got); text != "Coast Herald: CH, The Herald\nValley News\nRiver Wire: RW" {
		t.Errorf("FormatAgencyLines = %q", text)
	}
	for _, bad := range []string{": AP", "A: x\na: y"} {
		if _, err := ParseAgencyLines(bad, nil); ErrorCode(err) != EINVALID {
			t.Errorf("ParseAgencyLines(%q) error %v, want EINVALID", bad, err)
		}
	}
}

func TestReadAgencyDateline(t *testing.T) {
	r := &wireReader{year: 2026, agencies: NewAgencyTable(DefaultProfile())}
	nov14 := time.Date(2026, 11, 14, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		line       string
		d          Dateline
		dash, rest string
		ok         bool
	}{
		{"LONDON (Reuters) -Shares rose.", Dateline{Place: "LONDON", Credit: "Reuters"}, "-", "Shares rose.", true},
		{"LONDON (Reuters) - Shares rose.", Dateline{Place: "LONDON", Credit: "Reuters"}, "-", "Shares rose.", true},
		{"LONDON, Nov 14 (Reuters) - Shares rose.", Dateline{Place: "LONDON", Date: nov14, Credit: "Reuters"}, "-", "Shares rose.", true},
		{"ROTTERDAM, Netherlands, Nov. 14 (AP) _ Dock workers.", Dateline{Place: "ROTTERDAM, Netherlands", Date: nov14, Credit: "AP"}, "_", "Dock workers.", true},
		{"NEW YORK, Nov. 14 (UPI) -- The city.", Dateline{Place: "NEW YORK", Date: nov14, Credit: "UPI"}, "--", "The city.", true},
		{"HALIFAX, Nova Scotia (AP) — Ferry.", Dateline{Place: "HALIFAX, Nova Scotia", Credit: "AP"}, "—", "Ferry.", true},
		{"LAGOS (X)—Traders.", Dateline{Place: "LAGOS", Credit: "X"}, "—", "Traders.", true},
		{"Abidjan (AFP) - Cocoa.", Dateline{Place: "Abidjan", Credit: "AFP"}, "-", "Cocoa.", true},
		{"Rio de Janeiro (AFP) - Rain.", Dateline{Place: "Rio de Janeiro", Credit: "AFP"}, "-", "Rain.", true},
		{"TOKYO, Nov. 14 Kyodo - A typhoon.", Dateline{Place: "TOKYO", Date: nov14, Credit: "Kyodo"}, "-", "A typhoon.", true},
		{"Oct. 7 (Bloomberg) -- A line.", Dateline{Date: time.Date(2026, 10, 7, 0, 0, 0, 0, time.UTC), Credit: "Bloomberg"}, "--", "A line.", true},
		{"TORONTO — Apple growers.", Dateline{Place: "TORONTO"}, "—", "Apple growers.", true},
		{"PORT-AU-PRINCE, Haiti (AP) — Rain.", Dateline{Place: "PORT-AU-PRINCE, Haiti", Credit: "AP"}, "—", "Rain.", true},
		{"DAKAR, Senegal: Yoff (X) – Text.", Dateline{Place: "DAKAR, Senegal: Yoff", Credit: "X"}, "–", "Text.", true},
		{"Abidjan - Cocoa.", Dateline{}, "", "", false},              // a title-case place needs a credit
		{"The index rose 3% - the most.", Dateline{}, "", "", false}, // prose
		{"UN officials (in Geneva) – said.", Dateline{}, "", "", false},
		{"Well-known traders said.", Dateline{}, "", "", false},
	} {
		d, dash, rest, ok := r.readDateline(tt.line)
		if ok != tt.ok || dash != tt.dash || rest != tt.rest || d.Place != tt.d.Place || d.Credit != tt.d.Credit || !d.Date.Equal(tt.d.Date) {
			t.Errorf("readDateline(%q) = %+v %q %q %v", tt.line, d, dash, rest, ok)
		}
	}
}

func TestParseAgencyByline(t *testing.T) {
	for _, tt := range []struct {
		line, authors, title, outlet string
		ok                           bool
	}{
		{"By JANE DOE and RICHARD ROE", "JANE DOE|RICHARD ROE", "", "", true},
		{"by Jane Doe, Richard Roe and Mary Major, Coast Herald", "Jane Doe|Richard Roe|Mary Major", "Coast Herald", "", true},
		{"By Jane Doe / Coast Herald", "Jane Doe", "Coast Herald", "Coast Herald", true},
		{"BY JANE DOE & RICHARD ROE", "JANE DOE|RICHARD ROE", "", "", true},
		{"By Anna van der Berg", "Anna van der Berg", "", "", true},
		{"by the way, nothing", "", "", "", false},
		{"By 2026 the port will be full", "", "", "", false},
	} {
		b, outlet, ok := parseAgencyByline(tt.line)
		if ok != tt.ok || strings.Join(b.Authors, "|") != tt.authors || b.Title != tt.title || outlet != tt.outlet {
			t.Errorf("parseAgencyByline(%q) = %+v %q %v", tt.line, b, outlet, ok)
		}
	}
}

func TestReadWireLayout(t *testing.T) {
	// Short paragraphs one a line are not taken for hard-wrapped text.
	lines := "The port reopened on Monday after a week of repairs.\nShips queued overnight.\nThe harbour master said the queue would clear by Friday.\nNo cargo was lost.\n"
	if got := readWireLayout(lines, false); len(got.lines) != 4 || got.header.Layout != LayoutLines {
		t.Errorf("one line a paragraph: %q %q", got.lines, got.header.Layout)
	}
	// Own exports keep their lines whatever their length.
	wrapped := strings.Repeat("word ", 13) + "end\n" + strings.Repeat("more ", 13) + "text\n" + strings.Repeat("last ", 13) + "line\n"
	if got := readWireLayout(wrapped, true); len(got.lines) != 3 {
		t.Errorf("own export: %q", got.lines)
	}
	if got := readWireLayout(wrapped, false); len(got.lines) != 1 || got.header.Layout != LayoutWrapped {
		t.Errorf("hard-wrapped: %q %q", got.lines, got.header.Layout)
	}
}

func FuzzReadWireLayout(f *testing.F) {
	f.Add("\x16\x01a0001 r f BC-X 11-14 0100\x02\n^Head<\n^By A B=\n\tPARIS (AP) _ Text\nmore.\n\x03", false)
	f.Add("\x01ZCZC\nABC0001 4 pol 10\nSlug\nHead =\n   Text\nNNNN\n", false)
	f.Add("a b c\n\nd e f\n", true)
	f.Fuzz(func(t *testing.T, text string, keep bool) {
		if !utf8.ValidString(text) {
			return
		}
		l := readWireLayout(text, keep)
		for _, s := range l.lines {
			if s == "" || s != strings.TrimSpace(s) {
				t.Fatalf("line %q is empty or untrimmed", s)
			}
		}
		if !keep && l.header.Layout == "" {
			t.Fatal("no layout named")
		}
	})
}

func FuzzReadWireHead(f *testing.F) {
	f.Add("By JANE DOE and RICHARD ROE", "LONDON, Nov 14 (Reuters) -Shares rose.")
	f.Add("by A / B", "Oct. 7 (Bloomberg) -- x")
	f.Add("By ANNA VAN DER BERG, J.R. SMITH JR.", "TOKYO Kyodo - y")
	r := &wireReader{year: 2026, agencies: NewAgencyTable(DefaultProfile()), w: &WireCopy{Article: &Article{}}}
	f.Fuzz(func(t *testing.T, byline, dateline string) {
		if !utf8.ValidString(byline) || !utf8.ValidString(dateline) {
			return
		}
		if b, n, ok := r.readByline([]string{byline, dateline, "x"}); ok {
			if n < 1 || n > 2 || len(b.Authors) > 8 {
				t.Fatalf("byline %+v read %d lines", b, n)
			}
			for _, a := range b.Authors {
				if strings.TrimSpace(a) == "" || utf8.RuneCountInString(NameFromCapitals(a)) != utf8.RuneCountInString(a) {
					t.Fatalf("author %q", a)
				}
			}
		}
		if d, _, rest, ok := r.readDateline(dateline); ok {
			if d.IsZero() || !strings.Contains(dateline, rest) {
				t.Fatalf("dateline %+v rest %q of %q", d, rest, dateline)
			}
		}
	})
}

// TestWireKeepsSyndicatedMoreHeading: syndicated copy goes out with its
// own "More …" heading under its own copyright line, whatever the
// profile's publisher.
func TestWireKeepsSyndicatedMoreHeading(t *testing.T) {
	for _, heading := range []string{"More Coast Herald", "More from the Coast Herald newsroom"} {
		in := "by Ellen Shaw\nGRIMSBY, England (Coast Herald) – A boatyard won a contract.\nCopyright 2025 Coast Herald. All rights reserved.\n" + heading + "\nFish market extends its hours.\n"
		a, err := ParseWireText([]byte(in), DefaultProfile())
		if err != nil {
			t.Fatal(err)
		}
		out, err := RenderWireText(a, DefaultProfile(), RenderOptions{Now: fixtureNow})
		if err != nil {
			t.Fatal(err)
		}
		want := "Copyright 2025 Coast Herald. This article was originally published on Coast Herald and was reproduced with permission.\n" + heading + "\nFish market extends its hours.\n"
		if !strings.HasSuffix(string(out), want) {
			t.Errorf("export ends:\n%s\nwant:\n%s", out, want)
		}
	}
}

func TestDetectAgencyCopy(t *testing.T) {
	for _, name := range []string{"anpa-1312", "iptc-7901", "afp-title-case-place", "xinhua-enditem", "bloomberg-date-no-place"} {
		data, err := os.ReadFile(filepath.Join("testdata", "wire", name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		if f, err := DetectFormat("copy", data, DefaultProfile()); err != nil || f != FormatWire {
			t.Errorf("%s detected as %q (%v), want wire text", name, f, err)
		}
	}
	if f, _ := DetectFormat("notes", []byte("Some notes - not copy.\nMore notes.\n"), DefaultProfile()); f == FormatWire {
		t.Error("plain notes detected as wire copy")
	}
}
