// The words every report uses, whatever its format: dates, deadline states, parties, changes.
import { citationStyles, type CitationStyle } from '../domain/model.ts';
import type { CommitmentDetail, DeadlineState, Evidence } from '../domain/model.ts';
import type { Correction, ReportChanges, StatusChange } from './since.ts';
import type { CommitmentEdits, EditedField } from './team-authors.ts';
import type { Report } from './model.ts';
import * as m from '../shared/i18n/paraglide/messages.js';
import { reportFormatTag, reportLanguage } from './language.ts';

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const spanishDays = new Intl.DateTimeFormat('es', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "29 Oct 2025", "29 oct 2025": how an analyst reads a date in a briefing; ISO days in, the same day out. */
export function readableDay(isoDay: string | null | undefined): string {
  if (!isoDay) return '';
  const [year, month, day] = isoDay.slice(0, 10).split('-').map(Number);
  if (!year || !month || !day) return isoDay;
  if (reportLanguage() === 'es') return spanishDays.format(new Date(Date.UTC(year, month - 1, day)));
  return `${day} ${months[month - 1]} ${year}`;
}

/** A whole number as the report's language writes it: 1,234 or 1234. */
export function readableCount(count: number): string {
  return count.toLocaleString(reportFormatTag());
}

/** "23 Nov 2026, 21:38 UTC": an instant, in UTC so that every reader of the report sees the same. */
export function readableMoment(isoInstant: string | null | undefined): string {
  if (!isoInstant) return '';
  const time = isoInstant.slice(11, 16);
  return time ? `${readableDay(isoInstant)}, ${time} UTC` : readableDay(isoInstant);
}

const deadlineStateMessages: Record<DeadlineState, () => string> = {
  none: m.report_deadline_none,
  upcoming: m.report_deadline_upcoming,
  due_soon: m.report_deadline_due_soon,
  passed: m.report_deadline_passed,
  met: m.report_deadline_met,
};

/** "due soon", "vence pronto": a deadline's state in the report's language. */
export function deadlineStateLabel(state: DeadlineState): string {
  return deadlineStateMessages[state]();
}

/** "29 Oct 2025 (passed)", or "no deadline". */
export function dueText(commitment: CommitmentDetail): string {
  const dueOn = commitment.deadline.dueOn;
  if (!dueOn) return deadlineStateLabel('none');
  return `${readableDay(dueOn)} (${deadlineStateLabel(commitment.deadlineState)})`;
}

/** "90 days from 31 Jul 2025", when the deadline was given as a duration. */
export function deadlineRule(commitment: CommitmentDetail): string | null {
  const { amount, unit, from } = commitment.deadline;
  if (amount === null || unit === null || from === null) return null;
  return m.report_deadline_rule({ amount, unit: unitText(amount, unit), from: readableDay(from) });
}

export function statusText(commitment: CommitmentDetail): string {
  return commitment.status?.name ?? m.report_no_status();
}

/** "Made by United States · owed to Mexico · reprieve". */
export function partiesLine(commitment: CommitmentDetail): string {
  const parts = [];
  const names = (parties: { name: string }[]) => parties.map((p) => p.name).join(', ');
  if (commitment.madeBy.length > 0) parts.push(m.report_made_by({ parties: names(commitment.madeBy) }));
  if (commitment.owedTo.length > 0) parts.push(m.report_owed_to({ parties: names(commitment.owedTo) }));
  parts.push(kindText(commitment.kind));
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
/**
 * An excerpt's words as what they are: the source's own in quotation marks, a summary's span as a
 * paraphrase, never in quotation marks.
 */
export function excerptWords(excerpt: { text: string; paraphrase: boolean }): string {
  return excerpt.paraphrase ? m.report_paraphrase({ text: excerpt.text }) : `“${excerpt.text}”`;
}

export function changeText(change: StatusChange): string {
  const forParty = forPartyText(change.entry.party);
  const to = change.entry.status.name;
  if (change.from === null) return m.report_change_first({ forParty, status: to });
  if (change.from.id === change.entry.status.id) return m.report_change_reaffirmed({ forParty, status: to });
  return `${change.from.name} → ${to}${forParty}`;
}

/** " — recorded by alice" in a shared dossier; nothing in one never shared. */
export function recordedByText(recordedBy: string | null): string {
  return recordedBy ? ` — ${m.report_recorded_by({ member: recordedBy })}` : '';
}

/** "recorded by alice on 21 Nov 2026", or "recorded 21 Nov 2026" when nobody is named. */
export function recordedText(entry: { recordedAt: string; recordedBy: string | null }): string {
  const on = readableDay(entry.recordedAt);
  return entry.recordedBy
    ? m.report_recorded_by_on({ member: entry.recordedBy, day: on })
    : m.report_recorded_on({ day: on });
}

/** What a correction did to the record, in one sentence, with who recorded the entry when known. */
export function correctionText(correction: Correction): string {
  const { entry } = correction;
  const forParty = forPartyText(entry.party);
  const by = recordedByText(entry.recordedBy);
  const status = entry.status.name;
  const effective = readableDay(entry.effectiveOn);
  switch (correction.kind) {
    case 'corrects': {
      const before = correction.corrected
        ? m.report_correction_entry_of({
            day: readableDay(correction.corrected.effectiveOn),
            status: correction.corrected.status.name,
          })
        : m.report_correction_earlier_entry();
      return m.report_correction_corrects({ before, status, forParty, effective, by });
    }
    case 'backdated':
      return m.report_correction_backdated({ status, forParty, effective, by });
    case 'undone': {
      // The undo has no author of its own here: name who recorded the entry, inside the brackets.
      const recorded = entry.recordedBy ? `, ${m.report_recorded_by({ member: entry.recordedBy })}` : '';
      return m.report_correction_undone({ status, forParty, effective, recorded });
    }
  }
}

/** A new commitment's author in a shared dossier: "added by alice", or null when not known. */
export function addedByText(changes: ReportChanges, commitmentId: number): string | null {
  const author = changes.addedBy[commitmentId];
  return author ? m.report_added_by({ member: author }) : null;
}

/** The commitment form's names for the fields, so that an analyst knows where to look. */
const fieldLabels: Record<EditedField, () => string> = {
  title: m.report_field_title,
  summary: m.report_field_summary,
  kind: m.report_field_kind,
  parent: m.report_field_parent,
  announced_on: m.report_field_announced_on,
  deadline: m.report_field_deadline,
  topics: m.report_field_topics,
  maker: m.report_field_maker,
  owed_to: m.report_field_owed_to,
  trashed: m.report_field_trashed,
  restored: m.report_field_restored,
};

/** "Edited by alice: title, deadline; by bob: topics" */
export function editedText(edits: CommitmentEdits): string {
  const parts = edits.by.map(({ author, fields }) =>
    m.report_edited_by({ member: author, fields: fields.map((field) => fieldLabels[field]()).join(', ') }),
  );
  return m.report_edited({ parts: parts.join('; ') });
}

/** The sentence that opens the "changes" section: what this report is compared with. */
export function comparedWithText(changes: ReportChanges): string {
  const { baseline } = changes;
  if (baseline.snapshot) {
    const name = baseline.snapshot.template
      ? m.report_compared_last_template({ template: baseline.snapshot.template })
      : m.report_compared_last_report();
    return m.report_compared_with({
      name,
      sent: readableMoment(baseline.snapshot.createdAt),
      day: readableDay(baseline.day),
    });
  }
  return m.report_changes_since({ day: readableDay(baseline.day) });
}

type CountMessage = (inputs: { count: string }) => string;

/** A count in the message for one or the one for more: "1 commitment", "3 commitments", "3 compromisos". */
export function pluralText(count: number, one: CountMessage, other: CountMessage): string {
  return (count === 1 ? one : other)({ count: readableCount(count) });
}

/** "3 commitments" in the report's language. */
export function commitmentCountText(count: number): string {
  return pluralText(count, m.layout_commitments_one, m.layout_commitments_other);
}

/** "8 commitments; 1 due in the next 30 days; 0 passed with no update since." */
export function summaryLine(report: Pick<Report, 'summary' | 'deadlines'>): string {
  return m.layout_summary_line({
    commitments: commitmentCountText(report.summary.total),
    dueSoon: readableCount(report.deadlines.dueSoon.length),
    passed: readableCount(report.deadlines.passedNoUpdate.length),
  });
}

/** "38%", "38 %": a share of the whole, to the whole percent, as the report's language writes it. */
export function readableShare(count: number, total: number): string {
  const percent = Math.round((count / Math.max(1, total)) * 100);
  return (percent / 100).toLocaleString(reportFormatTag(), { style: 'percent' });
}

/**
 * A message cut at its placeholders, for words around what is not text (Word's page number fields,
 * links): "Page {page} of {pages}" gives ["Page ", "page", " of ", "pages", ""], the placeholders at
 * the odd places, so each language keeps its own word order.
 */
export function messageParts<Name extends string>(
  message: (inputs: Record<Name, string>) => string,
  names: readonly Name[],
): string[] {
  const marked = Object.fromEntries(names.map((name) => [name, `\u0000${name}\u0000`])) as Record<
    Name,
    string
  >;
  return message(marked).split('\u0000');
}

/** Said by the first report of a template, in place of its changes. */
export function firstReportText(template: string | null): string {
  return m.report_first_of_template({ template: template ?? '' });
}

/** " for Mexico", " para México": who a party's own status is about, or nothing. */
function forPartyText(party: string | null): string {
  return party ? m.report_for_party({ party }) : '';
}

const kindMessages: Record<string, () => string> = {
  pledge: m.report_kind_pledge,
  agreement: m.report_kind_agreement,
  measure: m.report_kind_measure,
  threat: m.report_kind_threat,
  reprieve: m.report_kind_reprieve,
  review: m.report_kind_review,
};

/** The kind of commitment in the report's language. */
export function kindText(kind: string): string {
  return kindMessages[kind]?.() ?? kind;
}

const unitMessages: Record<string, [() => string, () => string]> = {
  days: [m.report_unit_day, m.report_unit_days],
  weeks: [m.report_unit_week, m.report_unit_weeks],
  months: [m.report_unit_month, m.report_unit_months],
  years: [m.report_unit_year, m.report_unit_years],
};

function unitText(amount: number, unit: string): string {
  const [one, many] = unitMessages[unit] ?? [() => unit, () => unit];
  return amount === 1 ? one() : many();
}
