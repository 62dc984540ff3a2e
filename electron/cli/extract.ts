// `extract FILE [--json]`: the sentences of an article that read as commitments, ranked.
import { existsSync, readFileSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { extractCandidates, type Candidate } from '../ingest/extract/extract.ts';
import { knownVocabulary } from '../ingest/known-vocabulary.ts';
import { UsageError } from './usage-error.ts';

export function runExtract(
  db: Database,
  file: string | undefined,
  options: { json: boolean; date?: string },
): number {
  if (!file) throw new UsageError('extract needs a FILE: the article as plain text or Markdown.');
  if (!existsSync(file)) throw new UsageError(`extract: there is no file ${file}.`);
  if (!/\.(txt|md|markdown|text)$/i.test(file)) {
    throw new UsageError(`extract: ${file} is not plain text; give a .txt or .md file.`);
  }
  const reference = options.date ? new Date(`${options.date}T12:00:00Z`) : new Date();
  if (Number.isNaN(reference.getTime()) || (options.date && !/^\d{4}-\d{2}-\d{2}$/.test(options.date))) {
    throw new UsageError(`--date "${options.date}" is not a date written YYYY-MM-DD.`);
  }
  const candidates = extractCandidates(readFileSync(file, 'utf8'), {
    vocabulary: knownVocabulary(db),
    reference,
  });
  console.log(
    options.json ? JSON.stringify(candidates.map(forJson), null, 2) : candidates.map(describe).join('\n'),
  );
  return 0;
}

function forJson(candidate: Candidate) {
  const { sentence, start, end, kind, topics, parties, newNames, deadline, confidence } = candidate;
  return { sentence, start, end, kind, topics, parties, new_names: newNames, deadline, confidence };
}

function describe(candidate: Candidate): string {
  const facts = [
    candidate.kind,
    candidate.parties.join(', '),
    candidate.topics.join(', '),
    candidate.deadline ? `deadline ${candidate.deadline}` : '',
  ].filter(Boolean);
  return `${candidate.confidence.toFixed(2)}  ${candidate.sentence}\n      ${facts.join(' · ')}`;
}
