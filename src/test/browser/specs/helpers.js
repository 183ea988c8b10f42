// Shared steps: open the app on a creditor, find an invoice through the list.
import { expect } from '@playwright/test';

/** Opens the app at a hash route with the creditor picked (the picker remembers it in local storage). */
export async function openAs(page, creditorId, route = '#/') {
  await page.goto('/');
  const picker = page.getByTestId('creditor-picker');
  await expect(picker.locator(`option[value="${creditorId}"]`)).toHaveCount(1);
  await picker.selectOption(creditorId);
  await page.goto(`/${route}`);
}

/** The invoice page of a demo invoice, found through the list's free-text filter. */
export async function openInvoice(page, creditorId, invoiceNumber) {
  await openAs(page, creditorId, `#/invoices?q=${encodeURIComponent(invoiceNumber)}`);
  const row = page.locator(`[data-testid="invoice-row"][data-invoice-number="${invoiceNumber}"]`);
  await expect(row).toHaveCount(1);
  await row.getByTestId('invoice-link').click();
  await expect(page.getByTestId('invoice-number')).toHaveText(invoiceNumber);
}
