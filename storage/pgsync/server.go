package pgsync

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/dateline-news/dateline/editor"
	"github.com/dateline-news/dateline/storage"
)

//go:embed migration/*.sql
var migrationFS embed.FS

// migrations are the server's schema files, by the library's rule.
func migrations() []storage.Migration { return storage.LoadMigrations(migrationFS, "migration/*.sql") }

// SchemaVersion is the newest server schema this build knows.
func SchemaVersion() int { return len(migrations()) }

// connectTimeout bounds how long a connection attempt may take.
const connectTimeout = 10 * time.Second

// CheckDSN refuses a connection string that carries a password: passwords
// belong in ~/.pgpass (or the file PGPASSFILE names, mode 0600), never in
// the library or on a command line.
func CheckDSN(dsn string) error {
	dsn = strings.TrimSpace(dsn)
	if dsn == "" {
		return editor.Errorf(editor.EINVALID, "no server given; use --server DSN, e.g. --server 'host=news.example.org dbname=dateline user=ana sslmode=verify-full'")
	}
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		u, err := url.Parse(dsn)
		if err != nil {
			return editor.Errorf(editor.EINVALID, "server %q is not a valid connection URL: %v", dsn, err)
		}
		if _, has := u.User.Password(); has || u.Query().Has("password") {
			return editor.Errorf(editor.EINVALID, "the server address holds a password; put it in ~/.pgpass (mode 0600) instead, and give the address without it")
		}
	} else if regexp.MustCompile(`(^|\s)password\s*=`).MatchString(dsn) {
		return editor.Errorf(editor.EINVALID, "the server address holds a password; put it in ~/.pgpass (mode 0600) instead, and give the address without it")
	}
	if _, err := pgx.ParseConfig(dsn); err != nil {
		return editor.Errorf(editor.EINVALID, "server %q: %v", dsn, err)
	}
	return nil
}

// Redact returns the connection string for messages: host, port, database
// and user, nothing else.
func Redact(dsn string) string {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return "(invalid server address)"
	}
	return fmt.Sprintf("%s@%s:%d/%s", cfg.User, cfg.Host, cfg.Port, cfg.Database)
}

// Connect opens a connection with libpq's conventions: the DSN, PG*
// environment variables, and ~/.pgpass or PGPASSFILE for the password.
func Connect(ctx context.Context, dsn string) (*pgx.Conn, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, editor.Errorf(editor.EINVALID, "server %q: %v", Redact(dsn), err)
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = connectTimeout
	}
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, editor.Errorf(editor.EUNAVAILABLE, "cannot reach the newsroom server %s: %v", Redact(dsn), err)
	}
	return conn, nil
}

// Init creates or upgrades the server schema in the database dsn names:
// the schema "dateline", its tables, functions, row-level security and the
// group roles. Each migration runs in its own transaction under an
// advisory lock, so that two inits at once do not collide. It returns the
// schema version before and after. The connecting role needs to be able
// to create roles and schemas (a superuser, or the database owner with
// CREATEROLE).
func Init(ctx context.Context, dsn string) (from, to int, err error) {
	conn, err := Connect(ctx, dsn)
	if err != nil {
		return 0, 0, err
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock(5147321)`); err != nil {
		return 0, 0, serverError("lock the schema", err)
	}
	defer func() { _, _ = conn.Exec(context.Background(), `SELECT pg_advisory_unlock(5147321)`) }()
	if _, err := conn.Exec(ctx, `CREATE SCHEMA IF NOT EXISTS dateline;
		CREATE TABLE IF NOT EXISTS dateline.migrations (
			version integer PRIMARY KEY, name text NOT NULL, applied timestamptz NOT NULL DEFAULT now())`); err != nil {
		return 0, 0, serverError("create the schema", err)
	}
	if err := conn.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM dateline.migrations`).Scan(&from); err != nil {
		return 0, 0, serverError("read the schema version", err)
	}
	ms := migrations()
	if from > len(ms) {
		return from, from, editor.Errorf(editor.EINVALID, "the server's schema (%d) is newer than this Dateline knows (%d); update Dateline", from, len(ms))
	}
	to = from
	for _, m := range ms[from:] {
		err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, m.SQL); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `INSERT INTO dateline.migrations (version, name) VALUES ($1, $2)`, m.Version, m.Name)
			return err
		})
		if err != nil {
			return from, to, serverError("apply "+m.Name, err)
		}
		to = m.Version
	}
	return from, to, nil
}

// Roles are the newsroom roles a user can have.
var Roles = []string{"correspondent", "editor", "admin"}

// AddUser adds a login role for a person: a member of dateline_user and of
// dateline_<role>, recorded in dateline.users with their desk. An existing
// user gets the new role and desk. The password is set separately (psql's
// \password NAME), so that it never passes through Dateline.
func AddUser(ctx context.Context, dsn, name, role, desk string) error {
	if err := editor.CheckUserName(name); err != nil {
		return err
	}
	known := false
	for _, r := range Roles {
		known = known || r == role
	}
	if !known {
		return editor.Errorf(editor.EINVALID, "role %q: use one of %s", role, strings.Join(Roles, ", "))
	}
	conn, err := Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	id := pgx.Identifier{name}.Sanitize()
	return serverError("add user "+name, pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
		var exists bool
		if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)`, name).Scan(&exists); err != nil {
			return err
		}
		if !exists {
			if _, err := tx.Exec(ctx, `CREATE ROLE `+id+` LOGIN`); err != nil {
				return err
			}
		}
		for _, r := range Roles {
			verb := `REVOKE dateline_` + r + ` FROM ` + id
			if r == role {
				verb = `GRANT dateline_` + r + ` TO ` + id
			}
			if _, err := tx.Exec(ctx, verb); err != nil {
				return err
			}
		}
		_, err := tx.Exec(ctx, `INSERT INTO dateline.users (name, role, desk) VALUES ($1, $2, $3)
			ON CONFLICT (name) DO UPDATE SET role = excluded.role, desk = excluded.desk`, name, role, desk)
		return err
	}))
}

// serverError wraps a server error with what was being done: EINVALID
// with PostgreSQL's own message for anything the server refused (a missing
// schema, a draft the user may not write), EUNAVAILABLE for a connection
// that failed or was lost.
func serverError(op string, err error) error {
	if err == nil {
		return nil
	}
	if _, ok := err.(*editor.Error); ok {
		return err
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch pgErr.Code {
		case "3F000": // no schema "dateline"
			return editor.Errorf(editor.EINVALID, "%s: the server has no Dateline schema; run 'dateline server init --dsn DSN' first (%s)", op, pgErr.Message)
		case "42P01", "42883": // a table or function this build needs is missing
			return editor.Errorf(editor.EINVALID, "%s: the server's Dateline schema is older than this Dateline (it needs schema %d); an admin runs 'dateline server init --dsn DSN' to upgrade it (%s)", op, SchemaVersion(), pgErr.Message)
		}
		return editor.Errorf(editor.EINVALID, "%s: %s (SQLSTATE %s)", op, pgErr.Message, pgErr.Code)
	}
	return editor.Errorf(editor.EUNAVAILABLE, "%s: %v", op, err)
}
