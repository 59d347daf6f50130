package storage

import (
	"context"
	"database/sql"
	"errors"

	"github.com/dateline-news/dateline/editor"
)

// Revisions lists an article's revisions, newest first, without their
// Article. ENOTFOUND when there is no such article, or it was deleted for
// good: its revisions stay in the library, whole, for a later sync between
// devices, but no caller is shown them.
func (db *DB) Revisions(ctx context.Context, articleID string) ([]editor.Revision, error) {
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, db.storeError("list revisions", err)
	}
	defer func() { _ = tx.Rollback() }()

	var purged bool
	err = tx.QueryRowContext(ctx, `SELECT purged_at IS NOT NULL FROM drafts WHERE id = ?`, articleID).Scan(&purged)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, editor.Errorf(editor.ENOTFOUND, "no article with ID %s", articleID)
	} else if err != nil {
		return nil, db.storeError("list revisions", err)
	}
	if purged {
		return nil, purgedError(articleID)
	}
	rows, err := tx.QueryContext(ctx, `
		SELECT r.id, r.draft_id, r.parent_id, r.kind, r.created, r.device, r.author, r.words, r.note, r.conflict,
			s.merge_parent
		FROM revisions r LEFT JOIN sync_revisions s ON s.revision_id = r.id
		WHERE r.draft_id = ? ORDER BY r.seq DESC`, articleID)
	if err != nil {
		return nil, db.storeError("list revisions", err)
	}
	defer rows.Close()
	revs := []editor.Revision{}
	for rows.Next() {
		r, err := scanRevision(rows, false)
		if err != nil {
			return nil, db.storeError("list revisions", err)
		}
		revs = append(revs, *r)
	}
	if err := rows.Err(); err != nil {
		return nil, db.storeError("list revisions", err)
	}
	return revs, nil
}

// Revision returns one revision with its Article. ENOTFOUND, also for a
// revision of an article deleted for good (the revision stays in the
// library, whole, for a later sync between devices).
func (db *DB) Revision(ctx context.Context, id string) (*editor.Revision, error) {
	row := db.read.QueryRowContext(ctx, `
		SELECT r.id, r.draft_id, r.parent_id, r.kind, r.created, r.device, r.author, r.words, r.note, r.conflict,
			(SELECT s.merge_parent FROM sync_revisions s WHERE s.revision_id = r.id), r.doc
		FROM revisions r JOIN drafts d ON d.id = r.draft_id
		WHERE r.id = ? AND d.purged_at IS NULL`, id)
	r, err := scanRevision(row, true)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, editor.Errorf(editor.ENOTFOUND, "no revision with ID %s", id)
	} else if err != nil {
		return nil, db.storeError("get revision", err)
	}
	return r, nil
}

// scanner is a *sql.Row or *sql.Rows.
type scanner interface {
	Scan(dest ...any) error
}

// scanRevision reads the columns Revisions and Revision select (a merge's
// second parent among them), and the doc
// column when withDoc is set.
func scanRevision(s scanner, withDoc bool) (*editor.Revision, error) {
	var (
		r       editor.Revision
		parent  sql.NullString
		merge   sql.NullString
		created int64
		doc     string
	)
	dest := []any{&r.ID, &r.ArticleID, &parent, &r.Kind, &created, &r.Device, &r.Author, &r.Words, &r.Note, &r.Conflict, &merge}
	if withDoc {
		dest = append(dest, &doc)
	}
	if err := s.Scan(dest...); err != nil {
		return nil, err
	}
	r.ParentID = parent.String
	r.MergeParentID = merge.String
	r.Created = fromNanos(created)
	if withDoc {
		a, err := unmarshalArticle(doc)
		if err != nil {
			return nil, err
		}
		r.Article = a
	}
	return &r, nil
}
