// "Who did what" in the reports of a shared dossier: who recorded each status update, who added a
// commitment and who edited what since the baseline; nothing of it in a dossier never shared.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { updateCommitment } from '../../db/edits.ts';
import {
  logTeamChange,
  newCommitment,
  shareDossier,
  temporaryDatabase,
  temporaryFolder,
} from '../../db/testing.ts';
import { renderDocx } from './docx.ts';
import { renderHtml } from './html.ts';
import { renderJson } from './json.ts';
import { renderMarkdown } from './markdown.ts';
import { buildReport } from './model.ts';
import { changesAfterTheReport, day, moment, scriptedHistory } from './scripted-history.ts';
import { readableDay } from './wording.ts';
import { insertCommitment } from '../../db/commitment-add.ts';

const dossierOf = (db: Database, commitmentId: number) =>
  db.prepare('SELECT dossier_id FROM commitment WHERE id = ?').pluck().get(commitmentId) as number;

/** Bob's commitment, as sync applies it: no entry in the outbox, and the log's create names him. */
function pulledCommitment(db: Database, dossierId: number, title: string): number {
  db.prepare('INSERT INTO team_applying (active) VALUES (1)').run();
  const id = insertCommitment(db, newCommitment(dossierId, { title, announcedOn: day(-2) }));
  db.prepare('DELETE FROM team_applying').run();
  logTeamChange(db, { author: 'bob', commitmentId: id, op: 'create', receivedAt: moment(-2) });
  return id;
}

/** The scripted history shared by alice after it was written, then a week of the team's work. */
function sharedWeek() {
  const { db } = temporaryDatabase();
  const history = scriptedHistory(db);
  shareDossier(db, dossierOf(db, history.border), 'alice');
  changesAfterTheReport(db, history);
  const ports = pulledCommitment(db, dossierOf(db, history.border), 'Inspect every port of entry');
  const set = (author: string, commitmentId: number, field: string, value: unknown, offset: number) =>
    logTeamChange(db, { author, commitmentId, op: 'set', field, value, receivedAt: moment(offset) });
  set('dave', history.training, 'summary', 'Before the baseline', -10);
  set('bob', history.training, 'title', 'Train 500 customs officers', -3);
  set('carol', history.training, 'maker', [1], -2);
  set('bob', history.training, 'deadline', { on: day(90) }, -1);
  set('bob', ports, 'title', 'A new commitment’s own edit', -1);
  // Written here and not yet sent: the outbox says it is alice's.
  updateCommitment(db, { id: history.border, announcedOn: day(-41) });
  return { db, history, ports, report: buildReport(db, {}, new Date(), { since: day(-7) }) };
}

describe('who did what, in a shared dossier', () => {
  it('names who recorded each change, who added each new commitment and who edited the others', () => {
    const { history, ports, report } = sharedWeek();
    const changes = report.changes!;
    expect(changes.statusChanges.map((c) => c.entry.recordedBy)).toEqual(['alice']);
    expect(changes.corrections.map((c) => c.entry.recordedBy)).toEqual(['alice']);
    const ministerial = changes.newCommitments.find((c) => c.title.startsWith('Hold a ministerial'))!;
    expect(changes.addedBy).toEqual({ [ministerial.id]: 'alice', [ports]: 'bob' });
    expect(changes.edits).toEqual([
      expect.objectContaining({
        commitment: { id: history.border, title: 'Open the Nogales border crossing' },
        by: [expect.objectContaining({ author: 'alice', fields: ['announced_on'] })],
      }),
      expect.objectContaining({
        commitment: { id: history.training, title: 'Train 500 customs officers' },
        by: [
          { author: 'bob', fields: ['title', 'deadline'], at: moment(-1) },
          { author: 'carol', fields: ['maker'], at: moment(-2) },
        ],
      }),
    ]);
    // Entries recorded before the dossier was shared have nobody's name.
    const training = report.commitments.find((c) => c.id === history.training)!;
    expect(training.history.map((entry) => entry.recordedBy)).toEqual(['alice', null, null]);
  });

  it('says so in Markdown, HTML and Word', async () => {
    const { report } = sharedWeek();
    const markdown = renderMarkdown(report);
    expect(markdown).toContain(
      `**Train 500 customs officers** — in progress → fulfilled, effective ${readableDay(day(-3))} (recorded by alice on ${readableDay(new Date().toISOString())})`,
    );
    expect(markdown).toMatch(/\| Hold a ministerial on arms trafficking \(added by alice\) +\|/);
    expect(markdown).toMatch(/\| Inspect every port of entry \(added by bob\) +\|/);
    expect(markdown).toContain('### Edits to commitments (2)');
    expect(markdown).toContain(
      '**Train 500 customs officers** — Edited by bob: title, deadline; by carol: made by (',
    );
    expect(markdown).toContain('**Open the Nogales border crossing** — Edited by alice: announced on (');
    expect(markdown).toMatch(
      /Corrected the entry of .* \(stalled\): in progress, effective .* — recorded by alice\./,
    );

    const html = renderHtml(report);
    expect(html).toContain('recorded by alice on');
    expect(html).toContain('<div class="meta">added by bob</div>');
    expect(html).toContain('<h4>Edits to commitments (2)</h4>');
    expect(html).toContain('Edited by bob: title, deadline; by carol: made by');

    const file = join(temporaryFolder(), 'report.docx');
    writeFileSync(file, await renderDocx(report));
    const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
    const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
      [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    );
    expect(paragraphs).toContain('added by bob');
    expect(paragraphs).toContain(`recorded by alice on ${readableDay(new Date().toISOString())}`);
    expect(paragraphs).toContain('Edited by bob: title, deadline; by carol: made by');
  });

  it('gives recorded_by, added_by and edits in the JSON report', () => {
    const { history, ports, report } = sharedWeek();
    const document = JSON.parse(renderJson(report));
    const training = document.commitments.find((c: { id: number }) => c.id === history.training);
    expect(training.history.map((entry: { recorded_by: string | null }) => entry.recorded_by)).toEqual([
      null,
      null,
      'alice',
    ]);
    expect(document.changes.status_changes[0]).toMatchObject({ recorded_by: 'alice' });
    expect(document.changes.corrections[0]).toMatchObject({ kind: 'corrects', recorded_by: 'alice' });
    expect(document.changes.added_by).toContainEqual({ commitment_id: ports, author: 'bob' });
    expect(document.changes.edits).toContainEqual({
      commitment_id: history.training,
      author: 'carol',
      fields: ['parties'],
      last_at: moment(-2),
    });
  });
});

describe('who did what, in a dossier never shared', () => {
  it('names nobody, and shows no edits', () => {
    const { db } = temporaryDatabase();
    const history = scriptedHistory(db);
    changesAfterTheReport(db, history);
    const report = buildReport(db, {}, new Date(), { since: day(-7) });
    expect(report.changes).toMatchObject({ addedBy: {}, edits: [] });
    expect(report.commitments.flatMap((c) => c.history).every((entry) => entry.recordedBy === null)).toBe(
      true,
    );
    const markdown = renderMarkdown(report);
    expect(markdown).not.toMatch(/recorded by|added by|Edits to commitments/);
    expect(markdown).toContain(`(recorded ${readableDay(new Date().toISOString())})`);
    expect(renderHtml(report)).not.toMatch(/recorded by|added by|Edits to commitments/);
    const document = JSON.parse(renderJson(report));
    expect(document.changes).toMatchObject({ added_by: [], edits: [] });
    expect(document.changes.status_changes[0].recorded_by).toBeNull();
  });
});
