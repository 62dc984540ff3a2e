// The import figure: the CSV export of every commitment imported into an empty database by the app's
// own planner and writer, beside the same file parsed by the same parser and inserted raw.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { openDatabase } from '../../db/open.ts';
import { applyImport } from '../../db/imports.ts';
import { planImport } from '../ingest/import/plan.ts';
import { time, type Figure } from './measure.ts';

/**
 * The floor of an import: the file parsed by the same CSV parser and its rows inserted with raw
 * statements in one transaction (each commitment and its one status update), with no checks at all.
 */
function rawImport(csv: string, file: string): void {
  const db = openDatabase(file);
  try {
    const rows = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const status = db.prepare('SELECT id FROM status ORDER BY position LIMIT 1').pluck().get() as number;
    db.transaction(() => {
      const dossier = Number(
        db.prepare(`INSERT INTO dossier (name) VALUES ('Imported')`).run().lastInsertRowid,
      );
      const commitment = db.prepare(
        `INSERT INTO commitment (dossier_id, title, summary, kind, announced_on, deadline_on) VALUES (?, ?, ?, ?, ?, ?)`,
      );
      const update = db.prepare(
        `INSERT INTO status_update (commitment_id, status_id, effective_on) VALUES (?, ?, ?)`,
      );
      for (const row of rows) {
        const id = commitment.run(
          dossier,
          row.title,
          row.summary ?? '',
          row.kind || 'pledge',
          row.announced_on || null,
          row.deadline_on || null,
        ).lastInsertRowid;
        update.run(id, status, row.status_since || row.announced_on || '2020-01-01');
      }
    })();
  } finally {
    db.close();
  }
}

/** Imports `csvFile` (written by the CSV export) into empty databases made in `scratch`. */
export async function importFigures(size: string, csvFile: string, scratch: string): Promise<Figure[]> {
  const text = readFileSync(csvFile, 'utf8');
  /** An empty database for one run, removed with its WAL afterwards. */
  const intoEmpty = async (work: (file: string) => unknown) => {
    const folder = mkdtempSync(join(scratch, 'import-'));
    try {
      await work(join(folder, 'empty.sqlite'));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  };
  let count = 0;
  const imported = await time(
    () =>
      intoEmpty(async (file) => {
        const target = openDatabase(file);
        try {
          count = applyImport(target, await planImport(target, csvFile)).newCommitmentIds.length;
        } finally {
          target.close();
        }
      }),
    2,
    0,
  );
  const importFloor = await time(() => intoEmpty((file) => rawImport(text, file)), 2, 0);
  return [
    {
      figure: `import of ${count.toLocaleString('en-GB')} from CSV`,
      size,
      ...imported,
      floor: importFloor.p50,
      target: '≤ 5 s at 100,000, ≤ 2× floor',
      met: imported.p95 <= 5000 && imported.p50 <= 2 * importFloor.p50,
    },
  ];
}
