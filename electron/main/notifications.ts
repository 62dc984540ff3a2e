// The desktop app's notice of deadlines: at start, then once on each new day while the app stays open,
// one notification listing deadlines due within a week and deadlines passed with no update (never one
// per commitment). Clicking it opens the dashboard. The analyst turns it off in the dashboard's
// settings (notifyDeadlines), which is read each time, so the change needs no restart.
import type { Database } from 'better-sqlite3';
import { Notification } from 'electron';
import { today } from '../../db/as-of.ts';
import { getSettings } from '../../db/settings.ts';
import { deadlineNotice } from './deadline-notice.ts';

/** How often the day is looked at: hourly is enough to catch midnight within the hour. */
const checkEveryMs = 60 * 60 * 1000;

export function notifyDeadlinesDaily(db: Database, openDashboard: () => void): NodeJS.Timeout {
  let notifiedOn: string | null = null;
  // Kept referenced until clicked or closed, so the click still reaches us.
  let shown: Notification | null = null;
  const check = (): void => {
    if (!db.open || !Notification.isSupported()) return;
    const day = today();
    if (day === notifiedOn) return;
    notifiedOn = day;
    if (!getSettings(db).notifyDeadlines) return;
    const notice = deadlineNotice(db);
    if (!notice) return;
    shown = new Notification({ title: `Pledgewatch: ${notice.title}`, body: notice.body });
    shown.on('click', () => {
      shown = null;
      openDashboard();
    });
    shown.on('close', () => (shown = null));
    shown.show();
  };
  check();
  return setInterval(check, checkEveryMs).unref();
}
