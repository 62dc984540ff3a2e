// A parent's children rolled up into one score, and each maker's own standing, on a given day.
import type { Database } from 'better-sqlite3';
import { announcedBy, statusJoins, updateInForceSql } from './as-of.ts';
import type {
  CommitmentSummary,
  CountCell,
  Party,
  PartyStanding,
  RollUp,
  StatusRef,
} from '../electron/domain/model.ts';
import { statement } from './statements.ts';

/** Shown to the analyst beside the roll-up, so the number can be checked by hand. */
export const rollUpRule =
  "Children not yet assessed are left out; the score is the mean of the assessed children's " +
  'compliance scores (fulfilled +1, partially fulfilled 0, broken −1)';

interface RawStatus {
  statusId: number | null;
  statusName: string | null;
  statusColour: string | null;
  statusCategory: 'open' | 'closed' | null;
}

export function statusRef(raw: RawStatus): StatusRef | null {
  if (raw.statusId === null) return null;
  return {
    id: raw.statusId,
    name: raw.statusName ?? '',
    colour: raw.statusColour ?? '#6b7280',
    category: raw.statusCategory ?? 'open',
  };
}

/** A parent or child as the commitment page lists it, with what the roll-up needs of its status. */
export interface Relative extends CommitmentSummary {
  assessed: boolean;
  score: -1 | 0 | 1 | null;
}

/**
 * The live commitments matching `where` (over `c`, with the parameter @id), with their status as
 * of @asOf when `asOf` is set. In the as-of view a child announced after the day did not exist yet.
 */
export function relativesOf(db: Database, where: string, id: number, asOf: string | undefined): Relative[] {
  const announced = asOf === undefined ? '' : `AND ${announcedBy}`;
  return statement<[{ id: number; asOf: string | null }], RawStatus & Omit<Relative, 'status'>>(
    db,
    `SELECT c.id, c.title, s.id AS statusId, s.name AS statusName, s.colour AS statusColour,
            s.category AS statusCategory, coalesce(s.assessed, 0) = 1 AS assessed, s.score
       FROM commitment c ${statusJoins(asOf !== undefined)}
      WHERE ${where} AND c.deleted_at IS NULL ${announced} ORDER BY c.id`,
  )
    .all({ id, asOf: asOf ?? null })
    .map((raw) => ({
      id: raw.id,
      title: raw.title,
      status: statusRef(raw),
      assessed: Boolean(raw.assessed),
      score: raw.score,
    }));
}

/** The roll-up of a parent's children; null when it oversees none. */
export function rollUp(children: Relative[]): RollUp | null {
  if (children.length === 0) return null;
  const assessed = children.filter((child) => child.assessed);
  const scores: number[] = assessed.flatMap((child) => (child.score === null ? [] : [child.score]));
  const byStatus = new Map<number, number>();
  for (const child of children) {
    if (child.status) byStatus.set(child.status.id, (byStatus.get(child.status.id) ?? 0) + 1);
  }
  return {
    rule: rollUpRule,
    assessed: assessed.length,
    notYetAssessed: children.length - assessed.length,
    meanScore: scores.length === 0 ? null : scores.reduce((sum, score) => sum + score, 0) / scores.length,
    byStatus: [...byStatus].map(([statusId, count]): CountCell => ({ statusId, count })),
  };
}

/**
 * Each maker's latest per-party update on or before the day (or the latest of all), where two or
 * more parties made the commitment: the US and Mexico need not comply alike.
 */
export function standingsOf(
  db: Database,
  commitmentId: number,
  makers: Party[],
  asOf: string | undefined,
): PartyStanding[] {
  if (makers.length < 2) return [];
  const update = updateInForceSql('@id', asOf === undefined ? null : '@asOf', 'cp.party_id');
  const rows = statement<
    [{ id: number; asOf: string | null }],
    RawStatus & { partyId: number; score: -1 | 0 | 1 | null; since: string | null }
  >(
    db,
    `SELECT cp.party_id AS partyId, s.id AS statusId, s.name AS statusName, s.colour AS statusColour,
            s.category AS statusCategory, s.score, u.effective_on AS since
       FROM commitment_party cp
       LEFT JOIN status_update u ON u.id = ${update}
       LEFT JOIN status s ON s.id = u.status_id
      WHERE cp.commitment_id = @id AND cp.role = 'maker'`,
  ).all({ id: commitmentId, asOf: asOf ?? null });
  const byParty = new Map(rows.map((row) => [row.partyId, row]));
  return makers.map((party) => {
    const row = byParty.get(party.id);
    return {
      party,
      status: row ? statusRef(row) : null,
      score: row?.score ?? null,
      since: row?.since ?? null,
    };
  });
}
