// The receivables web app: creditor picker, navigation, and the page for the current hash route.
import './style.css';
import { api } from './api.js';
import { initAuth } from './auth.js';
import { errorBox, h } from './dom.js';
import { resolve, route } from './router.js';

route('/', () => import('./pages/aging.js'));
route('/invoices', () => import('./pages/invoices.js'));
route('/invoices/:id', () => import('./pages/invoice.js'));
route('/payments', () => import('./pages/payments.js'));
route('/tasks', () => import('./pages/tasks.js'));
route('/tasks/:key', () => import('./pages/task.js'));

const CREDITOR_KEY = 'collection-orchestrator.creditor';

/** What every page gets: the settings, the creditors the caller may see and the one picked. */
const app = {
  settings: null,
  creditors: [],
  get creditorId() {
    return document.getElementById('creditor').value || null;
  },
  get creditor() {
    return this.creditors.find((c) => c.id === this.creditorId) || null;
  },
  /** Shows the current route again (after the clock moved, a task was completed, the creditor changed). */
  refresh: () => render(),
};

let rendering = 0;

async function render() {
  const container = document.getElementById('page');
  const ticket = ++rendering;
  const target = resolve();
  highlightNav(target?.path);
  if (!target) {
    container.replaceChildren(h('p', {}, 'No such page. ', h('a', { href: '#/' }, 'Go to the overview')));
    return;
  }
  container.replaceChildren(h('p', { class: 'loading' }, 'Loading…'));
  try {
    const page = await target.load();
    const content = h('div', { class: 'page' });
    await page.render(content, { params: target.params, query: target.query, app });
    if (ticket === rendering) container.replaceChildren(content);
  } catch (error) {
    console.error(error);
    if (ticket === rendering) container.replaceChildren(errorBox(error));
  }
}

function highlightNav(path) {
  const section = !path || path === '/' ? 'aging' : path.split('/')[1];
  for (const link of document.querySelectorAll('#nav a')) {
    link.classList.toggle('active', link.dataset.route === section);
  }
}

async function loadCreditors() {
  const picker = document.getElementById('creditor');
  app.creditors = await api.get('/api/v1/creditors');
  const remembered = window.localStorage.getItem(CREDITOR_KEY);
  picker.replaceChildren(...app.creditors.map((c) => h('option', { value: c.id }, `${c.name} (${c.id})`)));
  if (app.creditors.some((c) => c.id === remembered)) picker.value = remembered;
  picker.addEventListener('change', () => {
    window.localStorage.setItem(CREDITOR_KEY, picker.value);
    render();
  });
}

async function start() {
  app.settings = await (await fetch('/web-app-settings')).json();
  const signedIn = await initAuth(app.settings.signIn, document.getElementById('account'));
  if (!signedIn) {
    document.getElementById('page').replaceChildren(h('p', {}, 'Sign in to see the receivables.'));
    return;
  }
  if (app.settings.localRun) {
    for (const element of document.querySelectorAll('[data-local-only]')) element.hidden = false;
    const { mountClock } = await import('./clock.js');
    mountClock(document.getElementById('clock'), app);
  }
  await loadCreditors();
  window.addEventListener('hashchange', render);
  await render();
}

start().catch((error) => {
  console.error(error);
  document.getElementById('page').replaceChildren(errorBox(error));
});
