// The child process of crash.test.ts, killed with SIGKILL at a random moment while it writes.
//   node crash-writer.ts updates FILE        status updates (and now and then a commitment) through the
//                                            API, one after another; prints each id only once the call
//                                            has returned ok, i.e. once SQLite has committed it
//   node crash-writer.ts import FILE MARK N  one import of a CSV file of N commitments with their status,
//                                            in the dossier MARK: read and planned, then applied in one
//                                            transaction (electron/ingest/import, db/imports.ts)
// It prints "ready" when it starts writing. stdout is a pipe, and writes to pipes are synchronous on Linux:
// what the parent reads was printed before the kill.
import { writeSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { applyImport } from '../../db/imports.ts';
import { openDatabase } from '../../db/open.ts';
import { planDocument } from '../ingest/import/plan.ts';
import { readImport } from '../ingest/import/read-file.ts';
import { callOperation } from './dispatch.ts';

const say = (line: string): void => void writeSync(1, `${line}\n`);

function writeUpdates(db: Database): never {
  const commitments = db
    .prepare('SELECT id FROM commitment WHERE deleted_at IS NULL')
    .pluck()
    .all() as number[];
  // Statuses that need no reason on any day: nothing here is marked broken.
  const statuses = db
    .prepare('SELECT id FROM status WHERE score IS NULL OR score >= 0')
    .pluck()
    .all() as number[];
  const dossierId = db.prepare('SELECT id FROM dossier ORDER BY id LIMIT 1').pluck().get() as number;
  say('ready');
  for (let write = 0; ; write += 1) {
    if (write % 10 === 9) {
      const result = callOperation(db, 'createCommitment', {
        dossierId,
        title: `Acknowledged commitment ${write}`,
      });
      if (!result.ok) fail(result.error.message);
      say(`commitment ${(result.value as { id: number }).id}`);
      continue;
    }
    const result = callOperation(db, 'recordStatusUpdate', {
      commitmentId: commitments[write % commitments.length],
      statusId: statuses[write % statuses.length],
      effectiveOn: `2025-${String((write % 12) + 1).padStart(2, '0')}-15`,
      note: `Acknowledged write ${write}`,
    });
    if (!result.ok) fail(result.error.message);
    say(`update ${(result.value as { id: number }).id}`);
  }
}

/** The file an analyst would import: N rows of a spreadsheet saved as CSV, each with its status. */
function spreadsheet(mark: string, count: number): string {
  const rows = Array.from(
    { length: count },
    (_, index) =>
      `"${mark} commitment ${index}","Imported row ${index}, in the same transaction as every other row.",` +
      `pledge,"${mark}",2025-09-03,90,days,2025-09-03,in progress,2025-10-01`,
  );
  const header =
    'Title,Summary,Kind,Dossier,Announced on,Deadline amount,Deadline unit,Deadline from,Status,Status since';
  return [header, ...rows].join('\n');
}

/** Reads and plans the import first (no writing), then applies it: one transaction, as `import` does. */
async function writeImport(db: Database, mark: string, count: number): Promise<void> {
  const document = await readImport(`${mark}.csv`, new TextEncoder().encode(spreadsheet(mark, count)));
  const plan = planDocument(db, document, { today: '2025-10-01' });
  if (plan.newCommitments.length !== count)
    fail(`the plan has ${plan.newCommitments.length} new commitments`);
  say('ready');
  const started = performance.now();
  applyImport(db, plan);
  say(`imported in ${Math.round(performance.now() - started)} ms`);
}

function fail(message: string): never {
  process.stderr.write(`crash-writer: a write was refused: ${message}\n`);
  process.exit(3);
}

const [mode, file, mark, count] = process.argv.slice(2);
if (!file || (mode !== 'updates' && mode !== 'import'))
  fail('usage: crash-writer.ts updates|import FILE [MARK N]');
const db = openDatabase(file);
if (mode === 'updates') writeUpdates(db);
await writeImport(db, mark ?? 'import', Number(count ?? 1000));
db.close();
