package editor

import "testing"

func TestExportFileName(t *testing.T) {
	taken := map[string]bool{}
	for _, tt := range []struct {
		slug, id string
		f        Format
		want     string
	}{
		{"kenya-tea-harvest", "5b3f1c9e-7d2a", FormatHTML, "kenya-tea-harvest.html"},
		{"kenya-tea-harvest", "6b3f1c9e-7d2a", FormatHTML, "kenya-tea-harvest-2.html"},
		{"kenya-tea-harvest", "7b3f1c9e-7d2a", FormatHTML, "kenya-tea-harvest-3.html"},
		{"kenya-tea-harvest", "5b3f1c9e-7d2a", FormatMarkdown, "kenya-tea-harvest.md"},
		{"../../etc/passwd", "1", FormatWire, "etc-passwd.txt"},
		{"..", "abcdef12-0000", FormatNinjs, "article-abcdef12.json"},
		{"CON", "x", FormatHTML, "con.html"},
		{"a/b\\c\x00d", "x", FormatHTML, "a-b-c-d.html"},
		{"", "", FormatHTML, "article.html"},
	} {
		if got := ExportFileName(tt.slug, tt.id, tt.f, taken); got != tt.want {
			t.Errorf("ExportFileName(%q, %q, %s) = %q, want %q", tt.slug, tt.id, tt.f, got, tt.want)
		}
	}
}

func TestBatchResultSummary(t *testing.T) {
	r := BatchResult{Written: make([]BatchItem, 3), Skipped: make([]BatchItem, 1), Failed: make([]BatchItem, 2)}
	if got, want := r.Summary(), "Exported 3 articles, skipped 1 killed, 2 failed."; got != want {
		t.Errorf("Summary() = %q, want %q", got, want)
	}
	if got, want := (BatchResult{Written: make([]BatchItem, 1)}).Summary(), "Exported 1 article."; got != want {
		t.Errorf("Summary() = %q, want %q", got, want)
	}
}
