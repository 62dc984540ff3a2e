// Watched feeds and the inbox, as the analyst uses them: subscribe to two feeds served on 127.0.0.1, find
// the new articles in the inbox with their suggestions, record a suggested status with one click and find it,
// with its quote, on the commitment's page. The inbox is scanned with axe in light and dark.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { startFeedServer, type FeedServer } from '../electron/feeds/testing/feed-server.ts';
import { expect, test } from './browser-mode.ts';

let server: FeedServer;
test.beforeAll(async () => {
  server = await startFeedServer({ requests: 100, seconds: 240 });
});
test.afterAll(() => server.close());

test.use({ sample: true });
test.setTimeout(90_000);

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    );
}

async function subscribe(page: Page, url: string): Promise<void> {
  await page.getByLabel('Feed address').fill(url);
  await page.getByRole('button', { name: 'Add feed' }).click();
  await expect(page.getByRole('dialog', { name: 'Feeds' }).getByRole('status')).toContainText(
    `Watching ${url}.`,
  );
}

test('subscribes to two feeds, finds their articles in the inbox and records a suggested status with its quote', async ({
  page,
  app,
}) => {
  await page.goto(`${app.url}#/inbox`);
  await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  await expect(page.getByText('Nothing waiting.')).toBeVisible();

  await page.getByRole('button', { name: 'Feeds…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Feeds' });
  await subscribe(page, `${server.origin}/en/feed.xml`);
  await subscribe(page, `${server.origin}/es/atom.xml`);
  await dialog.getByRole('button', { name: 'Check all now' }).click();
  await expect(dialog.getByRole('status')).toHaveText('2 new items in the inbox.');
  await expect(dialog.getByText('State Department press releases')).toBeVisible();
  await expect(dialog.getByText('Secretaría de Economía: comunicados')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/feeds-dialog.png' });
  await dialog.getByRole('button', { name: 'Done' }).click();

  const english = page.getByRole('article', { name: /Border inspections begin under Mission Firewall/ });
  const spanish = page.getByRole('article', {
    name: /México y Estados Unidos acuerdan revisar los aranceles/,
  });
  // The first reading starts the extraction's worker and loads its language models: give it time.
  await expect(english).toBeVisible({ timeout: 20_000 });
  await expect(spanish).toBeVisible();
  await expect(page.getByText('2 unread')).toBeVisible();
  await expect(
    english.getByText('May be about: Curb the smuggling of US-bought firearms into Mexico'),
  ).toBeVisible();
  await expect(english.getByText('— suggests: in progress')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/inbox.png', fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);

  await english.getByRole('button', { name: 'Record “in progress” with this quote' }).click();
  const recorded = english.getByRole('status');
  await expect(recorded).toContainText(
    'Recorded “in progress” on Curb the smuggling of US-bought firearms into Mexico',
  );
  await expect(page.getByRole('link', { name: 'Inbox, 1 unread' })).toBeVisible();
  await expect(english.getByRole('button', { name: 'Use as evidence' }).first()).toBeEnabled();
  await page.screenshot({ path: 'test-results/screens/inbox-recorded.png' });

  await recorded.getByRole('link', { name: 'Curb the smuggling of US-bought firearms into Mexico' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Curb the smuggling of US-bought firearms into Mexico' }),
  ).toBeVisible();
  const history = page.getByRole('region', { name: /history|timeline/i }).or(page.locator('main'));
  await expect(history.getByText(/launched joint inspections of southbound traffic/).first()).toBeVisible();
  await expect(history.getByText('in progress').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/inbox-evidence-on-commitment.png', fullPage: true });

  await page.goto(`${app.url}#/`);
  await expect(page.getByRole('link', { name: '1 new article from your feeds to read' })).toBeVisible();
});

test('the inbox has no serious or critical accessibility violation in dark mode, feeds dialog open', async ({
  page,
  app,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.cli('feeds', 'add', `${server.origin}/json/feed.json`);
  await app.cli('feeds', 'add', `${server.origin}/not-a-feed`);
  await app.cli('feeds', 'check').catch(() => {});
  await page.goto(`${app.url}#/inbox`);
  await expect(page.getByRole('article', { name: /Security group sets its next meeting/ })).toBeVisible({
    timeout: 20_000,
  });
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Feeds…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Feeds' });
  await expect(
    dialog.getByText(/Last check failed: .*not-a-feed: is not an RSS, Atom or JSON feed/),
  ).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/feeds-dialog-dark.png' });
  expect(await seriousViolations(page)).toEqual([]);
});
