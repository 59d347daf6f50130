package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dateline-news/dateline/editor"
	"github.com/dateline-news/dateline/storage"
)

// TestCustomFooterRoundTripsThroughExportAndImport exports a draft under a
// profile with its own footer wording and imports the file again with the
// command line: the importer reads the footer with the library's templates,
// so holder and years come back.
func TestCustomFooterRoundTripsThroughExportAndImport(t *testing.T) {
	ctx := context.Background()
	lib := filepath.Join(t.TempDir(), "library.db")
	db, err := storage.Open(lib)
	if err != nil {
		t.Fatal(err)
	}
	p := editor.DefaultProfile()
	p.Holder, p.Since = "Bay Ledger Media Ltd.", 1998
	p.FooterOriginal = `© {{.Holder}}, {{.Since}}–{{.Year}}. Some rights reserved.`
	if err := db.SaveProfile(ctx, p); err != nil {
		t.Fatal(err)
	}
	a := editor.NewArticle(time.Date(2025, 3, 4, 9, 0, 0, 0, time.UTC))
	a.Headline, a.Slug, a.Body = "Harbour dredging resumes", "harbour-dredging-resumes", "Work began on Monday."
	a.Published = time.Date(2025, 3, 4, 9, 0, 0, 0, time.UTC)
	if _, err := db.Create(ctx, a, editor.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	file := filepath.Join(t.TempDir(), "story.txt")
	var stdout, stderr bytes.Buffer
	env := Env{Library: lib, Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr}
	if code := Run(ctx, env, []string{"export", "--format", "txt", "--out", file, a.Slug}); code != ExitOK {
		t.Fatalf("export: exit %d: %s", code, stderr.String())
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "© Bay Ledger Media Ltd., 1998–2025. Some rights reserved.\n") {
		t.Fatalf("export has no custom footer:\n%s", data)
	}
	if code := Run(ctx, env, []string{"import", "--as-new", file}); code != ExitOK {
		t.Fatalf("import: exit %d: %s", code, stderr.String())
	}

	db, err = storage.Open(lib)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.List(ctx, editor.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var imported *editor.Article
	for _, r := range rows {
		if r.ID != a.ID {
			if imported, err = db.Get(ctx, r.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	if imported == nil {
		t.Fatalf("no imported draft among %+v", rows)
	}
	if got, want := imported.Copyright, (editor.Copyright{Holder: "Bay Ledger Media Ltd.", Since: 1998, Year: 2025}); got != want {
		t.Errorf("imported copyright = %+v, want %+v", got, want)
	}
	if strings.Contains(imported.Body, "rights reserved") {
		t.Errorf("the footer stayed in the body: %q", imported.Body)
	}
}
