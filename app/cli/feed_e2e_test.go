package cli_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestExportFeedSelection drives dateline export --format atom|rss with
// the selection filters and their usage errors.
func TestExportFeedSelection(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	if _, errOut, code := dateline(t, nil, "--library", lib, "import", "testdata/port-strike.md", "../../assets/sample.md"); code != 0 {
		t.Fatalf("import: exit %d, %s", code, errOut)
	}
	entries := func(feed string) int { return strings.Count(feed, "<entry>") + strings.Count(feed, "<item>") }
	for _, c := range []struct {
		args []string
		want int
	}{
		{[]string{"--format", "atom"}, 2},
		{[]string{"--format", "rss"}, 2},
		{[]string{"--format", "atom", "--status", "approved"}, 1},
		{[]string{"--format", "rss", "--tag", "kenya"}, 1},
		{[]string{"--format", "atom", "--author", "otieno"}, 1},
		{[]string{"--format", "atom", "--limit", "1"}, 1},
		{[]string{"--format", "atom", "--until", "2000-01-01"}, 0},
	} {
		out, errOut, code := dateline(t, nil, append([]string{"--library", lib, "export"}, c.args...)...)
		if code != 0 || entries(out) != c.want {
			t.Errorf("export %v: exit %d, %d entries, want %d; stderr %q", c.args, code, entries(out), c.want, errOut)
		}
	}
	out := filepath.Join(t.TempDir(), "feed.atom")
	if _, errOut, code := dateline(t, nil, "--library", lib, "export", "--format", "atom", "--out", out); code != 0 || !strings.Contains(errOut, "Exported the Atom feed of 2 articles") {
		t.Errorf("export --out: exit %d, stderr %q", code, errOut)
	}
	for _, args := range [][]string{
		{"--format", "atom", "mombasa-port-strike"},
		{"--format", "md", "--tag", "kenya", "mombasa-port-strike"},
		{"--format", "rss", "--since", "yesterday"},
		{"--format", "rss", "--status", "printed"},
	} {
		if _, errOut, code := dateline(t, nil, append([]string{"--library", lib, "export"}, args...)...); code != 2 {
			t.Errorf("export %v: exit %d, stderr %q; want a usage error", args, code, errOut)
		}
	}
}
