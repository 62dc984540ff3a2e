// What several specs open or read the same way: the form that adds a source, and the newest status
// update on a commitment's page.
import type { Locator, Page } from '@playwright/test';

/** Opens the sources view at `url` and its form for adding a source. */
export async function openAddSource(page: Page, url: string): Promise<Locator> {
  await page.goto(url + '#/sources');
  await page.getByRole('button', { name: '+ Add a source' }).click();
  return page.getByRole('form', { name: 'Add a source' });
}

/** The newest entry of the commitment page's history. */
export function newestStatusUpdate(page: Page): Locator {
  return page.getByRole('list', { name: 'Status updates, newest first' }).getByRole('listitem').first();
}
