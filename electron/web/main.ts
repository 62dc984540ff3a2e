// `npm run web`: checks and opens the database and serves Pledgewatch to the browser on 127.0.0.1.
// Only light modules are imported up front: the server's code loads while the database is checked.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveDatabasePath } from '../../db/location.ts';
import { checkInBackground } from '../../db/start-check-thread.ts';

const rendererDir = join(import.meta.dirname, '..', '..', 'dist', 'renderer');

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({ options: { db: { type: 'string' }, port: { type: 'string' } }, strict: true }).values;
  } catch (error) {
    return exit(`${(error as Error).message}. Usage: npm run web -- [--db PATH] [--port N]`, 2);
  }
  const port = args.port === undefined ? 0 : Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return exit(`--port must be a whole number from 0 to 65535, not "${args.port}".`, 2);
  }
  const file = resolveDatabasePath(args.db);
  // SQLite's quick_check reads the whole file (most of a second at 100,000 commitments).
  const check = checkInBackground(file);
  const [{ startWebServer }, { openDatabase }, { automaticBackup }] = await Promise.all([
    import('./server.ts'),
    import('../../db/open.ts'),
    import('../../db/backups.ts'),
  ]);
  // A damaged file is reported with the newest good backup and never opened for writing.
  const damaged = await check;
  if (damaged) return exit(damaged, 1);
  if (!existsSync(join(rendererDir, 'index.html'))) {
    return exit(
      `The UI is not built (${rendererDir} is missing): run \`npm run web\`, which builds it first.`,
      1,
    );
  }
  let db: ReturnType<typeof openDatabase>;
  try {
    db = openDatabase(file);
  } catch (error) {
    return exit(`Cannot open ${file}: ${(error as Error).message}`, 1);
  }
  const database = db;
  let server;
  try {
    server = await startWebServer({ db: database, rendererDir, port });
  } catch (error) {
    return exit(`Cannot serve on port ${port}: ${(error as Error).message}`, 1);
  }
  console.log(`Pledgewatch ready: ${server.url}`);
  // After ready, so the analyst never waits for it; skipped when the newest is under a day old.
  automaticBackup(database).catch((error: unknown) => {
    // Stopping the server closes the database, which ends a backup under way: not worth a message.
    if (database.open) console.error(`Pledgewatch: the automatic backup failed: ${(error as Error).message}`);
  });
  // Team dossiers sync in the background from here on; node-postgres loads after ready.
  const { BackgroundSync } = await import('../team/background.ts');
  const teamSync = new BackgroundSync(database);
  teamSync.start();
  // Watched feeds are checked on their schedule from here on.
  const { FeedScheduler } = await import('../feeds/scheduler.ts');
  const feedChecks = new FeedScheduler(database);
  feedChecks.start();
  const running = server;
  const stop = (): void => {
    void Promise.all([running.close(), teamSync.stop(), feedChecks.stop()]).then(() => {
      database.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function exit(message: string, code: number): void {
  console.error(`Pledgewatch: ${message}`);
  process.exitCode = code;
}

void main();
