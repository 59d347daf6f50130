//go:build sqlite_fts5

package pgsync

import (
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/dateline-news/dateline/editor"
)

// requirePassword makes the cluster ask user for a password (SCRAM) on
// 127.0.0.1, leaving every other user on trust, and creates the user as a
// Dateline correspondent with that password.
func requirePassword(t *testing.T, dsn, user, password string) {
	t.Helper()
	hba := filepath.Join(cluster.Dir, "data", "pg_hba.conf")
	old, err := os.ReadFile(hba)
	if err != nil {
		t.Fatal(err)
	}
	line := "host all " + user + " 127.0.0.1/32 scram-sha-256\n"
	if !strings.Contains(string(old), line) {
		if err := os.WriteFile(hba, append([]byte(line), old...), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `SELECT pg_reload_conf()`); err != nil {
		t.Fatal(err)
	}
	if err := AddUser(ctx, dsn, user, "correspondent", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, `ALTER ROLE `+user+` PASSWORD '`+password+`'`); err != nil {
		t.Fatal(err)
	}
}

// TestCheckServer: every answer of the connection test, against a real
// server: reached, a wrong or missing password, the password from the
// password file, no such user or database, a user that is not a Dateline
// user, a database without the schema, and no server at all.
func TestCheckServer(t *testing.T) {
	admin := newServer(t)
	ctx := context.Background()
	cfg, err := pgx.ParseConfig(admin)
	if err != nil {
		t.Fatal(err)
	}
	db := cfg.Database
	user := "pw_" + db
	requirePassword(t, admin, user, "right horse")
	t.Setenv("PGPASSFILE", filepath.Join(t.TempDir(), "pgpass"))
	t.Setenv("PGPASSWORD", "")

	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, `CREATE ROLE plain_`+db+` LOGIN`); err != nil {
		t.Fatal(err)
	}
	conn.Close(ctx)

	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	deadPort := l.Addr().(*net.TCPAddr).Port
	l.Close()

	for _, tc := range []struct {
		name, dsn, password string
		want                editor.ServerOutcome
		says                string
	}{
		{"OK", admin, "", editor.ServerReached, "Reached"},
		{"Password", dsnAs(admin, user), "right horse", editor.ServerReached, "Reached"},
		{"WrongPassword", dsnAs(admin, user), "wrong", editor.ServerWrongPassword, "refused the password"},
		{"NoPassword", dsnAs(admin, user), "", editor.ServerWrongPassword, "refused the password"},
		{"NoUser", dsnAs(admin, "nosuchuser"), "", editor.ServerNoUser, "no user nosuchuser"},
		{"NotDatelineUser", dsnAs(admin, "plain_"+db), "", editor.ServerNoUser, "not a Dateline user"},
		{"NoDatabase", cluster.DSN("nosuchdb", "postgres"), "", editor.ServerNoDatabase, `no database "nosuchdb"`},
		{"NotInitialised", cluster.DSN("postgres", "postgres"), "", editor.ServerNotInitialised, "dateline server init"},
		{"Unreachable", strings.Replace(admin, "port="+strconv.Itoa(cluster.Port), "port="+strconv.Itoa(deadPort), 1), "", editor.ServerUnreachable, "No server answered"},
		{"PasswordInAddress", admin + " password=x", "", editor.ServerRefused, "~/.pgpass"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := CheckServer(ctx, tc.dsn, tc.password)
			if got.Outcome != tc.want || !strings.Contains(got.Message, tc.says) {
				t.Errorf("CheckServer = %q %q; want %q saying %q", got.Outcome, got.Message, tc.want, tc.says)
			}
		})
	}

	// A library's sync that the server refuses says why (EINVALID, with
	// the outcome); one that finds no server is EUNAVAILABLE: offline.
	lap := newLaptop(t, t.TempDir(), "laptop", 0)
	lap.newStory(t, "first")
	client := NewClient(lap.lib)
	if _, err := client.Sync(ctx); editor.ErrorCode(err) != editor.ENOTFOUND {
		t.Errorf("sync without a server = %v, want ENOTFOUND", err)
	}
	if err := client.Connect(ctx, strings.Replace(dsnAs(admin, user), "port="+strconv.Itoa(cluster.Port), "port="+strconv.Itoa(deadPort), 1)); err != nil {
		t.Fatal(err)
	}
	if _, err := client.Sync(ctx); editor.ErrorCode(err) != editor.EUNAVAILABLE {
		t.Errorf("sync with no server there = %v, want EUNAVAILABLE", err)
	}
	if err := client.Connect(ctx, dsnAs(admin, user)); err != nil {
		t.Fatal(err)
	}
	_, err = client.Sync(ctx)
	var refused *editor.ServerRefusal
	if !errors.As(err, &refused) || refused.Outcome != editor.ServerWrongPassword || editor.ErrorCode(err) != editor.EINVALID {
		t.Errorf("sync with no password = %v, want a refusal for the password (EINVALID)", err)
	}
	if n, err := client.Waiting(ctx); err != nil || n != 1 {
		t.Errorf("%d revisions waiting (%v), want 1", n, err)
	}

	// The password kept in the password file is the one libpq (and pgx)
	// read: the same test without a typed password now reaches the server.
	name, err := client.StorePassword(dsnAs(admin, user), "right horse")
	if err != nil {
		t.Fatal(err)
	}
	if got := CheckServer(ctx, dsnAs(admin, user), ""); got.Outcome != editor.ServerReached {
		t.Errorf("after StorePassword to %s: %q %q; want reached", name, got.Outcome, got.Message)
	}
	rep, err := client.Sync(ctx)
	if err != nil || rep.Pushed != 1 || rep.Waiting != 0 {
		t.Errorf("sync with the kept password = %+v, %v; want the story pushed", rep, err)
	}
	if err := client.Disconnect(ctx); err != nil {
		t.Fatal(err)
	}
	if dsn, _ := client.Server(ctx); dsn != "" {
		t.Errorf("the library remembers %q after Disconnect", dsn)
	}
	if n, _ := client.Waiting(ctx); n != 1 {
		t.Errorf("%d revisions waiting after Disconnect, want 1: the next server gets everything", n)
	}
}

// TestStorePassword: the password file gets one line per server,
// database and user, escaped as libpq reads it, mode 0600, other lines
// kept, a second password for the same account replacing the first.
func TestStorePassword(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "sub", "pgpass")
	t.Setenv("PGPASSFILE", file)
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	other := "otherhost:5432:*:bob:secret\n"
	if err := os.WriteFile(file, []byte(other), 0o644); err != nil {
		t.Fatal(err)
	}
	dsn := "host=news.example.org port=5433 dbname=dateline user=ana sslmode=disable"
	if _, err := StorePassword(dsn, `first`); err != nil {
		t.Fatal(err)
	}
	got, err := StorePassword(dsn, `co:lon\back`)
	if err != nil {
		t.Fatal(err)
	}
	if got != file {
		t.Errorf("StorePassword wrote %s, want %s", got, file)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if want := other + `news.example.org:5433:dateline:ana:co\:lon\\back` + "\n"; string(data) != want {
		t.Errorf("password file:\n%s\nwant:\n%s", data, want)
	}
	fi, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("password file mode %v, want 0600", fi.Mode().Perm())
	}
	cfg, err := pgx.ParseConfig(dsn) // pgx reads the file as libpq does
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Password != `co:lon\back` {
		t.Errorf("pgx reads the password %q from the file", cfg.Password)
	}
	for _, bad := range []string{"", "two\nlines"} {
		if _, err := StorePassword(dsn, bad); editor.ErrorCode(err) != editor.EINVALID {
			t.Errorf("StorePassword(%q) = %v, want EINVALID", bad, err)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(file))
	if len(entries) != 1 {
		t.Errorf("the folder holds %d files, want only the password file (no temporary left)", len(entries))
	}
}
