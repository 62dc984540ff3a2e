-- Pledgewatch schema version 9: watched feeds and the reading inbox. Both are the analyst's own reading
-- state on this machine (never synced); the sources a feed brings in are ordinary sources.
CREATE TABLE feed (
  id               INTEGER PRIMARY KEY,
  url              TEXT NOT NULL UNIQUE,
  title            TEXT NOT NULL DEFAULT '',
  every_minutes    INTEGER NOT NULL DEFAULT 60 CHECK (every_minutes BETWEEN 5 AND 10080),
  etag             TEXT,
  last_modified    TEXT,
  last_checked_at  TEXT,
  last_error       TEXT,
  added_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- The items of a feed already taken in (by guid, else link), so a check brings only what is new.
CREATE TABLE feed_item (
  feed_id    INTEGER NOT NULL REFERENCES feed (id) ON DELETE CASCADE,
  item_key   TEXT NOT NULL,
  source_id  INTEGER REFERENCES source (id) ON DELETE SET NULL,
  seen_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (feed_id, item_key)
) WITHOUT ROWID;

-- A source waiting to be read: unread until opened or acted on, gone from the inbox once archived.
CREATE TABLE inbox_item (
  source_id    INTEGER PRIMARY KEY REFERENCES source (id) ON DELETE CASCADE,
  feed_id      INTEGER REFERENCES feed (id) ON DELETE SET NULL,
  arrived_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  read_at      TEXT,
  archived_at  TEXT
);

CREATE INDEX inbox_item_waiting ON inbox_item (archived_at, arrived_at);
