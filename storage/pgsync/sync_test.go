//go:build sqlite_fts5

package pgsync

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/dateline-news/dateline/editor"
	"github.com/dateline-news/dateline/storage"
)

// TestPushPull: a story written on one laptop reaches another, and an edit
// on the second comes back, as the same revisions and the same text.
func TestPushPull(t *testing.T) {
	dsn := newServer(t)
	dir := t.TempDir()
	ctx := context.Background()
	ana, ben := newLaptop(t, dir, "ana", 0), newLaptop(t, dir, "ben", 0)

	a := ana.newStory(t, "harbour-cranes")
	a.Body += "\n\nSecond paragraph."
	if _, err := ana.lib.Save(ctx, a, editor.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	res := mustSync(t, ana, dsn)
	if res.Pushed != 2 || res.New != 2 {
		t.Fatalf("ana pushed %d (%d new), want 2 and 2", res.Pushed, res.New)
	}
	res = mustSync(t, ben, dsn)
	if res.Applied != 2 {
		t.Fatalf("ben applied %d, want 2", res.Applied)
	}
	got, err := ben.lib.Get(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Body != a.Body || got.Headline != a.Headline {
		t.Fatalf("ben has %q, want %q", got.Body, a.Body)
	}

	got.Body += "\n\nBen's line."
	if _, err := ben.lib.Save(ctx, got, editor.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	mustSync(t, ben, dsn)
	mustSync(t, ana, dsn)
	back, err := ana.lib.Get(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if back.Body != got.Body {
		t.Fatalf("ana has %q, want ben's %q", back.Body, got.Body)
	}
	heads, err := ana.lib.Heads(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(heads) != 1 || heads[0].Device != "ben" {
		t.Fatalf("heads %+v, want one, ben's", heads)
	}
	samePictures(t, dsn, ana, ben)

	// Nothing new: a second sync moves nothing.
	if res := mustSync(t, ana, dsn); res.Pushed != 0 || res.Applied != 0 {
		t.Fatalf("idle sync pushed %d, applied %d", res.Pushed, res.Applied)
	}
}

// TestDivergedHeads: two laptops edit the same draft offline. After both
// sync, each keeps both texts: the same winner on both (and on the
// server), the other as a conflict tip; nothing is lost.
func TestDivergedHeads(t *testing.T) {
	dsn := newServer(t)
	dir := t.TempDir()
	ctx := context.Background()
	ana, ben := newLaptop(t, dir, "ana", 0), newLaptop(t, dir, "ben", -time.Hour) // ben's clock is an hour slow
	a := ana.newStory(t, "port-strike")
	mustSync(t, ana, dsn)
	mustSync(t, ben, dsn)

	mine := a.Clone()
	mine.Body += "\n\nAna's offline line."
	if _, err := ana.lib.Save(ctx, mine, editor.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	theirs, err := ben.lib.Get(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	theirs.Body += "\n\nBen's offline line."
	if _, err := ben.lib.Save(ctx, theirs, editor.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	mustSync(t, ana, dsn)
	mustSync(t, ben, dsn)
	mustSync(t, ana, dsn)

	for _, l := range []*laptop{ana, ben} {
		heads, err := l.lib.Heads(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(heads) != 2 {
			t.Fatalf("%s: %d heads, want 2", l.name, len(heads))
		}
		var texts []string
		for _, h := range heads {
			r, err := l.lib.Revision(ctx, h.ID)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, r.Article.Body)
		}
		all := strings.Join(texts, "|")
		if !strings.Contains(all, "Ana's offline line.") || !strings.Contains(all, "Ben's offline line.") {
			t.Fatalf("%s: heads hold %q, want both offline lines", l.name, all)
		}
	}
	samePictures(t, dsn, ana, ben)
	// Ben's clock is slow, but the winner is still decided by the
	// hybrid logical clock, the same everywhere; check it is a head.
	cur, err := ben.lib.Get(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(cur.Body, "offline line") {
		t.Fatalf("ben shows %q", cur.Body)
	}
}

// TestDuplicatePush: replaying every revision (a push whose answer was
// lost) changes nothing on the server.
func TestDuplicatePush(t *testing.T) {
	dsn := newServer(t)
	dir := t.TempDir()
	ctx := context.Background()
	ana := newLaptop(t, dir, "ana", 0)
	for i := 0; i < 3; i++ {
		ana.newStory(t, fmt.Sprintf("story-%d", i))
	}
	mustSync(t, ana, dsn)
	all, err := ana.lib.SyncAll(ctx)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	before, err := ServerHeads(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ {
		n, err := PushRevisions(ctx, conn, all)
		if err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Fatalf("replayed push added %d revisions, want 0", n)
		}
	}
	var count int
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM dateline.revisions`).Scan(&count); err != nil {
		t.Fatal(err)
	}
	if count != len(all) || count != 3 {
		t.Fatalf("server holds %d revisions, want %d", count, len(all))
	}
	after, err := ServerHeads(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(before, after) {
		t.Fatalf("heads changed by a replayed push: %v, then %v", before, after)
	}
}

// TestSealedRevisionNeverCoalesces: once sync has read a revision, an
// autosave of the same session makes a new one instead of rewriting it, so
// the pushed text and the laptop's never differ.
func TestSealedRevisionNeverCoalesces(t *testing.T) {
	dsn := newServer(t)
	dir := t.TempDir()
	ctx := context.Background()
	ana, ben := newLaptop(t, dir, "ana", 0), newLaptop(t, dir, "ben", 0)
	a := ana.newStory(t, "budget")
	opt := editor.SaveOptions{Session: "window-1"}
	a.Body += " One."
	r1, err := ana.lib.Save(ctx, a, opt)
	if err != nil {
		t.Fatal(err)
	}
	mustSync(t, ana, dsn)
	a.Body += " Two."
	r2, err := ana.lib.Save(ctx, a, opt)
	if err != nil {
		t.Fatal(err)
	}
	if r2.ID == r1.ID {
		t.Fatal("an autosave rewrote a revision that was already pushed")
	}
	mustSync(t, ana, dsn)
	mustSync(t, ben, dsn)
	got, err := ben.lib.Get(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Body != a.Body {
		t.Fatalf("ben has %q, want %q", got.Body, a.Body)
	}
	samePictures(t, dsn, ana, ben)
}

// TestPullSnapshot: a push still uncommitted while a pull runs is read by
// the next pull, never skipped, although a later push committed first.
func TestPullSnapshot(t *testing.T) {
	dsn := newServer(t)
	dir := t.TempDir()
	ctx := context.Background()
	ana, ben, cat := newLaptop(t, dir, "ana", 0), newLaptop(t, dir, "ben", 0), newLaptop(t, dir, "cat", 0)
	ana.newStory(t, "slow-push")
	slow, err := ana.lib.SyncOutbox(ctx, 100)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	tx, err := conn.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The slow push takes its transaction ID first, then stalls.
	if _, err := tx.Exec(ctx, `SELECT pg_current_xact_id()`); err != nil {
		t.Fatal(err)
	}
	b := ben.newStory(t, "fast-push")
	mustSync(t, ben, dsn) // commits with a later transaction ID
	mustSync(t, cat, dsn) // pulls while the slow push is in flight
	if _, err := cat.lib.Get(ctx, b.ID); err != nil {
		t.Fatalf("cat lacks ben's story: %v", err)
	}
	batch, _ := jsonRevisions(slow)
	if _, err := tx.Exec(ctx, `SELECT dateline.push($1::jsonb)`, batch); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	mustSync(t, cat, dsn)
	if _, err := cat.lib.Get(ctx, slow[0].DraftID); err != nil {
		t.Fatalf("the push that was in flight during the pull never reached cat: %v", err)
	}
}

// TestListen: a push by one laptop notifies a listening one.
func TestListen(t *testing.T) {
	dsn := newServer(t)
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	ana := newLaptop(t, dir, "ana", 0)
	got := make(chan struct{}, 10)
	ready := make(chan error, 1)
	go func() {
		ready <- Listen(ctx, dsn, func() { got <- struct{}{} })
	}()
	a := ana.newStory(t, "notified")
	deadline := time.After(15 * time.Second)
	for {
		// Listen may not be listening yet: push again until heard.
		mustSync(t, ana, dsn)
		select {
		case <-got:
			cancel()
			if err := <-ready; err != nil {
				t.Fatal(err)
			}
			return
		case err := <-ready:
			t.Fatalf("Listen ended: %v", err)
		case <-time.After(200 * time.Millisecond):
			a.Body += " More."
			if _, err := ana.lib.Save(ctx, a, editor.SaveOptions{}); err != nil {
				t.Fatal(err)
			}
		case <-deadline:
			t.Fatal("no notification")
		}
	}
}

// TestDSNWithPassword: a server address with a password is refused.
func TestDSNWithPassword(t *testing.T) {
	for _, dsn := range []string{
		"host=x user=ana password=secret dbname=d",
		"postgres://ana:secret@x/d",
		"postgres://ana@x/d?password=secret",
	} {
		if err := CheckDSN(dsn); editor.ErrorCode(err) != editor.EINVALID || !strings.Contains(err.Error(), "pgpass") {
			t.Errorf("CheckDSN(%q) = %v, want EINVALID naming ~/.pgpass", dsn, err)
		}
	}
	for _, dsn := range []string{"host=x user=ana dbname=d sslmode=verify-full", "postgres://ana@x/d"} {
		if err := CheckDSN(dsn); err != nil {
			t.Errorf("CheckDSN(%q) = %v", dsn, err)
		}
	}
}

// samePictures checks that the laptops and the server hold the same
// revisions and the same heads (winner first) for every draft.
func samePictures(tb testing.TB, dsn string, laptops ...*laptop) {
	tb.Helper()
	ctx := context.Background()
	conn, err := Connect(ctx, dsn)
	if err != nil {
		tb.Fatal(err)
	}
	defer conn.Close(ctx)
	var serverRevs []string
	rows, err := conn.Query(ctx, `SELECT id FROM dateline.revisions ORDER BY id COLLATE "C"`)
	if err != nil {
		tb.Fatal(err)
	}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			tb.Fatal(err)
		}
		serverRevs = append(serverRevs, id)
	}
	rows.Close()
	serverHeads, err := ServerHeads(ctx, conn)
	if err != nil {
		tb.Fatal(err)
	}
	var serverEvents []string
	rows, err = conn.Query(ctx, `SELECT id FROM dateline.events ORDER BY id COLLATE "C"`)
	if err != nil {
		tb.Fatal(err)
	}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			tb.Fatal(err)
		}
		serverEvents = append(serverEvents, id)
	}
	rows.Close()
	var first *storage.SyncPicture
	for _, l := range laptops {
		p, err := l.lib.Picture(ctx)
		if err != nil {
			tb.Fatal(err)
		}
		if !reflect.DeepEqual(p.Events, serverEvents) {
			tb.Fatalf("%s holds %d moves, the server %d:\n%v\n%v", l.name, len(p.Events), len(serverEvents), p.Events, serverEvents)
		}
		if first == nil {
			first = p
		} else if !reflect.DeepEqual(p.Place, first.Place) {
			tb.Fatalf("%s has drafts in other places than %s:\n%v\n%v", l.name, laptops[0].name, p.Place, first.Place)
		}
		if !reflect.DeepEqual(p.Revisions, serverRevs) {
			tb.Fatalf("%s holds %d revisions, the server %d:\n%v\n%v", l.name, len(p.Revisions), len(serverRevs), p.Revisions, serverRevs)
		}
		if !reflect.DeepEqual(p.Heads, serverHeads) {
			tb.Fatalf("%s heads differ from the server's:\n%v\n%v", l.name, p.Heads, serverHeads)
		}
		for id, heads := range p.Heads {
			if p.Place[id] != "purged" && p.Shown[id] != heads[0] {
				tb.Fatalf("%s shows revision %s of draft %s, not its winner %s", l.name, p.Shown[id], id, heads[0])
			}
		}
	}
}

func jsonRevisions(revs []storage.SyncRevision) (string, error) {
	b, err := jsonMarshal(revs)
	return string(b), err
}

// TestProfileSync: an admin's profile change reaches every laptop; a
// correspondent's change stays on their laptop and is not overwritten.
func TestProfileSync(t *testing.T) {
	dsn := newServer(t)
	ctx := context.Background()
	if err := AddUser(ctx, dsn, "prof_adm", "admin", ""); err != nil {
		t.Fatal(err)
	}
	if err := AddUser(ctx, dsn, "prof_cor", "correspondent", ""); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	adm, cor := newLaptop(t, dir, "adm", 0), newLaptop(t, dir, "cor", 0)
	admDSN, corDSN := dsnAs(dsn, "prof_adm"), dsnAs(dsn, "prof_cor")
	p := editor.DefaultProfile()
	p.Publisher = "Lakeside Courier"
	if err := adm.lib.SaveProfile(ctx, p); err != nil {
		t.Fatal(err)
	}
	if res := mustSync(t, adm, admDSN); res.Profile != "pushed" {
		t.Fatalf("admin's sync: profile %q, want pushed", res.Profile)
	}
	if res := mustSync(t, cor, corDSN); res.Profile != "pulled" {
		t.Fatalf("correspondent's sync: profile %q, want pulled", res.Profile)
	}
	got, err := cor.lib.Profile(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got.Publisher != "Lakeside Courier" {
		t.Fatalf("correspondent's publisher %q", got.Publisher)
	}
	if res := mustSync(t, cor, corDSN); res.Profile != "" {
		t.Fatalf("idle sync: profile %q", res.Profile)
	}

	// The correspondent's own change stays, even when the admin changes
	// the server's again.
	mine := got
	mine.Publisher = "Correspondent's Courier"
	if err := cor.lib.SaveProfile(ctx, mine); err != nil {
		t.Fatal(err)
	}
	p.Publisher = "Lakeside Courier Weekly"
	if err := adm.lib.SaveProfile(ctx, p); err != nil {
		t.Fatal(err)
	}
	mustSync(t, adm, admDSN)
	if res := mustSync(t, cor, corDSN); res.Profile != "kept" {
		t.Fatalf("correspondent's sync: profile %q, want kept", res.Profile)
	}
	if got, _ := cor.lib.Profile(ctx); got.Publisher != "Correspondent's Courier" {
		t.Fatalf("the correspondent's own profile was replaced by %q", got.Publisher)
	}
	var server string
	conn := connectAs(t, dsn, "postgres")
	if err := conn.QueryRow(ctx, `SELECT doc FROM dateline.profile`).Scan(&server); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(server, "Lakeside Courier Weekly") {
		t.Fatalf("server profile %s", server)
	}
}

// TestConflictOnTheShownText: a stale window saves on the draft's own
// head after that head was rewritten by an autosave: the save is a
// conflicting revision whose parent is the text shown. The shown text
// stays the winner on every replica, beside the conflict tip. (A
// randomized history found that this case once left a laptop showing a
// revision that was not its winner.)
func TestConflictOnTheShownText(t *testing.T) {
	dsn := newServer(t)
	dir := t.TempDir()
	ctx := context.Background()
	ana, ben := newLaptop(t, dir, "ana", 0), newLaptop(t, dir, "ben", 0)
	a := ana.newStory(t, "coalesced")
	opt := editor.SaveOptions{Session: "window"}
	a.Body += " One."
	head, err := ana.lib.Save(ctx, a, opt)
	if err != nil {
		t.Fatal(err)
	}
	stale := a.Clone()
	a.Body += " Two."
	if r, err := ana.lib.Save(ctx, a, opt); err != nil || r.ID != head.ID {
		t.Fatalf("the autosave did not coalesce: %v, %v", r, err)
	}
	stale.Body += " From the stale window."
	c, err := ana.lib.Save(ctx, stale, editor.SaveOptions{Session: "stale"})
	if editor.ErrorCode(err) != editor.ESTALE || c.ParentID != head.ID {
		t.Fatalf("stale save: %+v, %v; want a conflicting revision on the head", c, err)
	}
	mustSync(t, ana, dsn)
	mustSync(t, ben, dsn)
	samePictures(t, dsn, ana, ben)
	for _, l := range []*laptop{ana, ben} {
		got, err := l.lib.Get(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Body != a.Body {
			t.Fatalf("%s shows %q, want %q", l.name, got.Body, a.Body)
		}
		heads, err := l.lib.Heads(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(heads) != 2 || heads[0].ID != head.ID || heads[1].ID != c.ID {
			t.Fatalf("%s heads %+v, want the shown text and the conflict tip", l.name, heads)
		}
	}
}
