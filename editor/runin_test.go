package editor

import (
	"bytes"
	"testing"
	"time"
)

func TestParseArticleBodyDatelineRunIn(t *testing.T) {
	date := time.Date(2026, 1, 21, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name string
		body string
		d    Dateline
		want string
	}{
		{"place and credit", "Tea growers said \"hi\".", Dateline{Place: "NAIROBI, Kenya", Credit: "Harbor Times"},
			"<p><span class=\"dateline\">NAIROBI, Kenya (<span class=\"source-org\">Harbor Times</span>) – </span>Tea growers said “hi”.</p>\n"},
		{"credit only", "Text.", Dateline{Credit: "Harbor Times"},
			"<p><span class=\"dateline\">(<span class=\"source-org\">Harbor Times</span>) – </span>Text.</p>\n"},
		{"dated, after heading", "# Head\n\nText.", Dateline{Place: "LONDON", Date: date, Credit: "A & B"},
			"<h1 id=\"head\">Head</h1>\n<p><span class=\"dateline\">LONDON, Jan. 21 (<span class=\"source-org\">A &amp; B</span>) – </span>Text.</p>\n"},
		{"empty body", "", Dateline{Place: "PARIS"},
			"<p><span class=\"dateline\">PARIS – </span></p>\n"},
		{"no dateline", "Text.", Dateline{}, "<p>Text.</p>\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc, src := ParseArticleBody(&Article{Body: tt.body, Dateline: tt.d}, DashEn)
			var buf bytes.Buffer
			if err := markdown.Renderer().Render(&buf, src, doc); err != nil {
				t.Fatal(err)
			}
			if got := buf.String(); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestDatelineRunInText(t *testing.T) {
	date := time.Date(2026, 9, 3, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		d    Dateline
		want string
	}{
		{Dateline{Place: "NAIROBI, Kenya", Credit: "Harbor Times"}, "NAIROBI, Kenya (Harbor Times) — "},
		{Dateline{Credit: "Harbor Times"}, "(Harbor Times) — "},
		{Dateline{Place: "LONDON", Date: date, Credit: "Harbor Times"}, "LONDON, Sept. 3 (Harbor Times) — "},
		{Dateline{Date: date}, "Sept. 3 — "},
		{Dateline{Place: " OSLO "}, "OSLO — "},
	} {
		if got := NewDatelineRunIn(tt.d, DashEm).PlainText(); got != tt.want {
			t.Errorf("%+v: run-in text %q, want %q", tt.d, got, tt.want)
		}
	}
	if NewDatelineRunIn(Dateline{}, DashEn) != nil {
		t.Error("empty dateline must give no run-in node")
	}
	if got := FormatDateline(Dateline{Place: "PARIS"}, ""); got != "PARIS – " {
		t.Errorf("the default dash is the en dash: %q", got)
	}
}
