// Settings and the session clock: defaults, saving, refusing nonsense, and "last opened".
import { describe, expect, it } from 'vitest';
import { getSettings, saveSettings, startSession } from './settings.ts';
import { fingerprint, temporaryDatabase } from './testing.ts';

describe('settings', () => {
  it('has 60 days before a commitment counts as stale until the analyst says otherwise', () => {
    const { db } = temporaryDatabase();
    expect(getSettings(db)).toEqual({
      staleDays: 60,
      backupKeep: 10,
      readerThreshold: 0.5,
      notifyDeadlines: true,
      citationStyle: 'chicago-author-date',
      zoteroConnector: false,
      zoteroPort: 23119,
    });
    expect(saveSettings(db, { staleDays: 14 })).toEqual({
      staleDays: 14,
      backupKeep: 10,
      readerThreshold: 0.5,
      notifyDeadlines: true,
      citationStyle: 'chicago-author-date',
      zoteroConnector: false,
      zoteroPort: 23119,
    });
    expect(getSettings(db)).toEqual({
      staleDays: 14,
      backupKeep: 10,
      readerThreshold: 0.5,
      notifyDeadlines: true,
      citationStyle: 'chicago-author-date',
      zoteroConnector: false,
      zoteroPort: 23119,
    });
    expect(saveSettings(db, { backupKeep: 0 })).toEqual({
      staleDays: 14,
      backupKeep: 0,
      readerThreshold: 0.5,
      notifyDeadlines: true,
      citationStyle: 'chicago-author-date',
      zoteroConnector: false,
      zoteroPort: 23119,
    });
    expect(saveSettings(db, { notifyDeadlines: false })).toEqual({
      staleDays: 14,
      backupKeep: 0,
      readerThreshold: 0.5,
      notifyDeadlines: false,
      citationStyle: 'chicago-author-date',
      zoteroConnector: false,
      zoteroPort: 23119,
    });
    expect(getSettings(db).notifyDeadlines).toBe(false);
    expect(saveSettings(db, { readerThreshold: 0.5, notifyDeadlines: true }).notifyDeadlines).toBe(true);
  });

  it('reads Zotero only once turned on, on the port it is given, and refuses a port that is none', () => {
    const { db } = temporaryDatabase();
    expect(saveSettings(db, { zoteroConnector: true, zoteroPort: 24119 })).toMatchObject({
      zoteroConnector: true,
      zoteroPort: 24119,
    });
    expect(saveSettings(db, { zoteroConnector: false })).toMatchObject({
      zoteroConnector: false,
      zoteroPort: 24119,
    });
    const before = fingerprint(db);
    for (const zoteroPort of [0, 65_536, 80.5]) {
      expect(() => saveSettings(db, { zoteroConnector: true, zoteroPort })).toThrow(
        expect.objectContaining({ code: 'invalid_input', path: 'zoteroPort' }),
      );
    }
    expect(fingerprint(db)).toBe(before);
  });

  it("keeps the reader's confidence threshold, between 0 and 1", () => {
    const { db } = temporaryDatabase();
    expect(saveSettings(db, { staleDays: 60, readerThreshold: 0.7 }).readerThreshold).toBe(0.7);
    expect(saveSettings(db, { staleDays: 30 }).readerThreshold).toBe(0.7);
    const before = fingerprint(db);
    for (const readerThreshold of [-0.1, 1.5, Number.NaN]) {
      expect(() => saveSettings(db, { staleDays: 60, readerThreshold })).toThrow(
        expect.objectContaining({ code: 'invalid_input', path: 'readerThreshold' }),
      );
    }
    expect(fingerprint(db)).toBe(before);
  });

  it('refuses a period that is not a whole number of days, changing nothing', () => {
    const { db } = temporaryDatabase();
    saveSettings(db, { staleDays: 30 });
    const before = fingerprint(db);
    for (const staleDays of [0, -5, 2.5, Number.NaN]) {
      expect(() => saveSettings(db, { staleDays })).toThrow(
        expect.objectContaining({ code: 'invalid_input', path: 'staleDays' }),
      );
    }
    expect(fingerprint(db)).toBe(before);
  });

  it('falls back to the default when the stored value is not a number of days', () => {
    const { db } = temporaryDatabase();
    db.prepare(`INSERT INTO setting (key, value) VALUES ('stale_days', 'often')`).run();
    expect(getSettings(db).staleDays).toBe(60);
  });
});

describe('sessions', () => {
  it('says when the app was last opened, and remembers this opening', () => {
    const { db } = temporaryDatabase();
    expect(startSession(db, new Date('2026-11-20T08:00:00.000Z'))).toEqual({ previous: null });
    expect(startSession(db, new Date('2026-11-23T09:30:00.000Z'))).toEqual({
      previous: '2026-11-20T08:00:00.000Z',
    });
    expect(startSession(db).previous).toBe('2026-11-23T09:30:00.000Z');
  });
});
