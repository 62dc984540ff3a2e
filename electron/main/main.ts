// Entry of the desktop app: one instance, the database opened (or refused, untouched), then the window.
import { join } from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import { automaticBackup } from '../../db/backups.ts';
import { openDatabase, type Database } from '../../db/open.ts';
import { damagedDatabaseMessage } from '../../db/start-check.ts';
import { handleAppLinks, linkInArguments, showRoute } from './app-links.ts';
import { registerApiHandlers } from './ipc.ts';
import { installMenu } from './menu.ts';
import { printPdfsWithElectron } from './print-pdf.ts';
import { registerAppScheme, serveRenderer } from './protocol.ts';
import { registerSaveReport } from './save-report.ts';
import { keepTeamPasswordsSafely } from './team-passwords.ts';
import { notifyDeadlinesDaily } from './notifications.ts';
import { createMainWindow } from './window.ts';
import { BackgroundSync } from '../team/background.ts';
import { FeedScheduler } from '../feeds/scheduler.ts';

let mainWindow: BrowserWindow | null = null;

/** PLEDGEWATCH_DB names another file, as it does for the CLI and browser mode. */
function databaseFile(): string {
  return process.env.PLEDGEWATCH_DB || join(app.getPath('userData'), 'pledgewatch.sqlite');
}

/** A newer or damaged file is explained and left as it is: nothing opens it for writing. */
function openOrExplain(file: string): Database | null {
  const damaged = damagedDatabaseMessage(file);
  if (damaged) {
    dialog.showErrorBox('Pledgewatch’s database is damaged', damaged);
    return null;
  }
  try {
    return openDatabase(file, { migrationsDir: join(app.getAppPath(), 'db', 'migrations') });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    dialog.showErrorBox('Pledgewatch cannot open its database', `${message}\n\nDatabase file: ${file}`);
    return null;
  }
}

/** A backup on start, then one a day while the app stays open (automaticBackup skips a younger one). */
function keepBackingUp(db: Database): NodeJS.Timeout {
  const backUp = (): void => {
    automaticBackup(db).catch((error: unknown) => {
      if (db.open) console.error('Pledgewatch: the automatic backup failed', error);
    });
  };
  backUp();
  return setInterval(backUp, 60 * 60 * 1000).unref();
}

function showMainWindow(): BrowserWindow {
  if (mainWindow && !mainWindow.isDestroyed()) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
    return mainWindow;
  }
  const window = createMainWindow();
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  mainWindow = window;
  return window;
}

async function start(): Promise<void> {
  await app.whenReady();
  const db = openOrExplain(databaseFile());
  if (!db) {
    app.exit(1);
    return;
  }
  const backups = keepBackingUp(db);
  keepTeamPasswordsSafely();
  const teamSync = new BackgroundSync(db);
  teamSync.start();
  const feedChecks = new FeedScheduler(db);
  feedChecks.start();
  const openLink = handleAppLinks(db, showMainWindow);
  app.on('will-quit', () => {
    clearInterval(backups);
    clearInterval(notices);
    void teamSync.stop();
    void feedChecks.stop();
    db.close();
  });
  registerApiHandlers(db, () => mainWindow);
  registerSaveReport(db, () => mainWindow);
  printPdfsWithElectron();
  serveRenderer();
  installMenu();
  showMainWindow();
  openLink(linkInArguments(process.argv));
  const notices = notifyDeadlinesDaily(db, () => showRoute(showMainWindow(), '#/'));
  app.on('second-instance', (_event, argv: string[] = []) => {
    showMainWindow();
    openLink(linkInArguments(argv));
  });
  app.on('activate', () => void showMainWindow());
}

// Both must happen before the app is ready.
registerAppScheme();
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  start().catch((error: unknown) => {
    dialog.showErrorBox(
      'Pledgewatch could not start',
      error instanceof Error ? error.message : String(error),
    );
    app.exit(1);
  });
}
