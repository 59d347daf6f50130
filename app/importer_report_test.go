package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportAgencyCopyShowsReport imports a piece of agency copy: the
// dialog says what went where, so that the desk can check it at a glance.
func TestImportAgencyCopyShowsReport(t *testing.T) {
	clk := newFakeClock()
	store := openStore(t, clk)
	w := newTestWindow(t, store, clk, Options{})
	copyText, err := os.ReadFile(filepath.Join("..", "editor", "testdata", "wire", "ap-two-line-byline.txt"))
	if err != nil {
		t.Fatal(err)
	}
	w.importer.ImportURIs(fileURIs(t, [2]string{"ferry.txt", string(copyText)}))
	w.settle()

	if w.article == nil || w.article.Attribution.OriginalPublisher != "Associated Press" {
		t.Fatalf("the imported draft is not open as AP copy: %+v", w.article)
	}
	text := overlayText(w.MainWindow)
	for _, want := range []string{
		"Imported 1 file.",
		importReportHeading,
		"ferry.txt",
		"agency: Associated Press (syndicated)",
		"byline: by Margaret O’Neil and Robert McDonald, Associated Press",
		"dateline: HALIFAX, Nova Scotia (AP)",
		"footer: © 2026 The Associated Press",
		"trailer: Associated Press writer Liam Chu in Ottawa contributed to this report.",
		"body: 3 paragraphs, 44 words",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the import dialog lacks %q; it says:\n%s", want, text)
		}
	}
}
