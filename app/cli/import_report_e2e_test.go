package cli_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestImportReportsWhatItRecognised imports agency copy: the standard
// output keeps the list row, the standard error says per file what went
// where.
func TestImportReportsWhatItRecognised(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	file := filepath.Join("..", "..", "editor", "testdata", "wire", "reuters-correction-advisory.txt")
	out, errOut, code := dateline(t, nil, "--library", lib, "import", file)
	if code != 0 {
		t.Fatalf("import: exit %d, stderr %q", code, errOut)
	}
	if !strings.Contains(out, "Port of Santos sets a monthly record") || strings.Contains(out, "agency:") {
		t.Errorf("stdout %q, want the list row alone", out)
	}
	for _, want := range []string{
		file + ":",
		"  agency: Reuters (syndicated)",
		"  advisory: CORRECTS spelling of minister’s name in 2nd paragraph",
		"  dateline: SAO PAULO, Oct. 3 (Reuters)",
		"  footer: © 2025 Thomson Reuters",
		"  trailer: (Reporting by Lucas Prado; Editing by Mark Tennant)",
		"  body: 2 paragraphs",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("the report lacks %q:\n%s", want, errOut)
		}
	}
}
