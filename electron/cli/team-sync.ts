// `team share|join|sync|status`: a database's side of a team dossier, from the command line, through the
// API's shareDossier, joinDossier, syncTeam and teamStatus, as the app's "Share…" and sync call them.
import { resolveDatabasePath } from '../../db/location.ts';
import { openDatabase, type Database } from '../../db/open.ts';
import type { OutputOf } from '../api/contract.ts';
import type { CliValues } from './cli.ts';
import { call, OperationFailed } from './operations.ts';
import { UsageError } from './usage-error.ts';

type TeamDossierStatus = OutputOf<'teamStatus'>['dossiers'][number];

const loginFlags = { server: '--server', dossier: '--dossier' };

export async function runTeamSync(sub: string, _rest: string[], values: CliValues): Promise<number> {
  const db = openDatabase(resolveDatabasePath(values.db));
  try {
    switch (sub) {
      case 'share':
      case 'join':
        return await shareOrJoin(db, sub, values);
      case 'sync':
        return await sync(db, values);
      case 'status':
        return await status(db, values);
      default:
        throw new UsageError(`Unknown command "team ${sub}".`);
    }
  } catch (error) {
    // The server's refusal or a mistake in what was typed, in one sentence (exit code 2).
    if (!(error instanceof OperationFailed)) throw error;
    console.error(`Pledgewatch: ${error.message}`);
    return 2;
  } finally {
    db.close();
  }
}

async function shareOrJoin(db: Database, sub: 'share' | 'join', values: CliValues): Promise<number> {
  if (!values.dossier) throw new UsageError(`team ${sub} needs --dossier NAME.`);
  if (!values.server)
    throw new UsageError(`team ${sub} needs --server URL (postgres://member@host/database).`);
  const server = values.member ? withMember(values.server, values.member) : values.server;
  let result: TeamDossierStatus;
  if (sub === 'share') {
    const id = await dossierId(db, values.dossier);
    if (id === null) return 2;
    result = await call(db, 'shareDossier', { dossierId: id, server }, loginFlags);
  } else {
    result = await call(db, 'joinDossier', { dossier: values.dossier, server }, loginFlags);
  }
  const what = sub === 'share' ? 'Shared' : 'Joined';
  console.log(
    `${what} “${result.dossier}” as ${result.member} (${result.can_write ? 'read and write' : 'read only'}).`,
  );
  printOne(result);
  return result.last_error ? 1 : 0;
}

/** The dossier shareDossier takes by id, named as the app's list names it (in any case); null: said why. */
async function dossierId(db: Database, name: string): Promise<number | null> {
  const { dossiers } = await call(db, 'listReference', {});
  const found = dossiers.find((dossier) => dossier.name.toLowerCase() === name.trim().toLowerCase());
  if (found) return found.id;
  const names = dossiers.map((dossier) => `“${dossier.name}”`).sort();
  console.error(
    `Pledgewatch: There is no dossier named “${name}” in this database${names.length ? `; it has ${names.join(', ')}` : ''}.`,
  );
  return null;
}

/** The shared dossiers, or the one named with --dossier. */
async function statusesOf(db: Database, values: CliValues): Promise<TeamDossierStatus[]> {
  const { dossiers } = await call(db, 'teamStatus', {});
  return dossiers.filter((row) => !values.dossier || row.dossier === values.dossier);
}

async function sync(db: Database, values: CliValues): Promise<number> {
  const statuses = await statusesOf(db, values);
  if (statuses.length === 0) {
    console.log(
      values.dossier
        ? `“${values.dossier}” is not a team dossier here.`
        : 'No dossier here is shared with a team.',
    );
    return values.dossier ? 2 : 0;
  }
  const outcomes = await call(db, 'syncTeam', values.dossier ? { dossierId: statuses[0]!.dossier_id } : {});
  for (const outcome of outcomes) {
    console.log(
      outcome.error
        ? `“${outcome.dossier}”: not synced. ${outcome.error}`
        : `“${outcome.dossier}”: sent ${outcome.pushed}, received ${outcome.pulled} change${outcome.pulled === 1 ? '' : 's'}.`,
    );
  }
  return outcomes.some((outcome) => outcome.error) ? 1 : 0;
}

async function status(db: Database, values: CliValues): Promise<number> {
  const statuses = await statusesOf(db, values);
  if (values.json) {
    const shown = statuses.map(asJson);
    console.log(JSON.stringify(shown.length === 1 ? shown[0] : shown, null, 2));
    return 0;
  }
  if (statuses.length === 0) console.log('No dossier here is shared with a team.');
  for (const row of statuses) printOne(row);
  return 0;
}

function printOne(row: TeamDossierStatus): void {
  console.log(
    [
      `“${row.dossier}” on ${row.server} as ${row.member}${row.can_write ? '' : ' (read only)'}`,
      `  not yet sent: ${row.unsent}`,
      `  last synced: ${row.last_synced_at ?? 'never'}`,
      `  open conflicts: ${row.conflicts}`,
      ...(row.last_error ? [`  last error: ${row.last_error}`] : []),
    ].join('\n'),
  );
}

/** `team status --json`: the fields the README documents. */
function asJson(row: TeamDossierStatus) {
  return {
    server: row.server,
    dossier: row.dossier,
    member: row.member,
    can_write: row.can_write,
    unsent: row.unsent,
    last_synced_at: row.last_synced_at,
    conflicts: row.conflicts,
    last_error: row.last_error,
  };
}

function withMember(server: string, member: string): string {
  try {
    const url = new URL(server);
    url.username = encodeURIComponent(member);
    return url.href;
  } catch {
    return server;
  }
}
