// Coordinated commitments: "will reduce X, expand Y and end Z" and "se compromete a reducir X, ampliar Y
// y eliminar Z" are three commitments with one subject. Finds where each verb phrase starts and ends.
import { commissive, enacting } from './lexicon.ts';
import type { Token } from './nlp.ts';

export interface Conjunct {
  /** Offsets into the sentence. */
  start: number;
  end: number;
  verb: Token;
}

const joiner = /^(?:,|and|y|e|;)$/iu;

function sameForm(a: Token, b: Token): boolean {
  if (a.tense === 'future' || a.tense === 'conditional') return b.tense === a.tense || b.tense === 'present';
  if (a.tense === 'gerund') return b.tense === 'gerund';
  if (a.tense === 'infinitive') return b.tense === 'infinitive';
  return b.tense === 'present' || b.tense === a.tense;
}

/**
 * The conjuncts of the verb at `at` (the head, or the verb it governs: "committed to reducing"), or []
 * when there is only one. Each conjunct must have words of its own after its verb.
 */
export function conjunctsOf(sentence: string, tokens: Token[], at: number): Conjunct[] {
  const first = tokens[at];
  if (!first) return [];
  const starts: number[] = [at];
  for (let i = at + 2; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    const previous = tokens[i - 1]!;
    const beforePrevious = tokens[i - 2]!;
    const joined =
      joiner.test(previous.text) || (previous.text.toLowerCase() === 'and' && beforePrevious.text === ',');
    // The tagger reads a bare "share" or "end" after a comma as a noun; the lexicon knows it is a verb.
    const verbal =
      token.pos === 'VERB' ||
      (/^(?:NOUN|ADJ|PROPN|X)$/.test(token.pos) &&
        (enacting.test(token.text.toLowerCase()) || commissive.test(token.text.toLowerCase())) &&
        /^(?:DET|NOUN|ADJ|NUM|PRON|PROPN)$/.test(tokens[i + 1]?.pos ?? ''));
    if (!joined || !verbal) continue;
    if (token.pos === 'VERB' && !sameForm(first, token)) continue;
    if (token.pos !== 'VERB') token.tense = first.tense;
    // "review and update the plan": a verb with nothing of its own before the next is not a commitment.
    if (i - starts.at(-1)! < 3) return [];
    starts.push(i);
  }
  if (starts.length < 2) return [];
  return starts.map((index, n) => {
    const verb = tokens[index]!;
    const nextStart = starts[n + 1];
    let end = nextStart === undefined ? sentence.length : tokens[nextStart]!.start;
    // Leave the ", and" between two conjuncts out of both.
    while (end > 0 && /[\s,;]/u.test(sentence[end - 1]!)) end -= 1;
    const tail = /(?:\s*,)?\s+(?:and|y|e)$/iu.exec(sentence.slice(0, end));
    if (tail && nextStart !== undefined) end -= tail[0].length;
    return { start: n === 0 ? 0 : verb.start, end, verb };
  });
}
