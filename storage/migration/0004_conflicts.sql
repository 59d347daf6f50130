-- Schema 4: optimistic concurrency. Every save names the revision it was
-- based on. When the draft's head has moved on since (another window, the
-- command line, an import with --replace, a restore, later a sync between
-- devices), the save overwrites nothing: it is kept as a conflicting
-- revision, conflict = 1, whose parent is its base, beside the head. The
-- draft row keeps the head's text until a person resolves the conflict.
ALTER TABLE revisions ADD COLUMN conflict INTEGER NOT NULL DEFAULT 0 CHECK (conflict IN (0, 1));

-- A revision stays immutable, with two replacements allowed: an autosave
-- of the same session within a minute may replace the head of a live
-- draft (as before), or its own conflicting revision while nothing builds
-- on it. It never replaces a revision that is not the head on behalf of a
-- save based on the head, and the conflict mark never changes.
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
	AND (
		(OLD.conflict = 0 AND ifnull((SELECT head_revision FROM drafts WHERE id = OLD.draft_id), '') = OLD.id)
		OR (OLD.conflict = 1 AND NOT EXISTS (SELECT 1 FROM revisions c WHERE c.parent_id = OLD.id))
	)
)
BEGIN
	SELECT RAISE(ABORT, 'revisions are immutable: only an autosave of the same session within a minute may replace its own newest revision');
END;

-- Revisions are looked up by parent to find the tips of branches.
CREATE INDEX revisions_parent ON revisions (parent_id) WHERE parent_id IS NOT NULL;
