// Publishing and the calendar as an analyst does them in browser mode: "Publish…" writes a site that is
// then opened from file:// in Chromium with every request outside its folder refused, and walked from
// its index; "Add deadlines to my calendar" gives an .ics that an independent parser reads back; the
// desktop app's daily notification is turned off from the dashboard and stays off.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ICAL from 'ical.js';
import type { Page } from '@playwright/test';
import { expect, test } from './browser-mode.ts';

test.use({ sample: true });

const screenshots = 'e2e/screenshots';

async function openList(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Commitments' }).click();
  await expect(page.getByRole('heading', { name: 'Commitments', level: 1 })).toBeVisible();
}

test('the list published as a site opens from disk, every page reachable, nothing fetched from anywhere', async ({
  app,
  page,
  browser,
}) => {
  await openList(page, app.url);
  await page.getByRole('button', { name: 'Publish…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish a tracker' });
  const folder = join(mkdtempSync(join(tmpdir(), 'pledgewatch-site-')), 'tracker');
  await dialog.getByLabel('Title').fill('US–Mexico commitments tracker');
  await dialog.getByLabel('Folder').fill('relative/folder');
  await dialog.getByRole('button', { name: 'Publish' }).click();
  await expect(dialog).toContainText('must be a full path');
  await dialog.getByLabel('Folder').fill(folder);
  await page.screenshot({ path: `${screenshots}/publish-dialog.png` });
  await dialog.getByRole('button', { name: 'Publish' }).click();
  const done = page.getByRole('dialog', { name: 'Published' });
  await expect(done.getByRole('status')).toContainText('9 commitments and 4 sources published');
  await done.getByRole('button', { name: 'Close' }).click();

  // A reader with no network: only files of the site may load.
  const reader = await browser.newContext({ offline: true });
  const root = pathToFileURL(folder).href;
  const outside: string[] = [];
  await reader.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${root}/`)) return route.continue();
    outside.push(url);
    return route.abort();
  });
  const site = await reader.newPage();
  const seen = new Set<string>();
  const queue = [`${root}/index.html`];
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const response = await site.goto(url);
    expect(response?.ok(), url).toBe(true);
    await expect(site.getByRole('heading', { level: 1 })).toBeVisible();
    // The stylesheet applied: the header is tinted, so the page is not bare HTML.
    const tint = await site
      .locator('header.site')
      .evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(tint).not.toBe('rgba(0, 0, 0, 0)');
    const hrefs = await site
      .locator('a[href]')
      .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    for (const href of hrefs) {
      const page = href.split('#')[0]!;
      if (page.startsWith(`${root}/`) && page.endsWith('.html')) queue.push(page);
      else expect(href, `a link out of the site from ${url}`).toMatch(/^https?:\/\//);
    }
    if (url.endsWith('/index.html')) {
      await site.screenshot({ path: `${screenshots}/published-index.png`, fullPage: true });
    }
  }
  expect(outside).toEqual([]);
  // The index, 9 commitments and 4 sources.
  expect(seen.size).toBe(14);
  const first = [...seen].find((url) => url.includes('/commitments/'))!;
  await site.goto(first);
  await site.screenshot({ path: `${screenshots}/published-commitment.png`, fullPage: true });
  await reader.close();
});

test('“Add deadlines to my calendar” gives one all-day event per due date, with the same UIDs each time', async ({
  app,
  page,
}) => {
  await openList(page, app.url);
  const calendar = async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Add deadlines to my calendar' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Pledgewatch deadlines.ics');
    const path = join(mkdtempSync(join(tmpdir(), 'pledgewatch-ics-')), file.suggestedFilename());
    await file.saveAs(path);
    const parsed = new ICAL.Component(ICAL.parse(readFileSync(path, 'utf8')));
    return parsed.getAllSubcomponents('vevent').map((event) => new ICAL.Event(event));
  };
  const first = await calendar();
  await expect(page.getByText('3 deadlines in Pledgewatch deadlines.ics')).toBeVisible();
  expect(first).toHaveLength(3);
  for (const event of first) {
    expect(event.startDate.isDate).toBe(true);
    expect(event.summary).toMatch(/^Due: /);
  }
  expect(first.map((event) => event.summary)).toContain(
    'Due: 90-day reprieve for Mexico from the threatened 30% tariffs (in progress)',
  );
  const second = await calendar();
  expect(second.map((event) => event.uid)).toEqual(first.map((event) => event.uid));
});

test('the daily notification of deadlines is turned off on the dashboard, and stays off', async ({
  app,
  page,
}) => {
  await page.goto(app.url);
  const panel = page.getByRole('region', { name: /Due in the next 30 days/ });
  const toggle = panel.getByRole('checkbox', { name: 'Notify me daily' });
  await expect(toggle).toBeChecked();
  await toggle.uncheck();
  await expect(toggle).not.toBeChecked();
  await page.reload();
  await expect(
    page
      .getByRole('region', { name: /Due in the next 30 days/ })
      .getByRole('checkbox', { name: 'Notify me daily' }),
  ).not.toBeChecked();
  await page.screenshot({ path: `${screenshots}/dashboard-notify-setting.png` });
});
