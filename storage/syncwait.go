package storage

import (
	"context"
)

// SyncWaiting counts the library's revisions the server does not hold
// yet: those sealed but not pushed, and those not sealed yet (written since
// the last sync). The window's status bar says it while offline. It only
// reads; a revision still being typed into counts once.
func (db *DB) SyncWaiting(ctx context.Context) (int, error) {
	var n int
	err := db.read.QueryRowContext(ctx, `
		SELECT (SELECT count(*) FROM sync_revisions WHERE pushed = 0)
			+ (SELECT count(*) FROM revisions r WHERE NOT EXISTS (SELECT 1 FROM sync_revisions s WHERE s.revision_id = r.id))`).Scan(&n)
	if err != nil {
		return 0, db.storeError("count revisions waiting for the server", err)
	}
	return n, nil
}
