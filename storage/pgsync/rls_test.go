//go:build sqlite_fts5

package pgsync

import (
	"context"
	"errors"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// TestRowLevelSecurity: with hand-written SQL, a correspondent can neither
// read nor write another correspondent's draft; sharing opens it to one
// person; an editor sees their desk's drafts; an admin sees all.
func TestRowLevelSecurity(t *testing.T) {
	dsn := newServer(t)
	ctx := context.Background()
	for _, u := range []struct{ name, role, desk string }{
		{"rls_ana", "correspondent", ""},
		{"rls_ben", "correspondent", ""},
		{"rls_cara", "correspondent", "metro"},
		{"rls_ed", "editor", "metro"},
		{"rls_adm", "admin", ""},
	} {
		if err := AddUser(ctx, dsn, u.name, u.role, u.desk); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	ana, cara := newLaptop(t, dir, "ana", 0), newLaptop(t, dir, "cara", 0)
	secret := ana.newStory(t, "ana-secret")
	metro := cara.newStory(t, "metro-story")
	mustSync(t, ana, dsnAs(dsn, "rls_ana"))
	mustSync(t, cara, dsnAs(dsn, "rls_cara"))

	ben := connectAs(t, dsn, "rls_ben")
	count := func(conn *pgx.Conn, query string, args ...any) int {
		t.Helper()
		var n int
		if err := conn.QueryRow(ctx, query, args...).Scan(&n); err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		return n
	}
	for _, q := range []string{
		`SELECT count(*) FROM dateline.drafts WHERE id = $1`,
		`SELECT count(*) FROM dateline.revisions WHERE draft_id = $1`,
		`SELECT count(*) FROM dateline.heads WHERE draft_id = $1`,
	} {
		if n := count(ben, q, secret.ID); n != 0 {
			t.Errorf("ben reads %d rows of ana's draft: %s", n, q)
		}
	}
	// Writes, each in its own statement; every one must fail or change
	// nothing.
	refused := []string{
		`INSERT INTO dateline.revisions (id, draft_id, kind, created, hlc, doc) VALUES ('forged', '` + secret.ID + `', 'edit', 0, 9e18::bigint, '{}')`,
		`INSERT INTO dateline.revisions (id, draft_id, kind, created, hlc, doc, pushed_by) VALUES ('forged2', '` + secret.ID + `', 'edit', 0, 1, '{}', 'rls_ana')`,
		`INSERT INTO dateline.heads (draft_id, revision_id) VALUES ('` + secret.ID + `', '` + metro.BaseRevision + `')`,
		`INSERT INTO dateline.drafts (id, owner) VALUES ('stolen', 'rls_ana')`,
		`DELETE FROM dateline.revisions`,
		`DELETE FROM dateline.drafts`,
		`UPDATE dateline.revisions SET doc = '{}'`,
		`INSERT INTO dateline.profile (id, doc, hlc) VALUES (1, '{}', 1)`,
		`UPDATE dateline.profile SET doc = '{}'`,
		`SELECT dateline.push_events('[{"id":"forged4","draft_id":"` + secret.ID + `","kind":"purge","heads":[],"created":0,"hlc":1}]'::jsonb)`,
		`INSERT INTO dateline.events (id, draft_id, kind, created, hlc) VALUES ('forged5', '` + secret.ID + `', 'purge', 0, 1)`,
		`SELECT dateline.push('[{"id":"forged3","draft_id":"` + secret.ID + `","parents":[],"kind":"edit","created":0,"hlc":1,"doc":"{}"}]'::jsonb)`,
	}
	// Each is refused for want of privilege (42501: row-level security or
	// a missing grant), not by chance through another constraint.
	for _, q := range refused {
		var pgErr *pgconn.PgError
		if _, err := ben.Exec(ctx, q); !errors.As(err, &pgErr) || pgErr.Code != "42501" {
			t.Errorf("ben runs %s: %v; want insufficient_privilege", q, err)
		}
	}
	for _, q := range []string{
		`UPDATE dateline.drafts SET winner = 'forged', shared_with = '{rls_ben}' WHERE id = '` + secret.ID + `'`,
		`DELETE FROM dateline.heads WHERE draft_id = '` + secret.ID + `'`,
	} {
		tag, err := ben.Exec(ctx, q)
		if err == nil && tag.RowsAffected() != 0 {
			t.Errorf("ben changed %d rows: %s", tag.RowsAffected(), q)
		}
	}
	admin := connectAs(t, dsn, "postgres")
	if n := count(admin, `SELECT count(*) FROM dateline.revisions WHERE draft_id = $1`, secret.ID); n != 1 {
		t.Fatalf("ana's draft has %d revisions after ben's attempts, want 1", n)
	}
	if n := count(admin, `SELECT count(*) FROM dateline.heads WHERE draft_id = $1`, secret.ID); n != 1 {
		t.Fatalf("ana's draft has %d heads after ben's attempts, want 1", n)
	}

	// The editor of the metro desk sees cara's draft, not ana's; the admin
	// sees both.
	ed := connectAs(t, dsn, "rls_ed")
	if n := count(ed, `SELECT count(*) FROM dateline.revisions WHERE draft_id = $1`, metro.ID); n != 1 {
		t.Errorf("the metro editor sees %d revisions of the metro draft, want 1", n)
	}
	if n := count(ed, `SELECT count(*) FROM dateline.drafts WHERE id = $1`, secret.ID); n != 0 {
		t.Errorf("the metro editor sees ana's draft")
	}
	adm := connectAs(t, dsn, "rls_adm")
	if n := count(adm, `SELECT count(*) FROM dateline.drafts WHERE id IN ($1, $2)`, secret.ID, metro.ID); n != 2 {
		t.Errorf("the admin sees %d of the two drafts", n)
	}

	// Ana shares her draft with ben: now he reads it, and a sync brings it.
	anaConn := connectAs(t, dsn, "rls_ana")
	if _, err := anaConn.Exec(ctx, `UPDATE dateline.drafts SET shared_with = '{rls_ben}' WHERE id = $1`, secret.ID); err != nil {
		t.Fatal(err)
	}
	if n := count(ben, `SELECT count(*) FROM dateline.revisions WHERE draft_id = $1`, secret.ID); n != 1 {
		t.Errorf("ben sees %d revisions of the draft shared with him, want 1", n)
	}
	benLaptop := newLaptop(t, dir, "ben", 0)
	mustSync(t, benLaptop, dsnAs(dsn, "rls_ben"))
	if _, err := benLaptop.lib.Get(ctx, secret.ID); err != nil {
		t.Errorf("the shared draft did not reach ben's laptop: %v", err)
	}
	if _, err := benLaptop.lib.Get(ctx, metro.ID); err == nil {
		t.Errorf("cara's draft reached ben's laptop")
	}
}

func connectAs(t *testing.T, dsn, user string) *pgx.Conn {
	t.Helper()
	conn, err := Connect(context.Background(), dsnAs(dsn, user))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = conn.Close(context.Background()) })
	return conn
}
