// Where the database lives: --db, then PLEDGEWATCH_DB, then the app's data folder (as Electron's userData).
import { homedir } from 'node:os';
import { join } from 'node:path';

export const databaseFileName = 'pledgewatch.sqlite';

export function appDataFolder(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Pledgewatch');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Pledgewatch');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Pledgewatch');
}

export function resolveDatabasePath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return flag;
  if (env.PLEDGEWATCH_DB) return env.PLEDGEWATCH_DB;
  return join(appDataFolder(env), databaseFileName);
}
