// The words every report uses, whatever its format: dates, deadline states, parties, changes.
import { citationStyles, type CitationStyle } from '../../db/model.ts';
import type { CommitmentDetail, DeadlineState, Evidence } from '../../db/model.ts';
import type { Correction, ReportChanges, StatusChange } from './since.ts';
import type { CommitmentEdits, EditedField } from './team-authors.ts';

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "29 Oct 2025": how an analyst reads a date in a briefing; ISO days in, the same day out. */
export function readableDay(isoDay: string | null | undefined): string {
  if (!isoDay) return '';
  const [year, month, day] = isoDay.slice(0, 10).split('-').map(Number);
  if (!year || !month || !day) return isoDay;
  return `${day} ${months[month - 1]} ${year}`;
}

/** "23 Nov 2026, 21:38 UTC": an instant, in UTC so that every reader of the report sees the same. */
export function readableMoment(isoInstant: string | null | undefined): string {
  if (!isoInstant) return '';
  const time = isoInstant.slice(11, 16);
  return time ? `${readableDay(isoInstant)}, ${time} UTC` : readableDay(isoInstant);
}

export const deadlineStateLabels: Record<DeadlineState, string> = {
  none: 'no deadline',
  upcoming: 'upcoming',
  due_soon: 'due soon',
  passed: 'passed',
  met: 'met',
};

/** "29 Oct 2025 (passed)", or "no deadline". */
export function dueText(commitment: CommitmentDetail): string {
  const dueOn = commitment.deadline.dueOn;
  if (!dueOn) return deadlineStateLabels.none;
  return `${readableDay(dueOn)} (${deadlineStateLabels[commitment.deadlineState]})`;
}

/** "90 days from 31 Jul 2025", when the deadline was given as a duration. */
export function deadlineRule(commitment: CommitmentDetail): string | null {
  const { amount, unit, from } = commitment.deadline;
  if (amount === null || unit === null || from === null) return null;
  return `${amount} ${amount === 1 ? unit.replace(/s$/, '') : unit} from ${readableDay(from)}`;
}

export function statusText(commitment: CommitmentDetail): string {
  return commitment.status?.name ?? 'no status';
}

/** "Made by United States · owed to Mexico · reprieve". */
export function partiesLine(commitment: CommitmentDetail): string {
  const parts = [];
  if (commitment.madeBy.length > 0) parts.push(`Made by ${commitment.madeBy.map((p) => p.name).join(', ')}`);
  if (commitment.owedTo.length > 0) parts.push(`owed to ${commitment.owedTo.map((p) => p.name).join(', ')}`);
  parts.push(commitment.kind);
  return parts.join(' · ');
}

/** "Chicago author-date": the style's name as the settings show it. */
export function citationStyleLabel(style: CitationStyle): string {
  return citationStyles.find((known) => known.id === style)?.label ?? style;
}

/**
 * "Marcelo Ebrard, Joint communiqué … (3 Sep 2025)": who said it, where and when; with the source's
 * in-text citation in the report's style, "Marcelo Ebrard (Secretaría de Economía 2025)".
 */
export function attribution(evidence: Evidence, inText: string | null = null): string {
  if (inText) return `${evidence.speaker ? `${evidence.speaker} ` : ''}${inText}`;
  const where = evidence.source.title;
  const when = evidence.source.publishedOn ? ` (${readableDay(evidence.source.publishedOn)})` : '';
  return `${evidence.speaker ? `${evidence.speaker}, ` : ''}${where}${when}`;
}

/** "announced → in progress", "in progress, reaffirmed", or "first assessment for Mexico: in progress". */
export function changeText(change: StatusChange): string {
  const forParty = change.entry.party ? ` for ${change.entry.party}` : '';
  const to = change.entry.status.name;
  if (change.from === null) return `first assessment${forParty}: ${to}`;
  if (change.from.id === change.entry.status.id) return `${to}${forParty}, reaffirmed`;
  return `${change.from.name} → ${to}${forParty}`;
}

/** " — recorded by alice" in a shared dossier; nothing in one never shared. */
export function recordedByText(recordedBy: string | null): string {
  return recordedBy ? ` — recorded by ${recordedBy}` : '';
}

/** "recorded by alice on 21 Nov 2026", or "recorded 21 Nov 2026" when nobody is named. */
export function recordedText(entry: { recordedAt: string; recordedBy: string | null }): string {
  const on = readableDay(entry.recordedAt);
  return entry.recordedBy ? `recorded by ${entry.recordedBy} on ${on}` : `recorded ${on}`;
}

/** What a correction did to the record, in one sentence, with who recorded the entry when known. */
export function correctionText(correction: Correction): string {
  const { entry } = correction;
  const forParty = entry.party ? ` for ${entry.party}` : '';
  const by = recordedByText(entry.recordedBy);
  switch (correction.kind) {
    case 'corrects': {
      const before = correction.corrected
        ? `the entry of ${readableDay(correction.corrected.effectiveOn)} (${correction.corrected.status.name})`
        : 'an earlier entry';
      return `Corrected ${before}: ${entry.status.name}${forParty}, effective ${readableDay(entry.effectiveOn)}${by}.`;
    }
    case 'backdated':
      return `Added an entry dated back to ${readableDay(entry.effectiveOn)}: ${entry.status.name}${forParty}${by}.`;
    case 'undone': {
      // The undo has no author of its own here: name who recorded the entry, inside the brackets.
      const recorded = entry.recordedBy ? `, recorded by ${entry.recordedBy}` : '';
      return `Undid the entry of ${readableDay(entry.effectiveOn)} (${entry.status.name}${forParty}${recorded}).`;
    }
  }
}

/** A new commitment's author in a shared dossier: "added by alice", or null when not known. */
export function addedByText(changes: ReportChanges, commitmentId: number): string | null {
  const author = changes.addedBy[commitmentId];
  return author ? `added by ${author}` : null;
}

/** The commitment form's names for the fields, so that an analyst knows where to look. */
const fieldLabels: Record<EditedField, string> = {
  title: 'title',
  summary: 'summary',
  kind: 'kind',
  parent: 'part of',
  announced_on: 'announced on',
  deadline: 'deadline',
  topics: 'topics',
  maker: 'made by',
  owed_to: 'owed to',
  trashed: 'moved to the trash',
  restored: 'restored from the trash',
};

/** "Edited by alice: title, deadline; by bob: topics" */
export function editedText(edits: CommitmentEdits): string {
  const parts = edits.by.map(
    ({ author, fields }) => `by ${author}: ${fields.map((field) => fieldLabels[field]).join(', ')}`,
  );
  return `Edited ${parts.join('; ')}`;
}

/** The sentence that opens the "changes" section: what this report is compared with. */
export function comparedWithText(changes: ReportChanges): string {
  const { baseline } = changes;
  if (baseline.snapshot) {
    const name = baseline.snapshot.template ? `the last “${baseline.snapshot.template}”` : 'the last report';
    return `Compared with ${name}, sent ${readableMoment(baseline.snapshot.createdAt)} (as it stood on ${readableDay(baseline.day)}).`;
  }
  return `Changes recorded since ${readableDay(baseline.day)}.`;
}

export function countText(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Said by the first report of a template, in place of its changes. */
export function firstReportText(template: string | null): string {
  return `No “${template ?? ''}” report was sent before today, so there is nothing to compare with yet: the next one will list what changed since this one.`;
}
