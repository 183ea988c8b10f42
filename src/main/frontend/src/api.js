// Every call to the service's API: JSON in and out, the caller's token when signed in, problem details as errors.
import { accessToken } from './auth.js';

/** A refused or failed API call, carrying the RFC 9457 problem detail the service answered with. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }

  /** Field problems (`errors: [{field, message}]`) keyed by field, for showing next to form inputs. */
  fieldErrors() {
    const byField = {};
    for (const e of this.problem.errors || []) {
      if (e.field) byField[e.field] = e.message;
    }
    return byField;
  }
}

function url(path, query) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query || {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, value);
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function request(method, path, { query, body, accept = 'application/json' } = {}) {
  const headers = { Accept: accept };
  const token = accessToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url(path, query), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    let problem;
    try {
      problem = await response.json();
    } catch {
      problem = { title: response.statusText };
    }
    throw new ApiError(response.status, problem);
  }
  return response;
}

async function json(response) {
  return response.status === 204 ? null : response.json();
}

export const api = {
  get: async (path, query) => json(await request('GET', path, { query })),
  post: async (path, body, query) => json(await request('POST', path, { body, query })),
  put: async (path, body) => json(await request('PUT', path, { body })),
  /** A non-JSON download (a PDF, a CSV) as a Blob, fetched with the caller's token. */
  blob: async (path, accept, query) => (await request('GET', path, { accept, query })).blob(),
};
