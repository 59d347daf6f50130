package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/dateline-news/dateline/editor"
)

// Get returns the article with this ID, in Trash or not. ENOTFOUND, also
// for an article deleted for good.
func (db *DB) Get(ctx context.Context, id string) (*editor.Article, error) {
	a, err := getFrom(ctx, db.read, id)
	if err != nil {
		return nil, db.storeError("get article", err) // editor errors pass unchanged
	}
	return a, nil
}

// getFrom reads the article with ID id through q (the read pool or a
// transaction): ENOTFOUND for no such draft or one deleted for good.
func getFrom(ctx context.Context, q interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}, id string) (*editor.Article, error) {
	var doc, body, head string
	var headSaved int64
	var purged bool
	err := q.QueryRowContext(ctx, `SELECT doc, body, purged_at IS NOT NULL, `+headColumns+` FROM drafts WHERE id = ?`, id).
		Scan(&doc, &body, &purged, &head, &headSaved)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, editor.Errorf(editor.ENOTFOUND, "no article with ID %s", id)
	} else if err != nil {
		return nil, fmt.Errorf("read article: %w", err)
	}
	if purged {
		return nil, purgedError(id)
	}
	return unmarshalDraft(doc, body, head, headSaved)
}

// purgedError is the ENOTFOUND error for the ID of a draft deleted for
// good.
func purgedError(id string) error {
	return editor.Errorf(editor.ENOTFOUND, "the article with ID %s was deleted for good", id)
}

// MinPrefix is the shortest ID prefix Lookup accepts.
const MinPrefix = 8

// Lookup finds an article by full ID, slug, or a unique ID prefix of at
// least MinPrefix characters, in that order. It never finds an article
// deleted for good. ENOTFOUND, and ECONFLICT for a prefix that several
// articles share.
func (db *DB) Lookup(ctx context.Context, ref string) (*editor.Article, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return nil, editor.Errorf(editor.EINVALID, "no article ID or slug given")
	}
	var doc, body, id, head string
	var headSaved int64
	var purged bool
	err := db.read.QueryRowContext(ctx, `SELECT doc, body, id, purged_at IS NOT NULL, `+headColumns+` FROM drafts WHERE id = ?1 OR slug = ?1 ORDER BY id = ?1 DESC LIMIT 1`, ref).
		Scan(&doc, &body, &id, &purged, &head, &headSaved)
	if err == nil && purged {
		return nil, purgedError(id)
	} else if err == nil {
		return unmarshalDraft(doc, body, head, headSaved)
	} else if !errors.Is(err, sql.ErrNoRows) {
		return nil, db.storeError("look up article", err)
	}

	prefix := strings.ToLower(ref)
	if len(prefix) < MinPrefix || strings.Trim(prefix, "0123456789abcdef-") != "" {
		return nil, editor.Errorf(editor.ENOTFOUND, "no article with ID or slug %q", ref)
	}
	rows, err := db.read.QueryContext(ctx, `SELECT id, headline, doc, body, `+headColumns+` FROM drafts WHERE id >= ? AND id < ? AND purged_at IS NULL ORDER BY id LIMIT 3`,
		prefix, prefix+"\x7f")
	if err != nil {
		return nil, db.storeError("look up article", err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id, headline string
		if err := rows.Scan(&id, &headline, &doc, &body, &head, &headSaved); err != nil {
			return nil, db.storeError("look up article", err)
		}
		ids = append(ids, fmt.Sprintf("%s %q", id[:min(len(id), 13)], headline))
	}
	if err := rows.Err(); err != nil {
		return nil, db.storeError("look up article", err)
	}
	switch len(ids) {
	case 0:
		return nil, editor.Errorf(editor.ENOTFOUND, "no article with ID or slug %q", ref)
	case 1:
		return unmarshalDraft(doc, body, head, headSaved)
	}
	return nil, editor.Errorf(editor.ECONFLICT, "ID prefix %q matches several articles (%s); give more of the ID", ref, strings.Join(ids, ", "))
}
