// The inbox as the analyst reads it: each waiting source with the sentences that read as commitments,
// best first, and for each the existing commitments it most likely concerns and the status its words
// suggest. Nothing here writes: accepting goes through attachEvidence and createCommitmentFromQuote.
import type { Database } from 'better-sqlite3';
import { inboxCounts, inboxEntries, type InboxEntry } from '../../db/feeds.ts';
import type { ReaderCandidate, ReferenceData } from '../domain/model.ts';
import { listReference } from '../../db/reference.ts';
import { similarCommitments } from '../../db/sources.ts';
import { readSource } from '../ingest/reader.ts';
import { statusCueOf } from './status-cues.ts';

export interface InboxSuggestion {
  /** The candidate sentence it is drawn from. */
  start: number;
  end: number;
  commitmentId: number;
  commitmentTitle: string;
  /** The status the sentence's words suggest, when they plainly suggest one the vocabulary has. */
  statusId: number | null;
  status: string | null;
}

export interface InboxItem extends InboxEntry {
  /** Open candidates at or above the reader's threshold, the most confident first. */
  candidates: ReaderCandidate[];
  suggestions: InboxSuggestion[];
}

export interface Inbox {
  items: InboxItem[];
  unread: number;
  waiting: number;
}

const candidatesShown = 5;
const commitmentsPerCandidate = 2;
const suggestionsShown = 4;

export async function listInbox(db: Database, limit: number, offset: number): Promise<Inbox> {
  const reference = listReference(db);
  const items: InboxItem[] = [];
  for (const entry of inboxEntries(db, limit, offset)) {
    const reader = await readSource(db, entry.sourceId);
    const candidates = reader.candidates
      .filter((candidate) => candidate.state === 'open' && candidate.confidence >= reader.threshold)
      .sort((a, b) => b.confidence - a.confidence || a.start - b.start)
      .slice(0, candidatesShown);
    items.push({ ...entry, candidates, suggestions: suggestionsFor(db, reference, candidates) });
  }
  return { items, ...inboxCounts(db) };
}

/**
 * The commitments the candidates most likely concern: sentences that say what happened (a status cue)
 * first, then the most confident; each commitment once, under the first sentence that finds it.
 */
function suggestionsFor(
  db: Database,
  reference: ReferenceData,
  candidates: ReaderCandidate[],
): InboxSuggestion[] {
  const statuses = new Map(reference.statuses.map((status) => [status.name.toLowerCase(), status]));
  const cued = candidates.map((candidate) => {
    const cue = statusCueOf(candidate.sentence);
    return { candidate, status: cue ? (statuses.get(cue) ?? null) : null };
  });
  cued.sort((a, b) => Number(b.status !== null) - Number(a.status !== null));
  const partyWords = new Set(
    reference.parties.flatMap((party) => [...stemsOf(party.name), ...(party.aliases ?? []).flatMap(stemsOf)]),
  );
  const seen = new Set<number>();
  const suggestions: InboxSuggestion[] = [];
  for (const { candidate, status } of cued) {
    const hints = {
      kind: candidate.kind,
      topicIds: reference.topics.filter((topic) => candidate.topics.includes(topic.path)).map((t) => t.id),
      partyIds: reference.parties.filter((party) => candidate.parties.includes(party.name)).map((p) => p.id),
    };
    const similar = similarCommitments(db, candidate.sentence, hints, commitmentsPerCandidate).filter(
      (commitment) => sharesAWord(candidate.sentence, commitment.title, partyWords),
    );
    for (const [rank, commitment] of similar.entries()) {
      if (seen.has(commitment.id)) continue;
      seen.add(commitment.id);
      suggestions.push({
        start: candidate.start,
        end: candidate.end,
        commitmentId: commitment.id,
        commitmentTitle: commitment.title,
        // What the sentence says happened is suggested for the commitment it matches best, not its runners-up.
        statusId: rank === 0 ? (status?.id ?? null) : null,
        status: rank === 0 ? (status?.name ?? null) : null,
      });
    }
  }
  return suggestions.slice(0, suggestionsShown);
}

const commonWords = new Set([
  'with',
  'that',
  'from',
  'into',
  'this',
  'have',
  'will',
  'thei',
  'othe',
  'para',
  'como',
  'sobr',
  'entr',
  'ante',
  'segu',
  'ambo',
  'both',
]);

/** Words by their first four letters, accents kept apart ("revi" is review and revisión alike), and figures. */
function stemsOf(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .match(/\p{L}{4,}|\d{2,}/gu) ?? []
  )
    .map((word) => word.slice(0, 4))
    .filter((stem) => !commonWords.has(stem));
}

/**
 * The ranking finds commitments by shared words, topics, parties or kind; one shown as "may be about"
 * must share a word with the sentence besides the parties' names, which nearly every sentence of a
 * dossier carries.
 */
function sharesAWord(sentence: string, title: string, partyWords: Set<string>): boolean {
  const words = new Set(stemsOf(sentence).filter((stem) => !partyWords.has(stem)));
  return stemsOf(title).some((stem) => words.has(stem));
}
