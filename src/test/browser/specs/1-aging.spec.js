import { expect, test } from '@playwright/test';
import { openAs } from './helpers.js';

test('the aging overview shows the creditor\'s overdue receivables as a chart, a table and a CSV', async ({ page }) => {
  await openAs(page, 'acme-no', '#/');

  await expect(page.getByTestId('aging-chart')).toBeVisible();
  const buckets = page.getByTestId('aging-buckets');
  // demo data: overdue by 10 and 20 days (1-30) and by 35 days (31-60), one not yet due
  await expect(buckets.locator('[data-bucket="DAYS_1_30"]')).toContainText('NOK');
  await expect(buckets.locator('[data-bucket="DAYS_31_60"]')).toContainText('18');
  await expect(page.getByTestId('aging-customers')).toContainText('Fjord Bygg AS');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('aging-csv').click()]);
  const path = await download.path();
  const csv = await (await import('node:fs/promises')).readFile(path, 'utf8');
  expect(csv.split('\n')[0].toLowerCase()).toContain('customer');
  expect(csv).toContain('Fjord Bygg AS');
});

test('the aging overview as of an earlier date leaves out what was registered later', async ({ page }) => {
  await openAs(page, 'acme-no', '#/');
  await expect(page.getByTestId('aging-customers')).toContainText('Fjord Bygg AS');
  await page.getByTestId('aging-asof').fill('2000-01-01');
  await page.getByTestId('aging-asof').dispatchEvent('change');
  await expect(page.getByTestId('aging-customers')).not.toContainText('Fjord Bygg AS');
});
