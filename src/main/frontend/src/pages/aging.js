// The aging overview: what the creditor is owed, by how long overdue, as of a day (default: today in its zone).
import { BUCKETS, drawAgingChart } from '../aging-chart.js';
import { api } from '../api.js';
import { h, money, pager, saveBlob, table } from '../dom.js';
import { go } from '../router.js';

const PAGE_SIZE = 20;

export async function render(container, { app, query }) {
  if (!app.creditorId) {
    container.append(h('p', { class: 'empty' }, 'No creditor to show.'));
    return;
  }
  const page = Number(query.page) || 0;
  const report = await api.get('/api/v1/reports/aging',
    { creditorId: app.creditorId, asOf: query.asOf, page, size: PAGE_SIZE });
  const show = (changes) => go('/', { asOf: query.asOf, page: page || '', ...changes });

  const asOf = h('input', {
    type: 'date', value: report.asOf, 'data-testid': 'aging-asof', required: true,
    onchange: () => asOf.value && show({ asOf: asOf.value, page: '' }),
  });
  const csv = h('button', { type: 'button', 'data-testid': 'aging-csv', onclick: () => downloadCsv(csv, app, report.asOf) },
    'Download CSV');
  const canvas = h('canvas', { 'data-testid': 'aging-chart', 'aria-label': 'Outstanding per bucket' });

  container.append(
    h('h1', {}, `Aging for ${app.creditor?.name || app.creditorId}`),
    h('div', { class: 'filters' }, h('label', {}, 'As of', asOf), csv),
    h('div', { class: 'chart', style: `height: ${80 + 60 * Math.max(1, report.totals.length)}px` }, canvas),
    report.totals.length ? '' : h('p', { class: 'empty' }, `Nothing outstanding as of ${report.asOf}.`),
    h('h2', {}, 'Buckets'),
    bucketTable(report.totals),
    h('h2', {}, 'Customers'),
    table(customerColumns(), report.customers.items,
      { testId: 'aging-customers', empty: 'No customer owes anything.' }),
    pager(report.customers, (p) => show({ page: p })));
  drawAgingChart(canvas, report.totals);
}

/** One row per currency and bucket (data-bucket), and each currency's total. */
function bucketTable(totals) {
  const amounts = ['principal', 'fees', 'interest', 'outstanding'];
  const rows = totals.flatMap((t) => [
    ...t.buckets.map((b) => h('tr', { 'data-bucket': b.bucket, 'data-currency': t.currency },
      h('td', {}, t.currency), h('td', {}, BUCKETS[b.bucket] || b.bucket), h('td', { class: 'num' }, b.count),
      amounts.map((a) => h('td', { class: 'num' }, money(b[a], t.currency))))),
    h('tr', { class: 'total' }, h('td', {}, t.currency), h('td', {}, 'Total'), h('td', { class: 'num' }, t.count),
      h('td', { colspan: 3 }), h('td', { class: 'num' }, money(t.outstanding, t.currency))),
  ]);
  return h('table', { 'data-testid': 'aging-buckets' },
    h('thead', {}, h('tr', {}, ['Currency', 'Bucket'].map((l) => h('th', {}, l)),
      ['Invoices', 'Principal', 'Fees', 'Interest', 'Outstanding'].map((l) => h('th', { class: 'num' }, l)))),
    h('tbody', {}, rows));
}

function customerColumns() {
  const amount = (label, key) => ({ label, numeric: true, value: (r) => money(r[key], r.currency) });
  return [
    { label: 'Customer', value: (r) => h('span', {}, r.customerName, ' ', h('span', { class: 'muted' }, r.customerId)) },
    { label: 'Currency', value: (r) => r.currency },
    { label: 'Invoices', numeric: true, value: (r) => r.count },
    amount('Not due', 'notDue'),
    amount('1–30', 'days1To30'),
    amount('31–60', 'days31To60'),
    amount('61–90', 'days61To90'),
    amount('> 90', 'over90'),
    amount('Outstanding', 'outstanding'),
  ];
}

async function downloadCsv(button, app, asOf) {
  button.disabled = true;
  try {
    const blob = await api.blob('/api/v1/reports/aging', 'text/csv', { creditorId: app.creditorId, asOf });
    saveBlob(blob, `aging-${app.creditorId}-${asOf}.csv`);
  } catch (error) {
    button.after(h('span', { class: 'error inline', 'data-testid': 'error-box' }, `CSV download failed: ${error.message}`));
  } finally {
    button.disabled = false;
  }
}
