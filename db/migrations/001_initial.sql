-- Pledgewatch schema version 1: the whole domain model of DESIGN.md.
-- Dates are ISO 8601 text: calendar dates as YYYY-MM-DD, instants as UTC timestamps.

CREATE TABLE dossier (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  description TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- A state, an organisation or a person; a person may act for a state or organisation.
CREATE TABLE party (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  kind        TEXT NOT NULL CHECK (kind IN ('state', 'organisation', 'person')),
  acts_for_id INTEGER REFERENCES party (id) ON DELETE RESTRICT,
  aliases     TEXT NOT NULL DEFAULT '', -- one alternative name per line, for extraction
  CHECK (acts_for_id IS NULL OR (kind = 'person' AND acts_for_id <> id))
);

CREATE TABLE topic (
  id        INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES topic (id) ON DELETE RESTRICT,
  name      TEXT NOT NULL CHECK (length(trim(name)) > 0),
  keywords  TEXT NOT NULL DEFAULT '', -- one keyword per line, for extraction
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE UNIQUE INDEX topic_name_within_parent ON topic (coalesce(parent_id, 0), name);

-- The status vocabulary: shipped defaults below, editable by the analyst.
CREATE TABLE status (
  id       INTEGER PRIMARY KEY,
  name     TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  category TEXT NOT NULL CHECK (category IN ('open', 'closed')),
  score    INTEGER CHECK (score IN (-1, 0, 1)), -- compliance score; NULL: not scored
  colour   TEXT NOT NULL CHECK (colour GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
  position INTEGER NOT NULL,
  assessed INTEGER NOT NULL DEFAULT 1 CHECK (assessed IN (0, 1)) -- 0: "not yet assessed", never inaction
);

INSERT INTO status (name, category, score, colour, position, assessed) VALUES
  ('not yet assessed',    'open',   NULL, '#6b7280', 1, 0),
  ('announced',           'open',   NULL, '#2563eb', 2, 1),
  ('in progress',         'open',   NULL, '#0891b2', 3, 1),
  ('stalled',             'open',   NULL, '#b45309', 4, 1),
  ('at risk',             'open',   NULL, '#c2410c', 5, 1),
  ('fulfilled',           'closed', 1,    '#15803d', 6, 1),
  ('partially fulfilled', 'closed', 0,    '#65a30d', 7, 1),
  ('broken',              'closed', -1,   '#b91c1c', 8, 1),
  ('withdrawn',           'closed', -1,   '#7c3aed', 9, 1),
  ('lapsed',              'closed', NULL, '#475569', 10, 1);

CREATE TABLE commitment (
  id              INTEGER PRIMARY KEY,
  dossier_id      INTEGER NOT NULL REFERENCES dossier (id) ON DELETE RESTRICT,
  parent_id       INTEGER REFERENCES commitment (id) ON DELETE RESTRICT,
  title           TEXT NOT NULL CHECK (length(trim(title)) > 0),
  summary         TEXT NOT NULL DEFAULT '',
  kind            TEXT NOT NULL
                  CHECK (kind IN ('pledge', 'agreement', 'measure', 'threat', 'reprieve', 'review')),
  announced_on    TEXT CHECK (announced_on IS NULL OR date(announced_on) IS announced_on),
  -- A deadline is either a date, or a duration from a date ("90 days from 2025-07-31").
  deadline_on     TEXT CHECK (deadline_on IS NULL OR date(deadline_on) IS deadline_on),
  deadline_amount INTEGER CHECK (deadline_amount IS NULL OR deadline_amount > 0),
  deadline_unit   TEXT CHECK (deadline_unit IS NULL OR deadline_unit IN ('days', 'months', 'years')),
  deadline_from   TEXT CHECK (deadline_from IS NULL OR date(deadline_from) IS deadline_from),
  due_on          TEXT GENERATED ALWAYS AS (
                    CASE
                      WHEN deadline_on IS NOT NULL THEN deadline_on
                      WHEN deadline_amount IS NOT NULL
                        THEN date(deadline_from, '+' || deadline_amount || ' ' || deadline_unit)
                    END
                  ) STORED,
  -- Derived: the latest whole-commitment status update by effective date, kept by a trigger.
  current_update_id INTEGER REFERENCES status_update (id),
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at      TEXT,
  CHECK ((deadline_amount IS NULL) = (deadline_unit IS NULL)
     AND (deadline_amount IS NULL) = (deadline_from IS NULL)),
  CHECK (deadline_on IS NULL OR deadline_amount IS NULL),
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX commitment_by_dossier ON commitment (dossier_id, id);
CREATE INDEX commitment_by_parent ON commitment (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX commitment_by_due ON commitment (due_on) WHERE due_on IS NOT NULL;
CREATE INDEX commitment_by_current_update ON commitment (current_update_id);

CREATE TABLE commitment_party (
  commitment_id INTEGER NOT NULL REFERENCES commitment (id) ON DELETE CASCADE,
  party_id      INTEGER NOT NULL REFERENCES party (id) ON DELETE RESTRICT,
  role          TEXT NOT NULL CHECK (role IN ('maker', 'owed_to')),
  PRIMARY KEY (commitment_id, party_id, role)
) WITHOUT ROWID;
CREATE INDEX commitment_party_by_party ON commitment_party (party_id, role, commitment_id);

CREATE TABLE commitment_topic (
  commitment_id INTEGER NOT NULL REFERENCES commitment (id) ON DELETE CASCADE,
  topic_id      INTEGER NOT NULL REFERENCES topic (id) ON DELETE RESTRICT,
  PRIMARY KEY (commitment_id, topic_id)
) WITHOUT ROWID;
CREATE INDEX commitment_topic_by_topic ON commitment_topic (topic_id, commitment_id);

CREATE TABLE source (
  id           INTEGER PRIMARY KEY,
  title        TEXT NOT NULL CHECK (length(trim(title)) > 0),
  publisher    TEXT NOT NULL DEFAULT '',
  url          TEXT CHECK (url IS NULL OR url GLOB 'http://*' OR url GLOB 'https://*'),
  published_on TEXT CHECK (published_on IS NULL OR date(published_on) IS published_on),
  language     TEXT NOT NULL DEFAULT 'en',
  full_text    TEXT NOT NULL,
  text_sha256  TEXT NOT NULL, -- of full_text when stored, so later edits show
  added_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX source_by_url ON source (url) WHERE url IS NOT NULL;

-- A span of a source, by UTF-16 offsets into its full text (as the UI selects it).
CREATE TABLE excerpt (
  id        INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES source (id) ON DELETE RESTRICT,
  start     INTEGER NOT NULL CHECK (start >= 0),
  end       INTEGER NOT NULL,
  text      TEXT NOT NULL CHECK (length(text) > 0),
  speaker   TEXT NOT NULL DEFAULT '',
  CHECK (end > start)
);
CREATE INDEX excerpt_by_source ON excerpt (source_id);

CREATE TABLE commitment_excerpt (
  commitment_id INTEGER NOT NULL REFERENCES commitment (id) ON DELETE CASCADE,
  excerpt_id    INTEGER NOT NULL REFERENCES excerpt (id) ON DELETE RESTRICT,
  PRIMARY KEY (commitment_id, excerpt_id)
) WITHOUT ROWID;

-- Append-only history. party_id NULL: the commitment as a whole; otherwise that party's own record.
CREATE TABLE status_update (
  id            INTEGER PRIMARY KEY,
  commitment_id INTEGER NOT NULL REFERENCES commitment (id) ON DELETE RESTRICT,
  party_id      INTEGER REFERENCES party (id) ON DELETE RESTRICT,
  status_id     INTEGER NOT NULL REFERENCES status (id) ON DELETE RESTRICT,
  effective_on  TEXT NOT NULL CHECK (date(effective_on) IS effective_on),
  recorded_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  note          TEXT NOT NULL DEFAULT '',
  excerpt_id    INTEGER REFERENCES excerpt (id) ON DELETE RESTRICT,
  corrects_id   INTEGER REFERENCES status_update (id) ON DELETE RESTRICT
);
CREATE INDEX status_update_history ON status_update (commitment_id, party_id, effective_on, id);
CREATE INDEX status_update_by_recorded ON status_update (recorded_at);

CREATE TRIGGER status_update_no_edit BEFORE UPDATE ON status_update
BEGIN
  SELECT RAISE(ABORT, 'status updates are append-only: record a correction as a new update');
END;
CREATE TRIGGER status_update_no_delete BEFORE DELETE ON status_update
BEGIN
  SELECT RAISE(ABORT, 'status updates are append-only: record a correction as a new update');
END;
CREATE TRIGGER status_update_sets_current AFTER INSERT ON status_update WHEN NEW.party_id IS NULL
BEGIN
  UPDATE commitment
     SET current_update_id = (
           SELECT id FROM status_update
            WHERE commitment_id = NEW.commitment_id AND party_id IS NULL
            ORDER BY effective_on DESC, id DESC
            LIMIT 1)
   WHERE id = NEW.commitment_id;
END;

-- Every exported report, so the next one can say what changed since.
CREATE TABLE report_snapshot (
  id           INTEGER PRIMARY KEY,
  template     TEXT,
  format       TEXT NOT NULL,
  scope        TEXT NOT NULL CHECK (json_valid(scope)),
  as_of        TEXT CHECK (as_of IS NULL OR date(as_of) IS as_of),
  since        TEXT CHECK (since IS NULL OR date(since) IS since),
  data_through TEXT NOT NULL,
  state        TEXT NOT NULL CHECK (json_valid(state)),
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- Full-text search over commitments and sources, kept in step by triggers.
CREATE VIRTUAL TABLE commitment_fts USING fts5(
  title, summary, content = 'commitment', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER commitment_fts_insert AFTER INSERT ON commitment BEGIN
  INSERT INTO commitment_fts (rowid, title, summary) VALUES (NEW.id, NEW.title, NEW.summary);
END;
CREATE TRIGGER commitment_fts_delete AFTER DELETE ON commitment BEGIN
  INSERT INTO commitment_fts (commitment_fts, rowid, title, summary)
  VALUES ('delete', OLD.id, OLD.title, OLD.summary);
END;
CREATE TRIGGER commitment_fts_update AFTER UPDATE OF title, summary ON commitment BEGIN
  INSERT INTO commitment_fts (commitment_fts, rowid, title, summary)
  VALUES ('delete', OLD.id, OLD.title, OLD.summary);
  INSERT INTO commitment_fts (rowid, title, summary) VALUES (NEW.id, NEW.title, NEW.summary);
END;

CREATE VIRTUAL TABLE source_fts USING fts5(
  title, full_text, content = 'source', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER source_fts_insert AFTER INSERT ON source BEGIN
  INSERT INTO source_fts (rowid, title, full_text) VALUES (NEW.id, NEW.title, NEW.full_text);
END;
CREATE TRIGGER source_fts_delete AFTER DELETE ON source BEGIN
  INSERT INTO source_fts (source_fts, rowid, title, full_text)
  VALUES ('delete', OLD.id, OLD.title, OLD.full_text);
END;
CREATE TRIGGER source_fts_update AFTER UPDATE OF title, full_text ON source BEGIN
  INSERT INTO source_fts (source_fts, rowid, title, full_text)
  VALUES ('delete', OLD.id, OLD.title, OLD.full_text);
  INSERT INTO source_fts (rowid, title, full_text) VALUES (NEW.id, NEW.title, NEW.full_text);
END;
