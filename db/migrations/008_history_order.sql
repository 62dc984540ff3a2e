-- Which of two updates effective the same day is in force: the one recorded later, then the greater
-- uid. Before, the local id broke the tie, and a row's local id depends on the order in which a machine
-- happened to receive it, so two machines of a team could show different statuses in force after
-- exchanging the same history. recorded_at and uid travel with the row, so every machine now agrees.
-- The history index follows the new order, so the status in force is still one index seek.
DROP INDEX status_update_history;
CREATE INDEX status_update_history ON status_update (commitment_id, party_id, effective_on, recorded_at, uid);

DROP TRIGGER status_update_sets_current;
CREATE TRIGGER status_update_sets_current AFTER INSERT ON status_update WHEN NEW.party_id IS NULL
BEGIN
  UPDATE commitment
     SET current_update_id = (
           SELECT u.id FROM status_update u
            WHERE u.commitment_id = NEW.commitment_id AND u.party_id IS NULL
              AND u.id NOT IN (SELECT update_id FROM status_update_retraction)
            ORDER BY u.effective_on DESC, u.recorded_at DESC, u.uid DESC
            LIMIT 1)
   WHERE id = NEW.commitment_id;
END;

DROP TRIGGER status_update_retraction_sets_current;
CREATE TRIGGER status_update_retraction_sets_current AFTER INSERT ON status_update_retraction
BEGIN
  UPDATE commitment
     SET current_update_id = (
           SELECT u.id FROM status_update u
            WHERE u.commitment_id = commitment.id AND u.party_id IS NULL
              AND u.id NOT IN (SELECT update_id FROM status_update_retraction)
            ORDER BY u.effective_on DESC, u.recorded_at DESC, u.uid DESC
            LIMIT 1)
   WHERE id = (SELECT commitment_id FROM status_update WHERE id = NEW.update_id);
END;

-- A row's uid is set by its own AFTER INSERT trigger, which may run after the one above: once it is
-- set, the choice is made again with it.
CREATE TRIGGER status_update_uid_sets_current AFTER UPDATE OF uid ON status_update
WHEN NEW.party_id IS NULL AND OLD.uid IS NULL
BEGIN
  UPDATE commitment
     SET current_update_id = (
           SELECT u.id FROM status_update u
            WHERE u.commitment_id = NEW.commitment_id AND u.party_id IS NULL
              AND u.id NOT IN (SELECT update_id FROM status_update_retraction)
            ORDER BY u.effective_on DESC, u.recorded_at DESC, u.uid DESC
            LIMIT 1)
   WHERE id = NEW.commitment_id;
END;

-- Existing ties are settled by the new rule once, here.
UPDATE commitment
   SET current_update_id = (
         SELECT u.id FROM status_update u
          WHERE u.commitment_id = commitment.id AND u.party_id IS NULL
            AND u.id NOT IN (SELECT update_id FROM status_update_retraction)
          ORDER BY u.effective_on DESC, u.recorded_at DESC, u.uid DESC
          LIMIT 1)
 WHERE current_update_id IS NOT (
         SELECT u.id FROM status_update u
          WHERE u.commitment_id = commitment.id AND u.party_id IS NULL
            AND u.id NOT IN (SELECT update_id FROM status_update_retraction)
          ORDER BY u.effective_on DESC, u.recorded_at DESC, u.uid DESC
          LIMIT 1);
