// The exports as the analyst runs them from the command line: each a whole `report` process, timed from
// spawn to exit, on a copy of the bench database (a report is remembered in the file it reads).
import { spawn } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../db/open.ts';
import { time, type Figure } from './measure.ts';

const cliMain = join(import.meta.dirname, '..', 'cli', 'main.ts');
const openAndExit = join(import.meta.dirname, 'open-and-exit.ts');

/** Runs node with `args` to its end; a failed run fails the figure with what it printed. */
function run(args: string[]): Promise<void> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0 ? done() : fail(new Error(`node ${args.join(' ')} exited with ${code}: ${errors}`)),
    );
  });
}

/**
 * `file` must be closed (so its WAL is folded in and a plain copy is whole). The floor is a process
 * that opens the database as the command line does, and exits: Node's start, loading db/ and the
 * driver, and the open.
 */
export async function processFigures(file: string, size: string, scratch: string): Promise<Figure[]> {
  const copy = join(scratch, `${size}-process.sqlite`);
  copyFileSync(file, copy);
  try {
    const db = openDatabase(copy);
    const total = db
      .prepare('SELECT count(*) FROM commitment WHERE deleted_at IS NULL')
      .pluck()
      .get() as number;
    db.close();
    const thousands = total.toLocaleString('en-GB');
    const floor = await time(() => run([openAndExit, copy]), 5, 1);
    const figures: Figure[] = [];
    for (const format of ['xlsx', 'csv'] as const) {
      const out = join(scratch, `${size}-process.${format}`);
      const report = await time(
        () => run([cliMain, 'report', '--format', format, '--out', out, '--db', copy, '--language', 'en']),
        5,
        1,
      );
      figures.push({
        figure: `report --format ${format} of ${thousands}${format === 'xlsx' ? ' with history' : ''}, whole process`,
        size,
        ...report,
        floor: floor.p50,
        target: '≤ 2000 ms',
        met: report.p95 <= 2000,
      });
    }
    return figures;
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${copy}${suffix}`, { force: true });
  }
}
