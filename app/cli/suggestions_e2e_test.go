package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSuggestionsCommand: a draft under review travels as Markdown with
// its suggestions, cannot be published while any is open (the status
// command says why), and "dateline suggestions" lists and decides them,
// each decision a revision by its decider.
func TestSuggestionsCommand(t *testing.T) {
	dir := t.TempDir()
	lib := filepath.Join(dir, "library.db")
	src := filepath.Join(dir, "review.md")
	body := "Dockworkers {~~ended~>called off~~}{>>@Ed Lee 2026-12-01T10:00Z<<} the strike{++ on Monday++}{>>@Ed Lee 2026-12-01T10:01Z<<}.\n\n" +
		"The {==union==}{>>@Ed Lee 2026-12-01T10:02Z: Which union?<<} agreed.\n"
	doc := "---\nuuid: 5f0e3c1a-8b2d-4e6f-9a1b-2c3d4e5f6a7b\ntitle: Strike ends\nslug: strike-ends\nstatus: approved\n---\n\n" + body
	if err := os.WriteFile(src, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := dateline(t, nil, "--library", lib, "import", src); code != 0 {
		t.Fatalf("import: exit %d, %s", code, errOut)
	}

	_, errOut, code := dateline(t, nil, "--library", lib, "status", "strike-ends", "published")
	if code != 1 || !strings.Contains(errOut, "2 open suggestions") {
		t.Fatalf("publishing with open suggestions: exit %d, stderr %q; want 1 and the reason", code, errOut)
	}

	out, _, code := dateline(t, nil, "--library", lib, "suggestions", "--json", "strike-ends")
	var rows []struct{ Kind, Author, New string }
	if err := json.Unmarshal([]byte(out), &rows); code != 0 || err != nil {
		t.Fatalf("suggestions --json: exit %d, %v: %q", code, err, out)
	}
	if len(rows) != 3 || rows[0].Kind != "substitution" || rows[0].New != "called off" || rows[1].Author != "Ed Lee" || rows[2].Kind != "comment" {
		t.Fatalf("rows = %+v", rows)
	}

	// The Markdown export carries the marks as they are; HTML shows the text
	// with every suggestion rejected and no comment.
	md, _, _ := dateline(t, nil, "--library", lib, "export", "--format", "md", "strike-ends")
	if !strings.Contains(md, body) {
		t.Errorf("the Markdown export lost the marks:\n%s", md)
	}
	html, _, _ := dateline(t, nil, "--library", lib, "export", "--format", "html", "strike-ends")
	if !strings.Contains(html, "Dockworkers ended the strike.") || strings.Contains(html, "Which union") {
		t.Errorf("the HTML export does not show the rejected view")
	}

	if _, errOut, code := dateline(t, nil, "--library", lib, "suggestions", "--reject", "1", "--as", "Ana Díaz", "strike-ends"); code != 0 {
		t.Fatalf("--reject 1: exit %d, %s", code, errOut)
	}
	_, errOut, code = dateline(t, nil, "--library", lib, "suggestions", "--accept-all", "--as", "Ed Lee", "strike-ends")
	if code != 0 || !strings.Contains(errOut, "0 open suggestions left") {
		t.Fatalf("--accept-all: exit %d, %s", code, errOut)
	}
	hist, _, _ := dateline(t, nil, "--library", lib, "history", "--json", "strike-ends")
	var revs []struct{ Author, Note string }
	if err := json.Unmarshal([]byte(hist), &revs); err != nil {
		t.Fatal(err)
	}
	if len(revs) < 3 || revs[0].Author != "Ed Lee" || revs[0].Note != "Accepted all suggestions (1)" || revs[1].Author != "Ana Díaz" || revs[1].Note != "Rejected suggestion 1" {
		t.Fatalf("history = %+v; want the two decisions by their deciders", revs)
	}
	if _, errOut, code := dateline(t, nil, "--library", lib, "status", "strike-ends", "published"); code != 0 {
		t.Fatalf("publishing after the decisions: exit %d, %s", code, errOut)
	}
	html, _, _ = dateline(t, nil, "--library", lib, "export", "--format", "html", "strike-ends")
	if !strings.Contains(html, "Dockworkers called off the strike.") {
		t.Errorf("the published HTML does not carry the accepted text")
	}
	if _, errOut, code := dateline(t, nil, "--library", lib, "suggestions", "--accept", "0", "--reject", "0", "strike-ends"); code != 2 || !strings.Contains(errOut, "pass one of") {
		t.Errorf("two decisions at once: exit %d, %q", code, errOut)
	}
}
