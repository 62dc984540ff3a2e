// The evidence behind a scorecard's cells, for the briefings that print it: the status update each
// cell shows, with its note and quote, read from each commitment's history on the scorecard's day.
import type { Database } from 'better-sqlite3';
import type { HistoryEntry } from '../domain/model.ts';
import { historyOf } from '../../db/status-updates.ts';
import type { Scorecard, ScorecardRow } from './scorecard.ts';

export type ScorecardEvidence = Map<number, HistoryEntry>;

export function scorecardEvidence(db: Database, card: Scorecard): ScorecardEvidence {
  const found: ScorecardEvidence = new Map();
  for (const row of card.commitments) {
    const wanted = new Set(updatesOf(row).map((group) => group.updateId));
    if (wanted.size === 0) continue;
    for (const entry of historyOf(db, row.id, card.asOf ?? undefined)) {
      if (wanted.has(entry.id)) found.set(entry.id, entry);
    }
  }
  return found;
}

/** The updates a row shows, each with the parties whose cells show it (none: the commitment no party made). */
export interface UpdateGroup {
  updateId: number;
  parties: string[];
  own: boolean;
}

export function updatesOf(row: ScorecardRow): UpdateGroup[] {
  if (row.cells.length === 0)
    return row.updateId === null ? [] : [{ updateId: row.updateId, parties: [], own: false }];
  const groups = new Map<number, UpdateGroup>();
  for (const cell of row.cells) {
    if (cell.updateId === null) continue;
    const group = groups.get(cell.updateId);
    if (group) group.parties.push(cell.party);
    else groups.set(cell.updateId, { updateId: cell.updateId, parties: [cell.party], own: cell.own });
  }
  return [...groups.values()];
}
