// Compliance scores in words as well as numbers, as the analyst reads them beside a status.
import type { Usage } from '../../../db/model.ts';

export type Score = -1 | 0 | 1 | null;

const scoreWords = {
  '1': 'complies (+1)',
  '0': 'partial (0)',
  '-1': 'not complying (−1)',
} as const;

export function describeScore(score: Score): string {
  return score === null ? 'not scored' : scoreWords[String(score) as keyof typeof scoreWords];
}

/** "+0.50", "−1.00", "0.00": a mean score with its sign, using a real minus sign. */
export function formatMeanScore(mean: number): string {
  const fixed = Math.abs(mean).toFixed(2);
  if (Number(fixed) === 0) return '0.00';
  return mean > 0 ? `+${fixed}` : `−${fixed}`;
}

/** Where a mean score sits on the scale, in words. */
export function describeMeanScore(mean: number): string {
  if (mean >= 0.5) return 'mostly complying';
  if (mean > -0.5) return 'mixed';
  return 'mostly not complying';
}

export type ReferenceKind = 'dossier' | 'party' | 'topic' | 'status';

const childWords: Record<ReferenceKind, [string, string]> = {
  dossier: ['other record', 'other records'],
  party: ['person acting for it', 'people acting for it'],
  topic: ['sub-topic', 'sub-topics'],
  status: ['other record', 'other records'],
};

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "Used by 4 commitments and 12 status updates, e.g. “…”": null when nothing uses it. */
export function describeUsage(kind: ReferenceKind, usage: Usage): string | null {
  const parts: string[] = [];
  if (usage.commitments > 0) parts.push(count(usage.commitments, 'commitment', 'commitments'));
  if (usage.statusUpdates > 0) parts.push(count(usage.statusUpdates, 'status update', 'status updates'));
  if (usage.children > 0) parts.push(count(usage.children, ...childWords[kind]));
  if (parts.length === 0) return null;
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  const examples = usage.examples.slice(0, 3).map((example) => `“${example}”`);
  return `Used by ${list}${examples.length > 0 ? `, e.g. ${examples.join(', ')}` : ''}.`;
}
