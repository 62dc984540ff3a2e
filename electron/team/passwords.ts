// Where a team password is kept between syncs. The desktop app installs a keeper backed by Electron's
// safeStorage; browser mode and the command line have none and rely on libpq's own places
// (PGPASSWORD, PGPASSFILE or ~/.pgpass), which node-postgres and connect() read.
export interface PasswordKeeper {
  get(server: string, member: string): string | undefined;
  keep(server: string, member: string, password: string): void;
}

let keeper: PasswordKeeper | null = null;

export function installPasswordKeeper(installed: PasswordKeeper | null): void {
  keeper = installed;
}

export function passwordFor(server: string, member: string): string | undefined {
  return keeper?.get(server, member);
}

export function keepPassword(server: string, member: string, password: string): void {
  keeper?.keep(server, member, password);
}

/** Whether the app can keep a password typed into it (the desktop app can; browser mode cannot). */
export function keepsPasswords(): boolean {
  return keeper !== null;
}
