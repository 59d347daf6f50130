package pgsync

import (
	"context"
	"errors"
	"sort"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/dateline-news/dateline/editor"
)

// User is one newsroom user as the server knows them.
type User struct {
	Name string `json:"name"`
	Role string `json:"role"`
	Desk string `json:"desk,omitempty"`
}

// UserOf returns the user a connection string logs in as: its user, else
// PGUSER, else the operating-system login (libpq's rule), or "" when the
// string cannot be read. It needs no server: it is how a library knows
// its newsroom user offline ("Filed to me").
func UserOf(dsn string) string {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return ""
	}
	return cfg.User
}

// Users returns the newsroom's users, by name.
func Users(ctx context.Context, conn *pgx.Conn) ([]User, error) {
	rows, err := conn.Query(ctx, `SELECT name, role, desk FROM dateline.users ORDER BY name`)
	if err != nil {
		return nil, serverError("read the users", err)
	}
	users, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (User, error) {
		var u User
		err := r.Scan(&u.Name, &u.Role, &u.Desk)
		return u, err
	})
	return users, serverError("read the users", err)
}

// Editors returns the names of the users a draft can be assigned to: the
// editors and admins, by name.
func Editors(ctx context.Context, conn *pgx.Conn) ([]string, error) {
	users, err := Users(ctx, conn)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, u := range users {
		if u.Role == "editor" || u.Role == "admin" {
			names = append(names, u.Name)
		}
	}
	return names, nil
}

// Share shares the draft with the user (on) or stops sharing it (off) and
// reports whether anything changed. The server decides who may: the
// draft's owner, an editor of its desk, or an admin (dateline.share and
// the check_share trigger, schema 2); anyone else gets EINVALID with the
// server's reason. A draft the server does not hold, or the caller may
// not see, is ENOTFOUND. Stopping a share hides the draft from the user
// on the server from then on; what their laptop already pulled stays
// there.
func Share(ctx context.Context, conn *pgx.Conn, draftID, user string, on bool) (bool, error) {
	if err := editor.CheckUserName(user); err != nil {
		return false, err
	}
	var changed bool
	err := conn.QueryRow(ctx, `SELECT dateline.share($1, $2, $3)`, draftID, user, on).Scan(&changed)
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "P0002" {
		return false, editor.Errorf(editor.ENOTFOUND, "%s", pgErr.Message)
	}
	if errors.As(err, &pgErr) && pgErr.Code == "23503" {
		return false, editor.Errorf(editor.ENOTFOUND, "%s; 'dateline server adduser' adds one", pgErr.Message)
	}
	return changed, serverError("share", err)
}

// SharedWith returns the users the draft is shared with, by name, as far
// as the caller may see the draft.
func SharedWith(ctx context.Context, conn *pgx.Conn, draftID string) ([]string, error) {
	rows, err := conn.Query(ctx, `SELECT grantee FROM dateline.shares WHERE draft_id = $1`, draftID)
	if err != nil {
		return nil, serverError("read the shares", err)
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, serverError("read the shares", err)
	}
	sort.Strings(names)
	return names, nil
}
