// Checks the watched feeds on their schedule while the desktop app or browser mode runs: every minute it
// looks for feeds whose interval has gone by, and checks those, one run at a time. The clock is given,
// so tests move time on instead of waiting for it.
import type { Database } from 'better-sqlite3';
import { checkDueFeeds, type CheckOptions, type FeedCheck } from './check.ts';

export interface FeedSchedulerOptions extends CheckOptions {
  /** How often due feeds are looked for: default one minute. */
  tickMs?: number;
}

export class FeedScheduler {
  readonly #db: Database;
  readonly #options: FeedSchedulerOptions;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<FeedCheck[]> | null = null;

  constructor(db: Database, options: FeedSchedulerOptions = {}) {
    this.#db = db;
    this.#options = options;
  }

  start(): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => void this.runDue(), this.#options.tickMs ?? 60_000).unref();
    void this.runDue();
  }

  /** Checks the feeds that are due; while a run is under way, its result is returned instead. */
  runDue(): Promise<FeedCheck[]> {
    if (!this.#db.open) return Promise.resolve([]);
    if (this.#running) return this.#running;
    this.#running = checkDueFeeds(this.#db, this.#options)
      .catch((error: unknown) => {
        if (this.#db.open) console.error('Pledgewatch: checking the feeds failed', error);
        return [];
      })
      .finally(() => {
        this.#running = null;
      });
    return this.#running;
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#running;
  }
}
