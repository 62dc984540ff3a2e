// Creating, upgrading and checking the team's schema in PostgreSQL; a schema newer than the app is never touched.
import type pg from 'pg';
import { placeOf } from './connection.ts';
import { serverSchemaV1 } from './server-schema-v1.ts';
import { TeamError } from './team-error.ts';

/** The version of the server schema this Pledgewatch creates and understands. */
export const serverSchemaVersion = 1;

/** Each version's SQL, run in order from the version a database has to the app's. */
const upgrades: { version: number; sql: string }[] = [{ version: 1, sql: serverSchemaV1 }];

/** Serialises concurrent `team init`s on one database, so two of them cannot both create. */
const initLockKey = 71_000_000;

async function schemaVersion(client: pg.Client): Promise<number | undefined> {
  // pg_namespace is readable by every login, and says whether this one may look inside the schema.
  const { rows } = await client.query<{ usable: boolean; found: string | null }>(
    `SELECT has_schema_privilege(oid, 'USAGE') AS usable,
            CASE WHEN has_schema_privilege(oid, 'USAGE') THEN to_regclass('pledgewatch.schema_version')::text END AS found
       FROM pg_namespace WHERE nspname = 'pledgewatch'`,
  );
  const schema = rows[0];
  if (!schema) return undefined;
  if (!schema.usable) {
    throw new TeamError(
      'not_permitted',
      `${client.user} is not a member of the team in the database at ${placeOf(client)}: ask its admin to run \`team add-member ${client.user}\`.`,
    );
  }
  if (!schema.found) return undefined;
  const version = await client.query<{ version: number }>('SELECT version FROM pledgewatch.schema_version');
  return version.rows[0]?.version ?? 0;
}

function tooNew(client: pg.Client, version: number): TeamError {
  return new TeamError(
    'schema_too_new',
    `The team database at ${placeOf(client)} was set up by a newer Pledgewatch (schema ${version}; this one knows ${serverSchemaVersion}): update Pledgewatch.`,
  );
}

async function requireAdmin(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ may: boolean }>(
    `SELECT rolsuper OR rolcreaterole AS may FROM pg_roles WHERE rolname = current_user`,
  );
  if (!rows[0]?.may) {
    throw new TeamError(
      'not_permitted',
      `${client.user} cannot set up the team database at ${placeOf(client)}: \`team init\` needs a superuser or a role with CREATEROLE.`,
    );
  }
}

/** Creates the schema, or upgrades it to this app's version, in one transaction; running it again changes nothing. */
export async function initServer(client: pg.Client): Promise<'created' | 'upgraded' | 'unchanged'> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [initLockKey]);
    const found = await schemaVersion(client);
    if (found !== undefined && found > serverSchemaVersion) throw tooNew(client, found);
    if (found === serverSchemaVersion) {
      await client.query('ROLLBACK');
      return 'unchanged';
    }
    await requireAdmin(client);
    for (const upgrade of upgrades) {
      if (found === undefined || upgrade.version > found) await client.query(upgrade.sql);
    }
    if (found === undefined) {
      await client.query('INSERT INTO pledgewatch.schema_version (version) VALUES ($1)', [
        serverSchemaVersion,
      ]);
    } else {
      await client.query('UPDATE pledgewatch.schema_version SET version = $1', [serverSchemaVersion]);
    }
    await client.query('COMMIT');
    return found === undefined ? 'created' : 'upgraded';
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/** For members' connections: the schema is there, and not newer than this app. */
export async function requireServerSchema(client: pg.Client): Promise<void> {
  const version = await schemaVersion(client);
  if (version === undefined) {
    throw new TeamError(
      'not_set_up',
      `The team database at ${placeOf(client)} has no Pledgewatch team schema: run \`team init\` first.`,
    );
  }
  if (version > serverSchemaVersion) throw tooNew(client, version);
}
