-- The status in force today, and since when, kept on the commitment itself: the list's status filters and
-- counts, the dashboard's counts and its stale list read them from one narrow index instead of looking
-- up 100,000 status updates. Kept by a trigger wherever current_update_id changes (a new update, an
-- undo), so it can never disagree with the history; the as-of view still reads the history itself.
ALTER TABLE commitment ADD COLUMN current_status_id INTEGER REFERENCES status (id);
ALTER TABLE commitment ADD COLUMN current_since TEXT;

UPDATE commitment
   SET current_status_id = (SELECT u.status_id FROM status_update u WHERE u.id = commitment.current_update_id),
       current_since = (SELECT u.effective_on FROM status_update u WHERE u.id = commitment.current_update_id);

CREATE TRIGGER commitment_current_status AFTER UPDATE OF current_update_id ON commitment
BEGIN
  UPDATE commitment
     SET current_status_id = (SELECT u.status_id FROM status_update u WHERE u.id = NEW.current_update_id),
         current_since = (SELECT u.effective_on FROM status_update u WHERE u.id = NEW.current_update_id)
   WHERE id = NEW.id;
END;

-- Live commitments only: the trash is never counted.
CREATE INDEX commitment_live_by_status ON commitment (current_status_id) WHERE deleted_at IS NULL;
CREATE INDEX commitment_live_by_since ON commitment (current_since) WHERE deleted_at IS NULL;
