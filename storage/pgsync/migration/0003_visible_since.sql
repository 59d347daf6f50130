-- Server schema 3: a draft that becomes visible to someone later brings its
-- whole history.
--
-- Pull reads by transaction snapshot: the revisions committed since the
-- laptop's cursor. A draft that becomes visible to a user later (shared
-- with them, moved to their desk, assigned to them, their role or desk
-- changed: any reason visible_drafts() knows) has older revisions below
-- that cursor, which such a pull never reads. visible_since records, per
-- login, since which transaction each draft has been visible to it; pull
-- also reads every revision of the drafts whose row is newer than its
-- cursor. The rows are kept up to date by note_visible, which every sync
-- calls before it pulls, so that the mechanism follows visible_drafts()
-- whatever makes a draft visible, without a trigger on each cause.
CREATE TABLE dateline.visible_since (
	login    text NOT NULL DEFAULT session_user,
	draft_id text NOT NULL REFERENCES dateline.drafts (id),
	xid      xid8 NOT NULL DEFAULT pg_current_xact_id(),
	PRIMARY KEY (login, draft_id)
);
CREATE INDEX visible_since_xid ON dateline.visible_since (login, xid);

ALTER TABLE dateline.visible_since ENABLE ROW LEVEL SECURITY;
CREATE POLICY visible_since_read ON dateline.visible_since FOR SELECT USING (login = session_user);
GRANT SELECT ON dateline.visible_since TO dateline_user;

-- note_visible brings the calling login's rows in line with
-- visible_drafts(): a draft visible now and not recorded gets a row
-- stamped with this transaction; a recorded draft no longer visible loses
-- its row, so that when it becomes visible again, the revisions written
-- meanwhile come with it. It returns how many drafts became visible.
-- SECURITY DEFINER: the rows are written only through it.
CREATE FUNCTION dateline.note_visible() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = dateline, pg_temp AS $$
DECLARE
	added integer;
BEGIN
	WITH now_visible AS (SELECT DISTINCT v AS id FROM dateline.visible_drafts() v),
	gone AS (
		DELETE FROM dateline.visible_since s
		WHERE s.login = session_user AND s.draft_id NOT IN (SELECT id FROM now_visible))
	INSERT INTO dateline.visible_since (login, draft_id)
	SELECT session_user, id FROM now_visible
	ON CONFLICT (login, draft_id) DO NOTHING;
	GET DIAGNOSTICS added = ROW_COUNT;
	RETURN added;
END
$$;
REVOKE ALL ON FUNCTION dateline.note_visible() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION dateline.note_visible() TO dateline_user;
