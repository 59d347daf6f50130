-- Schema 1: drafts, their immutable revisions, the full-text index and the
-- publication profile.

-- drafts holds the current state of every article. doc is the
-- editor.Article as JSON without its body, which has a column of its own so
-- that search snippets and the index read it without parsing JSON; the
-- other columns are copies of fields that listing, sorting and filtering
-- need. seq is the stable rowid the full-text index points at (an explicit
-- INTEGER PRIMARY KEY survives VACUUM).
CREATE TABLE drafts (
	seq           INTEGER PRIMARY KEY,
	id            TEXT    NOT NULL UNIQUE,
	slug          TEXT    NOT NULL UNIQUE,
	headline      TEXT    NOT NULL DEFAULT '',
	status        TEXT    NOT NULL,
	authors       TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(authors)),
	created       INTEGER NOT NULL,
	updated       INTEGER NOT NULL,
	published     INTEGER,
	head_revision TEXT,
	trashed_at    INTEGER,
	words         INTEGER NOT NULL DEFAULT 0,
	body          TEXT    NOT NULL DEFAULT '',
	doc           TEXT    NOT NULL CHECK (json_valid(doc)),
	-- The rest of the searchable text the full-text index reads.
	deck   TEXT GENERATED ALWAYS AS (ifnull(json_extract(doc, '$.deck'), '')) VIRTUAL,
	byline TEXT GENERATED ALWAYS AS (authors || ' ' || ifnull(json_extract(doc, '$.byline.title'), '')) VIRTUAL,
	tags   TEXT GENERATED ALWAYS AS (ifnull(json_extract(doc, '$.tags'), '')) VIRTUAL
);
CREATE INDEX drafts_updated  ON drafts (trashed_at, updated);
CREATE INDEX drafts_created  ON drafts (trashed_at, created);
CREATE INDEX drafts_headline ON drafts (trashed_at, headline COLLATE NOCASE);
CREATE INDEX drafts_status   ON drafts (status, trashed_at, updated);

-- Authors and tags, one row each, for the list filters. Triggers keep them
-- equal to the JSON in drafts.doc.
CREATE TABLE draft_authors (
	draft  INTEGER NOT NULL REFERENCES drafts (seq) ON DELETE CASCADE,
	author TEXT    NOT NULL COLLATE NOCASE,
	PRIMARY KEY (author, draft)
) WITHOUT ROWID;
CREATE INDEX draft_authors_draft ON draft_authors (draft);

CREATE TABLE draft_tags (
	draft INTEGER NOT NULL REFERENCES drafts (seq) ON DELETE CASCADE,
	tag   TEXT    NOT NULL COLLATE NOCASE,
	PRIMARY KEY (tag, draft)
) WITHOUT ROWID;
CREATE INDEX draft_tags_draft ON draft_tags (draft);

-- The full-text index is an external-content FTS5 table over drafts: the text
-- lives once, in drafts.doc, and the triggers below update the index in the
-- same statement (and so the same transaction) as the row.
CREATE VIRTUAL TABLE drafts_fts USING fts5 (
	headline, deck, byline, body, tags, slug,
	content = 'drafts',
	content_rowid = 'seq',
	tokenize = 'porter unicode61 remove_diacritics 2',
	prefix = '2 3 4'
);
-- Rank: the headline weighs most, then slug, deck and tags, byline, body.
INSERT INTO drafts_fts (drafts_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 3.0, 1.0, 4.0, 6.0)');

CREATE TRIGGER drafts_after_insert AFTER INSERT ON drafts BEGIN
	INSERT INTO drafts_fts (rowid, headline, deck, byline, body, tags, slug)
	VALUES (NEW.seq, NEW.headline, NEW.deck, NEW.byline, NEW.body, NEW.tags, NEW.slug);
	INSERT OR IGNORE INTO draft_authors (draft, author)
		SELECT NEW.seq, trim(value) FROM json_each(NEW.authors) WHERE trim(value) <> '';
	INSERT OR IGNORE INTO draft_tags (draft, tag)
		SELECT NEW.seq, trim(value) FROM json_each(NEW.doc, '$.tags') WHERE trim(value) <> '';
END;

-- The index and the filter tables change only when their text does, not
-- on saves that touch other fields (a transition, an editor's note).
CREATE TRIGGER drafts_after_update_text AFTER UPDATE OF headline, slug, authors, body, doc ON drafts
WHEN OLD.headline IS NOT NEW.headline OR OLD.slug IS NOT NEW.slug OR OLD.body IS NOT NEW.body
	OR OLD.deck IS NOT NEW.deck OR OLD.byline IS NOT NEW.byline OR OLD.tags IS NOT NEW.tags
BEGIN
	INSERT INTO drafts_fts (drafts_fts, rowid, headline, deck, byline, body, tags, slug)
	VALUES ('delete', OLD.seq, OLD.headline, OLD.deck, OLD.byline, OLD.body, OLD.tags, OLD.slug);
	INSERT INTO drafts_fts (rowid, headline, deck, byline, body, tags, slug)
	VALUES (NEW.seq, NEW.headline, NEW.deck, NEW.byline, NEW.body, NEW.tags, NEW.slug);
END;

CREATE TRIGGER drafts_after_update_authors AFTER UPDATE OF authors ON drafts
WHEN OLD.authors IS NOT NEW.authors
BEGIN
	DELETE FROM draft_authors WHERE draft = OLD.seq;
	INSERT OR IGNORE INTO draft_authors (draft, author)
		SELECT NEW.seq, trim(value) FROM json_each(NEW.authors) WHERE trim(value) <> '';
END;

CREATE TRIGGER drafts_after_update_tags AFTER UPDATE OF doc ON drafts
WHEN OLD.tags IS NOT NEW.tags
BEGIN
	DELETE FROM draft_tags WHERE draft = OLD.seq;
	INSERT OR IGNORE INTO draft_tags (draft, tag)
		SELECT NEW.seq, trim(value) FROM json_each(NEW.doc, '$.tags') WHERE trim(value) <> '';
END;

CREATE TRIGGER drafts_after_delete AFTER DELETE ON drafts BEGIN
	INSERT INTO drafts_fts (drafts_fts, rowid, headline, deck, byline, body, tags, slug)
	VALUES ('delete', OLD.seq, OLD.headline, OLD.deck, OLD.byline, OLD.body, OLD.tags, OLD.slug);
END;

-- revisions are the immutable history. Each is the whole article as it was
-- saved, body included. A revision row is never changed, with one exception: an autosave of
-- the same editing session may replace the draft's newest revision while that
-- revision is under a minute old (started is when it was first written,
-- created when it was last). A revision is only ever deleted together with
-- its draft, when Trash is emptied.
CREATE TABLE revisions (
	seq       INTEGER PRIMARY KEY,
	id        TEXT    NOT NULL UNIQUE,
	draft_id  TEXT    NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
	parent_id TEXT,
	kind      TEXT    NOT NULL CHECK (kind IN ('edit', 'status', 'import', 'restore')),
	session   TEXT    NOT NULL DEFAULT '',
	started   INTEGER NOT NULL,
	created   INTEGER NOT NULL,
	device    TEXT    NOT NULL DEFAULT '',
	author    TEXT    NOT NULL DEFAULT '',
	words     INTEGER NOT NULL DEFAULT 0,
	note      TEXT    NOT NULL DEFAULT '',
	doc       TEXT    NOT NULL CHECK (json_valid(doc))
);
CREATE INDEX revisions_draft ON revisions (draft_id, seq);

CREATE TRIGGER revisions_before_delete BEFORE DELETE ON revisions
WHEN EXISTS (SELECT 1 FROM drafts WHERE id = OLD.draft_id)
BEGIN
	SELECT RAISE(ABORT, 'revisions are immutable: a revision is only removed with its draft');
END;

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
	AND ifnull((SELECT head_revision FROM drafts WHERE id = OLD.draft_id), '') = OLD.id
)
BEGIN
	SELECT RAISE(ABORT, 'revisions are immutable: only an autosave of the same session within a minute may replace its own newest revision');
END;

-- profile holds the library's one publication profile as JSON.
CREATE TABLE profile (
	id      INTEGER PRIMARY KEY CHECK (id = 1),
	doc     TEXT    NOT NULL CHECK (json_valid(doc)),
	updated INTEGER NOT NULL
);
