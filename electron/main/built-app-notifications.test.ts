// Deadline notifications and pledgewatch:// links in the main process, built as `npm run build` builds
// it, against a stand-in for Electron.
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../db/open.ts';
import { saveSettings } from '../../db/settings.ts';
import { newCommitment } from '../../db/testing.ts';
import { loadSample } from '../ingest/sample.ts';
import { emit } from './fake-electron.ts';
import { insertCommitment } from '../../db/commitment-add.ts';
import { useBuiltApp } from './built-app-testing.ts';

const { scratch, startApp } = useBuiltApp('main-notify-test');

describe('deadline notifications and pledgewatch:// links in the built main process', () => {
  const inDays = (days: number) => {
    const date = new Date();
    date.setUTCDate(date.getUTCDate() + days);
    return date.toISOString().slice(0, 10);
  };

  /** The sample, plus commitments due in three and five days; `notify` as the analyst set it. */
  function prepare(notify: boolean): { file: string; uid: string; id: number } {
    const file = join(mkdtempSync(join(scratch, 'db-')), 'pledgewatch.sqlite');
    const db = openDatabase(file);
    loadSample(db);
    const dossierId = db.prepare('SELECT id FROM dossier LIMIT 1').pluck().get() as number;
    const id = insertCommitment(
      db,
      newCommitment(dossierId, { title: 'Open the joint inspection office', deadline: { on: inDays(3) } }),
    );
    insertCommitment(
      db,
      newCommitment(dossierId, { title: 'Publish the joint seizure figures', deadline: { on: inDays(5) } }),
    );
    saveSettings(db, { notifyDeadlines: notify });
    const uid = db.prepare('SELECT uid FROM commitment WHERE id = ?').pluck().get(id) as string;
    db.close();
    return { file, uid, id };
  }

  afterEach(() => vi.unstubAllEnvs());

  it('shows one notification at start naming what is due this week and what passed, and opens the dashboard', async () => {
    const { file } = prepare(true);
    const fake = await startApp(file);
    try {
      expect(fake.recorded.notifications).toHaveLength(1);
      const [notice] = fake.recorded.notifications;
      expect(notice!.shown).toBe(true);
      expect(notice!.options.title).toBe(
        'Pledgewatch: 2 deadlines this week, 3 deadlines passed with no update',
      );
      expect(notice!.options.body.split('\n')[0]).toBe('Open the joint inspection office: due in 3 days');
      expect(notice!.options.body).toContain('and 1 more');
      const window = fake.recorded.windows[0]!;
      emit(notice!.listeners, 'click');
      expect(window.webContents.executed.at(-1)).toBe('window.location.hash = "#/"');
    } finally {
      emit(fake.recorded.appListeners, 'will-quit');
    }
  });

  it('shows none when the analyst turned them off', async () => {
    const { file } = prepare(false);
    const fake = await startApp(file);
    try {
      expect(fake.recorded.notifications).toHaveLength(0);
    } finally {
      emit(fake.recorded.appListeners, 'will-quit');
    }
  });

  it('registers pledgewatch:// and opens a commitment’s link on its page, ignoring anything else', async () => {
    const { file, uid, id } = prepare(false);
    const fake = await startApp(file);
    try {
      expect(fake.recorded.defaultProtocolClients).toEqual(['pledgewatch']);
      const window = fake.recorded.windows[0]!;
      emit(fake.recorded.appListeners, 'second-instance', {}, [
        '/opt/Pledgewatch',
        `pledgewatch://commitment/${uid}`,
      ]);
      expect(window.webContents.executed.at(-1)).toBe(`window.location.hash = "#/commitments/${id}"`);
      const openUrl = { preventDefault: vi.fn() };
      emit(fake.recorded.appListeners, 'open-url', openUrl, 'pledgewatch://dashboard');
      expect(openUrl.preventDefault).toHaveBeenCalled();
      expect(window.webContents.executed.at(-1)).toBe('window.location.hash = "#/"');
      const before = window.webContents.executed.length;
      for (const link of [
        'pledgewatch://commitment/1; alert(1)',
        'pledgewatch://commitment/../../etc/passwd',
        'https://example.org/commitment/' + uid,
        'pledgewatch://settings',
      ]) {
        emit(fake.recorded.appListeners, 'open-url', { preventDefault: vi.fn() }, link);
      }
      expect(window.webContents.executed).toHaveLength(before);
      // A commitment this database does not hold opens the list.
      emit(
        fake.recorded.appListeners,
        'open-url',
        { preventDefault: vi.fn() },
        'pledgewatch://commitment/01a236ea-0000-7000-8000-000000000000',
      );
      expect(window.webContents.executed.at(-1)).toBe('window.location.hash = "#/commitments"');
    } finally {
      emit(fake.recorded.appListeners, 'will-quit');
    }
  });
});
