// The command line's commands, over the same API and database as the app.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { resolveDatabasePath } from '../../db/location.ts';
import { openDatabase, type Database } from '../../db/open.ts';
import { backupDatabase, checkDatabase, restoreDatabase } from './maintenance.ts';
import { runExtract } from './extract.ts';
import { importSource, isCitationFile, isSourceFile, isSpreadsheetFile } from './import.ts';
import { call } from './operations.ts';
import { UsageError } from './usage-error.ts';

export const usage = `Usage: npm run cli -- <command> [--db PATH]
Commands:
  sample                         load the US–Mexico 2025 sample dossier
  report --format pdf|xlsx|csv|md|json|docx|html --out FILE
         [--dossier X] [--topic X] [--party X] [--status X] [--text WORDS]
         [--status-category open|closed] [--deadline-state none|upcoming|due_soon|passed|met]
         [--as-of YYYY-MM-DD]          the state on that day, from history (default: today)
         [--since YYYY-MM-DD]          what changed since that day
         [--template NAME]             a report sent again and again ("Friday briefing"): without
                                       --since, lists what changed since its last report
         [--style chicago-author-date|apa|harvard1]
                                       the citation style of its sources (default: the settings')
  report --format csl-json|bibtex --out FILE [filters]
                                 the evidence of the report: the sources its commitments quote, for a
                                 reference manager (Zotero, Mendeley, JabRef)
  report --kind scorecard --format pdf|xlsx|csv|md|json|docx|html --out FILE
         [--as-of YYYY-MM-DD] [--compare YYYY-MM-DD] [--dossier X] [--topic X] [--party X] …
                                 the compliance scorecard: each party's status and score per
                                 commitment, means and percentages; --compare: an earlier day
  calendar --out FILE.ics [filters] [--title NAME]
                                 the due dates as all-day calendar events; importing the file again
                                 updates them (stable UIDs)
  publish --out FOLDER [filters] [--title TEXT] [--include-notes]
                                 the scope as a static website that opens from disk: an index, a page
                                 per commitment and per source; publishing again updates it
  import FILE.csv|.xlsx|.json [--dry-run]
                                 commitments and status updates, in the columns the exports use:
                                 prints what changes, then writes it all or nothing
  import FILE.json|.ris|.bib [--dry-run]
                                 sources from a Zotero export (CSL JSON, RIS, BibTeX), with the text of
                                 the attachments it names; all or nothing. A .json that is a list of
                                 items is CSL JSON; one that is a Pledgewatch report holds commitments
  import FILE [--on-duplicate ask|merge|keep-both]
                                 add an article (.txt, .md, .html, .pdf) as a source
  extract FILE [--json] [--date YYYY-MM-DD]
                                 the sentences of an article that read as commitments, ranked
  backup [--out FILE]            copy the database with SQLite's online backup
  restore FILE                   replace the database with a backup (checked first; the app closed);
                                 the database as it was is kept in the backups folder
  check                          run SQLite's quick_check and the foreign key check
  team init --server URL         set up the team's schema in PostgreSQL (as a superuser or CREATEROLE admin)
  team add-member NAME --write|--read [--dossier NAME] --server URL [--password-file FILE]
                                 create or change a member's login: --write without --dossier lets
                                 them share dossiers; the password is asked for unless in FILE
  team remove-member NAME --server URL
                                 drop a member's login and grants; their changes keep their name
  team members [--json] --server URL
                                 the members, and what each may read or write
  team share --dossier NAME --server URL [--member NAME]
                                 put a dossier on the team's server
  team join --dossier NAME --server URL [--member NAME]
                                 take a dossier shared on the team's server into this database
  team sync                      send this database's changes to the shared dossiers, fetch the others'
  team status [--json]           the shared dossiers of this database: last sync, unsent changes, conflicts
  feeds add URL [--every MINUTES] watch an RSS, Atom or JSON feed (checked every 60 minutes unless told)
  feeds list [--json]            the watched feeds: last checked, last error
  feeds remove URL               stop watching a feed; the sources it brought in stay
  feeds check [URL]              check every feed (or one) now: new items become sources in the inbox
  inbox [--json]                 the items waiting to be read, newest first, with the commitments each
                                 may concern and the status its words suggest
  zotero on [--port N] | off     allow (or stop) reading a running Zotero (7 or later) through its local
                                 API on 127.0.0.1 (port 23119 unless told); off until turned on
  zotero collections [--json]    the collections of the running Zotero's library
  zotero import [--collection NAME|KEY] [--dry-run]
                                 its items (or one collection's) as sources, with the text Zotero indexed
                                 from each one's attachment; all or nothing
The database is --db PATH, else PLEDGEWATCH_DB, else the app's data folder.
A --server URL is postgres://LOGIN@HOST:PORT/DATABASE[?sslmode=verify-full]; with no password in it,
PGPASSWORD or the pgpass file (PGPASSFILE, else ~/.pgpass) gives one.`;

const options = {
  db: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  dossier: { type: 'string' },
  topic: { type: 'string' },
  party: { type: 'string' },
  status: { type: 'string' },
  text: { type: 'string' },
  'status-category': { type: 'string' },
  'deadline-state': { type: 'string' },
  'as-of': { type: 'string' },
  since: { type: 'string' },
  template: { type: 'string' },
  style: { type: 'string' },
  kind: { type: 'string' },
  compare: { type: 'string' },
  json: { type: 'boolean' },
  date: { type: 'string' },
  'on-duplicate': { type: 'string' },
  'dry-run': { type: 'boolean' },
  server: { type: 'string' },
  write: { type: 'boolean' },
  read: { type: 'boolean' },
  'password-file': { type: 'string' },
  member: { type: 'string' },
  title: { type: 'string' },
  'include-notes': { type: 'boolean' },
  language: { type: 'string' },
  every: { type: 'string' },
  port: { type: 'string' },
  collection: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type CliValues = ReturnType<
  typeof parseArgs<{ options: typeof options; allowPositionals: true }>
>['values'];

function parse(argv: string[]): { command: string | undefined; rest: string[]; values: CliValues } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { command: positionals[0], rest: positionals.slice(1), values };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Opens the database the command names, runs the command over it, and closes it when the command is done. */
async function withDatabase<T>(values: CliValues, run: (db: Database) => T | Promise<T>): Promise<T> {
  const db = openDatabase(resolveDatabasePath(values.db));
  try {
    return await run(db);
  } finally {
    db.close();
  }
}

export async function runCli(argv: string[]): Promise<number> {
  const { command, rest, values } = parse(argv);
  if (values.help || command === undefined) {
    console.log(usage);
    return command === undefined && !values.help ? 2 : 0;
  }
  switch (command) {
    case 'sample':
      return withDatabase(values, async (db) => {
        const { created } = await call(db, 'loadSample', {});
        console.log(
          created ? 'Loaded the sample dossier.' : 'The sample dossier is already loaded; nothing changed.',
        );
        return 0;
      });
    case 'report':
      return withDatabase(values, async (db) => (await import('./report.ts')).writeReport(db, values));
    case 'calendar':
    case 'publish':
      return withDatabase(values, async (db) => {
        const { publishSite, writeCalendar } = await import('./publish.ts');
        return command === 'calendar' ? writeCalendar(db, values) : publishSite(db, values);
      });
    case 'backup': {
      const file = resolveDatabasePath(values.db);
      if (!existsSync(file)) throw new UsageError(`There is no database at ${file} to back up.`);
      console.log(`Backed up to ${await backupDatabase(file, values.out)}`);
      return 0;
    }
    case 'restore':
      return restoreDatabase(resolveDatabasePath(values.db), rest[0]);
    case 'check':
      return checkDatabase(resolveDatabasePath(values.db));
    case 'import': {
      const file = rest[0];
      if (!file) throw new UsageError('import needs a FILE.');
      const citations = isCitationFile(file);
      const spreadsheet = !citations && isSpreadsheetFile(file);
      if (!citations && !spreadsheet && !isSourceFile(file)) {
        throw new UsageError(
          `import: ${file} is not a file Pledgewatch can import: commitments from .csv, .xlsx or .json, sources from a Zotero export (.json CSL JSON, .ris, .bib), an article from .txt, .md, .html or .pdf.`,
        );
      }
      const dryRun = values['dry-run'] ?? false;
      return withDatabase(values, async (db) => {
        if (citations) return (await import('./citations.ts')).importCitationFile(db, file, dryRun);
        if (!spreadsheet) return importSource(db, file, values['on-duplicate']);
        return (await import('./import-commitments.ts')).importCommitments(db, file, { dryRun });
      });
    }
    case 'extract':
      return withDatabase(values, (db) =>
        runExtract(db, rest[0], {
          json: values.json ?? false,
          ...(values.date ? { date: values.date } : {}),
        }),
      );
    case 'team':
      return (await import('./team.ts')).runTeam(rest, values);
    case 'feeds':
    case 'inbox':
      return withDatabase(values, async (db) => {
        const { runFeeds, runInbox } = await import('./feeds.ts');
        return command === 'feeds' ? runFeeds(db, rest, values) : runInbox(db, values);
      });
    case 'zotero':
      return withDatabase(values, async (db) => (await import('./zotero.ts')).runZotero(db, rest, values));
    default:
      throw new UsageError(`Unknown command "${[command, ...rest].join(' ')}".`);
  }
}
