// One task of the local run, with the Camunda Form its process deployed, rendered by form-js as Tasklist does;
// submitting completes the task, and a refusal shows the service's problem and each field's.
import '@bpmn-io/form-js/dist/assets/form-js.css';
import { Form } from '@bpmn-io/form-js';
import { api } from '../api.js';
import { errorBox, h, money } from '../dom.js';

let current = null;

export async function render(container, { params }) {
  current?.destroy();
  current = null;
  const key = params.key;
  const [task, schema] = await Promise.all([
    api.get(`/api/v1/tasks/${key}`),
    api.get(`/api/v1/tasks/${key}/form`).catch((error) => {
      if (error.status === 404) return null;
      throw error;
    }),
  ]);
  const problems = h('div', { class: 'task-problems' });
  const formContainer = h('div', { class: 'task-form', 'data-testid': 'task-form' });
  const complete = h('button', { type: 'button', class: 'primary', 'data-testid': 'task-complete' }, 'Complete task');
  const page = h('div', {}, problems, formContainer, h('div', { class: 'actions' }, complete));

  const submit = async (data) => {
    complete.disabled = true;
    problems.replaceChildren();
    try {
      await api.post(`/api/v1/tasks/${key}/complete`, data);
      page.replaceChildren(h('p', { class: 'notice', 'data-testid': 'task-done', role: 'status' },
        `${task.taskName || 'The task'} is completed. `, h('a', { href: '#/tasks' }, 'Back to the open tasks')));
    } catch (error) {
      problems.replaceChildren(h('div', { 'data-testid': 'task-problems' },
        errorBox(error, { fieldTestId: 'task-field-problem', fieldLabel: (field) => labelOf(schema, field) })));
      complete.disabled = false;
    }
  };

  container.append(heading(task), page);
  if (schema) {
    current = new Form({ container: formContainer });
    await current.importSchema(schema, task.variables || {});
    current.on('submit', ({ data, errors }) => {
      if (Object.keys(errors || {}).length === 0) submit(data);
    });
    complete.addEventListener('click', () => current.submit());
  } else {
    formContainer.append(h('p', { class: 'muted' }, 'This task has no form: completing it sends no variables.'));
    complete.addEventListener('click', () => submit({}));
  }
}

function heading(task) {
  const invoice = task.invoice;
  return h('div', {},
    h('p', {}, h('a', { href: '#/tasks' }, '‹ Open tasks')),
    h('h1', { 'data-testid': 'task-name' }, task.taskName || task.elementId),
    h('p', { 'data-testid': 'task-invoice', class: 'facts' }, invoice
      ? [h('a', { href: `#/invoices/${invoice.id}` }, invoice.invoiceNumber), h('span', {}, invoice.customerName),
        h('span', {}, money(invoice.outstanding, invoice.currency))]
      : h('span', { class: 'muted' }, 'Not about one invoice')),
    h('p', { class: 'muted' }, `For ${(task.candidateGroups || []).join(', ') || 'anyone'}`,
      task.dueDate ? ` · due ${task.dueDate}` : ''));
}

/** The label the form shows for a field key (searching nested groups), else the key. */
function labelOf(schema, key) {
  const find = (components) => {
    for (const c of components || []) {
      if (c.key === key && c.label) return c.label;
      const inner = find(c.components);
      if (inner) return inner;
    }
    return null;
  };
  return find(schema?.components) || key;
}
