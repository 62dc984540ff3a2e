// Reports and imports as an analyst does them in browser mode: the report dialog opened from a filtered list,
// its live preview, XLSX and PDF exports read back by independent readers, a saved template, and a CSV
// with one status changed dropped back in, previewed, applied and seen in the list.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { expect, test } from './browser-mode.ts';

test.use({ sample: true });
// Each PDF is printed by a Chromium started for it, which takes seconds on a busy machine.
test.describe.configure({ timeout: 90_000 });

const fentanyl = [
  'Halt the flow of fentanyl and other synthetic drugs into the United States',
  'Keep the 25% fentanyl-related tariffs on Mexican goods in force',
];
const elsewhere = 'Review the USMCA trade agreement';
const firearms = 'Curb the smuggling of US-bought firearms into Mexico';

const folder = () => mkdtempSync(join(tmpdir(), 'pledgewatch-reports-'));

async function openList(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Commitments' }).click();
  await expect(page.getByRole('heading', { name: 'Commitments', level: 1 })).toBeVisible();
}

/** Clicks Export and saves the file the browser receives; returns its path and suggested name. */
async function exportFile(page: Page, dialogName = 'Report'): Promise<{ path: string; name: string }> {
  const dialog = page.getByRole('dialog', { name: dialogName });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: /^Export / }).click();
  const file = await download;
  const path = join(folder(), file.suggestedFilename());
  await file.saveAs(path);
  await expect(dialog.getByRole('status').first()).toContainText(`Downloaded “${file.suggestedFilename()}”`);
  return { path, name: file.suggestedFilename() };
}

async function cellTexts(path: string, sheet: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const texts: string[] = [];
  workbook.getWorksheet(sheet)?.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.text))));
  return texts;
}

test('a report of the filtered list: live preview, XLSX, and a saved template exported as PDF', async ({
  page,
  app,
}) => {
  await openList(page, app.url);
  await page
    .getByRole('complementary', { name: 'Filters' })
    .getByLabel('Topic')
    .selectOption({ label: 'security › fentanyl and synthetic drugs' });
  await expect(page.getByText('2 commitments', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Export / report…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Report' });
  await expect(dialog.getByLabel('Topic')).toHaveValue('2');
  const preview = dialog.frameLocator('iframe[title="Preview of the report"]');
  // The first preview also reads the citation style into citeproc: a few seconds on a busy machine.
  for (const title of fentanyl) {
    await expect(preview.getByText(title).first()).toBeVisible({ timeout: 20_000 });
  }
  await expect(preview.getByText(elsewhere)).toHaveCount(0);
  await expect(dialog.getByText('2 commitments', { exact: true })).toBeVisible();

  // The preview follows the scope as it is edited.
  await dialog.getByLabel('Words').fill('tariffs');
  await expect(preview.getByText(fentanyl[0]!)).toHaveCount(0);
  await expect(preview.getByText(fentanyl[1]!).first()).toBeVisible();
  await dialog.getByLabel('Words').fill('');
  await expect(preview.getByText(fentanyl[0]!).first()).toBeVisible();

  await dialog.getByRole('radio', { name: 'XLSX' }).check();
  const xlsx = await exportFile(page);
  expect(xlsx.name).toMatch(/\.xlsx$/);
  expect(readFileSync(xlsx.path).subarray(0, 2).toString()).toBe('PK');
  const cells = await cellTexts(xlsx.path, 'Commitments');
  for (const title of fentanyl) expect(cells).toContain(title);
  expect(cells).not.toContain(elsewhere);

  // Saved as a template with the PDF format; the list's filter is then cleared.
  await dialog.getByRole('radio', { name: 'PDF' }).check();
  await dialog.getByRole('button', { name: 'Save as template…' }).click();
  await dialog.getByLabel('Template name').fill('Friday briefing');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog.getByText('Saved “Friday briefing”.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByText('9 commitments', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Export / report…' }).click();
  await expect(preview.getByText(elsewhere).first()).toBeVisible();
  await dialog.getByLabel('Template').selectOption('Friday briefing');
  await expect(dialog.getByLabel('Topic')).toHaveValue('2');
  await expect(dialog.getByRole('radio', { name: 'PDF' })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: 'Since the last “Friday briefing” report' })).toBeChecked();
  await expect(preview.getByText(elsewhere)).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/report-dialog.png' });

  // Printing the PDF takes a moment: a progress bar says what is being prepared.
  const downloaded = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export PDF' }).click();
  await expect(dialog.getByText('Preparing the PDF…')).toBeVisible();
  const download = await downloaded;
  const pdf = join(folder(), download.suggestedFilename());
  await download.saveAs(pdf);
  expect(readFileSync(pdf).subarray(0, 4).toString()).toBe('%PDF');
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('Friday briefing');
  expect(text).toContain('Halt the flow of fentanyl');
  await expect(dialog.getByText(/Last sent/)).toBeVisible();

  await dialog.getByRole('button', { name: 'Delete…' }).click();
  await dialog.getByRole('button', { name: 'Delete template' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Deleted “Friday briefing”' })).toBeVisible();
  await expect(dialog.getByLabel('Template').locator('option')).toHaveText(['None: a one-off report']);
});

test('a CSV with one status changed: previewed, nothing written, then applied and seen in the list', async ({
  page,
  app,
}) => {
  await openList(page, app.url);
  await page.getByRole('button', { name: 'Export / report…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Report' });
  await dialog.getByRole('radio', { name: 'CSV' }).check();
  const csv = await exportFile(page);
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await expect(dialog).toBeHidden();

  const parsed = Papa.parse<Record<string, string>>(readFileSync(csv.path, 'utf8').replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  });
  const row = parsed.data.find((cells) => cells.title === firearms)!;
  expect(row.status).toBe('in progress');
  row.status = 'stalled';
  const edited = join(folder(), 'statuses.csv');
  writeFileSync(edited, Papa.unparse(parsed.data));

  await page.getByRole('button', { name: 'Import…' }).click();
  const importer = page.getByRole('dialog', { name: 'Import commitments and statuses' });
  await importer.locator('input[type="file"]').setInputFiles(edited);
  const plan = importer.getByRole('region', { name: 'What the import would change' });
  await expect(plan).toContainText('1 new status update');
  await expect(plan).toContainText('8 unchanged');
  const change = plan.getByRole('list', { name: 'Changes' }).getByRole('listitem');
  await expect(change).toHaveCount(1);
  await expect(change).toContainText(firearms);
  await expect(change).toContainText('in progress → stalled');
  await page.screenshot({ path: 'test-results/screens/import-preview.png' });

  // Nothing is written by the preview: the list behind still says "in progress".
  const listRow = page.getByRole('row', { name: new RegExp(firearms) });
  await expect(listRow).toContainText('in progress');

  await importer.getByRole('button', { name: 'Apply' }).click();
  await expect(importer.getByRole('status')).toHaveText('Imported 1 status update from statuses.csv.');
  await importer.getByRole('button', { name: 'Close' }).last().click();
  await expect(importer).toBeHidden();
  await expect(listRow).toContainText('stalled');
});

test('a file with errors names its line and field and writes nothing', async ({ page, app }) => {
  await openList(page, app.url);
  const bad = join(folder(), 'bad.csv');
  writeFileSync(bad, `title,dossier,kind,announced_on\n${firearms} (new),G7,pledge,2025-02-30\n`);
  await page.getByRole('button', { name: 'Import…' }).click();
  const importer = page.getByRole('dialog', { name: 'Import commitments and statuses' });
  await importer.locator('input[type="file"]').setInputFiles(bad);
  const problems = importer.getByRole('region', { name: 'Why the file cannot be imported' });
  await expect(problems).toContainText('line 2, announced_on');
  await expect(importer.getByRole('button', { name: 'Apply' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByText('9 commitments', { exact: true })).toBeVisible();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the report and import dialogs have no serious accessibility violation (${colorScheme})`, async ({
    page,
    app,
  }) => {
    await page.emulateMedia({ colorScheme });
    await openList(page, app.url);
    await page.getByRole('button', { name: 'Export / report…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Report' });
    // The first preview also reads the citation style into citeproc.
    await expect(dialog.frameLocator('iframe').getByText(firearms).first()).toBeVisible({ timeout: 20_000 });
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Import…' }).click();
    const bad = join(folder(), 'bad.csv');
    writeFileSync(bad, 'title,announced_on\nA pledge,2025-02-30\n');
    await page.locator('dialog input[type="file"]').setInputFiles(bad);
    await expect(page.getByText('line 2, announced_on')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

async function seriousViolations(page: Page): Promise<string[]> {
  // No script may run in the sandboxed preview, so axe cannot look inside it: the dialog around it is scanned.
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
    .exclude('iframe[title="Preview of the report"]')
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    );
}
