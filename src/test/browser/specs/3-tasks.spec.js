import { expect, test } from '@playwright/test';
import { openAs } from './helpers.js';

const FOLLOW_UP = '[data-testid="task-row"][data-element-id="Activity_FollowUpPersonally"]';

test('a priority follow-up is completed through the form the process deploys', async ({ page }) => {
  await openAs(page, 'acme-no', '#/tasks');
  const row = page.locator(FOLLOW_UP).first();
  await expect(row).toContainText('DEMO-4');
  const key = await row.getAttribute('data-task-key');
  await row.getByTestId('task-open').click();

  const form = page.getByTestId('task-form');
  await expect(form.getByLabel('What did you agree with the customer?')).toBeVisible();
  await expect(page.getByTestId('task-invoice')).toContainText('DEMO-4');

  // the form's own rule first: the note is required
  await page.getByTestId('task-complete').click();
  await expect(form.locator('.fjs-form-field-error').first()).toBeVisible();

  await form.getByLabel('What did you agree with the customer?').fill('Pays on Friday, agreed by phone.');
  // form-js re-renders the box from its state after the click: wait for that rather than Playwright's check()
  const contacted = form.getByLabel('I have reached the customer');
  await contacted.click();
  await expect(contacted).toBeChecked();
  await page.getByTestId('task-complete').click();
  await expect(page.getByTestId('task-done')).toBeVisible();

  await openAs(page, 'acme-no', '#/tasks');
  await expect(page.locator(`[data-testid="task-row"][data-task-key="${key}"]`)).toHaveCount(0);
});

test('a submission the service refuses shows the problem next to the form', async ({ page }) => {
  await openAs(page, 'acme-no', '#/tasks');
  const row = page.locator('[data-testid="task-row"]').first();
  await expect(row).toBeVisible();
  await row.getByTestId('task-open').click();
  await expect(page.getByTestId('task-form').locator('.fjs-form')).toBeVisible();

  // what a tampered or outdated client might send: the service checks it against the deployed form
  await page.route('**/api/v1/tasks/*/complete', (route) =>
    route.continue({ postData: JSON.stringify({ decision: 'nonsense', followUpNote: '' }) }));
  await fillRequired(page);
  await page.getByTestId('task-complete').click();
  await expect(page.getByTestId('task-problems')).toBeVisible();
  await expect(page.getByTestId('task-field-problem').first()).toBeVisible();
});

/** Fills whatever the open form requires so that the browser side lets it through. */
async function fillRequired(page) {
  const form = page.getByTestId('task-form');
  for (const input of await form.locator('textarea[required], input[type="text"][required]').all()) {
    await input.fill('x');
  }
  for (const group of await form.locator('.fjs-form-field-radio').all()) {
    await group.locator('input[type="radio"]').first().check();
  }
  for (const select of await form.locator('select').all()) {
    const options = await select.locator('option').all();
    if (options.length > 1) await select.selectOption({ index: 1 });
  }
}
