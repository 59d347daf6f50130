package pgsync

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/dateline-news/dateline/editor"
)

// Presence timing: a laptop with a draft open announces it every
// PresenceInterval; the server shows it to others for PresenceWindow
// after the last announcement (dateline.announce, schema 2), so a laptop
// that closed without saying so drops out on its own.
const (
	PresenceInterval = 30 * time.Second
	PresenceWindow   = 2 * time.Minute
)

// Announce tells the server that this login has the draft open on device,
// and returns the others who had it open within PresenceWindow, newest
// first. A draft not on the server yet, or one the caller may not see,
// returns nobody. Presence is advisory: it never stops anyone saving.
func Announce(ctx context.Context, conn *pgx.Conn, draftID, device string) ([]editor.Presence, error) {
	rows, err := conn.Query(ctx, `SELECT who, on_device, seconds_ago FROM dateline.announce($1, $2)`, draftID, device)
	if err != nil {
		return nil, serverError("announce", err)
	}
	others, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (editor.Presence, error) {
		var p editor.Presence
		var secs int
		err := r.Scan(&p.User, &p.Device, &secs)
		p.Ago = time.Duration(secs) * time.Second
		return p, err
	})
	return others, serverError("announce", err)
}

// Leave tells the server that this login closed the draft on device.
func Leave(ctx context.Context, conn *pgx.Conn, draftID, device string) error {
	_, err := conn.Exec(ctx, `SELECT dateline.leave($1, $2)`, draftID, device)
	return serverError("leave", err)
}
