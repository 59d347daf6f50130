-- Server schema 1: the newsroom's meeting point for offline-first sync.
-- Everything lives in the schema "dateline". Revisions are immutable rows
-- keyed by their UUIDv7; a draft's heads are its revisions nothing builds
-- on; the winner is the head whose text the draft shows.

-- Group roles. Every login role made by "dateline server adduser" is a
-- member of dateline_user and of exactly one of the three role groups.
DO $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dateline_user') THEN
		CREATE ROLE dateline_user NOLOGIN;
	END IF;
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dateline_correspondent') THEN
		CREATE ROLE dateline_correspondent NOLOGIN IN ROLE dateline_user;
	END IF;
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dateline_editor') THEN
		CREATE ROLE dateline_editor NOLOGIN IN ROLE dateline_user;
	END IF;
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dateline_admin') THEN
		CREATE ROLE dateline_admin NOLOGIN IN ROLE dateline_user;
	END IF;
END
$$;

GRANT USAGE ON SCHEMA dateline TO dateline_user;

-- users: the newsroom's people, by login role, with their desk.
CREATE TABLE dateline.users (
	name text PRIMARY KEY,
	role text NOT NULL CHECK (role IN ('correspondent', 'editor', 'admin')),
	desk text NOT NULL DEFAULT ''
);
GRANT SELECT ON dateline.users TO dateline_user;

-- my_desk is the calling user's desk. SECURITY DEFINER so that policies can
-- read it whatever the caller may read.
CREATE FUNCTION dateline.my_desk() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = dateline, pg_temp AS $$
	SELECT coalesce((SELECT desk FROM dateline.users WHERE name = session_user), '')
$$;

-- is_role says whether the calling login belongs to a role group.
CREATE FUNCTION dateline.is_role(r text) RETURNS boolean
LANGUAGE sql STABLE SET search_path = dateline, pg_temp AS $$
	SELECT pg_has_role(session_user, 'dateline_' || r, 'MEMBER')
$$;

-- drafts: one row per article. owner is the login that first pushed it,
-- desk the owner's desk, shared_with the logins it is shared with. winner
-- is the head shown as the current text. xid is the transaction that last
-- changed the row (heads, winner).
CREATE TABLE dateline.drafts (
	id          text PRIMARY KEY,
	owner       text   NOT NULL DEFAULT session_user,
	desk        text   NOT NULL DEFAULT dateline.my_desk(),
	shared_with text[] NOT NULL DEFAULT '{}',
	winner      text,
	created     timestamptz NOT NULL DEFAULT now(),
	xid         xid8   NOT NULL DEFAULT pg_current_xact_id()
);

-- revisions: immutable. parents holds one parent (an edit), two (a merge)
-- or none (the first revision). hlc is the hybrid logical clock the
-- writing laptop stamped; with device it orders heads deterministically.
-- xid is the pushing transaction, which pull reads by snapshot. doc is the
-- whole article as the laptop saved it (JSON text, byte for byte).
CREATE TABLE dateline.revisions (
	id        text    PRIMARY KEY,
	draft_id  text    NOT NULL REFERENCES dateline.drafts (id),
	parents   text[]  NOT NULL DEFAULT '{}' CHECK (cardinality(parents) <= 2),
	kind      text    NOT NULL,
	created   bigint  NOT NULL,
	hlc       bigint  NOT NULL,
	device    text    NOT NULL DEFAULT '',
	author    text    NOT NULL DEFAULT '',
	words     integer NOT NULL DEFAULT 0,
	note      text    NOT NULL DEFAULT '',
	conflict  boolean NOT NULL DEFAULT false,
	doc       text    NOT NULL,
	pushed_by text    NOT NULL DEFAULT session_user,
	xid       xid8    NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX revisions_draft ON dateline.revisions (draft_id);
CREATE INDEX revisions_xid ON dateline.revisions (xid, id);

-- Revisions never change and are never deleted.
CREATE FUNCTION dateline.immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'dateline revisions are immutable' USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER revisions_immutable BEFORE UPDATE OR DELETE ON dateline.revisions
	FOR EACH ROW EXECUTE FUNCTION dateline.immutable();

-- heads: every draft's tips (revisions nothing builds on) and live
-- revisions (see push). One when history is linear; several when laptops
-- diverged or a stale window saved: the winner and the conflict tips,
-- kept until a person merges them.
CREATE TABLE dateline.heads (
	draft_id    text NOT NULL REFERENCES dateline.drafts (id),
	revision_id text NOT NULL REFERENCES dateline.revisions (id),
	PRIMARY KEY (draft_id, revision_id)
);

-- profile: the newsroom's publication profile, one row, last writer by
-- hybrid logical clock.
CREATE TABLE dateline.profile (
	id   integer PRIMARY KEY CHECK (id = 1),
	doc  text    NOT NULL,
	hlc  bigint  NOT NULL,
	xid  xid8    NOT NULL DEFAULT pg_current_xact_id()
);

-- Row-level security. A correspondent sees their own drafts and those
-- shared with them; an editor their desk's (and their own and shared ones);
-- an admin everything. Revisions and heads follow their draft.
--
-- visible_drafts lists the drafts the calling login may see, through
-- indexes, in time that grows with what it may see rather than with the
-- newsroom. The policies test membership in it, which PostgreSQL
-- evaluates once per statement (a hashed subplan), not once per row: a
-- pull of a laptop's thousand drafts never weighs the other laptops'
-- hundred thousand. SECURITY DEFINER: it reads the drafts table as its
-- owner, so that the policies on that table do not recurse.
CREATE INDEX drafts_owner ON dateline.drafts (owner);
CREATE INDEX drafts_desk ON dateline.drafts (desk) WHERE desk <> '';
CREATE INDEX drafts_shared ON dateline.drafts USING gin (shared_with);

CREATE FUNCTION dateline.visible_drafts() RETURNS SETOF text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = dateline, pg_temp AS $$
BEGIN
	IF dateline.is_role('admin') THEN
		RETURN QUERY SELECT d.id FROM dateline.drafts d;
		RETURN;
	END IF;
	RETURN QUERY
		SELECT d.id FROM dateline.drafts d WHERE d.owner = session_user
		UNION
		SELECT d.id FROM dateline.drafts d WHERE d.shared_with @> ARRAY[session_user::text]
		UNION
		SELECT d.id FROM dateline.drafts d
		WHERE dateline.is_role('editor') AND d.desk <> '' AND d.desk = dateline.my_desk();
END
$$;
REVOKE ALL ON FUNCTION dateline.visible_drafts() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION dateline.visible_drafts() TO dateline_user;

ALTER TABLE dateline.drafts ENABLE ROW LEVEL SECURITY;
ALTER TABLE dateline.revisions ENABLE ROW LEVEL SECURITY;
ALTER TABLE dateline.heads ENABLE ROW LEVEL SECURITY;
ALTER TABLE dateline.profile ENABLE ROW LEVEL SECURITY;

-- (A draft's own row also passes on its owner column, so that a draft
-- being inserted, not yet in visible_drafts' snapshot, is visible.)
CREATE POLICY drafts_read ON dateline.drafts FOR SELECT
	USING (owner = session_user OR id IN (SELECT dateline.visible_drafts()));
CREATE POLICY drafts_insert ON dateline.drafts FOR INSERT WITH CHECK (owner = session_user OR dateline.is_role('admin'));
CREATE POLICY drafts_update ON dateline.drafts FOR UPDATE
	USING (owner = session_user OR id IN (SELECT dateline.visible_drafts()))
	WITH CHECK (owner = session_user OR id IN (SELECT dateline.visible_drafts()));

CREATE POLICY revisions_read ON dateline.revisions FOR SELECT
	USING (draft_id IN (SELECT dateline.visible_drafts()));
CREATE POLICY revisions_insert ON dateline.revisions FOR INSERT
	WITH CHECK (pushed_by = session_user AND draft_id IN (SELECT dateline.visible_drafts()));

CREATE POLICY heads_all ON dateline.heads FOR ALL
	USING (draft_id IN (SELECT dateline.visible_drafts()))
	WITH CHECK (draft_id IN (SELECT dateline.visible_drafts()));

CREATE POLICY profile_read ON dateline.profile FOR SELECT USING (true);
CREATE POLICY profile_write ON dateline.profile FOR ALL USING (dateline.is_role('admin'))
	WITH CHECK (dateline.is_role('admin'));

GRANT SELECT, INSERT ON dateline.drafts, dateline.revisions TO dateline_user;
GRANT UPDATE (shared_with, winner, xid) ON dateline.drafts TO dateline_user;
GRANT SELECT, INSERT, DELETE ON dateline.heads TO dateline_user;
GRANT SELECT ON dateline.profile TO dateline_user;
GRANT INSERT, UPDATE ON dateline.profile TO dateline_admin;

-- push stores a batch of revisions: a JSON array of objects with the
-- revision columns (id, draft_id, parents, kind, created, hlc, device,
-- author, words, note, conflict, doc). It locks the batch's draft rows
-- (SELECT … FOR UPDATE), in ID order so that concurrent pushes never
-- deadlock, inserts the revisions idempotently (ON CONFLICT DO NOTHING: a
-- replayed push changes nothing), recomputes the heads and the winner
-- (conflict-free heads first, then the highest hybrid logical clock, then
-- the device, then the ID), and notifies listeners once. It runs with the
-- caller's rights, so row-level security decides what may be written; a
-- draft the caller may not see is refused with insufficient_privilege. It
-- returns how many revisions were new. Its statements are planned afresh
-- on every call (plan_cache_mode): a plan cached while the tables were
-- small would scan them whole once they are not.
-- pushed_revision is one element of a push batch.
CREATE TYPE dateline.pushed_revision AS (
	id text, draft_id text, parents text[], kind text, created bigint, hlc bigint,
	device text, author text, words integer, note text, conflict boolean, doc text
);

CREATE FUNCTION dateline.push(batch jsonb) RETURNS integer
LANGUAGE plpgsql SECURITY INVOKER SET search_path = dateline, pg_temp SET plan_cache_mode = force_custom_plan AS $$
DECLARE
	ids     text[];
	locked  text[];
	changed text[];
	added   integer;
	missing text;
BEGIN
	SELECT array_agg(DISTINCT draft_id ORDER BY draft_id) INTO ids
	FROM jsonb_populate_recordset(NULL::dateline.pushed_revision, batch);
	IF ids IS NULL THEN
		RETURN 0;
	END IF;

	-- New drafts belong to the pusher; then every draft of the batch is
	-- locked, in ID order so that concurrent pushes never deadlock.
	INSERT INTO dateline.drafts (id) SELECT unnest(ids) ORDER BY 1 ON CONFLICT (id) DO NOTHING;
	SELECT array_agg(id) INTO locked FROM (
		SELECT id FROM dateline.drafts WHERE id = ANY (ids) ORDER BY id FOR UPDATE) l;
	IF coalesce(cardinality(locked), 0) <> cardinality(ids) THEN
		SELECT min(i) INTO missing FROM unnest(ids) i WHERE NOT (i = ANY (coalesce(locked, '{}')));
		RAISE EXCEPTION 'draft % belongs to someone else and is not shared with %', missing, session_user
			USING ERRCODE = 'insufficient_privilege';
	END IF;

	WITH added AS (
		INSERT INTO dateline.revisions (id, draft_id, parents, kind, created, hlc, device, author, words, note, conflict, doc)
		SELECT id, draft_id, coalesce(parents, '{}'), kind, created, hlc, coalesce(device, ''), coalesce(author, ''),
			coalesce(words, 0), coalesce(note, ''), coalesce(conflict, false), doc
		FROM jsonb_populate_recordset(NULL::dateline.pushed_revision, batch) ORDER BY draft_id, hlc
		ON CONFLICT (id) DO NOTHING
		RETURNING draft_id)
	SELECT array_agg(DISTINCT draft_id), count(*) INTO changed, added FROM added;
	IF added = 0 THEN
		RETURN 0;
	END IF;

	-- Heads: the changed drafts' tips (revisions nothing builds on) and
	-- live revisions (not conflicting saves, and built on by nothing but
	-- conflicting saves: a conflicting save based on the draft's text
	-- leaves that text shown, beside it).
	DELETE FROM dateline.heads WHERE draft_id = ANY (changed);
	INSERT INTO dateline.heads (draft_id, revision_id)
	SELECT r.draft_id, r.id FROM dateline.revisions r
	WHERE r.draft_id = ANY (changed) AND NOT EXISTS (
		SELECT 1 FROM dateline.revisions c
		WHERE c.draft_id = r.draft_id AND r.id = ANY (c.parents) AND (r.conflict OR NOT c.conflict));
	-- The winner: live heads (the heads that are not conflicting saves)
	-- first, then the highest hybrid logical clock, then the device, then
	-- the ID, bytewise.
	UPDATE dateline.drafts d SET xid = pg_current_xact_id(), winner = w.id
	FROM (
		SELECT DISTINCT ON (h.draft_id) h.draft_id, r.id
		FROM dateline.heads h JOIN dateline.revisions r ON r.id = h.revision_id
		WHERE h.draft_id = ANY (changed)
		ORDER BY h.draft_id, r.conflict, r.hlc DESC, r.device COLLATE "C" DESC, r.id COLLATE "C" DESC) w
	WHERE d.id = w.draft_id;

	-- One notification per push, without a payload: listeners pull, and
	-- row-level security decides what they get (a notification reaches
	-- every listener, so it names nothing).
	PERFORM pg_notify('dateline_push', '');
	RETURN added;
END
$$;
GRANT EXECUTE ON FUNCTION dateline.push(jsonb) TO dateline_user;
