import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { getCommitment } from './commitments.ts';
import { createDossier, saveParty } from './reference.ts';
import {
  bulkRecordStatus,
  evidenceOf,
  historyOf,
  recordStatusUpdate,
  retractUpdates,
  type RecordedStatusUpdate,
} from './status-updates.ts';
import {
  fingerprint,
  newCommitment,
  newStatusUpdate,
  shareDossier,
  statusIdOf,
  temporaryDatabase,
} from './testing.ts';
import { deleteCommitment } from './trash.ts';
import { insertCommitment, type NewCommitment } from './commitment-add.ts';

function setUp() {
  const { db } = temporaryDatabase();
  const dossierId = createDossier(db, 'Bilateral', '');
  const add = (title: string, input: Partial<NewCommitment> = {}) =>
    insertCommitment(
      db,
      newCommitment(dossierId, {
        title,
        kind: 'reprieve',
        announcedOn: '2025-07-31',
        deadline: { amount: 90, unit: 'days', from: '2025-07-31' }, // due 2025-10-29
        ...input,
      }),
    );
  const status = (name: string) => statusIdOf(db, name);
  const record = (
    commitmentId: number,
    name: string,
    effectiveOn: string,
    more: Partial<RecordedStatusUpdate> = {},
  ) => recordStatusUpdate(db, newStatusUpdate(commitmentId, status(name), effectiveOn, more));
  return { db, add, status, record };
}

function excerpt(db: Database, text: string): number {
  const source = db
    .prepare(
      `INSERT INTO source (title, full_text, text_sha256, published_on) VALUES ('Statement', ?, 'x', '2025-09-04')`,
    )
    .run(text).lastInsertRowid;
  return Number(
    db
      .prepare('INSERT INTO excerpt (source_id, start, end, text) VALUES (?, 0, ?, ?)')
      .run(source, text.length, text).lastInsertRowid,
  );
}

const refusal = (code: string, path: string, message: string | RegExp) =>
  expect.objectContaining({ code, path, message: expect.stringMatching(message) });

describe('the broken-before-deadline rule', () => {
  it('refuses "broken" before the deadline without a reason, naming the date, and changes nothing', () => {
    const { db, add, record } = setUp();
    const id = add('90-day tariff reprieve');
    const before = fingerprint(db);
    expect(() => record(id, 'broken', '2025-10-01')).toThrow(
      refusal(
        'invalid_input',
        'brokenBeforeDeadlineReason',
        /^Marking this commitment broken before its deadline \(29 Oct 2025\) needs a reason\.$/,
      ),
    );
    expect(() => record(id, 'broken', '2025-10-01', { brokenBeforeDeadlineReason: '   ' })).toThrow(
      refusal('invalid_input', 'brokenBeforeDeadlineReason', /needs a reason/),
    );
    expect(() => record(id, 'withdrawn', '2025-10-28')).toThrow(
      refusal('invalid_input', 'brokenBeforeDeadlineReason', /withdrawn before its deadline/),
    );
    expect(fingerprint(db)).toBe(before);
  });

  it('stores the reason at the head of the note', () => {
    const { db, add, record } = setUp();
    const id = add('90-day tariff reprieve');
    record(id, 'broken', '2025-10-01', {
      note: 'See the **proclamation**.',
      brokenBeforeDeadlineReason: 'Tariffs reimposed by proclamation',
    });
    const [latest] = historyOf(db, id);
    expect(latest).toMatchObject({
      status: { name: 'broken' },
      note: 'Marked broken before its deadline: Tariffs reimposed by proclamation\n\nSee the **proclamation**.',
    });
  });

  it('allows "broken" on or after the deadline, and other statuses before it, without a reason', () => {
    const { db, add, record } = setUp();
    const id = add('90-day tariff reprieve');
    record(id, 'at risk', '2025-10-01');
    record(id, 'broken', '2025-10-29', { note: 'Lapsed.' });
    expect(historyOf(db, id)[0]).toMatchObject({ status: { name: 'broken' }, note: 'Lapsed.' });
  });

  it('needs a reason on a commitment with no deadline at all', () => {
    const { db, add, record } = setUp();
    const id = add('Keep migration under control', { deadline: null });
    expect(() => record(id, 'broken', '2026-01-01')).toThrow(
      refusal('invalid_input', 'brokenBeforeDeadlineReason', /broken when it has no deadline needs a reason/),
    );
    record(id, 'broken', '2026-01-01', { brokenBeforeDeadlineReason: 'Policy reversed' });
    expect(getCommitment(db, id).status?.name).toBe('broken');
  });

  it('refuses to create a commitment already broken before its deadline', () => {
    const { db, add, status } = setUp();
    const before = fingerprint(db);
    expect(() => add('Broken at once', { statusId: status('broken') })).toThrow(
      refusal('invalid_input', 'statusId', /needs a reason/),
    );
    expect(fingerprint(db)).toBe(before);
  });
});

describe('retracted status updates', () => {
  it('move the current status back and drop out of the history, which stays whole in the table', () => {
    const { db, add, record } = setUp();
    const id = add('90-day tariff reprieve');
    record(id, 'in progress', '2025-08-15');
    const stalled = record(id, 'stalled', '2025-09-15');
    expect(getCommitment(db, id).status?.name).toBe('stalled');
    retractUpdates(db, [stalled], [], 'undone');
    const detail = getCommitment(db, id);
    expect(detail.status?.name).toBe('in progress');
    expect(detail.statusSince).toBe('2025-08-15');
    expect(detail.history.map((entry) => entry.status.name)).toEqual(['in progress', 'not yet assessed']);
    expect(db.prepare('SELECT count(*) FROM status_update WHERE commitment_id = ?').pluck().get(id)).toBe(3);
    expect(db.prepare('SELECT reason FROM status_update_retraction').pluck().all()).toEqual(['undone']);
    expect(() => retractUpdates(db, [stalled], [], 'undone')).toThrow(/already retracted/);
  });

  it('keeps a retracted update out of the current status when an older one is recorded after it', () => {
    const { db, add, record } = setUp();
    const id = add('90-day tariff reprieve');
    const later = record(id, 'stalled', '2025-09-15');
    retractUpdates(db, [later], [], 'undone');
    record(id, 'in progress', '2025-08-15');
    expect(getCommitment(db, id).status?.name).toBe('in progress');
  });

  it('take away the evidence link they alone added', () => {
    const { db, add, record } = setUp();
    const quote = excerpt(db, 'The reprieve will run for 90 days.');
    const id = add('90-day tariff reprieve');
    const update = record(id, 'in progress', '2025-08-15', { excerptId: quote });
    expect(evidenceOf(db, id).map((evidence) => evidence.excerptId)).toEqual([quote]);
    retractUpdates(db, [update], [{ commitmentId: id, excerptId: quote }], 'undone');
    expect(evidenceOf(db, id)).toEqual([]);
  });

  it('show history as of a day: only what had taken effect by then', () => {
    const { db, add, record } = setUp();
    const id = add('90-day tariff reprieve');
    record(id, 'in progress', '2025-08-15');
    record(id, 'stalled', '2025-09-15');
    expect(historyOf(db, id, '2025-09-01').map((entry) => entry.status.name)).toEqual([
      'in progress',
      'not yet assessed',
    ]);
  });
});

describe('bulkRecordStatus', () => {
  it('records the same status on every commitment of a selection', () => {
    const { db, add, status } = setUp();
    const ids = [add('First'), add('Second'), add('Third')];
    const updates = bulkRecordStatus(db, {
      commitmentIds: ids,
      statusId: status('in progress'),
      effectiveOn: '2025-10-01',
      note: 'Group meeting.',
    });
    expect(updates).toHaveLength(3);
    for (const id of ids)
      expect(getCommitment(db, id)).toMatchObject({
        status: { name: 'in progress' },
        history: [{ note: 'Group meeting.' }, {}],
      });
  });

  it('is all or nothing, and names the commitment that failed', () => {
    const { db, add, status } = setUp();
    const first = add('First');
    const gone = add('Halt the flow of fentanyl and other synthetic drugs');
    deleteCommitment(db, gone);
    const before = fingerprint(db);
    expect(() =>
      bulkRecordStatus(db, {
        commitmentIds: [first, gone],
        statusId: status('in progress'),
        effectiveOn: '2025-10-01',
        note: '',
      }),
    ).toThrow(
      refusal('not_found', 'commitmentIds', new RegExp(`^Commitment ${gone} “Halt the flow of fentanyl…”: `)),
    );
    expect(() =>
      bulkRecordStatus(db, {
        commitmentIds: [first, 404],
        statusId: status('in progress'),
        effectiveOn: '2025-10-01',
        note: '',
      }),
    ).toThrow(refusal('not_found', 'commitmentIds', /^Commitment 404: No commitment has id 404\.$/));
    expect(() =>
      bulkRecordStatus(db, { commitmentIds: [first], statusId: 99, effectiveOn: '2025-10-01', note: '' }),
    ).toThrow(refusal('not_found', 'statusId', /No status has id 99/));
    expect(fingerprint(db)).toBe(before);
  });

  it('applies the broken rule to each commitment, one reason covering the batch', () => {
    const { db, add, status } = setUp();
    const due = add('Due later'); // due 2025-10-29
    const past = add('Due earlier', { deadline: { on: '2025-08-01' } });
    const input = {
      commitmentIds: [past, due],
      statusId: status('broken'),
      effectiveOn: '2025-10-01',
      note: '',
    };
    const before = fingerprint(db);
    expect(() => bulkRecordStatus(db, input)).toThrow(
      refusal(
        'invalid_input',
        'brokenBeforeDeadlineReason',
        new RegExp(
          `^Commitment ${due} “Due later”: Marking this commitment broken before its deadline \\(29 Oct 2025\\)`,
        ),
      ),
    );
    expect(fingerprint(db)).toBe(before);
    bulkRecordStatus(db, { ...input, brokenBeforeDeadlineReason: 'Talks collapsed' });
    expect(historyOf(db, due)[0]!.note).toBe('Marked broken before its deadline: Talks collapsed');
    // Past its deadline the rule does not apply, so the reason is not written there.
    expect(historyOf(db, past)[0]!.note).toBe('');
  });
});

describe('recordStatusUpdate', () => {
  it('refuses a per-party update for a party that did not make the commitment', () => {
    const { db, add, record } = setUp();
    const canada = saveParty(db, { name: 'Canada', kind: 'state', actsForId: null, aliases: [] });
    const id = add('90-day tariff reprieve');
    const before = fingerprint(db);
    expect(() => record(id, 'in progress', '2025-10-01', { partyId: canada })).toThrow(
      refusal('invalid_input', 'partyId', /did not make/),
    );
    expect(fingerprint(db)).toBe(before);
  });
});

describe('who recorded a status update', () => {
  it('is nobody in a dossier never shared, then the member, once the dossier is shared', () => {
    const { db, add, record } = setUp();
    const id = add('90-day tariff reprieve');
    record(id, 'in progress', '2025-08-01');
    expect(historyOf(db, id).map((entry) => entry.recordedBy)).toEqual([null, null]);

    shareDossier(db, getCommitment(db, id).dossier.id, 'alice');
    const shared = record(id, 'at risk', '2025-09-01');
    // Pulled from the team's server: the author is the server's, not this machine's member.
    const pulled = record(id, 'stalled', '2025-10-01');
    db.prepare("UPDATE status_update SET recorded_by = 'bob' WHERE id = ?").run(pulled);
    expect(historyOf(db, id).map((entry) => [entry.status.name, entry.recordedBy])).toEqual([
      ['stalled', 'bob'],
      ['at risk', 'alice'],
      ['in progress', null],
      ['not yet assessed', null],
    ]);
    expect(getCommitment(db, id).history.find((entry) => entry.id === shared)?.recordedBy).toBe('alice');
    expect(historyOf(db, id, '2025-09-15')[0]).toMatchObject({ id: shared, recordedBy: 'alice' });
  });
});
