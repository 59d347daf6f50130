package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/dateline-news/dateline/editor"
)

// Moving a draft to Trash, bringing it back and deleting it for good travel
// between laptops as events (the sync_events table, schema 6): data that
// only grows, keyed by UUIDv7 and stamped with the hybrid logical clock
// like revisions, never a change of a row that sync cannot see. Every
// replica derives a draft's place from its events and its heads by one
// rule (derivedPlaceTx):
//
//   - A purge is final: once any laptop deleted the draft for good, it is
//     deleted for good everywhere, whatever arrives later. Revisions of it
//     pushed afterwards (by a laptop that was behind) are still kept,
//     whole, on the server and every laptop, so nothing is lost, but they
//     never bring it back. The laptop that wrote a text the purge had not
//     seen (a head the purge did not name) gets that text back as a new
//     draft, the only copy, noted "kept from … deleted for good on another
//     laptop".
//   - Otherwise the newest trash or restore event (by clock, then device,
//     then ID) decides, with one exception: a draft stays in Trash only
//     while every head it has is one the trash saw. An edit the trash did
//     not see (written on a laptop that had not pulled it yet, or saved in
//     a window left open) brings the draft back out of Trash: the edit is
//     never hidden.
//
// Trash, Untrash, Delete and EmptyTrash change only the draft row, as
// before. Sync notices the change when it next seals (sealTx): the row's
// place differs from what sync last knew (sync_draft_state), so it
// records the event, with the heads the laptop holds then. A row whose
// place agrees with what sync knew but not with the derived place was
// moved elsewhere; sync moves it.

// Event kinds.
const (
	EventTrash   = "trash"
	EventRestore = "restore"
	EventPurge   = "purge"
)

// SyncEvent is one move of a draft as sync carries it: to Trash, back
// from it, or deleted for good, with the heads the laptop held when it
// recorded the move.
type SyncEvent struct {
	ID      string   `json:"id"`
	DraftID string   `json:"draft_id"`
	Kind    string   `json:"kind"`
	Heads   []string `json:"heads"`
	Created int64    `json:"created"`
	HLC     int64    `json:"hlc"`
	Device  string   `json:"device"`
	Author  string   `json:"author"`
}

// Draft places: live, in Trash, deleted for good.
const (
	placeLive   = "live"
	placeTrash  = "trash"
	placePurged = "purged"
)

// SyncEventOutbox seals what is new (see sealTx) and returns up to limit
// sealed events the server does not hold yet, oldest clock first.
func (db *DB) SyncEventOutbox(ctx context.Context, limit int) ([]SyncEvent, error) {
	var out []SyncEvent
	err := db.update(ctx, "read moves to push", func(tx *sql.Tx) error {
		if err := db.sealTx(ctx, tx); err != nil {
			return err
		}
		var err error
		out, err = queryEvents(ctx, tx, `WHERE pushed = 0 ORDER BY hlc, id LIMIT ?`, limit)
		return err
	})
	return out, err
}

// SyncAllEvents returns every sealed event of the library, oldest clock
// first, after sealing the new ones.
func (db *DB) SyncAllEvents(ctx context.Context) ([]SyncEvent, error) {
	var out []SyncEvent
	err := db.update(ctx, "read moves", func(tx *sql.Tx) error {
		if err := db.sealTx(ctx, tx); err != nil {
			return err
		}
		var err error
		out, err = queryEvents(ctx, tx, `WHERE hlc IS NOT NULL ORDER BY hlc, id`)
		return err
	})
	return out, err
}

// SyncEventsPushed records that the server holds these events.
func (db *DB) SyncEventsPushed(ctx context.Context, ids []string) error {
	return db.update(ctx, "record pushed moves", func(tx *sql.Tx) error {
		for _, id := range ids {
			if _, err := tx.ExecContext(ctx, `UPDATE sync_events SET pushed = 1 WHERE id = ? AND pushed = 0`, id); err != nil {
				return err
			}
		}
		return nil
	})
}

// SyncApplyEvents brings events from the server into the library, in one
// transaction, and returns how many were new; then every draft takes the
// place its events and heads give it. An event of a draft this library
// does not hold is left out (the server holds a draft's revisions before
// its events, and pull reads them first).
func (db *DB) SyncApplyEvents(ctx context.Context, evs []SyncEvent) (int, error) {
	added := 0
	err := db.update(ctx, "apply pulled moves", func(tx *sql.Tx) error {
		added = 0
		if err := db.sealTx(ctx, tx); err != nil {
			return err
		}
		for _, e := range evs {
			switch e.Kind {
			case EventTrash, EventRestore, EventPurge:
			default:
				return editor.Errorf(editor.EINVALID, "move %s from the server is of unknown kind %q", e.ID, e.Kind)
			}
			heads, err := json.Marshal(nonNil(e.Heads))
			if err != nil {
				return err
			}
			res, err := tx.ExecContext(ctx, `
				INSERT INTO sync_events (id, draft_id, kind, heads, created, hlc, device, author, pushed)
				SELECT ?, ?, ?, ?, ?, ?, ?, ?, 1 WHERE EXISTS (SELECT 1 FROM drafts WHERE id = ?)
				ON CONFLICT (id) DO UPDATE SET pushed = 1`,
				e.ID, e.DraftID, e.Kind, string(heads), e.Created, e.HLC, e.Device, e.Author, e.DraftID)
			if err != nil {
				return fmt.Errorf("add move %s from the server: %w", e.ID, err)
			}
			if n, _ := res.RowsAffected(); n > 0 {
				added++
			}
		}
		return db.placeDraftsTx(ctx, tx)
	})
	if err != nil {
		return 0, err
	}
	return added, nil
}

func queryEvents(ctx context.Context, tx *sql.Tx, where string, args ...any) ([]SyncEvent, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, draft_id, kind, heads, created, ifnull(hlc, 0), device, author FROM sync_events `+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []SyncEvent
	for rows.Next() {
		var (
			e     SyncEvent
			heads string
		)
		if err := rows.Scan(&e.ID, &e.DraftID, &e.Kind, &heads, &e.Created, &e.HLC, &e.Device, &e.Author); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(heads), &e.Heads); err != nil {
			return nil, fmt.Errorf("move %s: heads: %w", e.ID, err)
		}
		e.Heads = nonNil(e.Heads)
		out = append(out, e)
	}
	return out, rows.Err()
}

// sealEventsTx stamps every event without a clock stamp, in the order
// they were recorded, continuing the clock from l.
func sealEventsTx(ctx context.Context, tx *sql.Tx, l int64) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, created FROM sync_events WHERE hlc IS NULL ORDER BY created, id`)
	if err != nil {
		return fmt.Errorf("find moves to seal: %w", err)
	}
	type stamp struct {
		id  string
		hlc int64
	}
	var stamps []stamp
	for rows.Next() {
		var (
			id      string
			created int64
		)
		if err := rows.Scan(&id, &created); err != nil {
			rows.Close()
			return fmt.Errorf("find moves to seal: %w", err)
		}
		l = max(l+1, created)
		stamps = append(stamps, stamp{id, l})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("find moves to seal: %w", err)
	}
	for _, s := range stamps {
		if _, err := tx.ExecContext(ctx, `UPDATE sync_events SET hlc = ? WHERE id = ?`, s.hlc, s.id); err != nil {
			return fmt.Errorf("seal move: %w", err)
		}
	}
	return nil
}

// placeDraftsTx brings every draft that has been moved (in Trash, deleted
// for good, or with events) in line: a row moved by the user since sync
// last looked gets its event; any other row takes its derived place.
func (db *DB) placeDraftsTx(ctx context.Context, tx *sql.Tx) error {
	ids, err := queryStrings(ctx, tx, `
		SELECT id FROM drafts WHERE trashed_at IS NOT NULL
		UNION SELECT draft_id FROM sync_draft_state
		UNION SELECT draft_id FROM sync_events
		ORDER BY 1`)
	if err != nil {
		return fmt.Errorf("find moved drafts: %w", err)
	}
	for _, id := range ids {
		if err := db.placeDraftTx(ctx, tx, id); err != nil {
			return err
		}
	}
	return nil
}

func (db *DB) placeDraftTx(ctx context.Context, tx *sql.Tx, id string) error {
	var (
		seq             int64
		trashed, purged bool
		known           sql.NullString
	)
	err := tx.QueryRowContext(ctx, `
		SELECT d.seq, d.trashed_at IS NOT NULL, d.purged_at IS NOT NULL, s.state
		FROM drafts d LEFT JOIN sync_draft_state s ON s.draft_id = d.id WHERE d.id = ?`, id).
		Scan(&seq, &trashed, &purged, &known)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	} else if err != nil {
		return fmt.Errorf("read draft place: %w", err)
	}
	row := placeLive
	switch {
	case purged:
		row = placePurged
	case trashed:
		row = placeTrash
	}
	was := placeLive
	if known.Valid {
		was = known.String
	}
	heads, err := headsTx(ctx, tx, id)
	if err != nil {
		return err
	}
	headIDs := make([]string, len(heads))
	for i, h := range heads {
		headIDs[i] = h.ID
	}
	if row != was && was != placePurged {
		// Moved here by the user since sync last looked: record it.
		kind := map[string]string{placeLive: EventRestore, placeTrash: EventTrash, placePurged: EventPurge}[row]
		hs, err := json.Marshal(headIDs)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO sync_events (id, draft_id, kind, heads, created, device, author)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, editor.NewRevisionID(), id, kind, string(hs), nanos(db.now()), db.device, db.author); err != nil {
			return fmt.Errorf("record move: %w", err)
		}
		return setKnownPlaceTx(ctx, tx, id, row)
	}
	want, trashedAt, purgeHeads, err := derivedPlaceTx(ctx, tx, id, headIDs)
	if err != nil {
		return err
	}
	if want == row {
		if row != was {
			return setKnownPlaceTx(ctx, tx, id, row)
		}
		return nil
	}
	switch want {
	case placeLive:
		if row == placePurged {
			return nil // never undone
		}
		_, err = tx.ExecContext(ctx, `UPDATE drafts SET trashed_at = NULL WHERE seq = ?`, seq)
	case placeTrash:
		if row == placePurged {
			return nil
		}
		_, err = tx.ExecContext(ctx, `UPDATE drafts SET trashed_at = ifnull(trashed_at, ?) WHERE seq = ?`, trashedAt, seq)
	case placePurged:
		if err = purgeTx(ctx, tx, []int64{seq}, db.now()); err == nil {
			err = db.rescueTx(ctx, tx, id, heads, purgeHeads)
		}
	}
	if err != nil {
		return fmt.Errorf("move draft %s: %w", id, err)
	}
	return setKnownPlaceTx(ctx, tx, id, want)
}

func setKnownPlaceTx(ctx context.Context, tx *sql.Tx, id, place string) error {
	var err error
	if place == placeLive {
		_, err = tx.ExecContext(ctx, `DELETE FROM sync_draft_state WHERE draft_id = ?`, id)
	} else {
		_, err = tx.ExecContext(ctx, `INSERT INTO sync_draft_state (draft_id, state) VALUES (?, ?)
			ON CONFLICT (draft_id) DO UPDATE SET state = excluded.state`, id, place)
	}
	if err != nil {
		return fmt.Errorf("record draft place: %w", err)
	}
	return nil
}

// derivedPlaceTx is the place the draft's events and heads give it, the
// same on every replica that holds the same events and revisions (see
// the top of this file). For Trash it also returns the trash's time; for
// a purge, every head the purges saw.
func derivedPlaceTx(ctx context.Context, tx *sql.Tx, id string, heads []string) (place string, trashedAt int64, purgeHeads []string, err error) {
	evs, err := queryEvents(ctx, tx, `WHERE draft_id = ? ORDER BY hlc IS NULL, hlc, device, id`, id)
	if err != nil {
		return "", 0, nil, fmt.Errorf("read moves: %w", err)
	}
	var last *SyncEvent
	purged := false
	for i := range evs {
		e := &evs[i]
		if e.Kind == EventPurge {
			purged = true
			purgeHeads = append(purgeHeads, e.Heads...)
			continue
		}
		last = e
	}
	if purged {
		return placePurged, 0, purgeHeads, nil
	}
	if last == nil || last.Kind != EventTrash {
		return placeLive, 0, nil, nil
	}
	for _, h := range heads {
		if !slices.Contains(last.Heads, h) {
			return placeLive, 0, nil, nil // an edit the trash did not see
		}
	}
	return placeTrash, last.Created, nil, nil
}

// rescueTx keeps, as new drafts, the texts of a draft deleted for good on
// another laptop that this laptop wrote and the purge did not see: heads
// of this device that the purge did not name. Only the laptop that wrote
// a text rescues it, so that there is one copy. A text that cannot be
// saved as a draft (it does not validate) stays a revision of the deleted
// draft, as every revision does.
func (db *DB) rescueTx(ctx context.Context, tx *sql.Tx, id string, heads []Head, seen []string) error {
	for _, h := range heads {
		if h.Device != db.device || slices.Contains(seen, h.ID) {
			continue
		}
		var doc string
		if err := tx.QueryRowContext(ctx, `SELECT doc FROM revisions WHERE id = ?`, h.ID).Scan(&doc); err != nil {
			return fmt.Errorf("read the text to keep: %w", err)
		}
		a, err := unmarshalArticle(doc)
		if err != nil {
			continue
		}
		a.ID = editor.NewID()
		a.BaseRevision, a.BaseSaved = "", time.Time{}
		a.Status, a.Published, a.CorrectionNote = editor.StatusDraft, time.Time{}, ""
		if err := checkSlugFree(ctx, tx, a.Slug, a.ID); err != nil {
			a.Slug = a.Slug + "-kept-" + a.ID[:8]
		}
		if _, err := tx.ExecContext(ctx, `SAVEPOINT rescue`); err != nil {
			return err
		}
		_, err = db.saveTx(ctx, tx, a, editor.SaveOptions{Kind: editor.RevisionRestore,
			Note: "kept from " + shortID(id) + ", deleted for good on another laptop"}, true, db.now())
		if err != nil {
			if _, rerr := tx.ExecContext(ctx, `ROLLBACK TO rescue`); rerr != nil {
				return rerr
			}
			if editor.ErrorCode(err) == editor.EINTERNAL {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `RELEASE rescue`); err != nil {
			return err
		}
	}
	return nil
}

func queryStrings(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]string, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
