-- Pledgewatch schema version 7: team dossiers. Rows that travel get ids that are the same on every
-- machine (UUIDv7, written by the machine that creates the row); every write to a shared dossier goes,
-- in the same transaction, into an outbox that `team sync` pushes to the team's PostgreSQL; what others
-- wrote comes back into a local copy of the shared log. The outbox is filled by triggers, so no write
-- path of the app can forget it.

-- A new UUIDv7: 48 bits of Unix milliseconds, version 7, the variant bits, and random bits.
CREATE VIEW new_uid AS
SELECT lower(substr(t, 1, 8) || '-' || substr(t, 9, 4) || '-7' || substr(hex(randomblob(2)), 2, 3) || '-' ||
             substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2, 3) || '-' ||
             hex(randomblob(6))) AS uid
  FROM (SELECT printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS t);

ALTER TABLE dossier ADD COLUMN uid TEXT;
ALTER TABLE commitment ADD COLUMN uid TEXT;
ALTER TABLE status_update ADD COLUMN uid TEXT;
-- Who recorded it: the team member, for a shared dossier; NULL for one that was never shared.
ALTER TABLE status_update ADD COLUMN recorded_by TEXT;
ALTER TABLE source ADD COLUMN uid TEXT;
ALTER TABLE excerpt ADD COLUMN uid TEXT;

-- History stays append-only; only the two columns this migration adds may be filled in.
DROP TRIGGER status_update_no_edit;
CREATE TRIGGER status_update_no_edit
BEFORE UPDATE OF id, commitment_id, party_id, status_id, effective_on, recorded_at, note, excerpt_id, corrects_id
ON status_update
BEGIN
  SELECT RAISE(ABORT, 'status updates are append-only: record a correction as a new update');
END;

-- Existing rows: the time part from when the row was made, where the row says.
UPDATE dossier SET uid = lower(
  substr(printf('%012x', CAST((julianday(created_at) - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' ||
  substr(printf('%012x', CAST((julianday(created_at) - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' ||
  substr(hex(randomblob(2)), 2, 3) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) ||
  substr(hex(randomblob(2)), 2, 3) || '-' || hex(randomblob(6)));
UPDATE commitment SET uid = lower(
  substr(printf('%012x', CAST((julianday(created_at) - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' ||
  substr(printf('%012x', CAST((julianday(created_at) - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' ||
  substr(hex(randomblob(2)), 2, 3) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) ||
  substr(hex(randomblob(2)), 2, 3) || '-' || hex(randomblob(6)));
UPDATE status_update SET uid = lower(
  substr(printf('%012x', CAST((julianday(recorded_at) - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' ||
  substr(printf('%012x', CAST((julianday(recorded_at) - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' ||
  substr(hex(randomblob(2)), 2, 3) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) ||
  substr(hex(randomblob(2)), 2, 3) || '-' || hex(randomblob(6)));
UPDATE source SET uid = lower(
  substr(printf('%012x', CAST((julianday(added_at) - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' ||
  substr(printf('%012x', CAST((julianday(added_at) - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' ||
  substr(hex(randomblob(2)), 2, 3) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) ||
  substr(hex(randomblob(2)), 2, 3) || '-' || hex(randomblob(6)));
UPDATE excerpt SET uid = (SELECT uid FROM new_uid WHERE excerpt.id IS NOT NULL);

CREATE UNIQUE INDEX dossier_by_uid ON dossier (uid);
CREATE UNIQUE INDEX commitment_by_uid ON commitment (uid);
CREATE UNIQUE INDEX status_update_by_uid ON status_update (uid);
CREATE UNIQUE INDEX source_by_uid ON source (uid);
CREATE UNIQUE INDEX excerpt_by_uid ON excerpt (uid);
CREATE INDEX source_by_hash ON source (text_sha256);

-- A row written without a uid gets one at once; the app's busiest inserts write their own.
CREATE TRIGGER dossier_uid AFTER INSERT ON dossier WHEN NEW.uid IS NULL
BEGIN
  UPDATE dossier SET uid = (SELECT uid FROM new_uid WHERE NEW.id IS NOT NULL) WHERE id = NEW.id AND uid IS NULL;
END;
CREATE TRIGGER commitment_uid AFTER INSERT ON commitment WHEN NEW.uid IS NULL
BEGIN
  UPDATE commitment SET uid = (SELECT uid FROM new_uid WHERE NEW.id IS NOT NULL) WHERE id = NEW.id AND uid IS NULL;
END;
CREATE TRIGGER status_update_uid AFTER INSERT ON status_update WHEN NEW.uid IS NULL
BEGIN
  UPDATE status_update SET uid = (SELECT uid FROM new_uid WHERE NEW.id IS NOT NULL) WHERE id = NEW.id AND uid IS NULL;
END;
CREATE TRIGGER source_uid AFTER INSERT ON source WHEN NEW.uid IS NULL
BEGIN
  UPDATE source SET uid = (SELECT uid FROM new_uid WHERE NEW.id IS NOT NULL) WHERE id = NEW.id AND uid IS NULL;
END;
CREATE TRIGGER excerpt_uid AFTER INSERT ON excerpt WHEN NEW.uid IS NULL
BEGIN
  UPDATE excerpt SET uid = (SELECT uid FROM new_uid WHERE NEW.id IS NOT NULL) WHERE id = NEW.id AND uid IS NULL;
END;
CREATE TRIGGER uid_never_changes_commitment BEFORE UPDATE OF uid ON commitment
WHEN OLD.uid IS NOT NULL AND NEW.uid IS NOT OLD.uid
BEGIN
  SELECT RAISE(ABORT, 'a commitment''s uid never changes');
END;
CREATE TRIGGER uid_never_changes_status_update BEFORE UPDATE OF uid ON status_update
WHEN OLD.uid IS NOT NULL AND NEW.uid IS NOT OLD.uid
BEGIN
  SELECT RAISE(ABORT, 'a status update''s uid never changes');
END;

-- This database, as one writer among the team's: set once, never sent anywhere but with its changes.
CREATE TABLE team_client (
  id     INTEGER PRIMARY KEY CHECK (id = 1),
  origin TEXT NOT NULL
);
INSERT INTO team_client (id, origin) VALUES (1, lower(hex(randomblob(16))));

-- A dossier shared through a team's PostgreSQL. The server's address never holds a password.
CREATE TABLE team_link (
  dossier_id     INTEGER PRIMARY KEY REFERENCES dossier (id) ON DELETE RESTRICT,
  dossier_uid    TEXT NOT NULL UNIQUE,
  server         TEXT NOT NULL,
  member         TEXT NOT NULL,
  can_write      INTEGER NOT NULL CHECK (can_write IN (0, 1)),
  -- The highest sequence number of the shared log applied here: the next pull starts after it.
  cursor         INTEGER NOT NULL DEFAULT 0,
  linked_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  last_synced_at TEXT,
  last_error     TEXT
);

-- Changes written here and not yet acknowledged by the server. Payloads name local rows by id; the push
-- turns them into names and uids that every machine shares.
CREATE TABLE team_outbox (
  id         INTEGER PRIMARY KEY,
  dossier_id INTEGER NOT NULL REFERENCES team_link (dossier_id) ON DELETE CASCADE,
  change_uid TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16)))),
  known_seq  INTEGER NOT NULL, -- the cursor when written: what the writer had seen of the others
  entity     TEXT NOT NULL CHECK (entity IN ('commitment', 'status_update', 'source', 'excerpt')),
  entity_uid TEXT NOT NULL,
  field      TEXT,
  op         TEXT NOT NULL,
  payload    TEXT NOT NULL CHECK (json_valid(payload)),
  -- 1 while a push has read it and waits for the server: a later edit then gets an entry of its own.
  pushing    INTEGER NOT NULL DEFAULT 0,
  written_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX team_outbox_by_field ON team_outbox (entity_uid, field);

-- The shared log as far as this database has read it, own changes included, in the server's order.
CREATE TABLE team_log (
  dossier_id  INTEGER NOT NULL REFERENCES team_link (dossier_id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  change_uid  TEXT NOT NULL UNIQUE,
  origin      TEXT NOT NULL,
  author      TEXT NOT NULL,
  received_at TEXT NOT NULL,
  known_seq   INTEGER NOT NULL,
  entity      TEXT NOT NULL,
  entity_uid  TEXT NOT NULL,
  field       TEXT,
  op          TEXT NOT NULL,
  payload     TEXT NOT NULL,
  PRIMARY KEY (dossier_id, seq)
) WITHOUT ROWID;
CREATE INDEX team_log_by_field ON team_log (entity_uid, field, seq) WHERE field IS NOT NULL;

-- Two values of one field of a commitment written apart: the one in force and the other, both with who
-- wrote them and when, until someone chooses.
CREATE TABLE team_conflict (
  commitment_id INTEGER NOT NULL REFERENCES commitment (id) ON DELETE CASCADE,
  field         TEXT NOT NULL,
  kept          TEXT NOT NULL CHECK (json_valid(kept)),
  other         TEXT NOT NULL CHECK (json_valid(other)),
  PRIMARY KEY (commitment_id, field)
) WITHOUT ROWID;

-- Holds one row while sync applies what others wrote, inside that transaction only: the triggers
-- below then neither capture the change again nor refuse it as a write to a read-only dossier.
CREATE TABLE team_applying (active INTEGER NOT NULL);

-- What a read-only member may not do. The server refuses it too; this says so at once, offline.
CREATE TRIGGER team_read_only_commitment_insert BEFORE INSERT ON commitment
WHEN NOT EXISTS (SELECT 1 FROM team_applying)
 AND EXISTS (SELECT 1 FROM team_link WHERE dossier_id = NEW.dossier_id AND can_write = 0)
BEGIN
  SELECT RAISE(ABORT, 'pledgewatch: read-only team dossier');
END;
CREATE TRIGGER team_read_only_commitment_update BEFORE UPDATE ON commitment
WHEN NOT EXISTS (SELECT 1 FROM team_applying)
 AND (NEW.title IS NOT OLD.title OR NEW.summary IS NOT OLD.summary OR NEW.kind IS NOT OLD.kind
      OR NEW.parent_id IS NOT OLD.parent_id OR NEW.announced_on IS NOT OLD.announced_on
      OR NEW.deadline_on IS NOT OLD.deadline_on OR NEW.deadline_amount IS NOT OLD.deadline_amount
      OR NEW.deadline_unit IS NOT OLD.deadline_unit OR NEW.deadline_from IS NOT OLD.deadline_from
      OR NEW.deleted_at IS NOT OLD.deleted_at OR NEW.dossier_id IS NOT OLD.dossier_id)
 AND EXISTS (SELECT 1 FROM team_link WHERE dossier_id IN (NEW.dossier_id, OLD.dossier_id) AND can_write = 0)
BEGIN
  SELECT RAISE(ABORT, 'pledgewatch: read-only team dossier');
END;
CREATE TRIGGER team_read_only_status_update BEFORE INSERT ON status_update
WHEN NOT EXISTS (SELECT 1 FROM team_applying)
 AND EXISTS (SELECT 1 FROM commitment c JOIN team_link l ON l.dossier_id = c.dossier_id
              WHERE c.id = NEW.commitment_id AND l.can_write = 0)
BEGIN
  SELECT RAISE(ABORT, 'pledgewatch: read-only team dossier');
END;
CREATE TRIGGER team_read_only_retraction BEFORE INSERT ON status_update_retraction
WHEN NOT EXISTS (SELECT 1 FROM team_applying)
 AND EXISTS (SELECT 1 FROM status_update u JOIN commitment c ON c.id = u.commitment_id
                     JOIN team_link l ON l.dossier_id = c.dossier_id
              WHERE u.id = NEW.update_id AND l.can_write = 0)
BEGIN
  SELECT RAISE(ABORT, 'pledgewatch: read-only team dossier');
END;
CREATE TRIGGER team_read_only_topic BEFORE INSERT ON commitment_topic
WHEN NOT EXISTS (SELECT 1 FROM team_applying)
 AND EXISTS (SELECT 1 FROM commitment c JOIN team_link l ON l.dossier_id = c.dossier_id
              WHERE c.id = NEW.commitment_id AND l.can_write = 0)
BEGIN
  SELECT RAISE(ABORT, 'pledgewatch: read-only team dossier');
END;
CREATE TRIGGER team_read_only_party BEFORE INSERT ON commitment_party
WHEN NOT EXISTS (SELECT 1 FROM team_applying)
 AND EXISTS (SELECT 1 FROM commitment c JOIN team_link l ON l.dossier_id = c.dossier_id
              WHERE c.id = NEW.commitment_id AND l.can_write = 0)
BEGIN
  SELECT RAISE(ABORT, 'pledgewatch: read-only team dossier');
END;
CREATE TRIGGER team_read_only_excerpt_link BEFORE INSERT ON commitment_excerpt
WHEN NOT EXISTS (SELECT 1 FROM team_applying)
 AND EXISTS (SELECT 1 FROM commitment c JOIN team_link l ON l.dossier_id = c.dossier_id
              WHERE c.id = NEW.commitment_id AND l.can_write = 0)
BEGIN
  SELECT RAISE(ABORT, 'pledgewatch: read-only team dossier');
END;

-- A commitment keeps its dossier once shared: the team's log has no way to move it out or in.
CREATE TRIGGER team_commitment_stays BEFORE UPDATE OF dossier_id ON commitment
WHEN NEW.dossier_id IS NOT OLD.dossier_id
 AND EXISTS (SELECT 1 FROM team_link WHERE dossier_id IN (NEW.dossier_id, OLD.dossier_id))
BEGIN
  SELECT RAISE(ABORT, 'pledgewatch: team commitment cannot move');
END;

-- Capture. A commitment written here: its whole state is read when the outbox is pushed, so later
-- edits before that push need no entries of their own.
CREATE TRIGGER team_capture_commitment AFTER INSERT ON commitment
WHEN NOT EXISTS (SELECT 1 FROM team_applying)
 AND EXISTS (SELECT 1 FROM team_link WHERE dossier_id = NEW.dossier_id)
BEGIN
  UPDATE commitment SET uid = (SELECT uid FROM new_uid WHERE NEW.id IS NOT NULL)
   WHERE id = NEW.id AND uid IS NULL;
  INSERT INTO team_outbox (dossier_id, known_seq, entity, entity_uid, op, payload)
  SELECT l.dossier_id, l.cursor, 'commitment', c.uid, 'create', json_object('id', c.id)
    FROM commitment c JOIN team_link l ON l.dossier_id = c.dossier_id
   WHERE c.id = NEW.id;
END;

-- One field of a commitment already sent: an entry per field, the value as written, replacing an
-- entry for the same field not yet sent (only the last value ever leaves the machine).
CREATE TRIGGER team_capture_commitment_fields
AFTER UPDATE OF title, summary, kind, parent_id, announced_on, deadline_on, deadline_amount, deadline_unit,
                deadline_from, deleted_at ON commitment
WHEN NOT EXISTS (SELECT 1 FROM team_applying)
 AND EXISTS (SELECT 1 FROM team_link WHERE dossier_id = NEW.dossier_id)
 AND NOT EXISTS (SELECT 1 FROM team_outbox WHERE entity_uid = NEW.uid AND op = 'create' AND pushing = 0)
BEGIN
  DELETE FROM team_outbox WHERE entity_uid = NEW.uid AND pushing = 0 AND field IN (
    SELECT 'title' WHERE NEW.title IS NOT OLD.title
    UNION ALL SELECT 'summary' WHERE NEW.summary IS NOT OLD.summary
    UNION ALL SELECT 'kind' WHERE NEW.kind IS NOT OLD.kind
    UNION ALL SELECT 'parent' WHERE NEW.parent_id IS NOT OLD.parent_id
    UNION ALL SELECT 'announced_on' WHERE NEW.announced_on IS NOT OLD.announced_on
    UNION ALL SELECT 'deadline'
     WHERE NEW.deadline_on IS NOT OLD.deadline_on OR NEW.deadline_amount IS NOT OLD.deadline_amount
        OR NEW.deadline_unit IS NOT OLD.deadline_unit OR NEW.deadline_from IS NOT OLD.deadline_from
    UNION ALL SELECT 'deleted_at' WHERE NEW.deleted_at IS NOT OLD.deleted_at);
  INSERT INTO team_outbox (dossier_id, known_seq, entity, entity_uid, field, op, payload)
  SELECT l.dossier_id, l.cursor, 'commitment', NEW.uid, f.field, 'set', json_object('value', CASE WHEN f.field = 'deadline' THEN json(f.value) ELSE f.value END)
    FROM team_link l,
         (SELECT 'title' AS field, NEW.title AS value WHERE NEW.title IS NOT OLD.title
          UNION ALL SELECT 'summary', NEW.summary WHERE NEW.summary IS NOT OLD.summary
          UNION ALL SELECT 'kind', NEW.kind WHERE NEW.kind IS NOT OLD.kind
          UNION ALL SELECT 'parent', (SELECT uid FROM commitment WHERE id = NEW.parent_id)
           WHERE NEW.parent_id IS NOT OLD.parent_id
          UNION ALL SELECT 'announced_on', NEW.announced_on WHERE NEW.announced_on IS NOT OLD.announced_on
          UNION ALL SELECT 'deadline',
                 json(CASE WHEN NEW.deadline_on IS NOT NULL THEN json_object('on', NEW.deadline_on)
                           WHEN NEW.deadline_amount IS NOT NULL
                           THEN json_object('amount', NEW.deadline_amount, 'unit', NEW.deadline_unit,
                                            'from', NEW.deadline_from) END)
           WHERE NEW.deadline_on IS NOT OLD.deadline_on OR NEW.deadline_amount IS NOT OLD.deadline_amount
              OR NEW.deadline_unit IS NOT OLD.deadline_unit OR NEW.deadline_from IS NOT OLD.deadline_from
          UNION ALL SELECT 'deleted_at', NEW.deleted_at WHERE NEW.deleted_at IS NOT OLD.deleted_at) AS f
   WHERE l.dossier_id = NEW.dossier_id;
END;

-- Parties and topics of a commitment already sent: the whole set, as it is after this row's change
-- (local ids here; the push names them).
CREATE TRIGGER team_capture_topic_added AFTER INSERT ON commitment_topic
WHEN NOT EXISTS (SELECT 1 FROM team_applying) AND EXISTS (SELECT 1 FROM team_link)
BEGIN
  DELETE FROM team_outbox WHERE pushing = 0 AND field = 'topics'
     AND entity_uid = (SELECT uid FROM commitment WHERE id = NEW.commitment_id);
  INSERT INTO team_outbox (dossier_id, known_seq, entity, entity_uid, field, op, payload)
  SELECT l.dossier_id, l.cursor, 'commitment', c.uid, 'topics', 'set',
         json_object('value', json((SELECT json_group_array(topic_id) FROM commitment_topic
                                     WHERE commitment_id = c.id)))
    FROM commitment c JOIN team_link l ON l.dossier_id = c.dossier_id
   WHERE c.id = NEW.commitment_id
     AND NOT EXISTS (SELECT 1 FROM team_outbox WHERE entity_uid = c.uid AND op = 'create' AND pushing = 0);
END;
CREATE TRIGGER team_capture_topic_removed AFTER DELETE ON commitment_topic
WHEN NOT EXISTS (SELECT 1 FROM team_applying) AND EXISTS (SELECT 1 FROM team_link)
BEGIN
  DELETE FROM team_outbox WHERE pushing = 0 AND field = 'topics'
     AND entity_uid = (SELECT uid FROM commitment WHERE id = OLD.commitment_id);
  INSERT INTO team_outbox (dossier_id, known_seq, entity, entity_uid, field, op, payload)
  SELECT l.dossier_id, l.cursor, 'commitment', c.uid, 'topics', 'set',
         json_object('value', json((SELECT json_group_array(topic_id) FROM commitment_topic
                                     WHERE commitment_id = c.id)))
    FROM commitment c JOIN team_link l ON l.dossier_id = c.dossier_id
   WHERE c.id = OLD.commitment_id
     AND NOT EXISTS (SELECT 1 FROM team_outbox WHERE entity_uid = c.uid AND op = 'create' AND pushing = 0);
END;
CREATE TRIGGER team_capture_party_added AFTER INSERT ON commitment_party
WHEN NOT EXISTS (SELECT 1 FROM team_applying) AND EXISTS (SELECT 1 FROM team_link)
BEGIN
  DELETE FROM team_outbox WHERE pushing = 0 AND field = NEW.role
     AND entity_uid = (SELECT uid FROM commitment WHERE id = NEW.commitment_id);
  INSERT INTO team_outbox (dossier_id, known_seq, entity, entity_uid, field, op, payload)
  SELECT l.dossier_id, l.cursor, 'commitment', c.uid, NEW.role, 'set',
         json_object('value', json((SELECT json_group_array(party_id) FROM commitment_party
                                     WHERE commitment_id = c.id AND role = NEW.role)))
    FROM commitment c JOIN team_link l ON l.dossier_id = c.dossier_id
   WHERE c.id = NEW.commitment_id
     AND NOT EXISTS (SELECT 1 FROM team_outbox WHERE entity_uid = c.uid AND op = 'create' AND pushing = 0);
END;
CREATE TRIGGER team_capture_party_removed AFTER DELETE ON commitment_party
WHEN NOT EXISTS (SELECT 1 FROM team_applying) AND EXISTS (SELECT 1 FROM team_link)
BEGIN
  DELETE FROM team_outbox WHERE pushing = 0 AND field = OLD.role
     AND entity_uid = (SELECT uid FROM commitment WHERE id = OLD.commitment_id);
  INSERT INTO team_outbox (dossier_id, known_seq, entity, entity_uid, field, op, payload)
  SELECT l.dossier_id, l.cursor, 'commitment', c.uid, OLD.role, 'set',
         json_object('value', json((SELECT json_group_array(party_id) FROM commitment_party
                                     WHERE commitment_id = c.id AND role = OLD.role)))
    FROM commitment c JOIN team_link l ON l.dossier_id = c.dossier_id
   WHERE c.id = OLD.commitment_id
     AND NOT EXISTS (SELECT 1 FROM team_outbox WHERE entity_uid = c.uid AND op = 'create' AND pushing = 0);
END;

-- History only adds: each status update, retraction and piece of evidence is an entry of its own.
CREATE TRIGGER team_capture_status_update AFTER INSERT ON status_update
WHEN NOT EXISTS (SELECT 1 FROM team_applying)
 AND EXISTS (SELECT 1 FROM commitment c JOIN team_link l ON l.dossier_id = c.dossier_id
              WHERE c.id = NEW.commitment_id)
BEGIN
  UPDATE status_update
     SET uid = coalesce(uid, (SELECT uid FROM new_uid WHERE NEW.id IS NOT NULL)),
         recorded_by = (SELECT l.member FROM commitment c JOIN team_link l ON l.dossier_id = c.dossier_id
                         WHERE c.id = NEW.commitment_id)
   WHERE id = NEW.id;
  INSERT INTO team_outbox (dossier_id, known_seq, entity, entity_uid, op, payload)
  SELECT l.dossier_id, l.cursor, 'status_update', u.uid, 'create', json_object('id', u.id)
    FROM status_update u JOIN commitment c ON c.id = u.commitment_id
         JOIN team_link l ON l.dossier_id = c.dossier_id
   WHERE u.id = NEW.id;
END;
CREATE TRIGGER team_capture_retraction AFTER INSERT ON status_update_retraction
WHEN NOT EXISTS (SELECT 1 FROM team_applying) AND EXISTS (SELECT 1 FROM team_link)
BEGIN
  INSERT INTO team_outbox (dossier_id, known_seq, entity, entity_uid, op, payload)
  SELECT l.dossier_id, l.cursor, 'status_update', u.uid, 'retract',
         json_object('retracted_at', NEW.retracted_at, 'reason', NEW.reason)
    FROM status_update u JOIN commitment c ON c.id = u.commitment_id
         JOIN team_link l ON l.dossier_id = c.dossier_id
   WHERE u.id = NEW.update_id;
END;
CREATE TRIGGER team_capture_excerpt_linked AFTER INSERT ON commitment_excerpt
WHEN NOT EXISTS (SELECT 1 FROM team_applying) AND EXISTS (SELECT 1 FROM team_link)
BEGIN
  INSERT INTO team_outbox (dossier_id, known_seq, entity, entity_uid, op, payload)
  SELECT l.dossier_id, l.cursor, 'commitment', c.uid, 'link', json_object('excerpt_id', NEW.excerpt_id)
    FROM commitment c JOIN team_link l ON l.dossier_id = c.dossier_id
   WHERE c.id = NEW.commitment_id;
END;
CREATE TRIGGER team_capture_excerpt_unlinked AFTER DELETE ON commitment_excerpt
WHEN NOT EXISTS (SELECT 1 FROM team_applying) AND EXISTS (SELECT 1 FROM team_link)
BEGIN
  INSERT INTO team_outbox (dossier_id, known_seq, entity, entity_uid, op, payload)
  SELECT l.dossier_id, l.cursor, 'commitment', c.uid, 'unlink',
         json_object('excerpt', (SELECT uid FROM excerpt WHERE id = OLD.excerpt_id))
    FROM commitment c JOIN team_link l ON l.dossier_id = c.dossier_id
   WHERE c.id = OLD.commitment_id;
END;
