-- Pledgewatch schema version 4: indexes for reading the commitments list at scale (100,000 and more).

-- Counting the live commitments, and those announced by a day (the as-of view), from a narrow index
-- instead of the table. deleted_at is a column too so that the index covers the query: SQLite reads
-- the table for a column that only the partial index's condition names.
CREATE INDEX commitment_live_by_announced ON commitment (announced_on, deleted_at) WHERE deleted_at IS NULL;

-- The list's default order, by due date with undated commitments last, read straight from an index
-- in either direction (see orderBy in db/commitments.ts), so a page costs the same at any size.
CREATE INDEX commitment_live_due_ascending ON commitment (due_on IS NULL, due_on) WHERE deleted_at IS NULL;
CREATE INDEX commitment_live_due_descending ON commitment (due_on IS NOT NULL, due_on) WHERE deleted_at IS NULL;
CREATE INDEX commitment_live_by_title ON commitment (title COLLATE NOCASE) WHERE deleted_at IS NULL;
