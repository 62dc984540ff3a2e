// The team's sync in the analyst's words: one line for the top bar ("Offline", "3 changes not yet
// sent", "Synced 2 min ago"), where a server is, what a member may do, and what a conflict is about.
import type { OutputOf } from '../../../electron/api/contract.ts';
import { formatCount, formatTag } from './i18n.ts';
import * as m from '../../../electron/shared/i18n/paraglide/messages.js';

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

function relative(): Intl.RelativeTimeFormat {
  return new Intl.RelativeTimeFormat(formatTag(), { style: 'short', numeric: 'always' });
}

/** "1 change", "3 changes". */
export function changesText(count: number): string {
  return count === 1 ? m.team_sync_one_change() : m.team_sync_changes({ count: formatCount(count) });
}

export function conflictsText(count: number): string {
  return count === 1 ? m.team_sync_one_conflict() : m.team_sync_conflicts({ count: formatCount(count) });
}

/** "just now", "2 min ago", "3 hr ago", "2 days ago". */
export function timeAgo(iso: string, now: number): string {
  const seconds = Math.max(0, (now - new Date(iso).getTime()) / 1000);
  if (seconds < 45) return m.team_sync_just_now();
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return relative().format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 24) return relative().format(-hours, 'hour');
  return relative().format(-Math.round(hours / 24), 'day');
}

/** The whole team in a line or two; null when no dossier is shared, so the top bar shows nothing. */
export function summariseSync(dossiers: TeamDossier[], now: number): SyncSummary | null {
  if (dossiers.length === 0) return null;
  const unsent = dossiers.reduce((sum, dossier) => sum + dossier.unsent, 0);
  const conflicts = dossiers.reduce((sum, dossier) => sum + dossier.conflicts, 0);
  const failing = dossiers.filter((dossier) => dossier.last_error);
  if (failing.length > 0) {
    const reasons = [...new Set(failing.map((dossier) => dossier.last_error!))];
    const waiting = unsent > 0 ? m.team_sync_not_yet_sent({ changes: changesText(unsent) }) : null;
    return {
      state: 'offline',
      label: m.team_sync_offline(),
      waiting,
      detail: reasons.join(' '),
      unsent,
      conflicts,
    };
  }
  const lastSyncs = dossiers.map((dossier) => dossier.last_synced_at);
  const detail = dossiers
    .map((dossier) =>
      dossier.last_synced_at
        ? m.team_sync_dossier_synced({ dossier: dossier.dossier, ago: timeAgo(dossier.last_synced_at, now) })
        : m.team_sync_dossier_not_synced({ dossier: dossier.dossier }),
    )
    .join('\n');
  const rest = { waiting: null, detail, unsent, conflicts };
  if (unsent > 0)
    return { state: 'unsent', label: m.team_sync_not_yet_sent({ changes: changesText(unsent) }), ...rest };
  if (lastSyncs.some((at) => at === null))
    return { state: 'waiting', label: m.team_sync_not_synced(), ...rest };
  // The dossier that synced longest ago says how fresh the whole is.
  const oldest = lastSyncs.reduce((a, b) => (a! < b! ? a : b))!;
  return { state: 'synced', label: m.team_sync_synced({ ago: timeAgo(oldest, now) }), ...rest };
}

export function grantText(canWrite: boolean): string {
  return canWrite ? m.team_sync_read_write() : m.team_sync_read_only();
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

const fieldNames: Record<string, () => string> = {
  title: m.team_sync_field_title,
  summary: m.team_sync_field_summary,
  kind: m.team_sync_field_kind,
  parent: m.team_sync_field_parent,
  announced_on: m.team_sync_field_announced,
  deadline: m.team_sync_field_deadline,
  deleted_at: m.team_sync_field_trash,
  topics: m.team_sync_field_topics,
  maker: m.team_sync_field_maker,
  owed_to: m.team_sync_field_owed_to,
};

/** The field of a conflict as the commitment page labels it: "title", "made by". */
export function conflictField(field: string): string {
  return fieldNames[field]?.() ?? field.replace(/_/g, ' ');
}
