// The team's analysts on the server: their logins, whether they may share, and what they may read or write.
import type pg from 'pg';
import { placeOf } from './connection.ts';
import { scramVerifier } from './scram-verifier.ts';
import { TeamError } from './team-error.ts';

export interface MemberRow {
  name: string;
  mayShare: boolean;
  dossiers: { dossier: string; canWrite: boolean }[];
}

export interface SharedDossier {
  uid: string;
  name: string;
  sharedBy: string;
  sharedAt: Date;
}

export interface NewMember {
  name: string;
  /** Read and write (and, without a dossier, share); otherwise read only. */
  write: boolean;
  /** The shared dossier this grant is about; without it, the grant is about sharing. */
  dossier?: string;
  /** Needed for a new login; for an existing one, changes the password only when given. */
  password?: string;
}

export interface AddedMember {
  created: boolean;
  passwordChanged: boolean;
}

const loginName = /^[a-z_][a-z0-9_.-]{0,62}$/;
const reserved = new Set([
  'public',
  'none',
  'current_user',
  'session_user',
  'current_role',
  'pledgewatch_member',
]);

function checkName(name: string): void {
  if (!loginName.test(name)) {
    throw new TeamError(
      'invalid_input',
      `“${name}” cannot be a member's login: use lower-case letters, digits, _ . or -, starting with a letter or _, at most 63 characters.`,
    );
  }
  if (reserved.has(name) || name.startsWith('pg_')) {
    throw new TeamError(
      'invalid_input',
      `“${name}” is a name PostgreSQL keeps for itself: choose another login.`,
    );
  }
}

async function inTransaction<T>(client: pg.Client, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

async function dossierUid(client: pg.Client, name: string): Promise<string> {
  const found = await client.query<{ uid: string }>('SELECT uid FROM pledgewatch.dossier WHERE name = $1', [
    name,
  ]);
  if (found.rows[0]) return found.rows[0].uid;
  const shared = (await listSharedDossiers(client)).map((each) => `“${each.name}”`);
  throw new TeamError(
    'not_found',
    `No dossier named “${name}” is shared in the team database at ${placeOf(client)}; ${
      shared.length ? `the shared ones are ${shared.join(', ')}.` : 'none is shared yet.'
    }`,
  );
}

/** Creates the login if it is new, and gives it the grant asked for; running it again changes the grant. */
export async function addMember(client: pg.Client, member: NewMember): Promise<AddedMember> {
  checkName(member.name);
  return inTransaction(client, async () => {
    const role = await client.query<{ rolsuper: boolean; rolcanlogin: boolean }>(
      'SELECT rolsuper, rolcanlogin FROM pg_roles WHERE rolname = $1',
      [member.name],
    );
    const existing = role.rows[0];
    if (existing && (existing.rolsuper || !existing.rolcanlogin)) {
      throw new TeamError(
        'invalid_input',
        `“${member.name}” is a role of the server that is not an analyst's login (a superuser, or one that cannot log in): choose another name.`,
      );
    }
    if (!existing && member.password === undefined) {
      throw new TeamError('invalid_input', `${member.name} is a new member: give them a password.`);
    }
    const uid = member.dossier === undefined ? undefined : await dossierUid(client, member.dossier);
    const login = client.escapeIdentifier(member.name);
    const password =
      member.password === undefined
        ? ''
        : ` PASSWORD ${client.escapeLiteral(scramVerifier(member.password))}`;
    await client.query(`${existing ? 'ALTER' : 'CREATE'} ROLE ${login} LOGIN${password}`);
    await client.query(`GRANT pledgewatch_member TO ${login}`);
    if (uid === undefined) {
      await client.query(
        `INSERT INTO pledgewatch.member (login, may_share) VALUES ($1, $2)
         ON CONFLICT (login) DO UPDATE SET may_share = excluded.may_share`,
        [member.name, member.write],
      );
    } else {
      await client.query(
        `INSERT INTO pledgewatch.member (login) VALUES ($1) ON CONFLICT (login) DO NOTHING`,
        [member.name],
      );
      await client.query(
        `INSERT INTO pledgewatch.dossier_member (dossier_uid, login, can_write) VALUES ($1, $2, $3)
         ON CONFLICT (dossier_uid, login) DO UPDATE SET can_write = excluded.can_write`,
        [uid, member.name, member.write],
      );
    }
    return { created: !existing, passwordChanged: member.password !== undefined };
  });
}

/** Takes a member off the team and drops their login; the changes they wrote keep their name as author. */
export async function removeMember(client: pg.Client, name: string): Promise<void> {
  checkName(name);
  await inTransaction(client, async () => {
    const known = await client.query('SELECT 1 FROM pledgewatch.member WHERE login = $1', [name]);
    if (known.rowCount === 0) {
      const names = (await listMembers(client)).map((each) => each.name);
      throw new TeamError(
        'not_found',
        `${name} is not a member of the team database at ${placeOf(client)}; ${
          names.length ? `the members are ${names.join(', ')}.` : 'it has no members yet.'
        }`,
      );
    }
    await client.query('DELETE FROM pledgewatch.member WHERE login = $1', [name]);
    const role = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name]);
    if (role.rowCount) await client.query(`DROP ROLE ${client.escapeIdentifier(name)}`);
  });
  // Sessions still open would keep the rights they had: end them. Only a superuser (or a role with
  // pg_signal_backend) may, so for others this is a best effort and the grants are gone anyway.
  await client
    .query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1', [name])
    .catch(() => {});
}

export async function listMembers(client: pg.Client): Promise<MemberRow[]> {
  const { rows } = await client.query<MemberRow>(
    `SELECT m.login AS name, m.may_share AS "mayShare",
            coalesce(json_agg(json_build_object('dossier', d.name, 'canWrite', dm.can_write) ORDER BY d.name)
                     FILTER (WHERE d.uid IS NOT NULL), '[]') AS dossiers
       FROM pledgewatch.member m
       LEFT JOIN pledgewatch.dossier_member dm ON dm.login = m.login
       LEFT JOIN pledgewatch.dossier d ON d.uid = dm.dossier_uid
      GROUP BY m.login, m.may_share
      ORDER BY m.login`,
  );
  return rows;
}

/** The dossiers shared on the server that the connected login may see. */
export async function listSharedDossiers(client: pg.Client): Promise<SharedDossier[]> {
  const { rows } = await client.query<SharedDossier>(
    `SELECT uid, name, shared_by AS "sharedBy", shared_at AS "sharedAt" FROM pledgewatch.dossier ORDER BY name`,
  );
  return rows;
}
