// Why a sentence reads as a commitment, in the analyst's words: who (as the text says it), the verb,
// the deadline phrase and the day it was read against.
import type { ReaderCandidate } from '../../../db/model.ts';
import { formatDate } from './dates.ts';

const basisWords: Record<ReaderCandidate['reference']['basis'], string> = {
  published: 'the publication date',
  dateline: 'the dateline',
  given: 'the day the source was added',
  today: 'today',
};

export interface Why {
  who: string;
  verb: string;
  deadline: string | null;
  reference: string;
}

export function whyOf(candidate: ReaderCandidate): Why {
  const parties = candidate.parties.join(', ') || 'no party found';
  const who =
    candidate.subject && candidate.subject !== candidate.parties.join(', ')
      ? `${parties} (“${candidate.subject}”)`
      : parties;
  const deadline = candidate.deadline
    ? `${candidate.deadline} (“${candidate.deadlinePhrase ?? candidate.deadline}”${candidate.deadlineFrom ? `, from ${formatDate(candidate.deadlineFrom)}` : ''})`
    : null;
  return {
    who,
    verb: candidate.verb || '—',
    deadline,
    reference: `${formatDate(candidate.reference.day)}, ${basisWords[candidate.reference.basis]}`,
  };
}
