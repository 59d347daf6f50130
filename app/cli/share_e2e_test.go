package cli_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

// TestShareAndAssignCommands drives sharing and assignment from the
// command line against a throwaway server: sharing needs the server and
// its rules (only the owner shares), assignment works offline, checks the
// assignee when it can, and reaches the editor's "Filed to me".
func TestShareAndAssignCommands(t *testing.T) {
	c := startCluster(t)
	admin := c.DSN("postgres", "postgres")
	if _, errOut, code := dateline(t, nil, "server", "init", "--dsn", admin); code != 0 {
		t.Fatalf("server init: exit %d, %q", code, errOut)
	}
	for _, u := range [][]string{{"ana", "correspondent", "metro"}, {"ben", "correspondent", ""}, {"ed", "editor", "sports"}} {
		if _, errOut, code := dateline(t, nil, "server", "adduser", u[0], "--role", u[1], "--desk", u[2], "--dsn", admin); code != 0 {
			t.Fatalf("adduser %s: exit %d, %q", u[0], code, errOut)
		}
	}
	dir := t.TempDir()
	anaLib, benLib, edLib := filepath.Join(dir, "ana.db"), filepath.Join(dir, "ben.db"), filepath.Join(dir, "ed.db")
	run := func(lib string, wantCode int, args ...string) (string, string) {
		t.Helper()
		out, errOut, code := dateline(t, nil, append([]string{"--library", lib}, args...)...)
		if code != wantCode {
			t.Fatalf("%s %v: exit %d, want %d\n%s%s", filepath.Base(lib), args, code, wantCode, out, errOut)
		}
		return out, errOut
	}
	const slug = "mombasa-port-strike"
	run(anaLib, 0, "import", "testdata/port-strike.md")
	if _, errOut := run(anaLib, 1, "share", slug, "--with", "ben"); !strings.Contains(errOut, "dateline sync --server") {
		t.Fatalf("share without a server: %q", errOut)
	}
	if _, errOut := run(anaLib, 2, "share", slug, "--with", "Not a name"); !strings.Contains(errOut, "user name") {
		t.Fatalf("share with a malformed name: %q", errOut)
	}
	run(anaLib, 0, "sync", "--server", c.DSN("postgres", "ana"))

	// The server is reachable: the assignee must be one of its editors.
	if _, errOut := run(anaLib, 1, "assign", slug, "--to", "ben"); !strings.Contains(errOut, "not an editor") || !strings.Contains(errOut, "ed") {
		t.Fatalf("assign to a correspondent: %q", errOut)
	}
	if out, _ := run(anaLib, 0, "assign", slug, "--to", "ED"); !strings.Contains(out, "Assigned “Port workers end a three-day strike after a pay deal” to ed.") {
		t.Fatalf("assign: %q", out)
	}
	run(anaLib, 0, "status", slug, "editing") // the fixture is approved
	run(anaLib, 0, "status", slug, "filed")
	if out, _ := run(anaLib, 0, "share", slug, "--with", "ben"); !strings.Contains(out, "Shared “") || !strings.Contains(out, "It is shared with ben.") {
		t.Fatalf("share: %q", out)
	}

	// Ben reads the shared draft, but may not share it on.
	run(benLib, 0, "sync", "--server", c.DSN("postgres", "ben"))
	if out, _ := run(benLib, 0, "list"); !strings.Contains(out, "Port workers") {
		t.Fatalf("ben's list after the share: %q", out)
	}
	if _, errOut := run(benLib, 1, "share", slug, "--with", "ed"); !strings.Contains(errOut, "may share") {
		t.Fatalf("ben shares ana's draft on: %q", errOut)
	}

	// The editor of another desk sees the draft assigned to him, filed to
	// him, offline too once synced.
	run(edLib, 0, "sync", "--server", c.DSN("postgres", "ed"))
	if out, _ := run(edLib, 0, "list", "--filed-to-me"); !strings.Contains(out, "filed") || !strings.Contains(out, "Port workers") {
		t.Fatalf("ed's list --filed-to-me: %q", out)
	}
	if out, errOut := run(edLib, 0, "list", "--assigned-to", "ana"); out != "" || !strings.Contains(errOut, "No drafts") {
		t.Fatalf("ed's list --assigned-to ana: %q %q", out, errOut)
	}
	if out, _ := run(anaLib, 0, "search", "--filed-to-me", "port"); out != "" {
		t.Fatalf("ana's search --filed-to-me lists %q, though nothing is filed to her", out)
	}

	// Ana stops sharing: ben's own SQL finds nothing of the draft.
	if out, _ := run(anaLib, 0, "share", slug, "--with", "ben", "--unshare"); !strings.Contains(out, "Stopped sharing") || !strings.Contains(out, "shared with nobody") {
		t.Fatalf("unshare: %q", out)
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, c.DSN("postgres", "ben"))
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := conn.QueryRow(ctx, `SELECT (SELECT count(*) FROM dateline.drafts) + (SELECT count(*) FROM dateline.revisions)
		+ (SELECT count(*) FROM dateline.heads) + (SELECT count(*) FROM dateline.shares)`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	_ = conn.Close(ctx)
	if n != 0 {
		t.Fatalf("after unsharing, ben's SQL reads %d rows", n)
	}

	// Offline: sharing says it needs the server; assigning still works.
	if err := c.StopServer(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := c.Restart(); err != nil {
			t.Error(err)
		}
	}()
	if _, errOut := run(anaLib, 1, "share", slug, "--with", "ben"); !strings.Contains(errOut, "sharing needs the newsroom server") {
		t.Fatalf("share offline: %q", errOut)
	}
	out, errOut := run(anaLib, 0, "assign", slug, "--to", "someone_new")
	if !strings.Contains(out, "to someone_new") || !strings.Contains(errOut, "not checked") {
		t.Fatalf("assign offline: %q %q", out, errOut)
	}
	if out, _ := run(anaLib, 0, "list", "--assigned-to", "someone_new"); !strings.Contains(out, "Port workers") {
		t.Fatalf("list --assigned-to after an offline assignment: %q", out)
	}
	if out, _ := run(anaLib, 0, "assign", slug, "--clear"); !strings.Contains(out, "to nobody") {
		t.Fatalf("assign --clear: %q", out)
	}
}
