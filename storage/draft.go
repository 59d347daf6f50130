package storage

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
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

// textMovedTx reports whether the draft's text moved on from the base
// revision a save names: whether the head is a revision other than base
// (or base as rewritten by an autosave after baseSaved) that is not just
// workflow moves on top of base. Status revisions (Transition) carry the
// stored text on with a new status, and a save keeps the stored status
// anyway, so they never make a save conflict; an edit, import or restore
// by someone else does.
func textMovedTx(ctx context.Context, tx *sql.Tx, cur draftState, base string, baseSaved time.Time) (bool, error) {
	id, saved := cur.head, cur.headSaved
	for range 10000 {
		if id == base {
			return !baseSaved.IsZero() && nanos(baseSaved) != saved, nil
		}
		var (
			kind   editor.RevisionKind
			parent sql.NullString
		)
		err := tx.QueryRowContext(ctx, `SELECT kind, parent_id FROM revisions WHERE id = ?`, id).Scan(&kind, &parent)
		if errors.Is(err, sql.ErrNoRows) {
			return true, nil
		} else if err != nil {
			return false, fmt.Errorf("read revision: %w", err)
		}
		if kind != editor.RevisionStatus || !parent.Valid {
			return true, nil
		}
		id = parent.String
		if err := tx.QueryRowContext(ctx, `SELECT created FROM revisions WHERE id = ?`, id).Scan(&saved); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return false, fmt.Errorf("read revision: %w", err)
		}
	}
	return true, nil
}

// conflictTx stores a save whose base revision is no longer the draft's
// head: someone else saved the draft after this copy was read. Nothing is
// overwritten. The text becomes a conflicting revision whose parent is the
// base, beside the head, and the draft row (its current text, the search
// index, the list) stays as the head has it. A later save of the same
// session based on that conflicting revision coalesces into it as long as
// nothing builds on it, within CoalesceWindow, so that typing on while the
// conflict is unresolved does not pile up revisions; it never coalesces
// into the head or into anyone else's revision. It returns the conflicting
// revision, sets a.BaseRevision to it, and returns an ESTALE error that
// names both.
func (db *DB) conflictTx(ctx context.Context, tx *sql.Tx, a *editor.Article, opt editor.SaveOptions, cur draftState, now time.Time) (*editor.Revision, error) {
	var (
		base             editor.Revision
		session          string
		conflict         bool
		started, created int64
		children         int
		sealed           bool
	)
	err := tx.QueryRowContext(ctx, `
		SELECT id, kind, session, started, created, device, author, conflict,
			(SELECT count(*) FROM revisions c WHERE c.parent_id = r.id),
			EXISTS (SELECT 1 FROM sync_revisions s WHERE s.revision_id = r.id)
		FROM revisions r WHERE id = ? AND draft_id = ?`, a.BaseRevision, a.ID).
		Scan(&base.ID, &base.Kind, &session, &started, &created, &base.Device, &base.Author, &conflict, &children, &sealed)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, editor.Errorf(editor.EINVALID, "the save is based on revision %s, which is not a revision of the article %s", a.BaseRevision, a.ID)
	} else if err != nil {
		return nil, fmt.Errorf("read base revision: %w", err)
	}
	if err := keepWorkflow(a, cur, opt.Kind); err != nil {
		return nil, err
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
	words := editor.CountWords(a.PublicBody())
	t := nanos(now)
	rev := &editor.Revision{
		ID: editor.NewRevisionID(), ArticleID: a.ID, ParentID: base.ID, Kind: opt.Kind, Created: now,
		Device: db.device, Author: opt.SaveAuthor(db.author), Words: words, Note: opt.Note, Conflict: true,
	}
	if conflict && children == 0 && !sealed && base.Kind == editor.RevisionEdit && opt.Kind == editor.RevisionEdit &&
		opt.Session != "" && session == opt.Session && base.Device == db.device && base.Author == opt.SaveAuthor(db.author) &&
		t >= created && t-started <= int64(CoalesceWindow) {
		var parent sql.NullString
		if err := tx.QueryRowContext(ctx, `SELECT parent_id FROM revisions WHERE id = ?`, base.ID).Scan(&parent); err != nil {
			return nil, fmt.Errorf("read base revision: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE revisions SET created = ?, words = ?, note = ?, doc = ? WHERE id = ?`,
			t, words, opt.Note, doc, base.ID); err != nil {
			return nil, fmt.Errorf("coalesce conflicting revision: %w", err)
		}
		rev.ID, rev.ParentID = base.ID, parent.String
	} else {
		_, err = tx.ExecContext(ctx, `
			INSERT INTO revisions (id, draft_id, parent_id, kind, session, started, created, device, author, words, note, doc, conflict)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
			rev.ID, a.ID, base.ID, string(rev.Kind), opt.Session, t, t, rev.Device, rev.Author, words, rev.Note, doc)
		if err != nil {
			return nil, fmt.Errorf("add conflicting revision: %w", err)
		}
	}
	a.BaseRevision, a.BaseSaved = rev.ID, now
	return rev, editor.Errorf(editor.ESTALE,
		"this draft was changed elsewhere (revision %s) after this copy was read; nothing was overwritten: this text is kept as conflicting revision %s beside it",
		shortID(cur.head), shortID(rev.ID))
}

// shortID shortens a revision ID for messages: its first 13 characters,
// the time-ordered part of a UUIDv7.
func shortID(id string) string {
	if len(id) > 13 {
		return id[:13]
	}
	return id
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

// Get returns the article with this ID, in Trash or not. ENOTFOUND, also
// for an article deleted for good.
func (db *DB) Get(ctx context.Context, id string) (*editor.Article, error) {
	var doc, body, head string
	var headSaved int64
	var purged bool
	err := db.read.QueryRowContext(ctx, `SELECT doc, body, purged_at IS NOT NULL, `+headColumns+` FROM drafts WHERE id = ?`, id).
		Scan(&doc, &body, &purged, &head, &headSaved)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, editor.Errorf(editor.ENOTFOUND, "no article with ID %s", id)
	} else if err != nil {
		return nil, db.storeError("get article", err)
	}
	if purged {
		return nil, purgedError(id)
	}
	return unmarshalDraft(doc, body, head, headSaved)
}

// purgedError is the ENOTFOUND error for the ID of a draft deleted for
// good.
func purgedError(id string) error {
	return editor.Errorf(editor.ENOTFOUND, "the article with ID %s was deleted for good", id)
}

// MinPrefix is the shortest ID prefix Lookup accepts.
const MinPrefix = 8

// Lookup finds an article by full ID, slug, or a unique ID prefix of at
// least MinPrefix characters, in that order. It never finds an article
// deleted for good. ENOTFOUND, and ECONFLICT for a prefix that several
// articles share.
func (db *DB) Lookup(ctx context.Context, ref string) (*editor.Article, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return nil, editor.Errorf(editor.EINVALID, "no article ID or slug given")
	}
	var doc, body, id, head string
	var headSaved int64
	var purged bool
	err := db.read.QueryRowContext(ctx, `SELECT doc, body, id, purged_at IS NOT NULL, `+headColumns+` FROM drafts WHERE id = ?1 OR slug = ?1 ORDER BY id = ?1 DESC LIMIT 1`, ref).
		Scan(&doc, &body, &id, &purged, &head, &headSaved)
	if err == nil && purged {
		return nil, purgedError(id)
	} else if err == nil {
		return unmarshalDraft(doc, body, head, headSaved)
	} else if !errors.Is(err, sql.ErrNoRows) {
		return nil, db.storeError("look up article", err)
	}

	prefix := strings.ToLower(ref)
	if len(prefix) < MinPrefix || strings.Trim(prefix, "0123456789abcdef-") != "" {
		return nil, editor.Errorf(editor.ENOTFOUND, "no article with ID or slug %q", ref)
	}
	rows, err := db.read.QueryContext(ctx, `SELECT id, headline, doc, body, `+headColumns+` FROM drafts WHERE id >= ? AND id < ? AND purged_at IS NULL ORDER BY id LIMIT 3`,
		prefix, prefix+"\x7f")
	if err != nil {
		return nil, db.storeError("look up article", err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id, headline string
		if err := rows.Scan(&id, &headline, &doc, &body, &head, &headSaved); err != nil {
			return nil, db.storeError("look up article", err)
		}
		ids = append(ids, fmt.Sprintf("%s %q", id[:min(len(id), 13)], headline))
	}
	if err := rows.Err(); err != nil {
		return nil, db.storeError("look up article", err)
	}
	switch len(ids) {
	case 0:
		return nil, editor.Errorf(editor.ENOTFOUND, "no article with ID or slug %q", ref)
	case 1:
		return unmarshalDraft(doc, body, head, headSaved)
	}
	return nil, editor.Errorf(editor.ECONFLICT, "ID prefix %q matches several articles (%s); give more of the ID", ref, strings.Join(ids, ", "))
}

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

// marshalArticle encodes an article as the JSON kept in doc columns.
func marshalArticle(a *editor.Article) (string, error) {
	return marshalJSON(a)
}

// marshalJSON encodes v without HTML escaping, so that the JSON text the
// full-text index reads holds "&" and "<" as they are.
func marshalJSON(v any) (string, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", fmt.Errorf("encode: %w", err)
	}
	return strings.TrimSuffix(buf.String(), "\n"), nil
}

// marshalDraftDoc encodes an article without its body, for drafts.doc.
func marshalDraftDoc(a *editor.Article) (string, error) {
	c := *a
	c.Body = ""
	return marshalJSON(&c)
}

// unmarshalDraft decodes drafts.doc, puts the body column back in and
// names the head revision as the copy's base.
func unmarshalDraft(doc, body, head string, headSaved int64) (*editor.Article, error) {
	a, err := unmarshalArticle(doc)
	if err != nil {
		return nil, err
	}
	a.Body = body
	a.BaseRevision = head
	a.BaseSaved = fromNanos(headSaved)
	return a, nil
}

// headColumns select a draft's head revision and when it was last
// written, for unmarshalDraft.
const headColumns = `ifnull(head_revision, ''), ifnull((SELECT created FROM revisions WHERE id = head_revision), 0)`

func unmarshalArticle(doc string) (*editor.Article, error) {
	var a editor.Article
	if err := json.Unmarshal([]byte(doc), &a); err != nil {
		return nil, editor.Errorf(editor.EINTERNAL, "decode stored article: %v", err)
	}
	return &a, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// nanos stores times as Unix nanoseconds, which sort and compare as plain
// integers.
func nanos(t time.Time) int64 {
	return t.UnixNano()
}

func nullNanos(t time.Time) sql.NullInt64 {
	if t.IsZero() {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: t.UnixNano(), Valid: true}
}

func fromNanos(n int64) time.Time {
	return time.Unix(0, n).UTC()
}

func nullString(s string) sql.NullString {
	return sql.NullString{String: s, Valid: s != ""}
}
