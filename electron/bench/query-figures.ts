// The in-process figures: a filtered page, an as-of page, the dashboard and changes since, each beside
// the plainest prepared statement that answers the same question (full-text search: search-figures.ts).
import type { Database } from 'better-sqlite3';
import { listCommitments } from '../../db/commitments.ts';
import { changesSince, getDashboard } from '../../db/dashboard.ts';
import { time, type Figure } from './measure.ts';

const runs = 200;

function figure(
  name: string,
  size: string,
  measured: { p50: number; p95: number },
  floor: number | null,
  target: string,
  met: boolean,
): Figure {
  return { figure: name, size, p50: measured.p50, p95: measured.p95, floor, target, met };
}

export async function queryFigures(db: Database, size: string): Promise<Figure[]> {
  const topicId = db.prepare(`SELECT id FROM topic WHERE name = 'tariffs'`).pluck().get() as number;
  const page = { sort: 'due_on', direction: 'asc', offset: 0, limit: 50, dateField: 'due_on' } as const;

  const listed = await time(() => listCommitments(db, { ...page, topicId }), runs);
  const rawPage = db.prepare(
    `SELECT c.id, c.title, c.due_on, s.name FROM commitment c
       LEFT JOIN status_update u ON u.id = c.current_update_id LEFT JOIN status s ON s.id = u.status_id
      WHERE c.deleted_at IS NULL AND c.id IN (SELECT commitment_id FROM commitment_topic WHERE topic_id = ?)
      ORDER BY c.due_on IS NULL, c.due_on, c.id LIMIT 50`,
  );
  const rawCount = db.prepare(
    `SELECT count(*) FROM commitment c WHERE c.deleted_at IS NULL
        AND c.id IN (SELECT commitment_id FROM commitment_topic WHERE topic_id = ?)`,
  );
  const pageFloor = await time(() => [rawPage.all(topicId), rawCount.get(topicId)], runs);

  const asOf = await time(() => listCommitments(db, { ...page, asOf: '2023-06-30' }), runs);
  const rawAsOf = db.prepare(
    `SELECT c.id, c.title, (SELECT u.status_id FROM status_update u WHERE u.commitment_id = c.id AND u.party_id IS NULL
             AND u.effective_on <= ? ORDER BY u.effective_on DESC, u.recorded_at DESC, u.uid DESC LIMIT 1) AS status
       FROM commitment c WHERE c.deleted_at IS NULL AND c.announced_on <= ?
      ORDER BY c.due_on IS NULL, c.due_on, c.id LIMIT 50`,
  );
  const asOfFloor = await time(() => rawAsOf.all('2023-06-30', '2023-06-30'), runs);

  const dashboard = await time(() => getDashboard(db, {}), 30, 2);
  const since = await time(() => changesSince(db, '2026-01-01T00:00:00.000Z'), 50);

  return [
    figure(
      'filtered, sorted page of 50',
      size,
      listed,
      pageFloor.p50,
      '≤ 2× floor',
      listed.p50 <= 2 * pageFloor.p50,
    ),
    figure('as-of page of 50', size, asOf, asOfFloor.p50, '≤ 5 ms', asOf.p95 <= 5),
    figure('dashboard aggregates', size, dashboard, null, '≤ 30 ms', dashboard.p95 <= 30),
    figure('changes since a date', size, since, null, '≤ 100 ms', since.p95 <= 100),
  ];
}
