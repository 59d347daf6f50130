package storage

import "github.com/dateline-news/dateline/editor"

// ReadOnlyReason says why Open opened the library read-only although it
// was not asked to ("the folder … is read-only"), or "" when the library is
// writable or read-only was asked for.
func (db *DB) ReadOnlyReason() string {
	return db.readOnlyWhy
}

// IsReadOnly reports whether every write to the library is refused.
func (db *DB) IsReadOnly() bool {
	return db.readOnly
}

// readOnlyError is the error of a write to a read-only library.
func (db *DB) readOnlyError() error {
	if db.readOnlyWhy != "" {
		return editor.Errorf(editor.EUNAVAILABLE, "the library is read-only: %s; nothing was changed", db.readOnlyWhy)
	}
	return editor.Errorf(editor.EUNAVAILABLE, "the library is read-only: %s was opened for reading only; nothing was changed", db.path)
}
