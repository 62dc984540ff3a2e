-- Pledgewatch schema version 3: sentences of a source the analyst dismissed as not a commitment.
CREATE TABLE candidate_dismissal (
  source_id    INTEGER NOT NULL REFERENCES source (id) ON DELETE CASCADE,
  start        INTEGER NOT NULL,
  end          INTEGER NOT NULL,
  dismissed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (source_id, start, end)
) WITHOUT ROWID;
