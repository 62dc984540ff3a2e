// draftSource and extractPledges through the contract: a file's bytes read as a source, a text read for
// the sentences that pledge; neither stores anything, and what cannot be read is refused naming the file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint, temporaryDatabase } from '../../db/testing.ts';
import { callOperation, callOperationAsync } from './dispatch.ts';

const fixtures = join(import.meta.dirname, '..', 'ingest');
const base64 = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64');

function sample() {
  const { db } = temporaryDatabase();
  expect(callOperation(db, 'loadSample', {})).toMatchObject({ ok: true });
  return db;
}

describe('draftSource', () => {
  it('reads the text layer of a PDF and the details of an HTML page, storing nothing', async () => {
    const db = sample();
    const before = fingerprint(db);
    const pdf = await callOperationAsync(db, 'draftSource', {
      name: 'statement.pdf',
      contentBase64: base64(readFileSync(join(fixtures, 'fixtures', 'statement.pdf'))),
    });
    expect(pdf).toMatchObject({
      ok: true,
      value: { title: 'Joint statement of 15 January 2026', language: 'en' },
    });
    const html = await callOperationAsync(db, 'draftSource', {
      name: 'communique.html',
      contentBase64: base64(readFileSync(join(fixtures, 'fixtures', 'communique.html'))),
    });
    expect(html).toMatchObject({
      ok: true,
      value: { publisher: 'Example Ministry of Foreign Affairs', publishedOn: '2026-03-14' },
    });
    expect(fingerprint(db)).toBe(before);
  });

  it('refuses a file that is not what its name says, naming it', async () => {
    const db = sample();
    expect(
      await callOperationAsync(db, 'draftSource', { name: 'scan.pdf', contentBase64: base64('not a pdf') }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: expect.stringMatching(/^scan\.pdf: /),
        issues: [{ path: 'contentBase64' }],
      },
    });
  });
});

describe('extractPledges', () => {
  it('ranks the sentences that pledge, with offsets into the text as it was sent', async () => {
    const db = sample();
    const before = fingerprint(db);
    const text = `\n\n${readFileSync(join(fixtures, 'extract', 'fixtures', 'border-talks-en.txt'), 'utf8')}`;
    const result = await callOperationAsync(db, 'extractPledges', { text, date: '2026-03-14' });
    if (!result.ok) throw new Error(result.error.message);
    const { candidates } = result.value as {
      candidates: { sentence: string; start: number; end: number; confidence: number }[];
    };
    expect(candidates.length).toBeGreaterThan(0);
    for (const candidate of candidates)
      expect(text.slice(candidate.start, candidate.end)).toBe(candidate.sentence);
    const confidences = candidates.map((candidate) => candidate.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
    expect(fingerprint(db)).toBe(before);
  });
});
