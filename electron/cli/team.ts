// `team init|add-member|remove-member|members`: the admin's side of the team's PostgreSQL, from the command line.
// These administer the server with an admin's login (its schema, roles and grants), not the data of the
// dossier file, so they talk to PostgreSQL directly rather than through an API operation (see eslint.config.js).
import { readFileSync } from 'node:fs';
import type pg from 'pg';
import { connect, placeOf, TeamError, toTeamError } from '../team/connection.ts';
import { addMember, listMembers, removeMember, type MemberRow } from '../team/members.ts';
import { initServer } from '../team/server-schema.ts';
import { askPassword } from './ask-password.ts';
import type { CliValues } from './cli.ts';
import { UsageError } from './usage-error.ts';

export async function runTeam(rest: string[], values: CliValues): Promise<number> {
  const [sub, ...args] = rest;
  switch (sub) {
    case 'init':
      return asAdmin(values, 'init', async (client) => {
        const outcome = await initServer(client);
        console.log(
          outcome === 'unchanged'
            ? 'Already set up; nothing changed.'
            : `${outcome === 'created' ? 'Set up' : 'Upgraded'} the team schema in ${placeOf(client)}.`,
        );
      });
    case 'add-member':
      return asAdmin(values, 'add-member', (client) => add(client, onlyName(sub, args), values));
    case 'remove-member':
      return asAdmin(values, 'remove-member', async (client) => {
        const name = onlyName(sub, args);
        await removeMember(client, name);
        console.log(`Removed ${name} from the team; the changes they wrote keep their name.`);
      });
    case 'members':
      return asAdmin(values, 'members', async (client) => {
        const members = await listMembers(client);
        console.log(values.json ? JSON.stringify(members, null, 2) : membersTable(members));
      });
    case 'share':
    case 'join':
    case 'sync':
    case 'status':
      return (await import('./team-sync.ts')).runTeamSync(sub, args, values);
    default:
      throw new UsageError(
        sub === undefined
          ? 'team needs a command: init, add-member, remove-member, members, share, join, sync or status.'
          : `Unknown command "team ${rest.join(' ')}".`,
      );
  }
}

function onlyName(sub: string, args: string[]): string {
  if (args.length !== 1) throw new UsageError(`team ${sub} needs one NAME, the member's login.`);
  return args[0]!;
}

/** Connects with --server, runs the command, and reports a server's refusal in one sentence (exit code 2). */
async function asAdmin(
  values: CliValues,
  sub: string,
  run: (client: pg.Client) => Promise<void>,
): Promise<number> {
  const server = values.server;
  if (!server)
    throw new UsageError(`team ${sub} needs --server URL, like postgres://admin@HOST:5432/DATABASE.`);
  let client: pg.Client | undefined;
  try {
    client = await connect(server);
    await run(client);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const failure = error instanceof TeamError ? error : toTeamError(error, server);
    console.error(`Pledgewatch: ${failure.message}`);
    return 2;
  } finally {
    await client?.end().catch(() => {});
  }
}

async function add(client: pg.Client, name: string, values: CliValues): Promise<void> {
  if (values.write === values.read) throw new UsageError('team add-member needs one of --write or --read.');
  const write = values.write ?? false;
  const exists = (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name])).rowCount !== 0;
  // An existing member's grants change without touching their password, unless a file gives a new one.
  const password = values['password-file']
    ? passwordFrom(values['password-file'])
    : exists
      ? undefined
      : await askNewPassword(name);
  const added = await addMember(client, {
    name,
    write,
    ...(values.dossier === undefined ? {} : { dossier: values.dossier }),
    ...(password === undefined ? {} : { password }),
  });
  if (added.created) console.log(`Created the login ${name}.`);
  else if (added.passwordChanged) console.log(`Changed ${name}'s password.`);
  if (values.dossier !== undefined) {
    console.log(`${name} may now ${write ? 'write to' : 'read'} “${values.dossier}”.`);
  } else {
    console.log(
      write
        ? `${name} may now share dossiers, and write to the ones they share.`
        : `${name} may not share dossiers; they read or write the ones they are given.`,
    );
  }
}

function passwordFrom(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `--password-file ${file} cannot be read: ${(error as NodeJS.ErrnoException).code ?? error}.`,
    );
  }
  const password = text.replace(/\r?\n$/, '');
  if (!password) throw new UsageError(`--password-file ${file} is empty: put the member's password in it.`);
  return password;
}

async function askNewPassword(name: string): Promise<string> {
  if (!process.stdin.isTTY) {
    throw new UsageError(
      `team add-member needs ${name}'s password: give --password-file FILE (there is no terminal to ask on).`,
    );
  }
  const password = await askPassword(`Password for ${name}: `);
  if (!password) throw new UsageError(`${name} needs a password that is not empty.`);
  if ((await askPassword('Again, to be sure: ')) !== password)
    throw new UsageError('The two passwords differ.');
  return password;
}

function membersTable(members: MemberRow[]): string {
  if (members.length === 0)
    return 'No members yet: add one with `team add-member NAME --write --server URL`.';
  const width = Math.max(...members.map((member) => member.name.length));
  return members
    .map((member) => {
      const grants = member.dossiers.map((each) => `“${each.dossier}” (${each.canWrite ? 'write' : 'read'})`);
      const share = member.mayShare ? 'may share' : '         ';
      return `${member.name.padEnd(width)}  ${share}  ${grants.join(', ') || 'no dossiers'}`.trimEnd();
    })
    .join('\n');
}
