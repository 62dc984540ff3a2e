import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getCommitment } from '../../db/commitments.ts';
import { attachEvidence, createCommitmentFromQuote } from '../../db/evidence.ts';
import { addSource, dismissCandidate, similarCommitments } from '../../db/sources.ts';
import { fingerprint, newCommitment, statusIdOf, temporaryDatabase } from '../../db/testing.ts';
import { readSource } from './reader.ts';
import { loadSample } from './sample.ts';

const article = readFileSync(join(import.meta.dirname, 'extract', 'fixtures', 'acuerdo-es.txt'), 'utf8');

function setUp() {
  const { db } = temporaryDatabase();
  const { dossierId } = loadSample(db);
  const added = addSource(
    db,
    {
      title: 'Acuerdo contra el fentanilo',
      publisher: 'agencias',
      url: null,
      publishedOn: '2025-09-04',
      language: 'es',
      fullText: article,
    },
    'ask',
  );
  const statusId = (name: string) => statusIdOf(db, name);
  return { db, dossierId, sourceId: added.id!, statusId };
}

describe('reading a source', () => {
  it('offers the pledges, with the parties the sample knows, and dims the boilerplate', async () => {
    const { db, sourceId } = setUp();
    const reader = await readSource(db, sourceId);
    const pledge = reader.candidates.find((candidate) =>
      candidate.sentence.startsWith('México se compromete'),
    );
    expect(pledge).toMatchObject({ state: 'open', kind: 'pledge', parties: ['Mexico'], deadline: 'P90D' });
    expect(pledge!.topics).toContain('security › firearms trafficking');
    const dimmed = reader.boilerplate.map((span) => article.slice(span.start, span.end));
    expect(dimmed).toEqual(expect.arrayContaining(['Por María López', 'Síguenos en redes sociales']));
    expect(reader.candidates.some((candidate) => dimmed.includes(candidate.sentence))).toBe(false);
  });

  it('turns a sentence into a commitment with the quote as its evidence', async () => {
    const { db, sourceId, dossierId } = setUp();
    const pledge = (await readSource(db, sourceId)).candidates.find((c) =>
      c.sentence.startsWith('México se compromete'),
    )!;
    const { id, excerptId } = createCommitmentFromQuote(
      db,
      { sourceId, start: pledge.start, end: pledge.end, speaker: '' },
      newCommitment(dossierId, {
        title: 'Extend gun tracing to all 32 states',
        announcedOn: '2025-09-04',
        deadline: { amount: 90, unit: 'days', from: '2025-09-04' },
      }),
    );
    const detail = getCommitment(db, id);
    expect(detail.evidence).toEqual([expect.objectContaining({ excerptId, text: pledge.sentence })]);
    expect(detail.deadline.dueOn).toBe('2025-12-03');
    const after = await readSource(db, sourceId);
    expect(after.candidates.find((c) => c.start === pledge.start)?.state).toBe('used');
    expect(after.excerpts).toEqual([
      expect.objectContaining({
        text: pledge.sentence,
        commitments: [{ id, title: 'Extend gun tracing to all 32 states' }],
      }),
    ]);
  });

  it('suggests the existing commitment a quote is about, and records the status change it shows', async () => {
    const { db, sourceId, statusId } = setUp();
    const quote = (await readSource(db, sourceId)).candidates.find((c) =>
      c.sentence.startsWith('Estados Unidos anunció'),
    )!;
    const [best] = similarCommitments(db, 'reprieve tariffs Mexico 90 days');
    expect(best?.title).toMatch(/reprieve/i);
    const { statusUpdateId } = attachEvidence(
      db,
      { sourceId, start: quote.start, end: quote.end, speaker: '' },
      best!.id,
      { statusId: statusId('in progress'), effectiveOn: '2025-09-04', note: 'Reported again.' },
    );
    const detail = getCommitment(db, best!.id);
    expect(detail.history.find((entry) => entry.id === statusUpdateId)?.evidence?.text).toBe(quote.sentence);
  });

  it('remembers a dismissed sentence, and refuses a span outside the text without writing', async () => {
    const { db, sourceId } = setUp();
    const [first] = (await readSource(db, sourceId)).candidates;
    dismissCandidate(db, sourceId, first!.start, first!.end);
    expect((await readSource(db, sourceId)).candidates.find((c) => c.start === first!.start)?.state).toBe(
      'dismissed',
    );
    const before = fingerprint(db);
    expect(() =>
      attachEvidence(db, { sourceId, start: 10, end: article.length + 5, speaker: '' }, 1, null),
    ).toThrow(/not inside source/);
    expect(fingerprint(db)).toBe(before);
  });

  it('detects the same article added twice and offers a merge', async () => {
    const { db, sourceId } = setUp();
    const again = {
      title: 'Same story',
      publisher: '',
      url: null,
      publishedOn: null,
      language: 'es',
      fullText: article + '\nActualizado.',
    };
    const before = fingerprint(db);
    expect(addSource(db, again, 'ask')).toMatchObject({
      id: null,
      duplicate: { id: sourceId, reason: 'nearly the same text' },
    });
    expect(fingerprint(db)).toBe(before);
    expect(addSource(db, again, 'merge')).toMatchObject({ id: sourceId, merged: true });
  });
});
