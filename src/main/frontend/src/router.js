// Hash routes (#/invoices/<id>?tab=x): the service serves one index.html at / and needs no route of its own.

const routes = [];

/** Registers a page for a pattern such as '/invoices/:id'; `load` imports the page module lazily. */
export function route(pattern, load) {
  const names = [];
  const regex = new RegExp(`^${pattern.replace(/:(\w+)/g, (_, name) => { names.push(name); return '([^/]+)'; })}$`);
  routes.push({ regex, names, load });
}

/** The current hash as path, path parameters and query. */
export function currentLocation() {
  const hash = window.location.hash.replace(/^#/, '') || '/';
  const [path, search = ''] = hash.split('?');
  return { path, query: Object.fromEntries(new URLSearchParams(search)) };
}

/** Goes to a path with a query (empty values left out). */
export function go(path, query = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, value);
  }
  const qs = params.toString();
  window.location.hash = qs ? `${path}?${qs}` : path;
}

/** The page for the current hash, with its parameters; null when no route matches. */
export function resolve() {
  const { path, query } = currentLocation();
  for (const r of routes) {
    const match = r.regex.exec(path);
    if (match) {
      const params = Object.fromEntries(r.names.map((name, i) => [name, decodeURIComponent(match[i + 1])]));
      return { load: r.load, params, query, path };
    }
  }
  return null;
}
