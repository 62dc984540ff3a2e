// `feeds` and `inbox` on the command line, against fixture feeds served on 127.0.0.1.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../db/testing.ts';
import { startFeedServer, type FeedServer } from '../feeds/testing/feed-server.ts';
import { cliAsync as cli } from './testing.ts';

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer({ requests: 100, seconds: 120 });
});
afterAll(() => server.close());

describe('feeds and inbox on the command line', () => {
  it('subscribes to two feeds, checks them, and lists the inbox as JSON with its suggestions', async () => {
    const db = join(temporaryFolder(), 'p.sqlite');
    const english = `${server.origin}/en/feed.xml`;
    const spanish = `${server.origin}/es/atom.xml`;
    expect((await cli(['sample', '--db', db])).code).toBe(0);
    expect(await cli(['feeds', 'add', english, '--db', db])).toMatchObject({
      code: 0,
      stdout: `Watching ${english}.\n`,
    });
    expect((await cli(['feeds', 'add', spanish, '--every', '30', '--db', db])).code).toBe(0);
    expect(await cli(['feeds', 'add', 'ftp://press.example/feed', '--db', db])).toMatchObject({
      code: 1,
      stderr: 'Pledgewatch: feeds add: url must be an http(s) address\n',
    });

    const check = await cli(['feeds', 'check', '--db', db]);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain(`${english}: 1 new item(s) in the inbox.`);
    expect(check.stdout).toContain('México y Estados Unidos acuerdan revisar los aranceles');
    expect((await cli(['feeds', 'check', english, '--db', db])).stdout).toBe(
      `${english}: not changed since the last check.\n`,
    );

    const listed = await cli(['feeds', 'list', '--db', db]);
    expect(listed.stdout).toMatch(/State Department press releases {2}every 60 min, last checked /);
    expect(listed.stdout).toMatch(/Secretaría de Economía: comunicados {2}every 30 min/);

    const inbox = JSON.parse((await cli(['inbox', '--json', '--db', db])).stdout) as Record<
      string,
      unknown
    >[];
    expect(inbox.map((item) => item.title)).toEqual([
      'México y Estados Unidos acuerdan revisar los aranceles',
      'Border inspections begin under Mission Firewall',
    ]);
    expect(Object.keys(inbox[1]!)).toEqual([
      'title',
      'url',
      'published_on',
      'source_id',
      'read',
      'candidates',
      'suggestions',
    ]);
    expect(inbox[1]).toMatchObject({
      published_on: '2025-10-14',
      url: `${server.origin}/pages/en-firearms.html`,
      suggestions: expect.arrayContaining([
        expect.objectContaining({
          commitment: 'Curb the smuggling of US-bought firearms into Mexico',
          status: 'in progress',
        }),
      ]),
    });
    expect((await cli(['inbox', '--db', db])).stdout).toContain(
      'may be about: Curb the smuggling of US-bought firearms into Mexico — suggests: in progress',
    );

    expect((await cli(['feeds', 'remove', spanish, '--db', db])).stdout).toContain(
      'the sources it brought in stay',
    );
    expect(await cli(['feeds', 'pause', '--db', db])).toMatchObject({ code: 2 });
    // Each command is a Node process that loads the app: on a loaded machine a dozen of them take a while.
  }, 240_000);

  it('exits 1 naming the feed and what went wrong when a check fails', async () => {
    const db = join(temporaryFolder(), 'p.sqlite');
    const loop = `${server.origin}/loop/a`;
    await cli(['feeds', 'add', loop, '--db', db]);
    expect(await cli(['feeds', 'check', '--db', db])).toMatchObject({
      code: 1,
      stderr: `Pledgewatch: ${loop}: redirected more than 5 times (a redirect loop?). Nothing from it was stored.\n`,
    });
    expect((await cli(['inbox', '--db', db])).stdout).toBe('The inbox is empty.\n');
  }, 120_000);
});
