// One cell of the scorecard in full, for the view to show on click: the status update behind it, with
// its note and the evidence it cites (the quote and its source).
import type { Database } from 'better-sqlite3';
import { updateInForceSql } from '../../db/as-of.ts';
import { DomainError } from '../../db/errors.ts';
import type { HistoryEntry, StatusRef } from '../domain/model.ts';
import { listStatuses } from '../../db/reference.ts';
import { statement } from '../../db/statements.ts';
import { historyOf } from '../../db/status-updates.ts';
import { cellKind, type CellKind, type Score } from '../domain/compliance.ts';

export interface ScorecardCellRequest {
  commitmentId: number;
  partyId: number;
  /** The scorecard's day; today when left out. */
  asOf?: string | undefined;
}

export interface ScorecardCellDetail {
  commitment: { id: number; title: string };
  party: { id: number; name: string };
  asOf: string | null;
  status: StatusRef | null;
  score: Score | null;
  kind: CellKind;
  /** False when the party has no status of its own and the cell shows the commitment's. */
  own: boolean;
  /** The update in force: its dates, note and evidence (quote, speaker, source); null when there is none. */
  update: HistoryEntry | null;
}

interface Found {
  title: string;
  party: string | null;
  maker: number | null;
  own: number | null;
  whole: number | null;
}

export function scorecardCell(db: Database, request: ScorecardCellRequest): ScorecardCellDetail {
  const { commitmentId, partyId, asOf } = request;
  const day = asOf === undefined ? null : '@asOf';
  const found = statement<[{ id: number; party: number; asOf: string | null }], Found>(
    db,
    `SELECT c.title,
            (SELECT p.name FROM party p WHERE p.id = @party) AS party,
            (SELECT 1 FROM commitment_party cp
              WHERE cp.commitment_id = c.id AND cp.party_id = @party AND cp.role = 'maker') AS maker,
            ${updateInForceSql('c.id', day, '@party')} AS own,
            ${updateInForceSql('c.id', day)} AS whole
       FROM commitment c WHERE c.id = @id AND c.deleted_at IS NULL`,
  ).get({ id: commitmentId, party: partyId, asOf: asOf ?? null });
  if (!found) throw new DomainError('not_found', `No commitment has id ${commitmentId}.`, 'commitmentId');
  if (found.party === null) throw new DomainError('not_found', `No party has id ${partyId}.`, 'partyId');
  if (found.maker === null) {
    throw new DomainError(
      'invalid_input',
      `${found.party} did not make “${found.title}”, so it has no cell in the scorecard.`,
      'partyId',
    );
  }
  const updateId = found.own ?? found.whole;
  const update =
    updateId === null
      ? null
      : (historyOf(db, commitmentId, asOf).find((entry) => entry.id === updateId) ?? null);
  const status = update && listStatuses(db).find((each) => each.id === update.status.id);
  return {
    commitment: { id: commitmentId, title: found.title },
    party: { id: partyId, name: found.party },
    asOf: asOf ?? null,
    status: update?.status ?? null,
    score: status?.score ?? null,
    kind: cellKind(status ?? null),
    own: found.own !== null,
    update,
  };
}
