-- Each party's own status in force today on each commitment, kept beside the history as the commitment's
-- whole status is kept on the commitment (006): the scorecard's figures for today then count 300,000
-- cells from one narrow table instead of seeking each party's history. Kept by triggers wherever the
-- party's update in force can change (a new update, its uid being set, an undo), in the same order as
-- the as-of view reads the history, so the two can never disagree; as of a day still reads the history.
CREATE TABLE party_current_status (
  commitment_id INTEGER NOT NULL REFERENCES commitment (id) ON DELETE CASCADE,
  party_id      INTEGER NOT NULL REFERENCES party (id) ON DELETE CASCADE,
  update_id     INTEGER NOT NULL REFERENCES status_update (id),
  status_id     INTEGER NOT NULL REFERENCES status (id),
  since         TEXT NOT NULL,
  PRIMARY KEY (commitment_id, party_id)
) WITHOUT ROWID;

INSERT INTO party_current_status (commitment_id, party_id, update_id, status_id, since)
SELECT commitment_id, party_id, id, status_id, effective_on
  FROM (SELECT u.commitment_id, u.party_id, u.id, u.status_id, u.effective_on,
               row_number() OVER (PARTITION BY u.commitment_id, u.party_id
                                  ORDER BY u.effective_on DESC, u.recorded_at DESC, u.uid DESC) AS rank
          FROM status_update u
         WHERE u.party_id IS NOT NULL AND u.id NOT IN (SELECT update_id FROM status_update_retraction))
 WHERE rank = 1;

-- The choice is made again for one commitment and party: the view names them, the trigger inserts into
-- it, and its INSTEAD OF trigger does the work, so the rule is written once for the three triggers below.
CREATE VIEW party_status_refresh (commitment_id, party_id) AS SELECT NULL, NULL WHERE 0;
CREATE TRIGGER party_status_refresh_apply INSTEAD OF INSERT ON party_status_refresh
BEGIN
  DELETE FROM party_current_status WHERE commitment_id = NEW.commitment_id AND party_id = NEW.party_id;
  INSERT INTO party_current_status (commitment_id, party_id, update_id, status_id, since)
  SELECT u.commitment_id, u.party_id, u.id, u.status_id, u.effective_on
    FROM status_update u
   WHERE u.commitment_id = NEW.commitment_id AND u.party_id = NEW.party_id
     AND u.id NOT IN (SELECT update_id FROM status_update_retraction)
   ORDER BY u.effective_on DESC, u.recorded_at DESC, u.uid DESC
   LIMIT 1;
END;

CREATE TRIGGER party_status_on_update AFTER INSERT ON status_update WHEN NEW.party_id IS NOT NULL
BEGIN
  INSERT INTO party_status_refresh VALUES (NEW.commitment_id, NEW.party_id);
END;

-- A row's uid is set by its own AFTER INSERT trigger, which may run after the one above.
CREATE TRIGGER party_status_on_uid AFTER UPDATE OF uid ON status_update
WHEN NEW.party_id IS NOT NULL AND OLD.uid IS NULL
BEGIN
  INSERT INTO party_status_refresh VALUES (NEW.commitment_id, NEW.party_id);
END;

CREATE TRIGGER party_status_on_retraction AFTER INSERT ON status_update_retraction
BEGIN
  INSERT INTO party_status_refresh
  SELECT commitment_id, party_id FROM status_update WHERE id = NEW.update_id AND party_id IS NOT NULL;
END;

-- The scorecard's figures today, kept as tallies: how many cells each dossier holds under each set of
-- topics (the commitment's topic ids, ascending), for each maker (0: a commitment no party made, counted
-- once by its whole status) in each status (0: none yet). A scorecard of a dossier, or of every one,
-- then sums a few dozen rows instead of counting 300,000 cells; other scopes count the cells in SQL.
-- Trashed commitments are not counted. Each trigger below moves the cells that one change moves.
CREATE TABLE scorecard_tally (
  dossier_id INTEGER NOT NULL,
  topics     TEXT NOT NULL,
  party_id   INTEGER NOT NULL,
  status_id  INTEGER NOT NULL,
  cells      INTEGER NOT NULL,
  PRIMARY KEY (dossier_id, topics, party_id, status_id)
) WITHOUT ROWID;

-- Adds `cells` (negative to take away) to the tally of a commitment as it would be with the dossier,
-- topic key, whole status and liveness given: one cell per maker, in the maker's own status if it has
-- one, else the whole status; or one cell of party 0 when it has no maker.
CREATE VIEW scorecard_commitment_change (commitment_id, dossier_id, topics, whole_status_id, live, cells)
AS SELECT NULL, NULL, NULL, NULL, NULL, NULL WHERE 0;
CREATE TRIGGER scorecard_commitment_change_apply INSTEAD OF INSERT ON scorecard_commitment_change
WHEN NEW.live
BEGIN
  INSERT INTO scorecard_tally (dossier_id, topics, party_id, status_id, cells)
  SELECT NEW.dossier_id, coalesce(NEW.topics, ''), party, status, NEW.cells * count(*)
    FROM (SELECT cp.party_id AS party, coalesce(ps.status_id, NEW.whole_status_id, 0) AS status
            FROM commitment_party cp
            LEFT JOIN party_current_status ps ON ps.commitment_id = cp.commitment_id AND ps.party_id = cp.party_id
           WHERE cp.commitment_id = NEW.commitment_id AND cp.role = 'maker'
          UNION ALL
          SELECT 0, coalesce(NEW.whole_status_id, 0)
           WHERE NOT EXISTS (SELECT 1 FROM commitment_party cp
                              WHERE cp.commitment_id = NEW.commitment_id AND cp.role = 'maker'))
   GROUP BY party, status
      ON CONFLICT DO UPDATE SET cells = cells + excluded.cells;
END;

-- Adds `cells` to one cell of a live commitment, under its dossier and topics as they are.
CREATE VIEW scorecard_cell_change (commitment_id, party_id, status_id, cells)
AS SELECT NULL, NULL, NULL, NULL WHERE 0;
CREATE TRIGGER scorecard_cell_change_apply INSTEAD OF INSERT ON scorecard_cell_change
BEGIN
  INSERT INTO scorecard_tally (dossier_id, topics, party_id, status_id, cells)
  SELECT c.dossier_id, coalesce((SELECT group_concat(topic_id, ',' ORDER BY topic_id) FROM commitment_topic WHERE commitment_id = c.id), ''),
         NEW.party_id, coalesce(NEW.status_id, 0), NEW.cells
    FROM commitment c WHERE c.id = NEW.commitment_id AND c.deleted_at IS NULL
      ON CONFLICT DO UPDATE SET cells = cells + excluded.cells;
END;

INSERT INTO scorecard_tally (dossier_id, topics, party_id, status_id, cells)
SELECT c.dossier_id, coalesce(k.topics, ''), coalesce(cp.party_id, 0),
       coalesce(ps.status_id, c.current_status_id, 0), count(*)
  FROM commitment c
  LEFT JOIN (SELECT commitment_id, group_concat(topic_id, ',' ORDER BY topic_id) AS topics
               FROM commitment_topic GROUP BY commitment_id) k ON k.commitment_id = c.id
  LEFT JOIN commitment_party cp ON cp.commitment_id = c.id AND cp.role = 'maker'
  LEFT JOIN party_current_status ps ON ps.commitment_id = c.id AND ps.party_id = cp.party_id
 WHERE c.deleted_at IS NULL
 GROUP BY 1, 2, 3, 4;

CREATE TRIGGER scorecard_on_commitment_insert AFTER INSERT ON commitment
BEGIN
  INSERT INTO scorecard_commitment_change
  VALUES (NEW.id, NEW.dossier_id, NULL, NEW.current_status_id, NEW.deleted_at IS NULL, 1);
END;

CREATE TRIGGER scorecard_on_commitment_delete BEFORE DELETE ON commitment
BEGIN
  INSERT INTO scorecard_commitment_change
  VALUES (OLD.id, OLD.dossier_id,
          (SELECT group_concat(topic_id, ',' ORDER BY topic_id) FROM commitment_topic WHERE commitment_id = OLD.id),
          OLD.current_status_id, OLD.deleted_at IS NULL, -1);
END;

CREATE TRIGGER scorecard_on_commitment_update AFTER UPDATE OF dossier_id, deleted_at, current_status_id ON commitment
WHEN OLD.dossier_id IS NOT NEW.dossier_id OR (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL)
  OR OLD.current_status_id IS NOT NEW.current_status_id
BEGIN
  INSERT INTO scorecard_commitment_change
  VALUES (OLD.id, OLD.dossier_id,
          (SELECT group_concat(topic_id, ',' ORDER BY topic_id) FROM commitment_topic WHERE commitment_id = OLD.id),
          OLD.current_status_id, OLD.deleted_at IS NULL, -1);
  INSERT INTO scorecard_commitment_change
  VALUES (NEW.id, NEW.dossier_id,
          (SELECT group_concat(topic_id, ',' ORDER BY topic_id) FROM commitment_topic WHERE commitment_id = NEW.id),
          NEW.current_status_id, NEW.deleted_at IS NULL, 1);
END;

-- A topic added or taken away moves the commitment's cells from one topic key to the other.
CREATE TRIGGER scorecard_on_topic_insert AFTER INSERT ON commitment_topic
BEGIN
  INSERT INTO scorecard_commitment_change
  SELECT c.id, c.dossier_id,
         (SELECT group_concat(topic_id, ',' ORDER BY topic_id) FROM commitment_topic
           WHERE commitment_id = c.id AND topic_id <> NEW.topic_id),
         c.current_status_id, c.deleted_at IS NULL, -1
    FROM commitment c WHERE c.id = NEW.commitment_id;
  INSERT INTO scorecard_commitment_change
  SELECT c.id, c.dossier_id, (SELECT group_concat(topic_id, ',' ORDER BY topic_id) FROM commitment_topic WHERE commitment_id = c.id),
         c.current_status_id, c.deleted_at IS NULL, 1
    FROM commitment c WHERE c.id = NEW.commitment_id;
END;

CREATE TRIGGER scorecard_on_topic_delete AFTER DELETE ON commitment_topic
BEGIN
  INSERT INTO scorecard_commitment_change
  SELECT c.id, c.dossier_id,
         (SELECT group_concat(topic_id, ',' ORDER BY topic_id)
            FROM (SELECT topic_id FROM commitment_topic WHERE commitment_id = c.id UNION SELECT OLD.topic_id)),
         c.current_status_id, c.deleted_at IS NULL, -1
    FROM commitment c WHERE c.id = OLD.commitment_id;
  INSERT INTO scorecard_commitment_change
  SELECT c.id, c.dossier_id, (SELECT group_concat(topic_id, ',' ORDER BY topic_id) FROM commitment_topic WHERE commitment_id = c.id),
         c.current_status_id, c.deleted_at IS NULL, 1
    FROM commitment c WHERE c.id = OLD.commitment_id;
END;

-- A maker added: its cell counts, and the commitment's one cell of party 0 goes if it was the first.
CREATE TRIGGER scorecard_on_maker_insert AFTER INSERT ON commitment_party WHEN NEW.role = 'maker'
BEGIN
  INSERT INTO scorecard_cell_change
  SELECT c.id, 0, c.current_status_id, -1 FROM commitment c
   WHERE c.id = NEW.commitment_id
     AND (SELECT count(*) FROM commitment_party WHERE commitment_id = c.id AND role = 'maker') = 1;
  INSERT INTO scorecard_cell_change
  SELECT c.id, NEW.party_id,
         coalesce((SELECT status_id FROM party_current_status WHERE commitment_id = c.id AND party_id = NEW.party_id),
                  c.current_status_id), 1
    FROM commitment c WHERE c.id = NEW.commitment_id;
END;

CREATE TRIGGER scorecard_on_maker_delete AFTER DELETE ON commitment_party WHEN OLD.role = 'maker'
BEGIN
  INSERT INTO scorecard_cell_change
  SELECT c.id, OLD.party_id,
         coalesce((SELECT status_id FROM party_current_status WHERE commitment_id = c.id AND party_id = OLD.party_id),
                  c.current_status_id), -1
    FROM commitment c WHERE c.id = OLD.commitment_id;
  INSERT INTO scorecard_cell_change
  SELECT c.id, 0, c.current_status_id, 1 FROM commitment c
   WHERE c.id = OLD.commitment_id
     AND NOT EXISTS (SELECT 1 FROM commitment_party WHERE commitment_id = c.id AND role = 'maker');
END;

-- A maker's own status set or replaced: its cell moves from the status it had to the new one.
CREATE TRIGGER scorecard_on_own_insert AFTER INSERT ON party_current_status
BEGIN
  INSERT INTO scorecard_cell_change
  SELECT c.id, NEW.party_id, c.current_status_id, -1 FROM commitment c
   WHERE c.id = NEW.commitment_id
     AND EXISTS (SELECT 1 FROM commitment_party
                  WHERE commitment_id = c.id AND party_id = NEW.party_id AND role = 'maker');
  INSERT INTO scorecard_cell_change
  SELECT NEW.commitment_id, NEW.party_id, NEW.status_id, 1
   WHERE EXISTS (SELECT 1 FROM commitment_party
                  WHERE commitment_id = NEW.commitment_id AND party_id = NEW.party_id AND role = 'maker');
END;

CREATE TRIGGER scorecard_on_own_delete AFTER DELETE ON party_current_status
BEGIN
  INSERT INTO scorecard_cell_change
  SELECT OLD.commitment_id, OLD.party_id, OLD.status_id, -1
   WHERE EXISTS (SELECT 1 FROM commitment_party
                  WHERE commitment_id = OLD.commitment_id AND party_id = OLD.party_id AND role = 'maker');
  INSERT INTO scorecard_cell_change
  SELECT c.id, OLD.party_id, c.current_status_id, 1 FROM commitment c
   WHERE c.id = OLD.commitment_id
     AND EXISTS (SELECT 1 FROM commitment_party
                  WHERE commitment_id = c.id AND party_id = OLD.party_id AND role = 'maker');
END;

-- The live commitments of a dossier, counted (the dossiers' list, a scorecard of one dossier) without
-- reading the commitments themselves.
CREATE INDEX commitment_live_by_dossier ON commitment (dossier_id) WHERE deleted_at IS NULL;
