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
 * A table: columns [{label, value: row => text|Node, numeric?}], one row per item; an empty list shows `empty` in a
 * row of its own (marked `emptyTestId`). `rowProps(row)` gives each tr its attributes (data-testid, data-*);
 * `className` styles the table (`nowrap`: cells on one line).
 */
export function table(columns, rows, { empty = 'Nothing here.', testId, emptyTestId, rowProps, className } = {}) {
  const body = rows.length
    ? rows.map((row) => h('tr', rowProps ? rowProps(row) : {},
      columns.map((c) => h('td', { class: c.numeric ? 'num' : '' }, c.value(row)))))
    : h('tr', { class: 'empty', 'data-testid': emptyTestId }, h('td', { colspan: columns.length }, empty));
  return h('table', { 'data-testid': testId, class: className },
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { class: c.numeric ? 'num' : '' }, c.label)))),
    h('tbody', {}, body));
}

/** A status badge; `tone` (good, bad, warn, info) colours it, `data` adds data-* attributes. */
export function badge(text, { tone, title, data } = {}) {
  return h('span', { class: `badge${tone ? ` ${tone}` : ''}`, title, dataset: data }, text);
}

/** An enum code as words: READY_FOR_COLLECTION → Ready for collection. */
export function words(code) {
  if (!code) return '';
  const text = String(code).replace(/_/g, ' ').toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * An amount in its currency, as the English UI writes it: NOK 1,250.00. Decimal strings are shown as given; plain
 * JSON numbers (the aging report's sums) get the currency's number of decimals.
 */
export function money(amount, currency) {
  if (amount === undefined || amount === null || amount === '') return '';
  const text = typeof amount === 'number' ? amount.toFixed(fractionDigits(currency)) : String(amount);
  const [whole, fraction = ''] = text.split('.');
  const negative = whole.startsWith('-');
  const digits = negative ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${currency ? `${currency} ` : ''}${negative ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

function fractionDigits(currency) {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
  } catch {
    return 2;
  }
}

/** An ISO date or date-time, shown as the date (and time in the browser's zone when there is one). */
export function when(iso) {
  if (!iso) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** A date-time in the browser's own locale and zone (the timeline, the clock). */
export function localTime(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso ?? '') : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * A problem the API answered with (or any error), as a visible message; `fieldTestId` marks each field problem,
 * `fieldLabel(field)` names a field as the reader knows it.
 */
export function errorBox(error, { fieldTestId, fieldLabel = (field) => field } = {}) {
  const problem = error?.problem;
  const fields = (problem?.errors || []).map((e) =>
    h('li', { 'data-testid': fieldTestId, 'data-field': e.field }, e.field ? `${fieldLabel(e.field)}: ${e.message}` : e.message));
  const message = error?.message && error.message !== problem?.title ? error.message : '';
  return h('div', { class: 'error', role: 'alert', 'data-testid': 'error-box' },
    h('strong', {}, problem?.title || 'Something went wrong'), ' ', message,
    fields.length ? h('ul', {}, fields) : null);
}

/** Previous/next paging for a page {page, size, totalItems}; `go(page)` loads another. */
export function pager({ page, size, totalItems }, go) {
  const pages = Math.max(1, Math.ceil(totalItems / size));
  return h('div', { class: 'pager' },
    h('button', { type: 'button', 'data-testid': 'pager-prev', disabled: page <= 0, onclick: () => go(page - 1) }, '‹ Previous'),
    h('span', { 'data-testid': 'pager-info' }, `Page ${page + 1} of ${pages} (${totalItems} in all)`),
    h('button', { type: 'button', 'data-testid': 'pager-next', disabled: page + 1 >= pages, onclick: () => go(page + 1) }, 'Next ›'));
}

/** Resolves once the element is in the document (pages are built detached, then shown); false after `timeoutMs`. */
export function whenAttached(element, timeoutMs = 10000) {
  const started = Date.now();
  return new Promise((resolve) => {
    const check = () => {
      if (element.isConnected) resolve(true);
      else if (Date.now() - started > timeoutMs) resolve(false);
      else window.requestAnimationFrame(check);
    };
    check();
  });
}

/** Saves a downloaded Blob as a file, as a link with `download` would. */
export function saveBlob(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}
