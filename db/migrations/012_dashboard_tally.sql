-- The dashboard's counts by status for each topic and each party, kept as tallies, so the dashboard
-- sums a few hundred rows instead of reading 100,000 commitments with their topics and makers. Topics
-- are tallied by the set a commitment is filed under (topic ids, ascending): the dashboard works out
-- each set's top-level topics as it reads, so a commitment filed under two subtopics of one topic
-- counts for it once, and moving a topic under another changes nothing here. Makers are tallied one
-- by one. Status 0: none yet. Trashed commitments are not counted.
CREATE TABLE dashboard_topic_tally (
  topics      TEXT NOT NULL,
  status_id   INTEGER NOT NULL,
  commitments INTEGER NOT NULL,
  PRIMARY KEY (topics, status_id)
) WITHOUT ROWID;

CREATE TABLE dashboard_maker_tally (
  party_id    INTEGER NOT NULL,
  status_id   INTEGER NOT NULL,
  commitments INTEGER NOT NULL,
  PRIMARY KEY (party_id, status_id)
) WITHOUT ROWID;

-- Adds `commitments` (negative to take away) to one tally of topics when `live`; a tally that falls
-- to nothing goes.
CREATE VIEW dashboard_topics_change (topics, status_id, live, commitments)
AS SELECT NULL, NULL, NULL, NULL WHERE 0;
CREATE TRIGGER dashboard_topics_change_apply INSTEAD OF INSERT ON dashboard_topics_change
WHEN NEW.live
BEGIN
  INSERT INTO dashboard_topic_tally (topics, status_id, commitments)
  VALUES (coalesce(NEW.topics, ''), coalesce(NEW.status_id, 0), NEW.commitments)
      ON CONFLICT DO UPDATE SET commitments = commitments + excluded.commitments;
  DELETE FROM dashboard_topic_tally
   WHERE topics = coalesce(NEW.topics, '') AND status_id = coalesce(NEW.status_id, 0) AND commitments = 0;
END;

-- The same for each maker of a commitment, in the status given.
CREATE VIEW dashboard_makers_change (commitment_id, status_id, live, commitments)
AS SELECT NULL, NULL, NULL, NULL WHERE 0;
CREATE TRIGGER dashboard_makers_change_apply INSTEAD OF INSERT ON dashboard_makers_change
WHEN NEW.live
BEGIN
  INSERT INTO dashboard_maker_tally (party_id, status_id, commitments)
  SELECT party_id, coalesce(NEW.status_id, 0), NEW.commitments
    FROM commitment_party WHERE commitment_id = NEW.commitment_id AND role = 'maker'
      ON CONFLICT DO UPDATE SET commitments = commitments + excluded.commitments;
  DELETE FROM dashboard_maker_tally WHERE status_id = coalesce(NEW.status_id, 0) AND commitments = 0;
END;

-- A commitment's topics as its key in the tally.
CREATE VIEW commitment_topic_set (commitment_id, topics) AS
SELECT c.id, (SELECT group_concat(topic_id, ',' ORDER BY topic_id) FROM commitment_topic WHERE commitment_id = c.id)
  FROM commitment c;

INSERT INTO dashboard_topic_tally (topics, status_id, commitments)
SELECT coalesce(k.topics, ''), coalesce(c.current_status_id, 0), count(*)
  FROM commitment c JOIN commitment_topic_set k ON k.commitment_id = c.id
 WHERE c.deleted_at IS NULL
 GROUP BY 1, 2;

INSERT INTO dashboard_maker_tally (party_id, status_id, commitments)
SELECT cp.party_id, coalesce(c.current_status_id, 0), count(*)
  FROM commitment c JOIN commitment_party cp ON cp.commitment_id = c.id AND cp.role = 'maker'
 WHERE c.deleted_at IS NULL
 GROUP BY 1, 2;

CREATE TRIGGER dashboard_on_commitment_insert AFTER INSERT ON commitment
BEGIN
  INSERT INTO dashboard_topics_change
  SELECT topics, NEW.current_status_id, NEW.deleted_at IS NULL, 1 FROM commitment_topic_set WHERE commitment_id = NEW.id;
  INSERT INTO dashboard_makers_change VALUES (NEW.id, NEW.current_status_id, NEW.deleted_at IS NULL, 1);
END;

CREATE TRIGGER dashboard_on_commitment_delete BEFORE DELETE ON commitment
BEGIN
  INSERT INTO dashboard_topics_change
  SELECT topics, OLD.current_status_id, OLD.deleted_at IS NULL, -1 FROM commitment_topic_set WHERE commitment_id = OLD.id;
  INSERT INTO dashboard_makers_change VALUES (OLD.id, OLD.current_status_id, OLD.deleted_at IS NULL, -1);
END;

CREATE TRIGGER dashboard_on_commitment_update AFTER UPDATE OF deleted_at, current_status_id ON commitment
WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) OR OLD.current_status_id IS NOT NEW.current_status_id
BEGIN
  INSERT INTO dashboard_topics_change
  SELECT topics, OLD.current_status_id, OLD.deleted_at IS NULL, -1 FROM commitment_topic_set WHERE commitment_id = OLD.id;
  INSERT INTO dashboard_topics_change
  SELECT topics, NEW.current_status_id, NEW.deleted_at IS NULL, 1 FROM commitment_topic_set WHERE commitment_id = NEW.id;
  INSERT INTO dashboard_makers_change VALUES (OLD.id, OLD.current_status_id, OLD.deleted_at IS NULL, -1);
  INSERT INTO dashboard_makers_change VALUES (NEW.id, NEW.current_status_id, NEW.deleted_at IS NULL, 1);
END;

-- A topic filed or taken away moves the commitment from one set of topics to the other.
CREATE TRIGGER dashboard_on_topic_insert AFTER INSERT ON commitment_topic
BEGIN
  INSERT INTO dashboard_topics_change
  SELECT (SELECT group_concat(topic_id, ',' ORDER BY topic_id) FROM commitment_topic
           WHERE commitment_id = c.id AND topic_id <> NEW.topic_id),
         c.current_status_id, c.deleted_at IS NULL, -1
    FROM commitment c WHERE c.id = NEW.commitment_id;
  INSERT INTO dashboard_topics_change
  SELECT k.topics, c.current_status_id, c.deleted_at IS NULL, 1
    FROM commitment c JOIN commitment_topic_set k ON k.commitment_id = c.id WHERE c.id = NEW.commitment_id;
END;

CREATE TRIGGER dashboard_on_topic_delete AFTER DELETE ON commitment_topic
BEGIN
  INSERT INTO dashboard_topics_change
  SELECT (SELECT group_concat(topic_id, ',' ORDER BY topic_id)
            FROM (SELECT topic_id FROM commitment_topic WHERE commitment_id = c.id UNION SELECT OLD.topic_id)),
         c.current_status_id, c.deleted_at IS NULL, -1
    FROM commitment c WHERE c.id = OLD.commitment_id;
  INSERT INTO dashboard_topics_change
  SELECT k.topics, c.current_status_id, c.deleted_at IS NULL, 1
    FROM commitment c JOIN commitment_topic_set k ON k.commitment_id = c.id WHERE c.id = OLD.commitment_id;
END;

-- A maker added or taken away counts, or no longer counts, the commitment in its status.
CREATE TRIGGER dashboard_on_maker_insert AFTER INSERT ON commitment_party WHEN NEW.role = 'maker'
BEGIN
  INSERT INTO dashboard_maker_tally (party_id, status_id, commitments)
  SELECT NEW.party_id, coalesce(c.current_status_id, 0), 1 FROM commitment c
   WHERE c.id = NEW.commitment_id AND c.deleted_at IS NULL
      ON CONFLICT DO UPDATE SET commitments = commitments + excluded.commitments;
END;

CREATE TRIGGER dashboard_on_maker_delete AFTER DELETE ON commitment_party WHEN OLD.role = 'maker'
BEGIN
  UPDATE dashboard_maker_tally SET commitments = commitments - 1
   WHERE party_id = OLD.party_id
     AND status_id = (SELECT coalesce(c.current_status_id, 0) FROM commitment c
                       WHERE c.id = OLD.commitment_id AND c.deleted_at IS NULL);
  DELETE FROM dashboard_maker_tally WHERE party_id = OLD.party_id AND commitments = 0;
END;

-- The dashboard's deadline lists today (due soon; passed with nothing since) read each live dated
-- commitment's due date, the day its status took effect and the status from this index alone.
CREATE INDEX commitment_live_by_due ON commitment (due_on, current_since, current_status_id)
 WHERE deleted_at IS NULL AND due_on IS NOT NULL;
