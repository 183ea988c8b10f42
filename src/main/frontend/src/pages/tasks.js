// The local run's task inbox: open user tasks of the picked creditor, with the invoice each concerns. In production
// Camunda Tasklist is the inbox and this page is not offered.
import { api } from '../api.js';
import { h, money, table, when } from '../dom.js';

export async function render(container, { app }) {
  if (!app.settings?.localRun) {
    container.append(h('h1', {}, 'Tasks'), h('p', {}, 'Open tasks are in Camunda Tasklist.'));
    return;
  }
  const tasks = await api.get('/api/v1/tasks', { creditorId: app.creditorId });
  container.append(
    h('h1', {}, 'Open tasks'),
    table([
      { label: 'Task', value: (t) => h('a', { href: `#/tasks/${t.userTaskKey}`, 'data-testid': 'task-open' }, t.taskName || t.elementId) },
      { label: 'Invoice', value: (t) => (t.invoice ? h('a', { href: `#/invoices/${t.invoice.id}` }, t.invoice.invoiceNumber) : '') },
      { label: 'Customer', value: (t) => t.invoice?.customerName || '' },
      { label: 'Outstanding', numeric: true, value: (t) => (t.invoice ? money(t.invoice.outstanding, t.invoice.currency) : '') },
      { label: 'Due', value: (t) => when(t.dueDate) },
      { label: 'For', value: (t) => (t.candidateGroups || []).join(', ') },
    ], tasks, {
      testId: 'tasks-table',
      emptyTestId: 'tasks-empty',
      empty: 'No open task. Move the clock to let dunning reach one.',
      rowProps: (t) => ({ 'data-testid': 'task-row', 'data-task-key': t.userTaskKey, 'data-element-id': t.elementId }),
    }));
}
