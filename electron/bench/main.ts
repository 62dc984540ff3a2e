// `npm run bench`: builds Small, Medium and Large databases (cached) and measures the design's targets,
// each beside its floor, then the team sync figures, and prints one table (and writes JSON with --json FILE).
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadMigrations } from '../../db/migrations.ts';
import { openDatabase } from '../../db/open.ts';
import { generateDatabase, generatorVersion, sizes } from './generate.ts';
import { printTable, type Figure } from './measure.ts';
import { writeTable } from '../reports/export.ts';
import { exportFigures } from './export-figures.ts';
import { extractionFigures } from './extraction-figures.ts';
import { importFigures } from './import-figures.ts';
import { processFigures } from './process-figures.ts';
import { queryFigures } from './query-figures.ts';
import { scorecardFigures } from './scorecard-figures.ts';
import { searchFigures } from './search-figures.ts';
import { serverFigures } from './server-figures.ts';
import { teamFigures } from './team-figures.ts';
import { printFlatTable } from './flat-table.ts';

type SizeName = keyof typeof sizes;

/** Generated databases are kept between runs, keyed by size, schema version and generator version. */
function databaseFor(size: SizeName, folder: string): string {
  const file = join(folder, `${size}-v${loadMigrations().length}-g${generatorVersion}.sqlite`);
  if (existsSync(file)) return file;
  const started = performance.now();
  process.stderr.write(`bench: generating the ${size} database… `);
  const partial = `${file}.partial`;
  generateDatabase(partial, sizes[size]);
  renameSync(partial, file);
  process.stderr.write(`${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return file;
}

/** --only search, --only import: the one figure, on the database of this size. */
async function searchOrImport(
  only: 'search' | 'import',
  file: string,
  size: string,
  scratch: string,
): Promise<Figure[]> {
  const db = openDatabase(file);
  try {
    if (only === 'search') return await searchFigures(db, size);
    const csvFile = join(scratch, `${size}.csv`);
    await writeTable(db, {}, 'csv', csvFile, new Date());
    return await importFigures(size, csvFile, scratch);
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', multiple: true },
      json: { type: 'string' },
      cache: { type: 'string' },
      /** Leaves out the exports and the import, which take minutes at Large. */
      'no-files': { type: 'boolean' },
      /**
       * Only the team sync figures (--only team), only the database sizes (--only sizes), only the
       * scorecard (--only scorecard), only full-text search (--only search), only the import of
       * the CSV export (--only import), only the exports and the import, in process and as whole
       * command-line processes (--only exports), only browser mode (--only browser), or only
       * extraction (--only extraction); each but extraction at Large unless --size says otherwise.
       * --only flat: the page, the as-of page, the dashboard, changes since and search at every size
       * asked (small, medium and large unless --size says; xl only when named), and their table.
       */
      only: { type: 'string' },
    },
  });
  const only = values.only;
  const onlyChoices = [
    'team',
    'sizes',
    'flat',
    'scorecard',
    'search',
    'import',
    'exports',
    'browser',
    'extraction',
  ];
  if (only !== undefined && !onlyChoices.includes(only))
    throw new Error(`--only ${only}: use ${onlyChoices.join(', ')}.`);
  const largeOnly = only !== undefined && !['team', 'sizes', 'flat', 'extraction'].includes(only);
  const everySize = largeOnly ? ['large'] : ['small', 'medium', 'large'];
  const chosen = only === 'team' || only === 'extraction' ? [] : ((values.size ?? everySize) as SizeName[]);
  for (const size of chosen)
    if (!(size in sizes)) throw new Error(`--size ${size}: use small, medium, large or xl.`);
  const folder = values.cache ?? join(tmpdir(), 'pledgewatch-bench');
  mkdirSync(folder, { recursive: true });
  const scratch = mkdtempSync(join(tmpdir(), 'pledgewatch-bench-files-'));
  const figures: Figure[] = [];
  for (const size of chosen) {
    const file = databaseFor(size, folder);
    if (only === 'search' || only === 'import') {
      figures.push(...(await searchOrImport(only, file, size, scratch)));
      continue;
    }
    if (only === 'browser') {
      figures.push(...(await serverFigures(file, size)));
      continue;
    }
    if (only === 'flat') {
      const db = openDatabase(file);
      try {
        figures.push(...(await queryFigures(db, size)), ...(await searchFigures(db, size)));
      } finally {
        db.close();
      }
      continue;
    }
    if (only === 'exports') {
      const db = openDatabase(file);
      try {
        figures.push(...(await exportFigures(db, size, scratch)));
      } finally {
        db.close();
      }
      figures.push(...(await processFigures(file, size, scratch)));
      continue;
    }
    // Before the database is opened: its scorecard copy is made from the closed file.
    const scorecard = await scorecardFigures(file, size);
    if (only === 'scorecard') {
      figures.push(...scorecard);
      continue;
    }
    const db = openDatabase(file);
    try {
      figures.push(...(await queryFigures(db, size)));
      figures.push(...(await searchFigures(db, size)));
      if (!values['no-files']) figures.push(...(await exportFigures(db, size, scratch)));
    } finally {
      db.close();
    }
    // Once it is closed: each process works on a copy of the file.
    if (!values['no-files']) figures.push(...(await processFigures(file, size, scratch)));
    figures.push(...scorecard);
    figures.push(...(await serverFigures(file, size)));
  }
  rmSync(scratch, { recursive: true, force: true });
  if (only === undefined || only === 'extraction') figures.push(...(await extractionFigures()));
  if (only === undefined || only === 'team') figures.push(...(await teamFigures()));
  console.log(printTable(figures));
  if (only === 'flat') console.log(`\n${printFlatTable(figures)}`);
  if (values.json) writeFileSync(values.json, JSON.stringify(figures, null, 2) + '\n');
  const missed = figures.filter((figure) => !figure.met);
  if (missed.length > 0) console.log(`\n${missed.length} figure(s) missed their target.`);
}

main().catch((error: unknown) => {
  console.error(`bench: ${(error as Error).message}`);
  process.exitCode = 1;
});
