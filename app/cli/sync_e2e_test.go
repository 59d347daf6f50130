package cli_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/dateline-news/dateline/storage/pgsync/pgtest"
)

// startCluster starts a throwaway PostgreSQL cluster for one test; a
// missing PostgreSQL skips the test, except in CI where it fails it.
func startCluster(t *testing.T) *pgtest.Cluster {
	t.Helper()
	c, err := pgtest.Start()
	if errors.Is(err, pgtest.ErrNoPostgres) && !pgtest.Required() {
		t.Skipf("no PostgreSQL here: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := c.Stop(); err != nil {
			t.Error(err)
		}
	})
	return c
}

// TestSyncCommands drives the newsroom server from the command line:
// server init and adduser, then two laptops of one correspondent sync a
// draft, diverge offline and both keep both texts; history marks the
// heads. A second correspondent can neither read nor overwrite the draft.
func TestSyncCommands(t *testing.T) {
	c := startCluster(t)
	admin := c.DSN("postgres", "postgres")
	if _, errOut, code := dateline(t, nil, "server", "init", "--dsn", admin); code != 0 || !strings.Contains(errOut, "schema 0 → ") {
		t.Fatalf("server init: exit %d, %q", code, errOut)
	}
	if _, errOut, code := dateline(t, nil, "server", "init", "--dsn", admin); code != 0 || !strings.Contains(errOut, "up to date") {
		t.Fatalf("second server init: exit %d, %q", code, errOut)
	}
	for _, u := range []string{"ana", "ben"} {
		if _, errOut, code := dateline(t, nil, "server", "adduser", u, "--role", "correspondent", "--dsn", admin); code != 0 {
			t.Fatalf("adduser %s: exit %d, %q", u, code, errOut)
		}
	}
	if _, errOut, code := dateline(t, nil, "server", "adduser", "eve", "--role", "boss", "--dsn", admin); code != 1 || !strings.Contains(errOut, "correspondent, editor, admin") {
		t.Fatalf("adduser with a bad role: exit %d, %q", code, errOut)
	}
	if _, errOut, code := dateline(t, nil, "sync", "--server", "host=127.0.0.1 user=ana password=x dbname=postgres"); code != 1 || !strings.Contains(errOut, "pgpass") {
		t.Fatalf("sync with a password in the address: exit %d, %q", code, errOut)
	}

	dir := t.TempDir()
	lib1, lib2, lib3 := filepath.Join(dir, "ana1.db"), filepath.Join(dir, "ana2.db"), filepath.Join(dir, "ben.db")
	ana, ben := c.DSN("postgres", "ana"), c.DSN("postgres", "ben")
	if _, errOut, code := dateline(t, nil, "--library", lib1, "import", "testdata/port-strike.md"); code != 0 {
		t.Fatalf("import: exit %d, %s", code, errOut)
	}
	out, errOut, code := dateline(t, nil, "--library", lib1, "sync", "--server", ana, "--json")
	if code != 0 {
		t.Fatalf("sync: exit %d, %s", code, errOut)
	}
	var res struct {
		Pushed int `json:"pushed"`
		New    int `json:"new_on_server"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || res.Pushed != 1 || res.New != 1 {
		t.Fatalf("sync --json = %q (%v), want one revision pushed", out, err)
	}
	if out, errOut, code = dateline(t, nil, "--library", lib2, "sync", "--server", ana); code != 0 || !strings.Contains(out, "pulled 1 (1 new here)") {
		t.Fatalf("second laptop's sync: exit %d, %q %q", code, out, errOut)
	}
	if list, _, _ := dateline(t, nil, "--library", lib2, "list"); !strings.Contains(list, "Port workers end a three-day strike") {
		t.Fatalf("the draft did not reach the second laptop:\n%s", list)
	}

	// Both laptops change the draft offline.
	orig, err := os.ReadFile("testdata/port-strike.md")
	if err != nil {
		t.Fatal(err)
	}
	for i, lib := range []string{lib1, lib2} {
		edited := filepath.Join(dir, "edited.md")
		text := strings.Replace(string(orig), "9 percent", []string{"10 percent", "12 percent"}[i], 1)
		if err := os.WriteFile(edited, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, errOut, code := dateline(t, nil, "--library", lib, "import", "--replace", edited); code != 0 {
			t.Fatalf("import --replace: exit %d, %s", code, errOut)
		}
	}
	// The server is remembered: no --server from now on.
	for _, lib := range []string{lib1, lib2, lib1} {
		if _, errOut, code := dateline(t, nil, "--library", lib, "sync"); code != 0 {
			t.Fatalf("sync: exit %d, %s", code, errOut)
		}
	}
	var shown []string
	for _, lib := range []string{lib1, lib2} {
		hist, errOut, code := dateline(t, nil, "--library", lib, "history", "mombasa-port-strike")
		if code != 0 {
			t.Fatalf("history: exit %d, %s", code, errOut)
		}
		if strings.Count(hist, "[head, shown]") != 1 || strings.Count(hist, "[head, conflict tip]") != 1 {
			t.Fatalf("history should mark one shown head and one conflict tip:\n%s", hist)
		}
		for _, line := range strings.Split(hist, "\n") {
			if strings.Contains(line, "[head, shown]") {
				shown = append(shown, strings.Fields(line)[0])
			}
		}
	}
	if shown[0] != shown[1] {
		t.Fatalf("the laptops show different heads: %v", shown)
	}

	// Ben, another correspondent, sees nothing of Ana's, and his copy of
	// the same file (same ID) cannot overwrite hers.
	if out, errOut, code = dateline(t, nil, "--library", lib3, "sync", "--server", ben); code != 0 || !strings.Contains(out, "pulled 0") {
		t.Fatalf("ben's sync: exit %d, %q %q", code, out, errOut)
	}
	if _, errOut, code := dateline(t, nil, "--library", lib3, "import", "testdata/port-strike.md"); code != 0 {
		t.Fatalf("import: exit %d, %s", code, errOut)
	}
	if _, errOut, code = dateline(t, nil, "--library", lib3, "sync"); code != 1 || !strings.Contains(errOut, "belongs to someone else") {
		t.Fatalf("ben pushing ana's draft: exit %d, %q; want a refusal", code, errOut)
	}

	// Another server: the laptop pushes everything it holds there.
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `CREATE DATABASE other`); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := dateline(t, nil, "server", "init", "--dsn", c.DSN("other", "postgres")); code != 0 {
		t.Fatalf("server init: exit %d, %q", code, errOut)
	}
	out, errOut, code = dateline(t, nil, "--library", lib1, "sync", "--server", c.DSN("other", "ana"), "--json")
	if code != 0 {
		t.Fatalf("sync with another server: exit %d, %s", code, errOut)
	}
	hist, _, _ := dateline(t, nil, "--library", lib1, "history", "--json", "mombasa-port-strike")
	var revs []json.RawMessage
	if err := json.Unmarshal([]byte(hist), &revs); err != nil || len(revs) != 3 {
		t.Fatalf("history --json = %q (%v), want 3 revisions: the import and both laptops' edits", hist, err)
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || res.Pushed != len(revs) || res.New != len(revs) {
		t.Fatalf("sync with another server = %q (%v), want all %d revisions pushed", out, err, len(revs))
	}
}
