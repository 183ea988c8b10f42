import { expect, test } from '@playwright/test';
import { openAs } from './helpers.js';

// After the clock spec's month, the demo creditors have tasks of several kinds (follow-ups, fix delivery, hand-over
// review, decisions): each opens with the form its process deployed, filled with its process's variables.
const CREDITORS = ['acme-no', 'retrieve-no', 'nordisk-dk', 'svea-se', 'suomi-fi'];

test('every open task of every demo creditor opens with its deployed form', async ({ page }) => {
  const kinds = new Set();
  for (const creditor of CREDITORS) {
    await openAs(page, creditor, '#/tasks');
    await expect(page.getByTestId('tasks-table')).toBeVisible();
    const rows = page.getByTestId('task-row');
    const keys = [];
    for (const row of await rows.all()) keys.push(await row.getAttribute('data-task-key'));
    for (const key of keys) {
      await page.goto(`/#/tasks/${key}`);
      await expect(page.getByTestId('task-form').locator('.fjs-form')).toBeVisible();
      await expect(page.getByTestId('error-box')).toHaveCount(0);
      kinds.add(await page.getByTestId('task-name').textContent());
    }
  }
  expect(kinds.size).toBeGreaterThanOrEqual(2);
});
