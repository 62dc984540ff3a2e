// From an article to quote-backed commitments: paste or drop a source, read it, act on its sentences.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './browser-mode.ts';
import { openAddSource, newestStatusUpdate } from './pages.ts';

const article = readFileSync(
  join(import.meta.dirname, '..', 'electron', 'ingest', 'extract', 'fixtures', 'acuerdo-es.txt'),
  'utf8',
);

test.use({ sample: true });

test('pastes an article, turns a highlighted sentence into a commitment and sees the quote as its evidence', async ({
  page,
  app,
}) => {
  const form = await openAddSource(page, app.url);
  await form
    .getByLabel('Title', { exact: true })
    .fill('México y Estados Unidos acuerdan reforzar la cooperación');
  await form.getByLabel('Publisher').fill('agencias');
  await form.getByLabel('Published on').fill('2025-09-04');
  await form.getByLabel('Text', { exact: true }).fill(article);
  await form.getByRole('button', { name: 'Add source' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'México y Estados Unidos acuerdan reforzar la cooperación',
  );
  const text = page.getByLabel('Source text');
  await expect(text.locator('.boilerplate').first()).toHaveText('Por María López');
  const candidates = page.getByRole('region', { name: 'Sentences that read as commitments' });
  await expect(candidates.getByRole('listitem').first()).toBeVisible();
  await expect(candidates).not.toContainText('Síguenos');
  await page.screenshot({ path: 'test-results/screens/source-reader.png', fullPage: true });

  const pledge =
    'México se compromete a extender el rastreo de armas a los 32 estados en un plazo de 90 días.';
  await text.getByRole('button', { name: pledge }).click();
  const actions = page.getByRole('region', { name: 'What to do with this sentence' });
  await expect(actions).toContainText(pledge);
  await actions.getByRole('button', { name: 'New commitment from this' }).click();
  await expect(actions).toContainText('pledge, by Mexico, deadline P90D');
  await actions.getByRole('button', { name: 'Create commitment' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(pledge.replace(/\.$/, ''));
  await expect(page.getByTestId('deadline')).toContainText('90 days from 4 Sept 2025, due 3 Dec 2025');
  await expect(page.getByRole('region', { name: 'Evidence' })).toContainText(pledge);
  await expect(page.getByRole('region', { name: 'Evidence' })).toContainText(
    'México y Estados Unidos acuerdan reforzar la cooperación',
  );

  await page.goBack();
  await expect(text.getByRole('button', { name: pledge })).toHaveAttribute('data-state', 'used');
});

test('says why a sentence reads as a commitment, and adds the states it names to the parties', async ({
  page,
  app,
}) => {
  const form = await openAddSource(page, app.url);
  await form.getByLabel('Title', { exact: true }).fill('Chile y Perú acuerdan un plan pesquero');
  await form
    .getByLabel('Text', { exact: true })
    .fill(
      [
        'Chile y Perú acuerdan un plan pesquero',
        '',
        'LIMA, 11 de marzo de 2026.– Chile y Perú acordaron este martes crear una comisión binacional de pesca.',
        'El Perú establecerá una veda conjunta en un plazo de 60 días.',
        'La captura cayó un 30 % en 2024.',
      ].join('\n'),
    );
  await form.getByRole('button', { name: 'Add source' }).click();

  const candidates = page.getByRole('region', { name: 'Sentences that read as commitments' });
  const veda = candidates.getByRole('listitem').filter({ hasText: 'El Perú establecerá' });
  await expect(veda).toContainText('Peru');
  await expect(veda).toContainText('establecerá');
  await expect(veda).toContainText('P60D (“en un plazo de 60 días”)');
  await expect(veda).toContainText('11 Mar 2026, the dateline');
  await expect(candidates).not.toContainText('La captura cayó');
  await page.screenshot({ path: 'test-results/screens/source-reader-why.png', fullPage: true });

  // The threshold is a setting: from 90%, only sentences at 90% or more stay, and it is kept.
  const from = candidates.getByRole('combobox');
  await expect(from).toHaveValue('0.5');
  await from.selectOption('0.9');
  await expect(async () => {
    const shown = await candidates.locator('.confidence').allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    for (const label of shown) expect(Number.parseInt(label, 10)).toBeGreaterThanOrEqual(90);
  }).toPass();
  await page.reload();
  await expect(candidates.getByRole('combobox')).toHaveValue('0.9');
  await candidates.getByRole('combobox').selectOption('0.5');

  await page
    .getByLabel('Source text')
    .getByRole('button', { name: /^El Perú establecerá/ })
    .click();
  const actions = page.getByRole('region', { name: 'What to do with this sentence' });
  await actions.getByRole('button', { name: 'New commitment from this' }).click();
  await expect(actions).toContainText('Peru will be added to your parties.');
  await actions.getByRole('button', { name: 'Create commitment' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'El Perú establecerá una veda conjunta en un plazo de 60 días',
  );
  await expect(page.getByTestId('deadline')).toContainText('60 days from 11 Mar 2026');
  await expect(page.getByRole('main')).toContainText('Peru');
});

test('attaches a quote as evidence to the commitment it is about, with the status it shows', async ({
  page,
  app,
}) => {
  const form = await openAddSource(page, app.url);
  await form.getByLabel('Title', { exact: true }).fill('Pausa arancelaria');
  await form.getByLabel('Published on').fill('2025-09-04');
  await form.getByLabel('Text', { exact: true }).fill(article);
  await form.getByRole('button', { name: 'Add source' }).click();

  const quote = 'Estados Unidos anunció una pausa de 90 días en los aranceles del 30% a productos mexicanos.';
  await page.getByLabel('Source text').getByRole('button', { name: quote }).click();
  const actions = page.getByRole('region', { name: 'What to do with this sentence' });
  await actions.getByRole('button', { name: 'Evidence for a commitment…' }).click();
  await expect(actions.getByLabel('Commitment')).toContainText('90-day reprieve');
  await actions
    .getByLabel('Commitment')
    .selectOption({ label: '90-day reprieve for Mexico from the threatened 30% tariffs' });
  await actions.getByLabel('Also record the status it shows').check();
  await actions.getByRole('combobox', { name: 'Status', exact: true }).selectOption({ label: 'in progress' });
  await actions.getByLabel('Note').fill('Reported again on 4 September.');
  await actions.getByRole('button', { name: 'Attach as evidence' }).click();

  const quotes = page.getByRole('region', { name: 'Quotes used' });
  await expect(quotes).toContainText(quote);
  await quotes.getByRole('link', { name: /reprieve/ }).click();
  const newest = newestStatusUpdate(page);
  await expect(newest).toContainText('Reported again on 4 September.');
  await expect(newest).toContainText(quote);
});

test('reads a dropped PDF and offers to merge the same article added twice', async ({ page, app }) => {
  const pdf = join(import.meta.dirname, '..', 'electron', 'ingest', 'fixtures', 'statement.pdf');
  for (const attempt of [1, 2]) {
    const form = await openAddSource(page, app.url);
    await form.locator('input[type=file]').setInputFiles(pdf);
    await expect(form.getByLabel('Title', { exact: true })).toHaveValue('Joint statement of 15 January 2026');
    await expect(form.getByLabel('Text', { exact: true })).toHaveValue(/will meet again on 23 January 2026/);
    await form.getByRole('button', { name: 'Add source' }).click();
    if (attempt === 2) {
      await expect(form.getByRole('alert')).toContainText('This looks like a source you already have');
      await expect(form.getByRole('alert')).toContainText('same text');
      await form.getByRole('button', { name: 'Merge into it' }).click();
    }
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Joint statement of 15 January 2026');
  }
  await page.goto(app.url + '#/sources');
  await expect(page.getByRole('list', { name: 'Sources' }).getByRole('listitem')).toHaveCount(5);
});

test('corrects a stored source’s details, refusing a bad address, and undoes the correction', async ({
  page,
  app,
}) => {
  await page.goto(app.url + '#/sources/1');
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText('Rubio and Sheinbaum pledge closer security cooperation in Mexico City');
  await page.getByRole('button', { name: 'Edit details' }).click();
  const form = page.getByRole('form', { name: 'Source details' });
  await form.getByLabel('Title', { exact: true }).fill('Rubio and Sheinbaum meet in Mexico City');
  await form.getByLabel('Publisher').fill('Reuters');
  await form.getByLabel('Address (URL)').fill('javascript:alert(1)');
  await form.getByRole('button', { name: 'Save details' }).click();
  await expect(form.getByRole('alert')).toHaveText('must be an http(s) address');
  await expect(heading).toHaveText('Rubio and Sheinbaum pledge closer security cooperation in Mexico City');

  await form.getByLabel('Address (URL)').fill('https://www.reuters.com/world/americas/rubio-sheinbaum');
  await form.getByRole('button', { name: 'Save details' }).click();
  await expect(form).toBeHidden();
  await expect(heading).toHaveText('Rubio and Sheinbaum meet in Mexico City');
  await expect(page.getByText(/^Reuters · /)).toBeVisible();
  await expect(page.getByRole('link', { name: 'original' })).toHaveAttribute(
    'href',
    'https://www.reuters.com/world/americas/rubio-sheinbaum',
  );
  await page.screenshot({ path: 'test-results/screens/source-details.png' });

  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect(page.getByText(/^Undone: Edited the details of/)).toBeVisible();
  await expect(heading).toHaveText('Rubio and Sheinbaum pledge closer security cooperation in Mexico City');
});
