// The team's sync in the analyst's words: one line for the top bar ("Offline", "3 changes not yet
// sent", "Synced 2 min ago"), where a server is, what a member may do, and what a conflict is about.
import type { OutputOf } from '../../../electron/api/contract.ts';

export type TeamDossier = OutputOf<'teamStatus'>['dossiers'][number];
export type FieldConflict = OutputOf<'listConflicts'>[number];

export interface SyncSummary {
  state: 'offline' | 'unsent' | 'synced' | 'waiting';
  /** What the top bar says first. */
  label: string;
  /** Offline with changes waiting: "1 change not yet sent", said under the label. */
  waiting: string | null;
  /** Why it is offline (the server's sentences), or when each dossier last synced: the tooltip. */
  detail: string;
  unsent: number;
  conflicts: number;
}

const relative = new Intl.RelativeTimeFormat('en-GB', { style: 'short', numeric: 'always' });

/** "1 change", "3 changes". */
export function changesText(count: number): string {
  return count === 1 ? '1 change' : `${count.toLocaleString('en-GB')} changes`;
}

export function conflictsText(count: number): string {
  return count === 1 ? '1 conflict' : `${count.toLocaleString('en-GB')} conflicts`;
}

/** "just now", "2 min ago", "3 hr ago", "2 days ago". */
export function timeAgo(iso: string, now: number): string {
  const seconds = Math.max(0, (now - new Date(iso).getTime()) / 1000);
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return relative.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 24) return relative.format(-hours, 'hour');
  return relative.format(-Math.round(hours / 24), 'day');
}

/** The whole team in a line or two; null when no dossier is shared, so the top bar shows nothing. */
export function summariseSync(dossiers: TeamDossier[], now: number): SyncSummary | null {
  if (dossiers.length === 0) return null;
  const unsent = dossiers.reduce((sum, dossier) => sum + dossier.unsent, 0);
  const conflicts = dossiers.reduce((sum, dossier) => sum + dossier.conflicts, 0);
  const failing = dossiers.filter((dossier) => dossier.last_error);
  if (failing.length > 0) {
    const reasons = [...new Set(failing.map((dossier) => dossier.last_error!))];
    const waiting = unsent > 0 ? `${changesText(unsent)} not yet sent` : null;
    return { state: 'offline', label: 'Offline', waiting, detail: reasons.join(' '), unsent, conflicts };
  }
  const lastSyncs = dossiers.map((dossier) => dossier.last_synced_at);
  const detail = dossiers
    .map((dossier) =>
      dossier.last_synced_at
        ? `${dossier.dossier}: synced ${timeAgo(dossier.last_synced_at, now)}`
        : `${dossier.dossier}: not synced yet`,
    )
    .join('\n');
  const rest = { waiting: null, detail, unsent, conflicts };
  if (unsent > 0) return { state: 'unsent', label: `${changesText(unsent)} not yet sent`, ...rest };
  if (lastSyncs.some((at) => at === null)) return { state: 'waiting', label: 'Not synced yet', ...rest };
  // The dossier that synced longest ago says how fresh the whole is.
  const oldest = lastSyncs.reduce((a, b) => (a! < b! ? a : b))!;
  return { state: 'synced', label: `Synced ${timeAgo(oldest, now)}`, ...rest };
}

export function grantText(canWrite: boolean): string {
  return canWrite ? 'read and write' : 'read only';
}

/** "office-db.example:5432/pledgewatch": where a server is, without the scheme or a login. */
export function serverPlace(server: string): string {
  try {
    const url = new URL(server);
    return `${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  } catch {
    return server;
  }
}

/** The address a member logs in with: the dossier's server with the member's name in it. */
export function memberLogin(dossier: Pick<TeamDossier, 'server' | 'member'>): string {
  try {
    const url = new URL(dossier.server);
    if (!url.username) url.username = encodeURIComponent(dossier.member);
    return url.href;
  } catch {
    return dossier.server;
  }
}

const fieldNames: Record<string, string> = {
  title: 'title',
  summary: 'summary',
  kind: 'kind',
  parent: 'part of',
  announced_on: 'announced',
  deadline: 'deadline',
  deleted_at: 'trash',
  topics: 'topics',
  maker: 'made by',
  owed_to: 'owed to',
};

/** The field of a conflict as the commitment page labels it: "title", "made by". */
export function conflictField(field: string): string {
  return fieldNames[field] ?? field.replace(/_/g, ' ');
}
