-- Server schema 4: moving a draft to Trash, bringing it back and deleting
-- it for good travel between laptops (storage/syncdelete.go).
--
-- events are those moves: immutable rows keyed by their UUIDv7, stamped
-- with the writing laptop's hybrid logical clock, with the heads the
-- laptop held when it recorded the move. Every laptop derives a draft's
-- place from its events and its heads by one rule: a purge is final; else
-- the newest trash or restore decides, and a trash holds only while every
-- head is one it saw (an edit it did not see brings the draft back). The
-- server keeps a purged draft as a tombstone (purged_xid) and keeps every
-- revision pushed to it even afterwards (nothing is lost), but nothing
-- brings it back: a laptop that was behind and pushes old or new
-- revisions of it does not resurrect it. Pull reads events by snapshot,
-- as revisions, and the older events of drafts that became visible.
CREATE TABLE dateline.events (
	id        text   PRIMARY KEY,
	draft_id  text   NOT NULL REFERENCES dateline.drafts (id),
	kind      text   NOT NULL CHECK (kind IN ('trash', 'restore', 'purge')),
	heads     text[] NOT NULL DEFAULT '{}',
	created   bigint NOT NULL,
	hlc       bigint NOT NULL,
	device    text   NOT NULL DEFAULT '',
	author    text   NOT NULL DEFAULT '',
	pushed_by text   NOT NULL DEFAULT session_user,
	xid       xid8   NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX events_draft ON dateline.events (draft_id);
CREATE INDEX events_xid ON dateline.events (xid, id);
CREATE TRIGGER events_immutable BEFORE UPDATE OR DELETE ON dateline.events
	FOR EACH ROW EXECUTE FUNCTION dateline.immutable();

-- purged_xid: the transaction that brought the draft's first purge; NULL
-- while it was never deleted for good.
ALTER TABLE dateline.drafts ADD COLUMN purged_xid xid8;

ALTER TABLE dateline.events ENABLE ROW LEVEL SECURITY;
CREATE POLICY events_read ON dateline.events FOR SELECT
	USING (draft_id IN (SELECT dateline.visible_drafts()));
CREATE POLICY events_insert ON dateline.events FOR INSERT
	WITH CHECK (pushed_by = session_user AND draft_id IN (SELECT dateline.visible_drafts()));
GRANT SELECT, INSERT ON dateline.events TO dateline_user;
GRANT UPDATE (purged_xid) ON dateline.drafts TO dateline_user;

CREATE TYPE dateline.pushed_event AS (
	id text, draft_id text, kind text, heads text[], created bigint, hlc bigint, device text, author text
);

-- push_events stores a batch of events (a JSON array of objects with the
-- columns above) as push stores revisions: it locks the drafts in ID
-- order, refuses a draft the caller may not see, inserts idempotently,
-- marks purged drafts, and notifies listeners once. It returns how many
-- events were new.
CREATE FUNCTION dateline.push_events(batch jsonb) RETURNS integer
LANGUAGE plpgsql SECURITY INVOKER SET search_path = dateline, pg_temp SET plan_cache_mode = force_custom_plan AS $$
DECLARE
	ids     text[];
	locked  text[];
	added   integer;
	missing text;
BEGIN
	SELECT array_agg(DISTINCT draft_id ORDER BY draft_id) INTO ids
	FROM jsonb_populate_recordset(NULL::dateline.pushed_event, batch);
	IF ids IS NULL THEN
		RETURN 0;
	END IF;
	INSERT INTO dateline.drafts (id) SELECT unnest(ids) ORDER BY 1 ON CONFLICT (id) DO NOTHING;
	SELECT array_agg(id) INTO locked FROM (
		SELECT id FROM dateline.drafts WHERE id = ANY (ids) ORDER BY id FOR UPDATE) l;
	IF coalesce(cardinality(locked), 0) <> cardinality(ids) THEN
		SELECT min(i) INTO missing FROM unnest(ids) i WHERE NOT (i = ANY (coalesce(locked, '{}')));
		RAISE EXCEPTION 'draft % belongs to someone else and is not shared with %', missing, session_user
			USING ERRCODE = 'insufficient_privilege';
	END IF;

	WITH added AS (
		INSERT INTO dateline.events (id, draft_id, kind, heads, created, hlc, device, author)
		SELECT id, draft_id, kind, coalesce(heads, '{}'), created, hlc, coalesce(device, ''), coalesce(author, '')
		FROM jsonb_populate_recordset(NULL::dateline.pushed_event, batch) ORDER BY draft_id, hlc
		ON CONFLICT (id) DO NOTHING
		RETURNING draft_id, kind)
	SELECT count(*) INTO added FROM added;
	IF added = 0 THEN
		RETURN 0;
	END IF;
	UPDATE dateline.drafts d SET xid = pg_current_xact_id(),
		purged_xid = coalesce(d.purged_xid, CASE WHEN EXISTS (
			SELECT 1 FROM dateline.events e WHERE e.draft_id = d.id AND e.kind = 'purge') THEN pg_current_xact_id() END)
	WHERE d.id = ANY (ids);
	PERFORM pg_notify('dateline_push', '');
	RETURN added;
END
$$;
GRANT EXECUTE ON FUNCTION dateline.push_events(jsonb) TO dateline_user;
