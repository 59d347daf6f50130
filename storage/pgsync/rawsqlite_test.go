//go:build sqlite_fts5

package pgsync

import (
	"database/sql"
	"path/filepath"
	"testing"

	_ "github.com/mattn/go-sqlite3"
)

// rawSQLite opens a plain SQLite file with the library's safety settings
// (WAL, synchronous=FULL) and one table of revisions, for baselines.
func rawSQLite(b *testing.B) (*sql.DB, error) {
	db, err := sql.Open("sqlite3", "file:"+filepath.Join(b.TempDir(), "raw.db")+"?_journal_mode=WAL&_synchronous=FULL")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	_, err = db.Exec(`CREATE TABLE revisions (id TEXT PRIMARY KEY, draft_id TEXT, kind TEXT, created INTEGER, hlc INTEGER,
		device TEXT, author TEXT, words INTEGER, note TEXT, conflict INTEGER, doc TEXT)`)
	return db, err
}
