-- Schema 6: moving a draft to Trash, bringing it back and deleting it for
-- good travel between laptops (storage/syncdelete.go).
--
-- sync_events holds those moves as data that only grows, like revisions:
-- one row per move, keyed by a UUIDv7, stamped with the hybrid logical
-- clock when sealed (hlc NULL until then), never changed afterwards except
-- that sealing sets hlc and a push sets pushed. kind is trash, restore or
-- purge. heads is the JSON array of the draft's heads the laptop held when
-- it recorded the move: a trash keeps the draft in Trash only while its
-- heads are among them (an edit the trash did not see brings the draft
-- back), and a purge tells which texts it deleted knowingly.
CREATE TABLE sync_events (
	id       TEXT    PRIMARY KEY,
	draft_id TEXT    NOT NULL REFERENCES drafts (id),
	kind     TEXT    NOT NULL CHECK (kind IN ('trash', 'restore', 'purge')),
	heads    TEXT    NOT NULL DEFAULT '[]',
	created  INTEGER NOT NULL,
	hlc      INTEGER,
	device   TEXT    NOT NULL DEFAULT '',
	author   TEXT    NOT NULL DEFAULT '',
	pushed   INTEGER NOT NULL DEFAULT 0 CHECK (pushed IN (0, 1))
) WITHOUT ROWID;
CREATE INDEX sync_events_draft ON sync_events (draft_id);
CREATE INDEX sync_events_unpushed ON sync_events (pushed) WHERE pushed = 0;
CREATE INDEX sync_events_hlc ON sync_events (hlc);

CREATE TRIGGER sync_events_before_delete BEFORE DELETE ON sync_events BEGIN
	SELECT RAISE(ABORT, 'sync events are immutable: an event is never deleted');
END;
CREATE TRIGGER sync_events_before_update BEFORE UPDATE ON sync_events
WHEN NOT (
	NEW.id = OLD.id AND NEW.draft_id = OLD.draft_id AND NEW.kind = OLD.kind AND NEW.heads = OLD.heads
	AND NEW.created = OLD.created AND NEW.device = OLD.device AND NEW.author = OLD.author
	AND (NEW.hlc IS OLD.hlc OR OLD.hlc IS NULL) AND NEW.pushed >= OLD.pushed
)
BEGIN
	SELECT RAISE(ABORT, 'sync events are immutable: only sealing (hlc) and pushing (pushed) mark one');
END;

-- sync_draft_state is what sync last knew each draft's place to be:
-- trash or purged (a draft without a row is live). A draft row whose place
-- differs was moved by the user since; sync records the move as an event.
-- A row whose place agrees but whose events and heads say otherwise was
-- moved on another laptop (or brought back by an edit); sync moves it.
CREATE TABLE sync_draft_state (
	draft_id TEXT PRIMARY KEY REFERENCES drafts (id),
	state    TEXT NOT NULL CHECK (state IN ('trash', 'purged'))
) WITHOUT ROWID;
