// Citations as an analyst uses them in browser mode: a Zotero export imported into the Sources library
// (what it would add shown first), a running Zotero read once allowed (a stand-in for its local API on
// 127.0.0.1), the report dialog's citation style (the preview follows, and the
// choice is kept), and the report's evidence downloaded as BibTeX and read back.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './browser-mode.ts';
import { startZoteroServer } from '../electron/citations/testing/zotero-server.ts';

test.use({ sample: true });
test.describe.configure({ timeout: 60_000 });

const fixtures = join(import.meta.dirname, '..', 'electron', 'citations', 'fixtures');

async function openSources(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sources' }).click();
  await expect(page.getByRole('heading', { name: 'Sources', level: 1 })).toBeVisible();
}

test('a Zotero export becomes sources, after showing what it would add', async ({ page, app }) => {
  await openSources(page, app.url);
  const list = page.getByRole('list', { name: 'Sources' });
  // The sample dossier's four.
  const before = 4;
  await expect(list.getByRole('listitem')).toHaveCount(before);
  await page.getByLabel('Import from Zotero…').setInputFiles(join(fixtures, 'zotero.ris'));
  const plan = page.getByRole('region', { name: 'Zotero import' });
  await expect(plan).toContainText('“zotero.ris”: 5 entries; 5 new sources.');
  await expect(plan.getByRole('listitem')).toHaveCount(5);
  await page.screenshot({ path: 'test-results/screens/zotero-import.png' });
  await plan.getByRole('button', { name: 'Add 5 sources' }).click();
  await expect(page.getByText('Added 5 sources from “zotero.ris”.')).toBeVisible();
  await expect(list.getByRole('listitem')).toHaveCount(before + 5);
  await expect(
    list.getByRole('link', { name: 'México y EE. UU. acuerdan un grupo de implementación de seguridad' }),
  ).toBeVisible();

  await page.getByLabel('Import from Zotero…').setInputFiles(join(fixtures, 'malformed.ris'));
  await expect(page.getByRole('alert')).toContainText(
    'malformed.ris: entry 2 at line 8 has no "ER  - " line ending it before the next entry at line 13.',
  );
  await expect(list.getByRole('listitem')).toHaveCount(before + 5);
});

test('a running Zotero’s collection becomes sources once the analyst allows reading it', async ({
  page,
  app,
}) => {
  const zotero = await startZoteroServer({ requests: 50, seconds: 55 });
  try {
    await openSources(page, app.url);
    const list = page.getByRole('list', { name: 'Sources' });
    await expect(list.getByRole('listitem')).toHaveCount(4);
    const allow = page.getByLabel('Read from a running Zotero');
    await expect(allow).not.toBeChecked();
    await expect(page.getByRole('button', { name: 'Read from Zotero' })).toHaveCount(0);
    await allow.check();
    // Not running on Zotero's own port here: the message says so, and where to look.
    await expect(page.getByRole('alert')).toContainText('Zotero is not running on this computer');
    await page.getByLabel('Zotero’s port').fill(String(zotero.port));
    await page.getByLabel('Zotero’s port').press('Enter');
    const scope = page.getByLabel('From', { exact: true });
    await expect(scope.locator('option')).toHaveText([
      'The whole library',
      'US–Mexico 2025',
      'US–Mexico 2025 / Tariffs',
    ]);
    await scope.selectOption({ label: 'US–Mexico 2025' });
    await page.getByRole('button', { name: 'Read from Zotero' }).click();
    const plan = page.getByRole('region', { name: 'Zotero import' });
    await expect(plan).toContainText('“Zotero collection US–Mexico 2025”: 4 entries; 4 new sources.');
    await page.screenshot({ path: 'test-results/screens/zotero-connector.png' });
    await plan.getByRole('button', { name: 'Add 4 sources' }).click();
    await expect(page.getByText('Added 4 sources from “Zotero collection US–Mexico 2025”.')).toBeVisible();
    await expect(list.getByRole('listitem')).toHaveCount(8);
    await list
      .getByRole('link', { name: 'U.S.-Mexico Security Cooperation: Fentanyl and Firearms Trafficking' })
      .click();
    // The text Zotero indexed from the report's PDF is the source's text.
    await expect(page.getByText('will meet every quarter, alternating between Washington')).toBeVisible();
    expect(zotero.hits('/api/users/0/collections/COLL0001/items/top')).toBe(2);
  } finally {
    await zotero.close();
  }
});

test('the report cites its sources in the style chosen, and keeps the choice', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Commitments' }).click();
  await page.getByRole('button', { name: 'Export / report…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Report' });
  const preview = dialog.frameLocator('iframe[title="Preview of the report"]');
  const style = dialog.getByLabel('Citation style');
  await expect(style).toHaveValue('chicago-author-date');
  // The first preview also loads the citation library: it takes a few seconds on a busy machine.
  await expect(preview.getByText('Sources cited in Chicago author-date style.')).toBeVisible({
    timeout: 20_000,
  });
  await style.selectOption({ label: 'APA' });
  await expect(preview.getByText('Sources cited in APA style.')).toBeVisible({ timeout: 15_000 });
  await page.screenshot({ path: 'test-results/screens/report-citation-style.png' });

  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'BibTeX' }).click();
  const file = await download;
  const path = join(test.info().outputPath(), file.suggestedFilename());
  await file.saveAs(path);
  expect(file.suggestedFilename()).toMatch(/^Evidence \d{4}-\d{2}-\d{2}\.bib$/);
  const entries = readFileSync(path, 'utf8').match(/^@\w+\{/gm) ?? [];
  expect(entries.length).toBeGreaterThan(0);
  await expect(
    dialog.getByText(`Downloaded “${file.suggestedFilename()}”: ${entries.length} source`),
  ).toBeVisible();

  await dialog.locator('footer').getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Export / report…' }).click();
  await expect(page.getByRole('dialog', { name: 'Report' }).getByLabel('Citation style')).toHaveValue('apa');
});
