-- Server schema 2: sharing, assignment and presence (issue 14).

-- may_share says whether the calling login may share the draft: its
-- owner, an editor of its desk, or an admin. SECURITY DEFINER: it reads
-- the draft whatever the caller may read.
CREATE FUNCTION dateline.may_share(draft text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = dateline, pg_temp AS $$
	SELECT dateline.is_role('admin') OR EXISTS (
		SELECT 1 FROM dateline.drafts d WHERE d.id = draft AND (d.owner = session_user
			OR (dateline.is_role('editor') AND d.desk <> '' AND d.desk = dateline.my_desk())))
$$;
REVOKE ALL ON FUNCTION dateline.may_share(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION dateline.may_share(text) TO dateline_user;

-- shares: who each draft is shared with, by whom and since when; the
-- record visible_drafts reads. drafts.shared_with (schema 1) stays as its
-- mirror: the triggers below keep the two equal however the array
-- changes (dateline.share, or an UPDATE by someone allowed to share), and
-- refuse a change by anyone else, in SQL, whatever the client.
CREATE TABLE dateline.shares (
	draft_id  text NOT NULL REFERENCES dateline.drafts (id),
	grantee   text NOT NULL REFERENCES dateline.users (name),
	shared_by text NOT NULL DEFAULT session_user,
	shared_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (draft_id, grantee)
);
CREATE INDEX shares_grantee ON dateline.shares (grantee, draft_id);
ALTER TABLE dateline.shares ENABLE ROW LEVEL SECURITY;
CREATE POLICY shares_read ON dateline.shares FOR SELECT
	USING (draft_id IN (SELECT dateline.visible_drafts()));
GRANT SELECT ON dateline.shares TO dateline_user;

INSERT INTO dateline.shares (draft_id, grantee, shared_by)
SELECT d.id, g, d.owner FROM dateline.drafts d, unnest(d.shared_with) g
WHERE g IN (SELECT name FROM dateline.users)
ON CONFLICT DO NOTHING;

-- check_share guards a change of drafts.shared_with: only who may share
-- changes it, only to newsroom users; the array is kept sorted and
-- without repeats, and the row's xid moves, so that pulls see the change.
CREATE FUNCTION dateline.check_share() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = dateline, pg_temp AS $$
DECLARE
	stranger text;
BEGIN
	IF NOT dateline.may_share(NEW.id) THEN
		RAISE EXCEPTION 'only the owner of draft %, an editor of its desk or an admin may share it', NEW.id
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	SELECT min(g) INTO stranger FROM unnest(NEW.shared_with) g WHERE g NOT IN (SELECT name FROM dateline.users);
	IF stranger IS NOT NULL THEN
		RAISE EXCEPTION 'no newsroom user %', stranger USING ERRCODE = 'foreign_key_violation';
	END IF;
	NEW.shared_with := ARRAY(SELECT DISTINCT g FROM unnest(NEW.shared_with) g ORDER BY g);
	NEW.xid := pg_current_xact_id();
	RETURN NEW;
END
$$;
CREATE TRIGGER drafts_check_share BEFORE UPDATE OF shared_with ON dateline.drafts
	FOR EACH ROW WHEN (OLD.shared_with IS DISTINCT FROM NEW.shared_with)
	EXECUTE FUNCTION dateline.check_share();

-- record_shares makes the shares table say what drafts.shared_with says.
CREATE FUNCTION dateline.record_shares() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = dateline, pg_temp AS $$
BEGIN
	DELETE FROM dateline.shares WHERE draft_id = NEW.id AND NOT (grantee = ANY (NEW.shared_with));
	INSERT INTO dateline.shares (draft_id, grantee)
	SELECT NEW.id, g FROM unnest(NEW.shared_with) g ON CONFLICT DO NOTHING;
	RETURN NULL;
END
$$;
-- (A push inserts draft rows with no shares: the WHEN clauses keep the
-- triggers off its path.)
CREATE TRIGGER drafts_record_shares AFTER UPDATE OF shared_with ON dateline.drafts
	FOR EACH ROW WHEN (OLD.shared_with IS DISTINCT FROM NEW.shared_with)
	EXECUTE FUNCTION dateline.record_shares();
CREATE TRIGGER drafts_record_new_shares AFTER INSERT ON dateline.drafts
	FOR EACH ROW WHEN (NEW.shared_with <> '{}')
	EXECUTE FUNCTION dateline.record_shares();

-- share shares the draft with grantee (share = true) or stops sharing it
-- (false), and returns whether anything changed. It runs with the
-- caller's rights: a draft the caller cannot see is not found (P0002),
-- and check_share refuses anyone but its owner, an editor of its desk and
-- an admin (42501).
CREATE FUNCTION dateline.share(draft text, grantee text, share boolean) RETURNS boolean
LANGUAGE plpgsql SECURITY INVOKER SET search_path = dateline, pg_temp AS $$
DECLARE
	cur text[];
	next text[];
BEGIN
	SELECT d.shared_with INTO cur FROM dateline.drafts d WHERE d.id = draft FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'draft % is not on the newsroom server, or not yours to see; sync it first', draft
			USING ERRCODE = 'no_data_found';
	END IF;
	IF share THEN
		next := array_append(array_remove(cur, grantee), grantee);
	ELSE
		next := array_remove(cur, grantee);
	END IF;
	IF next IS NOT DISTINCT FROM cur OR (share AND grantee = ANY (cur)) THEN
		RETURN false;
	END IF;
	UPDATE dateline.drafts d SET shared_with = next WHERE d.id = draft;
	RETURN true;
END
$$;
GRANT EXECUTE ON FUNCTION dateline.share(text, text, boolean) TO dateline_user;

-- Assignment lives in the article (its "assigned_to" field), so that it
-- works offline and travels with the revisions. Each revision keeps its
-- assignee in a column computed once, as it is stored (no trigger on the
-- push's path), and an editor sees the drafts whose shown revision (the
-- winner) is assigned to them.
ALTER TABLE dateline.revisions
	ADD COLUMN assigned_to text GENERATED ALWAYS AS (coalesce(doc::json ->> 'assigned_to', '')) STORED;
CREATE INDEX revisions_assigned ON dateline.revisions (assigned_to) WHERE assigned_to <> '';

-- visible_drafts, schema 2: shares come from the shares table, and an
-- editor also sees the drafts assigned to them.
CREATE OR REPLACE FUNCTION dateline.visible_drafts() RETURNS SETOF text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = dateline, pg_temp AS $$
BEGIN
	IF dateline.is_role('admin') THEN
		RETURN QUERY SELECT d.id FROM dateline.drafts d;
		RETURN;
	END IF;
	RETURN QUERY
		SELECT d.id FROM dateline.drafts d WHERE d.owner = session_user
		UNION
		SELECT s.draft_id FROM dateline.shares s WHERE s.grantee = session_user
		UNION
		SELECT d.id FROM dateline.drafts d
		WHERE dateline.is_role('editor') AND d.desk <> '' AND d.desk = dateline.my_desk()
		UNION
		SELECT d.id FROM dateline.revisions r JOIN dateline.drafts d ON d.id = r.draft_id AND d.winner = r.id
		WHERE dateline.is_role('editor') AND r.assigned_to = session_user AND r.assigned_to <> '';
END
$$;

-- presence: who has which draft open on which device, and when their
-- laptop last said so. Advisory, never a lock: nothing refuses a save
-- because of it. Only the functions below read and write it (no grants on
-- the table), and they show a draft's presence only to who may see it.
CREATE TABLE dateline.presence (
	draft_id  text NOT NULL REFERENCES dateline.drafts (id),
	user_name text NOT NULL,
	device    text NOT NULL,
	seen_at   timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (draft_id, user_name, device)
);
ALTER TABLE dateline.presence ENABLE ROW LEVEL SECURITY;

-- announce says that the caller has the draft open on device dev, and
-- returns the others who had it open within the last two minutes, newest
-- first, with how many seconds ago (by the server's clock, so a laptop's
-- wrong clock does not matter). A draft the caller cannot see, or one not
-- on the server yet, is announced to nobody and returns nobody. Rows a
-- laptop left behind (it crashed, or lost the network) expire.
CREATE FUNCTION dateline.announce(draft text, dev text)
RETURNS TABLE (who text, on_device text, seconds_ago integer)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = dateline, pg_temp AS $$
BEGIN
	IF NOT (draft IN (SELECT dateline.visible_drafts())) THEN
		RETURN;
	END IF;
	INSERT INTO dateline.presence AS p (draft_id, user_name, device) VALUES (draft, session_user, dev)
	ON CONFLICT (draft_id, user_name, device) DO UPDATE SET seen_at = now();
	DELETE FROM dateline.presence p WHERE p.seen_at < now() - interval '1 hour';
	RETURN QUERY
		SELECT p.user_name, p.device, greatest(0, extract(epoch FROM now() - p.seen_at))::integer
		FROM dateline.presence p
		WHERE p.draft_id = draft AND p.seen_at > now() - interval '2 minutes'
			AND NOT (p.user_name = session_user AND p.device = dev)
		ORDER BY p.seen_at DESC, p.user_name, p.device;
END
$$;
REVOKE ALL ON FUNCTION dateline.announce(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION dateline.announce(text, text) TO dateline_user;

-- leave says that the caller closed the draft on device dev.
CREATE FUNCTION dateline.leave(draft text, dev text) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = dateline, pg_temp AS $$
	DELETE FROM dateline.presence p WHERE p.draft_id = draft AND p.user_name = session_user AND p.device = dev
$$;
REVOKE ALL ON FUNCTION dateline.leave(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION dateline.leave(text, text) TO dateline_user;
