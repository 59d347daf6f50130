package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/dateline-news/dateline/editor"
)

// listQuery is what List and Count share: the FTS5 expression (empty
// without a search) and the filters on the drafts table d, with their
// arguments. User search text only ever reaches SQL as a bound parameter
// holding MatchExpression's output.
type listQuery struct {
	expr    string
	filters []string
	args    []any
	// tag is the index in filters of the tag filter, or -1.
	tag int
}

// defaultCommonTag is the number of drafts with a tag above which the tag filter
// probes each draft the list walks (in date order, stopping when the page
// is full) instead of collecting the tag's drafts and sorting them.
const defaultCommonTag = 2000

// probeCommonTag rewrites the tag filter of q as a per-draft probe when
// the tag is common, counting its drafts in the tag index.
func probeCommonTag(ctx context.Context, tx *sql.Tx, q *listQuery, opt editor.ListOptions, commonTag int) error {
	if q.tag < 0 {
		return nil
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM draft_tags WHERE tag = ? LIMIT ?)`,
		strings.TrimSpace(opt.Tag), commonTag+1).Scan(&n); err != nil {
		return fmt.Errorf("count tag: %w", err)
	}
	if n > commonTag {
		q.filters[q.tag] = `EXISTS (SELECT 1 FROM draft_tags WHERE tag = ? AND draft = d.seq)`
	}
	return nil
}

// trashCondition selects the drafts in Trash: trashed, not deleted for
// good.
const trashCondition = `d.trashed_at IS NOT NULL AND d.purged_at IS NULL`

// defaultManyHits is the number of search hits above which ranking them all by
// bm25 costs more than an as-you-type search may take (tens of
// milliseconds at 100,000 drafts), or sorting every one by date: see
// rankedSeqs and orderedSeqs.
const defaultManyHits = 2000

// buildListQuery checks opt and turns it into a listQuery.
func buildListQuery(opt editor.ListOptions) (listQuery, error) {
	q := listQuery{expr: MatchExpression(opt.Query), tag: -1}
	// A draft deleted for good keeps trashed_at, so the live condition
	// leaves it out as it is; Trash must name it.
	if opt.Trashed {
		q.filters = append(q.filters, trashCondition)
	} else {
		q.filters = append(q.filters, `d.trashed_at IS NULL`)
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
		q.filters = append(q.filters, `d.status IN (`+strings.Join(marks, ", ")+`)`)
	}
	if a := strings.TrimSpace(opt.Author); a != "" {
		q.filters = append(q.filters, `d.seq IN (SELECT draft FROM draft_authors WHERE author LIKE ? ESCAPE '\')`)
		q.args = append(q.args, "%"+escapeLike(a)+"%")
	}
	if t := strings.TrimSpace(opt.Tag); t != "" {
		q.tag = len(q.filters)
		q.filters = append(q.filters, `d.seq IN (SELECT draft FROM draft_tags WHERE tag = ?)`)
		q.args = append(q.args, t)
	}
	if u := strings.TrimSpace(opt.AssignedTo); u != "" {
		// Few drafts are assigned, and "Filed to me" comes with the status
		// filter, whose index narrows the drafts first.
		q.filters = append(q.filters, `json_extract(d.doc, '$.assigned_to') = ?`)
		q.args = append(q.args, u)
	}
	if !opt.UpdatedFrom.IsZero() {
		q.filters = append(q.filters, `d.updated >= ?`)
		q.args = append(q.args, nanos(opt.UpdatedFrom))
	}
	if !opt.UpdatedTo.IsZero() {
		q.filters = append(q.filters, `d.updated <= ?`)
		q.args = append(q.args, nanos(opt.UpdatedTo))
	}
	if opt.Limit < 0 || opt.Offset < 0 {
		return q, editor.Errorf(editor.EINVALID, "limit and offset may not be negative")
	}
	switch opt.Sort {
	case "", editor.SortUpdated, editor.SortCreated, editor.SortHeadline, editor.SortRelevance:
	default:
		return q, editor.Errorf(editor.EINVALID, "unknown sort order %q", opt.Sort)
	}
	return q, nil
}

// hitFilters returns the filters for a query driven by the FTS5 index.
// The author and tag filters test the index's rowid, not the draft's seq:
// SQLite then checks them before it looks up the draft, so hits that fail
// them cost no read of a draft row. The unary + keeps FTS5 from taking the
// IN list as a rowid constraint, which would run the search once per
// value.
func (q listQuery) hitFilters() string {
	fs := make([]string, len(q.filters))
	for i, f := range q.filters {
		fs[i] = strings.Replace(f, `d.seq IN (`, `+drafts_fts.rowid IN (`, 1)
	}
	return strings.Join(fs, ` AND `)
}

// escapeLike escapes LIKE wildcards with a backslash.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// dateOrder returns the ORDER BY clause of a sort order other than
// relevance.
func dateOrder(sort editor.SortOrder) string {
	switch sort {
	case editor.SortCreated:
		return `d.created DESC, d.seq DESC`
	case editor.SortHeadline:
		return `d.headline COLLATE NOCASE, d.seq`
	}
	return `d.updated DESC, d.seq DESC`
}

// relevance reports whether opt asks for search hits by rank: a search
// with the relevance order or no order.
func relevance(q listQuery, opt editor.ListOptions) bool {
	return q.expr != "" && (opt.Sort == "" || opt.Sort == editor.SortRelevance)
}

// summaryColumns are the columns of editor.Summary, in scanSummaries' order.
const summaryColumns = `d.seq, d.id, d.slug, d.headline, d.authors, d.status, d.created, d.updated, d.words`

// List returns summaries of the drafts matching opt: the live ones, or
// those in Trash with opt.Trashed. Limit 0 means no limit. EINVALID for an
// unknown status or sort order.
//
// Without a Query the default order is newest updated first. A Query is a
// full-text search (see MatchExpression); each hit gets a Snippet of the
// body. Its default order is relevance: bm25 with the headline weighted
// most, then slug, deck and tags, byline, body. A search with more than
// 2,000 hits ranks the newest 2,000 and lists the older ones after them,
// newest first.
func (db *DB) List(ctx context.Context, opt editor.ListOptions) ([]editor.Summary, error) {
	q, err := buildListQuery(opt)
	if err != nil {
		return nil, err
	}
	conn, err := db.read.Conn(ctx)
	if err != nil {
		return nil, db.storeError("list articles", err)
	}
	defer conn.Close()
	// One read transaction, so that the pages of a search agree.
	tx, err := conn.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, db.storeError("list articles", err)
	}
	defer func() { _ = tx.Rollback() }()

	if q.expr == "" {
		if err := probeCommonTag(ctx, tx, &q, opt, db.commonTag); err != nil {
			return nil, db.storeError("list articles", err)
		}
		query, args := plainListSQL(q, opt)
		rows, err := tx.QueryContext(ctx, query, args...)
		if err != nil {
			return nil, db.storeError("list articles", err)
		}
		hits, err := scanSummaries(rows)
		if err != nil {
			return nil, db.storeError("list articles", err)
		}
		return summaries(hits), nil
	}

	var seqs []int64
	if relevance(q, opt) {
		seqs, err = db.rankedSeqs(ctx, tx, q, opt)
	} else {
		seqs, err = db.orderedSeqs(ctx, tx, q, q.expr, dateOrder(opt.Sort), opt.Limit, opt.Offset)
	}
	if err != nil {
		return nil, db.storeError("search", err)
	}
	list, err := hitSummaries(ctx, tx, q.expr, seqs)
	if err != nil {
		return nil, db.storeError("search", err)
	}
	return list, nil
}

// plainListSQL is the query of a List without search.
func plainListSQL(q listQuery, opt editor.ListOptions) (string, []any) {
	query := `SELECT ` + summaryColumns + ` FROM drafts d WHERE ` + strings.Join(q.filters, ` AND `) +
		` ORDER BY ` + dateOrder(opt.Sort) + ` LIMIT ? OFFSET ?`
	return query, append(append([]any(nil), q.args...), sqlLimit(opt.Limit), opt.Offset)
}

// sqlLimit turns Limit 0 (no limit) into SQLite's -1.
func sqlLimit(n int) int {
	if n == 0 {
		return -1
	}
	return n
}

// matchSQL is a query for the seqs of drafts matching expr and the
// filters, in FTS5's rank order, which the FTS5 table itself delivers. The
// CROSS JOIN keeps the index as the outer loop whatever the filters; extra
// may add a condition on the rowid.
func matchSQL(q listQuery, extra string) string {
	return `SELECT d.seq FROM drafts_fts CROSS JOIN drafts d ON d.seq = drafts_fts.rowid
		WHERE drafts_fts MATCH ? ` + extra + ` AND ` + q.hitFilters() + `
		ORDER BY drafts_fts.rank LIMIT ? OFFSET ?`
}

// rankedSeqs returns the page of hits in relevance order: by bm25, with the
// headline weighted most. Ranking costs time for every hit, so when a
// search has more than manyHits hits, only the newest manyHits of them
// (in the order drafts were added) are ranked, and the older hits follow,
// newest first. Both parts are read from the FTS5 index in the order it
// delivers, so nothing sorts every hit.
func (db *DB) rankedSeqs(ctx context.Context, tx *sql.Tx, q listQuery, opt editor.ListOptions) ([]int64, error) {
	var floor int64 // the rowid of the newest hit left out of the ranking
	err := tx.QueryRowContext(ctx, `SELECT rowid FROM drafts_fts WHERE drafts_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?`,
		q.expr, db.manyHits).Scan(&floor)
	if errors.Is(err, sql.ErrNoRows) {
		return querySeqs(ctx, tx, matchSQL(q, ""), append(append([]any{q.expr}, q.args...), sqlLimit(opt.Limit), opt.Offset)...)
	} else if err != nil {
		return nil, fmt.Errorf("rank window: %w", err)
	}

	want := -1
	if opt.Limit > 0 {
		want = opt.Offset + opt.Limit
	}
	ranked, err := querySeqs(ctx, tx, matchSQL(q, `AND drafts_fts.rowid > ?`),
		append(append([]any{q.expr, floor}, q.args...), want, 0)...)
	if err != nil {
		return nil, err
	}
	if want >= 0 && len(ranked) >= want {
		return ranked[opt.Offset:want], nil
	}
	// ranked holds every hit of the window; the page goes on into the
	// older hits.
	var page []int64
	if opt.Offset < len(ranked) {
		page = ranked[opt.Offset:]
	}
	limit := -1
	if opt.Limit > 0 {
		limit = opt.Limit - len(page)
	}
	older, err := querySeqs(ctx, tx, olderSQL(q),
		append(append([]any{q.expr, floor}, q.args...), limit, max(0, opt.Offset-len(ranked)))...)
	if err != nil {
		return nil, err
	}
	return append(page, older...), nil
}

// olderSQL is the query for the hits older than the ranked window,
// newest first, in the order the FTS5 index delivers them.
func olderSQL(q listQuery) string {
	return `SELECT d.seq FROM drafts_fts CROSS JOIN drafts d ON d.seq = drafts_fts.rowid
		WHERE drafts_fts MATCH ? AND drafts_fts.rowid <= ? AND ` + q.hitFilters() + `
		ORDER BY drafts_fts.rowid DESC LIMIT ? OFFSET ?`
}

// orderedSeqs returns a page of the drafts matching expr and the filters in
// a date or headline order. With many hits it walks the drafts in that
// order and probes the index for each draft, which stops as soon as the
// page is full; with few it lets the index find the hits and sorts them.
func (db *DB) orderedSeqs(ctx context.Context, tx *sql.Tx, q listQuery, expr, order string, limit, offset int) ([]int64, error) {
	many, err := hitsOver(ctx, tx, expr, db.manyHits)
	if err != nil {
		return nil, err
	}
	query := orderedSQL(q, expr, order, many)
	return querySeqs(ctx, tx, query, append(append([]any{expr}, q.args...), sqlLimit(limit), offset)...)
}

// orderedSQL is the query of orderedSeqs.
func orderedSQL(q listQuery, expr, order string, many bool) string {
	if many {
		return `SELECT d.seq FROM drafts d
			WHERE EXISTS (SELECT 1 FROM drafts_fts WHERE drafts_fts MATCH ? AND drafts_fts.rowid = d.seq)
			AND ` + strings.Join(q.filters, ` AND `) + ` ORDER BY ` + order + ` LIMIT ? OFFSET ?`
	}
	return `SELECT d.seq FROM drafts_fts CROSS JOIN drafts d ON d.seq = drafts_fts.rowid
		WHERE drafts_fts MATCH ? AND ` + q.hitFilters() + `
		ORDER BY ` + order + ` LIMIT ? OFFSET ?`
}

// hitsOver reports whether more than n drafts match expr, reading no
// further than the n+1st hit.
func hitsOver(ctx context.Context, tx *sql.Tx, expr string, n int) (bool, error) {
	var count int
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM drafts_fts WHERE drafts_fts MATCH ? LIMIT ?)`, expr, n+1).Scan(&count)
	if err != nil {
		return false, fmt.Errorf("count hits: %w", err)
	}
	return count > n, nil
}

// querySeqs runs a query for draft seqs.
func querySeqs(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var seqs []int64
	for rows.Next() {
		var seq int64
		if err := rows.Scan(&seq); err != nil {
			return nil, err
		}
		seqs = append(seqs, seq)
	}
	return seqs, rows.Err()
}

// hitSummaries reads the summaries of a page of hits, in the given order,
// with a snippet of each body around the matched terms. The snippet is
// made only for the page, never for every hit.
func hitSummaries(ctx context.Context, tx *sql.Tx, expr string, seqs []int64) ([]editor.Summary, error) {
	list := make([]editor.Summary, 0, len(seqs))
	if len(seqs) == 0 {
		return list, nil
	}
	// One pass of the expression over the rowid range of the page: an
	// IN list the index could use would run the expression once per
	// draft, which for a prefix means merging its doclists every time.
	// The unary + keeps the IN list a plain filter.
	lo, hi := seqs[0], seqs[0]
	marks := strings.Repeat("?, ", len(seqs))
	args := []any{expr, 0, 0}
	for _, s := range seqs {
		lo, hi = min(lo, s), max(hi, s)
		args = append(args, s)
	}
	args[1], args[2] = lo, hi
	rows, err := tx.QueryContext(ctx, `SELECT `+summaryColumns+`, snippet(drafts_fts, 3, char(2), char(3), '…', 24)
		FROM drafts_fts CROSS JOIN drafts d ON d.seq = drafts_fts.rowid
		WHERE drafts_fts MATCH ? AND drafts_fts.rowid BETWEEN ? AND ?
		AND +drafts_fts.rowid IN (`+marks[:len(marks)-2]+`)`, args...)
	if err != nil {
		return nil, err
	}
	found, err := scanSummaries(rows)
	if err != nil {
		return nil, err
	}
	bySeq := make(map[int64]editor.Summary, len(found))
	for _, h := range found {
		bySeq[h.seq] = h.Summary
	}
	for _, seq := range seqs {
		if s, ok := bySeq[seq]; ok {
			list = append(list, s)
		}
	}
	return list, nil
}

// hit is a summary with the seq that orders it.
type hit struct {
	editor.Summary
	seq int64
}

// scanSummaries reads summaryColumns rows, with a snippet column after them
// when the query has one, and closes rows.
func scanSummaries(rows *sql.Rows) ([]hit, error) {
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	withSnippet := len(cols) > 9
	list := []hit{}
	for rows.Next() {
		var (
			h                editor.Summary
			seq              int64
			authors          string
			created, updated int64
		)
		dest := []any{&seq, &h.ID, &h.Slug, &h.Headline, &authors, &h.Status, &created, &updated, &h.Words}
		if withSnippet {
			dest = append(dest, &h.Snippet)
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(authors), &h.Authors); err != nil {
			return nil, fmt.Errorf("authors of %s: %w", h.ID, err)
		}
		if len(h.Authors) == 0 {
			h.Authors = nil
		}
		h.Created, h.Updated = fromNanos(created), fromNanos(updated)
		list = append(list, hit{Summary: h, seq: seq})
	}
	return list, rows.Err()
}

// summaries drops the seqs.
func summaries(hits []hit) []editor.Summary {
	list := make([]editor.Summary, len(hits))
	for i, h := range hits {
		list[i] = h.Summary
	}
	return list
}

// countTrashedHitsSQL counts a search's hits in Trash and among the drafts
// deleted for good. It reads only the partial index drafts_trash (schema
// 3), never a draft row, whose body would make it slow.
const countTrashedHitsSQL = `SELECT count(*) FILTER (WHERE d.purged_at IS NULL), count(*) FILTER (WHERE d.purged_at IS NOT NULL)
	FROM drafts d WHERE d.trashed_at IS NOT NULL
	AND EXISTS (SELECT 1 FROM drafts_fts WHERE drafts_fts MATCH ? AND drafts_fts.rowid = d.seq)`

// Count returns how many drafts match opt, ignoring Limit, Offset and Sort.
// A search is counted in the index alone when only Trash separates the
// hits, since looking up every hit's draft costs far more (half a second
// for a common word at 100,000 drafts).
func (db *DB) Count(ctx context.Context, opt editor.ListOptions) (int, error) {
	q, err := buildListQuery(opt)
	if err != nil {
		return 0, err
	}
	var n int
	if q.expr == "" {
		err = db.read.QueryRowContext(ctx, `SELECT count(*) FROM drafts d WHERE `+strings.Join(q.filters, ` AND `), q.args...).Scan(&n)
		return n, db.storeError("count articles", err)
	}

	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return 0, db.storeError("count articles", err)
	}
	defer func() { _ = tx.Rollback() }()
	if len(q.filters) == 1 { // Trash or not, nothing else
		var all, trashed, purged int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM drafts_fts WHERE drafts_fts MATCH ?`, q.expr).Scan(&all); err != nil {
			return 0, db.storeError("count articles", err)
		}
		// Trash and the drafts deleted for good (which keep trashed_at)
		// are few: probe the index for each. A deleted draft's only
		// indexed text is its "purged-<id>" slug, so it rarely matches.
		if err := tx.QueryRowContext(ctx, countTrashedHitsSQL, q.expr).Scan(&trashed, &purged); err != nil {
			return 0, db.storeError("count articles", err)
		}
		if opt.Trashed {
			return trashed, nil
		}
		return all - trashed - purged, nil
	}
	query, args, err := db.countSQL(ctx, tx, q, `count(*)`, ``)
	if err != nil {
		return 0, db.storeError("count articles", err)
	}
	if err := tx.QueryRowContext(ctx, query, args...).Scan(&n); err != nil {
		return 0, db.storeError("count articles", err)
	}
	return n, nil
}

// countSQL returns a query aggregating the hits of a search that match the
// filters. With many hits it collects the hit rowids once and walks the
// filtered drafts through their indexes, never reading a draft row; with
// few it lets the index drive and looks the hits up.
func (db *DB) countSQL(ctx context.Context, tx *sql.Tx, q listQuery, cols, groupBy string) (string, []any, error) {
	many, err := hitsOver(ctx, tx, q.expr, db.manyHits)
	if err != nil {
		return "", nil, err
	}
	if many {
		return `SELECT ` + cols + ` FROM drafts d WHERE ` + strings.Join(q.filters, ` AND `) + `
			AND +d.seq IN (SELECT rowid FROM drafts_fts WHERE drafts_fts MATCH ?)` + groupBy,
			append(append([]any(nil), q.args...), q.expr), nil
	}
	return `SELECT ` + cols + ` FROM drafts_fts CROSS JOIN drafts d ON d.seq = drafts_fts.rowid
		WHERE drafts_fts MATCH ? AND ` + q.hitFilters() + groupBy,
		append([]any{q.expr}, q.args...), nil
}

// StatusCounts returns how many drafts match opt in each status, ignoring
// opt.Statuses, Limit, Offset and Sort: the figures of a status line such
// as "1,284 drafts · 37 filed". Statuses without drafts are left out.
func (db *DB) StatusCounts(ctx context.Context, opt editor.ListOptions) (map[editor.Status]int, error) {
	opt.Statuses = nil
	q, err := buildListQuery(opt)
	if err != nil {
		return nil, err
	}
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, db.storeError("count articles", err)
	}
	defer func() { _ = tx.Rollback() }()
	query := `SELECT d.status, count(*) FROM drafts d WHERE ` + strings.Join(q.filters, ` AND `) + ` GROUP BY d.status`
	args := q.args
	if q.expr != "" {
		if query, args, err = db.countSQL(ctx, tx, q, `d.status, count(*)`, ` GROUP BY d.status`); err != nil {
			return nil, db.storeError("count articles", err)
		}
	}
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, db.storeError("count articles", err)
	}
	defer rows.Close()
	counts := map[editor.Status]int{}
	for rows.Next() {
		var s editor.Status
		var n int
		if err := rows.Scan(&s, &n); err != nil {
			return nil, db.storeError("count articles", err)
		}
		counts[s] = n
	}
	if err := rows.Err(); err != nil {
		return nil, db.storeError("count articles", err)
	}
	return counts, nil
}
