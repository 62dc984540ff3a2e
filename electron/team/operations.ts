// What the app and the command line ask of a team: share, join, sync, status and members. Each opens
// its own connection and closes it; a password comes from the caller, the desktop app's keeper, or
// libpq's own places (PGPASSWORD, the pgpass file), never from the SQLite file.
import type { Database } from 'better-sqlite3';
import type pg from 'pg';
import { teamLinks } from './changes.ts';
import { connect, parseServerUrl, TeamError } from './connection.ts';
import { addMember, listMembers, removeMember, type AddedMember, type MemberRow } from './members.ts';
import { passwordFor, keepPassword } from './passwords.ts';
import { joinDossier, shareDossier, teamStatus, type TeamDossierStatus } from './share.ts';
import { syncDossier, type SyncOptions } from './sync.ts';

export interface ServerLogin {
  server: string;
  password?: string | undefined;
}

export interface DossierSync {
  dossier: string;
  pushed: number;
  pulled: number;
  error: string | null;
}

/** A connection the caller ends; the password from the login, the keeper, or libpq's places. */
export async function openConnection(login: ServerLogin): Promise<pg.Client> {
  const address = parseServerUrl(login.server);
  const password = login.password ?? address.password ?? passwordFor(address.url, address.user);
  const client = await connect(login.server, password === undefined ? {} : { password });
  // A server that goes away mid-sync fails the query under way; without a listener, the client's
  // 'error' event would also end the process.
  client.on('error', () => {});
  return client;
}

export async function withServer<T>(login: ServerLogin, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = await openConnection(login);
  try {
    const result = await work(client);
    if (login.password !== undefined) {
      const address = parseServerUrl(login.server);
      keepPassword(address.url, address.user, login.password);
    }
    return result;
  } finally {
    await client.end().catch(() => {});
  }
}

/** The remembered address holds no password; the member who linked the dossier logs in. */
export function serverOf(link: { server: string; member: string }): string {
  const url = new URL(link.server);
  if (!url.username) url.username = encodeURIComponent(link.member);
  return url.href;
}

export async function shareDossierOn(
  db: Database,
  dossier: string,
  login: ServerLogin,
): Promise<TeamDossierStatus> {
  const link = await withServer(login, (client) => shareDossier(client, db, dossier, login.server));
  await syncLinks(db, { dossierIds: [link.dossierId], password: login.password });
  return statusOf(db, link.dossierId);
}

export async function joinDossierOn(
  db: Database,
  dossier: string,
  login: ServerLogin,
): Promise<TeamDossierStatus> {
  const link = await withServer(login, (client) => joinDossier(client, db, dossier, login.server));
  await syncLinks(db, { dossierIds: [link.dossierId], password: login.password });
  return statusOf(db, link.dossierId);
}

/**
 * Syncs every shared dossier (or those named), one connection per server; a server that cannot be
 * reached is noted on its dossiers and the others still sync.
 */
export async function syncLinks(
  db: Database,
  options: { dossierIds?: number[]; password?: string | undefined } & SyncOptions = {},
): Promise<DossierSync[]> {
  const links = teamLinks(db).filter(
    (link) => !options.dossierIds || options.dossierIds.includes(link.dossierId),
  );
  const outcomes: DossierSync[] = [];
  const byServer = new Map<string, typeof links>();
  for (const link of links) {
    const key = `${link.server}\n${link.member}`;
    byServer.set(key, [...(byServer.get(key) ?? []), link]);
  }
  for (const group of byServer.values()) {
    try {
      await withServer({ server: serverOf(group[0]!), password: options.password }, async (client) => {
        for (const link of group) {
          try {
            const { pushed, pulled } = await syncDossier(client, db, link.dossierId, options);
            outcomes.push({ dossier: link.dossierName, pushed, pulled, error: null });
          } catch (error) {
            outcomes.push({
              dossier: link.dossierName,
              pushed: 0,
              pulled: 0,
              error: (error as Error).message,
            });
          }
        }
      });
    } catch (error) {
      const message = (error as Error).message;
      for (const link of group) {
        db.prepare('UPDATE team_link SET last_error = ? WHERE dossier_id = ?').run(message, link.dossierId);
        outcomes.push({ dossier: link.dossierName, pushed: 0, pulled: 0, error: message });
      }
    }
  }
  return outcomes;
}

export function statusOf(db: Database, dossierId: number): TeamDossierStatus {
  const status = teamStatus(db).find((row) => row.dossier_id === dossierId);
  if (!status) throw new TeamError('not_found', `Dossier ${dossierId} is not shared with a team.`);
  return status;
}

export async function membersOf(login: ServerLogin): Promise<MemberRow[]> {
  return withServer(login, (client) => listMembers(client));
}

export async function saveMember(
  login: ServerLogin,
  member: { name: string; write: boolean; dossier?: string | undefined; password?: string | undefined },
): Promise<AddedMember> {
  return withServer(login, (client) =>
    addMember(client, {
      name: member.name,
      write: member.write,
      ...(member.dossier ? { dossier: member.dossier } : {}),
      ...(member.password ? { password: member.password } : {}),
    }),
  );
}

export async function dropMember(login: ServerLogin, name: string): Promise<void> {
  await withServer(login, (client) => removeMember(client, name));
}
