// `npm run web`: opens the database and serves Pledgewatch to the browser on 127.0.0.1.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveDatabasePath } from '../../db/location.ts';
import { openDatabase } from '../../db/open.ts';
import { startWebServer } from './server.ts';

const rendererDir = join(import.meta.dirname, '..', '..', 'dist', 'renderer');

function main(): void {
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
  if (!existsSync(join(rendererDir, 'index.html'))) {
    return exit(
      `The UI is not built (${rendererDir} is missing): run \`npm run web\`, which builds it first.`,
      1,
    );
  }
  const file = resolveDatabasePath(args.db);
  let db;
  try {
    db = openDatabase(file);
  } catch (error) {
    return exit(`Cannot open ${file}: ${(error as Error).message}`, 1);
  }
  const database = db;
  startWebServer({ db: database, rendererDir, port }).then(
    (server) => {
      console.log(`Pledgewatch ready: ${server.url}`);
      const stop = (): void => {
        void server.close().then(() => {
          database.close();
          process.exit(0);
        });
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (error: unknown) => exit(`Cannot serve on port ${port}: ${(error as Error).message}`, 1),
  );
}

function exit(message: string, code: number): void {
  console.error(`Pledgewatch: ${message}`);
  process.exitCode = code;
}

main();
