package cli_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// newLibrary returns a library holding the two fixtures.
func newLibrary(t *testing.T) string {
	t.Helper()
	lib := filepath.Join(t.TempDir(), "library.db")
	if _, errOut, code := dateline(t, nil, "--library", lib, "import", "testdata/port-strike.md", "../../assets/sample.md"); code != 0 {
		t.Fatalf("import fixtures: exit %d, %s", code, errOut)
	}
	return lib
}

func TestSearch(t *testing.T) {
	lib := newLibrary(t)
	out, errOut, code := dateline(t, nil, "--library", lib, "search", "cranes")
	if code != 0 || !strings.Contains(out, "Port workers end a three-day strike") || strings.Contains(out, "Tea growers") {
		t.Fatalf("search cranes: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if !strings.Contains(out, "[cranes]") {
		t.Errorf("the hit should carry a snippet with the match marked: %q", out)
	}
	out, _, _ = dateline(t, nil, "--library", lib, "search", "harv*")
	if !strings.Contains(out, "Tea growers") {
		t.Errorf("prefix search harv* should find the tea story: %q", out)
	}
	out, _, _ = dateline(t, nil, "--library", lib, "search", "--json", `"dry season"`)
	if !strings.HasPrefix(strings.TrimSpace(out), "[") || !strings.Contains(out, `"slug": "kenya-tea-harvest"`) {
		t.Errorf("--json phrase search: %q", out)
	}
	out, errOut, code = dateline(t, nil, "--library", lib, "search", "--status", "approved", "harvest")
	if code != 0 || out != "" || !strings.Contains(errOut, "No drafts match") {
		t.Errorf("filtered search with no hit: exit %d, stdout %q, stderr %q; want exit 0 and a note", code, out, errOut)
	}
	for _, hostile := range []string{`"unbalanced`, `NEAR(`, `a AND OR b`, `*`, `-`, `)(`, `col:umn`, `ünïcödé`} {
		if _, errOut, code := dateline(t, nil, "--library", lib, "search", hostile); code != 0 {
			t.Errorf("search %q: exit %d, stderr %q; user text must never be an error", hostile, code, errOut)
		}
	}
}

func TestWorkflowHistoryAndTrash(t *testing.T) {
	lib := newLibrary(t)
	if _, errOut, code := dateline(t, nil, "--library", lib, "status", "kenya-tea-harvest", "published"); code != 1 || !strings.Contains(errOut, "draft") {
		t.Errorf("draft → published: exit %d, stderr %q; want a clear refusal", code, errOut)
	}
	for _, to := range []string{"filed", "editing", "approved", "published"} {
		if _, errOut, code := dateline(t, nil, "--library", lib, "status", "kenya-tea-harvest", to, "--note", "moving on"); code != 0 {
			t.Fatalf("→ %s: exit %d, %s", to, code, errOut)
		}
	}
	if _, errOut, code := dateline(t, nil, "--library", lib, "status", "kenya-tea-harvest", "corrected"); code != 1 {
		t.Errorf("corrected without a note: exit %d, stderr %q; want refusal", code, errOut)
	}
	note := "This story has been corrected to show that the harvest fell by a third, not a half."
	if _, errOut, code := dateline(t, nil, "--library", lib, "status", "kenya-tea-harvest", "corrected", "--note", note); code != 0 {
		t.Fatalf("corrected: exit %d, %s", code, errOut)
	}
	for _, f := range []string{"html", "md", "txt", "ninjs"} {
		out, errOut, code := dateline(t, nil, "--library", lib, "export", "--format", f, "kenya-tea-harvest")
		if code != 0 || !strings.Contains(out, "not a half") {
			t.Errorf("%s export of a corrected story lacks the correction: exit %d %s", f, code, errOut)
		}
	}
	hist, _, code := dateline(t, nil, "--library", lib, "history", "kenya-tea-harvest")
	if code != 0 || strings.Count(hist, " status ") != 5 || strings.Count(hist, " import ") != 1 {
		t.Errorf("history should list 5 status revisions and the import:\n%s", hist)
	}

	if _, errOut, code := dateline(t, nil, "--library", lib, "status", "mombasa-port-strike", "killed"); code != 0 {
		t.Fatalf("kill: %d %s", code, errOut)
	}
	if _, errOut, code := dateline(t, nil, "--library", lib, "export", "--format", "md", "mombasa-port-strike"); code != 1 || !strings.Contains(errOut, "--force") {
		t.Errorf("exporting a killed story: exit %d, stderr %q; want refusal naming --force", code, errOut)
	}

	if _, errOut, code := dateline(t, nil, "--library", lib, "trash", "mombasa-port-strike"); code != 0 {
		t.Fatalf("trash: %d %s", code, errOut)
	}
	if list, _, _ := dateline(t, nil, "--library", lib, "list"); strings.Contains(list, "Port workers") {
		t.Errorf("a trashed draft must leave the list:\n%s", list)
	}
	if list, _, _ := dateline(t, nil, "--library", lib, "list", "--trash"); !strings.Contains(list, "Port workers") {
		t.Errorf("list --trash should show it:\n%s", list)
	}
	cmd := exec.Command(binary, "--library", lib, "trash", "--empty")
	cmd.Stdin = strings.NewReader("n\n")
	if err := cmd.Run(); err == nil {
		t.Error("answering no to emptying Trash should exit non-zero")
	}
	if _, errOut, code := dateline(t, nil, "--library", lib, "trash", "--restore", "mombasa-port-strike"); code != 0 {
		t.Fatalf("trash --restore: %d %s", code, errOut)
	}
	if list, _, _ := dateline(t, nil, "--library", lib, "list"); !strings.Contains(list, "Port workers") {
		t.Errorf("a restored draft must be listed again:\n%s", list)
	}
}

func TestBackupCheckRestore(t *testing.T) {
	lib := newLibrary(t)
	backup := filepath.Join(t.TempDir(), "copy.db")
	out, errOut, code := dateline(t, nil, "--library", lib, "backup", backup)
	if code != 0 || strings.TrimSpace(out) != backup {
		t.Fatalf("backup: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if out, errOut, code = dateline(t, nil, "--library", backup, "check"); code != 0 || !strings.Contains(out, "healthy (2 drafts)") {
		t.Errorf("check of the backup: exit %d, %q %q", code, out, errOut)
	}
	if _, errOut, code = dateline(t, nil, "--library", lib, "trash", "kenya-tea-harvest"); code != 0 {
		t.Fatal(errOut)
	}

	// Saying no changes nothing.
	cmd := exec.Command(binary, "--library", lib, "restore", backup)
	cmd.Stdin = strings.NewReader("no\n")
	if err := cmd.Run(); err == nil {
		t.Error("declining the restore should exit non-zero")
	}
	if list, _, _ := dateline(t, nil, "--library", lib, "list"); strings.Contains(list, "Tea growers") {
		t.Errorf("a declined restore changed the library:\n%s", list)
	}

	cmd = exec.Command(binary, "--library", lib, "restore", backup)
	cmd.Stdin = strings.NewReader("y\n")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("restore: %v: %s", err, out)
	}
	if list, _, _ := dateline(t, nil, "--library", lib, "list"); !strings.Contains(list, "Tea growers") {
		t.Errorf("after restore the library should hold the backed-up draft again:\n%s", list)
	}
	if _, err := os.Stat(lib + ".before-restore"); err != nil {
		t.Errorf("the replaced library should be kept aside: %v", err)
	}

	// A file that is not a library is refused with a clear message.
	junk := filepath.Join(t.TempDir(), "junk.db")
	if err := os.WriteFile(junk, []byte("this is not a database, just text that is long enough to have a header"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code = dateline(t, nil, "--library", junk, "check"); code != 1 || !strings.Contains(errOut, "not a Dateline library") {
		t.Errorf("check of a non-library: exit %d, stderr %q", code, errOut)
	}
}
