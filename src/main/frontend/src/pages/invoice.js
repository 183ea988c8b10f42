// One invoice: where it stands, what it owes per ledger component, what happened (timeline), its letters, deliveries,
// collection cases, and its process as Operate would draw it.
import { api } from '../api.js';
import { badge, h, money, table, when, words } from '../dom.js';
import { lettersTable } from '../invoice/letters.js';
import { drawProcess } from '../invoice/process.js';
import { timeline } from '../invoice/timeline.js';
import { countryLabel, customerStatus, documentLabel } from '../nordic.js';
import { stageBadge, statusBadge } from '../status.js';

export async function render(container, { params }) {
  const id = params.id;
  const [invoice, letters, deliveries, cases] = await Promise.all([
    api.get(`/api/v1/invoices/${id}`),
    api.get(`/api/v1/invoices/${id}/letters`),
    api.get(`/api/v1/invoices/${id}/deliveries`),
    api.get(`/api/v1/invoices/${id}/collection-cases`),
  ]);
  const language = invoice.customer?.language;
  const processSection = h('div', { class: 'process', 'data-testid': 'invoice-process' },
    h('p', { class: 'loading' }, 'Loading the process…'));

  container.append(
    header(invoice),
    h('div', { class: 'two-columns ledger-letters' },
      h('section', {}, h('h2', {}, 'Ledger'), ledger(invoice)),
      h('section', {}, h('h2', {}, 'Letters'), lettersTable(id, letters))),
    h('h2', {}, 'Process'),
    processSection,
    h('h2', {}, 'Timeline'),
    timeline(invoice.auditTrail),
    h('h2', {}, 'Deliveries'),
    deliveriesTable(deliveries, language),
    h('h2', {}, 'Collection cases'),
    casesTable(cases));
  drawProcess(processSection, id);
}

function header(invoice) {
  const c = invoice.customer || {};
  const own = customerStatus(invoice.status, c.language);
  return h('div', {},
    h('p', {}, h('a', { href: '#/invoices' }, '‹ Invoices')),
    h('h1', {}, 'Invoice ', h('span', { 'data-testid': 'invoice-number' }, invoice.invoiceNumber)),
    h('div', { class: 'facts' },
      h('span', {}, h('strong', {}, c.name), ' ', h('span', { class: 'muted' }, c.id)),
      h('span', {}, countryLabel(c.country)),
      h('span', { class: 'muted' }, words(c.segment)),
      h('span', {}, 'Status ', statusBadge(invoice.status, { language: c.language, testId: 'invoice-status' }),
        own ? h('span', { class: 'muted' }, ` (${own})`) : null),
      h('span', {}, 'Dunning ', stageBadge(invoice.dunningStage, { testId: 'invoice-stage' })),
      c.priority ? badge('Priority customer', { tone: 'warn' }) : null),
    h('div', { class: 'facts' },
      fact('Issued', invoice.issueDate),
      fact('Due', invoice.dueDate),
      fact('Amount', money(invoice.amount, invoice.currency)),
      fact('Reference', `${invoice.paymentReference || ''} ${invoice.paymentReferenceType || ''}`.trim()),
      fact('Reminders sent', invoice.remindersSent)));
}

function fact(label, value) {
  return h('span', {}, h('span', { class: 'muted' }, `${label} `), value ?? '');
}

function ledger(invoice) {
  const rows = ['principal', 'fees', 'interest', 'compensation'].map((component) =>
    h('tr', { 'data-component': component },
      h('td', {}, words(component)), h('td', { class: 'num' }, money(invoice[component], invoice.currency))));
  return h('table', { 'data-testid': 'invoice-ledger' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Still owed'), h('th', { class: 'num' }, 'Amount'))),
    h('tbody', {}, rows,
      h('tr', { class: 'total', 'data-component': 'outstanding' },
        h('td', {}, 'Outstanding'), h('td', { class: 'num' }, money(invoice.outstanding, invoice.currency)))));
}

const DELIVERY_TONES = { DELIVERED: 'good', ACCEPTED: 'info', PENDING: 'muted' };

function deliveriesTable(deliveries, language) {
  return table([
    { label: 'Document', value: (d) => documentLabel(d.documentKind, language) },
    { label: 'Letter', numeric: true, value: (d) => d.letterNumber || '' },
    { label: 'Channel', value: (d) => d.channel },
    { label: 'Status', value: (d) => badge(words(d.status), { tone: DELIVERY_TONES[d.status] || 'bad', data: { status: d.status } }) },
    { label: 'Sent', value: (d) => when(d.sentAt) },
    { label: 'Delivered', value: (d) => when(d.deliveredAt) },
    { label: 'Detail', value: (d) => d.detail || '' },
  ], deliveries, { testId: 'invoice-deliveries', empty: 'No document sent through a channel.' });
}

function casesTable(cases) {
  return table([
    { label: 'Agency', value: (c) => c.agencyId },
    { label: 'Status', value: (c) => badge(words(c.status), { tone: c.status === 'CLOSED' ? 'muted' : 'warn', data: { status: c.status } }) },
    { label: 'Agency status', value: (c) => c.agencyStatus || '' },
    { label: 'Agency reference', value: (c) => c.agencyReference || '' },
    { label: 'Approved', value: (c) => when(c.approvedAt) },
    { label: 'Handed over', value: (c) => when(c.handedOverAt) },
    { label: 'Closed', value: (c) => [when(c.closedAt), c.closeOutcome ? ` (${words(c.closeOutcome)})` : ''].join('') },
    { label: 'Recall reason', value: (c) => c.recallReason || '' },
  ], cases, { testId: 'invoice-cases', empty: 'Never handed over to a collection agency.' });
}
