package app

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/jackc/pgx/v5"

	"github.com/dateline-news/dateline/app/syncloop"
	"github.com/dateline-news/dateline/editor"
	"github.com/dateline-news/dateline/storage"
	"github.com/dateline-news/dateline/storage/pgsync"
	"github.com/dateline-news/dateline/storage/pgsync/pgtest"
)

// fastSync are background sync timings for tests: a sync 50 ms after
// saves pause, retries from 50 ms to 200 ms.
var fastSync = syncloop.Config{Debounce: 50 * time.Millisecond, MaxWait: 500 * time.Millisecond,
	RetryMin: 50 * time.Millisecond, RetryMax: 200 * time.Millisecond}

// newsroomCluster is a throwaway PostgreSQL cluster for the window's sync
// tests, with a template database that holds Dateline's schema and the
// correspondent ana.
type newsroomCluster struct {
	*pgtest.Cluster
	seq atomic.Int32
}

// startNewsroom starts the cluster for one test; a missing PostgreSQL
// skips it, except in CI (CI=true), where it fails.
func startNewsroom(t *testing.T) *newsroomCluster {
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
	ctx := context.Background()
	admin(t, c.DSN("postgres", "postgres"), `CREATE DATABASE tmpl`)
	if _, _, err := pgsync.Init(ctx, c.DSN("tmpl", "postgres")); err != nil {
		t.Fatal(err)
	}
	if err := pgsync.AddUser(ctx, c.DSN("tmpl", "postgres"), "ana", "correspondent", "metro"); err != nil {
		t.Fatal(err)
	}
	return &newsroomCluster{Cluster: c}
}

// admin runs statements as the cluster's superuser.
func admin(t *testing.T, dsn string, sql ...string) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	for _, s := range sql {
		if _, err := conn.Exec(ctx, s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

// database makes a fresh newsroom database and returns its name.
func (c *newsroomCluster) database(t *testing.T) string {
	t.Helper()
	name := fmt.Sprintf("news%d", c.seq.Add(1))
	admin(t, c.DSN("postgres", "postgres"), `CREATE DATABASE `+name+` TEMPLATE tmpl`)
	return name
}

// serverRevisions counts the revisions of a draft the server holds.
func (c *newsroomCluster) serverRevisions(t *testing.T, db, draftID string) int {
	return c.countRows(t, db, "revisions", draftID)
}

// present counts the presence rows of a draft on the server.
func (c *newsroomCluster) present(t *testing.T, db, draftID string) int {
	return c.countRows(t, db, "presence", draftID)
}

// countRows counts the rows of a draft in one of the server's tables.
func (c *newsroomCluster) countRows(t *testing.T, db, table, draftID string) int {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, c.DSN(db, "postgres"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var n int
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM dateline.`+table+` WHERE draft_id = $1`, draftID).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// listening reports whether a session on db waits for push notices.
func (c *newsroomCluster) listening(t *testing.T, db string) bool {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, c.DSN(db, "postgres"))
	if err != nil {
		return false
	}
	defer conn.Close(ctx)
	var n int
	_ = conn.QueryRow(ctx, `SELECT count(*) FROM pg_stat_activity WHERE datname = $1 AND query = 'LISTEN dateline_push' AND state = 'idle'`, db).Scan(&n)
	return n > 0
}

// syncWindow is a test window on a library that can sync, with fast
// sync timings; the loop stops before the window and library close.
func syncWindow(t *testing.T, lib *storage.DB, clk *fakeClock) *testWindow {
	t.Helper()
	news := pgsync.NewNewsroom(lib, "test-laptop") // presence, as main.go wires it
	t.Cleanup(func() { _ = news.Close() })
	w := newTestWindow(t, lib, clk, Options{Newsroom: pgsync.NewClient(lib), Colleagues: news, syncTimings: fastSync})
	t.Cleanup(w.sync.stop)
	return w
}

// until runs the window's UI work until cond holds, for up to 20 s.
func (w *testWindow) until(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		w.settle()
		if cond() {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("never: %s (sync status %q, status %q)", what, w.sync.Status(), w.StatusText())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// openLibrary opens a library in dir as device name.
func openLibrary(t *testing.T, dir, name string, clk *fakeClock) *storage.DB {
	t.Helper()
	db, err := storage.Open(filepath.Join(dir, name+".db"), storage.WithNow(clk.Now), storage.WithDevice(name), storage.WithAuthor("Writer "+name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return db
}

// deadPort returns a port of 127.0.0.1 where nothing listens.
func deadPort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// TestWindowSync drives newsroom sync in the window against a real
// PostgreSQL server.
func TestWindowSync(t *testing.T) {
	c := startNewsroom(t)
	t.Run("ConnectDialog", func(t *testing.T) { testConnectDialog(t, c) })
	t.Run("BackgroundPushAndNotifiedPull", func(t *testing.T) { testPushAndPull(t, c) })
	t.Run("ConflictAfterPull", func(t *testing.T) { testConflictAfterPull(t, c) })
	t.Run("OfflineAndBack", func(t *testing.T) { testOfflineAndBack(t, c) })
	t.Run("QuitKeepsPending", func(t *testing.T) { testQuitKeepsPending(t, c) })
}

// testConnectDialog: Test connection says what happened (reached, no
// such database, no server, a wrong password), Escape cancels, and
// Connect with a typed password keeps it in the password file (mode
// 0600), never in the library, and starts the background sync.
func testConnectDialog(t *testing.T, c *newsroomCluster) {
	db := c.database(t)
	// The user pw_<db> must give a password; everyone else is trusted.
	user := "pw_" + db
	hba := filepath.Join(c.Dir, "data", "pg_hba.conf")
	old, err := os.ReadFile(hba)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(hba, append([]byte("host all "+user+" 127.0.0.1/32 scram-sha-256\n"), old...), 0o600); err != nil {
		t.Fatal(err)
	}
	admin(t, c.DSN(db, "postgres"), `SELECT pg_reload_conf()`)
	if err := pgsync.AddUser(context.Background(), c.DSN(db, "postgres"), user, "correspondent", ""); err != nil {
		t.Fatal(err)
	}
	admin(t, c.DSN(db, "postgres"), `ALTER ROLE `+user+` PASSWORD 'tea for two'`)
	passfile := filepath.Join(t.TempDir(), "pgpass")
	t.Setenv("PGPASSFILE", passfile)
	t.Setenv("PGPASSWORD", "")

	clk := newFakeClock()
	lib := openStore(t, clk)
	seed(t, lib, clk, "Harbour reopens", "Ships moved again.")
	w := syncWindow(t, lib, clk)
	if got := w.sync.Status(); got != "" {
		t.Fatalf("sync status %q in a library without a server", got)
	}
	cv := w.Window.Canvas()
	d := w.sync.ShowConnectDialog()
	if d.sslmode.Selected != "prefer" || d.port.Text != "5432" {
		t.Errorf("defaults: sslmode %q, port %q; want prefer and 5432", d.sslmode.Selected, d.port.Text)
	}
	fill := func(port int, database, user, password string) {
		d.host.SetText("127.0.0.1")
		d.port.SetText(strconv.Itoa(port))
		d.database.SetText(database)
		d.user.SetText(user)
		d.password.SetText(password)
	}
	testSays := func(want string) {
		t.Helper()
		test.Tap(d.test)
		w.until(t, "the test answers "+want, func() bool { return !d.test.Disabled() && !strings.HasPrefix(d.result.Text, "Testing") })
		if !strings.Contains(d.result.Text, want) {
			t.Errorf("Test connection says %q, want %q", d.result.Text, want)
		}
	}
	fill(c.Port, db, "ana", "")
	testSays("Reached the newsroom server as ana@127.0.0.1:" + strconv.Itoa(c.Port) + "/" + db)
	fill(c.Port, "nosuch", "ana", "")
	testSays(`no database "nosuch"`)
	fill(deadPort(t), db, "ana", "")
	testSays("No server answered")
	fill(c.Port, db, user, "wrong")
	testSays("refused the password")
	fill(c.Port, db, user, "")
	d.database.SetText("")
	testSays("Give the newsroom's database")

	// Escape cancels, from a field too.
	cv.Focus(d.host)
	d.host.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if top := cv.Overlays().Top(); top != nil {
		t.Fatalf("Escape left the dialog open (%T)", top)
	}

	// Connect with the right password: Enter connects, Enter again keeps
	// the password.
	d = w.sync.ShowConnectDialog()
	fill(c.Port, db, user, "tea for two")
	d.sslmode.SetSelected("disable")
	cv.Focus(d.user)
	d.user.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !dialogKey(cv, fyne.KeyReturn) { // "Keep it"
		t.Fatal("no dialog offered to keep the password")
	}
	w.until(t, "synced", func() bool { return strings.HasPrefix(w.sync.Status(), "Synced ") })
	if !strings.Contains(w.StatusText(), "kept in "+passfile) {
		t.Errorf("status %q does not say where the password went", w.StatusText())
	}
	saved, err := pgsync.NewClient(lib).Server(context.Background())
	if err != nil || strings.Contains(saved, "tea") || !strings.Contains(saved, "user="+user) {
		t.Errorf("the library remembers %q (%v): want the server without its password", saved, err)
	}
	data, err := os.ReadFile(passfile)
	if err != nil || !strings.Contains(string(data), ":"+db+":"+user+":tea for two") {
		t.Errorf("password file %q (%v) lacks the password", data, err)
	}
	if fi, err := os.Stat(passfile); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("password file mode %v (%v), want 0600", fi.Mode().Perm(), err)
	}
	if n := c.serverRevisions(t, db, w.article.ID); n != 1 {
		t.Errorf("server holds %d revisions of the open draft after connecting, want 1", n)
	}
	// The draft open while connecting is announced at once, not only the
	// next draft opened.
	w.until(t, "the open draft is announced", func() bool { return c.present(t, db, w.article.ID) == 1 })

	// The dialog opens on the server connected to; Disconnect forgets it.
	d = w.sync.ShowConnectDialog()
	if d.user.Text != user || d.database.Text != db || d.sslmode.Selected != "disable" {
		t.Errorf("dialog opens on %q %q %q, want the connected server", d.user.Text, d.database.Text, d.sslmode.Selected)
	}
	dialogKey(cv, fyne.KeyEscape)
	w.sync.Disconnect()
	w.settle()
	if got := w.sync.Status(); got != "" {
		t.Errorf("sync status %q after Disconnect", got)
	}
	if saved, _ := pgsync.NewClient(lib).Server(context.Background()); saved != "" {
		t.Errorf("the library still remembers %q", saved)
	}
}

// connectLibrary remembers the server in lib, as the dialog does.
func connectLibrary(t *testing.T, lib *storage.DB, dsn string) {
	t.Helper()
	if err := pgsync.NewClient(lib).Connect(context.Background(), dsn); err != nil {
		t.Fatal(err)
	}
}

// testPushAndPull: typing in the window reaches the server a moment after
// the save; a push from another laptop reaches the window through NOTIFY:
// the list shows its new draft and the open draft its newer text, with
// the caret where it was in the text around it.
func testPushAndPull(t *testing.T, c *newsroomCluster) {
	db := c.database(t)
	dsn := c.DSN(db, "ana")
	dir := t.TempDir()
	clk := newFakeClock()
	lib := openLibrary(t, dir, "laptop1", clk)
	a := seed(t, lib, clk, "Port strike", "Dockers walked out.\n\nTalks resume Monday.")
	connectLibrary(t, lib, dsn)
	w := syncWindow(t, lib, clk)
	w.until(t, "synced at start", func() bool { return strings.HasPrefix(w.sync.Status(), "Synced ") })
	if w.article == nil || w.article.ID != a.ID {
		t.Fatal("the draft did not open")
	}

	typeAtEnd(w.form.body, " Both sides agreed.")
	w.advance(time.Second) // the autosave
	w.until(t, "the typing pushed", func() bool { return c.serverRevisions(t, db, a.ID) == 2 })
	w.until(t, "synced after the push", func() bool { return strings.HasPrefix(w.sync.Status(), "Synced ") })

	// The second laptop of the same correspondent pulls, changes the
	// draft's first paragraph and adds a draft.
	other := openLibrary(t, dir, "laptop2", clk)
	if _, err := pgsync.Sync(context.Background(), other, dsn); err != nil {
		t.Fatal(err)
	}
	theirs := mustGet(t, other, a.ID)
	theirs.Body = "Dockers in three ports walked out.\n\n" + strings.SplitN(theirs.Body, "\n\n", 2)[1]
	if _, err := other.Save(context.Background(), theirs, editor.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	seed(t, other, clk, "Ferry fares rise", "Fares went up.")
	w.until(t, "the window listens", func() bool { return c.listening(t, db) })
	body := w.form.body
	body.SetCursor(body.Model().PosAt(strings.Index(body.Text(), "Monday")))
	if _, err := pgsync.Sync(context.Background(), other, dsn); err != nil {
		t.Fatal(err)
	}
	w.until(t, "the other laptop's text in the form", func() bool { return body.Text() == theirs.Body })
	if got := body.Text()[body.Model().Offset(body.CursorPosition()):]; !strings.HasPrefix(got, "Monday") {
		t.Errorf("the caret moved: the text after it is %q, want it before Monday", got)
	}
	w.until(t, "the new draft in the list", func() bool {
		for i := 0; i < w.library.length(); i++ {
			if s, ok := w.library.row(i); ok && s.Headline == "Ferry fares rise" {
				return true
			}
		}
		return false
	})
	if w.banner.object.Visible() {
		t.Errorf("banner %q after a pull that only moved the draft on", w.banner.message.Text)
	}
	if w.article.BaseRevision != theirs.BaseRevision {
		t.Errorf("the window's base is %s, want the pulled head %s", w.article.BaseRevision, theirs.BaseRevision)
	}
	// Typing on builds on the pulled text: no conflict.
	typeAtEnd(body, " Pay rises 4%.")
	w.advance(time.Second)
	if w.banner.object.Visible() || !strings.HasSuffix(mustGet(t, lib, a.ID).Body, "Pay rises 4%.") {
		t.Errorf("typing after the pull: banner %q, stored %q", w.banner.message.Text, mustGet(t, lib, a.ID).Body)
	}
}

// testConflictAfterPull: the window saved a change the server has not
// seen while another laptop changed the draft too; the pull leaves two
// heads, and the conflict banner shows with the window's text untouched.
// Text typed while a pull arrives is never replaced.
func testConflictAfterPull(t *testing.T, c *newsroomCluster) {
	db := c.database(t)
	dsn := c.DSN(db, "ana")
	dir := t.TempDir()
	clk := newFakeClock()
	lib := openLibrary(t, dir, "laptop1", clk)
	a := seed(t, lib, clk, "Bridge closed", "The bridge shut at noon.")
	connectLibrary(t, lib, dsn)
	other := openLibrary(t, dir, "laptop2", clk)
	timings := fastSync
	timings.Debounce, timings.MaxWait = time.Hour, time.Hour // this window syncs only when told
	w := newTestWindow(t, lib, clk, Options{Newsroom: pgsync.NewClient(lib), syncTimings: timings})
	t.Cleanup(w.sync.stop)
	w.until(t, "synced and listening", func() bool { return strings.HasPrefix(w.sync.Status(), "Synced ") && c.listening(t, db) })
	if _, err := pgsync.Sync(context.Background(), other, dsn); err != nil {
		t.Fatal(err)
	}

	// Unsaved typing is never replaced by a pull.
	typeAtEnd(w.form.body, " Traffic backed up.")
	mine := w.form.body.Text()
	theirs := mustGet(t, other, a.ID)
	theirs.Body = "The bridge shut at noon for repairs."
	if _, err := other.Save(context.Background(), theirs, editor.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := pgsync.Sync(context.Background(), other, dsn); err != nil {
		t.Fatal(err)
	}
	w.until(t, "the pull", func() bool {
		got, _ := pgsync.NewClient(lib).Heads(context.Background(), a.ID)
		return got == 1 && mustGet(t, lib, a.ID).Body == theirs.Body && len(w.ui.calls) == 0
	})
	if got := w.form.body.Text(); got != mine {
		t.Fatalf("the pull replaced unsaved typing: %q, want %q", got, mine)
	}
	// Its save, based on the older text, is kept beside the newer one,
	// and the banner says so.
	w.advance(time.Second)
	if w.banner.kind != bannerConflict {
		t.Fatalf("banner %q after saving over a pulled change, want the conflict", w.banner.kind)
	}
	if got := w.form.body.Text(); got != mine {
		t.Errorf("the form shows %q after the save, want the typing %q", got, mine)
	}

	// A second draft: saved here, changed there; the pull leaves two heads.
	b := seed(t, lib, clk, "Mayor resigns", "The mayor quit.")
	w.sync.SyncNow()
	w.until(t, "the second draft pushed", func() bool { return c.serverRevisions(t, db, b.ID) == 1 })
	if _, err := pgsync.Sync(context.Background(), other, dsn); err != nil {
		t.Fatal(err)
	}
	w.OpenDraft(b.ID)
	w.until(t, "the second draft open", func() bool { return w.article != nil && w.article.ID == b.ID })
	typeAtEnd(w.form.body, " Elections follow.")
	w.advance(time.Second) // saved here, not pushed (the debounce is an hour)
	if w.banner.object.Visible() {
		t.Fatalf("banner %q before any conflict", w.banner.message.Text)
	}
	theirsB := mustGet(t, other, b.ID)
	theirsB.Body = "The mayor quit on Friday."
	if _, err := other.Save(context.Background(), theirsB, editor.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	mine = w.form.body.Text()
	if _, err := pgsync.Sync(context.Background(), other, dsn); err != nil { // NOTIFY: the window pulls
		t.Fatal(err)
	}
	w.until(t, "the conflict banner after the pull", func() bool { return w.banner.kind == bannerConflict })
	if got := w.form.body.Text(); got != mine {
		t.Errorf("the form shows %q after the pull, want the window's text %q", got, mine)
	}
	if n, err := pgsync.NewClient(lib).Heads(context.Background(), b.ID); err != nil || n != 2 {
		t.Errorf("the draft has %d heads (%v), want 2", n, err)
	}
}

// testOfflineAndBack: with the server down the status bar counts the
// revisions waiting, and once the server is back they go out by
// themselves.
func testOfflineAndBack(t *testing.T, c *newsroomCluster) {
	db := c.database(t)
	clk := newFakeClock()
	lib := openStore(t, clk)
	a := seed(t, lib, clk, "Storm warning", "Winds rise.")
	connectLibrary(t, lib, c.DSN(db, "ana"))
	w := syncWindow(t, lib, clk)
	w.until(t, "synced", func() bool { return strings.HasPrefix(w.sync.Status(), "Synced ") })

	if err := c.StopServer(); err != nil {
		t.Fatal(err)
	}
	restarted := false
	t.Cleanup(func() {
		if !restarted {
			_ = c.Restart()
		}
	})
	typeAtEnd(w.form.body, " Schools close.")
	w.advance(time.Second)
	clk.Advance(2 * time.Minute) // another editing session: a revision of its own
	typeAtEnd(w.form.body, " Trains stop.")
	w.advance(time.Second)
	w.until(t, "two revisions waiting", func() bool { return w.sync.Status() == "2 revisions waiting — offline" })
	if top := w.Window.Canvas().Overlays().Top(); top != nil {
		t.Errorf("being offline opened a dialog (%T)", top)
	}
	test.Tap(w.sync.status) // the details
	if top := w.Window.Canvas().Overlays().Top(); top == nil {
		t.Error("tapping the sync state shows no details")
	} else {
		dialogKey(w.Window.Canvas(), fyne.KeyEscape)
	}

	if err := c.Restart(); err != nil {
		t.Fatal(err)
	}
	restarted = true
	w.until(t, "synced again", func() bool { return strings.HasPrefix(w.sync.Status(), "Synced ") })
	if n := c.serverRevisions(t, db, a.ID); n != 3 {
		t.Errorf("server holds %d revisions after recovery, want 3", n)
	}
}

// testQuitKeepsPending: closing the window while the server cannot be
// reached stops the sync at once and keeps the unsent revisions, which a
// later sync sends.
func testQuitKeepsPending(t *testing.T, c *newsroomCluster) {
	db := c.database(t)
	clk := newFakeClock()
	lib := openStore(t, clk)
	a := seed(t, lib, clk, "Late train", "The 8:15 was late.")
	dead := strings.Replace(c.DSN(db, "ana"), "port="+strconv.Itoa(c.Port), "port="+strconv.Itoa(deadPort(t)), 1)
	connectLibrary(t, lib, dead)
	w := syncWindow(t, lib, clk)
	w.until(t, "offline", func() bool { return w.sync.Status() == "1 revision waiting — offline" })
	typeAtEnd(w.form.body, " Again.")
	w.RequestClose()
	w.settle()
	if w.sync.loop.Load() != nil {
		t.Fatal("the background sync still runs after the window closed")
	}
	client := pgsync.NewClient(lib)
	if n, err := client.Waiting(context.Background()); err != nil || n != 2 {
		t.Fatalf("%d revisions waiting after quitting (%v), want 2: the typing was saved and kept", n, err)
	}
	connectLibrary(t, lib, c.DSN(db, "ana"))
	if _, err := client.Sync(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := c.serverRevisions(t, db, a.ID); n != 2 {
		t.Errorf("server holds %d revisions, want both kept at quit", n)
	}
}
