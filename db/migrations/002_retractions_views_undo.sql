-- Pledgewatch schema version 2: undoing a status update without editing history, saved list views,
-- the undo log, and deletion to a trash.

-- An undone status update stays in the history, marked retracted; every query skips it.
CREATE TABLE status_update_retraction (
  update_id    INTEGER PRIMARY KEY REFERENCES status_update (id) ON DELETE RESTRICT,
  retracted_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  reason       TEXT NOT NULL DEFAULT ''
);
CREATE TRIGGER status_update_retraction_no_edit BEFORE UPDATE ON status_update_retraction
BEGIN
  SELECT RAISE(ABORT, 'retractions are append-only');
END;
CREATE TRIGGER status_update_retraction_no_delete BEFORE DELETE ON status_update_retraction
BEGIN
  SELECT RAISE(ABORT, 'retractions are append-only');
END;

DROP TRIGGER status_update_sets_current;
CREATE TRIGGER status_update_sets_current AFTER INSERT ON status_update WHEN NEW.party_id IS NULL
BEGIN
  UPDATE commitment
     SET current_update_id = (
           SELECT u.id FROM status_update u
            WHERE u.commitment_id = NEW.commitment_id AND u.party_id IS NULL
              AND u.id NOT IN (SELECT update_id FROM status_update_retraction)
            ORDER BY u.effective_on DESC, u.id DESC
            LIMIT 1)
   WHERE id = NEW.commitment_id;
END;
CREATE TRIGGER status_update_retraction_sets_current AFTER INSERT ON status_update_retraction
BEGIN
  UPDATE commitment
     SET current_update_id = (
           SELECT u.id FROM status_update u
            WHERE u.commitment_id = commitment.id AND u.party_id IS NULL
              AND u.id NOT IN (SELECT update_id FROM status_update_retraction)
            ORDER BY u.effective_on DESC, u.id DESC
            LIMIT 1)
   WHERE id = (SELECT commitment_id FROM status_update WHERE id = NEW.update_id);
END;

CREATE TABLE saved_view (
  name       TEXT PRIMARY KEY COLLATE NOCASE CHECK (length(trim(name)) > 0),
  query      TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) WITHOUT ROWID;

-- Each undoable action with what undoes it (JSON, read by db/undo.ts); the last one not undone is next.
CREATE TABLE action_log (
  id          INTEGER PRIMARY KEY,
  description TEXT NOT NULL,
  undo        TEXT NOT NULL CHECK (json_valid(undo)),
  at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  undone_at   TEXT
);

CREATE INDEX commitment_deleted ON commitment (deleted_at) WHERE deleted_at IS NOT NULL;
