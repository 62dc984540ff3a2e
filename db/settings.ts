// The analyst's settings and the session clock: when the app was last opened, for "what changed since".
import type { Database } from 'better-sqlite3';
import { DomainError } from './errors.ts';
import { citationStyleIds, type CitationStyle, type Settings } from '../electron/domain/model.ts';
import { statement } from './statements.ts';

export const defaultStaleDays = 60;
/** Ten daily backups: the last week and a half can be gone back to. */
export const defaultBackupKeep = 10;
/** Half: the extractor's confidence is calibrated, so 0.5 offers what is more likely a commitment than not. */
export const defaultReaderThreshold = 0.5;
/** Chicago author-date: what policy institutes and their journals mostly ask for. */
export const defaultCitationStyle: CitationStyle = 'chicago-author-date';
/** The port Zotero's own server listens on unless its hidden preference says otherwise. */
export const defaultZoteroPort = 23119;

function isPort(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 65_535;
}

function isCitationStyle(value: string | undefined): value is CitationStyle {
  return (citationStyleIds as readonly (string | undefined)[]).includes(value);
}

function readSetting(db: Database, key: string): string | undefined {
  return statement<[string], { value: string }>(db, 'SELECT value FROM setting WHERE key = ?').get(key)
    ?.value;
}

function writeSetting(db: Database, key: string, value: string): void {
  statement(
    db,
    'INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

/** Called once when the app opens: remembers now, and says when it was opened before (null the first time). */
export function startSession(db: Database, now: Date = new Date()): { previous: string | null } {
  return db.transaction(() => {
    const previous = readSetting(db, 'last_opened_at') ?? null;
    writeSetting(db, 'last_opened_at', now.toISOString());
    return { previous };
  })();
}

export function getSettings(db: Database): Settings {
  const stored = Number(readSetting(db, 'stale_days'));
  // A value written by hand or by an older version that is not a whole number of days falls back.
  const staleDays = Number.isInteger(stored) && stored >= 1 ? stored : defaultStaleDays;
  const keep = Number(readSetting(db, 'backup_keep') ?? Number.NaN);
  const backupKeep = Number.isInteger(keep) && keep >= 0 ? keep : defaultBackupKeep;
  const threshold = Number(readSetting(db, 'reader_threshold') ?? Number.NaN);
  const readerThreshold = threshold >= 0 && threshold <= 1 ? threshold : defaultReaderThreshold;
  // On unless turned off.
  const notifyDeadlines = readSetting(db, 'notify_deadlines') !== 'off';
  const style = readSetting(db, 'citation_style');
  const citationStyle = isCitationStyle(style) ? style : defaultCitationStyle;
  // Off unless turned on: reading another program's library is the analyst's choice.
  const zoteroConnector = readSetting(db, 'zotero_connector') === 'on';
  const port = Number(readSetting(db, 'zotero_port') ?? Number.NaN);
  const zoteroPort = isPort(port) ? port : defaultZoteroPort;
  return {
    staleDays,
    backupKeep,
    readerThreshold,
    notifyDeadlines,
    citationStyle,
    zoteroConnector,
    zoteroPort,
  };
}

/** What saveSettings takes: a setting left out keeps its value. */
export type SettingsChanges = Partial<Settings>;

export function saveSettings(db: Database, settings: SettingsChanges): Settings {
  const { staleDays } = settings;
  if (staleDays !== undefined && (!Number.isInteger(staleDays) || staleDays < 1)) {
    throw new DomainError(
      'invalid_input',
      `Days without an update before a commitment counts as stale must be a whole number of at least 1, not ${settings.staleDays}.`,
      'staleDays',
    );
  }
  const { backupKeep } = settings;
  if (backupKeep !== undefined && (!Number.isInteger(backupKeep) || backupKeep < 0)) {
    throw new DomainError(
      'invalid_input',
      `The number of automatic backups to keep must be a whole number, 0 or more, not ${backupKeep}.`,
      'backupKeep',
    );
  }
  const { readerThreshold } = settings;
  if (readerThreshold !== undefined && !(readerThreshold >= 0 && readerThreshold <= 1)) {
    throw new DomainError(
      'invalid_input',
      `The reader's confidence threshold must be between 0 and 1, not ${readerThreshold}.`,
      'readerThreshold',
    );
  }
  const { citationStyle } = settings;
  if (citationStyle !== undefined && !isCitationStyle(citationStyle)) {
    throw new DomainError(
      'invalid_input',
      `"${String(citationStyle)}" is not a citation style Pledgewatch offers; use one of ${citationStyleIds.join(', ')}.`,
      'citationStyle',
    );
  }
  const { zoteroPort } = settings;
  if (zoteroPort !== undefined && !isPort(zoteroPort)) {
    throw new DomainError(
      'invalid_input',
      `Zotero's port must be a whole number from 1 to 65535, not ${zoteroPort}.`,
      'zoteroPort',
    );
  }
  db.transaction(() => {
    if (citationStyle !== undefined) writeSetting(db, 'citation_style', citationStyle);
    if (staleDays !== undefined) writeSetting(db, 'stale_days', String(staleDays));
    if (backupKeep !== undefined) writeSetting(db, 'backup_keep', String(backupKeep));
    if (settings.notifyDeadlines !== undefined) {
      writeSetting(db, 'notify_deadlines', settings.notifyDeadlines ? 'on' : 'off');
    }
    if (readerThreshold !== undefined) writeSetting(db, 'reader_threshold', String(readerThreshold));
    if (settings.zoteroConnector !== undefined) {
      writeSetting(db, 'zotero_connector', settings.zoteroConnector ? 'on' : 'off');
    }
    if (zoteroPort !== undefined) writeSetting(db, 'zotero_port', String(zoteroPort));
  })();
  return getSettings(db);
}
