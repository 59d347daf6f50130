package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/dateline-news/dateline/editor"
)

// Transition moves the article to another workflow status, checked with
// editor.CheckTransition, and records a status revision carrying the note.
// Moving to corrected makes note the public CorrectionNote; a correction
// without one is refused. ENOTFOUND, ECONFLICT, EINVALID.
func (db *DB) Transition(ctx context.Context, id string, to editor.Status, note string) (*editor.Revision, error) {
	var rev *editor.Revision
	err := db.update(ctx, "change status", func(tx *sql.Tx) error {
		a, err := getTx(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := editor.CheckTransition(a.Status, to); err != nil {
			return err
		}
		if err := editor.CheckReviewed(a, to); err != nil {
			return err
		}
		a.Status = to
		if to == editor.StatusCorrected && strings.TrimSpace(note) != "" {
			a.CorrectionNote = strings.TrimSpace(note)
		}
		if err := editor.CheckCorrection(a); err != nil {
			return err
		}
		rev, err = db.saveTx(ctx, tx, a, editor.SaveOptions{Kind: editor.RevisionStatus, Note: strings.TrimSpace(note)}, false, db.now())
		return err
	})
	return rev, err
}

// Restore makes an older revision's text the article's newest revision. The
// article keeps its current workflow status, publication time and
// correction note, since those belong to the workflow, not to the text.
// ENOTFOUND, also for a revision of an article deleted for good; ECONFLICT
// when the old slug is now another article's.
func (db *DB) Restore(ctx context.Context, revisionID string) (*editor.Revision, error) {
	var rev *editor.Revision
	err := db.update(ctx, "restore revision", func(tx *sql.Tx) error {
		var doc string
		err := tx.QueryRowContext(ctx, `SELECT doc FROM revisions WHERE id = ?`, revisionID).Scan(&doc)
		if errors.Is(err, sql.ErrNoRows) {
			return editor.Errorf(editor.ENOTFOUND, "no revision with ID %s", revisionID)
		} else if err != nil {
			return fmt.Errorf("read revision: %w", err)
		}
		old, err := unmarshalArticle(doc)
		if err != nil {
			return err
		}
		cur, err := getTx(ctx, tx, old.ID)
		if err != nil {
			return err
		}
		old.Status, old.Published, old.CorrectionNote, old.Created = cur.Status, cur.Published, cur.CorrectionNote, cur.Created
		if err := old.Validate(); err != nil {
			return err
		}
		short := revisionID
		if len(short) > 13 {
			short = short[:13]
		}
		rev, err = db.saveTx(ctx, tx, old, editor.SaveOptions{Kind: editor.RevisionRestore, Note: "restored revision " + short}, false, db.now())
		return err
	})
	return rev, err
}

// Trash moves the article to Trash. Trashing it again keeps the first
// time. ENOTFOUND.
func (db *DB) Trash(ctx context.Context, id string) error {
	return db.update(ctx, "move to Trash", func(tx *sql.Tx) error {
		return execOne(ctx, tx, id, `UPDATE drafts SET trashed_at = ifnull(trashed_at, ?) WHERE id = ? AND purged_at IS NULL`, nanos(db.now()), id)
	})
}

// Untrash brings the article back from Trash. ENOTFOUND, also for an
// article deleted for good: emptying Trash cannot be undone.
func (db *DB) Untrash(ctx context.Context, id string) error {
	return db.update(ctx, "restore from Trash", func(tx *sql.Tx) error {
		return execOne(ctx, tx, id, `UPDATE drafts SET trashed_at = NULL WHERE id = ? AND purged_at IS NULL`, id)
	})
}

// EmptyTrash deletes every article in Trash for good, in one IMMEDIATE
// transaction, and returns how many it deleted. Like Delete it keeps
// every revision, whole, and leaves each draft a tombstone that Get,
// Lookup, List, Count, Revisions and Revision no longer find; the
// revisions stay for a later sync between devices. The drafts' slugs are
// free again; their IDs are never reused.
func (db *DB) EmptyTrash(ctx context.Context) (int, error) {
	var n int
	err := db.update(ctx, "empty Trash", func(tx *sql.Tx) error {
		seqs, err := querySeqs(ctx, tx, `SELECT seq FROM drafts WHERE trashed_at IS NOT NULL AND purged_at IS NULL`)
		if err != nil {
			return fmt.Errorf("read Trash: %w", err)
		}
		n = len(seqs)
		return purgeTx(ctx, tx, seqs, db.now())
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

// update runs fn in one IMMEDIATE write transaction and commits it. Errors
// come back as *editor.Error values prefixed with op.
func (db *DB) update(ctx context.Context, op string, fn func(tx *sql.Tx) error) error {
	if err := db.writable(); err != nil {
		return err
	}
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return db.storeError(op, err)
	}
	defer func() { _ = tx.Rollback() }()
	if err := fn(tx); err != nil {
		return db.storeError(op, err)
	}
	return db.storeError(op, tx.Commit())
}

// execOne runs a statement that must change exactly the draft id.
func execOne(ctx context.Context, tx *sql.Tx, id, query string, args ...any) error {
	res, err := tx.ExecContext(ctx, query, args...)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return notFoundTx(ctx, tx, id)
	}
	return nil
}

// notFoundTx returns the ENOTFOUND error for an ID no live or trashed
// draft has: it names a draft deleted for good as such.
func notFoundTx(ctx context.Context, tx *sql.Tx, id string) error {
	var purged bool
	err := tx.QueryRowContext(ctx, `SELECT purged_at IS NOT NULL FROM drafts WHERE id = ?`, id).Scan(&purged)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("read draft %s: %w", id, err)
	}
	if purged {
		return purgedError(id)
	}
	return editor.Errorf(editor.ENOTFOUND, "no article with ID %s", id)
}

// getTx reads an article inside a transaction. ENOTFOUND, also for an
// article deleted for good.
func getTx(ctx context.Context, tx *sql.Tx, id string) (*editor.Article, error) {
	return getFrom(ctx, tx, id)
}
