// Undo for the session: the last undoable action shown in the toast, and a counter pages reload on.
import { api } from './api.ts';
import { reference } from './reference.svelte.ts';
import * as m from '../../../electron/shared/i18n/paraglide/messages.js';

class Undo {
  /** What the analyst last did that can be undone, in words; null when there is nothing to offer. */
  last = $state<string | null>(null);
  /** What just happened to an undo ("Undone: …", "Nothing to undo."), shown without an Undo button. */
  notice = $state<string | null>(null);
  /**
   * Goes up after every undo, a restore, and changes arriving from the team: pages read it in their load
   * effect so they show the data as it is now, keeping the analyst's place and unsaved forms.
   */
  version = $state(0);
  busy = $state(false);

  announce(description: string): void {
    this.last = description;
    this.notice = null;
  }

  dismiss(): void {
    this.last = null;
    this.notice = null;
  }

  async undoLast(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const { undone } = await api.undo({});
      this.last = null;
      this.notice = undone ? m.undo_undone({ what: undone }) : m.undo_nothing();
      await reference.load();
      this.version += 1;
    } catch (failure) {
      this.notice = m.undo_failed({ error: (failure as Error).message });
    } finally {
      this.busy = false;
    }
  }
}

export const undo = new Undo();
