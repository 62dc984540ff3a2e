// The JSON report: a documented, versioned shape (see README, "JSON report").
import type { Report } from './model.ts';

export const jsonReportSchema = 'pledgewatch.report/1';

export function renderJson(report: Report): string {
  const document = {
    schema: jsonReportSchema,
    generated_at: report.generatedAt,
    as_of: report.asOf,
    data_through: report.dataThrough,
    scope: report.scope,
    commitments: report.commitments.map((c) => ({
      id: c.id,
      title: c.title,
      summary: c.summary,
      kind: c.kind,
      dossier: c.dossier.name,
      parent_id: c.parent?.id ?? null,
      topics: c.topics.map((topic) => topic.path),
      parties: c.madeBy.map((party) => party.name),
      owed_to: c.owedTo.map((party) => party.name),
      status: c.status?.name ?? null,
      status_since: c.statusSince,
      announced_on: c.announcedOn,
      due_on: c.deadline.dueOn,
      deadline_state: c.deadlineState,
      deadline:
        c.deadline.on !== null
          ? { on: c.deadline.on }
          : c.deadline.amount !== null
            ? { amount: c.deadline.amount, unit: c.deadline.unit, from: c.deadline.from }
            : null,
      history: [...c.history].reverse().map((entry) => ({
        status: entry.status.name,
        party: entry.party,
        effective_on: entry.effectiveOn,
        recorded_at: entry.recordedAt,
        note: entry.note,
        corrects: entry.correctsId,
        evidence: entry.evidence && {
          quote: entry.evidence.text,
          speaker: entry.evidence.speaker || null,
          source: entry.evidence.source.title,
          publisher: entry.evidence.source.publisher,
          url: entry.evidence.source.url,
          published_on: entry.evidence.source.publishedOn,
        },
      })),
    })),
  };
  return JSON.stringify(document, null, 2) + '\n';
}
