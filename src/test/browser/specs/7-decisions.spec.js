import { expect, test } from '@playwright/test';
import { openAs } from './helpers.js';

// The last kinds of task: the decision that follows a completed priority follow-up (spec 3 completed acme-no's), the
// manual follow-up of a customer excluded from dunning, and the weekly hand-over review of the creditor whose agency
// collects (retrieve-no), reached by moving the clock a day at a time until a review day (Monday) finds an invoice ready for collection: after spec 4's month, the demo's
// invoice that was not yet due at start becomes ready within about a week, whatever the weekday the run starts on.

async function tasksOf(page, creditorId, elementId) {
  await openAs(page, creditorId, '#/tasks');
  await expect(page.getByTestId('tasks-table')).toBeVisible();
  return page.locator(`[data-testid="task-row"][data-element-id="${elementId}"]`);
}

async function open(page, row) {
  const key = await row.getAttribute('data-task-key');
  await row.getByTestId('task-open').click();
  await expect(page.getByTestId('task-form').locator('.fjs-form')).toBeVisible();
  return key;
}

async function completeAndGone(page, creditorId, key) {
  await page.getByTestId('task-complete').click();
  await expect(page.getByTestId('task-done')).toBeVisible();
  await openAs(page, creditorId, '#/tasks');
  await expect(page.getByTestId('tasks-table')).toBeVisible();
  await expect(page.locator(`[data-testid="task-row"][data-task-key="${key}"]`)).toHaveCount(0);
}

test('credit control decides to write off the priority invoice whose follow-up is done', async ({ page }) => {
  const rows = await tasksOf(page, 'acme-no', 'Activity_DecideOnUnpaidInvoice');
  await expect(rows.first()).toContainText('DEMO-4');
  const key = await open(page, rows.first());
  const form = page.getByTestId('task-form');
  await form.getByLabel('Write off').check();
  await form.getByLabel('Reason for the decision').fill('Agreed with the key account manager.');
  await completeAndGone(page, 'acme-no', key);
});

test('an excluded customer is followed up manually', async ({ page }) => {
  const rows = await tasksOf(page, 'nordisk-dk', 'Activity_FollowUpManually');
  await expect(rows.first()).toContainText('DEMO-5');
  const key = await open(page, rows.first());
  const form = page.getByTestId('task-form');
  const note = form.getByLabel('What did you agree with the customer?');
  await note.fill('Instalment plan agreed by phone.');
  await note.blur();
  await form.getByLabel('I have reached the customer').check();
  await completeAndGone(page, 'nordisk-dk', key);
});

test('the weekly hand-over review stops an invoice with a reason', async ({ page }) => {
  let rows = await tasksOf(page, 'retrieve-no', 'Activity_ReviewHandOver');
  for (let day = 0; day < 16 && (await rows.count()) === 0; day++) {
    await page.getByTestId('clock-plus-day').click();
    await expect(page.getByTestId('clock-status')).toContainText(/Moved/, { timeout: 60_000 });
    rows = await tasksOf(page, 'retrieve-no', 'Activity_ReviewHandOver');
  }
  await expect(rows).toHaveCount(1);
  const key = await open(page, rows.first());
  const form = page.getByTestId('task-form');
  await form.getByLabel('Stop: do not hand this invoice over').first().check();
  await form.getByLabel('Why it is stopped').first().fill('The customer called: paying this week.');
  await completeAndGone(page, 'retrieve-no', key);
});
