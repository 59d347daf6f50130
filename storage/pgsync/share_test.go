//go:build sqlite_fts5

package pgsync

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/dateline-news/dateline/editor"
)

// addUsers adds the newsroom users of a test.
func addUsers(t *testing.T, dsn string, users ...[3]string) {
	t.Helper()
	for _, u := range users {
		if err := AddUser(context.Background(), dsn, u[0], u[1], u[2]); err != nil {
			t.Fatal(err)
		}
	}
}

func countRows(t *testing.T, conn *pgx.Conn, query string, args ...any) int {
	t.Helper()
	var n int
	if err := conn.QueryRow(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// TestShare: only the owner, an editor of the draft's desk or an admin may
// share, enforced by the server whatever the client sends; sharing opens
// the draft to one user, and after unsharing, hand-written SQL as that
// user finds nothing of it.
func TestShare(t *testing.T) {
	dsn := newServer(t)
	ctx := context.Background()
	addUsers(t, dsn,
		[3]string{"sh_ana", "correspondent", "metro"}, [3]string{"sh_ben", "correspondent", ""},
		[3]string{"sh_cara", "correspondent", "metro"}, [3]string{"sh_ed", "editor", "metro"},
		[3]string{"sh_eve", "editor", "sports"}, [3]string{"sh_adm", "admin", ""})
	dir := t.TempDir()
	ana := newLaptop(t, dir, "ana", 0)
	story := ana.newStory(t, "ana-story")
	mustSync(t, ana, dsnAs(dsn, "sh_ana"))

	anaC, benC := connectAs(t, dsn, "sh_ana"), connectAs(t, dsn, "sh_ben")
	edC, eveC, admC := connectAs(t, dsn, "sh_ed"), connectAs(t, dsn, "sh_eve"), connectAs(t, dsn, "sh_adm")
	benSees := func() int {
		t.Helper()
		n := 0
		for _, q := range []string{
			`SELECT count(*) FROM dateline.drafts WHERE id = $1`,
			`SELECT count(*) FROM dateline.revisions WHERE draft_id = $1`,
			`SELECT count(*) FROM dateline.heads WHERE draft_id = $1`,
			`SELECT count(*) FROM dateline.shares WHERE draft_id = $1`,
		} {
			n += countRows(t, benC, q, story.ID)
		}
		return n
	}
	if n := benSees(); n != 0 {
		t.Fatalf("ben sees %d rows of ana's draft before any share", n)
	}

	// Ben cannot share a draft he cannot see: it is not found for him.
	if _, err := Share(ctx, benC, story.ID, "sh_ben", true); editor.ErrorCode(err) != editor.ENOTFOUND {
		t.Fatalf("ben shares ana's draft with himself: %v, want not found", err)
	}
	// Ana shares it with ben; twice changes nothing more.
	if changed, err := Share(ctx, anaC, story.ID, "sh_ben", true); err != nil || !changed {
		t.Fatalf("ana shares with ben: %v, %v", changed, err)
	}
	if changed, err := Share(ctx, anaC, story.ID, "sh_ben", true); err != nil || changed {
		t.Fatalf("ana shares with ben again: %v, %v; want no change", changed, err)
	}
	if n := benSees(); n != 4 {
		t.Fatalf("ben sees %d rows of the draft shared with him, want 4 (draft, revision, head, share)", n)
	}
	benLaptop := newLaptop(t, dir, "ben", 0)
	mustSync(t, benLaptop, dsnAs(dsn, "sh_ben"))
	if _, err := benLaptop.lib.Get(ctx, story.ID); err != nil {
		t.Fatalf("the shared draft did not reach ben's laptop: %v", err)
	}

	// Ben may read it but not share it on, neither through share nor with
	// hand-written SQL.
	if _, err := Share(ctx, benC, story.ID, "sh_cara", true); err == nil || !strings.Contains(err.Error(), "may share") {
		t.Fatalf("ben shares ana's draft with cara: %v, want refused", err)
	}
	var pgErr *pgconn.PgError
	if _, err := benC.Exec(ctx, `UPDATE dateline.drafts SET shared_with = '{sh_ben,sh_cara}' WHERE id = $1`, story.ID); !errors.As(err, &pgErr) || pgErr.Code != "42501" {
		t.Fatalf("ben's UPDATE of shared_with: %v, want insufficient_privilege", err)
	}
	if _, err := benC.Exec(ctx, `INSERT INTO dateline.shares (draft_id, grantee) VALUES ($1, 'sh_cara')`, story.ID); !errors.As(err, &pgErr) || pgErr.Code != "42501" {
		t.Fatalf("ben's INSERT into shares: %v, want insufficient_privilege", err)
	}
	// The metro editor may share ana's metro draft; the sports editor
	// cannot even see it; the admin may unshare.
	if _, err := Share(ctx, edC, story.ID, "sh_cara", true); err != nil {
		t.Fatalf("the desk's editor shares: %v", err)
	}
	if _, err := Share(ctx, eveC, story.ID, "sh_eve", true); editor.ErrorCode(err) != editor.ENOTFOUND {
		t.Fatalf("another desk's editor shares: %v, want not found", err)
	}
	if _, err := Share(ctx, anaC, story.ID, "no_such_user", true); editor.ErrorCode(err) != editor.ENOTFOUND {
		t.Fatalf("share with an unknown user: %v, want not found", err)
	}
	if _, err := Share(ctx, anaC, story.ID, "Not A Name", true); editor.ErrorCode(err) != editor.EINVALID {
		t.Fatalf("share with a malformed name: %v, want invalid", err)
	}
	got, err := SharedWith(ctx, anaC, story.ID)
	if err != nil || !reflect.DeepEqual(got, []string{"sh_ben", "sh_cara"}) {
		t.Fatalf("SharedWith = %v, %v", got, err)
	}
	if changed, err := Share(ctx, admC, story.ID, "sh_cara", false); err != nil || !changed {
		t.Fatalf("the admin unshares: %v, %v", changed, err)
	}
	// The array of schema 1 mirrors the shares table.
	var mirror []string
	if err := anaC.QueryRow(ctx, `SELECT shared_with FROM dateline.drafts WHERE id = $1`, story.ID).Scan(&mirror); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(mirror, []string{"sh_ben"}) {
		t.Fatalf("drafts.shared_with = %v, want [sh_ben]", mirror)
	}

	// Ana unshares: ben's hand-written SQL gets nothing of the draft, and
	// his pushes to it are refused.
	if changed, err := Share(ctx, anaC, story.ID, "sh_ben", false); err != nil || !changed {
		t.Fatalf("ana unshares: %v, %v", changed, err)
	}
	if n := benSees(); n != 0 {
		t.Fatalf("after unsharing, ben reads %d rows of ana's draft", n)
	}
	if others, err := Announce(ctx, benC, story.ID, "ben-laptop"); err != nil || len(others) != 0 {
		t.Fatalf("after unsharing, ben's announce: %v, %v", others, err)
	}
	if n := countRows(t, connectAs(t, dsn, "postgres"), `SELECT count(*) FROM dateline.presence WHERE user_name = 'sh_ben'`); n != 0 {
		t.Fatalf("ben's announce of a draft he may not see was recorded")
	}
}

// TestAssignmentVisibility: the assignee in the shown revision reaches the
// server's draft row, and an editor sees the drafts assigned to them (and
// their laptop's "Filed to me" lists them); a correspondent named as
// assignee sees nothing, and unassigning hides the draft again.
func TestAssignmentVisibility(t *testing.T) {
	dsn := newServer(t)
	ctx := context.Background()
	addUsers(t, dsn, [3]string{"as_ana", "correspondent", "metro"}, [3]string{"as_ben", "correspondent", ""},
		[3]string{"as_eve", "editor", "sports"})
	dir := t.TempDir()
	ana := newLaptop(t, dir, "ana", 0)
	story := ana.newStory(t, "assigned-story")
	assign := func(user string) {
		t.Helper()
		a, err := ana.lib.Get(ctx, story.ID)
		if err != nil {
			t.Fatal(err)
		}
		a.AssignedTo = user
		if _, err := ana.lib.Save(ctx, a, editor.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		mustSync(t, ana, dsnAs(dsn, "as_ana"))
	}
	eveC, benC := connectAs(t, dsn, "as_eve"), connectAs(t, dsn, "as_ben")
	mustSync(t, ana, dsnAs(dsn, "as_ana"))
	if n := countRows(t, eveC, `SELECT count(*) FROM dateline.drafts WHERE id = $1`, story.ID); n != 0 {
		t.Fatalf("the sports editor sees an unassigned metro draft")
	}

	assign("as_eve")
	if _, err := ana.lib.Transition(ctx, story.ID, editor.StatusFiled, "for Eve"); err != nil {
		t.Fatal(err)
	}
	mustSync(t, ana, dsnAs(dsn, "as_ana"))
	if n := countRows(t, eveC, `SELECT count(*) FROM dateline.revisions WHERE draft_id = $1`, story.ID); n < 2 {
		t.Fatalf("the assigned editor sees %d revisions of the draft", n)
	}
	eve := newLaptop(t, dir, "eve", 0)
	mustSync(t, eve, dsnAs(dsn, "as_eve"))
	list, err := eve.lib.List(ctx, editor.FiledTo(editor.ListOptions{}, UserOf(dsnAs(dsn, "as_eve"))))
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].ID != story.ID {
		t.Fatalf("eve's Filed to me = %+v, want the assigned draft", list)
	}

	assign("as_ben") // a correspondent: assignment alone shows them nothing
	if n := countRows(t, benC, `SELECT count(*) FROM dateline.drafts WHERE id = $1`, story.ID); n != 0 {
		t.Fatalf("a correspondent named as assignee sees the draft")
	}
	if n := countRows(t, eveC, `SELECT count(*) FROM dateline.revisions WHERE draft_id = $1`, story.ID); n != 0 {
		t.Fatalf("the editor still sees the draft after it was assigned to someone else")
	}
	var on string
	if err := connectAs(t, dsn, "postgres").QueryRow(ctx, `SELECT r.assigned_to FROM dateline.drafts d JOIN dateline.revisions r ON r.id = d.winner WHERE d.id = $1`, story.ID).Scan(&on); err != nil || on != "as_ben" {
		t.Fatalf("server's assigned_to = %q, %v", on, err)
	}
}
