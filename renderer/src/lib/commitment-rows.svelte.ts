// The rows of the commitments list, fetched a page at a time as the analyst scrolls, so 100,000 rows
// cost no more than the few screens actually looked at.
import type { CommitmentRow } from '../../../electron/domain/model.ts';
import type { InputOf } from '../../../electron/api/contract.ts';
import { api } from './api.ts';

export type RowsQuery = Omit<InputOf<'listCommitments'>, 'offset' | 'limit'>;

export const pageSize = 100;
/** The API's largest page, used when many ids are needed at once (select all). */
const largestPage = 500;

export class CommitmentRows {
  /** How many commitments match; null until the first page answers. */
  total = $state<number | null>(null);
  error = $state<string | null>(null);
  /** Goes up whenever a page arrives, so views reading rows redraw. */
  version = $state(0);
  /** Goes up on every reset: answers to an older query arrive late sometimes, and only the current
   *  generation may fill the cache; views ask again for the rows in sight when it changes. */
  generation = $state(0);
  // Plain collections on purpose: `version` tells views when pages change, one signal for the whole cache.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #pages = new Map<number, CommitmentRow[]>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #loading = new Set<number>();
  #query: RowsQuery = {};

  /** Starts over for a new query (or the same one after a change to the data), loading the first page. */
  reset(query: RowsQuery): void {
    this.#query = query;
    this.generation += 1;
    this.#pages.clear();
    this.#loading.clear();
    this.version += 1;
    void this.#load(0);
  }

  /**
   * Asks again for the pages held, for the same query after the data changed (the team's changes
   * arrived): the rows in sight stay until their fresh page replaces them, so the place is kept.
   */
  refresh(): void {
    const held = [...this.#pages.keys()];
    this.generation += 1;
    this.#loading.clear();
    for (const page of held.length > 0 ? held : [0]) void this.#load(page);
  }

  /** The row at a position, or undefined while its page is on its way. */
  row(index: number): CommitmentRow | undefined {
    void this.version;
    return this.#pages.get(Math.floor(index / pageSize))?.[index % pageSize];
  }

  /** Asks for the pages covering rows first..last (inclusive) that are neither here nor on their way. */
  ensure(first: number, last: number): void {
    for (let page = Math.floor(Math.max(0, first) / pageSize); page <= Math.floor(last / pageSize); page++) {
      if (this.total !== null && page * pageSize >= this.total) break;
      if (!this.#pages.has(page) && !this.#loading.has(page)) void this.#load(page);
    }
  }

  async #load(page: number): Promise<void> {
    const generation = this.generation;
    this.#loading.add(page);
    try {
      const result = await api.listCommitments({ ...this.#query, offset: page * pageSize, limit: pageSize });
      if (generation !== this.generation) return;
      this.#pages.set(page, result.rows);
      this.total = result.total;
      this.error = null;
      this.version += 1;
    } catch (failure) {
      if (generation === this.generation) this.error = (failure as Error).message;
    } finally {
      if (generation === this.generation) this.#loading.delete(page);
    }
  }

  /** The ids of the first `count` rows, fetching what is missing in the API's largest pages. */
  async ids(count: number): Promise<number[]> {
    const generation = this.generation;
    const wanted = Math.min(count, this.total ?? 0);
    for (let offset = 0; offset < wanted; offset += largestPage) {
      const pages = Array.from({ length: largestPage / pageSize }, (_, step) => offset / pageSize + step);
      if (pages.every((page) => page * pageSize >= wanted || this.#pages.has(page))) continue;
      const result = await api.listCommitments({ ...this.#query, offset, limit: largestPage });
      if (generation !== this.generation) return [];
      for (const page of pages) {
        const start = (page - offset / pageSize) * pageSize;
        if (start < result.rows.length) this.#pages.set(page, result.rows.slice(start, start + pageSize));
      }
      this.version += 1;
    }
    const ids: number[] = [];
    for (let index = 0; index < wanted; index++) {
      const row = this.row(index);
      if (row) ids.push(row.id);
    }
    return ids;
  }
}
