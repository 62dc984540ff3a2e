// The JSON report: a documented, versioned shape (see README, "JSON report").
import type { Report } from './model.ts';
import type { ReportChanges } from './since.ts';
import type { EditedField } from './team-authors.ts';

export const jsonReportSchema = 'pledgewatch.report/1';

export function renderJson(report: Report): string {
  const document = {
    schema: jsonReportSchema,
    generated_at: report.generatedAt,
    as_of: report.asOf,
    data_through: report.dataThrough,
    scope: report.scope,
    template: report.template,
    since: report.since,
    changes: report.changes && changesDocument(report.changes),
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
        recorded_by: entry.recordedBy,
        note: entry.note,
        corrects: entry.correctsId,
        evidence: entry.evidence && {
          quote: entry.evidence.text,
          paraphrase: entry.evidence.paraphrase,
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

/** Edited fields by the names this document gives them, where they differ from the team's log. */
const jsonFieldNames: Partial<Record<EditedField, string>> = { maker: 'parties', parent: 'parent_id' };

/** The "changes" member: each row names its commitment by id, as in `commitments`. */
function changesDocument(changes: ReportChanges) {
  const { baseline } = changes;
  return {
    compared_with: baseline.snapshot
      ? {
          kind: 'report',
          snapshot_id: baseline.snapshot.id,
          template: baseline.snapshot.template,
          sent_at: baseline.snapshot.createdAt,
          day: baseline.day,
        }
      : { kind: 'day', day: baseline.day },
    new_commitments: changes.newCommitments.map((c) => c.id),
    status_changes: changes.statusChanges.map((change) => ({
      commitment_id: change.commitment.id,
      update_id: change.entry.id,
      from: change.from?.name ?? null,
      to: change.entry.status.name,
      party: change.entry.party,
      effective_on: change.entry.effectiveOn,
      recorded_at: change.entry.recordedAt,
      recorded_by: change.entry.recordedBy,
    })),
    new_evidence: changes.newEvidence.map(({ commitment, evidence }) => ({
      commitment_id: commitment.id,
      excerpt_id: evidence.excerptId,
      quote: evidence.text,
      source: evidence.source.title,
    })),
    deadlines_passed: changes.deadlinesPassed.map((c) => ({ commitment_id: c.id, due_on: c.deadline.dueOn })),
    corrections: changes.corrections.map((correction) => ({
      commitment_id: correction.commitment.id,
      kind: correction.kind,
      update_id: correction.entry.id,
      status: correction.entry.status.name,
      party: correction.entry.party,
      effective_on: correction.entry.effectiveOn,
      corrects: correction.entry.correctsId,
      recorded_by: correction.entry.recordedBy,
      at: correction.at,
    })),
    added_by: changes.newCommitments.flatMap((c) => {
      const author = changes.addedBy[c.id];
      return author ? [{ commitment_id: c.id, author }] : [];
    }),
    edits: changes.edits.flatMap((edits) =>
      edits.by.map(({ author, fields, at }) => ({
        commitment_id: edits.commitment.id,
        author,
        fields: fields.map((field) => jsonFieldNames[field] ?? field),
        last_at: at,
      })),
    ),
  };
}
