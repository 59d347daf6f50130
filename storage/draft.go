package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/dateline-news/dateline/editor"
)

// draftState is what a write needs to know about a stored draft.
type draftState struct {
	seq        int64
	head       string
	headSaved  int64
	status     editor.Status
	created    int64
	published  time.Time
	correction string
	trashed    bool
	purged     bool
}

// Create inserts a new article and its first revision. It sets a.Created
// (when zero) and a.Updated to the library clock. ECONFLICT if the ID or
// slug is taken (an ID stays taken after its draft is deleted for good),
// EINVALID if the article fails Validate.
func (db *DB) Create(ctx context.Context, a *editor.Article, opt editor.SaveOptions) (*editor.Revision, error) {
	return db.save(ctx, a, opt, true)
}

// Save writes the article, inserting it if it is new, adds a revision or
// coalesces this session's newest one, and updates the search index, all in
// one IMMEDIATE transaction. It sets a.Created when zero, a.Updated to the
// library clock unless nothing but the time changed (or an import carries
// its own), and a.Published once, when a published story has none and the
// save is no import (stampTimes).
// Saving never moves a stored article through the workflow: an edit keeps
// the stored status (and sets a.Status to it), so a stale copy cannot undo
// a transition; Transition changes status. ECONFLICT if the slug belongs to
// another article or the ID to a draft deleted for good (an ID is never
// reused), EINVALID.
func (db *DB) Save(ctx context.Context, a *editor.Article, opt editor.SaveOptions) (*editor.Revision, error) {
	return db.save(ctx, a, opt, false)
}

func (db *DB) save(ctx context.Context, a *editor.Article, opt editor.SaveOptions, create bool) (*editor.Revision, error) {
	if err := db.writable(); err != nil {
		return nil, err
	}
	if a == nil {
		return nil, editor.Errorf(editor.EINVALID, "no article to save")
	}
	if opt.Kind == "" {
		opt.Kind = editor.RevisionEdit
	}
	if !validKind(opt.Kind) {
		return nil, editor.Errorf(editor.EINVALID, "unknown revision kind %q", opt.Kind)
	}
	if err := a.Validate(); err != nil {
		return nil, err
	}

	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return nil, db.storeError("save", err)
	}
	defer func() { _ = tx.Rollback() }()

	now := db.now()
	rev, err := db.saveTx(ctx, tx, a, opt, create, now)
	stale := editor.ErrorCode(err) == editor.ESTALE && rev != nil
	if err != nil && !stale {
		return nil, db.storeError("save", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, db.storeError("save", err)
	}
	return rev, err // a conflict is stored: the caller gets its revision and ESTALE
}

// saveTx writes the draft row and its revision inside tx. The full-text
// index and the author and tag tables follow through the schema's triggers.
func (db *DB) saveTx(ctx context.Context, tx *sql.Tx, a *editor.Article, opt editor.SaveOptions, create bool, now time.Time) (*editor.Revision, error) {
	cur, err := draftStateTx(ctx, tx, a.ID)
	exists := err == nil
	if err != nil && editor.ErrorCode(err) != editor.ENOTFOUND {
		return nil, err
	}
	if exists && cur.purged {
		return nil, editor.Errorf(editor.ECONFLICT, "the article with ID %s was deleted for good, and an ID is never used again; save the text as a new article", a.ID)
	}
	if exists && create {
		return nil, editor.Errorf(editor.ECONFLICT, "an article with ID %s already exists", a.ID)
	}
	if exists && !create && a.BaseRevision != "" {
		moved, err := textMovedTx(ctx, tx, cur, a.BaseRevision, a.BaseSaved)
		if err != nil {
			return nil, err
		}
		if moved {
			return db.conflictTx(ctx, tx, a, opt, cur, now)
		}
	}
	if err := checkSlugFree(ctx, tx, a.Slug, a.ID); err != nil {
		return nil, err
	}
	if exists {
		if err := keepWorkflow(a, cur, opt.Kind); err != nil {
			return nil, err
		}
	}
	if err := editor.CheckCorrection(a); err != nil {
		return nil, err
	}

	if a.Created.IsZero() {
		a.Created = now
	}
	if err := stampTimes(ctx, tx, a, opt.Kind, cur, exists, now); err != nil {
		return nil, err
	}
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

	// A status change, an import or a restore always gets its own revision;
	// only edits of one session within a minute coalesce.
	var rev *editor.Revision
	if exists && opt.Kind == editor.RevisionEdit && opt.Session != "" {
		rev, err = db.coalesceTx(ctx, tx, cur.head, opt, now, words, doc)
		if err != nil {
			return nil, err
		}
	}
	head := ""
	if exists {
		head = cur.head
	}
	newRev := rev == nil
	if newRev {
		rev = &editor.Revision{
			ID:        editor.NewRevisionID(),
			ArticleID: a.ID,
			ParentID:  head,
			Kind:      opt.Kind,
			Created:   now,
			Device:    db.device,
			Author:    opt.SaveAuthor(db.author),
			Words:     words,
			Note:      opt.Note,
		}
	}

	if exists {
		_, err = tx.ExecContext(ctx, `
			UPDATE drafts SET slug = ?, headline = ?, status = ?, authors = ?, created = ?, updated = ?,
				published = ?, head_revision = ?, words = ?, body = ?, doc = ?
			WHERE seq = ?`,
			a.Slug, a.Headline, string(a.Status), authors, nanos(a.Created), nanos(a.Updated),
			nullNanos(a.Published), rev.ID, words, a.Body, rowDoc, cur.seq)
	} else {
		_, err = tx.ExecContext(ctx, `
			INSERT INTO drafts (id, slug, headline, status, authors, created, updated, published, head_revision, words, body, doc)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			a.ID, a.Slug, a.Headline, string(a.Status), authors, nanos(a.Created), nanos(a.Updated),
			nullNanos(a.Published), rev.ID, words, a.Body, rowDoc)
	}
	if err != nil {
		return nil, writeError(err, a)
	}

	if newRev {
		_, err = tx.ExecContext(ctx, `
			INSERT INTO revisions (id, draft_id, parent_id, kind, session, started, created, device, author, words, note, doc)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			rev.ID, a.ID, nullString(rev.ParentID), string(rev.Kind), opt.Session, nanos(now), nanos(now),
			rev.Device, rev.Author, words, rev.Note, doc)
		if err != nil {
			return nil, fmt.Errorf("add revision: %w", err)
		}
	}
	a.BaseRevision, a.BaseSaved = rev.ID, rev.Created
	return rev, nil
}

// stampTimes sets the times a save owns. Updated is the last real change:
// now, except that an import keeps the modified date its copy carries, and
// a save that changes nothing keeps the stored one. Published is set once,
// to now, when a published or corrected story has none, except on import:
// imported copy keeps the date it carries (editor.PublishedAt), and an
// import's own time is never its publication date.
func stampTimes(ctx context.Context, tx *sql.Tx, a *editor.Article, kind editor.RevisionKind, cur draftState, exists bool, now time.Time) error {
	switch {
	case kind == editor.RevisionImport && !a.Updated.IsZero():
	case exists:
		stored, same, err := unchangedTx(ctx, tx, cur.seq, a)
		if err != nil {
			return err
		}
		if same {
			a.Updated = stored
		} else {
			a.Updated = now
		}
	default:
		a.Updated = now
	}
	if kind != editor.RevisionImport && (a.Status == editor.StatusPublished || a.Status == editor.StatusCorrected) && a.Published.IsZero() {
		a.Published = now
	}
	return nil
}

// unchangedTx reports whether a equals the stored draft at seq in
// everything but its update time, and returns that stored time.
func unchangedTx(ctx context.Context, tx *sql.Tx, seq int64, a *editor.Article) (time.Time, bool, error) {
	var (
		doc, body string
		updated   int64
	)
	err := tx.QueryRowContext(ctx, `SELECT doc, body, updated FROM drafts WHERE seq = ?`, seq).Scan(&doc, &body, &updated)
	if err != nil {
		return time.Time{}, false, fmt.Errorf("read draft: %w", err)
	}
	stored, err := unmarshalArticle(doc)
	if err != nil {
		return time.Time{}, false, err
	}
	stored.Body = body
	key := func(x *editor.Article) string {
		c := *x
		c.Updated, c.BaseRevision, c.BaseSaved = time.Time{}, "", time.Time{}
		s, err := marshalJSON(&c)
		if err != nil {
			return "unencodable"
		}
		return s
	}
	return fromNanos(updated), key(stored) == key(a), nil
}

// keepWorkflow reconciles the workflow fields of an article about to be
// saved over its stored state. The workflow moves only through
// transitions: an edit save keeps the stored status, and, when the
// caller's copy predates a transition and so lacks them, the stored
// publication time and correction note. That way an editor window's
// autosave never undoes a transition made elsewhere. A status revision
// (Transition) must make a legal move; an import brings in the status it
// carries, as the authoritative copy.
func keepWorkflow(a *editor.Article, cur draftState, kind editor.RevisionKind) error {
	switch kind {
	case editor.RevisionStatus:
		if a.Status != cur.status {
			if err := editor.CheckTransition(cur.status, a.Status); err != nil {
				return err
			}
			if err := editor.CheckReviewed(a, a.Status); err != nil {
				return err
			}
		}
	case editor.RevisionEdit, editor.RevisionRestore:
		a.Status = cur.status
	}
	if a.Published.IsZero() {
		a.Published = cur.published
	}
	if a.Status == cur.status && a.Status == editor.StatusCorrected && strings.TrimSpace(a.CorrectionNote) == "" {
		a.CorrectionNote = cur.correction
	}
	return nil
}

// coalesceTx replaces the head revision with the new state when it is an
// edit of the same session, device and author, first written under a minute
// ago. It returns nil when the save needs a revision of its own.
func (db *DB) coalesceTx(ctx context.Context, tx *sql.Tx, head string, opt editor.SaveOptions, now time.Time, words int, doc string) (*editor.Revision, error) {
	if head == "" {
		return nil, nil
	}
	var (
		r                editor.Revision
		session          string
		parent           sql.NullString
		started, created int64
		sealed           bool
	)
	err := tx.QueryRowContext(ctx, `
		SELECT id, draft_id, parent_id, kind, session, started, created, device, author,
			EXISTS (SELECT 1 FROM sync_revisions s WHERE s.revision_id = r.id)
		FROM revisions r WHERE id = ?`, head).
		Scan(&r.ID, &r.ArticleID, &parent, &r.Kind, &session, &started, &created, &r.Device, &r.Author, &sealed)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	} else if err != nil {
		return nil, fmt.Errorf("read head revision: %w", err)
	}
	t := nanos(now)
	// A revision sync has sealed may already be on another laptop: it
	// never changes again.
	if sealed || r.Kind != editor.RevisionEdit || session != opt.Session || r.Device != db.device || r.Author != opt.SaveAuthor(db.author) ||
		t < created || t-started > int64(CoalesceWindow) {
		return nil, nil
	}
	if _, err := tx.ExecContext(ctx, `UPDATE revisions SET created = ?, words = ?, note = ?, doc = ? WHERE id = ?`,
		t, words, opt.Note, doc, r.ID); err != nil {
		return nil, fmt.Errorf("coalesce revision: %w", err)
	}
	r.ParentID = parent.String
	r.Created = now
	r.Words = words
	r.Note = opt.Note
	return &r, nil
}

// CoalesceWindow is how long after its first save a revision may still
// absorb autosaves of the same editing session. The schema enforces the
// same limit.
const CoalesceWindow = time.Minute

// draftStateTx reads the stored state of the draft with id, purged or not.
// ENOTFOUND.
func draftStateTx(ctx context.Context, tx *sql.Tx, id string) (draftState, error) {
	var (
		s                  draftState
		head               sql.NullString
		trashed, published sql.NullInt64
	)
	err := tx.QueryRowContext(ctx, `
		SELECT seq, head_revision, ifnull((SELECT created FROM revisions WHERE id = head_revision), 0), status, created, published,
			ifnull(json_extract(doc, '$.correction_note'), ''), trashed_at, purged_at IS NOT NULL
		FROM drafts WHERE id = ?`, id).
		Scan(&s.seq, &head, &s.headSaved, &s.status, &s.created, &published, &s.correction, &trashed, &s.purged)
	if errors.Is(err, sql.ErrNoRows) {
		return s, editor.Errorf(editor.ENOTFOUND, "no article with ID %s", id)
	} else if err != nil {
		return s, fmt.Errorf("read draft %s: %w", id, err)
	}
	s.head = head.String
	s.trashed = trashed.Valid
	if published.Valid {
		s.published = fromNanos(published.Int64)
	}
	return s, nil
}

// checkSlugFree returns ECONFLICT when another article uses slug.
func checkSlugFree(ctx context.Context, tx *sql.Tx, slug, id string) error {
	var otherID, headline string
	err := tx.QueryRowContext(ctx, `SELECT id, headline FROM drafts WHERE slug = ? AND id <> ?`, slug, id).Scan(&otherID, &headline)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	} else if err != nil {
		return fmt.Errorf("check slug: %w", err)
	}
	if strings.TrimSpace(headline) == "" {
		headline = "an untitled draft"
	} else {
		headline = fmt.Sprintf("%q", headline)
	}
	return editor.Errorf(editor.ECONFLICT, "slug %q is already used by %s (%s)", slug, headline, otherID[:8])
}

// writeError turns a constraint violation the pre-checks missed (a race
// with another process) into ECONFLICT.
func writeError(err error, a *editor.Article) error {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "UNIQUE constraint failed: drafts.slug"):
		return editor.Errorf(editor.ECONFLICT, "slug %q is already used by another article", a.Slug)
	case strings.Contains(msg, "UNIQUE constraint failed: drafts.id"):
		return editor.Errorf(editor.ECONFLICT, "an article with ID %s already exists", a.ID)
	}
	return fmt.Errorf("write draft: %w", err)
}

// writable returns an error for a library opened read-only that says why.
func (db *DB) writable() error {
	if db.readOnly {
		return db.readOnlyError()
	}
	return nil
}

func validKind(k editor.RevisionKind) bool {
	switch k {
	case editor.RevisionEdit, editor.RevisionStatus, editor.RevisionImport, editor.RevisionRestore:
		return true
	}
	return false
}
