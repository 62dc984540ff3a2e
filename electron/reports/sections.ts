// The report's sections, drawn from its commitments: summary, deadlines, by topic, and the annex.
import type { FormattedCitation } from '../citations/references.ts';
import type {
  CommitmentDetail,
  DeadlineState,
  Evidence,
  HistoryEntry,
  Status,
  StatusRef,
} from '../domain/model.ts';
import { deadlineStates } from '../domain/model.ts';
import * as m from '../shared/i18n/paraglide/messages.js';

export interface StatusCount {
  /** null: commitments with no status at all (none recorded by the day). */
  status: StatusRef | null;
  count: number;
}

export interface ReportSummary {
  total: number;
  /** In the order of the status vocabulary; statuses no commitment has are left out. */
  byStatus: StatusCount[];
  byDeadlineState: Record<DeadlineState, number>;
}

export function summarise(commitments: CommitmentDetail[], vocabulary: Status[]): ReportSummary {
  const counts = new Map<number | null, number>();
  const byDeadlineState = Object.fromEntries(deadlineStates.map((state) => [state, 0])) as Record<
    DeadlineState,
    number
  >;
  for (const commitment of commitments) {
    const key = commitment.status?.id ?? null;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    byDeadlineState[commitment.deadlineState] += 1;
  }
  const byStatus: StatusCount[] = vocabulary
    .filter((status) => counts.has(status.id))
    .map(({ id, name, colour, category }) => ({
      status: { id, name, colour, category },
      count: counts.get(id)!,
    }));
  if (counts.has(null)) byStatus.push({ status: null, count: counts.get(null)! });
  return { total: commitments.length, byStatus, byDeadlineState };
}

export interface ReportDeadlines {
  /** Due within 30 days of the report's day and not met. */
  dueSoon: CommitmentDetail[];
  /** Passed, with no update since the due date: someone should look. */
  passedNoUpdate: CommitmentDetail[];
}

export function deadlinesOf(commitments: CommitmentDetail[]): ReportDeadlines {
  const byDue = (a: CommitmentDetail, b: CommitmentDetail) =>
    (a.deadline.dueOn ?? '').localeCompare(b.deadline.dueOn ?? '') || a.id - b.id;
  return {
    dueSoon: commitments.filter((c) => c.deadlineState === 'due_soon').sort(byDue),
    passedNoUpdate: commitments
      .filter(
        (c) => c.deadlineState === 'passed' && (c.statusSince === null || c.statusSince <= c.deadline.dueOn!),
      )
      .sort(byDue),
  };
}

/** The update in force on the report's day: its note says why the status is what it is. */
export function currentEntry(commitment: CommitmentDetail): HistoryEntry | null {
  return commitment.history.find((entry) => entry.party === null) ?? null;
}

/** The newest quote behind a commitment: from its latest update that cites one, else its latest source. */
export function latestEvidence(commitment: CommitmentDetail): Evidence | null {
  const cited = commitment.history.find((entry) => entry.evidence !== null)?.evidence;
  return cited ?? commitment.evidence.at(-1) ?? null;
}

export interface TopicGroup {
  /** "trade › tariffs", or "No topic" in the report's language. */
  topic: string;
  commitments: CommitmentDetail[];
}

/**
 * Each commitment once, under its first topic (by path), so a briefing never repeats a row; its
 * other topics are shown with it. Topics in path order, commitments by due date, undated last.
 */
export function byTopic(commitments: CommitmentDetail[]): TopicGroup[] {
  const groups = new Map<string, CommitmentDetail[]>();
  for (const commitment of commitments) {
    const topic = commitment.topics[0]?.path ?? '';
    groups.set(topic, [...(groups.get(topic) ?? []), commitment]);
  }
  const byDue = (a: CommitmentDetail, b: CommitmentDetail) => {
    const [x, y] = [a.deadline.dueOn, b.deadline.dueOn];
    if (x !== y) return x === null ? 1 : y === null ? -1 : x.localeCompare(y);
    return a.title.localeCompare(b.title);
  };
  return [...groups]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
    .map(([topic, members]) => ({ topic: topic || m.layout_no_topic(), commitments: members.sort(byDue) }));
}

export interface AnnexQuote {
  excerptId: number;
  text: string;
  speaker: string;
  paraphrase: boolean;
  commitments: { id: number; title: string }[];
}

export interface AnnexSource {
  /** S1, S2 …: how the report's rows cite it. */
  label: string;
  id: number;
  title: string;
  publisher: string;
  url: string | null;
  publishedOn: string | null;
  quotes: AnnexQuote[];
  /** The source cited in the report's style (see electron/citations); absent where none was made. */
  citation?: FormattedCitation;
}

/** Every source quoted for the report's commitments, by publication date, with its quotes. */
export function annexOf(commitments: CommitmentDetail[]): AnnexSource[] {
  const sources = new Map<number, AnnexSource>();
  const quotes = new Map<number, AnnexQuote>();
  for (const commitment of commitments) {
    const seen = [
      ...commitment.evidence,
      ...commitment.history.flatMap((e) => (e.evidence ? [e.evidence] : [])),
    ];
    for (const evidence of seen) {
      const { source } = evidence;
      if (!sources.has(source.id)) sources.set(source.id, { label: '', ...source, quotes: [] });
      let quote = quotes.get(evidence.excerptId);
      if (!quote) {
        quote = {
          excerptId: evidence.excerptId,
          text: evidence.text,
          speaker: evidence.speaker,
          paraphrase: evidence.paraphrase,
          commitments: [],
        };
        quotes.set(evidence.excerptId, quote);
        sources.get(source.id)!.quotes.push(quote);
      }
      if (!quote.commitments.some((c) => c.id === commitment.id)) {
        quote.commitments.push({ id: commitment.id, title: commitment.title });
      }
    }
  }
  const ordered = [...sources.values()].sort(
    (a, b) => (a.publishedOn ?? '9999').localeCompare(b.publishedOn ?? '9999') || a.id - b.id,
  );
  ordered.forEach((source, index) => (source.label = `S${index + 1}`));
  return ordered;
}

/** How a quote cites its source: the annex label, and the in-text citation in the report's style. */
export interface SourceCite {
  label: string;
  /** "(Núñez 2025)"; null where the source was not formatted in a style. */
  inText: string | null;
}

/** How each source is cited beside a quote, by source id. */
export function sourceLabels(annex: AnnexSource[]): Record<number, SourceCite> {
  return Object.fromEntries(
    annex.map((source) => [source.id, { label: source.label, inText: source.citation?.inText ?? null }]),
  );
}
