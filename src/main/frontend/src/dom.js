// Small helpers to build the pages without a framework: elements, tables, numbers and dates.

/** An element: h('a', {href: '#/', class: 'x', onclick: fn}, 'text', child, [more]). */
export function h(tag, props, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      element.className = value;
    } else if (key === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (key in element && typeof value !== 'string') {
      element[key] = value;
    } else {
      element.setAttribute(key, value === true ? '' : value);
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : String(child));
  }
}

/**
 * A table: columns [{label, value: row => text|Node, numeric?}], one row per item; an empty list shows `empty`.
 */
export function table(columns, rows, { empty = 'Nothing here.', testId } = {}) {
  if (!rows.length) return h('p', { class: 'empty' }, empty);
  return h('table', { dataset: testId ? { testid: testId } : undefined },
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { class: c.numeric ? 'num' : '' }, c.label)))),
    h('tbody', {}, rows.map((row) => h('tr', {},
      columns.map((c) => h('td', { class: c.numeric ? 'num' : '' }, c.value(row)))))));
}

/** An amount the API gave as a decimal string, in its currency, as the English UI writes it: NOK 1,250.00. */
export function money(amount, currency) {
  if (amount === undefined || amount === null) return '';
  const [whole, fraction = ''] = String(amount).split('.');
  const negative = whole.startsWith('-');
  const digits = negative ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${currency ? `${currency} ` : ''}${negative ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** An ISO date or date-time, shown as the date (and time in the browser's zone when there is one). */
export function when(iso) {
  if (!iso) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** A problem the API answered with (or any error), as a visible message. */
export function errorBox(error) {
  const problem = error?.problem;
  const fields = (problem?.errors || []).map((e) => h('li', {}, `${e.field}: ${e.message}`));
  return h('div', { class: 'error', role: 'alert' },
    h('strong', {}, problem?.title || 'Something went wrong'), ' ', error?.message || '',
    fields.length ? h('ul', {}, fields) : null);
}

/** Previous/next paging for a page {page, size, totalItems}; `go(page)` loads another. */
export function pager({ page, size, totalItems }, go) {
  const pages = Math.max(1, Math.ceil(totalItems / size));
  return h('div', { class: 'pager' },
    h('button', { disabled: page <= 0, onclick: () => go(page - 1) }, '‹ Previous'),
    h('span', {}, `Page ${page + 1} of ${pages} (${totalItems} in all)`),
    h('button', { disabled: page + 1 >= pages, onclick: () => go(page + 1) }, 'Next ›'));
}
