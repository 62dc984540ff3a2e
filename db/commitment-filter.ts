// The filters of the commitments list as SQL: which commitments a filter keeps, and what the list can
// read faster because of what narrows it (the status alone; the words, a topic or a party alone).
import { announcedBy } from './as-of.ts';
import { partyMatches, topicMatches, wordMatches, type Matches } from './commitment-search.ts';
import { deadlineStateCondition } from './deadlines.ts';
import type { DeadlineState } from '../electron/domain/model.ts';

export interface CommitmentFilter {
  dossierId?: number | undefined;
  topicId?: number | undefined;
  partyId?: number | undefined;
  statusId?: number | undefined;
  statusCategory?: 'open' | 'closed' | undefined;
  deadlineState?: DeadlineState | undefined;
  /** Which date dateFrom and dateTo bound, both days included; the due date when left out. */
  dateField?: 'announced_on' | 'due_on' | undefined;
  dateFrom?: string | undefined;
  dateTo?: string | undefined;
  text?: string | undefined;
  /** The state on that day, from history; today when left out. */
  asOf?: string | undefined;
}

/** Turns what the analyst typed into an FTS5 query: every word must match, as a prefix. */
export function ftsQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}]+/gu);
  if (!words) return null;
  return words.map((word) => `"${word}"*`).join(' ');
}

export interface FilterClause {
  /** Over `c`, and over `u` and `s` (see statusJoins) when needsStatus; may use @asOf. */
  where: string;
  params: unknown[];
  needsStatus: boolean;
  /** False when only the trash and, in the as-of view, the announcement day narrow the list. */
  narrowed: boolean;
  /**
   * When only the status today (a status, or open or closed) narrows the list, the condition on `s`
   * alone: most commitments may match, so the page is read in index order and the matches are
   * counted apart, from the status index. Null otherwise.
   */
  statusOnly: string | null;
  /**
   * When only words, only a topic or only a party narrows the list (and the day is today), its
   * matches: counted from their own index, and the page may be read down the sort's index
   * (commitment-search.ts). Null otherwise.
   */
  matchesOnly: Matches | null;
}

const dateColumns = { announced_on: 'c.announced_on', due_on: 'c.due_on' } as const;

export function filterClause(filter: CommitmentFilter): FilterClause {
  const conditions = ['c.deleted_at IS NULL'];
  const params: unknown[] = [];
  const add = (condition: string, ...values: unknown[]) => {
    conditions.push(condition);
    params.push(...values);
  };
  if (filter.asOf !== undefined) add(announcedBy);
  const baseConditions = conditions.length;
  if (filter.dossierId !== undefined) add('c.dossier_id = ?', filter.dossierId);
  if (filter.topicId !== undefined) {
    add(
      `c.id IN (
      WITH RECURSIVE sub (id) AS (SELECT ? UNION ALL SELECT t.id FROM topic t JOIN sub ON t.parent_id = sub.id)
      SELECT ct.commitment_id FROM commitment_topic ct WHERE ct.topic_id IN (SELECT id FROM sub))`,
      filter.topicId,
    );
  }
  if (filter.partyId !== undefined) {
    add('c.id IN (SELECT commitment_id FROM commitment_party WHERE party_id = ?)', filter.partyId);
  }
  const linkOnly =
    filter.asOf === undefined && conditions.length === baseConditions + 1 && filter.dossierId === undefined
      ? filter.topicId !== undefined
        ? topicMatches(filter.topicId)
        : partyMatches(filter.partyId!)
      : null;
  const beforeDates = conditions.length;
  const dateColumn = dateColumns[filter.dateField ?? 'due_on'];
  if (filter.dateFrom !== undefined) add(`${dateColumn} >= ?`, filter.dateFrom);
  if (filter.dateTo !== undefined) add(`${dateColumn} <= ?`, filter.dateTo);
  const match = filter.text ? ftsQuery(filter.text) : null;
  const beforeText = conditions.length;
  if (match) add('c.id IN (SELECT rowid FROM commitment_fts WHERE commitment_fts MATCH ?)', match);
  const statusConditions = conditions.length;
  const onlyText = match !== null && beforeText === baseConditions && filter.asOf === undefined;
  // IS rather than =: the same for a value that is never null, but it keeps the status a LEFT JOIN
  // that SQLite reads per commitment, instead of a join it may turn round to scan every update.
  if (filter.statusId !== undefined) add('s.id IS ?', filter.statusId);
  if (filter.statusCategory !== undefined) add('s.category IS ?', filter.statusCategory);
  const onlyStatus = statusConditions === baseConditions && conditions.length > statusConditions;
  const statusWhere = conditions.slice(statusConditions).join(' AND ');
  if (filter.deadlineState !== undefined) add(deadlineStateCondition(filter.deadlineState, '@asOf'));
  return {
    where: conditions.join(' AND '),
    params,
    needsStatus: conditions.length > statusConditions,
    narrowed: conditions.length > baseConditions,
    statusOnly:
      onlyStatus && filter.deadlineState === undefined && filter.asOf === undefined ? statusWhere : null,
    matchesOnly:
      match !== null && onlyText && conditions.length === statusConditions
        ? wordMatches(match)
        : conditions.length === beforeDates
          ? linkOnly
          : null,
  };
}
