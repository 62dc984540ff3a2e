// Two analysts share a dossier through a real PostgreSQL, each in browser mode on their own SQLite file:
// what one records shows on the other's open page without a reload; sharing, joining, the members
// panel, read-only access, working offline, and a conflict settled from the commitment page.
import { chmodSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { addMember } from '../electron/team/members.ts';
import { startCluster, type PgCluster } from '../electron/team/testing/pg-cluster.ts';
import { TeamServer } from '../electron/team/testing/team-server.ts';
import { expect, run, startServer, temporaryFile, test } from './browser-mode.ts';
import { newestStatusUpdate } from './pages.ts';

test.describe.configure({ mode: 'serial' });

const dossier = 'US–Mexico security and trade cooperation, 2025';
const shared = 'Cooperate on border security and law enforcement within each country’s sovereignty';
const screenshots = 'e2e/screenshots';

let cluster: PgCluster;
let teamServer: TeamServer;
const servers: ChildProcess[] = [];
const contexts: BrowserContext[] = [];
let alice: Page;
let bob: Page;
let aliceUrl: string;
let bobUrl: string;

const login = (member: string) => `postgres://${member}@127.0.0.1:${cluster.port}/pledgewatch`;

async function openPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

async function openCommitment(page: Page, url: string, title: string): Promise<void> {
  await page.goto(`${url.split('#')[0]}#/commitments`);
  await page.getByRole('link', { name: title }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
}

async function recordStatus(page: Page, status: string, note: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Record a status update' });
  await form.getByLabel('Status').selectOption({ label: status });
  await form.getByLabel('Note').fill(note);
  await form.getByRole('button', { name: 'Record update' }).click();
  await expect(form.getByRole('status')).toHaveText('Recorded.');
}

async function editTitle(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByRole('form', { name: 'Edit commitment' }).getByLabel('Title').fill(title);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
}

/** The top bar's sync indicator: the button that opens the team sync panel. */
const indicator = (page: Page) => page.getByRole('banner').locator('button[aria-controls="team-sync-panel"]');

async function syncNow(page: Page): Promise<void> {
  await indicator(page).click();
  const panel = page.getByRole('region', { name: 'Team sync' });
  await panel.getByRole('button', { name: 'Sync now' }).click();
  await expect(indicator(page)).toContainText('Synced', { timeout: 15_000 });
  await page.keyboard.press('Escape');
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  cluster = await startCluster();
  teamServer = new TeamServer(cluster);
  await teamServer.setUp([
    { name: 'alice', write: true },
    { name: 'bob', write: true },
  ]);
  const aliceDb = temporaryFile();
  const bobDb = temporaryFile();
  await run(['electron/cli/main.ts', 'sample', '--db', aliceDb]);
  await run(
    [
      'electron/cli/main.ts',
      'team',
      'share',
      '--dossier',
      dossier,
      '--server',
      login('alice'),
      '--db',
      aliceDb,
    ],
    { PGPASSWORD: 'alice-pw' },
  );
  const admin = await teamServer.admin();
  await addMember(admin, { name: 'bob', write: true, dossier });
  await teamServer.close(admin);
  await run(
    ['electron/cli/main.ts', 'team', 'join', '--dossier', dossier, '--server', login('bob'), '--db', bobDb],
    {
      PGPASSWORD: 'bob-pw',
    },
  );

  // Bob's password comes from PGPASSWORD; Alice's from a pgpass file, which also holds the admin's.
  const pgpass = join(dirname(aliceDb), 'pgpass');
  writeFileSync(
    pgpass,
    `127.0.0.1:${cluster.port}:pledgewatch:alice:alice-pw\n127.0.0.1:${cluster.port}:pledgewatch:admin:adminpw\n`,
  );
  chmodSync(pgpass, 0o600);
  const aliceServer = await startServer(aliceDb, { PGPASSFILE: pgpass, PGPASSWORD: undefined });
  const bobServer = await startServer(bobDb, { PGPASSWORD: 'bob-pw' });
  servers.push(aliceServer.child, bobServer.child);
  aliceUrl = aliceServer.url;
  bobUrl = bobServer.url;
  alice = await openPage(browser, aliceUrl);
  bob = await openPage(browser, bobUrl);
});

test.afterAll(async () => {
  for (const context of contexts) await context.close();
  for (const server of servers) server.kill('SIGTERM');
  await teamServer?.closeAll();
  await cluster?.destroy();
});

test('a status update Alice records shows on Bob’s open page, recorded by Alice, without a reload', async () => {
  await openCommitment(bob, bobUrl, shared);
  await openCommitment(alice, aliceUrl, shared);
  await expect(indicator(alice)).toContainText('Synced');
  await expect(indicator(bob)).toContainText('Synced');

  await recordStatus(alice, 'partially fulfilled', 'Joint patrols began on both sides of the border.');

  const newest = newestStatusUpdate(bob);
  await expect(newest).toContainText('Joint patrols began', { timeout: 15_000 });
  await expect(newest).toContainText('partially fulfilled');
  await expect(newest).toContainText('recorded by alice');

  await indicator(alice).click();
  const panel = alice.getByRole('region', { name: 'Team sync' });
  await expect(panel).toContainText('as alice · read and write');
  await alice.screenshot({ path: `${screenshots}/team-sync-indicator.png` });
  await alice.keyboard.press('Escape');
});

test('a share refused by the server says why in its one sentence; the right login shares', async () => {
  await bob.getByRole('link', { name: 'Reference data' }).click();
  await bob.getByRole('button', { name: '+ Add dossier' }).click();
  await bob.getByLabel('Name').fill('Bob’s notes');
  await bob.getByRole('button', { name: 'Add dossier' }).click();
  const dossiers = bob.getByRole('list', { name: 'Dossiers' });
  await expect(dossiers.getByRole('listitem').filter({ hasText: dossier })).toContainText('Team');

  await bob.getByRole('button', { name: 'Share Bob’s notes with the team' }).click();
  const dialog = bob.getByRole('dialog', { name: 'Share a dossier with the team' });
  await expect(dialog).toContainText('Browser mode takes the password from PGPASSWORD');
  // Bob's PGPASSWORD is not Alice's password.
  await dialog.getByLabel('Server address').fill(login('alice'));
  await dialog.getByRole('button', { name: 'Share' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    `The team database at 127.0.0.1:${cluster.port}/pledgewatch refused the password for alice.`,
  );
  await bob.screenshot({ path: `${screenshots}/team-share-refused.png` });

  await dialog.getByLabel('Server address').fill(login('bob'));
  await dialog.getByRole('button', { name: 'Share' }).click();
  const done = bob.getByRole('dialog', { name: '“Bob’s notes” is shared' });
  await expect(done.getByRole('status')).toHaveText('Shared as bob: read and write.');
  await bob.screenshot({ path: `${screenshots}/team-share-dialog.png` });
  await done.getByRole('button', { name: 'Done' }).click();
  const notes = dossiers.getByRole('listitem').filter({ hasText: 'Bob’s notes' });
  await expect(notes).toContainText('Team');
  await expect(notes).toContainText(`127.0.0.1:${cluster.port}/pledgewatch · as bob · read and write`);

  // A commitment in it, for Alice to read.
  await bob.getByRole('link', { name: '+ New commitment' }).click();
  await bob.getByLabel('Title').fill('Publish the border patrol figures every month');
  await bob.getByRole('combobox', { name: /^Dossier/ }).selectOption({ label: 'Bob’s notes' });
  await bob.getByRole('button', { name: 'Add commitment' }).click();
  await expect(bob.getByRole('heading', { level: 1 })).toHaveText(
    'Publish the border patrol figures every month',
  );
});

test('the team’s admin sees the members, adds one, changes a grant and removes one', async () => {
  await alice.goto(`${aliceUrl.split('#')[0]}#/team`);
  await expect(alice.getByRole('heading', { level: 1, name: 'Team members' })).toBeVisible();
  await alice.getByLabel('Server address').fill(login('admin'));
  await alice.getByRole('button', { name: 'Load members' }).click();
  const table = alice.getByRole('table');
  await expect(table.getByRole('row', { name: /^bob/ })).toContainText(`${dossier}: read and write`);

  await alice.getByRole('button', { name: '+ Add a member' }).click();
  const add = alice.getByRole('form', { name: 'Add a member' });
  await add.getByLabel('Login', { exact: true }).fill('carol');
  await add.getByLabel('Dossier').fill(dossier);
  await add.getByLabel('Read only').check();
  await add.getByLabel('Password for the new login').fill('carol-password');
  await add.getByRole('button', { name: 'Add member' }).click();
  await expect(alice.getByText('Added carol to the team.')).toBeVisible();
  await expect(table.getByRole('row', { name: /^carol/ })).toContainText(`${dossier}: read only`);

  // Alice may read Bob's notes, not change them.
  await alice.getByRole('button', { name: 'Change alice' }).click();
  const change = alice.getByRole('form', { name: 'Change alice' });
  await change.getByLabel('Dossier').fill('Bob’s notes');
  await change.getByLabel('Read only').check();
  await change.getByRole('button', { name: 'Save changes' }).click();
  await expect(table.getByRole('row', { name: /^alice/ })).toContainText('Bob’s notes: read only');
  await alice.screenshot({ path: `${screenshots}/team-members.png`, fullPage: true });

  await alice.getByRole('button', { name: 'Remove carol' }).click();
  await alice.getByRole('button', { name: 'Remove carol' }).last().click();
  await expect(alice.getByText(/^Removed carol/)).toBeVisible();
  await expect(table.getByRole('row', { name: /^carol/ })).toHaveCount(0);
});

test('Alice joins Bob’s notes read-only: the commitment page says so and offers no edits', async () => {
  await alice.getByRole('button', { name: /Synced/ }).click();
  await alice
    .getByRole('region', { name: 'Team sync' })
    .getByRole('button', { name: 'Join a team dossier…' })
    .click();
  const dialog = alice.getByRole('dialog', { name: 'Join a team dossier' });
  await dialog.getByLabel('Dossier name').fill('Bob’s notes');
  await expect(dialog.getByLabel('Server address')).toHaveValue(`${login('alice')}`);
  await dialog.getByRole('button', { name: 'Join' }).click();
  const joined = alice.getByRole('dialog', { name: 'You joined “Bob’s notes”' });
  await expect(joined.getByRole('status')).toHaveText('Joined as alice: read only.');
  await joined.getByRole('button', { name: 'Open its commitments' }).click();
  await alice.getByRole('link', { name: 'Publish the border patrol figures every month' }).click();
  await expect(alice.getByRole('note')).toContainText('Read only: shared with you by the team');
  await expect(alice.getByRole('button', { name: 'Edit', exact: true })).toHaveCount(0);
  await expect(alice.getByRole('form', { name: 'Record a status update' })).toHaveCount(0);
});

test('offline, a change waits and says so; when the server is back it reaches Bob', async () => {
  test.setTimeout(150_000);
  await openCommitment(bob, bobUrl, shared);
  await openCommitment(alice, aliceUrl, shared);
  await cluster.stop();
  await recordStatus(alice, 'in progress', 'Patrols paused while the server was down.');
  await expect(indicator(alice)).toContainText('Offline', { timeout: 15_000 });
  await expect(indicator(alice)).toContainText('1 change not yet sent');
  await expect(indicator(alice)).toHaveAttribute('title', /Cannot reach the team database/);
  await alice.screenshot({ path: `${screenshots}/team-offline.png` });

  await cluster.start();
  await syncNow(alice);
  // Bob's app lost its listening connection with the server; it retries within seconds, not at the
  // minute's sync.
  const newest = newestStatusUpdate(bob);
  await expect(newest).toContainText('Patrols paused', { timeout: 30_000 });
  await expect(newest).toContainText('recorded by alice');
});

test('the same title changed on both sides while apart is a conflict Bob settles on the page', async () => {
  test.setTimeout(180_000);
  await cluster.stop();
  await editTitle(alice, 'Cooperate on border security (Alice’s wording)');
  await editTitle(bob, 'Cooperate on border security (Bob’s wording)');
  await cluster.start();
  await syncNow(alice);
  await syncNow(bob);

  // The badge beside the status, and the panel with both values under the title.
  await expect(bob.getByText('Conflict: title', { exact: true })).toHaveCount(2, { timeout: 15_000 });
  const panel = bob.getByRole('region', { name: 'Conflict: title' });
  await expect(panel).toContainText('by alice');
  await expect(panel).toContainText('by bob');
  await expect(indicator(bob)).toContainText('1 conflict');
  await panel.scrollIntoViewIfNeeded();
  await bob.screenshot({ path: `${screenshots}/team-conflict.png` });

  await panel
    .getByRole('button', { name: 'Keep “Cooperate on border security (Alice’s wording)” by alice' })
    .click();
  await expect(bob.getByText('Conflict: title', { exact: true })).toHaveCount(0);
  await expect(bob.getByRole('heading', { level: 1 })).toHaveText(
    'Cooperate on border security (Alice’s wording)',
  );
  // The choice is an edit like any other: it reaches Alice too.
  await expect(alice.getByRole('heading', { level: 1 })).toHaveText(
    'Cooperate on border security (Alice’s wording)',
    { timeout: 45_000 },
  );
});
