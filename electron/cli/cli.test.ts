import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open.ts';
import { saveReportTemplate } from '../../db/report-templates.ts';
import { recordStatusUpdate } from '../../db/status-updates.ts';
import { damageFile, fileHash, newStatusUpdate, temporaryFolder } from '../../db/testing.ts';
import { cli, fingerprintOf } from './testing.ts';

/** The sample loaded into a new database, through the command line. */
function sampleDatabase(): { file: string; folder: string } {
  const folder = temporaryFolder();
  const file = join(folder, 'sample.sqlite');
  expect(cli(['sample', '--db', file])).toMatchObject({ code: 0, stdout: 'Loaded the sample dossier.\n' });
  return { file, folder };
}

function tariffsTopic(db: Database.Database): number {
  return db.prepare(`SELECT id FROM topic WHERE name = 'tariffs'`).pluck().get() as number;
}

describe('command line', () => {
  it('loads the sample once, and says so the second time', () => {
    const { file } = sampleDatabase();
    const before = fingerprintOf(file);
    expect(cli(['sample', '--db', file]).stdout).toMatch(/already loaded; nothing changed/);
    expect(fingerprintOf(file)).toBe(before);
  });

  it('writes the JSON report of the sample with every commitment and its history', () => {
    const { file, folder } = sampleDatabase();
    const out = join(folder, 'report.json');
    const result = cli(['report', '--format', 'json', '--out', out], { PLEDGEWATCH_DB: file });
    expect(result.code).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.schema).toBe('pledgewatch.report/1');
    expect(report.commitments.length).toBeGreaterThanOrEqual(8);
    for (const commitment of report.commitments) {
      expect(Object.keys(commitment)).toEqual(
        expect.arrayContaining([
          'id',
          'title',
          'dossier',
          'topics',
          'parties',
          'status',
          'announced_on',
          'due_on',
          'history',
        ]),
      );
      expect(commitment.history.length).toBeGreaterThan(0);
      for (const entry of commitment.history) {
        expect(Object.keys(entry)).toEqual(expect.arrayContaining(['status', 'effective_on', 'note']));
      }
    }
    const reprieve = report.commitments.find((c: { title: string }) => /reprieve/i.test(c.title));
    expect(reprieve).toMatchObject({ due_on: '2025-10-29', parties: ['United States'] });
    expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('filters the report by name and refuses unknown names, listing the known ones', () => {
    const { file, folder } = sampleDatabase();
    const out = join(folder, 'tariffs.json');
    expect(
      cli(['report', '--db', file, '--format', 'json', '--out', out, '--topic', 'trade › tariffs']).code,
    ).toBe(0);
    const titles = JSON.parse(readFileSync(out, 'utf8')).commitments.map(
      (c: { topics: string[] }) => c.topics,
    );
    expect(titles.length).toBeGreaterThan(0);
    for (const topics of titles) expect(topics).toContain('trade › tariffs');
    const unknown = cli(['report', '--db', file, '--format', 'json', '--out', out, '--party', 'Atlantis']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--party "Atlantis" matches nothing; known: .*Mexico/);
  });

  it('refuses bad reports with a clear message, a non-zero exit and no file', () => {
    const { file, folder } = sampleDatabase();
    const before = fingerprintOf(file);
    const out = join(folder, 'never.json');
    const cases: [string[], RegExp][] = [
      [['report', '--format', 'json'], /needs --out/],
      [['report', '--out', out], /needs --format/],
      [['report', '--format', 'odt', '--out', out], /"odt" is not a report format/],
      [
        ['report', '--format', 'json', '--out', join(folder, 'missing', 'r.json')],
        /folder .*missing does not exist/,
      ],
      [['teleport'], /Unknown command "teleport"/],
    ];
    for (const [args, message] of cases) {
      const result = cli([...args, '--db', file]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
    }
    expect(existsSync(out)).toBe(false);
    expect(fingerprintOf(file)).toBe(before);
  });

  it('refuses a bad --since, --template or --out with a clear message and writes nothing', () => {
    const { file, folder } = sampleDatabase();
    const before = fingerprintOf(file);
    const out = join(folder, 'never.json');
    const cases: [string[], RegExp][] = [
      [
        ['report', '--format', 'json', '--out', out, '--since', '1 Sep'],
        /--since "1 Sep" is not a date written YYYY-MM-DD/,
      ],
      [
        ['report', '--format', 'json', '--out', out, '--as-of', '2025-10-01', '--since', '2025-11-01'],
        /--since 2025-11-01 is after the day the report describes \(2025-10-01\)/,
      ],
      [['report', '--format', 'json', '--out', out, '--template', '  '], /--template needs a name/],
      [['report', '--format', 'json', '--out', folder], /is a folder; give the name of the file to write/],
      [['report', '--format', 'md', '--out', out, '--colour', 'red'], /Unknown option '--colour'/],
    ];
    for (const [args, message] of cases) {
      const result = cli([...args, '--db', file]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
    }
    expect(existsSync(out)).toBe(false);
    expect(fingerprintOf(file)).toBe(before);
  });

  it('writes the report as of a day, with each deadline state on that day, and filters on state', () => {
    const { file, folder } = sampleDatabase();
    const read = (name: string) => JSON.parse(readFileSync(join(folder, name), 'utf8'));
    const report = (name: string, ...args: string[]) =>
      cli(['report', '--db', file, '--format', 'json', '--out', join(folder, name), ...args]);
    expect(report('today.json').code).toBe(0);
    expect(report('october.json', '--as-of', '2025-10-01').code).toBe(0);
    const today = read('today.json');
    const october = read('october.json');
    const byTitle = (document: { commitments: { title: string }[] }, pattern: RegExp) =>
      document.commitments.find((c) => pattern.test(c.title)) as Record<string, unknown> | undefined;
    expect(today.as_of).toBeNull();
    expect(byTitle(today, /reprieve/)).toMatchObject({ due_on: '2025-10-29', deadline_state: 'passed' });
    expect(october.as_of).toBe('2025-10-01');
    expect(october.schema).toBe('pledgewatch.report/1');
    expect(byTitle(october, /reprieve/)).toMatchObject({ deadline_state: 'due_soon', status: 'in progress' });
    expect(byTitle(october, /USMCA/)).toMatchObject({ deadline_state: 'upcoming' });
    // Announced in January 2026: not there yet on 1 October 2025.
    expect(byTitle(october, /Security Ministerial/)).toBeUndefined();
    expect(byTitle(today, /Security Ministerial/)).toMatchObject({ deadline_state: 'passed' });
    const group = byTitle(october, /implementation group/) as { history: { effective_on: string }[] };
    expect(group.history.map((entry) => entry.effective_on)).toEqual(['2025-09-03', '2025-09-26']);

    expect(report('passed.json', '--deadline-state', 'passed', '--status-category', 'open').code).toBe(0);
    expect(
      read('passed.json')
        .commitments.map((c: { title: string }) => c.title)
        .sort(),
    ).toEqual([
      '90-day reprieve for Mexico from the threatened 30% tariffs',
      'Hold a Security Ministerial in Washington in February 2026 to assess progress and gaps',
      'Review the USMCA trade agreement',
    ]);
    expect(report('soon.json', '--deadline-state', 'due soon', '--as-of', '2025-10-01').code).toBe(0);
    expect(read('soon.json').commitments).toHaveLength(1);
  });

  it('refuses a day or a state it does not know, with exit code 2 and nothing written', () => {
    const { file, folder } = sampleDatabase();
    const before = fingerprintOf(file);
    const out = join(folder, 'never.json');
    const cases: [string[], RegExp][] = [
      [['--as-of', '2025-02-30'], /--as-of "2025-02-30" is not a date written YYYY-MM-DD/],
      [['--as-of', '1 Oct 2025'], /--as-of "1 Oct 2025" is not a date written YYYY-MM-DD/],
      [
        ['--deadline-state', 'late'],
        /--deadline-state "late" is not a deadline state; use one of none, upcoming/,
      ],
      [
        ['--status-category', 'done'],
        /--status-category "done" is not a status category; use one of open, closed/,
      ],
    ];
    for (const [args, message] of cases) {
      const result = cli(['report', '--db', file, '--format', 'json', '--out', out, ...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
    }
    expect(existsSync(out)).toBe(false);
    expect(fingerprintOf(file)).toBe(before);
  });

  it('writes the sample in every briefing and table format, names files safely and remembers each', () => {
    const { file, folder } = sampleDatabase();
    const cases: [string, string, (bytes: Buffer) => boolean][] = [
      ['pdf', 'CON.pdf', (bytes) => bytes.subarray(0, 5).toString() === '%PDF-'],
      ['docx', 'briefing.docx', (bytes) => bytes.subarray(0, 2).toString() === 'PK'],
      ['xlsx', 'table.xlsx', (bytes) => bytes.subarray(0, 2).toString() === 'PK'],
      ['md', 'briefing.md', (bytes) => bytes.toString().startsWith('# Commitments briefing\n')],
      ['html', 'briefing.html', (bytes) => bytes.toString().startsWith('<!doctype html>')],
      ['csv', 'table.csv', (bytes) => bytes.toString().includes('90-day reprieve')],
    ];
    for (const [format, name, looksRight] of cases) {
      const result = cli(['report', '--db', file, '--format', format, '--out', join(folder, name)]);
      expect(result.code, `${format}: ${result.stderr}`).toBe(0);
      // A device name Windows reserves is renamed, and the command says where it wrote.
      const written = name === 'CON.pdf' ? 'report CON.pdf' : name;
      expect(result.stdout).toBe(`Wrote 9 commitments to ${join(folder, written)}\n`);
      expect(looksRight(readFileSync(join(folder, written))), format).toBe(true);
    }
    expect(existsSync(join(folder, 'CON.pdf'))).toBe(false);
    expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT format FROM report_snapshot ORDER BY id').pluck().all()).toEqual(
      cases.map(([format]) => format),
    );
    db.close();
  }, 90_000);

  it('lists what changed since the last report of a template, with no date typed', () => {
    const { file, folder } = sampleDatabase();
    const report = (name: string, ...args: string[]) =>
      cli(['report', '--db', file, '--out', join(folder, name), '--template', 'Friday briefing', ...args]);
    expect(report('first.json', '--format', 'json').code).toBe(0);
    const first = JSON.parse(readFileSync(join(folder, 'first.json'), 'utf8'));
    expect(first).toMatchObject({ template: 'Friday briefing', changes: null });
    const db = openDatabase(file);
    const lastWeek = new Date(Date.now() - 7 * 86_400_000).toISOString();
    db.prepare('UPDATE report_snapshot SET created_at = ?').run(lastWeek);
    const reprieve = db
      .prepare(`SELECT id FROM commitment WHERE title LIKE '90-day reprieve%'`)
      .pluck()
      .get() as number;
    recordStatusUpdate(
      db,
      newStatusUpdate(
        reprieve,
        db.prepare(`SELECT id FROM status WHERE name = 'lapsed'`).pluck().get() as number,
        new Date().toISOString().slice(0, 10),
        { note: 'The reprieve ran out.' },
      ),
    );
    saveReportTemplate(db, { name: 'Tariff watch', scope: { topicId: tariffsTopic(db) }, format: 'md' });
    db.close();

    expect(report('second.json', '--format', 'json').code).toBe(0);
    const { changes } = JSON.parse(readFileSync(join(folder, 'second.json'), 'utf8'));
    expect(changes.compared_with).toMatchObject({
      kind: 'report',
      template: 'Friday briefing',
      sent_at: lastWeek,
    });
    expect(changes.status_changes).toMatchObject([
      { commitment_id: reprieve, from: 'in progress', to: 'lapsed' },
    ]);
    expect(changes.new_commitments).toEqual([]);
    expect(changes.corrections).toEqual([]);

    // A saved template gives the filters and the format; none need typing.
    const saved = cli([
      'report',
      '--db',
      file,
      '--template',
      'tariff watch',
      '--out',
      join(folder, 'tariffs.md'),
    ]);
    expect(saved.code, saved.stderr).toBe(0);
    const markdown = readFileSync(join(folder, 'tariffs.md'), 'utf8');
    expect(markdown).toMatch(/^# Tariff watch\n/);
    expect(markdown).toContain('Topic: trade › tariffs, with its subtopics');
    expect(markdown).not.toContain('Review the USMCA trade agreement');
  }, 60_000);

  it('refuses a folder it cannot write in, writing and remembering nothing', () => {
    const { file, folder } = sampleDatabase();
    const before = fingerprintOf(file);
    // Root may write in any folder whatever its mode: the kernel's own folders refuse even root.
    const locked = process.getuid?.() === 0 ? '/sys' : join(folder, 'locked');
    if (locked !== '/sys') {
      mkdirSync(locked);
      chmodSync(locked, 0o555);
    }
    const result = cli(['report', '--db', file, '--format', 'md', '--out', join(locked, 'briefing.md')]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(
      /does not let you write in it|Cannot write .*briefing\.md: (permission denied|not permitted|the disk is read-only)\. Nothing was written\./,
    );
    expect(result.stderr).not.toMatch(/\.tmp/);
    expect(fingerprintOf(file)).toBe(before);
  });

  it('backs up with the online backup API and checks a healthy file', () => {
    const { file, folder } = sampleDatabase();
    const target = join(folder, 'copy.sqlite');
    expect(cli(['backup', '--db', file, '--out', target]).code).toBe(0);
    expect(fingerprintOf(target)).toBe(fingerprintOf(file));
    const check = cli(['check', '--db', target]);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/: ok \(schema version \d+\)/);
  });

  it('reports a damaged or foreign file with a non-zero exit and leaves it as it was', () => {
    const { file } = sampleDatabase();
    const foreign = join(temporaryFolder(), 'notes.sqlite');
    writeFileSync(foreign, 'not a database at all, just notes');
    const result = cli(['check', '--db', foreign]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/damaged or not a Pledgewatch database/);
    expect(readFileSync(foreign, 'utf8')).toBe('not a database at all, just notes');

    // Flip bytes inside a table page of a real database.
    const damaged = join(temporaryFolder(), 'damaged.sqlite');
    damageFile(file, [3, 6], damaged);
    const damagedHash = fileHash(damaged);
    const check = cli(['check', '--db', damaged]);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/damaged/);
    expect(fileHash(damaged)).toBe(damagedHash);
  });

  it('refuses to back up a database that does not exist, creating nothing', () => {
    const missing = join(temporaryFolder(), 'nothing.sqlite');
    const result = cli(['backup', '--db', missing]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no database at/);
    expect(existsSync(missing)).toBe(false);
  });

  it('imports its own exports back into an empty database: the same commitments and statuses', () => {
    const { file, folder } = sampleDatabase();
    const statuses = (db: string) => {
      const opened = new Database(db, { readonly: true });
      try {
        return opened
          .prepare(
            `SELECT c.title, s.name AS status FROM commitment c
               JOIN status_update u ON u.id = (SELECT id FROM status_update WHERE commitment_id = c.id
                                                ORDER BY effective_on DESC, recorded_at DESC, uid DESC LIMIT 1)
               JOIN status s ON s.id = u.status_id ORDER BY c.title`,
          )
          .all();
      } finally {
        opened.close();
      }
    };
    for (const format of ['csv', 'xlsx', 'json']) {
      const out = join(folder, `export.${format}`);
      expect(cli(['report', '--format', format, '--out', out, '--db', file]).code).toBe(0);
      const empty = join(temporaryFolder(), 'empty.sqlite');
      const dryRun = cli(['import', out, '--dry-run', '--db', empty]);
      expect(dryRun).toMatchObject({
        code: 0,
        stdout: expect.stringMatching(/9 new commitments[\s\S]*Dry run: nothing was written/),
      });
      expect(statuses(empty)).toEqual([]);
      const imported = cli(['import', out, '--db', empty]);
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.stdout).toMatch(/Imported: 9 new commitments/);
      expect(statuses(empty)).toEqual(statuses(file));
    }
  });

  it('refuses a spreadsheet with a bad cell, naming its line and field, and writes nothing', () => {
    const { file, folder } = sampleDatabase();
    const csv = join(folder, 'statuses.csv');
    writeFileSync(csv, 'id,title,status,status_since\n1,,in progress,2026-02-01\n2,,achieved,2026-02-30\n');
    const before = fingerprintOf(file);
    const result = cli(['import', csv, '--db', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/nothing was written/);
    expect(result.stderr).toMatch(/line 3.*status_since|status_since.*line 3/);
    expect(fingerprintOf(file)).toBe(before);
  });
});
