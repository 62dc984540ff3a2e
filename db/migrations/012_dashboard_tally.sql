-- The dashboard's counts by status for each topic and each party, kept as tallies: how many live
-- commitments are filed under each set of topics (topic ids, ascending) and made by each set of parties
-- (party ids, ascending) in each whole status (0: none yet). The dashboard then sums a few thousand rows
-- instead of reading 100,000 commitments, and works out each set's top-level topics as it reads, so
-- moving a topic under another changes nothing here. Trashed commitments are not counted.
CREATE TABLE dashboard_tally (
  topics      TEXT NOT NULL,
  makers      TEXT NOT NULL,
  status_id   INTEGER NOT NULL,
  commitments INTEGER NOT NULL,
  PRIMARY KEY (topics, makers, status_id)
) WITHOUT ROWID;

-- Adds `commitments` (negative to take away) to the tally of one commitment as it would be with the
-- sets and status given, when `live`; a tally that falls to nothing goes.
CREATE VIEW dashboard_change (topics, makers, status_id, live, commitments)
AS SELECT NULL, NULL, NULL, NULL, NULL WHERE 0;
CREATE TRIGGER dashboard_change_apply INSTEAD OF INSERT ON dashboard_change
WHEN NEW.live
BEGIN
  INSERT INTO dashboard_tally (topics, makers, status_id, commitments)
  VALUES (coalesce(NEW.topics, ''), coalesce(NEW.makers, ''), coalesce(NEW.status_id, 0), NEW.commitments)
      ON CONFLICT DO UPDATE SET commitments = commitments + excluded.commitments;
  DELETE FROM dashboard_tally
   WHERE topics = coalesce(NEW.topics, '') AND makers = coalesce(NEW.makers, '')
     AND status_id = coalesce(NEW.status_id, 0) AND commitments = 0;
END;

-- A commitment's sets as they are now; the triggers below name a set as it was with one id more or less.
CREATE VIEW commitment_sets (commitment_id, topics, makers) AS
SELECT c.id,
       (SELECT group_concat(topic_id, ',' ORDER BY topic_id) FROM commitment_topic WHERE commitment_id = c.id),
       (SELECT group_concat(party_id, ',' ORDER BY party_id) FROM commitment_party
         WHERE commitment_id = c.id AND role = 'maker')
  FROM commitment c;

INSERT INTO dashboard_tally (topics, makers, status_id, commitments)
SELECT coalesce(k.topics, ''), coalesce(k.makers, ''), coalesce(c.current_status_id, 0), count(*)
  FROM commitment c JOIN commitment_sets k ON k.commitment_id = c.id
 WHERE c.deleted_at IS NULL
 GROUP BY 1, 2, 3;

CREATE TRIGGER dashboard_on_commitment_insert AFTER INSERT ON commitment
BEGIN
  INSERT INTO dashboard_change
  SELECT topics, makers, NEW.current_status_id, NEW.deleted_at IS NULL, 1
    FROM commitment_sets WHERE commitment_id = NEW.id;
END;

CREATE TRIGGER dashboard_on_commitment_delete BEFORE DELETE ON commitment
BEGIN
  INSERT INTO dashboard_change
  SELECT topics, makers, OLD.current_status_id, OLD.deleted_at IS NULL, -1
    FROM commitment_sets WHERE commitment_id = OLD.id;
END;

CREATE TRIGGER dashboard_on_commitment_update AFTER UPDATE OF deleted_at, current_status_id ON commitment
WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) OR OLD.current_status_id IS NOT NEW.current_status_id
BEGIN
  INSERT INTO dashboard_change
  SELECT topics, makers, OLD.current_status_id, OLD.deleted_at IS NULL, -1
    FROM commitment_sets WHERE commitment_id = OLD.id;
  INSERT INTO dashboard_change
  SELECT topics, makers, NEW.current_status_id, NEW.deleted_at IS NULL, 1
    FROM commitment_sets WHERE commitment_id = NEW.id;
END;

-- A topic filed or taken away moves the commitment from one set of topics to the other.
CREATE TRIGGER dashboard_on_topic_insert AFTER INSERT ON commitment_topic
BEGIN
  INSERT INTO dashboard_change
  SELECT (SELECT group_concat(topic_id, ',' ORDER BY topic_id) FROM commitment_topic
           WHERE commitment_id = c.id AND topic_id <> NEW.topic_id),
         k.makers, c.current_status_id, c.deleted_at IS NULL, -1
    FROM commitment c JOIN commitment_sets k ON k.commitment_id = c.id WHERE c.id = NEW.commitment_id;
  INSERT INTO dashboard_change
  SELECT k.topics, k.makers, c.current_status_id, c.deleted_at IS NULL, 1
    FROM commitment c JOIN commitment_sets k ON k.commitment_id = c.id WHERE c.id = NEW.commitment_id;
END;

CREATE TRIGGER dashboard_on_topic_delete AFTER DELETE ON commitment_topic
BEGIN
  INSERT INTO dashboard_change
  SELECT (SELECT group_concat(topic_id, ',' ORDER BY topic_id)
            FROM (SELECT topic_id FROM commitment_topic WHERE commitment_id = c.id UNION SELECT OLD.topic_id)),
         k.makers, c.current_status_id, c.deleted_at IS NULL, -1
    FROM commitment c JOIN commitment_sets k ON k.commitment_id = c.id WHERE c.id = OLD.commitment_id;
  INSERT INTO dashboard_change
  SELECT k.topics, k.makers, c.current_status_id, c.deleted_at IS NULL, 1
    FROM commitment c JOIN commitment_sets k ON k.commitment_id = c.id WHERE c.id = OLD.commitment_id;
END;

-- A maker added or taken away moves it from one set of makers to the other.
CREATE TRIGGER dashboard_on_maker_insert AFTER INSERT ON commitment_party WHEN NEW.role = 'maker'
BEGIN
  INSERT INTO dashboard_change
  SELECT k.topics,
         (SELECT group_concat(party_id, ',' ORDER BY party_id) FROM commitment_party
           WHERE commitment_id = c.id AND role = 'maker' AND party_id <> NEW.party_id),
         c.current_status_id, c.deleted_at IS NULL, -1
    FROM commitment c JOIN commitment_sets k ON k.commitment_id = c.id WHERE c.id = NEW.commitment_id;
  INSERT INTO dashboard_change
  SELECT k.topics, k.makers, c.current_status_id, c.deleted_at IS NULL, 1
    FROM commitment c JOIN commitment_sets k ON k.commitment_id = c.id WHERE c.id = NEW.commitment_id;
END;

CREATE TRIGGER dashboard_on_maker_delete AFTER DELETE ON commitment_party WHEN OLD.role = 'maker'
BEGIN
  INSERT INTO dashboard_change
  SELECT k.topics,
         (SELECT group_concat(party_id, ',' ORDER BY party_id)
            FROM (SELECT party_id FROM commitment_party WHERE commitment_id = c.id AND role = 'maker'
                  UNION SELECT OLD.party_id)),
         c.current_status_id, c.deleted_at IS NULL, -1
    FROM commitment c JOIN commitment_sets k ON k.commitment_id = c.id WHERE c.id = OLD.commitment_id;
  INSERT INTO dashboard_change
  SELECT k.topics, k.makers, c.current_status_id, c.deleted_at IS NULL, 1
    FROM commitment c JOIN commitment_sets k ON k.commitment_id = c.id WHERE c.id = OLD.commitment_id;
END;
