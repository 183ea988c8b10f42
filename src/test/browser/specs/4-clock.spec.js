import { expect, test } from '@playwright/test';
import { openInvoice } from './helpers.js';

test('moving the clock a month sends the reminder of an invoice that falls due', async ({ page }) => {
  // DEMO-1: due in 9 days; a Norwegian reminder may go 14 days after the due date
  await openInvoice(page, 'acme-no', 'DEMO-1');
  const reminders = page.getByTestId('invoice-timeline').locator('[data-testid="timeline-entry"][data-type="REMINDER_SENT"]');
  await expect(reminders).toHaveCount(0);
  const before = await page.getByTestId('clock-now').textContent();

  await page.getByTestId('clock-plus-month').click();
  // a month of the demo data's timers, step by step on the in-memory engine: about 20 s on two cores
  await expect(page.getByTestId('clock-status')).toContainText(/timers? fired/, { timeout: 120_000 });
  await expect(page.getByTestId('clock-now')).not.toHaveText(before);

  await expect(async () => {
    await page.reload();
    await expect(reminders).toHaveCount(1, { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByTestId('invoice-stage')).toHaveAttribute('data-stage', 'REMINDER_1');
});
