package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"

	"github.com/dateline-news/dateline/editor"
)

// Profile returns the library's publication profile, or
// editor.DefaultProfile when none has been saved.
func (db *DB) Profile(ctx context.Context) (editor.Profile, error) {
	var doc string
	err := db.read.QueryRowContext(ctx, `SELECT doc FROM profile WHERE id = 1`).Scan(&doc)
	if errors.Is(err, sql.ErrNoRows) {
		return editor.DefaultProfile(), nil
	} else if err != nil {
		return editor.Profile{}, db.storeError("read profile", err)
	}
	p := editor.DefaultProfile()
	if err := json.Unmarshal([]byte(doc), &p); err != nil {
		return editor.Profile{}, editor.Errorf(editor.EINTERNAL, "decode stored profile: %v", err)
	}
	return p, nil
}

// SaveProfile validates and stores the profile. EINVALID.
func (db *DB) SaveProfile(ctx context.Context, p editor.Profile) error {
	if err := db.writable(); err != nil {
		return err
	}
	if err := p.Validate(); err != nil {
		return err
	}
	doc, err := marshalJSON(p)
	if err != nil {
		return err
	}
	_, err = db.write.ExecContext(ctx, `
		INSERT INTO profile (id, doc, updated) VALUES (1, ?1, ?2)
		ON CONFLICT (id) DO UPDATE SET doc = ?1, updated = ?2`, doc, nanos(db.now()))
	return db.storeError("save profile", err)
}
