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
// keep every item and warn that deeper levels were flattened; so does the
// Markdown export, which hands on the body the pipeline parsed, made safe.
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
		if !warned {
			t.Errorf("export %s: no warning of the flattened nesting (stderr %q)", f, errOut)
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

// TestExportJekyllAndHeadlineWarning imports a published story with a
// 150-character headline and exports it for Jekyll: the file is named
// YYYY-MM-DD-slug.md after its publication date, and the export warns
// that search engines cut the headline.
func TestExportJekyllAndHeadlineWarning(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	file := filepath.Join(t.TempDir(), "long.md")
	headline := strings.Repeat("Harbour ", 18) + "closes"
	doc := "---\ntitle: " + headline + "\nslug: long-one\nstatus: published\npublishDate: 2026-02-03T10:00:00Z\n---\nText.\n"
	if err := os.WriteFile(file, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := dateline(t, nil, "--library", lib, "import", file); code != 0 {
		t.Fatalf("import: exit %d, stderr %q", code, errOut)
	}
	dir := t.TempDir()
	_, errOut, code := dateline(t, nil, "--library", lib, "export", "--format", "md", "--jekyll", "--all", "--out", dir)
	if code != 0 {
		t.Fatalf("export --jekyll: exit %d, stderr %q", code, errOut)
	}
	data, err := os.ReadFile(filepath.Join(dir, "2026-02-03-long-one.md"))
	if err != nil {
		t.Fatalf("no Jekyll-named file: %v", err)
	}
	if !strings.Contains(string(data), "publishDate: 2026-02-03T10:00:00Z") || strings.Contains(string(data), "published: false") {
		t.Errorf("published story exported as:\n%s", data)
	}
	if !strings.Contains(errOut, "warning") || !strings.Contains(errOut, "150 characters") {
		t.Errorf("no headline warning: %q", errOut)
	}
	if _, errOut, code := dateline(t, nil, "--library", lib, "export", "--format", "html", "--jekyll", "--all", "--out", dir); code == 0 || !strings.Contains(errOut, "--jekyll") {
		t.Errorf("--jekyll with html: exit %d, stderr %q", code, errOut)
	}
}
