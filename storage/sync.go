package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/dateline-news/dateline/editor"
)

// SyncRevision is one revision as sync moves it between a library and the
// newsroom server (storage/pgsync): every column, the article as the JSON
// text it was saved as (byte for byte), and the hybrid logical clock stamp
// it was sealed with.
type SyncRevision struct {
	ID      string   `json:"id"`
	DraftID string   `json:"draft_id"`
	Parents []string `json:"parents"`
	Kind    string   `json:"kind"`
	// Created is when the revision was written, in Unix nanoseconds on
	// the writing laptop's clock, which may be wrong.
	Created int64 `json:"created"`
	// HLC orders revisions across laptops: it is above the HLC of every
	// revision the writing laptop had seen, its parents included.
	HLC      int64  `json:"hlc"`
	Device   string `json:"device"`
	Author   string `json:"author"`
	Words    int    `json:"words"`
	Note     string `json:"note"`
	Conflict bool   `json:"conflict"`
	Doc      string `json:"doc"`
}

// Sync settings kept in the library (sync_state).
const (
	// SyncServer is the server's connection string, never with a password.
	SyncServer = "server"
	// SyncPullCursor is the server transaction snapshot's xmin at the last
	// complete pull.
	SyncPullCursor = "pull_xmin"
	// SyncLast is when the last sync completed (RFC 3339).
	SyncLast = "last_sync"
)

// SyncSetting returns a sync setting, "" when unset.
func (db *DB) SyncSetting(ctx context.Context, key string) (string, error) {
	var v string
	err := db.read.QueryRowContext(ctx, `SELECT value FROM sync_state WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	} else if err != nil {
		return "", db.storeError("read sync setting", err)
	}
	return v, nil
}

// SetSyncSetting stores a sync setting.
func (db *DB) SetSyncSetting(ctx context.Context, key, value string) error {
	return db.update(ctx, "store sync setting", func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO sync_state (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
		return err
	})
}

// SyncForget forgets what the library knows of its server: which
// revisions it holds and how far the pull got. Sync with another server
// starts this way, pushing everything and pulling from the start; both
// are idempotent, so forgetting too much only costs time.
func (db *DB) SyncForget(ctx context.Context) error {
	return db.update(ctx, "forget the server", func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE sync_revisions SET pushed = 0 WHERE pushed = 1`); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM sync_state WHERE key = ?`, SyncPullCursor)
		return err
	})
}

// SyncOutbox seals every revision written on this laptop since the last
// call (see sealTx) and returns up to limit sealed revisions the server
// does not hold yet, oldest clock first, with their article text. A sealed
// revision never changes again: an autosave that would have coalesced into
// it makes a revision of its own.
func (db *DB) SyncOutbox(ctx context.Context, limit int) ([]SyncRevision, error) {
	var out []SyncRevision
	err := db.update(ctx, "read revisions to push", func(tx *sql.Tx) error {
		if err := db.sealTx(ctx, tx); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `
			SELECT r.id, r.draft_id, r.parent_id, s.merge_parent, r.kind, r.created, s.hlc, r.device, r.author,
				r.words, r.note, r.conflict, r.doc
			FROM sync_revisions s JOIN revisions r ON r.id = s.revision_id
			WHERE s.pushed = 0 ORDER BY s.hlc LIMIT ?`, limit)
		if err != nil {
			return err
		}
		out, err = scanSyncRevisions(rows)
		return err
	})
	return out, err
}

// SyncAll returns every sealed revision of the library, pushed or not,
// oldest clock first, after sealing the new ones. Tests use it to replay
// pushes.
func (db *DB) SyncAll(ctx context.Context) ([]SyncRevision, error) {
	var out []SyncRevision
	err := db.update(ctx, "read revisions", func(tx *sql.Tx) error {
		if err := db.sealTx(ctx, tx); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `
			SELECT r.id, r.draft_id, r.parent_id, s.merge_parent, r.kind, r.created, s.hlc, r.device, r.author,
				r.words, r.note, r.conflict, r.doc
			FROM sync_revisions s JOIN revisions r ON r.id = s.revision_id
			ORDER BY s.hlc, r.id`)
		if err != nil {
			return err
		}
		out, err = scanSyncRevisions(rows)
		return err
	})
	return out, err
}

func scanSyncRevisions(rows *sql.Rows) ([]SyncRevision, error) {
	defer rows.Close()
	var out []SyncRevision
	for rows.Next() {
		var (
			r             SyncRevision
			parent, merge sql.NullString
		)
		if err := rows.Scan(&r.ID, &r.DraftID, &parent, &merge, &r.Kind, &r.Created, &r.HLC, &r.Device, &r.Author,
			&r.Words, &r.Note, &r.Conflict, &r.Doc); err != nil {
			return nil, err
		}
		r.Parents = []string{}
		if parent.Valid && parent.String != "" {
			r.Parents = append(r.Parents, parent.String)
		}
		if merge.Valid && merge.String != "" {
			r.Parents = append(r.Parents, merge.String)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// sealTx stamps every revision without a sync_revisions row, in the order
// they were written, with a hybrid logical clock: one above the highest
// stamp the library holds (its own and every revision pulled from the
// server), or the revision's own time when that is later. A child is thus
// always stamped above its parent and above everything this laptop had
// seen, whatever its wall clock says.
//
// Then it records the drafts the user moved (to Trash, back, deleted for
// good) since sync last looked as events, moves the drafts whose events
// and heads say so, and stamps the new events the same way, after the
// revisions (see syncdelete.go).
func (db *DB) sealTx(ctx context.Context, tx *sql.Tx) error {
	l, err := sealRevisionsTx(ctx, tx, "")
	if err != nil {
		return err
	}
	if err := db.placeDraftsTx(ctx, tx); err != nil {
		return err
	}
	return sealEventsTx(ctx, tx, l)
}

// SyncPushed records that the server holds these revisions.
func (db *DB) SyncPushed(ctx context.Context, ids []string) error {
	return db.update(ctx, "record pushed revisions", func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, `UPDATE sync_revisions SET pushed = 1 WHERE revision_id = ?`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, id := range ids {
			if _, err := stmt.ExecContext(ctx, id); err != nil {
				return err
			}
		}
		return nil
	})
}

// SyncApply brings revisions from the server into the library, in one
// transaction, and returns how many were new. A revision the library holds
// already only gets marked as pushed. Then, for every draft that gained a
// revision, the draft's text becomes its winning head, by the rule the
// server uses too (see Heads): revisions only ever add up, so every replica
// that holds the same revisions shows the same text and the same conflict
// tips. Nothing is overwritten: a head that loses stays a head, beside the
// winner, until a person merges it; a save in a window based on a head
// that is no longer the draft's text becomes a conflicting revision, as
// any stale save does. A draft new to this library is added; a draft this
// library deleted for good keeps its revisions but stays deleted.
func (db *DB) SyncApply(ctx context.Context, revs []SyncRevision) (int, error) {
	added := 0
	err := db.update(ctx, "apply pulled revisions", func(tx *sql.Tx) error {
		added = 0
		// Local revisions get their stamp before they meet remote ones.
		if err := db.sealTx(ctx, tx); err != nil {
			return err
		}
		touched := map[string]bool{}
		for i := range revs {
			r := &revs[i]
			if len(r.Parents) > 2 {
				return editor.Errorf(editor.EINVALID, "revision %s from the server has %d parents; at most two", r.ID, len(r.Parents))
			}
			var have bool
			if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM revisions WHERE id = ?)`, r.ID).Scan(&have); err != nil {
				return err
			}
			if have {
				if _, err := tx.ExecContext(ctx, `UPDATE sync_revisions SET pushed = 1 WHERE revision_id = ? AND pushed = 0`, r.ID); err != nil {
					return err
				}
				continue
			}
			var draft bool
			if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM drafts WHERE id = ?)`, r.DraftID).Scan(&draft); err != nil {
				return err
			}
			if !draft {
				if err := writeDraftRowTx(ctx, tx, r.DraftID, r.ID, r.Doc, false); err != nil {
					return err
				}
			}
			parent, merge := "", ""
			if len(r.Parents) > 0 {
				parent = r.Parents[0]
			}
			if len(r.Parents) > 1 {
				merge = r.Parents[1]
			}
			if _, err := tx.ExecContext(ctx, `
				INSERT INTO revisions (id, draft_id, parent_id, kind, session, started, created, device, author, words, note, doc, conflict)
				VALUES (?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?)`,
				r.ID, r.DraftID, nullString(parent), r.Kind, r.Created, r.Created, r.Device, r.Author, r.Words, r.Note, r.Doc, r.Conflict); err != nil {
				return fmt.Errorf("add revision %s from the server: %w", r.ID, err)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO sync_revisions (revision_id, hlc, pushed, merge_parent) VALUES (?, ?, 1, ?)`,
				r.ID, r.HLC, nullString(merge)); err != nil {
				return fmt.Errorf("seal revision %s from the server: %w", r.ID, err)
			}
			touched[r.DraftID] = true
			added++
		}
		ids := make([]string, 0, len(touched))
		for id := range touched {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			heads, err := headsTx(ctx, tx, id)
			if err != nil {
				return err
			}
			var (
				purged bool
				head   sql.NullString
			)
			if err := tx.QueryRowContext(ctx, `SELECT purged_at IS NOT NULL, head_revision FROM drafts WHERE id = ?`, id).Scan(&purged, &head); err != nil {
				return err
			}
			if purged || len(heads) == 0 || head.String == heads[0].ID {
				continue
			}
			var doc string
			if err := tx.QueryRowContext(ctx, `SELECT doc FROM revisions WHERE id = ?`, heads[0].ID).Scan(&doc); err != nil {
				return err
			}
			if err := writeDraftRowTx(ctx, tx, id, heads[0].ID, doc, true); err != nil {
				return err
			}
		}
		// New heads may bring a draft back from Trash (see syncdelete.go).
		return db.placeDraftsTx(ctx, tx)
	})
	if err != nil {
		return 0, err
	}
	return added, nil
}

// writeDraftRowTx makes the draft row show the revision rev with article
// JSON doc: it inserts the row, or updates it when exists. When another
// draft holds the slug, this one's row gets the slug with its ID's first
// eight characters appended, so that a pulled story never fails on a
// story of this laptop; the revision keeps its text as written.
func writeDraftRowTx(ctx context.Context, tx *sql.Tx, id, rev, doc string, exists bool) error {
	a, err := unmarshalArticle(doc)
	if err != nil {
		return err
	}
	a.ID = id
	if err := checkSlugFree(ctx, tx, a.Slug, id); err != nil {
		a.Slug = strings.Trim(a.Slug+"-"+id[:min(8, len(id))], "-")
	}
	rowDoc, err := marshalDraftDoc(a)
	if err != nil {
		return err
	}
	authors, err := marshalJSON(nonNil(a.Byline.Authors))
	if err != nil {
		return err
	}
	words := editor.CountWords(a.PublicBody())
	if exists {
		_, err = tx.ExecContext(ctx, `
			UPDATE drafts SET slug = ?, headline = ?, status = ?, authors = ?, created = ?, updated = ?,
				published = ?, head_revision = ?, words = ?, body = ?, doc = ?
			WHERE id = ?`,
			a.Slug, a.Headline, string(a.Status), authors, nanos(a.Created), nanos(a.Updated),
			nullNanos(a.Published), rev, words, a.Body, rowDoc, id)
	} else {
		_, err = tx.ExecContext(ctx, `
			INSERT INTO drafts (id, slug, headline, status, authors, created, updated, published, head_revision, words, body, doc)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, a.Slug, a.Headline, string(a.Status), authors, nanos(a.Created), nanos(a.Updated),
			nullNanos(a.Published), rev, words, a.Body, rowDoc)
	}
	if err != nil {
		return fmt.Errorf("write draft %s from the server: %w", id, err)
	}
	return nil
}

// Head is one head of a draft: a revision nothing builds on.
type Head struct {
	editor.Revision
	// HLC is the revision's hybrid logical clock stamp; 0 while it is not
	// sealed for sync yet.
	HLC int64 `json:"hlc"`
	// Winner marks the head whose text the draft shows. The others are
	// conflict tips, kept until a person merges them.
	Winner bool `json:"winner"`
}

// headsTx returns the draft's heads, winner first. The heads are its tips
// (revisions nothing builds on) and its live revisions: those that are not
// conflicting saves and on which no save that is not a conflicting one
// builds. (A conflicting save based on the draft's text leaves that text
// shown, beside it, so its parent stays a head.) In one condition: no
// child builds on it, counting only children that are not conflicting
// saves when it is not one itself. The winner, the text the
// draft shows, is the same on every replica and on the server: live heads
// first, then the highest hybrid logical clock, then the device name, then
// the revision ID (bytewise). A revision not sealed yet counts as the
// newest; only this laptop holds it.
func headsTx(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, draftID string) ([]Head, error) {
	rows, err := q.QueryContext(ctx, `
		SELECT r.id, r.draft_id, r.parent_id, r.kind, r.created, r.device, r.author, r.words, r.note, r.conflict,
			ifnull(s.hlc, 0)
		FROM revisions r LEFT JOIN sync_revisions s ON s.revision_id = r.id
		WHERE r.draft_id = ?1
			AND NOT EXISTS (SELECT 1 FROM revisions c WHERE c.parent_id = r.id AND (r.conflict = 1 OR c.conflict = 0))
			AND NOT EXISTS (SELECT 1 FROM sync_revisions m JOIN revisions c ON c.id = m.revision_id
				WHERE m.merge_parent = r.id AND (r.conflict = 1 OR c.conflict = 0))
		ORDER BY r.conflict, s.hlc IS NULL DESC, s.hlc DESC, r.device DESC, r.id DESC`, draftID)
	if err != nil {
		return nil, fmt.Errorf("read heads: %w", err)
	}
	defer rows.Close()
	var heads []Head
	for rows.Next() {
		var (
			h       Head
			parent  sql.NullString
			created int64
		)
		if err := rows.Scan(&h.ID, &h.ArticleID, &parent, &h.Kind, &created, &h.Device, &h.Author, &h.Words, &h.Note, &h.Conflict, &h.HLC); err != nil {
			return nil, fmt.Errorf("read heads: %w", err)
		}
		h.ParentID = parent.String
		h.Created = fromNanos(created)
		heads = append(heads, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read heads: %w", err)
	}
	if len(heads) > 0 {
		heads[0].Winner = true
	}
	return heads, nil
}

// Heads returns the draft's heads, winner first: one when its history is
// linear, several when saves diverged (a stale window, another laptop).
// ENOTFOUND, also for a draft deleted for good.
func (db *DB) Heads(ctx context.Context, draftID string) ([]Head, error) {
	var purged bool
	err := db.read.QueryRowContext(ctx, `SELECT purged_at IS NOT NULL FROM drafts WHERE id = ?`, draftID).Scan(&purged)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, editor.Errorf(editor.ENOTFOUND, "no article with ID %s", draftID)
	} else if err != nil {
		return nil, db.storeError("read heads", err)
	}
	if purged {
		return nil, purgedError(draftID)
	}
	heads, err := headsTx(ctx, db.read, draftID)
	if err != nil {
		return nil, db.storeError("read heads", err)
	}
	return heads, nil
}

// SyncPicture is what a replica holds, for comparing replicas: every
// revision ID, and every draft's heads (winner first) by draft ID,
// deleted drafts included.
type SyncPicture struct {
	Revisions []string
	Heads     map[string][]string
	// Shown is each draft row's head revision: the text the draft shows.
	Shown map[string]string
	// Events holds every move's ID (Trash, back, deleted for good), and
	// Place each draft's place: "live", "trash" or "purged".
	Events []string
	Place  map[string]string
}

// Picture reads the library's SyncPicture.
func (db *DB) Picture(ctx context.Context) (*SyncPicture, error) {
	p := &SyncPicture{Heads: map[string][]string{}, Shown: map[string]string{}, Place: map[string]string{}}
	rows, err := db.read.QueryContext(ctx, `SELECT id FROM revisions ORDER BY id`)
	if err != nil {
		return nil, db.storeError("read revisions", err)
	}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, db.storeError("read revisions", err)
		}
		p.Revisions = append(p.Revisions, id)
	}
	rows.Close()
	rows, err = db.read.QueryContext(ctx, `SELECT id FROM sync_events ORDER BY id`)
	if err != nil {
		return nil, db.storeError("read moves", err)
	}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, db.storeError("read moves", err)
		}
		p.Events = append(p.Events, id)
	}
	rows.Close()
	rows, err = db.read.QueryContext(ctx, `SELECT id, ifnull(head_revision, ''),
		CASE WHEN purged_at IS NOT NULL THEN 'purged' WHEN trashed_at IS NOT NULL THEN 'trash' ELSE 'live' END
		FROM drafts ORDER BY id`)
	if err != nil {
		return nil, db.storeError("read drafts", err)
	}
	for rows.Next() {
		var id, head, place string
		if err := rows.Scan(&id, &head, &place); err != nil {
			rows.Close()
			return nil, db.storeError("read drafts", err)
		}
		p.Shown[id] = head
		p.Place[id] = place
	}
	rows.Close()
	for id := range p.Shown {
		heads, err := headsTx(ctx, db.read, id)
		if err != nil {
			return nil, db.storeError("read heads", err)
		}
		for _, h := range heads {
			p.Heads[id] = append(p.Heads[id], h.ID)
		}
	}
	return p, nil
}

// SyncProfile is the publication profile as sync sees it: the JSON text,
// its version (the hybrid clock stamp it was last synced at, or the time
// of a later local save) and whether it was saved here since the last
// sync.
type SyncProfile struct {
	Doc     string
	Version int64
	Changed bool
}

// syncProfileVersion is the sync_state key of the profile version last
// synced.
const syncProfileVersion = "profile_version"

// ProfileForSync reads the profile for sync. Doc is "" when none was ever
// saved.
func (db *DB) ProfileForSync(ctx context.Context) (SyncProfile, error) {
	var p SyncProfile
	err := db.read.QueryRowContext(ctx, `SELECT doc, updated FROM profile WHERE id = 1`).Scan(&p.Doc, &p.Version)
	if errors.Is(err, sql.ErrNoRows) {
		return SyncProfile{}, nil
	} else if err != nil {
		return p, db.storeError("read profile", err)
	}
	synced, err := db.SyncSetting(ctx, syncProfileVersion)
	if err != nil {
		return p, err
	}
	p.Changed = synced != fmt.Sprint(p.Version)
	return p, nil
}

// ApplyProfile stores a profile that is now the same as the server's, at
// version, and records that version as synced. A profile saved here since
// ProfileForSync read it is kept (the caller syncs again): nothing typed
// is lost. EINVALID for a profile that does not decode or validate.
func (db *DB) ApplyProfile(ctx context.Context, doc string, version, readVersion int64) error {
	p := editor.DefaultProfile()
	if err := json.Unmarshal([]byte(doc), &p); err != nil {
		return editor.Errorf(editor.EINVALID, "the server's publication profile does not decode: %v", err)
	}
	if err := p.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "apply profile", func(tx *sql.Tx) error {
		var cur sql.NullInt64
		if err := tx.QueryRowContext(ctx, `SELECT updated FROM profile WHERE id = 1`).Scan(&cur); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if cur.Valid && cur.Int64 != readVersion {
			return nil // saved again meanwhile: the next sync takes it
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO profile (id, doc, updated) VALUES (1, ?1, ?2)
			ON CONFLICT (id) DO UPDATE SET doc = ?1, updated = ?2`, doc, version); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO sync_state (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, syncProfileVersion, fmt.Sprint(version))
		return err
	})
}

// sealRevisionsTx stamps the revisions without a sync_revisions row (of
// one draft, or of every draft when draftID is ""), in the order they
// were written, each above every stamp the library holds (revisions and
// events) and at least its wall-clock time, and returns the clock after
// them.
func sealRevisionsTx(ctx context.Context, tx *sql.Tx, draftID string) (int64, error) {
	var l int64
	if err := tx.QueryRowContext(ctx, `SELECT max(ifnull((SELECT max(hlc) FROM sync_revisions), 0),
		ifnull((SELECT max(hlc) FROM sync_events), 0))`).Scan(&l); err != nil {
		return 0, fmt.Errorf("read clock: %w", err)
	}
	rows, err := tx.QueryContext(ctx, `
		SELECT r.id, r.created FROM revisions r
		WHERE (? = '' OR r.draft_id = ?) AND NOT EXISTS (SELECT 1 FROM sync_revisions s WHERE s.revision_id = r.id)
		ORDER BY r.seq`, draftID, draftID)
	if err != nil {
		return 0, fmt.Errorf("find revisions to seal: %w", err)
	}
	type stamp struct {
		id  string
		hlc int64
	}
	var stamps []stamp
	for rows.Next() {
		var id string
		var created int64
		if err := rows.Scan(&id, &created); err != nil {
			rows.Close()
			return 0, fmt.Errorf("find revisions to seal: %w", err)
		}
		l = max(l+1, created)
		stamps = append(stamps, stamp{id, l})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("find revisions to seal: %w", err)
	}
	if len(stamps) > 0 {
		stmt, err := tx.PrepareContext(ctx, `INSERT INTO sync_revisions (revision_id, hlc) VALUES (?, ?)`)
		if err != nil {
			return 0, fmt.Errorf("seal revisions: %w", err)
		}
		defer stmt.Close()
		for _, s := range stamps {
			if _, err := stmt.ExecContext(ctx, s.id, s.hlc); err != nil {
				return 0, fmt.Errorf("seal revision: %w", err)
			}
		}
	}
	return l, nil
}
