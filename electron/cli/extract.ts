// `extract FILE [--json] [--date YYYY-MM-DD]`: the sentences of an article that read as commitments,
// ranked, each with who commits, the verb that made it one, its deadline and the day that was read against
// (the dateline's day when the text has one, else --date, else today), through the API's extractPledges.
import { existsSync, readFileSync } from 'node:fs';
import type { Database } from '../../db/open.ts';
import type { OutputOf } from '../api/contract.ts';
import { call } from './operations.ts';
import { UsageError } from './usage-error.ts';

type Candidate = OutputOf<'extractPledges'>['candidates'][number];

const basisWords = {
  published: 'the publication date',
  dateline: 'the dateline',
  given: '--date',
  today: 'today',
} as const;

export async function runExtract(
  db: Database,
  file: string | undefined,
  options: { json: boolean; date?: string },
): Promise<number> {
  if (!file) throw new UsageError('extract needs a FILE: the article as plain text or Markdown.');
  if (!existsSync(file)) throw new UsageError(`extract: there is no file ${file}.`);
  if (!/\.(txt|md|markdown|text)$/i.test(file)) {
    throw new UsageError(`extract: ${file} is not plain text; give a .txt or .md file.`);
  }
  if (
    options.date &&
    (!/^\d{4}-\d{2}-\d{2}$/.test(options.date) ||
      Number.isNaN(new Date(`${options.date}T12:00:00Z`).getTime()))
  ) {
    throw new UsageError(`--date "${options.date}" is not a date written YYYY-MM-DD.`);
  }
  const extraction = await call(
    db,
    'extractPledges',
    { text: readFileSync(file, 'utf8'), ...(options.date ? { date: options.date } : {}) },
    { date: '--date' },
  );
  if (options.json) {
    console.log(JSON.stringify(extraction.candidates.map(forJson), null, 2));
    return 0;
  }
  const { day, basis } = extraction.reference;
  console.log(`Deadlines read against ${day} (${basisWords[basis]}).`);
  if (extraction.signatories.length > 0) console.log(`Signatories: ${extraction.signatories.join(', ')}.`);
  console.log(extraction.candidates.map(describe).join('\n'));
  return 0;
}

function forJson(candidate: Candidate) {
  const { sentence, start, end, kind, topics, parties, newNames, deadline, confidence } = candidate;
  return {
    sentence,
    start,
    end,
    kind,
    topics,
    parties,
    new_names: newNames,
    deadline,
    confidence,
    subject: candidate.subject,
    verb: candidate.verb,
    deadline_phrase: candidate.deadlinePhrase,
    deadline_from: candidate.deadlineFrom,
    reference: candidate.reference.day,
    reference_basis: candidate.reference.basis,
  };
}

function describe(candidate: Candidate): string {
  const facts = [
    candidate.kind,
    candidate.parties.join(', '),
    candidate.verb ? `“${candidate.subject ? `${candidate.subject} ` : ''}${candidate.verb}”` : '',
    candidate.topics.join(', '),
    candidate.deadline ? `deadline ${candidate.deadline} (“${candidate.deadlinePhrase}”)` : '',
  ].filter(Boolean);
  return `${candidate.confidence.toFixed(2)}  ${candidate.sentence}\n      ${facts.join(' · ')}`;
}
