// An axe-core scan of each main view, in light and dark: no serious or critical violation.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './browser-mode.ts';

const views: [string, string, string][] = [
  ['dashboard', '#/', 'Dashboard'],
  ['commitments list', '#/commitments', 'Commitments'],
  ['scorecard', '#/scorecard', 'Compliance scorecard'],
  ['commitment page', '#/commitments/1', 'Create a high-level implementation group that meets regularly'],
  ['new commitment', '#/new', 'New commitment'],
  ['reference data', '#/reference', 'Reference data'],
  ['trash', '#/trash', 'Trash'],
  ['backups', '#/backups', 'Backups'],
];

test.use({ sample: true });

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} mode`, () => {
    test.use({ colorScheme });

    for (const [name, hash, heading] of views) {
      test(`the ${name} has no serious or critical accessibility violation`, async ({ page, app }) => {
        await page.goto(app.url + hash);
        await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
        const serious = results.violations
          .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
          .map(
            (violation) =>
              `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
          );
        expect(serious).toEqual([]);
      });
    }
  });
}
