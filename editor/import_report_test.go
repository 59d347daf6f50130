package editor

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestImportReport(t *testing.T) {
	in, err := os.ReadFile(filepath.Join("testdata", "wire", "ap-two-line-byline.txt"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := ParseWireText(in, DefaultProfile())
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(ImportReport(a), "\n")
	want := strings.Join([]string{
		"agency: Associated Press (syndicated)",
		"layout: line-per-paragraph",
		"headline: Ferry operators add night crossings as bridge closes",
		"byline: by Margaret O’Neil and Robert McDonald, Associated Press",
		"byline as received: By MARGARET O’NEIL and ROBERT McDONALD / Associated Press",
		"dateline: HALIFAX, Nova Scotia (AP)",
		"footer: © 2026 The Associated Press",
		"trailer: Associated Press writer Liam Chu in Ottawa contributed to this report.",
		"body: 3 paragraphs, 44 words",
	}, "\n")
	if got != want {
		t.Errorf("report:\n%s\nwant:\n%s", got, want)
	}
	// Own copy with nothing recognised says so.
	b := NewArticle(fixtureNow)
	b.Body = "One line."
	got = strings.Join(ImportReport(b), "\n")
	for _, w := range []string{"agency: none; own copy", "byline: none", "dateline: none", "footer: none", "trailer: none", "body: 1 paragraph, 2 words"} {
		if !strings.Contains(got, w) {
			t.Errorf("report lacks %q:\n%s", w, got)
		}
	}
}
