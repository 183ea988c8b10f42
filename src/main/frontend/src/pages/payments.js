// Unmatched payments: money that arrived without a reference we know, waiting for a person to name its invoice.
import { api, ApiError } from '../api.js';
import { errorBox, h, money, table } from '../dom.js';
import { go } from '../router.js';

const PAGE_SIZE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the last match did, shown once on the page it re-rendered. */
let flash = null;

export async function render(container, { app, query }) {
  if (!app.creditorId) {
    container.append(h('p', { class: 'empty' }, 'No creditor to show.'));
    return;
  }
  const page = Number(query.page) || 0;
  // One more than a page tells whether there is a next one.
  const payments = await api.get('/api/v1/payments',
    { creditorId: app.creditorId, status: 'UNMATCHED', limit: PAGE_SIZE + 1, offset: page * PAGE_SIZE });
  const shown = payments.slice(0, PAGE_SIZE);

  container.append(
    h('h1', {}, 'Unmatched payments'),
    flash ? h('p', { class: 'notice', role: 'status' }, flash) : '',
    table([
      { label: 'Payment', value: (p) => h('code', {}, p.id) },
      { label: 'Amount', numeric: true, value: (p) => money(p.amount, p.currency) },
      { label: 'Why unmatched', value: (p) => p.unmatchedReason || '' },
      { label: 'Match to invoice', value: (p) => matchControl(p, app) },
    ], shown, {
      testId: 'payments-table',
      empty: 'Every payment is matched.',
      rowProps: (p) => ({ 'data-testid': 'payment-row', 'data-payment-id': p.id }),
    }),
    h('div', { class: 'pager' },
      h('button', { type: 'button', disabled: page <= 0, onclick: () => go('/payments', { page: page - 1 }) }, '‹ Previous'),
      h('span', {}, `Page ${page + 1}`),
      h('button', { type: 'button', disabled: payments.length <= PAGE_SIZE, onclick: () => go('/payments', { page: page + 1 }) }, 'Next ›')));
  flash = null;
}

function matchControl(payment, app) {
  const input = h('input', {
    type: 'text', placeholder: 'Invoice number or id', 'data-testid': 'payment-match-invoice', name: 'invoiceId',
  });
  const problems = h('div', {});
  const button = h('button', { type: 'submit', 'data-testid': 'payment-match' }, 'Match');
  const form = h('form', {
    class: 'match',
    onsubmit: async (event) => {
      event.preventDefault();
      button.disabled = true;
      problems.replaceChildren();
      try {
        const invoice = await findInvoice(input.value.trim(), app.creditorId);
        await api.post(`/api/v1/payments/${payment.id}/match`, { invoiceId: invoice.id });
        flash = `Payment of ${money(payment.amount, payment.currency)} matched to invoice ${invoice.invoiceNumber || invoice.id}.`;
        app.refresh();
      } catch (error) {
        problems.replaceChildren(errorBox(error));
        button.disabled = false;
      }
    },
  }, input, button);
  return h('div', {}, form, problems);
}

/** The match endpoint takes the invoice's id: a number is looked up among the creditor's invoices first. */
async function findInvoice(text, creditorId) {
  if (UUID.test(text)) return { id: text };
  if (!text) throw fieldProblem('Enter an invoice number or id');
  const { items } = await api.get('/api/v1/invoices', { creditorId, q: text, size: 20 });
  const invoice = items.find((i) => i.invoiceNumber.toLowerCase() === text.toLowerCase());
  if (!invoice) throw fieldProblem(`No invoice numbered ${text}`);
  return invoice;
}

/** A problem found here, shown as the API's field problems are. */
function fieldProblem(message) {
  return new ApiError(400, { title: 'Which invoice?', errors: [{ field: 'invoiceId', message }] });
}
