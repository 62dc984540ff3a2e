// The compliance scorecard as an analyst uses it in browser mode: two statuses recorded with scores,
// each party's mean and percentage, a comparison with an earlier day, the evidence behind a cell, the
// trends below it, and the export read back.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './browser-mode.ts';

test.use({ sample: true });

const screenshots = 'e2e/screenshots';
const fentanyl = 'Halt the flow of fentanyl and other synthetic drugs into the United States';
const migration = 'Keep migration under tighter control';

async function record(page: Page, url: string, title: string, status: string, day: string): Promise<void> {
  await page.goto(`${url.split('#')[0]}#/commitments`);
  await page.getByRole('link', { name: title }).first().click();
  const form = page.getByRole('form', { name: 'Record a status update' });
  await form.getByLabel('Status').selectOption({ label: status });
  await form.getByLabel('Effective date').fill(day);
  await form.getByLabel('Note').fill(`Assessed ${status} for the scorecard.`);
  await form.getByRole('button', { name: 'Record update' }).click();
  await expect(form.getByRole('status')).toHaveText('Recorded.');
}

test('the scorecard gives each party its mean and percentage, compares two days and shows the evidence', async ({
  app,
  page,
}) => {
  await record(page, app.url, fentanyl, 'fulfilled', '2026-03-01');
  await record(page, app.url, migration, 'partially fulfilled', '2026-03-02');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scorecard' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Compliance scorecard' })).toBeVisible();

  // Both made both: Mexico and the United States each +1 and 0 over two scored cells, the rest unscored.
  const parties = page.getByRole('region', { name: 'By party' });
  for (const party of ['Mexico', 'United States']) {
    const row = parties.getByRole('row', { name: new RegExp(`^${party}`) });
    await expect(row.getByRole('cell').nth(0)).toHaveText('+0.50');
    await expect(row.getByRole('cell').nth(1)).toHaveText('75%');
    await expect(row.getByRole('cell').nth(2)).toHaveText(/^2 of \d+$/);
  }
  const cell = page.getByRole('button', { name: new RegExp(`^Mexico, ${fentanyl}: fulfilled, score \\+1`) });
  await expect(cell).toBeVisible();

  // Compared with a day before both were assessed: those four cells changed, and the two of the
  // implementation group, which the sample moves to "in progress" on 15 January.
  await page.getByLabel('Compare with an earlier day').fill('2026-01-01');
  await page.getByLabel('Compare with an earlier day').dispatchEvent('change');
  await expect(page.getByText(/6 cells changed since 1 Jan 2026/)).toBeVisible();
  await expect(cell).toContainText('was announced');
  await page.screenshot({ path: `${screenshots}/scorecard.png`, fullPage: true });

  await cell.click();
  const dialog = page.getByRole('dialog', { name: `Mexico: ${fentanyl}` });
  await expect(dialog).toContainText('score +1');
  await expect(dialog).toContainText('this is the commitment');
  await expect(dialog).toContainText('Assessed fulfilled for the scorecard.');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await expect(page.getByRole('region', { name: 'Over time' }).getByRole('img').first()).toBeVisible();

  await page.getByRole('combobox', { name: 'Format' }).selectOption('json');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export scorecard' }).click();
  const file = await download;
  const path = join(mkdtempSync(join(tmpdir(), 'pledgewatch-scorecard-')), file.suggestedFilename());
  await file.saveAs(path);
  const exported = JSON.parse(readFileSync(path, 'utf8')) as {
    schema: string;
    parties: { party: string; mean: number; percent: number }[];
    changes: unknown;
  };
  expect(exported.schema).toBe('pledgewatch.scorecard/1');
  expect(exported.parties.find((party) => party.party === 'Mexico')).toMatchObject({
    mean: 0.5,
    percent: 75,
  });
  expect(exported.changes).not.toBeNull();
});
