package storage

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/dateline-news/dateline/editor"
)

// listQuery is the FROM and WHERE part shared by List and Count, with its
// arguments.
type listQuery struct {
	from   string
	where  []string
	args   []any
	search bool
}

// buildListQuery turns options into SQL. User search text only reaches SQL
// as a bound parameter holding MatchExpression's output.
func buildListQuery(opt editor.ListOptions) (listQuery, error) {
	var q listQuery
	if expr := MatchExpression(opt.Query); expr != "" {
		q.search = true
		q.from = `drafts_fts JOIN drafts d ON d.seq = drafts_fts.rowid`
		q.where = append(q.where, `drafts_fts MATCH ?`)
		q.args = append(q.args, expr)
	} else {
		q.from = `drafts d`
	}
	if opt.Trashed {
		q.where = append(q.where, `d.trashed_at IS NOT NULL`)
	} else {
		q.where = append(q.where, `d.trashed_at IS NULL`)
	}
	if len(opt.Statuses) > 0 {
		marks := make([]string, len(opt.Statuses))
		for i, s := range opt.Statuses {
			if !s.Valid() {
				return q, editor.Errorf(editor.EINVALID, "unknown status %q", s)
			}
			marks[i] = "?"
			q.args = append(q.args, string(s))
		}
		q.where = append(q.where, `d.status IN (`+strings.Join(marks, ", ")+`)`)
	}
	if a := strings.TrimSpace(opt.Author); a != "" {
		q.where = append(q.where, `d.seq IN (SELECT draft FROM draft_authors WHERE author LIKE ? ESCAPE '\')`)
		q.args = append(q.args, "%"+escapeLike(a)+"%")
	}
	if t := strings.TrimSpace(opt.Tag); t != "" {
		q.where = append(q.where, `d.seq IN (SELECT draft FROM draft_tags WHERE tag = ?)`)
		q.args = append(q.args, t)
	}
	if !opt.UpdatedFrom.IsZero() {
		q.where = append(q.where, `d.updated >= ?`)
		q.args = append(q.args, nanos(opt.UpdatedFrom))
	}
	if !opt.UpdatedTo.IsZero() {
		q.where = append(q.where, `d.updated <= ?`)
		q.args = append(q.args, nanos(opt.UpdatedTo))
	}
	if opt.Limit < 0 || opt.Offset < 0 {
		return q, editor.Errorf(editor.EINVALID, "limit and offset may not be negative")
	}
	return q, nil
}

// escapeLike escapes LIKE wildcards with a backslash.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// orderBy returns the ORDER BY clause for a sort order. With a search
// query, the empty order means relevance; without one, relevance falls back
// to newest updated first.
func orderBy(sort editor.SortOrder, search bool) (string, error) {
	switch sort {
	case "":
		if search {
			return `drafts_fts.rank, d.updated DESC`, nil
		}
		return `d.updated DESC, d.seq DESC`, nil
	case editor.SortUpdated:
		return `d.updated DESC, d.seq DESC`, nil
	case editor.SortCreated:
		return `d.created DESC, d.seq DESC`, nil
	case editor.SortHeadline:
		return `d.headline COLLATE NOCASE, d.seq`, nil
	case editor.SortRelevance:
		if search {
			return `drafts_fts.rank, d.updated DESC`, nil
		}
		return `d.updated DESC, d.seq DESC`, nil
	}
	return "", editor.Errorf(editor.EINVALID, "unknown sort order %q", sort)
}

// List returns summaries of the drafts matching opt: the live ones, or
// those in Trash with opt.Trashed. A Query is full-text search (see
// MatchExpression) and gives each hit a Snippet; its default order is
// relevance. Without a Query the default order is newest updated first.
// Limit 0 means no limit. EINVALID for an unknown status or sort order.
func (db *DB) List(ctx context.Context, opt editor.ListOptions) ([]editor.Summary, error) {
	q, err := buildListQuery(opt)
	if err != nil {
		return nil, err
	}
	order, err := orderBy(opt.Sort, q.search)
	if err != nil {
		return nil, err
	}
	cols := `d.id, d.slug, d.headline, d.authors, d.status, d.created, d.updated, d.words`
	if q.search {
		cols += `, snippet(drafts_fts, 3, char(2), char(3), '…', 24)`
	} else {
		cols += `, ''`
	}
	limit := opt.Limit
	if limit == 0 {
		limit = -1
	}
	query := `SELECT ` + cols + ` FROM ` + q.from + ` WHERE ` + strings.Join(q.where, ` AND `) +
		` ORDER BY ` + order + ` LIMIT ? OFFSET ?`
	args := append(q.args, limit, opt.Offset)

	rows, err := db.read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, db.storeError("list articles", err)
	}
	defer rows.Close()
	list := []editor.Summary{}
	for rows.Next() {
		var (
			s                editor.Summary
			authors          string
			created, updated int64
		)
		if err := rows.Scan(&s.ID, &s.Slug, &s.Headline, &authors, &s.Status, &created, &updated, &s.Words, &s.Snippet); err != nil {
			return nil, db.storeError("list articles", err)
		}
		if err := json.Unmarshal([]byte(authors), &s.Authors); err != nil {
			return nil, db.storeError("list articles", fmt.Errorf("authors of %s: %w", s.ID, err))
		}
		if len(s.Authors) == 0 {
			s.Authors = nil
		}
		s.Created, s.Updated = fromNanos(created), fromNanos(updated)
		list = append(list, s)
	}
	if err := rows.Err(); err != nil {
		return nil, db.storeError("list articles", err)
	}
	return list, nil
}

// Count returns how many drafts match opt, ignoring Limit, Offset and Sort.
func (db *DB) Count(ctx context.Context, opt editor.ListOptions) (int, error) {
	q, err := buildListQuery(opt)
	if err != nil {
		return 0, err
	}
	var n int
	err = db.read.QueryRowContext(ctx, `SELECT count(*) FROM `+q.from+` WHERE `+strings.Join(q.where, ` AND `), q.args...).Scan(&n)
	if err != nil {
		return 0, db.storeError("count articles", err)
	}
	return n, nil
}
