package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Delete deletes the article for good, in Trash or not, in one IMMEDIATE
// transaction. Its revisions are kept, whole: revisions only ever grow, as
// a later sync between devices needs. The draft becomes a tombstone (see
// purgeTx) that nothing but that sync is meant to read: Get, Lookup, List,
// Count, Revisions and Revision no longer find it, its slug is free for a
// new article, and its ID is never used again. ENOTFOUND, also for an
// article already deleted for good.
func (db *DB) Delete(ctx context.Context, id string) error {
	return db.update(ctx, "delete article", func(tx *sql.Tx) error {
		cur, err := draftStateTx(ctx, tx, id)
		if err != nil {
			return err
		}
		if cur.purged {
			return purgedError(id)
		}
		return purgeTx(ctx, tx, []int64{cur.seq}, db.now())
	})
}

// purgeTx turns the drafts with these seqs into tombstones, marked with
// purged_at. A tombstone keeps its seq, ID, status, times, head revision
// and every revision; it stays (or goes) in Trash, so that the live
// condition trashed_at IS NULL leaves it out. Its slug becomes
// "purged-<id>", freeing the old one, and its searchable text (headline,
// body, authors, and the doc the deck, byline and tags come from) is
// blanked: the schema's update trigger takes the old terms out of the
// full-text index. Its author and tag rows go too.
func purgeTx(ctx context.Context, tx *sql.Tx, seqs []int64, now time.Time) error {
	for _, seq := range seqs {
		_, err := tx.ExecContext(ctx, `
			UPDATE drafts SET purged_at = ?1, trashed_at = ifnull(trashed_at, ?1), slug = 'purged-' || id,
				headline = '', authors = '[]', words = 0, body = '',
				doc = json_object('id', id, 'slug', 'purged-' || id, 'headline', '', 'status', status)
			WHERE seq = ?2 AND purged_at IS NULL`, nanos(now), seq)
		if err != nil {
			return fmt.Errorf("purge draft: %w", err)
		}
		// The schema's triggers have emptied these already; this makes
		// sure of it.
		if _, err := tx.ExecContext(ctx, `DELETE FROM draft_authors WHERE draft = ?`, seq); err != nil {
			return fmt.Errorf("purge authors: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM draft_tags WHERE draft = ?`, seq); err != nil {
			return fmt.Errorf("purge tags: %w", err)
		}
	}
	return nil
}
