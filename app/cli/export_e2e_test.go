package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dateline-news/dateline/editor"
	"github.com/dateline-news/dateline/editor/hostile"
)

// TestExportWarnsOfFlattenedNesting imports a body with a 2,000-level
// nested list and exports it: the formats rendered through the pipeline
// keep every item and warn that deeper levels were flattened; the Markdown
// export, which writes the body as written, does not warn.
func TestExportWarnsOfFlattenedNesting(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	file := filepath.Join(t.TempDir(), "deep.md")
	if err := os.WriteFile(file, []byte("# Deep lists\n\n"+hostile.NestedList(2000)), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := dateline(t, nil, "--library", lib, "import", file)
	if code != 0 {
		t.Fatalf("import: exit %d, stderr %q", code, errOut)
	}
	id := strings.Fields(out)[0]
	for _, f := range editor.Formats {
		got, errOut, code := dateline(t, nil, "--library", lib, "export", "--format", string(f), id)
		if code != 0 {
			t.Fatalf("export %s: exit %d, stderr %q", f, code, errOut)
		}
		if !strings.Contains(got, "level 2000") {
			t.Errorf("export %s lacks the deepest item", f)
		}
		warned := strings.Contains(errOut, "warning") && strings.Contains(errOut, editor.NestingNotice)
		if want := f != editor.FormatMarkdown; warned != want {
			t.Errorf("export %s: warned %v, want %v (stderr %q)", f, warned, want, errOut)
		}
	}
	// A batch export warns for the drafts it flattened, too.
	dir := t.TempDir()
	_, errOut, code = dateline(t, nil, "--library", lib, "export", "--format", "html", "--all", "--out", dir)
	if code != 0 {
		t.Fatalf("batch export: exit %d, stderr %q", code, errOut)
	}
	if !strings.Contains(errOut, "warning") || !strings.Contains(errOut, editor.NestingNotice) {
		t.Errorf("batch export did not warn of the flattened nesting: %q", errOut)
	}
}
