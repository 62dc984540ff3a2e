// What an analyst does in browser mode: first run, the list, a commitment, a status update that stays.
import { expect, test } from './browser-mode.ts';

test.describe('first run on an empty database', () => {
  test('offers the sample dossier and shows its commitments once loaded', async ({ page, app }) => {
    await page.goto(app.url);
    await expect(page.getByRole('heading', { name: 'Welcome to Pledgewatch' })).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/first-run.png' });
    await page.getByRole('button', { name: 'Load the sample dossier' }).click();
    // The app opens on the dashboard; the list is one click away.
    await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Commitments' }).click();
    await expect(page.getByRole('heading', { name: 'Commitments' })).toBeVisible();
    await expect(page.getByText(/^\d+ commitments$/)).toHaveText(/^(8|9) commitments$/);
    await expect(page.getByRole('link', { name: /fentanyl/i }).first()).toBeVisible();
  });

  test('adds a commitment, records a status update, and still sees it after a reload', async ({
    page,
    app,
  }) => {
    await page.goto(app.url);
    await page.getByLabel('Dossier name').fill('G7 Leaders’ Summit 2026');
    await page.getByRole('button', { name: 'Create dossier' }).click();
    await page.getByRole('link', { name: '+ New commitment' }).first().click();

    // The form names what is wrong and writes nothing.
    await page.getByRole('button', { name: 'Add commitment' }).click();
    await expect(page.getByRole('alert').first()).toHaveText('must not be empty');

    await page.getByLabel('Title').fill('Phase out inefficient fossil fuel subsidies');
    await page.getByLabel('Summary').fill('Leaders restate the pledge, with a date this time.');
    await page.getByLabel('Kind').selectOption('pledge');
    await page.getByLabel('Announced on').fill('2026-06-15');
    await page.getByLabel('A duration from a date').check();
    await page.getByLabel('Duration amount').fill('6');
    await page.getByLabel('Duration unit').selectOption('months');
    await page.getByLabel('Duration starts on').fill('2026-06-15');
    await page.getByRole('button', { name: 'Add commitment' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Phase out inefficient fossil fuel subsidies',
    );
    await expect(page.getByTestId('deadline')).toHaveText('6 months from 15 Jun 2026, due 15 Dec 2026');
    await expect(page.locator('.current')).toContainText('not yet assessed');

    const form = page.getByRole('form', { name: 'Record a status update' });
    await form.getByLabel('Status').selectOption({ label: 'in progress' });
    await form.getByLabel('Effective date').fill('2026-09-01');
    // Notes are Markdown; anything that could run is removed before it becomes HTML.
    await form
      .getByLabel('Note')
      .fill('Two countries published **phase-out** schedules. <img src=x onerror="window.pwned=1">');
    await form.getByRole('button', { name: 'Record update' }).click();
    await expect(form.getByRole('status')).toHaveText('Recorded.');

    const history = page.getByRole('list', { name: 'Status updates, newest first' });
    await expect(history.getByRole('listitem')).toHaveCount(2);
    await expect(history.getByRole('listitem').first()).toContainText('in progress');
    await expect(history.getByRole('listitem').first()).toContainText(
      'Two countries published phase-out schedules.',
    );
    await expect(history.locator('strong')).toHaveText('phase-out');
    await expect(history.locator('img')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();

    await page.reload();
    await expect(page.locator('.current')).toContainText('in progress');
    await expect(history.getByRole('listitem').first()).toContainText('1 Sept 2026');
    await expect(history.getByRole('listitem').first()).toContainText(
      'Two countries published phase-out schedules.',
    );
    await page.screenshot({ path: 'test-results/screens/commitment.png', fullPage: true });
  });
});

test.describe('the sample dossier', () => {
  test.use({ sample: true });

  test('lists the commitments and filters them by topic, party, status and words', async ({ page, app }) => {
    await page.goto(`${app.url}#/commitments`);
    // The table draws only the rows in sight; the sample's nine all fit.
    const rows = page
      .getByRole('table', { name: 'Commitments' })
      .getByRole('row')
      .filter({ has: page.getByRole('cell') });
    await expect(rows).toHaveCount(9);
    await page.screenshot({ path: 'test-results/screens/list.png' });

    await page.getByLabel('Topic').selectOption({ label: 'trade › tariffs' });
    await expect(rows).toHaveCount(2);
    await expect(page).toHaveURL(/topic=\d+/);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(rows).toHaveCount(9);

    await page.getByLabel('Party').selectOption({ label: 'Canada' });
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('USMCA');
    await page.getByRole('button', { name: 'Clear filters' }).click();

    await page.getByLabel('Search commitments').fill('firearms');
    await expect(rows).toHaveCount(1);
    await page.getByLabel('Search commitments').fill('');
    await expect(rows).toHaveCount(9);

    await page.getByRole('button', { name: 'Commitment' }).click();
    await expect(page).toHaveURL(/sort=title/);
  });

  test('shows a commitment with its deadline, parent, children, history and evidence', async ({
    page,
    app,
  }) => {
    await page.goto(`${app.url}#/commitments`);
    await page.getByRole('link', { name: /reprieve/i }).click();
    await expect(page.getByTestId('deadline')).toHaveText('90 days from 31 Jul 2025, due 29 Oct 2025');

    await page.goto(`${app.url}#/commitments`);
    await page.getByRole('link', { name: /implementation group/i }).click();
    const oversees = page.getByRole('region', { name: 'Oversees' });
    await expect(oversees.getByRole('listitem')).toHaveCount(4);
    await expect(page.getByRole('region', { name: 'Evidence' })).toContainText('high-level group');
    await page.screenshot({ path: 'test-results/screens/implementation-group.png', fullPage: true });
    await oversees.getByRole('link', { name: /firearms/i }).click();
    await expect(page.locator('.current')).toContainText('in progress');
    await expect(page.getByRole('list', { name: 'Status updates, newest first' })).toContainText(
      'for Mexico',
    );
  });
});
