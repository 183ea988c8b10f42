import { expect, test } from '@playwright/test';
import { openInvoice } from './helpers.js';

test('an overdue invoice shows its timeline, ledger, process and its reminder as a PDF', async ({ page }) => {
  // DEMO-2: a private customer 20 days overdue, reminded at start-up
  await openInvoice(page, 'acme-no', 'DEMO-2');

  await expect(page.getByTestId('invoice-ledger')).toContainText('640.50');
  await expect(page.getByTestId('invoice-timeline').locator('[data-testid="timeline-entry"][data-type="INVOICE_REGISTERED"]'))
    .toHaveCount(1);
  await expect(page.locator('[data-testid="invoice-process"] .djs-element.current-step').first()).toBeVisible();

  const letter = page.getByTestId('letter-open').first();
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('letter-open').first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  const pdf = page.waitForResponse((r) => /\/letters\/\d+$/.test(r.url()) && r.status() === 200);
  const [popup] = await Promise.all([page.waitForEvent('popup'), letter.click()]);
  const response = await pdf;
  expect(response.headers()['content-type']).toContain('application/pdf');
  const again = await page.request.get(response.url(), { headers: { Accept: 'application/pdf' } });
  expect((await again.body()).subarray(0, 5).toString()).toBe('%PDF-');
  expect(popup.url()).toMatch(/^blob:/);
});
