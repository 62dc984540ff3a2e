// Compliance scores in words as well as numbers, as the analyst reads them beside a status.
import type { Usage } from '../../../electron/domain/model.ts';
import { meanText } from '../../../electron/domain/score-text.ts';
import { formatTag } from './i18n.ts';
import * as m from '../../../electron/shared/i18n/paraglide/messages.js';

export type Score = -1 | 0 | 1 | null;

const scoreWords = {
  '1': m.compliance_score_complies,
  '0': m.compliance_score_partial,
  '-1': m.compliance_score_not_complying,
} as const;

export function describeScore(score: Score): string {
  return score === null ? m.compliance_not_scored() : scoreWords[String(score) as keyof typeof scoreWords]();
}

/** "+0.50", "−1.00", "0.00" ("+0,50" in Spanish): the domain's spelling of a mean, in the app's language. */
export function formatMeanScore(mean: number): string {
  return meanText(mean, formatTag());
}

/** Where a mean score sits on the scale, in words. */
export function describeMeanScore(mean: number): string {
  if (mean >= 0.5) return m.compliance_mean_mostly_complying();
  if (mean > -0.5) return m.compliance_mean_mixed();
  return m.compliance_mean_mostly_not_complying();
}

export type ReferenceKind = 'dossier' | 'party' | 'topic' | 'status';

type CountWords = [(count: { count: number }) => string, (count: { count: number }) => string];

const childWords: Record<ReferenceKind, CountWords> = {
  dossier: [m.compliance_usage_records_one, m.compliance_usage_records_other],
  party: [m.compliance_usage_people_one, m.compliance_usage_people_other],
  topic: [m.compliance_usage_subtopics_one, m.compliance_usage_subtopics_other],
  status: [m.compliance_usage_records_one, m.compliance_usage_records_other],
};

function count(n: number, one: CountWords[0], many: CountWords[1]): string {
  return n === 1 ? one({ count: n }) : many({ count: n });
}

/** "Used by 4 commitments and 12 status updates, e.g. “…”": null when nothing uses it. */
export function describeUsage(kind: ReferenceKind, usage: Usage): string | null {
  const parts: string[] = [];
  if (usage.commitments > 0)
    parts.push(
      count(usage.commitments, m.compliance_usage_commitments_one, m.compliance_usage_commitments_other),
    );
  if (usage.statusUpdates > 0)
    parts.push(
      count(
        usage.statusUpdates,
        m.compliance_usage_status_updates_one,
        m.compliance_usage_status_updates_other,
      ),
    );
  if (usage.children > 0) parts.push(count(usage.children, ...childWords[kind]));
  if (parts.length === 0) return null;
  // "a, b and c" in English, "a, b y c" in Spanish.
  const list = new Intl.ListFormat(formatTag(), { type: 'conjunction' }).format(parts);
  const examples = usage.examples.slice(0, 3).map((example) => `“${example}”`);
  return examples.length > 0
    ? m.compliance_usage_examples({ list, examples: examples.join(', ') })
    : m.compliance_usage({ list });
}
