// The analyst's morning: the dashboard, the as-of view, saved views, bulk updates and the keyboard,
// on the sample dossier and on 100,000 generated commitments.
import Database from 'better-sqlite3';
import { expect, test } from './browser-mode.ts';

/** One value read from the database the app serves (read-only). */
function readOne(file: string, sql: string, ...values: unknown[]): unknown {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare(sql)
      .pluck()
      .get(...values);
  } finally {
    db.close();
  }
}

/** A generated commitment's title. */
const titleOf = (file: string, id: number) =>
  readOne(file, 'SELECT title FROM commitment WHERE id = ?', id) as string;

test.describe('on the sample dossier', () => {
  test.use({ sample: true });

  test('the dashboard shows what needs attention, with a chart', async ({ page, app }) => {
    await page.goto(app.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    const overdue = page.getByRole('list', { name: 'Deadlines passed' });
    await expect(overdue).toContainText('90-day reprieve for Mexico');
    await expect(overdue).toContainText('Review the USMCA trade agreement');
    await expect(overdue).not.toContainText('firearms');
    await expect(page.getByRole('img', { name: /status/i }).first()).toBeVisible();
    await expect(page.getByRole('list', { name: 'No update for 60 days' })).toContainText(
      'Halt the flow of fentanyl',
    );
    await page.screenshot({ path: 'test-results/screens/dashboard.png', fullPage: true });
  });

  test('as of 1 October 2025 the reprieve is due soon and the list shows that day', async ({ page, app }) => {
    await page.goto(app.url);
    await page.getByLabel('Show the state as of').fill('2025-10-01');
    await page.getByLabel('Show the state as of').press('Enter');
    await expect(page.getByText(/Showing the state as of 1 Oct/)).toBeVisible();
    const dueSoon = page.getByRole('list', { name: 'Due in the next 30 days' });
    await expect(dueSoon).toContainText('90-day reprieve for Mexico');
    await expect(dueSoon).toContainText('in 28 days');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Commitments' }).click();
    // The Security Ministerial was announced in January 2026: it did not exist yet.
    await expect(page.getByText(/^\d+ commitments$/)).toHaveText('8 commitments');
    await expect(page.getByRole('link', { name: /Security Ministerial/ })).toHaveCount(0);
    await page
      .getByRole('link', { name: /implementation group/i })
      .first()
      .click();
    await expect(
      page.getByRole('list', { name: 'Status updates, newest first' }).getByRole('listitem'),
    ).toHaveCount(2);
    await page.screenshot({ path: 'test-results/screens/as-of.png', fullPage: true });
  });

  test('saves a view by name, reopens it, and updates the statuses of a selection at once', async ({
    page,
    app,
  }) => {
    await page.goto(app.url + '#/commitments');
    await page.getByLabel('Topic').selectOption({ label: 'security › fentanyl and synthetic drugs' });
    await expect(page.getByRole('button', { name: /Topic: security › fentanyl/ })).toBeVisible();
    await page.getByPlaceholder('Name this view').fill('Friday briefing');
    await page.getByRole('button', { name: 'Save view' }).click();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page.getByText(/^\d+ commitments$/)).toHaveText('9 commitments');
    await page.getByRole('button', { name: 'Friday briefing', exact: true }).click();
    await expect(page.getByText(/^\d+ commitments$/)).toHaveText('2 commitments');

    await page.getByLabel('Select all 2 shown').check();
    await page.getByRole('button', { name: 'Record status…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Status', exact: true }).selectOption({ label: 'stalled' });
    await dialog.getByLabel('Note').fill('No progress reported this week.');
    await dialog
      .getByRole('button', { name: /Record/ })
      .last()
      .click();
    await expect(page.getByRole('table', { name: 'Commitments' })).not.toContainText('announced');
    await expect(page.getByRole('table', { name: 'Commitments' })).toContainText('stalled');
  });

  test('the keyboard reaches everything: find, move, open, palette, new', async ({ page, app }) => {
    await page.goto(app.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await page.keyboard.press('Control+f');
    await expect(page.getByLabel('Search commitments')).toBeFocused();
    await page.keyboard.type('tighter control');
    await expect(page.getByText(/^\d+ commitments?$/)).toHaveText('1 commitment');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Keep migration under tighter control');
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('combobox', { name: 'Go to, do, or find a commitment' });
    await expect(palette).toBeFocused();
    await palette.fill('USMCA');
    await expect(page.getByRole('option', { name: /Review the USMCA/ })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Review the USMCA trade agreement');
    await page.keyboard.press('Control+n');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('New commitment');
  });
});

test.describe('at 100,000 commitments', () => {
  test.use({ large: true });
  // The first test here generates the database of 100,000 commitments (a minute or more on a busy machine).
  test.setTimeout(240_000);

  test('the list is virtualised, scrolls to the end, and filters as the analyst types', async ({
    page,
    app,
  }) => {
    await page.goto(app.url + '#/commitments');
    await expect(page.getByText(/^[\d,]+ commitments$/)).toHaveText(/^100,?000 commitments$/);
    const rows = page.getByRole('table', { name: 'Commitments' }).getByRole('row');
    expect(await rows.count()).toBeLessThan(80);
    await page.getByLabel('Search commitments').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await expect(page.locator('[aria-rowindex="100001"]')).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/large-list-end.png' });
    // The words of one generated title: every commitment with all of them, that one among the first.
    const title = titleOf(app.db, 77_777);
    await page.getByLabel('Search commitments').fill(title);
    await expect(page.getByText(/^[\d,]+ commitments?$/)).not.toHaveText(/^100,?000/);
    await expect(page.getByRole('table', { name: 'Commitments' }).getByText(title).first()).toBeVisible();
  });

  test('the dashboard and a commitment page open', async ({ page, app }) => {
    await page.goto(app.url);
    await expect(page.getByRole('list', { name: 'Deadlines passed' })).toBeVisible({ timeout: 30_000 });
    await page.goto(app.url + '#/commitments/50000');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('(#50000)');
  });

  test('the sources library counts the sources with a common word and shows them 50 at a time', async ({
    page,
    app,
  }) => {
    const total = readOne(
      app.db,
      `SELECT count(*) FROM source_fts WHERE source_fts MATCH '"security"*'`,
    ) as number;
    expect(total).toBeGreaterThan(100);
    await page.goto(app.url + '#/sources');
    await expect(page.getByText(/^Sources: .*the newest first$/)).toHaveText(
      'Sources: 500, the newest first',
    );
    await page.getByLabel('Search sources').fill('security');
    const shown = page.getByRole('list', { name: 'Sources' }).getByRole('listitem');
    await expect(page.getByText(/^Sources with those words/)).toHaveText(
      `Sources with those words: ${total}, the best first`,
    );
    await expect(shown).toHaveCount(50);
    await expect(shown.first().locator('mark').first()).toHaveText(/^security/i);
    await page.screenshot({ path: 'test-results/screens/sources-search.png' });
    await page.getByRole('button', { name: `Show 50 more of ${total}` }).click();
    await expect(shown).toHaveCount(100);
  });
});
