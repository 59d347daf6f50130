-- Schema 5: offline-first sync with a newsroom server (storage/sync.go,
-- storage/pgsync).
--
-- sync_revisions marks the revisions that are sealed for sync: a sealed
-- revision has its hybrid logical clock stamp (hlc) and never changes
-- again, not even by an autosave of its own session, because another
-- laptop may already hold it. A revision is sealed when sync first reads it
-- to push, or when it arrives from the server. pushed is 1 once the server
-- holds it. merge_parent is a merge revision's second parent (parent_id
-- holds the first). A revision without a row here was written on this
-- laptop and has not been read by sync yet.
CREATE TABLE sync_revisions (
	revision_id  TEXT    PRIMARY KEY REFERENCES revisions (id),
	hlc          INTEGER NOT NULL,
	pushed       INTEGER NOT NULL DEFAULT 0 CHECK (pushed IN (0, 1)),
	merge_parent TEXT
) WITHOUT ROWID;
CREATE INDEX sync_revisions_unpushed ON sync_revisions (pushed) WHERE pushed = 0;
CREATE INDEX sync_revisions_hlc ON sync_revisions (hlc);
CREATE INDEX sync_revisions_merge ON sync_revisions (merge_parent) WHERE merge_parent IS NOT NULL;

-- sync_state holds the sync settings and cursors: the server's connection
-- string without password (server), the pull cursor (pull_xmin).
CREATE TABLE sync_state (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;

-- A sealed revision is never replaced, not even by a coalescing autosave.
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
	AND NEW.conflict = OLD.conflict
	AND EXISTS (SELECT 1 FROM drafts WHERE id = OLD.draft_id AND purged_at IS NULL)
	AND NOT EXISTS (SELECT 1 FROM sync_revisions WHERE revision_id = OLD.id)
	AND (
		(OLD.conflict = 0 AND ifnull((SELECT head_revision FROM drafts WHERE id = OLD.draft_id), '') = OLD.id)
		OR (OLD.conflict = 1 AND NOT EXISTS (SELECT 1 FROM revisions c WHERE c.parent_id = OLD.id))
	)
)
BEGIN
	SELECT RAISE(ABORT, 'revisions are immutable: only an autosave of the same session within a minute may replace its own newest revision, and never once sync has sealed it');
END;
