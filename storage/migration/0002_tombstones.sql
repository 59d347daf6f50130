-- Schema 2: revisions only ever grow. Emptying Trash and deleting a draft
-- no longer delete rows; they leave a tombstone, so that the set of
-- revisions (and of draft IDs) only grows, as a later sync between devices
-- needs.

-- purged_at is when the draft was deleted for good; NULL while it is live
-- or in Trash. A purged draft keeps its seq, id, status, times and head
-- revision, and keeps trashed_at set, so that every "live" condition
-- (trashed_at IS NULL) already leaves it out. Its searchable text is
-- blanked (headline, body, authors, doc), its slug becomes "purged-<id>"
-- so that a new story can take the old one, and it has no author or tag
-- rows. Its revisions stay whole.
ALTER TABLE drafts ADD COLUMN purged_at INTEGER;

-- A draft row is never deleted: purge it instead. (Deleting one would also
-- cascade to its revisions, which the trigger below refuses.)
CREATE TRIGGER drafts_before_delete BEFORE DELETE ON drafts BEGIN
	SELECT RAISE(ABORT, 'drafts are never deleted: deleting a draft for good leaves a tombstone (purged_at)');
END;

-- Schema 1 let a revision go together with its draft. Now nothing deletes
-- a revision.
DROP TRIGGER revisions_before_delete;
CREATE TRIGGER revisions_before_delete BEFORE DELETE ON revisions BEGIN
	SELECT RAISE(ABORT, 'revisions are immutable: a revision is never deleted');
END;

-- The one replacement schema 1 allows (an autosave of the same session
-- within a minute replacing the head revision) is closed once the draft is
-- purged.
DROP TRIGGER revisions_before_update;
CREATE TRIGGER revisions_before_update BEFORE UPDATE ON revisions
WHEN NOT (
	NEW.seq = OLD.seq AND NEW.id = OLD.id AND NEW.draft_id = OLD.draft_id
	AND NEW.parent_id IS OLD.parent_id
	AND OLD.kind = 'edit' AND NEW.kind = 'edit'
	AND OLD.session <> '' AND NEW.session = OLD.session
	AND NEW.device = OLD.device AND NEW.author = OLD.author
	AND NEW.started = OLD.started
	AND NEW.created >= OLD.created
	AND NEW.created - OLD.started <= 60000000000
	AND ifnull((SELECT head_revision FROM drafts WHERE id = OLD.draft_id AND purged_at IS NULL), '') = OLD.id
)
BEGIN
	SELECT RAISE(ABORT, 'revisions are immutable: only an autosave of the same session within a minute may replace its own newest revision');
END;
