// The extractor as it was before issue 11 (cue lists), kept unchanged so `npm run eval:extract` can
// score it beside the new one on the same held-out texts. Nothing in the app imports it.
// Pledge extraction: ranks the sentences of an article that read as commitments, threats, deadlines or
// measures, with who commits, the kind, the topics, any deadline and a confidence.
import type { CommitmentKind } from '../../../domain/model.ts';
import { isBoilerplate } from './boilerplate.ts';
import { intentCues, kindCues, narrationCues } from './cues.ts';
import { findDeadline } from './deadline.ts';
import { detectLanguage, type Language } from './language.ts';
import { splitSentences } from './sentences.ts';
import { newNamesIn, partiesIn, topicsIn, type Vocabulary } from './vocabulary.ts';

export interface Candidate {
  sentence: string;
  start: number;
  end: number;
  kind: CommitmentKind;
  topics: string[];
  /** Parties the app knows (a person counts for the party they act for). */
  parties: string[];
  /** Capitalised names the app does not know yet. */
  newNames: string[];
  /** An ISO date, or an ISO 8601 duration such as P90D, when the sentence gives one. */
  deadline: string | null;
  /** 0 to 1: how strongly the sentence reads as a commitment. */
  confidence: number;
}

export interface ExtractOptions {
  vocabulary: Vocabulary;
  /** The day the article speaks from (its date); dates after it are deadlines. */
  reference?: Date;
  language?: Language;
  /** Candidates below this confidence are left out. */
  threshold?: number;
}

interface Scored {
  kind: CommitmentKind;
  score: number;
}

function scoreKind(sentence: string): Scored {
  const byKind = new Map<CommitmentKind, number>();
  for (const cue of kindCues) {
    if (cue.pattern.test(sentence)) byKind.set(cue.kind, (byKind.get(cue.kind) ?? 0) + cue.weight);
  }
  const [kind, score] = [...byKind.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['pledge', 0];
  return { kind, score };
}

function confidenceOf(points: number): number {
  return Math.round((1 / (1 + Math.exp(-(points - 4) / 1.5))) * 100) / 100;
}

export function extractCandidates(text: string, options: ExtractOptions): Candidate[] {
  const language = options.language ?? detectLanguage(text);
  const reference = options.reference ?? new Date();
  const threshold = options.threshold ?? 0.35;
  const candidates: Candidate[] = [];
  for (const sentence of splitSentences(text, language)) {
    if (isBoilerplate(sentence.text) || sentence.text.split(/\s+/).length < 5) continue;
    const { kind, score } = scoreKind(sentence.text);
    const parties = partiesIn(sentence.text, options.vocabulary);
    const topics = topicsIn(sentence.text, options.vocabulary);
    const deadline = findDeadline(sentence.text, language, reference);
    let points = score;
    if (intentCues.some((cue) => cue.test(sentence.text))) points += 2;
    if (parties.length > 0) points += 1.5;
    if (topics.length > 0) points += 1;
    if (deadline) points += 1.5;
    if (narrationCues.some((cue) => cue.test(sentence.text))) points -= 1.5;
    if (score === 0) points -= 2;
    // Headlines restate the story without a full stop; the sentences below carry the detail.
    if (!/[.!?…:;"”»)]$/.test(sentence.text)) points -= 1;
    const confidence = confidenceOf(points);
    if (confidence < threshold) continue;
    candidates.push({
      sentence: sentence.text,
      start: sentence.start,
      end: sentence.end,
      kind,
      topics,
      parties,
      newNames: newNamesIn(sentence.text, options.vocabulary),
      deadline,
      confidence,
    });
  }
  return candidates.sort((a, b) => b.confidence - a.confidence || a.start - b.start);
}
