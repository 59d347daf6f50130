package cli_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dateline-news/dateline/storage"
)

// TestLintDraftAndFile lints a draft by slug and the same text as a file:
// findings with field, line and column, JSON, exit 1 on errors and 0
// once the library's settings switch the error rules off.
func TestLintDraftAndFile(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	if _, errOut, code := dateline(t, nil, "--library", lib, "import", "testdata/port-strike.md"); code != 0 {
		t.Fatalf("import: exit %d, stderr %q", code, errOut)
	}
	out, errOut, code := dateline(t, nil, "--library", lib, "lint", "mombasa-port-strike")
	if code != 0 {
		t.Fatalf("lint of a draft with no error-level finding: exit %d, stderr %q, stdout %q", code, errOut, out)
	}
	// "a 9 percent pay rise" on body line 1.
	if !strings.Contains(out, "mombasa-port-strike: body:1:81: warning: AP writes percentages with a figure and %: 9%, not 9 percent [percent]") {
		t.Errorf("lint output lacks the percent finding with its position:\n%s", out)
	}
	if !strings.Contains(errOut, "0 errors") {
		t.Errorf("summary on stderr = %q", errOut)
	}

	// The same text with a repeated word and a misspelling, as a file.
	src, err := os.ReadFile("testdata/port-strike.md")
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(src), "returned to the cranes", "returned to the the cranes", 1)
	bad = strings.Replace(bad, "union leaders", "union leeders", 1)
	file := filepath.Join(t.TempDir(), "strike.md")
	if err := os.WriteFile(file, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code = dateline(t, nil, "--library", lib, "lint", "--json", file)
	if code != 1 {
		t.Fatalf("lint of a file with a repeated word: exit %d, want 1; stderr %q", code, errOut)
	}
	var rep struct {
		Errors   int `json:"errors"`
		Findings []struct {
			Rule   string `json:"rule"`
			Field  string `json:"field"`
			Line   int    `json:"line"`
			Column int    `json:"column"`
			Text   string `json:"text"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("--json output: %v\n%s", err, out)
	}
	found := map[string]bool{}
	for _, f := range rep.Findings {
		found[f.Rule+" "+f.Field+" "+f.Text] = true
		if f.Rule == "repeated-word" && (f.Line != 1 || f.Column != 26) {
			t.Errorf("repeated word at %d:%d, want 1:26", f.Line, f.Column)
		}
	}
	for _, k := range []string{"repeated-word body the the", "spelling body leeders"} {
		if !found[k] {
			t.Errorf("no finding %q in %+v", k, rep.Findings)
		}
	}
	if found["spelling body Otieno"] || found["spelling body MOMBASA"] {
		t.Error("names from the byline and dateline are not misspellings")
	}

	// The desk switches the repeated-word rule off and adds the word to
	// the library's dictionary: no error, exit 0.
	db, err := storage.Open(lib)
	if err != nil {
		t.Fatal(err)
	}
	p, err := db.Profile(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	p.DisabledRules = []string{"repeated-word"}
	p.Dictionary = []string{"leeders"}
	if err := db.SaveProfile(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	db.Close()
	out, errOut, code = dateline(t, nil, "--library", lib, "lint", file)
	if code != 0 || strings.Contains(out, "repeated-word") || strings.Contains(out, "leeders") {
		t.Errorf("with the rule off and the word known: exit %d, stdout %q, stderr %q", code, out, errOut)
	}

	if _, errOut, code := dateline(t, nil, "--library", lib, "lint"); code != 2 || !strings.Contains(errOut, "name exactly one") {
		t.Errorf("lint with no argument: exit %d, stderr %q", code, errOut)
	}
	if _, errOut, code := dateline(t, nil, "--library", lib, "lint", "no-such-draft"); code != 1 || errOut == "" {
		t.Errorf("lint of an unknown draft: exit %d, stderr %q", code, errOut)
	}
}
