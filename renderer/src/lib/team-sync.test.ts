// The top bar's line about the team, and the other team wording, as the analyst reads them.
import { describe, expect, it } from 'vitest';
import {
  conflictField,
  memberLogin,
  serverPlace,
  summariseSync,
  timeAgo,
  type TeamDossier,
} from './team-sync.ts';

const now = Date.parse('2026-11-23T12:00:00Z');

function dossier(change: Partial<TeamDossier> = {}): TeamDossier {
  return {
    server: 'postgres://office-db.example:5432/pledgewatch',
    dossier: 'US–Mexico',
    dossier_id: 1,
    member: 'alice',
    can_write: true,
    unsent: 0,
    last_synced_at: '2026-11-23T11:58:00Z',
    last_error: null,
    conflicts: 0,
    ...change,
  };
}

describe('summariseSync', () => {
  it('says nothing when no dossier is shared', () => {
    expect(summariseSync([], now)).toBeNull();
  });

  it('says when the team last synced, from the dossier synced longest ago', () => {
    const summary = summariseSync(
      [dossier(), dossier({ dossier: 'G7', last_synced_at: '2026-11-23T09:00:00Z' })],
      now,
    );
    expect(summary?.label).toBe('Synced 3 hr ago');
    expect(summary?.detail).toBe('US–Mexico: synced 2 min ago\nG7: synced 3 hr ago');
  });

  it('counts the changes not yet sent', () => {
    expect(summariseSync([dossier({ unsent: 3 })], now)?.label).toBe('3 changes not yet sent');
    expect(summariseSync([dossier({ unsent: 1 })], now)?.label).toBe('1 change not yet sent');
  });

  it('is offline when a dossier could not sync, with the server’s sentence as the detail', () => {
    const summary = summariseSync(
      [
        dossier({
          unsent: 1,
          last_error: 'Cannot reach the team database at office-db.example/pledgewatch.',
        }),
      ],
      now,
    );
    expect(summary).toMatchObject({
      state: 'offline',
      label: 'Offline',
      waiting: '1 change not yet sent',
      detail: 'Cannot reach the team database at office-db.example/pledgewatch.',
    });
  });

  it('has not synced yet right after joining', () => {
    expect(summariseSync([dossier({ last_synced_at: null })], now)?.label).toBe('Not synced yet');
  });

  it('adds up the conflicts of every dossier', () => {
    expect(summariseSync([dossier({ conflicts: 2 }), dossier({ conflicts: 1 })], now)?.conflicts).toBe(3);
  });
});

describe('timeAgo', () => {
  it('rounds to what a glance needs', () => {
    expect(timeAgo('2026-11-23T11:59:50Z', now)).toBe('just now');
    expect(timeAgo('2026-11-23T11:55:00Z', now)).toBe('5 min ago');
    expect(timeAgo('2026-11-21T12:00:00Z', now)).toBe('2 days ago');
  });
});

describe('servers and fields', () => {
  it('shows where a server is without its scheme', () => {
    expect(serverPlace('postgres://office-db.example:5432/pledgewatch?sslmode=require')).toBe(
      'office-db.example:5432/pledgewatch',
    );
  });

  it('puts the member into the dossier’s server address', () => {
    expect(memberLogin(dossier())).toBe('postgres://alice@office-db.example:5432/pledgewatch');
  });

  it('names a conflicting field as the commitment page does', () => {
    expect(conflictField('owed_to')).toBe('owed to');
    expect(conflictField('title')).toBe('title');
  });
});
