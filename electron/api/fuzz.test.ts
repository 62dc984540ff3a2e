// Bad input, at random: every API operation gets arbitrary values and near-valid inputs with one field
// made wrong (types, negative, NaN and fractional ids, huge and odd Unicode strings, prototype keys).
// Each call must end in a valid result or a clear error (never "internal"), the process must go on,
// and a call that failed must leave the database exactly as it was.
import type { Database } from 'better-sqlite3';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { fingerprint, temporaryDatabase } from '../../db/testing.ts';
import type { ApiResult } from './contract.ts';
import { callOperation, callOperationAsync } from './dispatch.ts';
import { operationNames } from './operation-names.ts';

const runs = { arbitrary: 100, nearValid: 150 };

/** A valid input per operation (over the sample dossier), from which the near-valid inputs are made. */
const validInputs: Record<string, Record<string, unknown>> = {
  listCommitments: { text: 'tariff', sort: 'title', direction: 'desc', limit: 50, statusCategory: 'open' },
  getCommitment: { id: 1, asOf: '2025-10-01' },
  createDossier: { name: 'Bilateral', description: 'Talks' },
  createCommitment: {
    dossierId: 1,
    title: 'Open a crossing',
    madeBy: [1],
    topicIds: [1],
    announcedOn: '2025-09-03',
    deadline: { amount: 90, unit: 'days', from: '2025-09-03' },
  },
  recordStatusUpdate: {
    commitmentId: 1,
    statusId: 3,
    effectiveOn: '2025-10-01',
    note: '**Met**',
    partyId: null,
  },
  getDashboard: { asOf: '2025-10-01', changesSince: '2025-09-01T00:00:00.000Z' },
  updateCommitment: { id: 2, title: 'Renamed', parentId: null, deadline: { on: '2026-01-01' } },
  deleteCommitment: { id: 3 },
  restoreCommitment: { id: 3 },
  bulkRecordStatus: { commitmentIds: [1, 2, 4], statusId: 3, effectiveOn: '2025-11-01', note: 'All of them' },
  listExcerpts: { commitmentId: 1, text: 'fentanyl' },
  saveDossier: { id: 1, name: 'Renamed dossier', description: '' },
  saveParty: { name: 'Canada', kind: 'state', actsForId: null, aliases: ['CA'] },
  saveTopic: { name: 'energy', parentId: 1, keywords: ['oil'] },
  saveStatus: { name: 'paused', colour: '#abcdef', category: 'open', score: 0 },
  referenceUsage: { kind: 'party', id: 1 },
  deleteReference: { kind: 'topic', id: 2 },
  saveView: { name: 'Tariffs', query: 'topic=1' },
  deleteView: { name: 'Tariffs' },
  saveSettings: { staleDays: 30, backupKeep: 5 },
  addSource: {
    title: 'Communiqué',
    fullText: 'Mexico will deploy 10,000 troops.',
    url: 'https://example.org/a',
  },
  listSources: { text: 'tariff' },
  readSource: { id: 1 },
  previewReport: { scope: { topicId: 1, dateField: 'due_on' }, since: '2025-09-01', format: 'pdf' },
  getScorecard: { scope: { dossierId: 1, asOf: '2026-01-31', dateField: 'due_on' }, compare: '2025-10-01' },
  getScorecardCell: { commitmentId: 1, partyId: 1, asOf: '2025-10-01' },
  planImportFile: {
    name: 'statuses.csv',
    contentBase64: Buffer.from('id,title,status,status_since\n1,,in progress,2025-10-01\n').toString(
      'base64',
    ),
  },
  draftSource: {
    name: 'statement.md',
    contentBase64: Buffer.from('# Joint statement\n\nMexico will deploy 10,000 troops.\n').toString('base64'),
  },
  extractPledges: {
    text: 'Mexico will deploy 10,000 troops to the border by 1 March 2026.',
    date: '2026-01-15',
  },
  updateSource: { id: 1, title: 'A corrected title', publishedOn: '2025-09-04' },
  createCommitmentFromQuote: {
    quote: { sourceId: 1, start: 0, end: 40 },
    commitment: { dossierId: 1, title: 'From a quote' },
  },
  attachEvidence: { quote: { sourceId: 1, start: 0, end: 40 }, commitmentId: 1 },
  dismissCandidate: { sourceId: 1, start: 0, end: 40 },
  suggestCommitments: { text: 'tariffs on steel', kind: 'threat' },
  restoreBackup: { name: 'pledgewatch.auto.2026-01-01T00-00-00-000Z.sqlite' },
};

const huge = ['x'.repeat(300_001), '€'.repeat(100_000), `${'a'.repeat(5_000)}\u0000`];

/** What a careless or hostile caller sends in place of one field. */
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    -1,
    0,
    -0,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    2 ** 53,
    -(2 ** 63),
    '',
    ' ',
    '1',
    '2025-02-30',
    '9999-99-99',
    null,
    undefined,
    true,
    [],
    {},
    [null],
    '\u202e\u0000\ud800',
    "'; DROP TABLE commitment; --",
    '__proto__',
    ...huge,
  ),
  fc.integer({ min: -3, max: 20 }),
  fc.double(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Objects with keys that pollute prototypes when code merges input carelessly. */
const pollution: unknown[] = [
  JSON.parse('{"__proto__": {"polluted": true}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
  JSON.parse('{"id": 1, "__proto__": {"id": 2}}'),
  Object.assign(Object.create(null) as object, { id: 1 }),
];

/** Values that pass the schema's types but may name things that are not there, or odd but valid text. */
const plausibleValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: 1, max: 25 }),
  fc.array(fc.integer({ min: 1, max: 25 }), { maxLength: 4 }),
  fc
    .date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true })
    .map((day) => day.toISOString().slice(0, 10)),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
  fc.constantFrom('state', 'person', 'open', 'closed', 'days', 'months', 'title', 'desc', 'ask', 'merge'),
);

/** The valid input with up to three fields (or extra keys) replaced. */
function nearValid(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = [...Object.keys(valid), '__proto__', 'constructor', 'prototype', 'extra'];
  const change = fc.tuple(fc.constantFrom(...keys), fc.oneof(wrongValue, plausibleValue, plausibleValue));
  return fc.array(change, { maxLength: 3 }).map((changes) => {
    const input: Record<string, unknown> = { ...valid };
    for (const [key, value] of changes) {
      // defineProperty, so that "__proto__" becomes an own key, as JSON.parse makes it.
      Object.defineProperty(input, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return input;
  });
}

const anyInput: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 3, withNullPrototype: true, withBoxedValues: true, withSparseArray: true }),
  fc.constantFrom(...pollution),
);

/** Forbidden: what the analyst has not allowed (reading Zotero while its setting is off). */
const knownCodes = ['invalid_input', 'not_found', 'conflict', 'forbidden'];

/** A valid result the transports can send, or an error an analyst can read. */
function expectClear(name: string, input: unknown, result: ApiResult<unknown>): void {
  const shown = () => `${name}(${JSON.stringify(input)?.slice(0, 300)})`;
  if (result.ok) {
    expect(() => JSON.stringify(result.value), shown()).not.toThrow();
    return;
  }
  expect(knownCodes, `${shown()} → ${result.error.code}: ${result.error.message}`).toContain(
    result.error.code,
  );
  expect(result.error.message, shown()).toMatch(/\S/);
  expect(result.error.message, shown()).not.toMatch(/\[object Object\]/);
}

/** Fingerprints only after calls that changed rows: total_changes() counts every row written, even rolled back. */
class Watcher {
  private readonly db: Database;
  private known: string;
  private changes: number;

  constructor(db: Database) {
    this.db = db;
    this.known = fingerprint(db);
    this.changes = this.totalChanges();
  }

  private totalChanges(): number {
    return this.db.prepare('SELECT total_changes()').pluck().get() as number;
  }

  /** Through callOperationAsync, as the transports call: the operations whose code loads later too. */
  async call(name: string, input: unknown): Promise<ApiResult<unknown>> {
    const result = await callOperationAsync(this.db, name, input);
    const changes = this.totalChanges();
    if (changes !== this.changes) {
      const now = fingerprint(this.db);
      if (!result.ok) expect(now, `${name} failed and changed the database`).toBe(this.known);
      this.known = now;
      this.changes = changes;
    }
    return result;
  }

  /** A failed call that wrote without counting a row change would show here. */
  verify(): void {
    expect(fingerprint(this.db)).toBe(this.known);
  }
}

let db: Database;
beforeAll(() => {
  db = temporaryDatabase().db;
  for (const [name, input] of [
    ['loadSample', {}],
    ['saveView', { name: 'Tariffs', query: 'topic=1' }],
  ] as const) {
    expect(callOperation(db, name, input)).toMatchObject({ ok: true });
  }
});

describe('every API operation, given random and malformed input', () => {
  it.each([...operationNames])(
    '%s answers a valid result or a clear error, and a failure writes nothing',
    async (name) => {
      const watcher = new Watcher(db);
      await fc.assert(
        fc.asyncProperty(anyInput, async (input) =>
          expectClear(name, input, await watcher.call(name, input)),
        ),
        { numRuns: runs.arbitrary },
      );
      const valid = validInputs[name] ?? {};
      let reachedHandler = 0;
      await fc.assert(
        fc.asyncProperty(nearValid(valid), async (input) => {
          const result = await watcher.call(name, input);
          expectClear(name, input, result);
          if (result.ok || result.error.code !== 'invalid_input') reachedHandler += 1;
        }),
        { numRuns: runs.nearValid },
      );
      // Near-valid inputs that never pass the schema would test only zod: keep validInputs up to date.
      if (name in validInputs)
        expect(reachedHandler, `${name}: inputs reaching the handler`).toBeGreaterThan(0);
      for (const text of huge) expectClear(name, text, await watcher.call(name, text));
      watcher.verify();
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it('refuses operation names that are not operations, of any type', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 1 }), (name) => {
        fc.pre(!(operationNames as readonly unknown[]).includes(name));
        expect(callOperation(db, name, {})).toMatchObject({
          ok: false,
          error: { code: 'unknown_operation' },
        });
      }),
      { numRuns: 200 },
    );
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(callOperation(db, name, {})).toMatchObject({ ok: false, error: { code: 'unknown_operation' } });
    }
  });
});
