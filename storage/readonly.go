package storage

import "github.com/dateline-news/dateline/editor"

// ReadOnlyReason says why Open found the library unwritable and opened it
// read-only ("it is on a read-only disk", "the disk holding it is full"),
// or returns "" when the file could be written (also when ReadOnly was
// asked for).
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
