// Package storage is Dateline's draft library: the SQLite implementation of
// editor.Store. It owns the database file, its pragmas, the embedded schema
// migrations, drafts and their immutable revisions, the FTS5 full-text index,
// the publication profile, backups and the integrity check.
//
// The library is one SQLite file in WAL mode with synchronous=FULL. All
// writes go through a single connection in IMMEDIATE transactions; reads use
// a separate pool of query-only connections. The binary must be built with
// the sqlite_fts5 build tag: Open refuses to work without FTS5.
//
// Files: db.go opens the library (application ID, read-only fallback,
// migrations, error mapping); draft.go (saving: Create and Save, the
// revision a save makes or coalesces into, the checks a write makes),
// draft_conflict.go (a save on a stale base), draft_read.go (Get,
// Lookup), draft_delete.go, revision.go, workflow.go, list.go, search.go
// and profile.go implement the Store methods; columns.go is how values
// sit in columns (JSON docs, times as nanoseconds, NULLs); backup.go holds
// backups, restore, the cleaning of temporary files and the integrity
// check; lock.go the one-window-per-library lock; readonly.go what a
// read-only library says; files_unix.go and files_other.go the system
// calls (access, statfs, flock) behind them.
//
// Every save names the revision it is based on (Article.BaseRevision):
// when the draft's text moved on since, draft_conflict.go keeps the save as a
// conflicting revision beside the head instead of overwriting it (schema 4,
// migration/0004_conflicts.sql); revision.go lists both branches.
// merge.go joins two heads: their common ancestor in the revision graph
// (MergeBase) and one merge revision with both as parents (SaveMerge).
//
// sync.go is the library's side of offline-first sync with a newsroom
// server (package storage/pgsync; schema 5, migration/0005_sync.sql): it
// seals revisions with a hybrid logical clock before they leave the laptop
// (a sealed revision never coalesces again), applies revisions pulled from
// the server, and keeps the draft's text on its winning head by the rule
// the server uses, so that a diverged draft shows the same text and the
// same conflict tips everywhere. syncdelete.go makes moving a draft to
// Trash, back, and deleting it for good travel too (schema 6,
// migration/0006_sync_events.sql): as events, data that only grows like
// revisions, from which every replica derives the same place for each
// draft. syncwait.go counts the revisions the
// server lacks, for the window's status bar.
package storage

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"os/user"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"

	"github.com/dateline-news/dateline/editor"
)

// Ensure DB implements editor.Store.
var _ editor.Store = (*DB)(nil)

//go:embed migration/*.sql
var migrationFS embed.FS

// dsnParams are the connection settings every connection gets, as
// ARCHITECTURE.md requires. synchronous=FULL is given explicitly because
// go-sqlite3 lowers it to NORMAL in WAL mode, which can lose the last
// commits on power loss.
//
// The journal mode is not among them: setting it writes to the file, and
// Open must first make sure the file is a Dateline library (see prepare).
const dsnParams = "_txlock=immediate&_busy_timeout=%d&_foreign_keys=on&_synchronous=FULL"

// readParams configure the read pool: the same safety settings, and the
// connection refuses to write.
const readParams = "_busy_timeout=%d&_foreign_keys=on&_synchronous=FULL&_query_only=1"

// defaultBusyTimeout is how long a connection waits for another writer
// before it reports the library busy.
const defaultBusyTimeout = 5 * time.Second

// ApplicationID marks a SQLite file as a Dateline library (PRAGMA
// application_id, bytes 68–71 of the file header): "Dlne".
const ApplicationID = 0x446c6e65

// NoFTS5Message is the message of the error Open returns when the binary was
// built without the sqlite_fts5 build tag.
const NoFTS5Message = "this build of Dateline lacks SQLite FTS5; rebuild with the sqlite_fts5 build tag (make build)"

// DB is an open draft library. It is safe for concurrent use.
type DB struct {
	path  string
	write *sql.DB // one connection: SQLite allows one writer
	read  *sql.DB // query-only connections for lists, search and reads

	now       func() time.Time
	manyHits  int           // see defaultManyHits
	commonTag int           // see defaultCommonTag
	busy      time.Duration // see defaultBusyTimeout
	device    string
	author    string
	readOnly  bool
	// forReading is set by ForReading: read-only unless the schema is old.
	forReading bool
	// mustExist refuses a path where there is no library; see Existing.
	mustExist bool
	// readOnlyWhy says why Open found the library unwritable ("it is on a
	// read-only disk"); empty when it is writable.
	readOnlyWhy string
	// openCode is the SQLite error code of the last failure while opening.
	openCode sqlite3.ErrNo
}

// Option configures Open.
type Option func(*DB)

// WithNow sets the clock the library stamps times with. Tests use it to
// control time; the default is time.Now.
func WithNow(now func() time.Time) Option {
	return func(db *DB) { db.now = now }
}

// WithDevice names the device recorded on every revision. The default is
// the host name.
func WithDevice(name string) Option {
	return func(db *DB) { db.device = name }
}

// WithAuthor names the author recorded on every revision. The default is
// the operating-system user's full name, or login name.
func WithAuthor(name string) Option {
	return func(db *DB) { db.author = name }
}

// withBusyTimeout shortens the wait for a busy library, for tests.
func withBusyTimeout(d time.Duration) Option {
	return func(db *DB) { db.busy = d }
}

// ReadOnly opens the library without migrating it and makes every write
// fail. It suits commands that only read, such as list and search.
func ReadOnly() Option {
	return func(db *DB) { db.readOnly = true }
}

// ForReading opens an existing library for a command that only reads it
// (list, search, export, history, check): read-only, so that nothing the
// command does can change it, and without the write lock. A library of an
// older schema is the exception: it is opened for writing once, so that
// it is upgraded as any other open would, and then read.
func ForReading() Option {
	return func(db *DB) { db.readOnly, db.forReading, db.mustExist = true, true, true }
}

// errUpgradeFirst is prepare's answer when a library opened ForReading
// needs its schema upgraded first; Open then opens it for writing.
var errUpgradeFirst = errors.New("library needs upgrading before it is read")

// Existing makes Open refuse a path where there is no library, with
// ENOTFOUND "no library at PATH", instead of creating one. Commands that
// only read, and those that copy the library elsewhere, use it, so that a
// mistyped path is not silently turned into an empty library.
func Existing() Option {
	return func(db *DB) { db.mustExist = true }
}

// DefaultPath returns the default library file in the operating system's
// data directory, creating the directory (mode 0700) if needed:
// $XDG_DATA_HOME/dateline/library.db or ~/.local/share/dateline/library.db
// on Linux and other Unix systems, ~/Library/Application
// Support/Dateline/library.db on macOS and %AppData%\Dateline\library.db on
// Windows.
func DefaultPath() (string, error) {
	dir, err := dataDir()
	if err != nil {
		return "", editor.Errorf(editor.EUNAVAILABLE, "cannot find a data folder for the library: %v; choose one with --library PATH", err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", editor.Errorf(editor.EUNAVAILABLE, "cannot create the library folder %s: %v", dir, errors.Unwrap(err))
	}
	return filepath.Join(dir, "library.db"), nil
}

// dataDir returns the per-user data directory for Dateline.
func dataDir() (string, error) {
	switch runtime.GOOS {
	case "windows":
		dir := os.Getenv("AppData")
		if dir == "" {
			return "", errors.New("%AppData% is not set")
		}
		return filepath.Join(dir, "Dateline"), nil
	case "darwin", "ios":
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		return filepath.Join(home, "Library", "Application Support", "Dateline"), nil
	}
	if dir := os.Getenv("XDG_DATA_HOME"); dir != "" && filepath.IsAbs(dir) {
		return filepath.Join(dir, "dateline"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".local", "share", "dateline"), nil
}

// Open opens the library file at path, creating it (mode 0600) if it does
// not exist, checks that SQLite has FTS5, and migrates the schema to the
// newest version this build knows. The folder must exist. A symbolic link
// is followed: the library is the file it points to.
//
// A file that exists but cannot be written (a read-only file, folder or
// mount, or a disk so full that SQLite cannot even set up its shared
// memory) is opened read-only: it can be listed, searched, exported,
// checked and backed up elsewhere, and every save says why it cannot be
// made. A SQLite file that is not a Dateline library is refused before
// anything is written to it.
//
// Errors are *editor.Error values: EUNAVAILABLE for a binary without FTS5,
// a missing or unwritable folder or a busy library; ENOTFOUND for a missing
// folder, or a missing file with ReadOnly or Existing; EINVALID for a file
// that is not a Dateline library, is damaged, or comes from a newer
// Dateline.
func Open(path string, opts ...Option) (*DB, error) {
	db := &DB{now: time.Now, manyHits: defaultManyHits, commonTag: defaultCommonTag, busy: defaultBusyTimeout}
	for _, opt := range opts {
		opt(db)
	}
	if db.device == "" {
		db.device, _ = os.Hostname()
	}
	if db.author == "" {
		db.author = currentUserName()
	}
	if strings.TrimSpace(path) == "" {
		return nil, editor.Errorf(editor.EINVALID, "no library path given")
	}
	abs, err := realPath(path)
	if err != nil {
		return nil, editor.Errorf(editor.EINVALID, "library path %s: %v", path, err)
	}
	db.path = abs
	if err := checkLibraryPath(abs, db.readOnly || db.mustExist); err != nil {
		return nil, err
	}
	created, err := createLibraryFile(abs)
	if err != nil {
		return nil, err
	}
	if created {
		// A library this call creates is removed again if Open fails, so a
		// failed first start leaves no empty file behind.
		defer func() {
			if db.write == nil {
				for _, suffix := range []string{"", "-wal", "-shm"} {
					_ = os.Remove(abs + suffix)
				}
			}
		}()
	} else if why := unwritableReason(abs); why != "" {
		db.readOnly, db.readOnlyWhy = true, why
	}

	err = db.connect()
	if err != nil && !created && (!db.readOnly || db.forReading && db.readOnlyWhy == "") && (db.openCode == sqlite3.ErrFull || db.openCode == sqlite3.ErrIoErr) {
		// A full disk cannot give SQLite the few bytes of shared memory
		// a WAL library needs even to be read; read-only, it needs none.
		why := "the disk holding it is full or failing (" + db.openCode.Error() + ")"
		if diskFull(abs) {
			why = "the disk holding it is full"
		}
		db.readOnly, db.readOnlyWhy = true, why
		err = db.connect()
	}
	if errors.Is(err, errUpgradeFirst) {
		db.readOnly = false
		err = db.connect()
	}
	if err != nil {
		return nil, err
	}
	if !db.readOnly || db.forReading && db.readOnlyWhy == "" {
		removeStaleTemps(filepath.Dir(abs), db.BackupDir())
	}
	return db, nil
}

// realPath returns the absolute path of path with symbolic links
// resolved, as far as they lead to an existing file.
func realPath(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real, nil
	}
	return abs, nil
}

// createLibraryFile creates an empty library file readable by its owner
// only, before SQLite opens it: SQLite would create it 0644, and gives its
// write-ahead log and shared-memory files the mode of the library file.
func createLibraryFile(path string) (bool, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	switch {
	case errors.Is(err, fs.ErrExist):
		return false, nil
	case err != nil:
		return false, editor.Errorf(editor.EUNAVAILABLE, "cannot create the library %s: the folder is not writable (%v)", path, errors.Unwrap(err))
	}
	if err := f.Close(); err != nil {
		return true, editor.Errorf(editor.EUNAVAILABLE, "cannot create the library %s: %v", path, err)
	}
	return true, nil
}

// connect opens the writer and the read pool and prepares the library. On
// failure it leaves db.write nil.
func (db *DB) connect() error {
	ms := db.busy.Milliseconds()
	writeParams := fmt.Sprintf(dsnParams, ms)
	readParams := fmt.Sprintf(readParams, ms)
	if db.readOnly {
		// mode=ro makes SQLite refuse every write. On a file nobody can
		// write here, with no write-ahead log to read, immutable=1 lets
		// SQLite read it without creating the shared-memory file, which
		// a read-only folder or a full disk cannot hold. The writer stays able to run VACUUM
		// INTO, so a read-only library can still be backed up.
		ro := "&mode=ro"
		if fi, err := os.Stat(db.path + "-wal"); db.readOnlyWhy != "" && (err != nil || fi.Size() == 0) {
			ro += "&immutable=1"
		}
		writeParams = strings.Replace(writeParams, "_txlock=immediate", "_txlock=deferred", 1) + ro
		readParams += ro
	}
	var err error
	if db.write, err = sql.Open("sqlite3", fileURI(db.path)+"?"+writeParams); err != nil {
		db.write = nil
		return db.openError(err)
	}
	db.write.SetMaxOpenConns(1)
	db.write.SetMaxIdleConns(1)
	db.write.SetConnMaxLifetime(0)
	db.write.SetConnMaxIdleTime(0)

	if err := db.prepare(context.Background()); err != nil {
		_ = db.write.Close()
		db.write = nil
		return err
	}

	if db.read, err = sql.Open("sqlite3", fileURI(db.path)+"?"+readParams); err != nil {
		_ = db.write.Close()
		db.write = nil
		return db.openError(err)
	}
	db.read.SetMaxOpenConns(4)
	db.read.SetMaxIdleConns(4)
	if err := db.read.Ping(); err != nil {
		_ = db.read.Close()
		_ = db.write.Close()
		db.read, db.write = nil, nil
		return db.openError(err)
	}
	return nil
}

// prepare checks the connection, FTS5, that the file is a Dateline library
// and its schema version, and only then writes: the journal mode, the
// pending migrations and the application ID.
func (db *DB) prepare(ctx context.Context) error {
	if err := db.write.PingContext(ctx); err != nil {
		return db.openError(err)
	}
	if err := checkFTS5(ctx, db.write); err != nil {
		return err
	}
	// A file SQLite can open lazily (a text file, say) only fails at its
	// first read of the header.
	var version, appID int
	if err := db.write.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil {
		return db.openError(err)
	}
	if err := db.write.QueryRowContext(ctx, `PRAGMA application_id`).Scan(&appID); err != nil {
		return db.openError(err)
	}
	switch {
	case appID == ApplicationID:
	case appID != 0:
		return editor.Errorf(editor.EINVALID, "%s is not a Dateline library (it is a SQLite database of another program, application ID %#x); nothing was changed", db.path, uint32(appID))
	default:
		if err := db.checkEmptyOrOurs(ctx); err != nil {
			return err
		}
	}
	known := len(mustMigrations())
	if version > known {
		return editor.Errorf(editor.EINVALID, "this library was written by a newer version of Dateline (schema %d, this build knows %d); update Dateline to open %s", version, known, db.path)
	}
	if db.readOnly {
		if version < known && db.forReading && db.readOnlyWhy == "" {
			return errUpgradeFirst
		}
		if version < known {
			return editor.Errorf(editor.EUNAVAILABLE, "the library %s needs upgrading to schema %d; open it once without read-only mode", db.path, known)
		}
		return nil
	}
	var mode string
	if err := db.write.QueryRowContext(ctx, `PRAGMA journal_mode = WAL`).Scan(&mode); err != nil {
		return db.openError(err)
	}
	if err := db.migrate(ctx); err != nil {
		return err
	}
	if appID != ApplicationID {
		if _, err := db.write.ExecContext(ctx, fmt.Sprintf(`PRAGMA application_id = %d`, ApplicationID)); err != nil {
			return db.openError(err)
		}
	}
	return nil
}

// checkEmptyOrOurs refuses a SQLite database without Dateline's
// application ID unless it is empty (a new library) or has Dateline's
// tables (a library from before the ID was set, which Open adopts), so that
// migrations never scribble into someone else's database.
func (db *DB) checkEmptyOrOurs(ctx context.Context) error {
	var others, ours int
	err := db.write.QueryRowContext(ctx, `SELECT count(*) FILTER (WHERE name NOT IN ('migrations', 'drafts')),
		count(*) FILTER (WHERE name IN ('migrations', 'drafts'))
		FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).Scan(&others, &ours)
	if err != nil {
		return db.openError(err)
	}
	switch {
	case ours == 2, others == 0 && ours <= 1:
		return nil
	}
	return editor.Errorf(editor.EINVALID, "%s is not a Dateline library (it is a SQLite database with other tables); nothing was changed", db.path)
}

// checkFTS5 reports an error naming the build tag when SQLite was compiled
// without FTS5.
func checkFTS5(ctx context.Context, conn *sql.DB) error {
	var used bool
	if err := conn.QueryRowContext(ctx, `SELECT sqlite_compileoption_used('ENABLE_FTS5')`).Scan(&used); err != nil {
		return fmt.Errorf("check fts5: %w", err)
	}
	if !used {
		return editor.Errorf(editor.EUNAVAILABLE, "%s", NoFTS5Message)
	}
	return nil
}

// checkLibraryPath gives clear errors for a library path whose folder is
// missing, or which names a folder, and, with mustExist, for a path where
// there is no library.
func checkLibraryPath(path string, mustExist bool) error {
	dir := filepath.Dir(path)
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return editor.Errorf(editor.ENOTFOUND, "cannot open the library %s: the folder %s does not exist", path, dir)
	case err != nil:
		return editor.Errorf(editor.EUNAVAILABLE, "cannot open the library %s: %v", path, errors.Unwrap(err))
	case !fi.IsDir():
		return editor.Errorf(editor.EINVALID, "cannot open the library %s: %s is not a folder", path, dir)
	}
	fi, err = os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if mustExist {
			return editor.Errorf(editor.ENOTFOUND, "no library at %s", path)
		}
	case err != nil:
		return editor.Errorf(editor.EUNAVAILABLE, "cannot open the library %s: %v", path, errors.Unwrap(err))
	case fi.IsDir():
		return editor.Errorf(editor.EINVALID, "cannot open the library %s: it is a folder, not a file", path)
	}
	return nil
}

// fileURI turns an absolute path into a SQLite file: URI, escaping the
// characters that would otherwise start the query or fragment.
func fileURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows: C:/x becomes /C:/x
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// currentUserName returns the OS user's full name, else the login name.
func currentUserName() string {
	u, err := user.Current()
	if err != nil {
		return os.Getenv("USER")
	}
	if name := strings.TrimSpace(strings.Split(u.Name, ",")[0]); name != "" {
		return name
	}
	return u.Username
}

// Path returns the absolute path of the library file.
func (db *DB) Path() string {
	return db.path
}

// Close closes the library. It lets SQLite refresh its planner statistics
// (PRAGMA optimize) and checkpoints the write-ahead log.
func (db *DB) Close() error {
	if db.write != nil && !db.readOnly {
		_, _ = db.write.Exec(`PRAGMA optimize`) // advisory; a failure changes nothing
	}
	var errs []error
	if db.read != nil {
		errs = append(errs, db.read.Close())
	}
	if db.write != nil {
		errs = append(errs, db.write.Close())
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("close library: %w", err)
	}
	return nil
}

// Migration is one numbered schema file: version N comes from a file named
// NNNN_what.sql and is applied after N-1. The library's migrations and the
// newsroom server's (storage/pgsync) are read by the same rule.
type Migration struct {
	// Version is the schema version the file produces.
	Version int
	// Name is the file's name, recorded when it is applied.
	Name string
	// SQL is the file's text.
	SQL string
}

// LoadMigrations reads the files pattern matches in fsys (an embedded
// folder), in order, and panics when their numbers are not 1, 2, 3 …: the
// files are part of the build, so a gap is a programming error.
func LoadMigrations(fsys fs.FS, pattern string) []Migration {
	names, err := fs.Glob(fsys, pattern)
	if err != nil {
		panic(err)
	}
	sort.Strings(names)
	var ms []Migration
	for i, name := range names {
		base := path.Base(name)
		n, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil || n != i+1 {
			panic(fmt.Sprintf("migration %s is out of sequence", name))
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			panic(err)
		}
		ms = append(ms, Migration{Version: n, Name: base, SQL: string(b)})
	}
	return ms
}

// mustMigrations returns the library's embedded migrations in order.
func mustMigrations() []Migration { return LoadMigrations(migrationFS, "migration/*.sql") }

// SchemaVersion is the newest schema version this build knows.
func SchemaVersion() int {
	return len(mustMigrations())
}

// migrate applies every migration newer than the library's schema, each in
// its own transaction. The schema version is PRAGMA user_version, set in
// the same transaction; the migrations table records the name and time of
// each applied file for people reading the database.
func (db *DB) migrate(ctx context.Context) error {
	if _, err := db.write.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)`); err != nil {
		return db.openError(fmt.Errorf("migrations table: %w", err))
	}
	for _, m := range mustMigrations() {
		if err := db.migrateOne(ctx, m); err != nil {
			return err
		}
	}
	return nil
}

func (db *DB) migrateOne(ctx context.Context, m Migration) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return db.openError(err)
	}
	defer func() { _ = tx.Rollback() }()

	var version int
	if err := tx.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil {
		return db.openError(err)
	}
	if version >= m.Version {
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return editor.Errorf(editor.EINTERNAL, "upgrade library %s with %s: %v", db.path, m.Name, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO migrations (name, applied_at) VALUES (?, ?)`, m.Name, db.now().UnixNano()); err != nil {
		return editor.Errorf(editor.EINTERNAL, "record migration %s: %v", m.Name, err)
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, m.Version)); err != nil {
		return editor.Errorf(editor.EINTERNAL, "set schema version %d: %v", m.Version, err)
	}
	if err := tx.Commit(); err != nil {
		return db.openError(err)
	}
	return nil
}

// openError turns a SQLite error met while opening into a message a
// correspondent understands.
func (db *DB) openError(err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) {
		db.openCode = se.Code
		switch se.Code {
		case sqlite3.ErrNotADB:
			return &DamagedError{editor.Errorf(editor.EINVALID, "%s is not a Dateline library (file is not a database)", db.path)}
		case sqlite3.ErrCorrupt:
			return &DamagedError{editor.Errorf(editor.EINVALID, "the library %s is damaged (database disk image is malformed); restore a backup", db.path)}
		case sqlite3.ErrCantOpen, sqlite3.ErrPerm, sqlite3.ErrReadonly, sqlite3.ErrAuth:
			return editor.Errorf(editor.EUNAVAILABLE, "cannot open the library %s: the file or its folder is not writable (%v)", db.path, se.Code)
		}
	}
	return db.storeError("open library", err)
}

// DamagedError is the error Open returns for a file SQLite finds damaged
// or cannot read as a database at all: a library whose backups may be
// restored. Its code is EINVALID.
type DamagedError struct {
	err *editor.Error
}

// Error returns the message.
func (e *DamagedError) Error() string { return e.err.Message }

// Unwrap returns the *editor.Error, for ErrorCode and ErrorMessage.
func (e *DamagedError) Unwrap() error { return e.err }

// IsDamaged reports whether err says that the library file is damaged.
func IsDamaged(err error) bool {
	var d *DamagedError
	return errors.As(err, &d)
}

// storeError maps errors from a library operation to *editor.Error values
// the GUI and CLI can show: busy, full, read-only and damaged libraries get
// their own messages; anything else is EINTERNAL with the operation named.
func (db *DB) storeError(op string, err error) error {
	if err == nil {
		return nil
	}
	var e *editor.Error
	if errors.As(err, &e) {
		return err
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return editor.Errorf(editor.EUNAVAILABLE, "%s: %v", op, err)
	}
	var se sqlite3.Error
	if errors.As(err, &se) {
		switch se.Code {
		case sqlite3.ErrBusy, sqlite3.ErrLocked:
			return editor.Errorf(editor.EUNAVAILABLE, "%s: the library %s is busy (another program is writing to it); try again", op, db.path)
		case sqlite3.ErrFull:
			return editor.Errorf(editor.EUNAVAILABLE, "%s: the disk holding %s is full", op, db.path)
		case sqlite3.ErrReadonly:
			if db.readOnly {
				return editor.Errorf(editor.EUNAVAILABLE, "%s: %s", op, editor.ErrorMessage(db.readOnlyError()))
			}
			return editor.Errorf(editor.EUNAVAILABLE, "%s: the library %s is read-only", op, db.path)
		case sqlite3.ErrCorrupt, sqlite3.ErrNotADB:
			return editor.Errorf(editor.EINVALID, "%s: the library %s is damaged (%v); restore a backup", op, db.path, se)
		case sqlite3.ErrIoErr:
			return editor.Errorf(editor.EUNAVAILABLE, "%s: cannot read or write %s (%v)", op, db.path, se)
		}
	}
	return editor.Errorf(editor.EINTERNAL, "%s: %v", op, err)
}
