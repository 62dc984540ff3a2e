// Backups in the app: back up now, the number of automatic backups kept, and a restore that brings the data
// back as it was, keeping the state before it as a backup of its own.
import { expect, test } from './browser-mode.ts';

test.use({ sample: true });

test('backs up now, then restores that backup after a change, keeping the state before it', async ({
  page,
  app,
}) => {
  await page.goto(app.url + '#/backups');
  await expect(page.getByRole('heading', { level: 1, name: 'Backups' })).toBeVisible();
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByText(/^Backed up to pledgewatch\.[\dT-]+Z\.sqlite\.$/)).toBeVisible();
  const manual = page.getByRole('row').filter({ hasText: 'Manual' });
  await expect(manual).toHaveCount(1);
  await expect(page.getByText(/They are in .*backups/)).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/backups.png' });

  // A change after the backup: the firearms pledge goes to the trash.
  await page.goto(app.url + '#/commitments/3');
  await page.getByRole('button', { name: 'Move to trash' }).click();
  await expect(page).toHaveURL(/#\/commitments$/);
  await page.goto(app.url + '#/trash');
  await expect(
    page.getByRole('row').filter({ hasText: 'Curb the smuggling of US-bought firearms' }),
  ).toBeVisible();

  await page.goto(app.url + '#/backups');
  await manual.getByRole('button', { name: /^Restore the backup of/ }).click();
  const dialog = page.getByRole('dialog', { name: /^Restore the backup of/ });
  await expect(dialog).toContainText('whatever was recorded since is replaced');
  await page.screenshot({ path: 'test-results/screens/backups-restore.png' });
  await dialog.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByText(/^Restored the data of .* kept as pledgewatch\.before-restore\./),
  ).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Before a restore' })).toHaveCount(1);

  await page.goto(app.url + '#/trash');
  await expect(page.getByText('The trash is empty.')).toBeVisible();
  await page.goto(app.url + '#/commitments/3');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Curb the smuggling of US-bought firearms into Mexico',
  );
});

test('keeps the number of automatic backups chosen, and says what is wrong with a bad one', async ({
  page,
  app,
}) => {
  await page.goto(app.url + '#/backups');
  const keep = page.getByLabel('Automatic backups to keep');
  // The setting as stored (ten by default) first: typed into before it arrives, the field would be reset.
  await expect(keep).toHaveValue('10');
  await keep.fill('-2');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert')).toHaveText('must be 0 or more');
  await keep.fill('0');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Automatic backups are off.')).toBeVisible();
  await page.reload();
  await expect(keep).toHaveValue('0');
});
