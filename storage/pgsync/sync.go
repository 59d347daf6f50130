package pgsync

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/dateline-news/dateline/editor"
	"github.com/dateline-news/dateline/storage"
)

// Batch sizes: revisions per push call, and per page of a pull.
const (
	pushBatch = 500
	pullPage  = 2000
)

// Result is what one Sync did.
type Result struct {
	Server string `json:"server"`
	// Pushed is how many revisions were sent, New how many of them the
	// server did not hold yet (a replayed push sends some twice).
	Pushed int `json:"pushed"`
	New    int `json:"new_on_server"`
	// Pulled is how many revisions the pull read, Applied how many of
	// them were new to this library.
	Pulled  int `json:"pulled"`
	Applied int `json:"applied"`
	// Waiting is how many revisions of this library the server still
	// lacks (0 after a complete sync).
	Waiting int `json:"waiting"`
	// Profile says what happened to the publication profile: "pushed",
	// "pulled", "kept" (changed here by someone who is not an admin: it
	// stays on this laptop, and the server's is not taken over it) or "".
	Profile string    `json:"profile,omitempty"`
	At      time.Time `json:"at"`
}

// Sync pushes every revision of lib the server lacks, then pulls every
// revision the library lacks, over one connection to dsn. It is safe to
// stop at any point (a cancelled context, a lost connection, a killed
// process): a push is one server transaction and is recorded locally only
// after it committed, a replayed push changes nothing, and the pull cursor
// moves only after the pulled revisions are in the library. The library
// stays usable throughout.
func Sync(ctx context.Context, lib *storage.DB, dsn string) (Result, error) {
	res := Result{Server: Redact(dsn)}
	conn, err := Connect(ctx, dsn)
	if err != nil {
		return res, err
	}
	defer conn.Close(context.Background())
	if err := push(ctx, conn, lib, &res); err != nil {
		return res, err
	}
	if err := pull(ctx, conn, lib, &res); err != nil {
		return res, err
	}
	if err := syncProfile(ctx, conn, lib, &res); err != nil {
		return res, err
	}
	res.At = time.Now()
	if err := lib.SetSyncSetting(ctx, storage.SyncLast, res.At.UTC().Format(time.RFC3339)); err != nil {
		return res, err
	}
	return res, nil
}

// push sends the library's outbox in batches, each one call of
// dateline.push (one transaction), and records each batch as pushed once
// it committed.
func push(ctx context.Context, conn *pgx.Conn, lib *storage.DB, res *Result) error {
	for {
		out, err := lib.SyncOutbox(ctx, pushBatch)
		if err != nil {
			return err
		}
		if len(out) == 0 {
			return nil
		}
		n, err := PushRevisions(ctx, conn, out)
		if err != nil {
			res.Waiting = len(out)
			return err
		}
		res.Pushed += len(out)
		res.New += n
		ids := make([]string, len(out))
		for i, r := range out {
			ids[i] = r.ID
		}
		if err := lib.SyncPushed(ctx, ids); err != nil {
			return err
		}
	}
}

// PushRevisions sends revisions in one call of the server's push function
// and returns how many were new to the server. It records nothing locally.
func PushRevisions(ctx context.Context, conn *pgx.Conn, revs []storage.SyncRevision) (int, error) {
	batch, err := json.Marshal(revs)
	if err != nil {
		return 0, editor.Errorf(editor.EINTERNAL, "encode revisions: %v", err)
	}
	var n int
	if err := conn.QueryRow(ctx, `SELECT dateline.push($1::jsonb)`, string(batch)).Scan(&n); err != nil {
		return 0, serverError("push", err)
	}
	return n, nil
}

// pull reads every revision committed since the library's cursor, in one
// REPEATABLE READ transaction, and applies them page by page. The new
// cursor is the xmin of that transaction's snapshot: every transaction
// below it had finished when the snapshot was taken, so everything it
// wrote was read now; a push still in flight has an ID at or above it and
// is read next time. Revisions read twice are harmless.
func pull(ctx context.Context, conn *pgx.Conn, lib *storage.DB, res *Result) error {
	cursor, err := lib.SyncSetting(ctx, storage.SyncPullCursor)
	if err != nil {
		return err
	}
	if cursor == "" {
		cursor = "0"
	}
	if _, err := strconv.ParseUint(cursor, 10, 64); err != nil {
		cursor = "0"
	}
	tx, err := conn.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return serverError("pull", err)
	}
	defer func() { _ = tx.Rollback(context.Background()) }()
	var xmin string
	if err := tx.QueryRow(ctx, `SELECT pg_snapshot_xmin(pg_current_snapshot())::text`).Scan(&xmin); err != nil {
		return serverError("pull", err)
	}
	lastXid, lastID := cursor, ""
	for {
		rows, err := tx.Query(ctx, `
			SELECT id, draft_id, parents, kind, created, hlc, device, author, words, note, conflict, doc, xid::text
			FROM dateline.revisions
			WHERE xid >= $1::xid8 AND (xid, id) > ($2::xid8, $3)
			ORDER BY xid, id LIMIT $4`, cursor, lastXid, lastID, pullPage)
		if err != nil {
			return serverError("pull", err)
		}
		var page []storage.SyncRevision
		for rows.Next() {
			var r storage.SyncRevision
			if err := rows.Scan(&r.ID, &r.DraftID, &r.Parents, &r.Kind, &r.Created, &r.HLC, &r.Device, &r.Author,
				&r.Words, &r.Note, &r.Conflict, &r.Doc, &lastXid); err != nil {
				rows.Close()
				return serverError("pull", err)
			}
			lastID = r.ID
			page = append(page, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return serverError("pull", err)
		}
		if len(page) == 0 {
			break
		}
		n, err := lib.SyncApply(ctx, page)
		if err != nil {
			return err
		}
		res.Pulled += len(page)
		res.Applied += n
		if len(page) < pullPage {
			break
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return serverError("pull", err)
	}
	return lib.SetSyncSetting(ctx, storage.SyncPullCursor, xmin)
}

// Listen waits on the server's push notifications and calls onPush after
// each push by anyone that added revisions, until ctx ends or the
// connection fails. A laptop that is online uses it to pull at once. The
// notification names nothing, since every listener receives it whatever
// it may read: the pull that follows gets what row-level security allows.
func Listen(ctx context.Context, dsn string, onPush func()) error {
	return listen(ctx, dsn, nil, onPush)
}

// listen is Listen that calls ready, when not nil, once it listens.
func listen(ctx context.Context, dsn string, ready, onPush func()) error {
	conn, err := Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(ctx, `LISTEN dateline_push`); err != nil {
		return serverError("listen", err)
	}
	if ready != nil {
		ready()
	}
	for {
		_, err := conn.WaitForNotification(ctx)
		if err != nil {
			if errors.Is(ctx.Err(), context.Canceled) || errors.Is(ctx.Err(), context.DeadlineExceeded) {
				return nil
			}
			return serverError("listen", err)
		}
		onPush()
	}
}

// ServerHeads returns every draft's heads on the server, winner first, as
// the caller may see them.
func ServerHeads(ctx context.Context, conn *pgx.Conn) (map[string][]string, error) {
	rows, err := conn.Query(ctx, `
		SELECT h.draft_id, h.revision_id
		FROM dateline.heads h JOIN dateline.drafts d ON d.id = h.draft_id JOIN dateline.revisions r ON r.id = h.revision_id
		ORDER BY h.draft_id, h.revision_id = d.winner DESC, r.conflict, r.hlc DESC, r.device COLLATE "C" DESC, r.id COLLATE "C" DESC`)
	if err != nil {
		return nil, serverError("read heads", err)
	}
	defer rows.Close()
	heads := map[string][]string{}
	for rows.Next() {
		var d, r string
		if err := rows.Scan(&d, &r); err != nil {
			return nil, serverError("read heads", err)
		}
		heads[d] = append(heads[d], r)
	}
	return heads, serverError("read heads", rows.Err())
}

// syncProfile brings the publication profile in line with the server's.
// A profile saved here since the last sync is pushed when the user is an
// admin (its clock stamp goes above the server's: the last admin to sync
// a change wins, and the one it replaced stays in no history, as the
// profile has none); for anyone else it stays here and the server's is
// not taken over it. Otherwise the server's profile, when newer, is
// applied.
func syncProfile(ctx context.Context, conn *pgx.Conn, lib *storage.DB, res *Result) error {
	p, err := lib.ProfileForSync(ctx)
	if err != nil {
		return err
	}
	if p.Changed && p.Doc != "" {
		var admin bool
		if err := conn.QueryRow(ctx, `SELECT dateline.is_role('admin')
			OR coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false)`).Scan(&admin); err != nil {
			return serverError("profile", err)
		}
		if !admin {
			res.Profile = "kept"
			return nil
		}
		var v int64
		if err := conn.QueryRow(ctx, `INSERT INTO dateline.profile (id, doc, hlc) VALUES (1, $1, $2)
			ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, hlc = greatest(excluded.hlc, dateline.profile.hlc + 1),
				xid = pg_current_xact_id()
			RETURNING hlc`, p.Doc, p.Version).Scan(&v); err != nil {
			return serverError("push the profile", err)
		}
		res.Profile = "pushed"
		return lib.ApplyProfile(ctx, p.Doc, v, p.Version)
	}
	var (
		doc string
		v   int64
	)
	err = conn.QueryRow(ctx, `SELECT doc, hlc FROM dateline.profile WHERE id = 1`).Scan(&doc, &v)
	if errors.Is(err, pgx.ErrNoRows) || (err == nil && v == p.Version && p.Doc != "") {
		return nil
	} else if err != nil {
		return serverError("pull the profile", err)
	}
	res.Profile = "pulled"
	return lib.ApplyProfile(ctx, doc, v, p.Version)
}
