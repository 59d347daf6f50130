package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"

	"github.com/dateline-news/dateline/editor"
)

// Automatic backups: how often, how many are kept, and where.
const (
	// AutoBackupEvery is the age of the newest backup after which
	// AutoBackup makes a new one.
	AutoBackupEvery = 24 * time.Hour
	// KeepBackups is how many automatic backups AutoBackup keeps.
	KeepBackups = 7
	// backupTimeFormat names backup files so that they sort by time.
	backupTimeFormat = "20060102-150405"
)

// BackupDir returns the folder automatic backups go to: "backups" next to
// the library file.
func (db *DB) BackupDir() string {
	return filepath.Join(filepath.Dir(db.path), "backups")
}

// Backup writes a consistent copy of the library to path with VACUUM INTO,
// while the library stays usable. When path is an existing folder, the copy
// goes into it under a timestamped name; an empty path means BackupDir. It
// never overwrites a file: it writes a temporary file (mode 0600) and links
// it into place. It returns the path written.
func (db *DB) Backup(ctx context.Context, path string) (string, error) {
	if path == "" {
		path = db.BackupDir()
		if err := os.MkdirAll(path, 0o700); err != nil {
			return "", editor.Errorf(editor.EUNAVAILABLE, "backup: cannot create %s: %v", path, errors.Unwrap(err))
		}
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		path = filepath.Join(path, db.backupName())
	} else if err == nil {
		return "", editor.Errorf(editor.ECONFLICT, "backup %s: the file already exists", path)
	}
	dir := filepath.Dir(path)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return "", editor.Errorf(editor.ENOTFOUND, "backup %s: the folder %s does not exist", path, dir)
	}
	tmp, tmpPath, err := createTemp(dir, backupTempPattern)
	if err != nil {
		return "", editor.Errorf(editor.EUNAVAILABLE, "backup %s: %v", path, errors.Unwrap(err))
	}
	defer removeTemp(tmp, tmpPath)

	// VACUUM INTO reads in one transaction, so the copy is a snapshot even
	// while the GUI keeps saving. It runs on the writer connection because
	// query-only connections refuse it. It writes into the empty temporary
	// file, which keeps its mode 0600.
	if _, err := db.write.ExecContext(ctx, `VACUUM INTO ?`, tmpPath); err != nil {
		return "", db.storeError("backup", err)
	}
	if err := syncFile(tmpPath); err != nil {
		return "", editor.Errorf(editor.EUNAVAILABLE, "backup %s: %v", path, err)
	}
	// Link, not rename, so that an existing file at path is never replaced.
	if err := os.Link(tmpPath, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return "", editor.Errorf(editor.ECONFLICT, "backup %s: the file already exists", path)
		}
		if err := os.Rename(tmpPath, path); err != nil {
			return "", editor.Errorf(editor.EUNAVAILABLE, "backup %s: %v", path, errors.Unwrap(err))
		}
	}
	return path, nil
}

// backupName is the timestamped file name of a backup made now.
func (db *DB) backupName() string {
	base := strings.TrimSuffix(filepath.Base(db.path), filepath.Ext(db.path))
	return base + "-" + db.now().UTC().Format(backupTimeFormat) + ".db"
}

// AutoBackup makes a backup in BackupDir when the newest one there is more
// than AutoBackupEvery old, or there is none, and then deletes all but the
// newest KeepBackups. It returns the path of the new backup, or "" when
// none was due. The GUI and CLI call it at start-up.
func (db *DB) AutoBackup(ctx context.Context) (string, error) {
	dir := db.BackupDir()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", editor.Errorf(editor.EUNAVAILABLE, "backup: cannot create %s: %v", dir, errors.Unwrap(err))
	}
	backups, err := db.Backups()
	if err != nil {
		return "", err
	}
	if len(backups) > 0 && db.now().Sub(backups[0].Time) < AutoBackupEvery {
		return "", nil
	}
	path, err := db.Backup(ctx, filepath.Join(dir, db.backupName()))
	if err != nil {
		return "", err
	}
	if backups, err = db.Backups(); err != nil {
		return path, err
	}
	for _, b := range backups[min(len(backups), KeepBackups):] {
		if err := os.Remove(b.Path); err != nil {
			return path, editor.Errorf(editor.EUNAVAILABLE, "backup: cannot remove the old backup %s: %v", b.Path, errors.Unwrap(err))
		}
	}
	return path, nil
}

// BackupFile is one automatic backup.
type BackupFile struct {
	Path string
	// Time is when the backup was made, from its file name.
	Time time.Time
}

// Backups lists the automatic backups in BackupDir, newest first.
func (db *DB) Backups() ([]BackupFile, error) {
	return ListBackups(db.path)
}

// ListBackups lists the automatic backups of the library at libraryPath
// (in the backups folder beside it), newest first. The library need not
// open: a damaged library's backups are listed too.
func ListBackups(libraryPath string) ([]BackupFile, error) {
	lib, err := realPath(libraryPath)
	if err != nil {
		return nil, editor.Errorf(editor.EINVALID, "list backups: %v", err)
	}
	dir := filepath.Join(filepath.Dir(lib), "backups")
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	} else if err != nil {
		return nil, editor.Errorf(editor.EUNAVAILABLE, "list backups: %v", errors.Unwrap(err))
	}
	base := strings.TrimSuffix(filepath.Base(lib), filepath.Ext(lib)) + "-"
	var out []BackupFile
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasPrefix(name, base) || !strings.HasSuffix(name, ".db") {
			continue
		}
		t, err := time.Parse(backupTimeFormat, strings.TrimSuffix(strings.TrimPrefix(name, base), ".db"))
		if err != nil {
			continue
		}
		out = append(out, BackupFile{Path: filepath.Join(dir, name), Time: t})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Time.After(out[j].Time) })
	return out, nil
}

// NewestUsableBackup returns the newest automatic backup of the library at
// libraryPath that opens and passes Check, with the number of drafts it
// holds, for the start-up offer to restore it. ENOTFOUND when there is
// none. It does not change the backups.
func NewestUsableBackup(ctx context.Context, libraryPath string) (BackupFile, int, error) {
	backups, err := ListBackups(libraryPath)
	if err != nil {
		return BackupFile{}, 0, err
	}
	for _, b := range backups {
		db, err := Open(b.Path, ReadOnly())
		if err != nil {
			continue
		}
		problems, err := db.Check(ctx)
		var n int
		if err == nil && len(problems) == 0 {
			n, err = db.Count(ctx, editor.ListOptions{})
		}
		_ = db.Close()
		if err == nil && len(problems) == 0 {
			return b, n, nil
		}
	}
	return BackupFile{}, 0, editor.Errorf(editor.ENOTFOUND, "the library %s has no usable backup", libraryPath)
}

// RestoreBackup replaces the library file at libraryPath with a copy of the
// backup at backupPath. The library must be closed. The copy is opened
// (which upgrades a backup from an older schema) and must pass Check before
// it replaces anything. The current library is kept beside it as
// libraryPath + ".before-restore". The backup file itself is not changed.
func RestoreBackup(ctx context.Context, backupPath, libraryPath string) error {
	_, err := restoreBackup(ctx, backupPath, libraryPath, ".before-restore")
	return err
}

// RestoreDamaged replaces the damaged library at libraryPath with a copy of
// the backup at backupPath, as RestoreBackup does, but keeps the damaged
// file aside as libraryPath + ".damaged-" + a time stamp, which it
// returns, so that nothing in it is lost to a later repair.
func RestoreDamaged(ctx context.Context, backupPath, libraryPath string) (string, error) {
	return restoreBackup(ctx, backupPath, libraryPath, ".damaged-"+time.Now().UTC().Format(backupTimeFormat))
}

// restoreBackup replaces the library with the backup, keeping the current
// file as libraryPath+aside, and returns that name ("" when there was no
// library). A symbolic link at libraryPath stays, and the file it points
// to is replaced. While it works it holds the library's lock, so that it
// refuses while a window has the library open, and no window opens the
// library half-way.
func restoreBackup(ctx context.Context, backupPath, libraryPath, aside string) (string, error) {
	libraryPath, err := realPath(libraryPath)
	if err != nil {
		return "", editor.Errorf(editor.EINVALID, "restore: library path %s: %v", libraryPath, err)
	}
	lock, err := LockLibrary(libraryPath, "restore")
	var locked *LockedError
	if errors.As(err, &locked) {
		return "", editor.Errorf(editor.ECONFLICT, "restore: %s; close it first, then restore (nothing was changed)", locked.Error())
	} else if err != nil {
		return "", err
	}
	defer lock.Release()

	src, err := os.Open(backupPath)
	if err != nil {
		return "", editor.Errorf(editor.ENOTFOUND, "restore: cannot read the backup %s: %v", backupPath, errors.Unwrap(err))
	}
	defer src.Close()
	tmp, tmpPath, err := createTemp(filepath.Dir(libraryPath), restoreTempPattern)
	if err != nil {
		return "", editor.Errorf(editor.EUNAVAILABLE, "restore: %v", errors.Unwrap(err))
	}
	defer removeTemp(tmp, tmpPath)
	if _, err = io.Copy(tmp, src); err != nil {
		return "", editor.Errorf(editor.EUNAVAILABLE, "restore: copy %s: %v", backupPath, err)
	}

	b, err := Open(tmpPath)
	if err != nil {
		return "", editor.Errorf(editor.ErrorCode(err), "restore: the backup %s cannot be used: %s", backupPath, editor.ErrorMessage(err))
	}
	problems, err := b.Check(ctx)
	if err == nil {
		// Fold the write-ahead log in, so the copy is one file.
		_, err = b.write.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
	}
	if cerr := b.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", fmt.Errorf("restore: %w", err)
	}
	if len(problems) > 0 {
		return "", editor.Errorf(editor.EINVALID, "restore: the backup %s is damaged: %s", backupPath, strings.Join(problems, "; "))
	}
	if err := syncFile(tmpPath); err != nil {
		return "", editor.Errorf(editor.EUNAVAILABLE, "restore: %v", err)
	}

	kept := ""
	if _, err := os.Stat(libraryPath); err == nil {
		if old, err := Open(libraryPath); err == nil {
			_, _ = old.write.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
			_ = old.Close()
		}
		// An earlier restore's copy is never overwritten.
		if _, err := os.Lstat(libraryPath + aside); err == nil {
			aside += "-" + time.Now().UTC().Format(backupTimeFormat)
		}
		// The old file keeps its write-ahead log, if one is left: SQLite
		// finds "NAME-wal" next to "NAME".
		for _, suffix := range []string{"-wal", "-shm", ""} {
			if err := os.Rename(libraryPath+suffix, libraryPath+aside+suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return "", editor.Errorf(editor.EUNAVAILABLE, "restore: keep the current library: %v", errors.Unwrap(err))
			}
		}
		kept = libraryPath + aside
	}
	if err := os.Rename(tmpPath, libraryPath); err != nil {
		return kept, editor.Errorf(editor.EUNAVAILABLE, "restore: %v", errors.Unwrap(err))
	}
	return kept, nil
}

// Temporary files of backups and restores, in the folder they write to.
const (
	backupTempPattern  = ".dateline-backup-*.db"
	restoreTempPattern = ".dateline-restore-*.db"
)

// createTemp creates an empty temporary file (mode 0600) in dir and locks
// it, so that removeStaleTemps in another process leaves it alone while
// this one works on it.
func createTemp(dir, pattern string) (*os.File, string, error) {
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, "", err
	}
	if _, err := tryLock(f); err != nil {
		_ = f.Close()
		_ = os.Remove(f.Name())
		return nil, "", err
	}
	return f, f.Name(), nil
}

// sqliteCompanions are the files SQLite may put beside a database.
var sqliteCompanions = []string{"-journal", "-wal", "-shm"}

// removeTemp closes and removes a temporary file made by createTemp, with
// the files SQLite may have put beside it. The companions go first, so
// that a process killed in between leaves the main file, which the next
// removeStaleTemps finds again.
func removeTemp(f *os.File, path string) {
	for _, suffix := range sqliteCompanions {
		_ = os.Remove(path + suffix)
	}
	_ = os.Remove(path)
	_ = f.Close()
}

// removeStaleTemps removes the temporary files that backups and restores
// killed before they finished left in dirs: every one whose lock no
// running process holds. Open calls it, so they go at the next start.
func removeStaleTemps(dirs ...string) {
	if !canLock {
		return
	}
	for _, dir := range dirs {
		for _, pattern := range []string{backupTempPattern, restoreTempPattern} {
			names, _ := filepath.Glob(filepath.Join(dir, pattern))
			for _, name := range names {
				f, err := os.Open(name)
				if err != nil {
					continue
				}
				if ok, err := tryLock(f); ok && err == nil {
					removeTemp(f, name)
				} else {
					_ = f.Close()
				}
			}
			// Companions whose database is gone (an older version removed
			// the main file first) can belong to no running process.
			for _, suffix := range sqliteCompanions {
				orphans, _ := filepath.Glob(filepath.Join(dir, pattern+suffix))
				for _, o := range orphans {
					if _, err := os.Stat(strings.TrimSuffix(o, suffix)); os.IsNotExist(err) {
						_ = os.Remove(o)
					}
				}
			}
		}
	}
}

// syncFile flushes a file to disk.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		_ = f.Close()
		return err
	}
	return f.Close()
}

// Check verifies the library: SQLite's integrity_check and foreign-key
// check, the full-text index against the drafts, every draft's head
// revision, the author and tag tables against the drafts, and that every
// draft deleted for good is a blank tombstone. It returns
// the problems found, none for a healthy library; the error is for a check
// that could not run.
func (db *DB) Check(ctx context.Context) ([]string, error) {
	var problems []string
	// integrity_check also checks the full-text index, but with the index
	// layout FTS5 cached on this connection when it last searched, which
	// is stale once another connection has written: any FTS5 query first
	// refreshes it. Both run in one read transaction, so that no write
	// comes between them.
	conn, err := db.read.Conn(ctx)
	if err != nil {
		return nil, db.storeError("check", err)
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, db.storeError("check", err)
	}
	defer func() { _ = tx.Rollback() }()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM drafts_fts WHERE rowid = 0`).Scan(&n); err != nil {
		return nil, db.storeError("check", err)
	}
	rows, err := tx.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return nil, db.storeError("check", err)
	}
	for rows.Next() {
		var msg string
		if err := rows.Scan(&msg); err != nil {
			rows.Close()
			return nil, db.storeError("check", err)
		}
		if msg != "ok" {
			problems = append(problems, "integrity: "+msg)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, db.storeError("check", err)
	}
	if err := tx.Rollback(); err != nil {
		return nil, db.storeError("check", err)
	}
	if len(problems) > 0 {
		return problems, nil // the rest would only repeat the damage
	}

	if err := db.read.QueryRowContext(ctx, `SELECT count(*) FROM pragma_foreign_key_check`).Scan(&n); err != nil {
		return nil, db.storeError("check", err)
	}
	if n > 0 {
		problems = append(problems, fmt.Sprintf("%d rows point at drafts that do not exist", n))
	}

	// FTS5's integrity-check compares the index with the drafts it reads
	// from; it is written as an INSERT, so it runs on the writer (it
	// changes nothing).
	if db.readOnly {
		// A query-only connection refuses the check command.
	} else if _, err := db.write.ExecContext(ctx, `INSERT INTO drafts_fts (drafts_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
		problems = append(problems, "the search index does not match the drafts ("+err.Error()+"); RepairSearch rebuilds it")
	}

	for _, c := range []struct{ query, problem string }{
		{`SELECT count(*) FROM drafts d WHERE d.head_revision IS NULL
			OR NOT EXISTS (SELECT 1 FROM revisions r WHERE r.id = d.head_revision AND r.draft_id = d.id)`,
			"%d drafts have no head revision"},
		{`SELECT count(*) FROM drafts d WHERE (SELECT count(*) FROM draft_authors WHERE draft = d.seq)
			<> (SELECT count(DISTINCT trim(value) COLLATE NOCASE) FROM json_each(d.authors) WHERE trim(value) <> '')`,
			"%d drafts have an author list out of step"},
		{`SELECT count(*) FROM drafts d WHERE (SELECT count(*) FROM draft_tags WHERE draft = d.seq)
			<> (SELECT count(DISTINCT trim(value) COLLATE NOCASE) FROM json_each(d.doc, '$.tags') WHERE trim(value) <> '')`,
			"%d drafts have a tag list out of step"},
		{`SELECT count(*) FROM drafts WHERE id <> json_extract(doc, '$.id') OR slug <> json_extract(doc, '$.slug')
			OR headline <> ifnull(json_extract(doc, '$.headline'), '') OR status <> json_extract(doc, '$.status')`,
			"%d drafts have columns that disagree with their stored article"},
		// A tombstone's doc is consistent too (see purgeTx), so the check
		// above holds for it; this one makes sure no text is left behind.
		{`SELECT count(*) FROM drafts WHERE purged_at IS NOT NULL AND (trashed_at IS NULL
			OR slug <> 'purged-' || id OR headline <> '' OR body <> '' OR authors <> '[]' OR words <> 0
			OR deck <> '' OR tags <> '' OR trim(byline) <> '[]'
			OR EXISTS (SELECT 1 FROM draft_authors WHERE draft = drafts.seq)
			OR EXISTS (SELECT 1 FROM draft_tags WHERE draft = drafts.seq))`,
			"%d drafts deleted for good still hold text"},
	} {
		if err := db.read.QueryRowContext(ctx, c.query).Scan(&n); err != nil {
			return nil, db.storeError("check", err)
		}
		if n > 0 {
			problems = append(problems, fmt.Sprintf(c.problem, n))
		}
	}
	return problems, nil
}

// RepairSearch rebuilds the full-text index from the drafts.
func (db *DB) RepairSearch(ctx context.Context) error {
	if err := db.writable(); err != nil {
		return err
	}
	_, err := db.write.ExecContext(ctx, `INSERT INTO drafts_fts (drafts_fts) VALUES ('rebuild')`)
	return db.storeError("rebuild search index", err)
}

// SearchIndexDamaged is the quick check of the full-text index the GUI
// runs at every start: it reports whether the index disagrees with the
// drafts. FTS5's own integrity-check (in Check) reads the whole index and
// every draft inside a write transaction, which takes seconds on a large
// library and would hold up every save meanwhile; this check only reads,
// so it also runs on a read-only library, and takes milliseconds. It
// compares the number of indexed rows with the number of drafts, and looks
// up the newest drafts and a random sample of the others by the words of
// their headline and the start of their body: a draft the index does not
// find by its own words is out of step. A corrupt index fails those
// lookups too.
func (db *DB) SearchIndexDamaged(ctx context.Context) (bool, error) {
	damaged, err := db.searchIndexDamaged(ctx)
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrCorrupt || se.Code == sqlite3.ErrNotADB) {
		return true, nil
	}
	if err != nil {
		return false, db.storeError("check the search index", err)
	}
	return damaged, nil
}

// searchProbes is how many of the newest drafts, and how many random
// others, SearchIndexDamaged looks up.
const searchProbes = 12

func (db *DB) searchIndexDamaged(ctx context.Context) (bool, error) {
	conn, err := db.read.Conn(ctx)
	if err != nil {
		return false, err
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return false, err
	}
	defer func() { _ = tx.Rollback() }()
	var indexed, drafts int
	if err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM drafts_fts_docsize), (SELECT count(*) FROM drafts)`).Scan(&indexed, &drafts); err != nil {
		return false, err
	}
	if indexed != drafts {
		return true, nil
	}
	rows, err := tx.QueryContext(ctx, `WITH RECURSIVE picks (n, seq) AS (
			SELECT 0, NULL
			UNION ALL
			SELECT n + 1, abs(random()) % (SELECT ifnull(max(seq), 0) + 1 FROM drafts) FROM picks WHERE n < ?)
		SELECT seq, headline, substr(body, 1, 2000) FROM drafts WHERE seq IN (SELECT seq FROM picks)
		UNION
		SELECT * FROM (SELECT seq, headline, substr(body, 1, 2000) FROM drafts
			WHERE trashed_at IS NULL ORDER BY updated DESC LIMIT ?)`, searchProbes, searchProbes)
	if err != nil {
		return false, err
	}
	type probe struct {
		seq            int64
		headline, body string
	}
	var probes []probe
	for rows.Next() {
		var p probe
		if err := rows.Scan(&p.seq, &p.headline, &p.body); err != nil {
			rows.Close()
			return false, err
		}
		probes = append(probes, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return false, err
	}
	for _, p := range probes {
		for _, c := range []struct{ column, text string }{{"headline", p.headline}, {"body", p.body}} {
			words := probeWords(c.text, 3)
			if len(words) == 0 {
				continue
			}
			var n int
			err := tx.QueryRowContext(ctx, `SELECT count(*) FROM drafts_fts WHERE drafts_fts MATCH ? AND rowid = ?`,
				c.column+" : ("+strings.Join(words, " AND ")+")", p.seq).Scan(&n)
			if err != nil {
				return false, err
			}
			if n == 0 {
				return true, nil
			}
		}
	}
	return false, nil
}

// probeWords returns up to n of the longest words of text that the index's
// tokenizer (unicode61) surely sees as whole tokens: runs of ASCII letters
// and digits between ASCII separators. Words with other letters are left
// out rather than guessed at, and so are FTS5's operator words. Long words
// are rare ones, whose lists in the index are short to look through.
func probeWords(text string, n int) []string {
	seen := map[string]bool{}
	var words []string
	for _, f := range strings.FieldsFunc(text, func(r rune) bool {
		return r < 0x80 && !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9')
	}) {
		w := strings.ToLower(f)
		ascii := true
		for _, r := range w {
			if r >= 0x80 {
				ascii = false
				break
			}
		}
		switch {
		case !ascii, seen[w], w == "and", w == "or", w == "not", w == "near":
			continue
		}
		seen[w] = true
		words = append(words, w)
	}
	sort.SliceStable(words, func(i, j int) bool { return len(words[i]) > len(words[j]) })
	return words[:min(n, len(words))]
}
