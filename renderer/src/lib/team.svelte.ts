// The team as this tab knows it: each shared dossier's sync, read every two seconds while the tab is
// in sight; when changes from the team have arrived, every view reloads what it shows (undo.version).
import { api } from './api.ts';
import { reference } from './reference.svelte.ts';
import { changesText, summariseSync, type TeamDossier } from './team-sync.ts';
import { undo } from './undo.svelte.ts';
import * as m from '../../../electron/shared/i18n/paraglide/messages.js';

const pollMs = 2_000;

class Team {
  dossiers = $state<TeamDossier[]>([]);
  /** The desktop app keeps a password typed in; browser mode takes it from PGPASSWORD or pgpass. */
  keepsPasswords = $state(false);
  loaded = $state(false);
  syncing = $state(false);
  /** What the last "Sync now" did, in words, or its one sentence of failure. */
  syncOutcome = $state<string | null>(null);
  /** Read on each poll, so "synced 2 min ago" moves on by itself. */
  now = $state(Date.now());
  #revision: number | null = null;
  #timer: ReturnType<typeof setInterval> | null = null;

  readonly summary = $derived(summariseSync(this.dossiers, this.now));

  /** Starts polling (once); stops while the tab is hidden and catches up when it is seen again. */
  start(): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => {
      if (document.visibilityState === 'visible') void this.refresh();
    }, pollMs);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') void this.refresh();
    });
    void this.refresh();
  }

  async refresh(): Promise<void> {
    try {
      const status = await api.teamStatus({});
      this.dossiers = status.dossiers;
      this.keepsPasswords = status.keepsPasswords;
      this.now = Date.now();
      this.loaded = true;
      const arrived = this.#revision !== null && status.revision !== this.#revision;
      this.#revision = status.revision;
      if (arrived) {
        // Parties, topics or a whole dossier may have come with the changes.
        await reference.load();
        undo.version += 1;
      }
    } catch {
      // A status that cannot be read now is read again on the next poll.
    }
  }

  /** The team link of a dossier, if it is shared. */
  linkOf(dossierId: number): TeamDossier | undefined {
    return this.dossiers.find((dossier) => dossier.dossier_id === dossierId);
  }

  isReadOnly(dossierId: number): boolean {
    return this.linkOf(dossierId)?.can_write === false;
  }

  async syncNow(): Promise<void> {
    if (this.syncing) return;
    this.syncing = true;
    this.syncOutcome = null;
    try {
      const outcomes = await api.syncTeam({});
      const failed = outcomes.find((outcome) => outcome.error);
      const pushed = outcomes.reduce((sum, outcome) => sum + outcome.pushed, 0);
      const pulled = outcomes.reduce((sum, outcome) => sum + outcome.pulled, 0);
      this.syncOutcome = failed
        ? failed.error
        : pushed + pulled === 0
          ? m.team_up_to_date()
          : m.team_sent_fetched({ sent: changesText(pushed), fetched: changesText(pulled) });
    } catch (failure) {
      this.syncOutcome = (failure as Error).message;
    } finally {
      this.syncing = false;
      await this.refresh();
    }
  }
}

export const team = new Team();
