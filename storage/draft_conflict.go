package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/dateline-news/dateline/editor"
)

// textMovedTx reports whether the draft's text moved on from the base
// revision a save names: whether the head is a revision other than base
// (or base as rewritten by an autosave after baseSaved) that is not just
// workflow moves on top of base. Status revisions (Transition) carry the
// stored text on with a new status, and a save keeps the stored status
// anyway, so they never make a save conflict; an edit, import or restore
// by someone else does.
func textMovedTx(ctx context.Context, tx *sql.Tx, cur draftState, base string, baseSaved time.Time) (bool, error) {
	id, saved := cur.head, cur.headSaved
	for range 10000 {
		if id == base {
			return !baseSaved.IsZero() && nanos(baseSaved) != saved, nil
		}
		var (
			kind   editor.RevisionKind
			parent sql.NullString
		)
		err := tx.QueryRowContext(ctx, `SELECT kind, parent_id FROM revisions WHERE id = ?`, id).Scan(&kind, &parent)
		if errors.Is(err, sql.ErrNoRows) {
			return true, nil
		} else if err != nil {
			return false, fmt.Errorf("read revision: %w", err)
		}
		if kind != editor.RevisionStatus || !parent.Valid {
			return true, nil
		}
		id = parent.String
		if err := tx.QueryRowContext(ctx, `SELECT created FROM revisions WHERE id = ?`, id).Scan(&saved); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return false, fmt.Errorf("read revision: %w", err)
		}
	}
	return true, nil
}

// conflictTx stores a save whose base revision is no longer the draft's
// head: someone else saved the draft after this copy was read. Nothing is
// overwritten. The text becomes a conflicting revision whose parent is the
// base, beside the head, and the draft row (its current text, the search
// index, the list) stays as the head has it. A later save of the same
// session based on that conflicting revision coalesces into it as long as
// nothing builds on it, within CoalesceWindow, so that typing on while the
// conflict is unresolved does not pile up revisions; it never coalesces
// into the head or into anyone else's revision. It returns the conflicting
// revision, sets a.BaseRevision to it, and returns an ESTALE error that
// names both.
func (db *DB) conflictTx(ctx context.Context, tx *sql.Tx, a *editor.Article, opt editor.SaveOptions, cur draftState, now time.Time) (*editor.Revision, error) {
	var (
		base             editor.Revision
		session          string
		conflict         bool
		started, created int64
		children         int
		sealed           bool
	)
	err := tx.QueryRowContext(ctx, `
		SELECT id, kind, session, started, created, device, author, conflict,
			(SELECT count(*) FROM revisions c WHERE c.parent_id = r.id),
			EXISTS (SELECT 1 FROM sync_revisions s WHERE s.revision_id = r.id)
		FROM revisions r WHERE id = ? AND draft_id = ?`, a.BaseRevision, a.ID).
		Scan(&base.ID, &base.Kind, &session, &started, &created, &base.Device, &base.Author, &conflict, &children, &sealed)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, editor.Errorf(editor.EINVALID, "the save is based on revision %s, which is not a revision of the article %s", a.BaseRevision, a.ID)
	} else if err != nil {
		return nil, fmt.Errorf("read base revision: %w", err)
	}
	if err := keepWorkflow(a, cur, opt.Kind); err != nil {
		return nil, err
	}
	if err := editor.CheckCorrection(a); err != nil {
		return nil, err
	}
	if a.Created.IsZero() {
		a.Created = fromNanos(cur.created)
	}
	a.Updated = now
	doc, err := marshalArticle(a)
	if err != nil {
		return nil, err
	}
	words := editor.CountWords(a.PublicBody())
	t := nanos(now)
	rev := &editor.Revision{
		ID: editor.NewRevisionID(), ArticleID: a.ID, ParentID: base.ID, Kind: opt.Kind, Created: now,
		Device: db.device, Author: opt.SaveAuthor(db.author), Words: words, Note: opt.Note, Conflict: true,
	}
	if conflict && children == 0 && !sealed && base.Kind == editor.RevisionEdit && opt.Kind == editor.RevisionEdit &&
		opt.Session != "" && session == opt.Session && base.Device == db.device && base.Author == opt.SaveAuthor(db.author) &&
		t >= created && t-started <= int64(CoalesceWindow) {
		var parent sql.NullString
		if err := tx.QueryRowContext(ctx, `SELECT parent_id FROM revisions WHERE id = ?`, base.ID).Scan(&parent); err != nil {
			return nil, fmt.Errorf("read base revision: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE revisions SET created = ?, words = ?, note = ?, doc = ? WHERE id = ?`,
			t, words, opt.Note, doc, base.ID); err != nil {
			return nil, fmt.Errorf("coalesce conflicting revision: %w", err)
		}
		rev.ID, rev.ParentID = base.ID, parent.String
	} else {
		_, err = tx.ExecContext(ctx, `
			INSERT INTO revisions (id, draft_id, parent_id, kind, session, started, created, device, author, words, note, doc, conflict)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
			rev.ID, a.ID, base.ID, string(rev.Kind), opt.Session, t, t, rev.Device, rev.Author, words, rev.Note, doc)
		if err != nil {
			return nil, fmt.Errorf("add conflicting revision: %w", err)
		}
	}
	a.BaseRevision, a.BaseSaved = rev.ID, now
	return rev, editor.Errorf(editor.ESTALE,
		"this draft was changed elsewhere (revision %s) after this copy was read; nothing was overwritten: this text is kept as conflicting revision %s beside it",
		shortID(cur.head), shortID(rev.ID))
}

// shortID shortens a revision ID for messages: its first 13 characters,
// the time-ordered part of a UUIDv7.
func shortID(id string) string {
	if len(id) > 13 {
		return id[:13]
	}
	return id
}
