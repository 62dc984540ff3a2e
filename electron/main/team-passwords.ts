// The desktop app keeps team passwords encrypted with Electron's safeStorage (the system keychain),
// in a file of its own in the app's data folder: never in the SQLite file, never in a log line.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, safeStorage } from 'electron';
import { installPasswordKeeper } from '../team/passwords.ts';

type Sealed = Record<string, string>;

export function keepTeamPasswordsSafely(): void {
  const file = join(app.getPath('userData'), 'team-passwords.json');
  const read = (): Sealed => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Sealed) : {});
  const key = (server: string, member: string) => `${member}@${server}`;
  installPasswordKeeper({
    get(server, member) {
      const sealed = read()[key(server, member)];
      if (!sealed || !safeStorage.isEncryptionAvailable()) return undefined;
      return safeStorage.decryptString(Buffer.from(sealed, 'base64'));
    },
    keep(server, member, password) {
      // Without a keychain the password is not kept: the analyst is asked again, or uses a pgpass file.
      if (!safeStorage.isEncryptionAvailable()) return;
      const sealed = {
        ...read(),
        [key(server, member)]: safeStorage.encryptString(password).toString('base64'),
      };
      writeFileSync(`${file}.tmp`, JSON.stringify(sealed), { mode: 0o600 });
      renameSync(`${file}.tmp`, file);
    },
  });
}
