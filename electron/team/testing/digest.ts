// Test support: a shared dossier as every machine should hold it, by uid and name rather than local id,
// so two databases (or a database and the server's log) can be compared whole.
import type { Database } from 'better-sqlite3';

export interface DossierDigest {
  commitments: unknown[];
  statusUpdates: unknown[];
  evidence: unknown[];
  sources: unknown[];
  conflicts: unknown[];
}

export function dossierDigest(db: Database, dossierUid: string): DossierDigest {
  const all = (sql: string) => db.prepare(sql).all(dossierUid);
  return {
    commitments: all(
      `SELECT c.uid, c.title, c.summary, c.kind, p.uid AS parent, c.announced_on, c.deadline_on, c.deadline_amount,
              c.deadline_unit, c.deadline_from, c.due_on, c.deleted_at,
              (SELECT group_concat(name, '|') FROM (SELECT t.name FROM commitment_topic ct
                 JOIN topic t ON t.id = ct.topic_id WHERE ct.commitment_id = c.id ORDER BY t.name)) AS topics,
              (SELECT group_concat(name, '|') FROM (SELECT cp.role || ':' || y.name AS name FROM commitment_party cp
                 JOIN party y ON y.id = cp.party_id WHERE cp.commitment_id = c.id ORDER BY 1)) AS parties,
              s.name AS status_now
         FROM commitment c JOIN dossier d ON d.id = c.dossier_id
              LEFT JOIN commitment p ON p.id = c.parent_id LEFT JOIN status s ON s.id = c.current_status_id
        WHERE d.uid = ? ORDER BY c.uid`,
    ),
    statusUpdates: all(
      `SELECT u.uid, c.uid AS commitment, s.name AS status, y.name AS party, u.effective_on, u.recorded_at, u.note,
              e.uid AS excerpt, k.uid AS corrects, u.recorded_by,
              (SELECT count(*) FROM status_update_retraction r WHERE r.update_id = u.id) AS retracted
         FROM status_update u JOIN commitment c ON c.id = u.commitment_id JOIN dossier d ON d.id = c.dossier_id
              JOIN status s ON s.id = u.status_id LEFT JOIN party y ON y.id = u.party_id
              LEFT JOIN excerpt e ON e.id = u.excerpt_id LEFT JOIN status_update k ON k.id = u.corrects_id
        WHERE d.uid = ? ORDER BY u.uid`,
    ),
    evidence: all(
      `SELECT c.uid AS commitment, e.uid AS excerpt, e.start, e."end", e.text, e.speaker, e.paraphrase,
              s.text_sha256 AS source
         FROM commitment_excerpt ce JOIN commitment c ON c.id = ce.commitment_id
              JOIN dossier d ON d.id = c.dossier_id JOIN excerpt e ON e.id = ce.excerpt_id
              JOIN source s ON s.id = e.source_id
        WHERE d.uid = ? ORDER BY c.uid, e.uid`,
    ),
    sources: all(
      `SELECT DISTINCT s.text_sha256, s.title, s.publisher, s.url, s.published_on, s.language
         FROM source s JOIN excerpt e ON e.source_id = s.id JOIN commitment_excerpt ce ON ce.excerpt_id = e.id
              JOIN commitment c ON c.id = ce.commitment_id JOIN dossier d ON d.id = c.dossier_id
        WHERE d.uid = ? ORDER BY s.text_sha256`,
    ),
    conflicts: all(
      `SELECT c.uid, k.field, k.kept, k.other FROM team_conflict k JOIN commitment c ON c.id = k.commitment_id
              JOIN dossier d ON d.id = c.dossier_id
        WHERE d.uid = ? ORDER BY c.uid, k.field`,
    ),
  };
}
