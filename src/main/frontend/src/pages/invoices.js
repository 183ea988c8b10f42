// The invoice list: filters live in the hash query (#/invoices?status=OPEN&minDaysOverdue=30), so a link reproduces
// the view; every change goes through the hash and renders the page again.
import { api } from '../api.js';
import { h, money, pager, table } from '../dom.js';
import { COUNTRY_CODES, countryLabel, statusLabel } from '../nordic.js';
import { go } from '../router.js';
import { stageBadge, statusBadge, STATUSES } from '../status.js';

const PAGE_SIZE = 25;
const FILTERS = ['status', 'segment', 'country', 'minDaysOverdue', 'q'];

export async function render(container, { app, query }) {
  if (!app.creditorId) {
    container.append(h('p', { class: 'empty' }, 'No creditor to show.'));
    return;
  }
  const filters = Object.fromEntries(FILTERS.map((f) => [f, query[f] || '']));
  const page = Number(query.page) || 0;
  const show = (changes) => go('/invoices', { ...filters, page: page || '', ...changes });
  const result = await api.get('/api/v1/invoices',
    { creditorId: app.creditorId, ...filters, page, size: PAGE_SIZE });

  container.append(
    h('h1', {}, 'Invoices'),
    filterBar(filters, (name, value) => show({ [name]: value, page: '' })),
    table(columns(), result.items, {
      testId: 'invoices-table',
      empty: 'No invoice matches.',
      rowProps: (i) => ({ 'data-testid': 'invoice-row', 'data-invoice-number': i.invoiceNumber }),
    }),
    pager(result, (p) => show({ page: p })));
}

function filterBar(filters, change) {
  const select = (name, testId, label, options) => {
    const element = h('select', { 'data-testid': testId, onchange: () => change(name, element.value) },
      h('option', { value: '' }, 'Any'),
      options.map(([value, text]) => h('option', { value }, text)));
    element.value = filters[name];
    return h('label', {}, label, element);
  };
  const overdue = h('input', {
    type: 'number', min: 0, step: 1, value: filters.minDaysOverdue, placeholder: 'days', 'data-testid': 'filter-overdue',
    onchange: () => change('minDaysOverdue', overdue.value),
  });
  const q = h('input', {
    type: 'search', value: filters.q, placeholder: 'Number or customer', 'data-testid': 'filter-q',
    onchange: () => change('q', q.value.trim()),
  });
  return h('form', { class: 'filters', onsubmit: (e) => e.preventDefault() },
    select('status', 'filter-status', 'Status', STATUSES.map((s) => [s, statusLabel(s)])),
    select('segment', 'filter-segment', 'Segment', [['PRIVATE', 'Private'], ['BUSINESS', 'Business']]),
    select('country', 'filter-country', 'Country', COUNTRY_CODES.map((c) => [c, countryLabel(c)])),
    h('label', {}, 'Overdue at least', overdue),
    h('label', {}, 'Search', q),
    h('a', { href: '#/invoices' }, 'Clear filters'));
}

function columns() {
  return [
    { label: 'Number', value: (i) => h('a', { href: `#/invoices/${i.id}`, 'data-testid': 'invoice-link' }, i.invoiceNumber) },
    { label: 'Customer', value: (i) => i.customer?.name },
    { label: 'Country', value: (i) => countryLabel(i.customer?.country) },
    { label: 'Due date', value: (i) => i.dueDate },
    { label: 'Status', value: (i) => statusBadge(i.status) },
    { label: 'Dunning stage', value: (i) => stageBadge(i.dunningStage) },
    { label: 'Outstanding', numeric: true, value: (i) => money(i.outstanding, i.currency) },
  ];
}
