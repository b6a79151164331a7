// The only way the portal talks to the server: the public REST API under /api/v1, with the session cookie
// (sent by the browser) and the session's CSRF token on every request that changes something.
import { acceptLanguage, t } from './i18n.js';

export const BASE = '/api/v1';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
let csrfToken = null;
let onUnauthorized = () => {};

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
  /** Field errors of a 400 (`errors[].field`), or an empty list. */
  get fieldErrors() { return Array.isArray(this.problem.errors) ? this.problem.errors : []; }
}

export const setCsrfToken = (token) => { csrfToken = token || null; };
export const whenUnauthorized = (handler) => { onUnauthorized = handler; };

export async function api(path, { method = 'GET', body, form, signal, allow401 = false } = {}) {
  const headers = { Accept: 'application/json, application/problem+json', 'Accept-Language': acceptLanguage() };
  let payload;
  if (form) {
    payload = form; // multipart: the browser sets the boundary
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (UNSAFE.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response;
  try {
    response = await fetch(BASE + path, { method, headers, body: payload, credentials: 'same-origin', signal });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    // the browser's own message ("Failed to fetch") is English whatever the portal's language
    throw new ApiError(0, { title: t('error.network'), detail: t('error.networkDetail') });
  }
  if (response.status === 401 && !allow401) {
    onUnauthorized();
    const error = new ApiError(401, await problemOf(response));
    error.handled = true; // the person is on their way to the sign-in page: nothing more to show here
    throw error;
  }
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

async function problemOf(response) {
  try {
    return await response.json();
  } catch {
    return { title: response.statusText, status: response.status };
  }
}

/** A query string from an object; arrays repeat the parameter, empty values are left out. */
export function query(parameters) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    for (const item of [].concat(value)) {
      if (item !== undefined && item !== null && item !== '' && item !== false) search.append(name, item);
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const enc = encodeURIComponent;
