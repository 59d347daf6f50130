package storage

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/dateline-news/dateline/editor"
)

// This file is the store's side of the three-way merge (issue 14): the
// heads of a draft with their text, the common ancestor of two of them in
// the revision graph, and the merge revision, whose two parents are the
// heads it joins. A merge revision's first parent is revisions.parent_id,
// its second sync_revisions.merge_parent, as a merge pulled from the
// server has them; headsTx and the server's push count a revision built on
// by a merge as resolved either way.

var _ editor.MergeStore = (*DB)(nil)

// HeadRevisions returns the draft's heads (Heads) with their articles,
// the one the draft shows first. ENOTFOUND.
func (db *DB) HeadRevisions(ctx context.Context, draftID string) ([]editor.Revision, error) {
	heads, err := db.Heads(ctx, draftID)
	if err != nil {
		return nil, err
	}
	out := make([]editor.Revision, 0, len(heads))
	for _, h := range heads {
		r, err := db.Revision(ctx, h.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, *r)
	}
	return out, nil
}

// revisionGraph is a draft's revisions: each one's parents (one, two for
// a merge, none for the first) and its place in the library (seq).
type revisionGraph struct {
	parents map[string][]string
	seq     map[string]int64
}

// graphTx reads the revision graph of the draft that holds revision id.
func graphTx(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, id string) (*revisionGraph, error) {
	rows, err := q.QueryContext(ctx, `
		SELECT r.id, r.seq, ifnull(r.parent_id, ''), ifnull(s.merge_parent, '')
		FROM revisions r LEFT JOIN sync_revisions s ON s.revision_id = r.id
		WHERE r.draft_id = (SELECT draft_id FROM revisions WHERE id = ?)`, id)
	if err != nil {
		return nil, fmt.Errorf("read revision graph: %w", err)
	}
	defer rows.Close()
	g := &revisionGraph{parents: map[string][]string{}, seq: map[string]int64{}}
	for rows.Next() {
		var (
			rid, parent, merge string
			seq                int64
		)
		if err := rows.Scan(&rid, &seq, &parent, &merge); err != nil {
			return nil, fmt.Errorf("read revision graph: %w", err)
		}
		g.seq[rid] = seq
		for _, p := range []string{parent, merge} {
			if p != "" {
				g.parents[rid] = append(g.parents[rid], p)
			}
		}
	}
	return g, rows.Err()
}

// ancestors returns id and every revision it descends from.
func (g *revisionGraph) ancestors(id string) map[string]bool {
	seen := map[string]bool{}
	stack := []string{id}
	for len(stack) > 0 {
		r := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[r] {
			continue
		}
		seen[r] = true
		stack = append(stack, g.parents[r]...)
	}
	return seen
}

// mergeBase returns the lowest common ancestor of a and b: of the
// revisions both descend from (each counting as its own ancestor), the one
// written last into this library. A revision is always stored after its
// parents, here and when pulled, so no other common ancestor descends
// from it. "" when they share none.
func (g *revisionGraph) mergeBase(a, b string) string {
	inA := g.ancestors(a)
	best, bestSeq := "", int64(-1)
	for r := range g.ancestors(b) {
		if inA[r] && g.seq[r] > bestSeq {
			best, bestSeq = r, g.seq[r]
		}
	}
	return best
}

// MergeBase returns the common ancestor of revisions a and b with its
// article (the base of a three-way merge), nil when they share none.
// ENOTFOUND when either is no revision, EINVALID when they belong to
// different drafts.
func (db *DB) MergeBase(ctx context.Context, a, b string) (*editor.Revision, error) {
	g, err := graphTx(ctx, db.read, a)
	if err != nil {
		return nil, db.storeError("find the common ancestor", err)
	}
	if _, ok := g.seq[a]; !ok {
		return nil, editor.Errorf(editor.ENOTFOUND, "no revision with ID %s", a)
	}
	if _, ok := g.seq[b]; !ok {
		if _, err := db.Revision(ctx, b); err != nil {
			return nil, err
		}
		return nil, editor.Errorf(editor.EINVALID, "revisions %s and %s belong to different drafts", shortID(a), shortID(b))
	}
	base := g.mergeBase(a, b)
	if base == "" {
		return nil, nil
	}
	return db.Revision(ctx, base)
}

// SaveMerge stores a as the merge of two heads of its draft: one edit
// revision, not a conflicting one, whose parents are both heads (the
// one the draft shows first), and makes it the draft's text, in one
// IMMEDIATE transaction. Neither head stays a head, here and, once synced,
// on the server and every laptop. The merge keeps a status that one of the
// heads has (a publication still needs its suggestions decided,
// CheckReviewed); any other falls back to the draft's stored status. The
// merge revision is sealed for sync at once (it names its second parent
// there), with the draft's revisions not sealed yet. ESTALE, storing
// nothing, when either is no longer a head of the draft (merge again);
// ENOTFOUND, EINVALID, ECONFLICT for a slug another draft has.
func (db *DB) SaveMerge(ctx context.Context, a *editor.Article, heads [2]string, opt editor.SaveOptions) (*editor.Revision, error) {
	if err := db.writable(); err != nil {
		return nil, err
	}
	if a == nil {
		return nil, editor.Errorf(editor.EINVALID, "no article to save")
	}
	if heads[0] == "" || heads[1] == "" || heads[0] == heads[1] {
		return nil, editor.Errorf(editor.EINVALID, "a merge joins two different heads")
	}
	if err := a.Validate(); err != nil {
		return nil, err
	}
	var rev *editor.Revision
	err := db.update(ctx, "save the merge", func(tx *sql.Tx) error {
		var err error
		rev, err = db.saveMergeTx(ctx, tx, a, heads, opt)
		return err
	})
	if err != nil {
		return nil, err
	}
	a.BaseRevision, a.BaseSaved = rev.ID, rev.Created
	return rev, nil
}

func (db *DB) saveMergeTx(ctx context.Context, tx *sql.Tx, a *editor.Article, heads [2]string, opt editor.SaveOptions) (*editor.Revision, error) {
	cur, err := draftStateTx(ctx, tx, a.ID)
	if err != nil {
		return nil, err
	}
	if cur.purged {
		return nil, purgedError(a.ID)
	}
	now := db.now()
	current, err := headsTx(ctx, tx, a.ID)
	if err != nil {
		return nil, err
	}
	isHead := map[string]bool{}
	for _, h := range current {
		isHead[h.ID] = true
	}
	for _, h := range heads {
		if !isHead[h] {
			return nil, editor.Errorf(editor.ESTALE, "revision %s is no longer a head of this draft (it changed meanwhile); nothing was saved: merge again", shortID(h))
		}
	}
	if heads[1] == cur.head {
		heads[0], heads[1] = heads[1], heads[0]
	}
	if err := checkSlugFree(ctx, tx, a.Slug, a.ID); err != nil {
		return nil, err
	}
	if a.Status != cur.status {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM revisions WHERE id IN (?, ?) AND json_extract(doc, '$.status') = ?`,
			heads[0], heads[1], string(a.Status)).Scan(&n); err != nil {
			return nil, fmt.Errorf("read the heads' status: %w", err)
		}
		if n == 0 {
			a.Status = cur.status
		}
	}
	if err := editor.CheckReviewed(a, a.Status); err != nil {
		return nil, err
	}
	if a.Published.IsZero() {
		a.Published = cur.published
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
	rowDoc, err := marshalDraftDoc(a)
	if err != nil {
		return nil, err
	}
	authors, err := marshalJSON(nonNil(a.Byline.Authors))
	if err != nil {
		return nil, err
	}
	words := editor.CountWords(a.PublicBody())
	note := opt.Note
	if note == "" {
		note = "merged " + shortID(heads[0]) + " and " + shortID(heads[1])
	}
	rev := &editor.Revision{
		ID: editor.NewRevisionID(), ArticleID: a.ID, ParentID: heads[0], MergeParentID: heads[1],
		Kind: editor.RevisionEdit, Created: now, Device: db.device, Author: opt.SaveAuthor(db.author),
		Words: words, Note: note,
	}
	t := nanos(now)
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO revisions (id, draft_id, parent_id, kind, session, started, created, device, author, words, note, doc)
		VALUES (?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?)`,
		rev.ID, a.ID, rev.ParentID, string(rev.Kind), t, t, rev.Device, rev.Author, words, rev.Note, doc); err != nil {
		return nil, fmt.Errorf("add merge revision: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `
		UPDATE drafts SET slug = ?, headline = ?, status = ?, authors = ?, created = ?, updated = ?,
			published = ?, head_revision = ?, words = ?, body = ?, doc = ?
		WHERE seq = ?`,
		a.Slug, a.Headline, string(a.Status), authors, nanos(a.Created), nanos(a.Updated),
		nullNanos(a.Published), rev.ID, words, a.Body, rowDoc, cur.seq); err != nil {
		return nil, writeError(err, a)
	}
	// Sealed at once (the merge's second parent is recorded beside its
	// stamp); the draft's earlier unsealed revisions first, in order.
	if _, err := sealRevisionsTx(ctx, tx, a.ID); err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE sync_revisions SET merge_parent = ? WHERE revision_id = ?`, rev.MergeParentID, rev.ID); err != nil {
		return nil, fmt.Errorf("record the merge's second parent: %w", err)
	}
	return rev, nil
}
