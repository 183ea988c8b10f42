import { expect, test } from '@playwright/test';
import { openAs } from './helpers.js';

// More kinds of task, each completed through its deployed form as a reviewer would: a failed delivery fixed, a dispute
// resolved, an unmatched payment refunded. The dispute and the payment are sent through the API the way an ERP and a
// bank integration would.

/** The invoice id of a demo invoice of acme-no. */
async function invoiceId(request, number) {
  const page = await (await request.get(`/api/v1/invoices?creditorId=acme-no&q=${number}`)).json();
  return page.items.find((i) => i.invoiceNumber === number).id;
}

/** Opens the first open task of acme-no with this element id, waiting for the process to create it. */
async function openTask(page, elementId) {
  const row = page.locator(`[data-testid="task-row"][data-element-id="${elementId}"]`).first();
  await expect(async () => {
    await openAs(page, 'acme-no', '#/tasks');
    await expect(row).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  const key = await row.getAttribute('data-task-key');
  await row.getByTestId('task-open').click();
  await expect(page.getByTestId('task-form').locator('.fjs-form')).toBeVisible();
  return key;
}

/** Picks an option of a form-js select (a drop-down list of its own, not a native select). */
async function choose(page, label, option) {
  const field = page.getByTestId('task-form').locator('.fjs-form-field-select', { hasText: label });
  await field.locator('.fjs-input-group').click();
  await field.locator('.fjs-dropdownlist-item', { hasText: option }).click();
}

async function completeAndGone(page, key) {
  await page.getByTestId('task-complete').click();
  await expect(page.getByTestId('task-done')).toBeVisible();
  await openAs(page, 'acme-no', '#/tasks');
  await expect(page.getByTestId('tasks-table')).toBeVisible();
  await expect(page.locator(`[data-testid="task-row"][data-task-key="${key}"]`)).toHaveCount(0);
}

test('a failed delivery is fixed with a corrected e-mail address', async ({ page }) => {
  const key = await openTask(page, 'Activity_FixDelivery');
  const form = page.getByTestId('task-form');
  await choose(page, 'What now?', 'Correct the contact data and send again');
  await form.getByLabel('Correct e-mail address').fill('kari.nordmann@example.no');
  // the postal address stays as it is: its other fields are asked for only once a street is given
  await expect(form.getByLabel('Postal code')).toHaveCount(0);
  await completeAndGone(page, key);
});

test('a dispute is resolved through its form', async ({ page, request }) => {
  const id = await invoiceId(request, 'DEMO-1');
  const disputed = await request.post(`/api/v1/invoices/${id}/dispute`, { data: { reason: 'Never delivered' } });
  expect(disputed.ok()).toBeTruthy();
  const key = await openTask(page, 'Activity_ResolveDispute');
  await choose(page, 'Resolution', 'Reject the dispute: the claim stands');
  await page.getByTestId('task-form').getByLabel('Reason for the resolution').fill('Delivery confirmed by the carrier.');
  await completeAndGone(page, key);

  await page.goto(`/#/invoices/${id}`);
  await expect(page.getByTestId('invoice-timeline').locator('[data-testid="timeline-entry"][data-type="DISPUTE_RESOLVED"]'))
    .toHaveCount(1);
});

test('an unmatched payment is refunded through the match form', async ({ page, request }) => {
  const paid = await request.post('/api/v1/payments', {
    data: {
      creditorId: 'acme-no', amount: '99.00', currency: 'NOK', paymentReference: '1234567897',
      bookingDate: new Date().toISOString().slice(0, 10), bankTransactionId: `browser-${Date.now()}`,
    },
  });
  expect(paid.ok()).toBeTruthy();
  const key = await openTask(page, 'Activity_MatchPayment');
  const form = page.getByTestId('task-form');
  await form.getByLabel('Refund to payer').check();
  await completeAndGone(page, key);
});
