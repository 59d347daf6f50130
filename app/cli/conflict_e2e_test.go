package cli_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dateline-news/dateline/editor"
	"github.com/dateline-news/dateline/storage"
)

// TestImportReplaceWhileAWindowEdits runs the real binary's import
// --replace on a library that a window (the store opened here) has open
// and is editing: the import becomes the draft's text, and the window's
// next save overwrites nothing but is kept as a conflicting revision
// (issue 8, finding 2).
func TestImportReplaceWhileAWindowEdits(t *testing.T) {
	ctx := context.Background()
	lib := filepath.Join(t.TempDir(), "library.db")
	const id = "0c6b1f4e-2b7d-4c5a-9e3f-8d1a2b3c4d5e"
	if _, errOut, code := dateline(t, nil, "--library", lib, "import", "testdata/port-strike.md"); code != 0 {
		t.Fatalf("import: exit %d, %s", code, errOut)
	}

	window, err := storage.Open(lib, storage.WithDevice("window"))
	if err != nil {
		t.Fatal(err)
	}
	defer window.Close()
	mine, err := window.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	mine.Body += "\n\nThe window's first paragraph."
	if _, err := window.Save(ctx, mine, editor.SaveOptions{Session: "window"}); err != nil {
		t.Fatalf("the window's first save: %v", err)
	}

	orig, err := os.ReadFile("testdata/port-strike.md")
	if err != nil {
		t.Fatal(err)
	}
	edited := filepath.Join(t.TempDir(), "edited.md")
	if err := os.WriteFile(edited, []byte(strings.Replace(string(orig), "9 percent", "11 percent", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := dateline(t, nil, "--library", lib, "import", "--replace", edited); code != 0 {
		t.Fatalf("import --replace: exit %d, %s", code, errOut)
	}

	mine.Body += "\n\nThe window's second paragraph."
	rev, err := window.Save(ctx, mine, editor.SaveOptions{Session: "window"})
	if editor.ErrorCode(err) != editor.ESTALE || rev == nil || !rev.Conflict {
		t.Fatalf("the window's save after the import: %+v, %v; want a conflicting revision and ESTALE", rev, err)
	}
	md, errOut, code := dateline(t, nil, "--library", lib, "export", "--format", "md", id)
	if code != 0 {
		t.Fatalf("export: exit %d, %s", code, errOut)
	}
	if !strings.Contains(md, "11 percent") || strings.Contains(md, "second paragraph") {
		t.Errorf("the stale window overwrote the import:\n%s", md)
	}
	kept, err := window.Revision(ctx, rev.ID)
	if err != nil || kept.Article.Body != mine.Body {
		t.Fatalf("the window's text is not kept in revision %s: %v", rev.ID, err)
	}
	if _, errOut, code := dateline(t, nil, "--library", lib, "check"); code != 0 {
		t.Errorf("check after the conflict: exit %d, %s", code, errOut)
	}

	// The window merges the two heads (issue 14): history shows the merge
	// revision with both parents, and one head.
	heads, err := window.Heads(ctx, id)
	if err != nil || len(heads) != 2 {
		t.Fatalf("heads before the merge: %v (%v), want 2", heads, err)
	}
	merged, err := window.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	merged.Body += "\n\nThe window's second paragraph."
	mrev, err := window.SaveMerge(ctx, merged, [2]string{heads[0].ID, heads[1].ID}, editor.SaveOptions{})
	if err != nil {
		t.Fatal(err)
	}
	hist, errOut, code := dateline(t, nil, "--library", lib, "history", id)
	if code != 0 {
		t.Fatalf("history: exit %d, %s", code, errOut)
	}
	var line string
	for _, l := range strings.Split(hist, "\n") {
		if strings.HasPrefix(l, mrev.ID) {
			line = l
		}
	}
	if !strings.Contains(line, "[merge of "+heads[0].ID+" and "+heads[1].ID+"]") || !strings.Contains(line, "[head, shown]") {
		t.Errorf("history does not show the merge with both parents as the one head:\n%s", hist)
	}
	if strings.Count(hist, "[head") != 1 {
		t.Errorf("history shows more than one head after the merge:\n%s", hist)
	}
	hist, _, _ = dateline(t, nil, "--library", lib, "history", "--json", id)
	if !strings.Contains(hist, `"merge_parent_id": "`+heads[1].ID+`"`) && !strings.Contains(hist, `"merge_parent_id":"`+heads[1].ID+`"`) {
		t.Errorf("history --json lacks the merge's second parent:\n%s", hist)
	}
}
