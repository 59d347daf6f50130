package pgsync

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

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
	// MovesPushed and MovesApplied count the moves of drafts (to Trash,
	// back, deleted for good) sent, and pulled that were new here.
	MovesPushed  int `json:"moves_pushed"`
	MovesApplied int `json:"moves_applied"`
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
	if err := checkSchema(ctx, conn); err != nil {
		return res, err
	}
	if err := push(ctx, conn, lib, &res); err != nil {
		return res, err
	}
	if err := pull(ctx, conn, lib, &res); err != nil {
		return res, err
	}
	// A pulled purge can give this laptop back a text of its own as a new
	// draft (see storage/syncdelete.go): it leaves at once.
	if err := push(ctx, conn, lib, &res); err != nil {
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

// checkSchema refuses a server whose schema is older than this build's
// before anything is pushed: a laptop must not push into, or half-pull
// from, a schema that lacks what its sync needs. A server at schema 4 or
// below does not let logins read its version at all; that is older too.
func checkSchema(ctx context.Context, conn *pgx.Conn) error {
	var v int
	err := conn.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM dateline.migrations`).Scan(&v)
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "42501" { // permission denied: schema ≤ 4
		v, err = 0, nil
	}
	if err != nil {
		return serverError("read the server's schema", err)
	}
	if v < SchemaVersion() {
		return editor.Errorf(editor.EINVALID, "the server's Dateline schema is older than this Dateline (it needs schema %d); an admin runs 'dateline server init --dsn DSN' to upgrade it", SchemaVersion())
	}
	return nil
}

// pushHook, when set, is told when a push call starts ("pushing") and
// when it returned ("pushed"). The random test's sync processes announce
// it, so that they can be killed mid-push.
var pushHook func(stage string)

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
			return pushEvents(ctx, conn, lib, res)
		}
		if pushHook != nil {
			pushHook("pushing")
		}
		n, err := PushRevisions(ctx, conn, out)
		if pushHook != nil {
			pushHook("pushed")
		}
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

// pushEvents sends the library's moves of drafts after its revisions (so
// that the server holds a draft before its moves), in batches, each one
// call of dateline.push_events.
func pushEvents(ctx context.Context, conn *pgx.Conn, lib *storage.DB, res *Result) error {
	for {
		out, err := lib.SyncEventOutbox(ctx, pushBatch)
		if err != nil {
			return err
		}
		if len(out) == 0 {
			return nil
		}
		if pushHook != nil {
			pushHook("pushing")
		}
		_, err = PushEvents(ctx, conn, out)
		if pushHook != nil {
			pushHook("pushed")
		}
		if err != nil {
			res.Waiting = len(out)
			return err
		}
		res.MovesPushed += len(out)
		ids := make([]string, len(out))
		for i, e := range out {
			ids[i] = e.ID
		}
		if err := lib.SyncEventsPushed(ctx, ids); err != nil {
			return err
		}
	}
}

// PushEvents sends moves of drafts in one call of the server's
// push_events function and returns how many were new to the server.
func PushEvents(ctx context.Context, conn *pgx.Conn, evs []storage.SyncEvent) (int, error) {
	batch, err := json.Marshal(evs)
	if err != nil {
		return 0, editor.Errorf(editor.EINTERNAL, "encode moves: %v", err)
	}
	var n int
	if err := conn.QueryRow(ctx, `SELECT dateline.push_events($1::jsonb)`, string(batch)).Scan(&n); err != nil {
		return 0, serverError("push", err)
	}
	return n, nil
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
//
// A draft that became visible to the user since the cursor (shared with
// them, moved to their desk: see the server's visible_since) brings its
// whole history: first note_visible records what the user sees now, then
// the pull reads those drafts' older revisions before the new ones.
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
	var newlyVisible int
	if err := conn.QueryRow(ctx, `SELECT dateline.note_visible()`).Scan(&newlyVisible); err != nil {
		return serverError("pull", err)
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
	if cursor != "0" {
		// The older history of the drafts that became visible since the
		// cursor (the newer revisions come with everything else below).
		if err := pullPages(ctx, tx, lib, res, `
			SELECT id, draft_id, parents, kind, created, hlc, device, author, words, note, conflict, doc, xid::text
			FROM dateline.revisions
			WHERE draft_id IN (SELECT draft_id FROM dateline.visible_since WHERE login = session_user AND xid >= $1::xid8)
				AND xid < $1::xid8 AND (xid, id) > ($2::xid8, $3)
			ORDER BY xid, id LIMIT $4`, cursor, "0"); err != nil {
			return err
		}
	}
	if err := pullPages(ctx, tx, lib, res, `
		SELECT id, draft_id, parents, kind, created, hlc, device, author, words, note, conflict, doc, xid::text
		FROM dateline.revisions
		WHERE xid >= $1::xid8 AND (xid, id) > ($2::xid8, $3)
		ORDER BY xid, id LIMIT $4`, cursor, cursor); err != nil {
		return err
	}
	if err := pullEvents(ctx, tx, lib, res, cursor); err != nil {
		return err
	}
	if err := tx.Commit(ctx); err != nil {
		return serverError("pull", err)
	}
	return lib.SetSyncSetting(ctx, storage.SyncPullCursor, xmin)
}

// pullEvents reads the moves of drafts committed since the cursor, and
// every move of the drafts that became visible since, in the pull's
// transaction after its revisions, and applies them.
func pullEvents(ctx context.Context, tx pgx.Tx, lib *storage.DB, res *Result, cursor string) error {
	rows, err := tx.Query(ctx, `
		SELECT id, draft_id, kind, heads, created, hlc, device, author
		FROM dateline.events
		WHERE xid >= $1::xid8 OR draft_id IN (
			SELECT draft_id FROM dateline.visible_since WHERE login = session_user AND xid >= $1::xid8)
		ORDER BY xid, id`, cursor)
	if err != nil {
		return serverError("pull", err)
	}
	var evs []storage.SyncEvent
	for rows.Next() {
		var e storage.SyncEvent
		if err := rows.Scan(&e.ID, &e.DraftID, &e.Kind, &e.Heads, &e.Created, &e.HLC, &e.Device, &e.Author); err != nil {
			rows.Close()
			return serverError("pull", err)
		}
		evs = append(evs, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return serverError("pull", err)
	}
	if len(evs) == 0 {
		return nil
	}
	n, err := lib.SyncApplyEvents(ctx, evs)
	if err != nil {
		return err
	}
	res.MovesApplied += n
	return nil
}

// pullPages reads the revisions query returns, page by page in (xid, id)
// order from after (from, ""), and applies each page. query takes the
// cursor, the last xid and ID read, and the page size.
func pullPages(ctx context.Context, tx pgx.Tx, lib *storage.DB, res *Result, query, cursor, from string) error {
	lastXid, lastID := from, ""
	for {
		rows, err := tx.Query(ctx, query, cursor, lastXid, lastID, pullPage)
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
			return nil
		}
		n, err := lib.SyncApply(ctx, page)
		if err != nil {
			return err
		}
		res.Pulled += len(page)
		res.Applied += n
		if len(page) < pullPage {
			return nil
		}
	}
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
