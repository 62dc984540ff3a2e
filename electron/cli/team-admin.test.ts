import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../db/testing.ts';
import { connect } from '../team/connection.ts';
import { startCluster, type PgCluster } from '../team/testing/pg-cluster.ts';

const entry = join(import.meta.dirname, 'main.ts');
let cluster: PgCluster;

beforeAll(async () => {
  cluster = await startCluster();
});
afterAll(async () => {
  await cluster?.destroy();
});

/** Runs the real command line in a child process, as `npm run cli --` does; no password from the environment. */
function cli(args: string[]) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PLEDGEWATCH_DB: '',
    PGPASSFILE: join(temporaryFolder(), 'none'),
  };
  delete env.PGPASSWORD;
  const result = spawnSync(process.execPath, [entry, ...args], { encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('team administration on the command line', () => {
  it('sets up the team schema once, and says so the second time', () => {
    expect(cli(['team', 'init', '--server', cluster.adminUrl])).toEqual({
      code: 0,
      stdout: `Set up the team schema in 127.0.0.1:${cluster.port}/pledgewatch.\n`,
      stderr: '',
    });
    expect(cli(['team', 'init', '--server', cluster.adminUrl])).toMatchObject({
      code: 0,
      stdout: 'Already set up; nothing changed.\n',
    });
  });

  it('adds a member with the password in a file, who can then log in', async () => {
    const file = join(temporaryFolder(), 'password');
    writeFileSync(file, 'ines-secret\n');
    const added = cli([
      'team',
      'add-member',
      'ines',
      '--write',
      '--server',
      cluster.adminUrl,
      '--password-file',
      file,
    ]);
    expect(added).toEqual({
      code: 0,
      stdout: 'Created the login ines.\nines may now share dossiers, and write to the ones they share.\n',
      stderr: '',
    });
    const ines = await connect(cluster.urlFor('ines', 'ines-secret'));
    await ines.query(`INSERT INTO pledgewatch.dossier (uid, name) VALUES ('d-1', 'Fentanyl')`);
    await ines.end();
  });

  it('grants a dossier to an existing member without asking for their password again', () => {
    const file = join(temporaryFolder(), 'password');
    writeFileSync(file, 'jon-secret');
    expect(
      cli(['team', 'add-member', 'jon', '--read', '--server', cluster.adminUrl, '--password-file', file])
        .code,
    ).toBe(0);
    expect(
      cli(['team', 'add-member', 'jon', '--read', '--dossier', 'Fentanyl', '--server', cluster.adminUrl]),
    ).toEqual({
      code: 0,
      stdout: 'jon may now read “Fentanyl”.\n',
      stderr: '',
    });
  });

  it('lists the members as JSON', () => {
    const listed = cli(['team', 'members', '--json', '--server', cluster.adminUrl]);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([
      { name: 'ines', mayShare: true, dossiers: [{ dossier: 'Fentanyl', canWrite: true }] },
      { name: 'jon', mayShare: false, dossiers: [{ dossier: 'Fentanyl', canWrite: false }] },
    ]);
    expect(cli(['team', 'members', '--server', cluster.adminUrl]).stdout).toBe(
      'ines  may share  “Fentanyl” (write)\njon              “Fentanyl” (read)\n',
    );
  });

  it('removes a member', () => {
    expect(cli(['team', 'remove-member', 'jon', '--server', cluster.adminUrl])).toMatchObject({
      code: 0,
      stdout: 'Removed jon from the team; the changes they wrote keep their name.\n',
    });
    expect(cli(['team', 'remove-member', 'jon', '--server', cluster.adminUrl])).toMatchObject({
      code: 2,
      stderr: `Pledgewatch: jon is not a member of the team database at 127.0.0.1:${cluster.port}/pledgewatch; the members are ines.\n`,
    });
  });

  it('answers a bad URL, a server that is not there and a wrong password with one sentence and exit 2', () => {
    expect(cli(['team', 'init', '--server', 'mysql://root:hush@db.office/team'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'Pledgewatch: “mysql://root:***@db.office/team” is not a PostgreSQL address: it should start with postgres://, like postgres://NAME@HOST:5432/DATABASE.\n',
    });
    const elsewhere = cluster.adminUrl.replace(`:${cluster.port}/`, ':1/');
    expect(cli(['team', 'members', '--server', elsewhere])).toMatchObject({
      code: 2,
      stderr:
        'Pledgewatch: Cannot reach the team database at 127.0.0.1:1/pledgewatch: is the server running, and is the address right?\n',
    });
    const wrong = cli(['team', 'members', '--server', cluster.urlFor('admin', 'not-it')]);
    expect(wrong).toMatchObject({
      code: 2,
      stderr: `Pledgewatch: The team database at 127.0.0.1:${cluster.port}/pledgewatch refused the password for admin.\n`,
    });
  });

  it('refuses to add a new member with no password when there is no terminal to ask on', () => {
    const result = cli(['team', 'add-member', 'kim', '--read', '--server', cluster.adminUrl]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^Pledgewatch: team add-member needs kim's password: give --password-file FILE/,
    );
    expect(cli(['team', 'add-member', 'kim', '--server', cluster.adminUrl]).stderr).toMatch(
      /needs one of --write or --read/,
    );
    expect(cli(['team', 'init']).stderr).toMatch(/team init needs --server URL/);
  });
});
