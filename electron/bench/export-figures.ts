// The file figures: CSV of every commitment, XLSX of 10,000 with their history, the PDF briefing of 500,
// and the import of the CSV into an empty database, each through the app's own code, beside a floor.
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { publishTracker } from '../publish/publish.ts';
import { writeCsv } from '../reports/csv.ts';
import { exportReportToFile } from '../reports/export.ts';
import { trendsFromHistory } from '../reports/trends.ts';
import { writeXlsx } from '../reports/xlsx.ts';
import type { ReportScope } from '../reports/model.ts';
import { importFigures } from './import-figures.ts';
import { time, type Figure } from './measure.ts';

/** The commitments announced up to a day chosen so that about `count` of them fall in the scope. */
function scopeOf(db: Database, count: number): { scope: ReportScope; count: number } {
  const last = db
    .prepare(
      `SELECT announced_on FROM commitment WHERE deleted_at IS NULL
        ORDER BY announced_on, id LIMIT 1 OFFSET ?`,
    )
    .pluck()
    .get(count - 1) as string | undefined;
  const scope: ReportScope = last ? { dateField: 'announced_on', dateTo: last } : {};
  const actual = db
    .prepare(
      `SELECT count(*) FROM commitment WHERE deleted_at IS NULL ${last ? 'AND announced_on <= ?' : ''}`,
    )
    .pluck()
    .get(...(last ? [last] : [])) as number;
  return { scope, count: actual };
}

const thousands = (count: number) => count.toLocaleString('en-GB');

/**
 * The plainest CSV of the same commitments: one raw statement, its rows joined with commas and
 * written as they come, with no quoting of titles, no dates worked out, no statuses named.
 */
function rawCsv(db: Database, file: string): void {
  const out = openSync(file, 'w');
  try {
    const rows = db.prepare(
      `SELECT c.id, c.title, c.summary, c.kind, c.announced_on, c.due_on, u.status_id, u.effective_on
         FROM commitment c LEFT JOIN status_update u ON u.id = c.current_update_id
        WHERE c.deleted_at IS NULL ORDER BY c.id`,
    );
    let chunk = '';
    for (const row of rows.iterate() as Iterable<Record<string, unknown>>) {
      chunk += Object.values(row).join(',') + '\n';
      if (chunk.length > 1 << 20) {
        writeSync(out, chunk);
        chunk = '';
      }
    }
    writeSync(out, chunk);
  } finally {
    closeSync(out);
  }
}

export async function exportFigures(db: Database, size: string, scratch: string): Promise<Figure[]> {
  const now = new Date();
  const figures: Figure[] = [];
  const total = db
    .prepare('SELECT count(*) FROM commitment WHERE deleted_at IS NULL')
    .pluck()
    .get() as number;

  const csvFile = join(scratch, `${size}.csv`);
  // The writers alone: the whole export, snapshot and all, is processFigures's.
  const csv = await time(() => writeCsv(db, {}, csvFile), 3, 1);
  const csvFloor = await time(() => rawCsv(db, join(scratch, `${size}-raw.csv`)), 3, 1);
  figures.push({
    figure: `CSV of ${thousands(total)} commitments`,
    size,
    ...csv,
    floor: csvFloor.p50,
    target: '≤ 2 s at 100,000',
    met: csv.p95 <= 2000,
  });

  const tenThousand = scopeOf(db, 10_000);
  const xlsx = await time(() => writeXlsx(db, tenThousand.scope, join(scratch, `${size}.xlsx`), now), 3, 1);
  figures.push({
    figure: `XLSX of ${thousands(tenThousand.count)} with history`,
    size,
    ...xlsx,
    floor: null,
    target: '≤ 3 s at 10,000',
    met: xlsx.p95 <= 3000,
  });

  const fiveHundred = scopeOf(db, 500);
  const pdf = await time(
    () =>
      exportReportToFile(db, { scope: fiveHundred.scope, format: 'pdf' }, join(scratch, `${size}.pdf`), now),
    3,
    1,
  );
  figures.push({
    figure: `PDF briefing of ${thousands(fiveHundred.count)}`,
    size,
    ...pdf,
    floor: null,
    target: '≤ 5 s',
    met: pdf.p95 <= 5000,
  });
  const thousand = scopeOf(db, 1_000);
  let sites = 0;
  const published = await time(
    () =>
      publishTracker(
        db,
        { folder: join(scratch, `${size}-site-${(sites += 1)}`), scope: thousand.scope },
        now,
      ),
    3,
    1,
  );
  figures.push({
    figure: `publish a site of ${thousands(thousand.count)}`,
    size,
    ...published,
    floor: null,
    target: '≤ 10 s at 1,000',
    met: published.p95 <= 10_000,
  });

  const trends = await time(() => trendsFromHistory(db, {}, 'month'), 3, 1);
  figures.push({
    figure: `trends of ${thousands(total)}, worked out afresh`,
    size,
    ...trends,
    floor: null,
    target: '≤ 3 s (then kept)',
    met: trends.p95 <= 3000,
  });
  // The exports above were remembered as reports sent; a benchmark's reports are not the analyst's.
  db.prepare('DELETE FROM report_snapshot').run();

  figures.push(...(await importFigures(size, csvFile, scratch)));
  return figures;
}
