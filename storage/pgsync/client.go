package pgsync

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/dateline-news/dateline/editor"
	"github.com/dateline-news/dateline/storage"
)

// Client is a library's link to its newsroom server as the window uses it
// (editor.Newsroom): the server the library remembers, Sync and Listen on
// it, a connection test that says in plain words what happened, and the
// counts the status bar shows. It holds no connection between calls.
type Client struct {
	lib *storage.DB
}

// NewClient returns the newsroom link of lib.
func NewClient(lib *storage.DB) *Client { return &Client{lib: lib} }

var _ editor.Newsroom = (*Client)(nil)

// Server returns the server the library remembers, "" for none.
func (c *Client) Server(ctx context.Context) (string, error) {
	return c.lib.SyncSetting(ctx, storage.SyncServer)
}

// Connect remembers dsn as the library's server; another server than the
// one remembered starts afresh (storage.SyncForget), as dateline sync
// --server does.
func (c *Client) Connect(ctx context.Context, dsn string) error {
	dsn = strings.TrimSpace(dsn)
	if err := CheckDSN(dsn); err != nil {
		return err
	}
	saved, err := c.Server(ctx)
	if err != nil {
		return err
	}
	if saved != "" && saved != dsn {
		if err := c.lib.SyncForget(ctx); err != nil {
			return err
		}
	}
	return c.lib.SetSyncSetting(ctx, storage.SyncServer, dsn)
}

// Disconnect forgets the server and what the library knows of it.
func (c *Client) Disconnect(ctx context.Context) error {
	if err := c.lib.SyncForget(ctx); err != nil {
		return err
	}
	return c.lib.SetSyncSetting(ctx, storage.SyncServer, "")
}

// server returns the remembered server, ENOTFOUND when there is none.
func (c *Client) server(ctx context.Context) (string, error) {
	dsn, err := c.Server(ctx)
	if err == nil && dsn == "" {
		err = editor.Errorf(editor.ENOTFOUND, "this library is not connected to a newsroom server")
	}
	return dsn, err
}

// Sync runs one Sync with the remembered server. A connection that fails
// because the server refused it (a wrong password, no such user or
// database, no schema) is EINVALID with Check's sentence, not EUNAVAILABLE:
// waiting will not mend it.
func (c *Client) Sync(ctx context.Context) (editor.SyncReport, error) {
	dsn, err := c.server(ctx)
	if err != nil {
		return editor.SyncReport{}, err
	}
	rep := editor.SyncReport{Server: Redact(dsn)}
	res, err := Sync(ctx, c.lib, dsn)
	rep.Pushed, rep.Pulled = res.New, res.Applied
	if err != nil {
		if editor.ErrorCode(err) == editor.EUNAVAILABLE && ctx.Err() == nil {
			switch chk := c.Check(ctx, dsn, ""); chk.Outcome {
			case editor.ServerReached, editor.ServerUnreachable:
			default:
				err = &editor.ServerRefusal{Outcome: chk.Outcome, Err: editor.Errorf(editor.EINVALID, "%s", chk.Message)}
			}
		}
		return rep, err
	}
	rep.At = res.At
	rep.Waiting, err = c.lib.SyncWaiting(ctx)
	return rep, err
}

// Listen waits for pushes on the remembered server (see Listen) and calls
// onPush once when it starts listening too, so that a sync it prompts
// reads whatever was pushed before.
func (c *Client) Listen(ctx context.Context, onPush func()) error {
	dsn, err := c.server(ctx)
	if err != nil {
		return err
	}
	return listen(ctx, dsn, onPush, onPush)
}

// StorePassword keeps the password in the password file (see
// StorePassword) and names the file for people.
func (c *Client) StorePassword(dsn, password string) (string, error) {
	path, err := StorePassword(dsn, password)
	return passfileName(path), err
}

// Waiting counts the revisions the server lacks (storage.SyncWaiting).
func (c *Client) Waiting(ctx context.Context) (int, error) { return c.lib.SyncWaiting(ctx) }

// Heads counts the draft's heads (storage.Heads).
func (c *Client) Heads(ctx context.Context, draftID string) (int, error) {
	heads, err := c.lib.Heads(ctx, draftID)
	return len(heads), err
}

// Check connects to dsn, with password for this attempt when it is not
// empty (else libpq's: PGPASSWORD, ~/.pgpass or PGPASSFILE), and says what
// happened: reached (the database holds Dateline's schema and the user
// is a Dateline user), a wrong password, no such user or database, no
// schema yet, or no server at that address.
func (c *Client) Check(ctx context.Context, dsn, password string) editor.ServerCheck {
	return CheckServer(ctx, dsn, password)
}

// CheckServer is Client.Check, for a server no library remembers yet.
func CheckServer(ctx context.Context, dsn, password string) editor.ServerCheck {
	if err := CheckDSN(dsn); err != nil {
		return editor.ServerCheck{Outcome: editor.ServerRefused, Message: editor.ErrorMessage(err)}
	}
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return editor.ServerCheck{Outcome: editor.ServerRefused, Message: editor.ErrorMessage(err)}
	}
	if password != "" {
		cfg.Password = password
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = connectTimeout
	}
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return connectCheck(err, cfg)
	}
	defer conn.Close(context.Background())
	var schema, member bool
	if err := conn.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname = 'dateline' AND c.relname = 'revisions'),
		EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dateline_user' AND pg_has_role(current_user, oid, 'MEMBER'))`).
		Scan(&schema, &member); err != nil {
		return editor.ServerCheck{Outcome: editor.ServerRefused, Message: "The server answered but a first query failed: " + err.Error()}
	}
	who := Redact(dsn)
	switch {
	case !schema:
		return editor.ServerCheck{Outcome: editor.ServerNotInitialised, Message: fmt.Sprintf(
			"The server answered, but the database %q has no Dateline tables yet: run 'dateline server init' on it.", cfg.Database)}
	case !member:
		return editor.ServerCheck{Outcome: editor.ServerNoUser, Message: fmt.Sprintf(
			"%s can log in but is not a Dateline user: an admin runs 'dateline server adduser %s --role correspondent' (or editor, admin).", cfg.User, cfg.User)}
	}
	return editor.ServerCheck{Outcome: editor.ServerReached, Message: "Reached the newsroom server as " + who + "."}
}

// connectCheck says why a connection attempt failed.
func connectCheck(err error, cfg *pgx.ConnConfig) editor.ServerCheck {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch {
		case pgErr.Code == "28P01":
			return editor.ServerCheck{Outcome: editor.ServerWrongPassword, Message: fmt.Sprintf(
				"The server refused the password for %s: type it again (or mend it in ~/.pgpass).", cfg.User)}
		case pgErr.Code == "3D000":
			return editor.ServerCheck{Outcome: editor.ServerNoDatabase, Message: fmt.Sprintf(
				"The server has no database %q: check the name, or create it (createdb %s) and run 'dateline server init'.", cfg.Database, cfg.Database)}
		case pgErr.Code == "28000" && strings.Contains(pgErr.Message, "does not exist"):
			return editor.ServerCheck{Outcome: editor.ServerNoUser, Message: fmt.Sprintf(
				"The server has no user %s: an admin adds one with 'dateline server adduser %s --role correspondent'.", cfg.User, cfg.User)}
		}
		return editor.ServerCheck{Outcome: editor.ServerRefused, Message: "The server refused the connection: " + pgErr.Message + "."}
	}
	msg := err.Error()
	if i := strings.LastIndex(msg, ": "); i >= 0 {
		msg = msg[i+2:] // the innermost reason: "connect: connection refused"
	}
	if strings.Contains(err.Error(), "tls") || strings.Contains(err.Error(), "x509") || strings.Contains(err.Error(), "SSL") {
		return editor.ServerCheck{Outcome: editor.ServerRefused, Message: fmt.Sprintf(
			"A secure connection to %s:%d failed (%s); check sslmode and the server's certificate.", cfg.Host, cfg.Port, msg)}
	}
	return editor.ServerCheck{Outcome: editor.ServerUnreachable, Message: fmt.Sprintf(
		"No server answered at %s:%d (%s): check the host and port, and the network.", cfg.Host, cfg.Port, msg)}
}
