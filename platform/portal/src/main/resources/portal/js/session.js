// Who is signed in: the session (POST/GET/DELETE /session, cookie + CSRF token) and the caller's /me.
import { api, ApiError, setCsrfToken } from './api.js';

const RETURN_KEY = 'atrium.return';
export const state = { session: null, me: null };

/** On start: the live session, if any. Where the server has no session endpoint, the browser's own sign-in (/me). */
export async function resume() {
  try {
    state.session = await api('/session', { allow401: true });
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) return false;
    state.session = null;
  }
  setCsrfToken(state.session?.csrfToken);
  try {
    state.me = await api('/me', { allow401: true });
    return true;
  } catch {
    state.session = null;
    return false;
  }
}

export async function signIn(login, password) {
  state.session = await api('/session', { method: 'POST', body: { login, password }, allow401: true });
  setCsrfToken(state.session.csrfToken);
  state.me = await api('/me');
}

export async function signOut() {
  try {
    await api('/session', { method: 'DELETE', allow401: true });
  } finally {
    forget();
  }
}

export function forget() {
  state.session = null;
  state.me = null;
  setCsrfToken(null);
}

export const login = () => state.me?.user;
export const departments = () => state.me?.departments || [];
export const isAgent = () => departments().length > 0;
/** Whom the KPI dashboard is for (the server decides per department; this only keeps the menu tidy). */
export const mayWatchKpis = () => isAgent() || Boolean(state.me?.admin);
export const displayName = () => state.session?.name || state.me?.person?.displayName || state.me?.user || '';

/** Where to go back to after signing in again (the view the session expired on). */
export function rememberReturn(hash) {
  if (hash && !hash.startsWith('#/sign-in')) sessionStorage.setItem(RETURN_KEY, hash);
}
export function takeReturn() {
  const hash = sessionStorage.getItem(RETURN_KEY);
  sessionStorage.removeItem(RETURN_KEY);
  return hash || '#/catalog';
}
