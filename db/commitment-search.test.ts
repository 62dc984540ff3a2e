import { describe, expect, it } from 'vitest';
import { searchPage, wordMatches } from './commitment-search.ts';
import { listCommitments, type ListOptions } from './commitments.ts';
import { createDossier } from './reference.ts';
import { newCommitment, temporaryDatabase } from './testing.ts';
import { insertCommitment } from './commitment-add.ts';
import { ftsQuery } from './commitment-filter.ts';

/**
 * 600 commitments: "steel" in two of every three titles (many matches, so the page is read down the
 * sort's index), "quota" in the rest; due dates shared by several, none on every fifth; 40 in the trash.
 */
function library() {
  const { db } = temporaryDatabase();
  const dossierId = createDossier(db, 'Search dossier', '');
  for (let n = 1; n <= 600; n += 1) {
    // "Lithium" in one in twelve, all due last: none of them among the first few down the due index.
    const lithium = n % 12 === 0;
    const title = lithium
      ? `Fisheries quota lithium ${n}`
      : n % 3 === 0
        ? `Fisheries quota ${n}`
        : `${n % 2 ? 'Tariffs on' : 'tariffs on'} steel ${n}`;
    const due = lithium ? `2030-01-${10 + (n % 17)}` : n % 5 === 0 ? null : `2027-0${1 + (n % 9)}-1${n % 7}`;
    insertCommitment(
      db,
      newCommitment(dossierId, {
        title,
        summary: n % 11 === 0 ? 'Steel again.' : '',
        deadline: due ? { on: due } : null,
      }),
    );
  }
  db.prepare(`UPDATE commitment SET deleted_at = '2026-01-01T00:00:00.000Z' WHERE id % 15 = 1`).run();
  return db;
}

/** Text compared as SQLite compares it: by code unit, not by locale. */
const binary = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface Row {
  id: number;
  title: string;
  due: string | null;
}

/** The list as a plain sort of every live match would give it: the rule listCommitments states. */
function expected(
  db: ReturnType<typeof library>,
  word: string,
  options: ListOptions,
): { total: number; ids: number[] } {
  const rows = (
    db
      .prepare('SELECT id, title, summary, due_on AS due FROM commitment WHERE deleted_at IS NULL')
      .all() as (Row & { summary: string })[]
  ).filter((row) => `${row.title} ${row.summary}`.toLowerCase().includes(word));
  // Rows without a due date last, whichever the direction; the id breaks ties, in the direction.
  const sign = options.direction === 'asc' ? 1 : -1;
  const byDue = (a: Row, b: Row) =>
    (a.due === null ? 1 : 0) - (b.due === null ? 1 : 0) ||
    sign * (binary(a.due ?? '', b.due ?? '') || a.id - b.id);
  const byTitle = (a: Row, b: Row) =>
    sign * (binary(a.title.toLowerCase(), b.title.toLowerCase()) || a.id - b.id);
  const sorted = rows.sort(options.sort === 'title' ? byTitle : byDue);
  return {
    total: rows.length,
    ids: sorted.slice(options.offset, options.offset + options.limit).map((row) => row.id),
  };
}

describe('the list narrowed by words alone', () => {
  const db = library();

  const order = 'c.due_on IS NULL, c.due_on, c.id';
  const search = (word: string, request: ListOptions, orderBy = order) =>
    searchPage(db, request, wordMatches(ftsQuery(word)!), orderBy);

  it('counts the live matches from the full-text index, leaving the trash out', () => {
    for (const word of ['steel', 'quota', 'nothing']) {
      expect(search(word, pageOf('due_on', 'asc', 0, 1)).total).toBe(
        expected(db, word, pageOf('due_on', 'asc', 0, 1)).total,
      );
    }
    expect(search('nothing', pageOf('due_on', 'asc', 0, 1)).total).toBe(0);
  });

  it('finds the page down the sort’s index when the words are in many, and leaves few matches to be sorted', () => {
    // In two commitments of three: among the first 400 down the index.
    expect(search('steel', pageOf('due_on', 'asc', 0, 50)).ids).toEqual(
      expected(db, 'steel', pageOf('due_on', 'asc', 0, 50)).ids,
    );
    // Deeper than those: read down the index with the matches listed.
    expect(search('steel', pageOf('due_on', 'asc', 300, 50)).ids).toEqual(
      expected(db, 'steel', pageOf('due_on', 'asc', 300, 50)).ids,
    );
    // In one in twelve, none of them among the first 32: read down the index with the matches listed.
    expect(search('lithium', pageOf('due_on', 'asc', 0, 4)).ids).toEqual(
      expected(db, 'lithium', pageOf('due_on', 'asc', 0, 4)).ids,
    );
    // "600" is in one commitment: reading down the index would pass hundreds.
    expect(search('600', pageOf('due_on', 'asc', 0, 50))).toEqual({ total: 1, ids: null });
    // No index gives the order of statuses.
    expect(search('steel', pageOf('status', 'asc', 0, 50), 's.position').ids).toBeNull();
  });

  it('gives the same pages and totals as sorting every match, whichever the order, page and words', () => {
    for (const word of ['steel', 'quota', 'tariffs', 'lithium']) {
      for (const sort of ['due_on', 'title'] as const) {
        for (const direction of ['asc', 'desc'] as const) {
          for (const [offset, limit] of [
            [0, 50],
            [0, 8],
            [150, 50],
            [360, 50],
            [900, 50],
          ] as const) {
            const options = pageOf(sort, direction, offset, limit);
            const page = listCommitments(db, { ...options, text: word });
            expect({ total: page.total, ids: page.rows.map((row) => row.id) }).toEqual(
              expected(db, word, options),
            );
          }
        }
      }
    }
  });
});

function pageOf(
  sort: ListOptions['sort'],
  direction: ListOptions['direction'],
  offset: number,
  limit: number,
): ListOptions {
  return { sort, direction, offset, limit };
}

/**
 * 1,200 commitments under a topic tree (a root, two subtopics) and three parties: the root's
 * subtopics in nine of every ten (some in both, counted once), one subtopic alone in one in twenty,
 * fisheries (a topic of its own) in one in ten, too few for the first look down the index but enough
 * to walk it; Mexico the maker of every other and owed to in some of those too (counted once), Chile
 * one in forty.
 */
function linkedLibrary() {
  const { db } = temporaryDatabase();
  const dossierId = createDossier(db, 'Linked dossier', '');
  const topic = (name: string, parentId: number | null) =>
    Number(
      db.prepare('INSERT INTO topic (name, parent_id) VALUES (?, ?)').run(name, parentId).lastInsertRowid,
    );
  const party = (name: string) =>
    Number(db.prepare(`INSERT INTO party (name, kind) VALUES (?, 'state')`).run(name).lastInsertRowid);
  const root = topic('trade', null);
  const [tariffs, customs] = [topic('tariffs', root), topic('customs', root)];
  const fisheries = topic('fisheries', null);
  const [mexico, canada, chile] = [party('Mexico'), party('Canada'), party('Chile')];
  for (let n = 1; n <= 1_200; n += 1) {
    const topicIds = [
      ...(n % 10 === 3 ? [fisheries] : []),
      ...(n % 10 !== 0 && n % 20 !== 7 ? [tariffs] : []),
      ...(n % 3 === 0 || n % 20 === 7 ? [customs] : []),
    ];
    const madeBy = [n % 2 === 0 ? mexico : canada, ...(n % 40 === 0 ? [chile] : [])];
    const owedTo = n % 6 === 0 ? [mexico] : [canada];
    const due = n % 5 === 0 ? null : `2027-0${1 + (n % 9)}-1${n % 7}`;
    insertCommitment(
      db,
      newCommitment(dossierId, {
        title: `Commitment ${n}`,
        topicIds,
        madeBy,
        owedTo,
        deadline: due ? { on: due } : null,
      }),
    );
  }
  db.prepare(`UPDATE commitment SET deleted_at = '2026-01-01T00:00:00.000Z' WHERE id % 15 = 1`).run();
  return { db, topics: { root, tariffs, customs, fisheries }, parties: { mexico, canada, chile } };
}

describe('the list narrowed by a topic or a party alone', () => {
  const { db, topics, parties } = linkedLibrary();

  /** Every live commitment with the topic (or one below it) or the party, sorted plainly. */
  function plain(filter: { topicId?: number; partyId?: number }, options: ListOptions) {
    const ids = (
      filter.topicId !== undefined
        ? db
            .prepare(
              `SELECT DISTINCT ct.commitment_id FROM commitment_topic ct JOIN topic t ON t.id = ct.topic_id
                WHERE t.id = ? OR t.parent_id = ?`,
            )
            .pluck()
            .all(filter.topicId, filter.topicId)
        : db
            .prepare('SELECT DISTINCT commitment_id FROM commitment_party WHERE party_id = ?')
            .pluck()
            .all(filter.partyId)
    ) as number[];
    const rows = (
      db.prepare('SELECT id, title, due_on AS due FROM commitment WHERE deleted_at IS NULL').all() as Row[]
    ).filter((row) => ids.includes(row.id));
    const sign = options.direction === 'asc' ? 1 : -1;
    rows.sort((a, b) =>
      options.sort === 'title'
        ? sign * (binary(a.title.toLowerCase(), b.title.toLowerCase()) || a.id - b.id)
        : (a.due === null ? 1 : 0) - (b.due === null ? 1 : 0) ||
          sign * (binary(a.due ?? '', b.due ?? '') || a.id - b.id),
    );
    return {
      total: rows.length,
      ids: rows.slice(options.offset, options.offset + options.limit).map((row) => row.id),
    };
  }

  it('gives the same pages and totals as sorting every match, for a topic with subtopics, a subtopic, and parties', () => {
    const filters = [
      { topicId: topics.root },
      { topicId: topics.tariffs },
      { topicId: topics.customs },
      { topicId: topics.fisheries },
      { partyId: parties.mexico },
      { partyId: parties.canada },
      { partyId: parties.chile },
    ];
    for (const filter of filters) {
      for (const sort of ['due_on', 'title'] as const) {
        for (const direction of ['asc', 'desc'] as const) {
          for (const [offset, limit] of [
            [0, 50],
            [0, 8],
            [8, 8],
            [150, 50],
            [1_100, 50],
          ] as const) {
            const options = pageOf(sort, direction, offset, limit);
            const page = listCommitments(db, { ...options, ...filter });
            expect({ total: page.total, ids: page.rows.map((row) => row.id) }).toEqual(
              plain(filter, options),
            );
          }
        }
      }
    }
  });

  it('counts each commitment once, though it has two subtopics or is both made by and owed to a party', () => {
    const both = db
      .prepare(
        `SELECT count(*) FROM commitment_party WHERE party_id = ? GROUP BY commitment_id HAVING count(*) > 1`,
      )
      .pluck()
      .all(parties.mexico);
    expect(both.length).toBeGreaterThan(0);
    const page = listCommitments(db, { ...pageOf('due_on', 'asc', 0, 50), topicId: topics.root });
    expect(page.total).toBe(plain({ topicId: topics.root }, pageOf('due_on', 'asc', 0, 50)).total);
    expect(page.total).toBeLessThan(
      db.prepare('SELECT count(*) FROM commitment_topic').pluck().get() as number,
    );
  });
});
