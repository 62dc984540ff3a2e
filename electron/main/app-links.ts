// pledgewatch:// links, as the calendar's events carry them: the desktop app registers the scheme, and a
// link opened anywhere (a calendar, a browser, another app) brings the window forward on that page.
// A commitment is named by its uid, the same on every machine of a team, and found here by it.
import type { Database } from 'better-sqlite3';
import { app, type BrowserWindow } from 'electron';
import { statement } from '../../db/statements.ts';

export const linkScheme = 'pledgewatch';

export type AppLink = { kind: 'commitment'; uid: string } | { kind: 'dashboard' };

const uidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What a pledgewatch:// link points at, or null for anything else (which is then ignored). */
export function parseAppLink(url: string): AppLink | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${linkScheme}:`) return null;
  const uid = parsed.pathname.replace(/^\/+/, '').toLowerCase();
  if (parsed.hostname === 'commitment' && uidPattern.test(uid)) return { kind: 'commitment', uid };
  if (parsed.hostname === 'dashboard') return { kind: 'dashboard' };
  return null;
}

/** The first pledgewatch:// link among a process's arguments (how Windows and Linux hand it over). */
export function linkInArguments(argv: readonly string[]): string | undefined {
  return argv.find((argument) => argument.startsWith(`${linkScheme}://`));
}

/** The renderer's route for a link: a commitment this database does not hold opens the list. */
export function routeOf(db: Database, link: AppLink): string {
  if (link.kind === 'dashboard') return '#/';
  const found = statement<[string], { id: number }>(
    db,
    'SELECT id FROM commitment WHERE uid = ? AND deleted_at IS NULL',
  ).get(link.uid);
  return found ? `#/commitments/${found.id}` : '#/commitments';
}

/** Shows a route in the window; only the routes made above, so nothing from outside reaches the page. */
export function showRoute(window: BrowserWindow, route: string): void {
  if (!/^#\/(commitments(\/\d+)?)?$/.test(route)) return;
  const go = () =>
    void window.webContents.executeJavaScript(`window.location.hash = ${JSON.stringify(route)}`);
  if (window.webContents.isLoading()) window.webContents.once('did-finish-load', go);
  else go();
}

/**
 * Registers the scheme with the system and opens each link: macOS sends 'open-url'; Windows and Linux
 * start a second instance with the link in its arguments, which main.ts hands to `open`.
 */
export function handleAppLinks(
  db: Database,
  showWindow: () => BrowserWindow,
): (url: string | undefined) => void {
  const open = (url: string | undefined): void => {
    const link = url ? parseAppLink(url) : null;
    if (!link) return;
    showRoute(showWindow(), routeOf(db, link));
  };
  if (!app.isDefaultProtocolClient(linkScheme)) app.setAsDefaultProtocolClient(linkScheme);
  app.on('open-url', (event, url) => {
    event.preventDefault();
    open(url);
  });
  return open;
}
