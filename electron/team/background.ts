// Sync in the background while the app runs: on start, every minute, soon after a local write (the
// outbox grew), and at once when PostgreSQL's LISTEN/NOTIFY says another member wrote. Only one sync
// runs at a time. A failure is noted on the dossier ("offline") and tried again soon, then less and less
// often (5 s, 10 s, 20 s, then every 30 s), so a server back from a restart is seen within seconds.
import type { Database } from 'better-sqlite3';
import type pg from 'pg';
import { statement } from '../../db/statements.ts';
import { teamLinks } from './changes.ts';
import { openConnection, serverOf, syncLinks } from './operations.ts';

export interface BackgroundSyncOptions {
  /** Every so often, whatever happens: default one minute. */
  intervalMs?: number;
  /** How often the outbox is looked at for new local writes: default one second. */
  outboxPollMs?: number;
  /** The first retry after a failed sync or a dropped listener: default five seconds, then doubling. */
  retryMs?: number;
}

export class BackgroundSync {
  readonly #db: Database;
  readonly #options: Required<BackgroundSyncOptions>;
  #timers: NodeJS.Timeout[] = [];
  #running: Promise<void> | null = null;
  #again = false;
  #lastOutbox: string | null | undefined = undefined;
  #listeners = new Map<string, pg.Client>();
  #stopped = false;
  #retry: NodeJS.Timeout | null = null;
  #retryMs: number;

  constructor(db: Database, options: BackgroundSyncOptions = {}) {
    this.#db = db;
    this.#options = {
      intervalMs: options.intervalMs ?? 60_000,
      outboxPollMs: options.outboxPollMs ?? 1_000,
      retryMs: options.retryMs ?? 5_000,
    };
    this.#retryMs = this.#options.retryMs;
  }

  start(): void {
    this.#timers.push(setInterval(() => this.syncSoon(), this.#options.intervalMs).unref());
    this.#timers.push(setInterval(() => this.#watchOutbox(), this.#options.outboxPollMs).unref());
    this.syncSoon();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    for (const timer of this.#timers) clearInterval(timer);
    this.#timers = [];
    if (this.#retry) clearTimeout(this.#retry);
    this.#retry = null;
    await this.#running?.catch(() => {});
    for (const client of this.#listeners.values()) await client.end().catch(() => {});
    this.#listeners.clear();
  }

  /** Starts a sync, or asks for one more right after the one under way. */
  syncSoon(): void {
    if (this.#stopped || !this.#db.open) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#syncOnce().finally(() => {
      this.#running = null;
      if (this.#again) {
        this.#again = false;
        this.syncSoon();
      }
    });
  }

  /** Resolves when no sync is under way (for tests and a clean stop). */
  async settled(): Promise<void> {
    while (this.#running) await this.#running.catch(() => {});
  }

  async #syncOnce(): Promise<void> {
    if (teamLinks(this.#db).length === 0) return;
    // Failures are noted on each dossier by syncLinks: the top bar reads them.
    const outcomes = await syncLinks(this.#db).catch(() => null);
    const listening = this.#stopped
      ? true
      : await this.#listen().then(
          () => true,
          () => false,
        );
    const failed = outcomes === null || outcomes.some((outcome) => outcome.error !== null) || !listening;
    if (failed) this.#retrySoon();
    else this.#retryMs = this.#options.retryMs;
  }

  /** One retry, later each time until a sync goes through. */
  #retrySoon(): void {
    if (this.#stopped || this.#retry) return;
    const delay = this.#retryMs;
    this.#retryMs = Math.min(this.#retryMs * 2, this.#options.intervalMs, 30_000);
    this.#retry = setTimeout(() => {
      this.#retry = null;
      this.syncSoon();
    }, delay).unref();
  }

  #watchOutbox(): void {
    if (!this.#db.open) return;
    // By id and time: once a push empties the outbox its ids start again, so a write made before the
    // next look would take the id last seen and wait for the minute.
    const newest = statement<[], { newest: string | null }>(
      this.#db,
      `SELECT max(id) || ' ' || max(written_at) AS newest FROM team_outbox`,
    ).get()!.newest;
    if (newest !== this.#lastOutbox) {
      const first = this.#lastOutbox === undefined;
      this.#lastOutbox = newest;
      if (!first && newest !== null) this.syncSoon();
    }
  }

  /** One listening connection per server and member; a dropped one is opened again by a retry. */
  async #listen(): Promise<void> {
    for (const link of teamLinks(this.#db)) {
      const key = `${link.server}\n${link.member}`;
      if (this.#listeners.has(key)) continue;
      const client = await openConnection({ server: serverOf(link) });
      const forget = () => {
        if (this.#listeners.get(key) !== client) return;
        this.#listeners.delete(key);
        this.#retrySoon();
      };
      client.on('notification', () => this.syncSoon());
      client.on('error', forget);
      client.on('end', forget);
      this.#listeners.set(key, client);
      await client.query('LISTEN pledgewatch_change');
      if (this.#stopped) await client.end().catch(() => {});
    }
  }
}
