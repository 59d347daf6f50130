-- Server schema 5: every login may read which schema the server is at, so
-- that a laptop can say "ask an admin to upgrade the server" before it
-- pushes anything, instead of failing halfway through a sync.
GRANT SELECT ON dateline.migrations TO dateline_user;
