package pgsync

import (
	"context"
	"os"
	"sync"

	"github.com/jackc/pgx/v5"

	"github.com/dateline-news/dateline/editor"
	"github.com/dateline-news/dateline/storage"
)

// Newsroom is a window's line to the newsroom server for what is not
// sync: who the library's user is, the editors a draft can be assigned
// to, and presence. It reads the server from the library each time (so a
// server set by "dateline sync --server" or the window's Connect is used
// at once), keeps one connection while it works, and makes a new one
// after a failure. It is safe for concurrent use; calls take turns.
type Newsroom struct {
	lib    *storage.DB
	device string

	mu   sync.Mutex
	conn *pgx.Conn
	dsn  string
}

// NewNewsroom returns the newsroom line of lib. device names this laptop
// in presence; "" means the host name, as the library's revisions use.
func NewNewsroom(lib *storage.DB, device string) *Newsroom {
	if device == "" {
		device, _ = os.Hostname()
	}
	return &Newsroom{lib: lib, device: device}
}

// Device is the name this laptop has in presence.
func (n *Newsroom) Device() string { return n.device }

// server returns the library's server, or EUNAVAILABLE when it has none.
func (n *Newsroom) server(ctx context.Context) (string, error) {
	dsn, err := n.lib.SyncSetting(ctx, storage.SyncServer)
	if err != nil {
		return "", err
	}
	if dsn == "" {
		return "", editor.Errorf(editor.EUNAVAILABLE, "no newsroom server is set for this library; connect first (dateline sync --server DSN)")
	}
	return dsn, nil
}

// User returns the library's newsroom user: the login of its server's
// connection string (UserOf), "" when no server is set. It needs no
// network.
func (n *Newsroom) User(ctx context.Context) (string, error) {
	dsn, err := n.lib.SyncSetting(ctx, storage.SyncServer)
	if err != nil || dsn == "" {
		return "", err
	}
	return UserOf(dsn), nil
}

// with runs f on the connection to the library's server, connecting
// first when needed; a failed connection is dropped for the next call.
func (n *Newsroom) with(ctx context.Context, f func(conn *pgx.Conn) error) error {
	dsn, err := n.server(ctx)
	if err != nil {
		return err
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.conn != nil && (n.dsn != dsn || n.conn.IsClosed()) {
		_ = n.conn.Close(context.Background())
		n.conn = nil
	}
	if n.conn == nil {
		conn, err := Connect(ctx, dsn)
		if err != nil {
			return err
		}
		n.conn, n.dsn = conn, dsn
	}
	err = f(n.conn)
	if editor.ErrorCode(err) == editor.EUNAVAILABLE {
		_ = n.conn.Close(context.Background())
		n.conn = nil
	}
	return err
}

// Editors returns the users a draft can be assigned to (Editors).
func (n *Newsroom) Editors(ctx context.Context) ([]string, error) {
	var names []string
	err := n.with(ctx, func(conn *pgx.Conn) (err error) {
		names, err = Editors(ctx, conn)
		return err
	})
	return names, err
}

// Announce says this laptop has the draft open and returns the others
// who have it open (Announce).
func (n *Newsroom) Announce(ctx context.Context, draftID string) ([]editor.Presence, error) {
	var others []editor.Presence
	err := n.with(ctx, func(conn *pgx.Conn) (err error) {
		others, err = Announce(ctx, conn, draftID, n.device)
		return err
	})
	return others, err
}

// Leave says this laptop closed the draft (Leave).
func (n *Newsroom) Leave(ctx context.Context, draftID string) error {
	return n.with(ctx, func(conn *pgx.Conn) error { return Leave(ctx, conn, draftID, n.device) })
}

// Close closes the connection, if one is open.
func (n *Newsroom) Close() error {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.conn == nil {
		return nil
	}
	err := n.conn.Close(context.Background())
	n.conn = nil
	return err
}
