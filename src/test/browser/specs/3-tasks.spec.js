import { expect, test } from '@playwright/test';
import { openAs } from './helpers.js';

const FOLLOW_UP = '[data-testid="task-row"][data-element-id="Activity_FollowUpPersonally"]';
const NOTE = 'What did you agree with the customer?';
const CONTACTED = 'I have reached the customer';

/** Opens the demo priority customer's follow-up task (acme-no DEMO-4) and answers its form. */
async function openFollowUp(page) {
  await openAs(page, 'acme-no', '#/tasks');
  const row = page.locator(FOLLOW_UP).first();
  await expect(row).toContainText('DEMO-4');
  const key = await row.getAttribute('data-task-key');
  await row.getByTestId('task-open').click();
  await expect(page.getByTestId('task-form').getByLabel(NOTE)).toBeVisible();
  await expect(page.getByTestId('task-invoice')).toContainText('DEMO-4');
  return key;
}

async function answer(page) {
  const form = page.getByTestId('task-form');
  const note = form.getByLabel(NOTE);
  await note.fill('Pays on Friday, agreed by phone.');
  // leaving the field clears its error message, which moves the fields below: click once the form stands still
  await note.blur();
  await expect(form.locator('.fjs-form-field-error')).toHaveCount(0);
  await form.getByLabel(CONTACTED).check();
}

test('a submission the service refuses shows its problems by field and completes nothing', async ({ page }) => {
  const key = await openFollowUp(page);
  await answer(page);
  // what a tampered or outdated client might send: the service checks it against the deployed form
  await page.route('**/api/v1/tasks/*/complete', (route) =>
    route.continue({ postData: JSON.stringify({ followUpNote: '', customerContacted: 'yes' }) }));
  await page.getByTestId('task-complete').click();

  await expect(page.getByTestId('task-problems')).toBeVisible();
  await expect(page.locator('[data-testid="task-field-problem"][data-field="followUpNote"]')).toBeVisible();
  await expect(page.locator('[data-testid="task-field-problem"][data-field="customerContacted"]')).toBeVisible();
  await openAs(page, 'acme-no', '#/tasks');
  await expect(page.locator(`[data-testid="task-row"][data-task-key="${key}"]`)).toHaveCount(1);
});

test('a priority follow-up is completed through the form the process deploys', async ({ page }) => {
  const key = await openFollowUp(page);
  // the form's own rule first: the note is required
  await page.getByTestId('task-complete').click();
  await expect(page.getByTestId('task-form').locator('.fjs-form-field-error').first()).toBeVisible();

  await answer(page);
  await page.getByTestId('task-complete').click();
  await expect(page.getByTestId('task-done')).toBeVisible();

  await openAs(page, 'acme-no', '#/tasks');
  await expect(page.getByTestId('tasks-table')).toBeVisible();
  await expect(page.locator(`[data-testid="task-row"][data-task-key="${key}"]`)).toHaveCount(0);
});
