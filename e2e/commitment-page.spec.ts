// What an analyst does on a commitment page, in reference data and the trash, and undoing it.
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { expect, test } from './browser-mode.ts';
import { newestStatusUpdate } from './pages.ts';

test.use({ sample: true });

async function openCommitment(page: Page, url: string, name: RegExp): Promise<void> {
  await page.goto(url);
  await page.getByRole('link', { name: 'Commitments', exact: true }).click();
  await page.getByRole('link', { name }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
}

test('the implementation group shows its children rolled up, with the rule', async ({ page, app }) => {
  await openCommitment(page, app.url, /implementation group/i);
  const oversees = page.getByRole('region', { name: 'Oversees' });
  await expect(oversees.getByRole('listitem')).toHaveCount(4);
  await expect(oversees).toContainText('Children not yet assessed are left out');
  await expect(oversees).toContainText('Assessed');

  // It oversees others, so it cannot go to the trash; the page says why.
  await page.getByRole('button', { name: 'Move to trash' }).click();
  await expect(page.getByRole('alert')).toContainText('It oversees 4 commitments');
  await page.screenshot({ path: 'test-results/screens/implementation-group-roll-up.png', fullPage: true });
});

test('shows a summary’s words as a paraphrase and a speaker’s as a quotation', async ({ page, app }) => {
  await openCommitment(page, app.url, /implementation group/i);
  const summary = page
    .getByRole('figure')
    .filter({ hasText: 'high-level group that meets regularly' })
    .first();
  await expect(summary).toContainText('Paraphrase');
  await expect(summary).toContainText('Pledgewatch sample: a summary of the communiqué');
  await expect(summary).not.toContainText('“');
  const quote = page.getByRole('figure').filter({ hasText: 'This is a high-level group' }).first();
  await expect(quote).toContainText('“This is a high-level group');
  await expect(quote).toContainText('Marco Rubio');
  await expect(quote).not.toContainText('Paraphrase');
});

test('records a per-party update with evidence, and undoes it with Ctrl+Z', async ({ page, app }) => {
  await openCommitment(page, app.url, /firearms/i);
  const standings = page.getByRole('region', { name: "Each party's standing" });
  await expect(standings.getByRole('row')).toHaveCount(3);

  const form = page.getByRole('form', { name: 'Record a status update' });
  await form.getByLabel('Status').selectOption({ label: 'partially fulfilled' });
  await form.getByLabel('Effective date').fill('2026-11-20');
  await form.getByLabel('Applies to').selectOption({ label: 'Mexico only' });
  await form.getByLabel('Note').fill('Seizures **up** at the border.');
  await form.getByRole('button', { name: 'Choose a quote from a source…' }).click();
  await form.getByLabel('Find a quote').fill('Mission Firewall');
  await form
    .getByRole('radio', { name: /Mission Firewall/ })
    .first()
    .click();
  await expect(form.getByRole('figure', { name: 'Chosen evidence' })).toContainText('Mission Firewall');
  await form.getByRole('button', { name: 'Record update' }).click();
  await expect(form.getByRole('status')).toHaveText('Recorded.');

  const mexico = standings.getByRole('row', { name: /Mexico/ });
  await expect(mexico).toContainText('partially fulfilled');
  await expect(mexico).toContainText('partial (0)');
  const newest = newestStatusUpdate(page);
  await expect(newest).toContainText('for Mexico');
  await expect(newest).toContainText('Mission Firewall');

  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Control+z');
  await expect(page.getByText(/^Undone: Recorded “partially fulfilled”/)).toBeVisible();
  await expect(mexico).toContainText('in progress');
});

test('in a dossier shared with a team, the timeline says who recorded each update', async ({ page, app }) => {
  // Shared as `team link` leaves it, without a server: alice is this machine's member.
  const db = new Database(app.db);
  db.prepare(
    `INSERT INTO team_link (dossier_id, dossier_uid, server, member, can_write)
     SELECT id, uid, 'postgres://db.example/pledgewatch', 'alice', 1 FROM dossier`,
  ).run();
  db.close();
  await openCommitment(page, app.url, /reprieve/i);
  const form = page.getByRole('form', { name: 'Record a status update' });
  await form.getByLabel('Status').selectOption({ label: 'at risk' });
  await form.getByLabel('Effective date').fill('2025-10-20');
  await form.getByRole('button', { name: 'Record update' }).click();
  await expect(form.getByRole('status')).toHaveText('Recorded.');

  const timeline = page.getByRole('list', { name: 'Status updates, newest first' });
  await expect(timeline.getByRole('listitem').first()).toContainText(/recorded by alice on \d+ \w+ \d{4}/);
  // What was recorded before the dossier was shared names nobody.
  await expect(timeline.getByText(/^recorded by /)).toHaveCount(1);
  await expect(timeline.getByText(/^recorded \d/)).not.toHaveCount(0);
  await timeline.screenshot({ path: 'test-results/screens/timeline-recorded-by.png' });
});

test('edits every field through the shared form', async ({ page, app }) => {
  await openCommitment(page, app.url, /firearms/i);
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByLabel('Title').fill('Curb the smuggling of firearms into Mexico');
  await page.getByLabel('A date', { exact: true }).check();
  await page.getByLabel('Deadline date').fill('2026-12-15');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Curb the smuggling of firearms into Mexico',
  );
  await expect(page.getByTestId('deadline')).toHaveText('due 15 Dec 2026');
  await expect(page.getByText('due soon')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Edited' })).toBeVisible();
});

test('asks why before marking the reprieve broken before its deadline', async ({ page, app }) => {
  await openCommitment(page, app.url, /reprieve/i);
  const form = page.getByRole('form', { name: 'Record a status update' });
  await form.getByLabel('Status').selectOption({ label: 'broken' });
  await form.getByLabel('Effective date').fill('2025-10-01');
  await form.getByRole('button', { name: 'Record update' }).click();
  await expect(form).toContainText("This commitment's deadline (29 Oct 2025) has not passed.");
  await expect(form).toContainText('Why is it broken already?');
  await form.getByLabel('Reason it is broken before its deadline').fill('The tariffs were announced early.');
  await form.getByRole('button', { name: 'Record as broken' }).click();
  await expect(form.getByRole('status')).toHaveText('Recorded.');
  await expect(page.getByRole('list', { name: 'Status updates, newest first' })).toContainText(
    'Marked broken before its deadline: The tariffs were announced early.',
  );
});

test('moves a commitment to the trash, undoes it, and restores it from the trash', async ({ page, app }) => {
  await openCommitment(page, app.url, /migration/i);
  await page.getByRole('button', { name: 'Move to trash' }).click();
  await expect(page).toHaveURL(/#\/commitments$/);
  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect(page.getByText(/^Undone: Deleted/)).toBeVisible();
  await expect(page.getByRole('link', { name: /migration/i }).first()).toBeVisible();

  await page
    .getByRole('link', { name: /migration/i })
    .first()
    .click();
  await page.getByRole('button', { name: 'Move to trash' }).click();
  await page.getByRole('link', { name: 'Trash' }).click();
  await page.getByRole('button', { name: 'Restore Keep migration under tighter control' }).click();
  await expect(page.getByText('The trash is empty.')).toBeVisible();
});

test('reference data says what uses an item and deletes only what nothing uses', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('link', { name: 'Reference data' }).click();
  await page.getByRole('tab', { name: 'Parties' }).click();
  await page.getByRole('button', { name: 'Delete United States' }).click();
  const refusal = page.getByRole('group', { name: 'Delete United States' });
  await expect(refusal).toContainText('cannot be deleted');
  await expect(refusal).toContainText(/Used by \d+ commitments/);
  await expect(refusal.getByRole('button', { name: 'Delete' })).toBeDisabled();

  await page.getByRole('tab', { name: 'Topics' }).click();
  await page.getByRole('button', { name: '+ Add topic' }).click();
  const topic = page.getByRole('form', { name: 'New topic' });
  await topic.getByLabel('Name').fill('tariffs');
  await topic.getByLabel('Under').selectOption({ label: 'trade' });
  await topic.getByRole('button', { name: 'Add topic' }).click();
  await expect(topic.getByRole('alert')).toContainText('already exists under');
  await topic.getByLabel('Name').fill('sanctions');
  await topic.getByRole('button', { name: 'Add topic' }).click();
  await page.getByRole('button', { name: 'Delete sanctions' }).click();
  const deletion = page.getByRole('group', { name: 'Delete sanctions' });
  await expect(deletion).toContainText('Nothing uses “sanctions”');
  await deletion.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('button', { name: 'Delete sanctions' })).toHaveCount(0);
});

test('a party added in the reference data, with its other names, is offered when a commitment is made', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await page.getByRole('link', { name: 'Reference data' }).click();
  await page.getByRole('tab', { name: 'Parties' }).click();
  await page.getByRole('button', { name: '+ Add party' }).click();
  const party = page.getByRole('form', { name: 'New party' });
  await party.getByLabel('Kind').selectOption('person');
  await party.getByLabel('Acts for').selectOption({ label: 'Mexico' });
  await party.getByRole('button', { name: 'Add party' }).click();
  // Refused field by field, and nothing added.
  await expect(party.getByRole('alert').first()).toBeVisible();
  await party.getByLabel(/^Name/).fill('Omar García Harfuch');
  await party.getByLabel('Other names (one a line)').fill('García Harfuch\n\n  Security Secretary  ');
  await party.getByRole('button', { name: 'Add party' }).click();
  await expect(page.getByText('Added party “Omar García Harfuch”')).toBeVisible();
  await expect(page.getByRole('form', { name: 'New party' })).toHaveCount(0);

  await page.getByRole('link', { name: '+ New commitment' }).first().click();
  const madeBy = page.getByRole('group', { name: 'Made by' });
  await expect(madeBy.getByLabel('Omar García Harfuch (person, for Mexico)')).toBeVisible();
  await madeBy.getByLabel(/Omar García Harfuch/).check();
  await expect(madeBy.getByLabel(/Omar García Harfuch/)).toBeChecked();
  await expect(
    page.getByRole('group', { name: 'Owed to' }).getByLabel(/Omar García Harfuch/),
  ).not.toBeChecked();
  await page.screenshot({ path: 'test-results/screens/pickers.png' });
});
