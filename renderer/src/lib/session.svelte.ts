// This session of the app: when the analyst last opened Pledgewatch, so the dashboard can say what changed since.
import { api } from './api.ts';

class Session {
  /** When the app was opened before this time (ISO timestamp); null the first time. */
  previous = $state<string | null>(null);
  /** True once startSession has answered: until then the dashboard would ask for the wrong changes. */
  started = $state(false);
  error = $state<string | null>(null);
  #starting: Promise<void> | null = null;

  /** Called once when the app opens; later calls share the first. */
  start(): Promise<void> {
    this.#starting ??= api
      .startSession({})
      .then(({ previous }) => {
        this.previous = previous;
      })
      .catch((failure: unknown) => {
        this.error = (failure as Error).message;
      })
      .finally(() => {
        this.started = true;
      });
    return this.#starting;
  }
}

export const session = new Session();
