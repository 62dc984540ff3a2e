// The app in Spanish, as an analyst whose system speaks Spanish (es-MX) first sees it: each main view
// in Spanish with no serious accessibility violation, the inbox with two feeds' articles and the feeds
// dialog, dates typed the Spanish way, and English chosen from the top bar's menu. Screenshots of each
// view are kept in e2e/screenshots/es-*.png.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { startFeedServer, type FeedServer } from '../electron/feeds/testing/feed-server.ts';
import { startZoteroServer } from '../electron/citations/testing/zotero-server.ts';
import { expect, test } from './browser-mode.ts';

const views: [string, string, string][] = [
  ['dashboard', '#/', 'Panel'],
  ['list', '#/commitments', 'Compromisos'],
  ['scorecard', '#/scorecard', 'Evaluación de cumplimiento'],
  ['new-commitment', '#/new', 'Nuevo compromiso'],
  ['sources', '#/sources', 'Fuentes'],
  ['reference', '#/reference', 'Datos de referencia'],
  ['trash', '#/trash', 'Papelera'],
  ['backups', '#/backups', 'Copias de seguridad'],
];

test.use({ sample: true, locale: 'es-MX' });

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help}`);
}

for (const [name, hash, heading] of views) {
  test(`the ${name} view speaks Spanish and has no serious accessibility violation`, async ({
    page,
    app,
  }) => {
    await page.goto(app.url + hash);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.getByRole('navigation', { name: 'Principal' })).toContainText('Compromisos');
    await page.screenshot({ path: `e2e/screenshots/es-${name}.png` });
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test.describe('the inbox', () => {
  let server: FeedServer;
  test.beforeAll(async () => {
    server = await startFeedServer({ requests: 50, seconds: 120 });
  });
  test.afterAll(() => server.close());

  test('speaks Spanish with two feeds’ articles in it, and so does the feeds dialog', async ({
    page,
    app,
  }) => {
    test.setTimeout(90_000);
    await app.cli('feeds', 'add', `${server.origin}/en/feed.xml`);
    await app.cli('feeds', 'add', `${server.origin}/es/atom.xml`);
    await app.cli('feeds', 'check');
    await page.goto(`${app.url}#/inbox`);
    await expect(page.getByRole('heading', { level: 1, name: 'Bandeja de entrada' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Bandeja de entrada, 2 sin leer' })).toBeVisible();
    const english = page.getByRole('article', { name: /Border inspections begin under Mission Firewall/ });
    // The first reading starts the extraction's worker and loads its language models: give it time.
    await expect(english).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText('2 sin leer', { exact: true })).toBeVisible();
    await expect(
      english.getByText('Podría referirse a: Curb the smuggling of US-bought firearms into Mexico'),
    ).toBeVisible();
    await expect(
      english.getByRole('button', { name: 'Registrar “in progress” con esta cita' }),
    ).toBeVisible();
    await expect(english.getByRole('button', { name: 'Marcar como leído' })).toBeVisible();
    await page.screenshot({ path: 'e2e/screenshots/es-inbox.png', fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Canales…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Canales' });
    await expect(dialog.getByRole('list', { name: 'Canales suscritos' }).getByRole('listitem')).toHaveCount(
      2,
    );
    await expect(
      dialog.getByRole('button', { name: 'Revisar State Department press releases ahora' }),
    ).toBeVisible();
    await expect(dialog.getByText(/Cada 60 minutos\s+·\s+última revisión: \d/).first()).toBeVisible();
    await expect(dialog.getByLabel('Dirección del canal')).toHaveAttribute(
      'placeholder',
      'https://www.ejemplo.gob.mx/rss.xml',
    );
    await page.screenshot({ path: 'e2e/screenshots/es-feeds-dialog.png' });
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test('reads a running Zotero’s library in Spanish', async ({ page, app }) => {
  const zotero = await startZoteroServer({ requests: 30, seconds: 50 });
  try {
    await app.cli('zotero', 'on', '--port', String(zotero.port));
    await page.goto(`${app.url}#/sources`);
    await expect(page.getByLabel('Leer desde Zotero en ejecución')).toBeChecked();
    await expect(page.getByLabel('De', { exact: true }).locator('option')).toHaveText([
      'Toda la biblioteca',
      'US–Mexico 2025',
      'US–Mexico 2025 / Tariffs',
    ]);
    await page.getByRole('button', { name: 'Leer desde Zotero' }).click();
    const plan = page.getByRole('region', { name: 'Importación desde Zotero' });
    await expect(plan).toContainText('“Biblioteca de Zotero”: 5 referencias; 5 fuentes nuevas.');
    await page.screenshot({ path: 'e2e/screenshots/es-zotero.png' });
    expect(await seriousViolations(page)).toEqual([]);
    await plan.getByRole('button', { name: 'Agregar 5 fuentes' }).click();
    await expect(page.getByText('Se agregaron 5 fuentes desde “Biblioteca de Zotero”.')).toBeVisible();
  } finally {
    await zotero.close();
  }
});

test('a date typed day first narrows the list, and reads back the Spanish way', async ({ page, app }) => {
  await page.goto(`${app.url}#/commitments`);
  await expect(page.getByRole('heading', { level: 1, name: 'Compromisos' })).toBeVisible();
  const from = page.getByLabel('Desde', { exact: true });
  await expect(from).toHaveAttribute('placeholder', 'dd/mm/aaaa');
  // 1 March 2026, written day first: only the commitments due from then on remain.
  await from.fill('1/3/2026');
  await from.press('Enter');
  await expect(from).toHaveValue('01/03/2026');
  await expect(page).toHaveURL(/from=2026-03-01/);
  await from.fill('31/02/2026');
  await from.press('Enter');
  await expect(page.getByRole('alert')).toContainText('dd/mm/aaaa');
});

test('English chosen in the top bar stays chosen', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Panel' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
});
