// Report templates: a report the analyst sends again and again ("Friday briefing"), kept by name.
import type { Database } from 'better-sqlite3';
import { DomainError } from './errors.ts';
import { statement } from './statements.ts';
import type { CommitmentFilter } from './commitment-filter.ts';

export const reportTemplateFormats = ['pdf', 'xlsx', 'csv', 'md', 'json', 'docx', 'html'] as const;
export type ReportFormat = (typeof reportTemplateFormats)[number];

export interface ReportTemplate {
  name: string;
  /** The list filters the report covers, as the API takes them. */
  scope: CommitmentFilter;
  format: ReportFormat;
  createdAt: string;
  updatedAt: string;
  /** When a report of this template was last exported, or null. */
  lastReportAt: string | null;
}

type RawTemplate = Omit<ReportTemplate, 'scope'> & { scope: string };

export function listReportTemplates(db: Database): ReportTemplate[] {
  return statement<[], RawTemplate>(
    db,
    `SELECT t.name, t.scope, t.format, t.created_at AS createdAt, t.updated_at AS updatedAt,
            (SELECT max(s.created_at) FROM report_snapshot s WHERE s.template = t.name COLLATE NOCASE)
              AS lastReportAt
       FROM report_template t ORDER BY t.name COLLATE NOCASE`,
  )
    .all()
    .map((raw) => ({ ...raw, scope: JSON.parse(raw.scope) as CommitmentFilter }));
}

export function findReportTemplate(db: Database, name: string): ReportTemplate | null {
  return listReportTemplates(db).find((template) => sameName(template.name, name)) ?? null;
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export interface NewReportTemplate {
  name: string;
  scope: CommitmentFilter;
  format: ReportFormat;
}

/**
 * Saving under a name that exists, whatever its case, replaces that template's scope and format and
 * keeps its reports: the next one still compares with the last one sent.
 */
export function saveReportTemplate(db: Database, template: NewReportTemplate): ReportTemplate {
  const name = template.name.trim();
  db.transaction(() => {
    statement(
      db,
      `INSERT INTO report_template (name, scope, format) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET name = excluded.name, scope = excluded.scope,
         format = excluded.format, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
    ).run(name, JSON.stringify(template.scope), template.format);
  })();
  return findReportTemplate(db, name)!;
}

/** Returns the name as it was saved; the reports already sent stay remembered. */
export function deleteReportTemplate(db: Database, name: string): string {
  return db.transaction(() => {
    const saved = statement<[string], { name: string }>(
      db,
      'SELECT name FROM report_template WHERE name = ?',
    ).get(name.trim());
    if (!saved) {
      throw new DomainError('not_found', `No report template is named “${name.trim()}”.`, 'name');
    }
    statement(db, 'DELETE FROM report_template WHERE name = ?').run(saved.name);
    return saved.name;
  })();
}
