// The aging overview: what the creditor is owed, by how long overdue, as of a day.
import { api } from '../api.js';
import { h, money, table } from '../dom.js';

export async function render(container, { app, query }) {
  if (!app.creditorId) {
    container.append(h('p', {}, 'No creditor to show.'));
    return;
  }
  const report = await api.get('/api/v1/reports/aging', { creditorId: app.creditorId, asOf: query.asOf });
  container.append(h('h1', {}, `Aging for ${app.creditor?.name || app.creditorId}`),
    h('pre', {}, JSON.stringify(report, null, 2)));
}
