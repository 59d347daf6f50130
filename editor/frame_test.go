package editor

import (
	"strings"
	"testing"
	"time"
)

func TestFormatByline(t *testing.T) {
	for _, tt := range []struct {
		b    Byline
		want string
	}{
		{Byline{}, ""},
		{Byline{Title: "From staff reports"}, "From staff reports"}, // a staff credit
		{Byline{Authors: []string{"  "}}, ""},
		{Byline{Authors: []string{"Dana Whitfield"}}, "by Dana Whitfield"},
		{Byline{Authors: []string{"Dana Whitfield"}, Title: "Correspondent"}, "by Dana Whitfield, Correspondent"},
		{Byline{Authors: []string{"Dana Whitfield", "Omar Haddad"}}, "by Dana Whitfield and Omar Haddad"},
		{Byline{Authors: []string{"Dana Whitfield", "Omar Haddad"}, Title: "Harbor Times Correspondents"}, "by Dana Whitfield and Omar Haddad, Harbor Times Correspondents"},
		{Byline{Authors: []string{"A", "B", "C"}}, "by A, B and C"},
		{Byline{Authors: []string{"A", "B", "C"}, Title: " T "}, "by A, B and C, T"},
		{Byline{Authors: []string{"A", "", "B", "C", "D"}}, "by A, B, C and D"},
		{Byline{Authors: []string{" Zoë Çelik ", "李娜"}}, "by Zoë Çelik and 李娜"},
	} {
		if got := FormatByline(tt.b); got != tt.want {
			t.Errorf("FormatByline(%+v) = %q, want %q", tt.b, got, tt.want)
		}
	}
}

func TestFormatDateline(t *testing.T) {
	jan21 := time.Date(2026, 1, 21, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		d    Dateline
		dash string
		want string
	}{
		{Dateline{}, DashEn, ""},
		{Dateline{Place: "  "}, DashEn, ""},
		{Dateline{Place: "NAIROBI, Kenya", Credit: "Harbor Times"}, DashEn, "NAIROBI, Kenya (Harbor Times) – "},
		{Dateline{Credit: "Harbor Times"}, DashEn, "(Harbor Times) – "},
		{Dateline{Place: "LONDON", Date: jan21, Credit: "Harbor Times"}, DashEn, "LONDON, Jan. 21 (Harbor Times) – "},
		{Dateline{Place: "LONDON", Date: jan21}, DashEn, "LONDON, Jan. 21 – "},
		{Dateline{Place: "LONDON"}, DashEn, "LONDON – "},
		{Dateline{Date: jan21}, DashEn, "Jan. 21 – "},
		{Dateline{Date: jan21, Credit: "AP"}, DashEn, "Jan. 21 (AP) – "},
		{Dateline{Place: "LONDON", Credit: "AP"}, DashEm, "LONDON (AP) — "},
		{Dateline{Place: "LONDON", Credit: "AP"}, DashDouble, "LONDON (AP) -- "},
		{Dateline{Place: "LONDON", Credit: "AP"}, "", "LONDON (AP) – "},
	} {
		if got := FormatDateline(tt.d, tt.dash); got != tt.want {
			t.Errorf("FormatDateline(%+v, %q) = %q, want %q", tt.d, tt.dash, got, tt.want)
		}
	}
}

func TestAPDate(t *testing.T) {
	want := []string{"Jan. 5", "Feb. 5", "March 5", "April 5", "May 5", "June 5", "July 5", "Aug. 5", "Sept. 5", "Oct. 5", "Nov. 5", "Dec. 5"}
	for m := time.January; m <= time.December; m++ {
		d := time.Date(2026, m, 5, 0, 0, 0, 0, time.UTC)
		if got := APDate(d); got != want[m-1] {
			t.Errorf("APDate(%s) = %q, want %q", d.Format(time.DateOnly), got, want[m-1])
		}
		back, ok := ParseAPDate(want[m-1], 2026)
		if !ok || !back.Equal(d) {
			t.Errorf("ParseAPDate(%q) = %v, %v; want %v", want[m-1], back, ok, d)
		}
	}
	if got := APDate(time.Date(2026, 9, 30, 0, 0, 0, 0, time.UTC)); got != "Sept. 30" {
		t.Errorf("no ordinals: got %q", got)
	}
	for _, s := range []string{"Jan 21", "January 21", "Sep. 3", "sept. 3"} {
		if _, ok := ParseAPDate(s, 2026); !ok {
			t.Errorf("ParseAPDate(%q) failed", s)
		}
	}
	for _, s := range []string{"", "Jan.", "Feb. 30", "Foo 3", "Jan. 0", "Jan. 21 2026"} {
		if _, ok := ParseAPDate(s, 2026); ok {
			t.Errorf("ParseAPDate(%q) accepted", s)
		}
	}
}

func TestFooterYears(t *testing.T) {
	p := DefaultProfile()
	pub := func(year int) *Article {
		return &Article{Published: time.Date(year, 6, 1, 0, 0, 0, 0, time.UTC)}
	}
	for _, tt := range []struct {
		name  string
		a     *Article
		since int
		want  string
	}{
		{"range", pub(2026), 2004, "Copyright 2004-2026 Harbor Times. All rights reserved."},
		{"single year when equal", pub(2026), 2026, "Copyright 2026 Harbor Times. All rights reserved."},
		{"since after year collapses", pub(2003), 2004, "Copyright 2003 Harbor Times. All rights reserved."},
		{"article copyright year wins", &Article{Published: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Copyright: Copyright{Year: 2027}}, 2004, "Copyright 2004-2027 Harbor Times. All rights reserved."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p.Since = tt.since
			f, err := BuildFrame(tt.a, p, nil)
			if err != nil {
				t.Fatal(err)
			}
			if f.Footer != tt.want {
				t.Errorf("footer %q, want %q", f.Footer, tt.want)
			}
		})
	}
}

func TestSyndicatedFooterUsesOriginalPublisher(t *testing.T) {
	p := DefaultProfile() // Harbor Times since 2004
	a := &Article{
		Published:   time.Date(2031, 3, 1, 0, 0, 0, 0, time.UTC),
		Attribution: Attribution{Kind: AttributionSyndicated, OriginalPublisher: "Coastal Ledger", OriginalURL: "https://cl.example/x"},
		Related:     []Teaser{{Text: "Other story"}},
	}
	f, err := BuildFrame(a, p, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Copyright 2031 Coastal Ledger. This article was originally published on Coastal Ledger and was reproduced with permission."; f.Footer != want {
		t.Errorf("without stored copyright: %q, want %q", f.Footer, want)
	}
	if f.RelatedHeading != "More Coastal Ledger" {
		t.Errorf("related heading %q, want More Coastal Ledger", f.RelatedHeading)
	}
	// Copy that came in saying "Copyright 2004-2026 Harbor Times" goes out
	// saying the same, whatever the year and the re-publisher.
	a.Copyright = Copyright{Holder: "Harbor Times", Since: 2004, Year: 2026}
	a.Attribution.OriginalPublisher = "Harbor Times"
	p.Publisher, p.Holder, p.Since = "Bay Courier", "Bay Courier Ltd", 1990
	f, err = BuildFrame(a, p, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Copyright 2004-2026 Harbor Times. This article was originally published on Harbor Times and was reproduced with permission."; f.Footer != want {
		t.Errorf("with stored copyright: %q, want %q", f.Footer, want)
	}
	if f.RelatedHeading != "More Harbor Times" {
		t.Errorf("related heading %q, want More Harbor Times", f.RelatedHeading)
	}
}

func TestContributedTaglineAndCorrection(t *testing.T) {
	a := &Article{Attribution: Attribution{Kind: AttributionContributed, Source: " Associated Press "}, CorrectionNote: "Fixed.", Status: StatusPublished}
	f, err := BuildFrame(a, DefaultProfile(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Material from Associated Press contributed to this report."; f.Tagline != want {
		t.Errorf("tagline %q, want %q", f.Tagline, want)
	}
	if f.Correction != "" {
		t.Errorf("correction shown for a story that is not corrected: %q", f.Correction)
	}
	a.Status = StatusCorrected
	if f, _ = BuildFrame(a, DefaultProfile(), nil); f.Correction != "Fixed." {
		t.Errorf("correction %q, want Fixed.", f.Correction)
	}
}

func TestBuildFrameResolvesTeasers(t *testing.T) {
	a := &Article{Related: []Teaser{
		{Text: "stored", DraftID: "known"},
		{Text: "kept", DraftID: "gone"},
		{Text: "  "},
		{Text: "plain", URL: "https://x.example"},
	}}
	resolve := func(id string) (string, string, bool) {
		if id == "known" {
			return "Current headline", "https://x.example/known", true
		}
		return "", "", false
	}
	f, err := BuildFrame(a, DefaultProfile(), resolve)
	if err != nil {
		t.Fatal(err)
	}
	want := []Teaser{{Text: "Current headline", URL: "https://x.example/known", DraftID: "known"}, {Text: "kept", DraftID: "gone"}, {Text: "plain", URL: "https://x.example"}}
	if len(f.Related) != len(want) {
		t.Fatalf("related %+v, want %+v", f.Related, want)
	}
	for i := range want {
		if f.Related[i] != want[i] {
			t.Errorf("related[%d] = %+v, want %+v", i, f.Related[i], want[i])
		}
	}
}

func TestTemplateErrors(t *testing.T) {
	for _, tt := range []struct {
		name, src, wantText string
	}{
		{"parse error", "Copyright {{.Years} {{.Holder}}", "does not parse"},
		{"unclosed action", "Copyright {{if .Holder}}x", "does not parse"},
		{"unknown field", "Copyright {{.Owner}}", `unknown field "Owner"`},
		{"empty", "   ", "is empty"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := ValidateTemplate("footer", tt.src)
			if ErrorCode(err) != EINVALID {
				t.Fatalf("code %q (%v), want %q", ErrorCode(err), err, EINVALID)
			}
			if msg := ErrorMessage(err); !strings.Contains(msg, tt.wantText) || !strings.Contains(msg, "footer") {
				t.Errorf("message %q should name the template and say %q", msg, tt.wantText)
			}
			if strings.Contains(ErrorMessage(err), "template: footer:") {
				t.Errorf("message %q keeps text/template's prefix", ErrorMessage(err))
			}
		})
	}
	p := DefaultProfile()
	p.FooterOriginal = "{{.Nope}}"
	if ErrorCode(p.Validate()) != EINVALID {
		t.Error("Profile.Validate accepted a footer with an unknown field")
	}
	if _, err := BuildFrame(&Article{}, p, nil); ErrorCode(err) != EINVALID {
		t.Errorf("BuildFrame with a bad footer: %v, want EINVALID", err)
	}
	if _, err := Export(FormatHTML, &Article{}, p, RenderOptions{}); ErrorCode(err) != EINVALID {
		t.Errorf("Export with a bad footer: %v, want EINVALID", err)
	}
}
