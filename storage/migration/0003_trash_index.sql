-- Schema 3: a small index over the drafts in Trash and the tombstones.
-- Counting a search's hits subtracts the ones in Trash and the ones deleted
-- for good (see Count). Reading purged_at from the drafts row means walking
-- past the body, whose overflow pages make that cost milliseconds per row
-- at newsroom scale; with this partial, covering index the count never
-- reads a draft row. Live drafts (trashed_at IS NULL) are not in it.
CREATE INDEX drafts_trash ON drafts (trashed_at, purged_at, seq) WHERE trashed_at IS NOT NULL;
