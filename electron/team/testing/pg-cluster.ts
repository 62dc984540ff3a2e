// Test support: a real, throwaway PostgreSQL cluster on 127.0.0.1, started from the installed binaries.
import { execFile } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface PgCluster {
  port: number;
  /** Connection URL of the admin role (superuser), database 'pledgewatch' (created at start). */
  adminUrl: string;
  /** URL for a login with a password: postgres://NAME:PASSWORD@127.0.0.1:PORT/pledgewatch */
  urlFor(login: string, password?: string): string;
  /** pg_ctl stop -m fast; keeps the data folder, and is fine when the server is already down. */
  stop(): Promise<void>;
  /** Starts again on the same port and waits until it accepts connections. */
  start(): Promise<void>;
  /** SIGKILLs the postmaster and its backends: a crash, not a shutdown. */
  kill(): Promise<void>;
  /** Stops the server if it runs and removes the folder. */
  destroy(): Promise<void>;
}

const adminPassword = 'adminpw';
const binaries = process.env.PG_BIN ?? installedBinaries();

/** Debian installs each major version under /usr/lib/postgresql/N/bin: the newest one there. */
function installedBinaries(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return join(root, versions[0] ?? '15', 'bin');
}
// PostgreSQL refuses to run as root, so as root its programs run as the postgres user.
const asRoot = process.getuid?.() === 0;

async function pgProgram(program: string, args: string[]): Promise<string> {
  const file = join(binaries, program);
  const [command, commandArgs] = asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  try {
    const { stdout } = await run(command, commandArgs, { encoding: 'utf8', timeout: 120_000 });
    return stdout;
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    throw new Error(`${program} failed: ${stderr || stdout || (error as Error).message}`, { cause: error });
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function giveToPostgres(path: string): void {
  if (!asRoot) return;
  const entry = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((line) => line.startsWith('postgres:'));
  if (!entry) throw new Error('Running as root, but there is no postgres user to run PostgreSQL as.');
  const [, , uid, gid] = entry.split(':');
  chownSync(path, Number(uid), Number(gid));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The processes whose parent is `pid` (the postmaster's backends), from /proc. */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/PID/stat is the parent; the name (field 2) may hold spaces, so split after ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === pid) children.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}

async function waitUntil(check: () => boolean | Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function acceptsConnections(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Creates a cluster in a new temporary folder and starts it. Every login, the admin's included,
 * authenticates with scram-sha-256 over TCP, so a wrong password is refused as it would be in the office.
 */
export async function startCluster(): Promise<PgCluster> {
  const folder = mkdtempSync(join(tmpdir(), 'pledgewatch-pg-'));
  giveToPostgres(folder);
  const data = join(folder, 'data');
  const passwordFile = join(folder, 'admin-password');
  writeFileSync(passwordFile, adminPassword, { mode: 0o600 });
  giveToPostgres(passwordFile);
  await pgProgram('initdb', [
    '-D',
    data,
    '-U',
    'admin',
    '--auth=scram-sha-256',
    `--pwfile=${passwordFile}`,
    '--encoding=UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
    '--no-instructions',
  ]);
  const port = await freePort();
  const urlFor = (login: string, password?: string, database = 'pledgewatch'): string =>
    `postgres://${encodeURIComponent(login)}${password === undefined ? '' : `:${encodeURIComponent(password)}`}@127.0.0.1:${port}/${database}`;
  const pidFile = join(data, 'postmaster.pid');
  const postmasterPid = (): number | undefined =>
    existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : undefined;

  const start = async (): Promise<void> => {
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories=${folder} -c fsync=off`;
    await pgProgram('pg_ctl', [
      '-D',
      data,
      '-l',
      join(folder, 'server.log'),
      '-o',
      options,
      '-w',
      '-t',
      '60',
      'start',
    ]);
    await waitUntil(
      () => acceptsConnections(urlFor('admin', adminPassword, 'postgres')),
      'PostgreSQL to accept connections',
    );
  };
  const stop = async (): Promise<void> => {
    const pid = postmasterPid();
    if (pid === undefined || !isAlive(pid)) return;
    await pgProgram('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop']);
  };
  const kill = async (): Promise<void> => {
    const pid = postmasterPid();
    if (pid === undefined || !isAlive(pid)) return;
    const backends = childrenOf(pid);
    process.kill(pid, 'SIGKILL');
    // Backends left behind would keep the shared memory attached, and the next start would refuse it.
    for (const backend of backends) {
      try {
        process.kill(backend, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    await waitUntil(() => [pid, ...backends].every((each) => !isAlive(each)), 'the killed server to be gone');
  };

  try {
    await start();
    const admin = new pg.Client({ connectionString: urlFor('admin', adminPassword, 'postgres') });
    await admin.connect();
    try {
      await admin.query('CREATE DATABASE pledgewatch');
    } finally {
      await admin.end();
    }
  } catch (error) {
    await kill().catch(() => {});
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }

  return {
    port,
    adminUrl: urlFor('admin', adminPassword),
    urlFor: (login, password) => urlFor(login, password),
    start,
    stop,
    kill,
    destroy: async () => {
      try {
        await stop();
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}
