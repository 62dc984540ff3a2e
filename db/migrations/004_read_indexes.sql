-- Pledgewatch schema version 4: indexes for reading the commitments list and the dashboard at scale.
-- None is partial: an index limited to live commitments (deleted_at IS NULL) would match every list
-- query, and SQLite, having no statistics, then walks it for whole-table work too, reading the table
-- in random order (seconds at 100,000 commitments instead of milliseconds).

-- Counting commitments, and those announced by a day (the as-of view), from a narrow index instead
-- of the table; deleted_at is in it so that it covers the count.
CREATE INDEX commitment_by_announced ON commitment (announced_on, deleted_at);

-- The list's default order, by due date with undated commitments last, read straight from an index
-- in either direction (see orderBy in db/commitments.ts), so a page costs the same at any size.
CREATE INDEX commitment_by_due_undated_last ON commitment (due_on IS NULL, due_on);
CREATE INDEX commitment_by_due_undated_last_desc ON commitment (due_on IS NOT NULL, due_on);
CREATE INDEX commitment_by_title ON commitment (title COLLATE NOCASE);

-- "What changed since": commitments created after a moment.
CREATE INDEX commitment_by_created ON commitment (created_at);
