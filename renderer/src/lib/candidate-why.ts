// Why a sentence reads as a commitment, in the analyst's words: who (as the text says it), the verb,
// the deadline phrase and the day it was read against; the deadline itself in the app's language.
import type { ReaderCandidate } from '../../../electron/domain/model.ts';
import { formatDate } from './dates.ts';
import { durationUnits } from './deadline.ts';
import * as m from '../../../electron/shared/i18n/paraglide/messages.js';

const basisWords: Record<ReaderCandidate['reference']['basis'], () => string> = {
  published: m.candidate_why_published,
  dateline: m.candidate_why_dateline,
  given: m.candidate_why_given,
  today: m.candidate_why_today,
};

const units = { D: 'days', W: 'weeks', M: 'months', Y: 'years' } as const;

/** A deadline as the extraction found it (a date, or a duration such as P90D) in words: "30 Nov 2026", "90 days". */
export function deadlineWords(deadline: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(deadline)) return formatDate(deadline);
  const duration = /^P(\d+)([DWMY])$/.exec(deadline);
  if (!duration) return deadline;
  const amount = Number(duration[1]);
  const words = durationUnits[units[duration[2] as keyof typeof units]];
  return `${amount} ${amount === 1 ? words.one() : words.other()}`;
}

export interface Why {
  who: string;
  verb: string;
  deadline: string | null;
  reference: string;
}

/** "by 2027 (“by the end of 2027”)", with the day it was counted from when there is one. */
function deadlineWhy(candidate: ReaderCandidate, deadline: string): string {
  const phrase = candidate.deadlinePhrase ?? deadline;
  return candidate.deadlineFrom
    ? m.candidate_why_deadline_from({ deadline, phrase, date: formatDate(candidate.deadlineFrom) })
    : m.candidate_why_deadline({ deadline, phrase });
}

export function whyOf(candidate: ReaderCandidate): Why {
  const parties = candidate.parties.join(', ') || m.candidate_why_no_party();
  const who =
    candidate.subject && candidate.subject !== candidate.parties.join(', ')
      ? `${parties} (“${candidate.subject}”)`
      : parties;
  const deadline = candidate.deadline ? deadlineWhy(candidate, candidate.deadline) : null;
  return {
    who,
    verb: candidate.verb || '—',
    deadline,
    reference: `${formatDate(candidate.reference.day)}, ${basisWords[candidate.reference.basis]()}`,
  };
}
