-- Pledgewatch schema version 5: saved report templates ("Friday briefing"), and finding the last
-- report of a template quickly, so the next one can say what changed since it.

-- A named report: the list filters it covers (the API's commitmentFilter, as JSON) and its format.
CREATE TABLE report_template (
  name       TEXT PRIMARY KEY COLLATE NOCASE CHECK (length(trim(name)) > 0),
  scope      TEXT NOT NULL CHECK (json_valid(scope)),
  format     TEXT NOT NULL CHECK (format IN ('pdf', 'xlsx', 'csv', 'md', 'json', 'docx', 'html')),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) WITHOUT ROWID;

CREATE INDEX report_snapshot_by_template ON report_snapshot (template COLLATE NOCASE, created_at, id)
  WHERE template IS NOT NULL;
