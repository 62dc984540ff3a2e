// Team sync as a property: three members' machines share a dossier on a real PostgreSQL; fast-check
// drives random writes, syncs, syncs cut off at a random query, and the server stopping, crashing and
// starting. After the server is up and everyone has synced twice, every write a machine committed is on
// the server exactly once, and all three machines hold the same dossier.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { temporaryDatabase } from '../../db/testing.ts';
import { teamLink } from './changes.ts';
import { TeamError } from './team-error.ts';
import { syncDossier } from './sync.ts';
import { grantAndJoin, shareNewDossier, syncAs } from './testing/clients.ts';
import { cutAtQuery, type CutWhen } from './testing/cut.ts';
import { dossierDigest } from './testing/digest.ts';
import { TeamServer } from './testing/team-server.ts';
import {
  noteWrite,
  snapshot,
  write,
  type Machine,
  type Run,
  type Snapshot,
  type WriteKind,
  type Written,
} from './testing/machines.ts';

const logins = ['alice', 'bob', 'carol'] as const;

let server: TeamServer;
/** Whether the server runs now: a failed run may leave it stopped for the next one. */
let serverUp = true;
let runs = 0;

beforeAll(async () => {
  server = await TeamServer.start([{ name: 'alice', write: true }]);
}, 120_000);

afterAll(() => server?.destroy());

interface Model {
  serverUp: boolean;
}

/** A sync that may fail only because the server is down. */
async function sync(run: Run, index: number, pushBatch: number, pullBatch: number): Promise<void> {
  const { login, db } = run.machines[index]!;
  try {
    await syncAs(server, login, db, { pushBatch, pullBatch });
  } catch (error) {
    if (serverUp || !(error instanceof TeamError)) throw error;
  }
}

interface Cut {
  nth: number;
  when: CutWhen;
  /** Counting only COMMITs, where an acknowledgement can be lost. */
  commit: boolean;
}

/** A sync cut off at a query; small batches, so the cut lands anywhere in a push or a pull. */
async function cutSync(run: Run, index: number, cut: Cut): Promise<void> {
  const { login, db, dossierId } = run.machines[index]!;
  const client = await server.as(login);
  cutAtQuery(client, cut.nth, cut.when, cut.commit ? 'COMMIT' : undefined);
  try {
    await syncDossier(client, db, dossierId, { pushBatch: 2, pullBatch: 3 });
  } catch (error) {
    expect(error).toBeInstanceOf(TeamError);
  } finally {
    await server.close(client);
  }
}

class Step implements fc.AsyncCommand<Model, Run> {
  readonly label: string;
  readonly allowed: (model: Readonly<Model>) => boolean;
  readonly act: (model: Model, run: Run) => Promise<void>;

  constructor(
    label: string,
    allowed: (model: Readonly<Model>) => boolean,
    act: (model: Model, run: Run) => Promise<void>,
  ) {
    this.label = label;
    this.allowed = allowed;
    this.act = act;
  }

  check(model: Readonly<Model>): boolean {
    return this.allowed(model);
  }

  async run(model: Model, run: Run): Promise<void> {
    await this.act(model, run);
  }

  toString(): string {
    return this.label;
  }
}

const always = () => true;

const writeStep = (index: number, kind: WriteKind, pick: number) =>
  new Step(`${logins[index]} writes: ${kind} #${pick}`, always, async (_model, run) =>
    write(run, index, kind, pick),
  );

const syncStep = (index: number, pushBatch: number, pullBatch: number) =>
  new Step(`${logins[index]} syncs (push ${pushBatch}, pull ${pullBatch})`, always, (_model, run) =>
    sync(run, index, pushBatch, pullBatch),
  );

const cutStep = (index: number, cut: Cut) =>
  new Step(
    `${logins[index]}'s sync is cut ${cut.when} ${cut.commit ? 'COMMIT' : 'query'} ${cut.nth}`,
    (model) => model.serverUp,
    (_model, run) => cutSync(run, index, cut),
  );

/** A step of the server's: allowed while it is up (`up`) or down, and leaving it the other way. */
const serverStep = (label: string, up: boolean, act: () => Promise<void>) =>
  new Step(
    label,
    (model) => model.serverUp === up,
    async (model) => {
      await act();
      serverUp = model.serverUp = !up;
    },
  );

const serverSteps = {
  stop: serverStep('the server stops', true, () => server.cluster.stop()),
  crash: serverStep('the server crashes', true, () => server.cluster.kill()),
  start: serverStep('the server starts', false, () => server.cluster.start()),
};

const machine = fc.nat({ max: logins.length - 1 });
const when = fc.constantFrom<CutWhen>('before', 'after');
const steps = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .record({
        index: machine,
        kind: fc.constantFrom<WriteKind>('status', 'title', 'summary', 'add', 'trash', 'undo'),
        // 0 is the newest commitment here: an edit right after an add is where folding goes wrong.
        pick: fc.oneof(fc.constant(0), fc.nat({ max: 99 })),
      })
      .map(({ index, kind, pick }) => writeStep(index, kind, pick)),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({ index: machine, pushBatch: fc.constantFrom(1, 3, 1000), pullBatch: fc.constantFrom(2, 1000) })
      .map(({ index, pushBatch, pullBatch }) => syncStep(index, pushBatch, pullBatch)),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({
        index: machine,
        cut: fc.oneof(
          fc.record({ nth: fc.integer({ min: 1, max: 16 }), when, commit: fc.constant(false) }),
          fc.record({ nth: fc.integer({ min: 1, max: 4 }), when, commit: fc.constant(true) }),
        ),
      })
      .map(({ index, cut }) => cutStep(index, cut)),
  },
  { weight: 1, arbitrary: fc.constantFrom(serverSteps.stop, serverSteps.crash) },
  { weight: 2, arbitrary: fc.constant(serverSteps.start) },
);

/**
 * Interleavings too particular for random generation to find in a few runs, kept as examples that run
 * every time: an edit of a new commitment after the push of it lost its acknowledgement.
 */
const examples: [Iterable<Step>][] = [
  [[writeStep(0, 'add', 0), cutStep(0, { nth: 1, when: 'after', commit: true }), writeStep(0, 'title', 0)]],
];

/** A fresh dossier of three commitments, shared by alice and joined by bob and carol. */
async function newRun(): Promise<Run> {
  if (!serverUp) await server.cluster.start();
  serverUp = true;
  runs += 1;
  const name = `Property run ${runs}`;
  const empty = (): Written => ({
    statusUpdates: new Set(),
    commitments: new Set(),
    retractions: new Set(),
    lastValues: new Map(),
  });
  const machines: Machine[] = [];
  for (const login of logins) {
    const db = temporaryDatabase().db;
    const link =
      login === 'alice'
        ? await shareNewDossier(server, login, db, name, 3)
        : await grantAndJoin(server, login, db, name);
    machines.push({ login, db, dossierId: link.dossierId, written: empty() });
  }
  const sharer = machines[0]!;
  const nothing: Snapshot = { statusUpdates: new Set(), retracted: new Set(), commitments: new Map() };
  noteWrite(sharer, nothing, snapshot(sharer));
  return { dossierUid: teamLink(sharer.db, sharer.dossierId)!.dossierUid, machines, day: 0 };
}

interface LoggedRow {
  entity: string;
  op: string;
  entity_uid: string;
  field: string | null;
  author: string;
  payload: Record<string, unknown>;
}

async function serverLog(dossierUid: string): Promise<{ rows: LoggedRow[]; last: number }> {
  const admin = await server.admin();
  try {
    const { rows } = await admin.query<LoggedRow>(
      `SELECT entity, op, entity_uid, field, author, payload FROM pledgewatch.change WHERE dossier_uid = $1`,
      [dossierUid],
    );
    const last = await admin.query<{ last: string }>(
      'SELECT max(seq) AS last FROM pledgewatch.change WHERE dossier_uid = $1',
      [dossierUid],
    );
    return { rows, last: Number(last.rows[0]!.last) };
  } finally {
    await server.close(admin);
  }
}

/** Entity uid → the authors of its entries of this kind, one per entry. */
function authorsOf(rows: LoggedRow[], entity: string, op: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const row of rows.filter((each) => each.entity === entity && each.op === op)) {
    found.set(row.entity_uid, [...(found.get(row.entity_uid) ?? []), row.author]);
  }
  return found;
}

async function checkConverged(run: Run): Promise<void> {
  const { rows, last } = await serverLog(run.dossierUid);
  const kinds: [keyof Written, string, string][] = [
    ['statusUpdates', 'status_update', 'create'],
    ['commitments', 'commitment', 'create'],
    ['retractions', 'status_update', 'retract'],
  ];
  for (const [kind, entity, op] of kinds) {
    const onServer = authorsOf(rows, entity, op);
    const made = new Map<string, string[]>();
    for (const { login, written } of run.machines) {
      for (const uid of written[kind] as Set<string>) made.set(uid, [...(made.get(uid) ?? []), login]);
    }
    // Each on the server exactly once, by the member who wrote it, and nothing no one wrote.
    expect(Object.fromEntries(onServer), `${entity} ${op} on the server`).toEqual(Object.fromEntries(made));
  }
  for (const { login, written } of run.machines) {
    for (const [key, value] of written.lastValues) {
      const [uid, field] = key.split('\n') as [string, string];
      const there = rows.some(
        (row) =>
          row.entity === 'commitment' &&
          row.entity_uid === uid &&
          ((row.op === 'set' && row.field === field && row.payload.value === value) ||
            (row.op === 'create' && row.payload[field] === value)),
      );
      expect(there, `${login}'s last ${field} of ${uid} (${JSON.stringify(value)}) on the server`).toBe(true);
    }
  }
  const [first, ...others] = run.machines;
  const digest = dossierDigest(first!.db, run.dossierUid);
  for (const machine of run.machines) {
    expect(machine.db.prepare('SELECT count(*) AS n FROM team_outbox').get()).toEqual({ n: 0 });
    expect(teamLink(machine.db, machine.dossierId)!.cursor).toBe(last);
  }
  for (const other of others) expect(dossierDigest(other.db, run.dossierUid)).toEqual(digest);
}

it('three machines end with every committed write on the server once, and the same dossier', async () => {
  await fc.assert(
    fc.asyncProperty(fc.commands([steps], { maxCommands: 25, size: 'max' }), async (commands) => {
      const run = await newRun();
      try {
        await fc.asyncModelRun(() => ({ model: { serverUp: true }, real: run }), commands);
        if (!serverUp) await server.cluster.start();
        serverUp = true;
        for (let round = 0; round < 2; round += 1) {
          for (const { login, db } of run.machines) await syncAs(server, login, db);
        }
        await checkConverged(run);
      } finally {
        await server.closeAll();
        for (const { db } of run.machines) db.close();
      }
    }),
    { numRuns: 15, examples },
  );
}, 600_000);
