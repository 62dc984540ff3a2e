// Which commitment each row of a file is: one already in the database (by id, else by dossier and
// title), or a new one; and which commitment each parent_id names.
import type { Database } from 'better-sqlite3';
import type { CommitmentRef } from '../../../db/import-plan.ts';
import { liveParents, titleKey, type Existing } from './existing.ts';
import type { ParsedCommitment } from './parse-rows.ts';
import type { Problems } from './problems.ts';

export interface Matching {
  /** Per row of the file. */
  refs: CommitmentRef[];
  /** Row index by the id the file gives, so parent_id and history can point at rows of the file. */
  byFileId: Map<number, number>;
  /** Row indexes of the new commitments, in order: { new: n } is the n-th of them. */
  newRows: number[];
  /** The line of each new commitment, for messages. */
  newLines: number[];
  /** Per new commitment, the file's id when no commitment has it yet. */
  keepIds: (number | null)[];
}

export function refKey(ref: CommitmentRef | null): string {
  if (ref === null) return 'none';
  return 'existing' in ref ? `existing ${ref.existing}` : `new ${ref.new}`;
}

/**
 * By id only within the same dossier: an id from another database's export must not overwrite an
 * unrelated commitment here. A commitment is never moved between dossiers by an import.
 */
function matchOne(row: ParsedCommitment, existing: Existing, problems: Problems): number | null {
  const byId = row.id === null ? undefined : existing.live.get(row.id);
  if (byId && (row.dossier === undefined || row.dossier.toLowerCase() === byId.dossier.toLowerCase())) {
    return byId.id;
  }
  // Into an empty database (the first import) no title is looked up.
  if (row.title === undefined || row.dossier === undefined || existing.byTitle.size === 0) return null;
  const candidates = existing.byTitle.get(titleKey(row.dossier, row.title)) ?? [];
  if (candidates.length > 1) {
    const ids = candidates.map((candidate) => candidate.id).join(', ');
    problems.add(
      row.place,
      'title',
      `${candidates.length} commitments of ${row.dossier} have this title (ids ${ids}); give the id to say which.`,
    );
  }
  return candidates.length === 1 ? candidates[0]!.id : null;
}

export function matchRows(rows: ParsedCommitment[], existing: Existing, problems: Problems): Matching {
  const matching: Matching = { refs: [], byFileId: new Map(), newRows: [], newLines: [], keepIds: [] };
  // The first line of each id, matched commitment and dossier and title: a map of each, so that
  // 100,000 rows build no key but the title's.
  const firstLines = {
    id: new Map<number, number>(),
    existing: new Map<number, number>(),
    title: new Map<string, number>(),
  };
  const claimed = new Set<number>();
  /** True, after saying so, when an earlier row already had this key. */
  const repeated = <Key>(
    lines: Map<Key, number>,
    key: Key,
    row: ParsedCommitment,
    field: string,
    what: string,
  ) => {
    const first = lines.get(key);
    if (first !== undefined) problems.add(row.place, field, `${what} as line ${first}.`);
    else lines.set(key, row.place.line);
    return first !== undefined;
  };
  rows.forEach((row, index) => {
    if (row.id !== null) {
      if (repeated(firstLines.id, row.id, row, 'id', 'the same id')) return;
      matching.byFileId.set(row.id, index);
    }
    const id = matchOne(row, existing, problems);
    if (id !== null) {
      repeated(firstLines.existing, id, row, 'title', 'the same commitment');
      claimed.add(id);
      matching.refs.push({ existing: id });
      return;
    }
    if (row.dossier === undefined) problems.add(row.place, 'dossier', 'a new commitment needs a dossier.');
    if (row.kind === undefined) problems.add(row.place, 'kind', 'a new commitment needs a kind.');
    if (row.title !== undefined && row.dossier !== undefined) {
      repeated(
        firstLines.title,
        titleKey(row.dossier, row.title),
        row,
        'title',
        'the same dossier and title',
      );
    }
    matching.refs.push({ new: matching.newRows.length });
    matching.newRows.push(index);
    matching.newLines.push(row.place.line);
    matching.keepIds.push(null);
  });
  // Only once every match is known can a new commitment keep its id without taking a matched one's.
  matching.newRows.forEach((index, n) => {
    const id = rows[index]!.id;
    if (id !== null && !existing.taken.has(id) && !claimed.has(id)) {
      claimed.add(id);
      matching.keepIds[n] = id;
    }
  });
  return matching;
}

/** The commitment parent_id names: a row of the file by its id, else a live one in the database. */
export function resolveParents(
  db: Database,
  rows: ParsedCommitment[],
  matching: Matching,
  problems: Problems,
): (CommitmentRef | null | undefined)[] {
  const outside = rows.flatMap((row) =>
    row.parentId == null || matching.byFileId.has(row.parentId) ? [] : [row.parentId],
  );
  const live = liveParents(db, outside);
  const parents = rows.map((row, index): CommitmentRef | null | undefined => {
    if (row.parentId === undefined || row.parentId === null) return row.parentId;
    const inFile = matching.byFileId.get(row.parentId);
    const parent =
      inFile !== undefined
        ? matching.refs[inFile]!
        : live.has(row.parentId)
          ? { existing: row.parentId }
          : null;
    if (parent === null) {
      problems.add(
        row.place,
        'parent_id',
        `no commitment has id ${row.parentId}, in this file or in Pledgewatch.`,
      );
      return undefined;
    }
    if (refKey(parent) === refKey(matching.refs[index]!)) {
      problems.add(row.place, 'parent_id', 'a commitment cannot oversee itself.');
      return undefined;
    }
    return parent;
  });
  refuseLoops(db, rows, matching, parents, problems);
  return parents;
}

/** Parents that, through the file, would end up overseeing themselves. */
function refuseLoops(
  db: Database,
  rows: ParsedCommitment[],
  matching: Matching,
  parents: (CommitmentRef | null | undefined)[],
  problems: Problems,
): void {
  const parentOf = new Map<string, CommitmentRef | null>();
  matching.refs.forEach((ref, index) => {
    const parent = parents[index];
    if (parent !== undefined) parentOf.set(refKey(ref), parent);
  });
  const up = (ref: CommitmentRef): CommitmentRef | null => {
    const key = refKey(ref);
    if (parentOf.has(key)) return parentOf.get(key)!;
    if ('new' in ref) return null;
    const parentId = liveParents(db, [ref.existing]).get(ref.existing) ?? null;
    const parent = parentId === null ? null : { existing: parentId };
    parentOf.set(key, parent);
    return parent;
  };
  rows.forEach((row, index) => {
    if (!parents[index]) return;
    const start = refKey(matching.refs[index]!);
    const visited = new Set<string>();
    for (let ref = up(matching.refs[index]!); ref !== null; ref = up(ref)) {
      const key = refKey(ref);
      if (key === start) {
        problems.add(row.place, 'parent_id', 'through their parents, this commitment would oversee itself.');
        return;
      }
      if (visited.has(key)) return;
      visited.add(key);
    }
  });
}
