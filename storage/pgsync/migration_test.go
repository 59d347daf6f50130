//go:build sqlite_fts5

package pgsync

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/dateline-news/dateline/editor"
)

// TestUpgradeFromSchema1: a server of schema 1 with drafts already shared
// through drafts.shared_with and assigned in their shown revision keeps
// both through the upgrade: the shares table is filled from the array,
// the draft rows learn their assignee, and the shares go on being
// enforced.
func TestUpgradeFromSchema1(t *testing.T) {
	needCluster(t)
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, cluster.DSN("postgres", "postgres"))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(ctx)
	name := "upgrade1"
	if _, err := admin.Exec(ctx, `CREATE DATABASE `+name); err != nil {
		t.Fatal(err)
	}
	dsn := cluster.DSN(name, "postgres")
	conn := connectAs(t, dsn, "postgres")
	ms := migrations()
	if _, err := conn.Exec(ctx, `CREATE SCHEMA dateline;
		CREATE TABLE dateline.migrations (version integer PRIMARY KEY, name text NOT NULL, applied timestamptz NOT NULL DEFAULT now())`); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, ms[0].SQL); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, `INSERT INTO dateline.migrations (version, name) VALUES (1, $1)`, ms[0].Name); err != nil {
		t.Fatal(err)
	}
	addUsers(t, dsn, [3]string{"up_ana", "correspondent", ""}, [3]string{"up_ben", "correspondent", ""},
		[3]string{"up_ed", "editor", "sports"})
	dir := t.TempDir()
	ana := newLaptop(t, dir, "ana", 0)
	story := ana.newStory(t, "old-story")
	a, err := ana.lib.Get(ctx, story.ID)
	if err != nil {
		t.Fatal(err)
	}
	a.AssignedTo = "up_ed"
	if _, err := ana.lib.Save(ctx, a, editor.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	// A laptop of this build cannot sync with a schema-1 server (it says
	// the schema is too old); its revisions reach schema 1's own push
	// function directly, as an older laptop's would.
	if _, err := Sync(ctx, ana.lib, dsnAs(dsn, "up_ana")); err == nil || !strings.Contains(err.Error(), "older than this Dateline") {
		t.Fatalf("sync with a schema-1 server: %v, want a request to upgrade it", err)
	}
	outbox, err := ana.lib.SyncOutbox(ctx, 100)
	if err != nil || len(outbox) != 2 {
		t.Fatalf("outbox: %d revisions, %v", len(outbox), err)
	}
	if _, err := PushRevisions(ctx, connectAs(t, dsn, "up_ana"), outbox); err != nil {
		t.Fatal(err)
	}
	anaC := connectAs(t, dsn, "up_ana")
	if _, err := anaC.Exec(ctx, `UPDATE dateline.drafts SET shared_with = '{up_ben}' WHERE id = $1`, story.ID); err != nil {
		t.Fatal(err)
	}
	edC := connectAs(t, dsn, "up_ed")
	if n := countRows(t, edC, `SELECT count(*) FROM dateline.drafts WHERE id = $1`, story.ID); n != 0 {
		t.Fatalf("schema 1 already shows the assigned draft to its editor")
	}

	from, to, err := Init(ctx, dsn)
	if err != nil || from != 1 || to != len(ms) {
		t.Fatalf("Init = %d → %d, %v", from, to, err)
	}
	got, err := SharedWith(ctx, anaC, story.ID)
	if err != nil || !reflect.DeepEqual(got, []string{"up_ben"}) {
		t.Fatalf("after the upgrade, shared with %v, %v", got, err)
	}
	if n := countRows(t, edC, `SELECT count(*) FROM dateline.revisions WHERE draft_id = $1`, story.ID); n != 2 {
		t.Fatalf("after the upgrade, the assigned editor sees %d revisions, want 2", n)
	}
	benC := connectAs(t, dsn, "up_ben")
	if _, err := Share(ctx, benC, story.ID, "up_ed", true); err == nil {
		t.Fatalf("after the upgrade, ben shares ana's draft on")
	}
}
