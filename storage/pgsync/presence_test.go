//go:build sqlite_fts5

package pgsync

import (
	"context"
	"testing"

	"github.com/dateline-news/dateline/editor"
	"github.com/dateline-news/dateline/storage"
)

// TestPresence: a laptop that announces a draft sees the others who have
// it open, not itself, and only people who may see the draft; leaving or
// going quiet for two minutes takes a person off the list.
func TestPresence(t *testing.T) {
	dsn := newServer(t)
	ctx := context.Background()
	addUsers(t, dsn, [3]string{"pr_ana", "correspondent", ""}, [3]string{"pr_ben", "correspondent", ""},
		[3]string{"pr_cara", "correspondent", ""})
	dir := t.TempDir()
	ana := newLaptop(t, dir, "ana", 0)
	story := ana.newStory(t, "open-story")
	mustSync(t, ana, dsnAs(dsn, "pr_ana"))
	anaC, benC, caraC := connectAs(t, dsn, "pr_ana"), connectAs(t, dsn, "pr_ben"), connectAs(t, dsn, "pr_cara")
	if _, err := Share(ctx, anaC, story.ID, "pr_ben", true); err != nil {
		t.Fatal(err)
	}
	announce := func(_ any, who, device string) []editor.Presence {
		t.Helper()
		var others []editor.Presence
		var err error
		switch who {
		case "ana":
			others, err = Announce(ctx, anaC, story.ID, device)
		case "ben":
			others, err = Announce(ctx, benC, story.ID, device)
		case "cara":
			others, err = Announce(ctx, caraC, story.ID, device)
		}
		if err != nil {
			t.Fatalf("%s announces: %v", who, err)
		}
		return others
	}
	names := func(ps []editor.Presence) string {
		s := ""
		for _, p := range ps {
			s += p.User + "@" + p.Device + " "
		}
		return s
	}
	if got := announce(nil, "ana", "ana-laptop"); len(got) != 0 {
		t.Fatalf("ana alone sees %s", names(got))
	}
	if got := names(announce(nil, "ben", "ben-laptop")); got != "pr_ana@ana-laptop " {
		t.Fatalf("ben sees %q, want ana", got)
	}
	// Cara may not see the draft: she is told of nobody and is not shown.
	if got := announce(nil, "cara", "cara-laptop"); len(got) != 0 {
		t.Fatalf("cara sees %s on a draft she may not read", names(got))
	}
	// Ana's second laptop counts as another presence; her first does not
	// see itself.
	if got := names(announce(nil, "ana", "ana-desktop")); got != "pr_ben@ben-laptop pr_ana@ana-laptop " {
		t.Fatalf("ana's desktop sees %q", got)
	}
	got := announce(nil, "ana", "ana-laptop")
	if names(got) != "pr_ana@ana-desktop pr_ben@ben-laptop " {
		t.Fatalf("ana's laptop sees %q", names(got))
	}
	if line := editor.PresenceLine(got[1:]); line != "Pr_ben also has this open (ben-laptop, just now)" {
		t.Fatalf("PresenceLine = %q", line)
	}

	// Ben closes the draft; the desktop goes quiet for three minutes.
	if err := Leave(ctx, benC, story.ID, "ben-laptop"); err != nil {
		t.Fatal(err)
	}
	admin := connectAs(t, dsn, "postgres")
	if _, err := admin.Exec(ctx, `UPDATE dateline.presence SET seen_at = now() - interval '3 minutes' WHERE device = 'ana-desktop'`); err != nil {
		t.Fatal(err)
	}
	if got := announce(nil, "ana", "ana-laptop"); len(got) != 0 {
		t.Fatalf("after leaving and going quiet, ana sees %s", names(got))
	}

	// A draft the server does not hold yet: nobody, and no error.
	if others, err := Announce(ctx, anaC, editor.NewID(), "ana-laptop"); err != nil || len(others) != 0 {
		t.Fatalf("announce of an unknown draft: %v, %v", others, err)
	}
}

// TestNewsroom: the window's line reads the server and the user from the
// library, lists the editors, announces, and says clearly when the
// library has no server.
func TestNewsroom(t *testing.T) {
	dsn := newServer(t)
	ctx := context.Background()
	addUsers(t, dsn, [3]string{"nr_ana", "correspondent", ""}, [3]string{"nr_ed", "editor", "metro"},
		[3]string{"nr_adm", "admin", ""})
	dir := t.TempDir()
	ana := newLaptop(t, dir, "ana", 0)
	story := ana.newStory(t, "newsroom-story")
	n := NewNewsroom(ana.lib, "ana-laptop")
	defer n.Close()

	if u, err := n.User(ctx); err != nil || u != "" {
		t.Fatalf("User without a server = %q, %v", u, err)
	}
	if _, err := n.Editors(ctx); editor.ErrorCode(err) != editor.EUNAVAILABLE {
		t.Fatalf("Editors without a server: %v, want unavailable", err)
	}
	mustSync(t, ana, dsnAs(dsn, "nr_ana"))
	if err := ana.lib.SetSyncSetting(ctx, storage.SyncServer, dsnAs(dsn, "nr_ana")); err != nil {
		t.Fatal(err)
	}
	if u, err := n.User(ctx); err != nil || u != "nr_ana" {
		t.Fatalf("User = %q, %v", u, err)
	}
	eds, err := n.Editors(ctx)
	if err != nil || len(eds) != 2 || eds[0] != "nr_adm" || eds[1] != "nr_ed" {
		t.Fatalf("Editors = %v, %v", eds, err)
	}
	if others, err := n.Announce(ctx, story.ID); err != nil || len(others) != 0 {
		t.Fatalf("Announce = %v, %v", others, err)
	}
	admin := connectAs(t, dsn, "postgres")
	if c := countRows(t, admin, `SELECT count(*) FROM dateline.presence WHERE device = 'ana-laptop' AND user_name = 'nr_ana'`); c != 1 {
		t.Fatalf("%d presence rows after Announce", c)
	}
	if err := n.Leave(ctx, story.ID); err != nil {
		t.Fatal(err)
	}
	if c := countRows(t, admin, `SELECT count(*) FROM dateline.presence`); c != 0 {
		t.Fatalf("%d presence rows after Leave", c)
	}
	// A server that is gone: a clear unavailable error, not a hang.
	if err := ana.lib.SetSyncSetting(ctx, storage.SyncServer, "host=127.0.0.1 port=1 dbname=x user=nr_ana connect_timeout=2"); err != nil {
		t.Fatal(err)
	}
	if _, err := n.Announce(ctx, story.ID); editor.ErrorCode(err) != editor.EUNAVAILABLE {
		t.Fatalf("Announce with the server gone: %v, want unavailable", err)
	}
}
