// A candidate sentence as a pre-filled commitment: title, kind, parties and topics by name, deadline.
import type { InputOf } from '../../../electron/api/contract.ts';
import type { ReaderCandidate, ReferenceData } from '../../../electron/domain/model.ts';

export type CommitmentDraft = InputOf<'createCommitment'>;

const durationUnits = { D: 'days', W: 'weeks', M: 'months', Y: 'years' } as const;

export function deadlineFrom(deadline: string | null, from: string | null): CommitmentDraft['deadline'] {
  if (!deadline) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(deadline)) return { on: deadline };
  const duration = /^P(\d+)([DWMY])$/.exec(deadline);
  if (!duration || !from) return null;
  return {
    amount: Number(duration[1]),
    unit: durationUnits[duration[2] as keyof typeof durationUnits],
    from,
  };
}

/** A title of at most 300 characters: the sentence itself, without its final full stop. */
export function titleFrom(sentence: string): string {
  const title = sentence.replace(/[.\s]+$/, '');
  return title.length <= 300 ? title : `${title.slice(0, 297)}…`;
}

export function draftFromCandidate(
  candidate: ReaderCandidate,
  reference: ReferenceData,
  dossierId: number,
  publishedOn: string | null,
): CommitmentDraft {
  return {
    dossierId,
    title: titleFrom(candidate.sentence),
    summary: candidate.sentence,
    kind: candidate.kind,
    madeBy: reference.parties
      .filter((party) => candidate.parties.includes(party.name))
      .map((party) => party.id),
    topicIds: reference.topics
      .filter((topic) => candidate.topics.includes(topic.path))
      .map((topic) => topic.id),
    announcedOn: publishedOn ?? (candidate.reference.basis === 'dateline' ? candidate.reference.day : null),
    // A duration runs from the day the text says, else the day the text speaks from.
    deadline: deadlineFrom(candidate.deadline, candidate.deadlineFrom ?? candidate.reference.day),
  };
}
