package cli_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestXMLFormatsThroughTheCLI exports a draft as NITF and NewsML-G2 with
// --format nitf and --format newsml, imports each .xml file into a new
// library (the format told by its root element) and exports it again: the
// same bytes come out, but for the time of the last change, which the
// library stamps on every save, the import's included.
func TestXMLFormatsThroughTheCLI(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	if _, errOut, code := dateline(t, nil, "--library", lib, "import", "testdata/port-strike.md"); code != 0 {
		t.Fatalf("import: exit %d, stderr %q", code, errOut)
	}
	for _, tc := range []struct{ format, root string }{{"nitf", "<nitf "}, {"newsml", "<newsItem "}} {
		t.Run(tc.format, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "strike.xml")
			_, errOut, code := dateline(t, nil, "--library", lib, "export", "--format", tc.format, "--out", file, "mombasa-port-strike")
			if code != 0 {
				t.Fatalf("export: exit %d, stderr %q", code, errOut)
			}
			first, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(first), tc.root) || !strings.Contains(string(first), "MOMBASA, Kenya") {
				t.Fatalf("export is not %s with the dateline:\n%s", tc.format, first)
			}
			other := filepath.Join(t.TempDir(), "library.db")
			out, errOut, code := dateline(t, nil, "--library", other, "import", file)
			if code != 0 || !strings.Contains(out, "Port workers end a three-day strike") {
				t.Fatalf("import of the %s file: exit %d, stdout %q, stderr %q", tc.format, code, out, errOut)
			}
			second, errOut, code := dateline(t, nil, "--library", other, "export", "--format", tc.format, "mombasa-port-strike")
			if code != 0 {
				t.Fatalf("export of the import: exit %d, stderr %q", code, errOut)
			}
			if second, first := withoutUpdateTime(second), withoutUpdateTime(string(first)); second != first {
				t.Errorf("%s export→import→export through the CLI differs:\n%s", tc.format, firstLineDiff(string(first), second))
			}
		})
	}
	_, errOut, code := dateline(t, nil, "--library", lib, "import", "--format", "nitf", "testdata/port-strike.md")
	if code == 0 || !strings.Contains(errOut, "not well-formed XML") {
		t.Errorf("importing Markdown as NITF: exit %d, stderr %q", code, errOut)
	}
}

// updateTime matches the time of the last change in NITF and NewsML-G2.
var updateTime = regexp.MustCompile(`(<date\.issue norm=")[^"]*|(<versionCreated>|<contentModified>)[^<]*`)

// withoutUpdateTime blanks the time of the last change.
func withoutUpdateTime(s string) string {
	return updateTime.ReplaceAllString(s, "$1$2")
}

// firstLineDiff shows the first line in which want and got differ.
func firstLineDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\n want %q\n got  %q", i+1, w, g)
		}
	}
	return "(no line differs)"
}
