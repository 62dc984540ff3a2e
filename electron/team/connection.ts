// Connecting to the team's PostgreSQL: the server address an analyst types, and one sentence for what failed.
import type pg from 'pg';
import { userInfo } from 'node:os';
import { TeamError, type TeamErrorCode } from './team-error.ts';

export { TeamError, type TeamErrorCode } from './team-error.ts';

export interface ServerAddress {
  /** The URL without any password: the only form a SQLite database or a log line may hold. */
  url: string;
  host: string;
  port: number;
  database: string;
  user: string;
  /** Only when the URL held one. */
  password?: string;
}

const example = 'postgres://NAME@HOST:5432/DATABASE';

/** The URL with its password replaced, for messages about a URL that could not be parsed. */
function redact(url: string): string {
  return url.replace(/\/\/([^/@:]*):[^/@]*@/, '//$1:***@').replace(/([?&]password=)[^&]*/i, '$1***');
}

export function parseServerUrl(url: string): ServerAddress {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new TeamError(
      'invalid_input',
      `“${redact(url)}” is not a server address Pledgewatch can read: give one like ${example}.`,
    );
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new TeamError(
      'invalid_input',
      `“${redact(url)}” is not a PostgreSQL address: it should start with postgres://, like ${example}.`,
    );
  }
  if (!parsed.hostname) {
    throw new TeamError('invalid_input', `“${redact(url)}” names no server: give one like ${example}.`);
  }
  const password = parsed.password
    ? decodeURIComponent(parsed.password)
    : (parsed.searchParams.get('password') ?? undefined);
  parsed.password = '';
  parsed.searchParams.delete('password');
  const user = decodeURIComponent(parsed.username) || process.env.PGUSER || userInfo().username;
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || process.env.PGDATABASE || user;
  return {
    url: parsed.href,
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: parsed.port ? Number(parsed.port) : 5432,
    database,
    user,
    ...(password === undefined ? {} : { password }),
  };
}

/** libpq's order: a password given, PGPASSWORD, then the pgpass file (PGPASSFILE or ~/.pgpass). */
async function findPassword(address: ServerAddress, given: string | undefined): Promise<string | undefined> {
  if (given !== undefined) return given;
  if (address.password !== undefined) return address.password;
  if (process.env.PGPASSWORD) return process.env.PGPASSWORD;
  const { host, port, database, user } = address;
  const { default: pgpass } = await import('pgpass');
  return new Promise((resolve) => pgpass({ host, port, database, user }, resolve));
}

export async function connect(
  url: string,
  options: { password?: string; connectTimeoutMs?: number } = {},
): Promise<pg.Client> {
  const address = parseServerUrl(url);
  const password = await findPassword(address, options.password);
  // node-postgres lets the connection string override every other setting, so it carries them all.
  const withPassword = new URL(address.url);
  withPassword.username = encodeURIComponent(address.user);
  withPassword.pathname = `/${encodeURIComponent(address.database)}`;
  if (password !== undefined) withPassword.password = encodeURIComponent(password);
  // Loaded on first use, so that the command line and the app start without node-postgres.
  const { default: postgres } = await import('pg');
  const client = new postgres.Client({
    connectionString: withPassword.href,
    application_name: 'Pledgewatch',
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
  });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw toTeamError(error, address.url);
  }
  return client;
}

const unreachable = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);
const unknownHost = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME']);

function place(address: ServerAddress): string {
  return `${address.host}${address.port === 5432 ? '' : `:${address.port}`}/${address.database}`;
}

function classify(error: unknown, address: ServerAddress): [TeamErrorCode, string] {
  const where = `the team database at ${place(address)}`;
  const { code, message = String(error) } = (error ?? {}) as { code?: string; message?: string };
  const sqlState = code !== undefined && /^[0-9A-Z]{5}$/.test(code);
  if (!sqlState) {
    if (code && unreachable.has(code)) {
      return [
        'server_unreachable',
        `Cannot reach ${where}: is the server running, and is the address right?`,
      ];
    }
    if (code && unknownHost.has(code)) {
      return [
        'server_unreachable',
        `There is no server named ${address.host}: check the address of the team database.`,
      ];
    }
    if (/timeout|Connection terminated/i.test(message)) {
      return [
        'server_unreachable',
        `Cannot reach ${where}: it did not answer in time, or closed the connection.`,
      ];
    }
    if (/client password must be a string/.test(message)) {
      return [
        'refused_login',
        `${capitalise(where)} asked for ${address.user}'s password and none was given: use --password-file, PGPASSWORD or a pgpass file.`,
      ];
    }
  }
  switch (code) {
    case '28P01':
      return ['refused_login', `${capitalise(where)} refused the password for ${address.user}.`];
    case '28000':
      return ['refused_login', `${capitalise(where)} does not let ${address.user} log in.`];
    case '3D000':
      return ['not_found', `There is no database “${address.database}” on the server at ${address.host}.`];
    case '42501':
      return ['not_permitted', `${address.user} may not do that in ${where} (the server said: ${message}).`];
    case '3F000':
    case '42P01':
      return ['not_set_up', `${capitalise(where)} has no Pledgewatch team schema: run \`team init\` first.`];
    default:
      return ['invalid_input', `${capitalise(where)} said: ${message}`];
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A TeamError for any failure talking to the server; a TeamError passes through unchanged. */
export function toTeamError(error: unknown, url: string): TeamError {
  if (error instanceof TeamError) return error;
  let address: ServerAddress;
  try {
    address = parseServerUrl(url);
  } catch (invalid) {
    return invalid as TeamError;
  }
  const [code, sentence] = classify(error, address);
  // Belt and braces: whatever the server or the driver wrote, a password never reaches a message.
  const message = address.password ? sentence.split(address.password).join('***') : sentence;
  return new TeamError(code, message, { cause: error });
}

export function describeServerError(error: unknown, url: string): string {
  return toTeamError(error, url).message;
}

/** Where a connected client is, for messages: host[:port]/database. */
export function placeOf(client: pg.Client): string {
  return `${client.host}${client.port === 5432 ? '' : `:${client.port}`}/${client.database}`;
}
