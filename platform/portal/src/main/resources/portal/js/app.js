// The portal's start: language, session, navigation and the router (#/view/argument).
import { h, clear, announce } from './dom.js';
import { loadLanguage, preferredLanguage, currentLanguage, t } from './i18n.js';
import { whenUnauthorized } from './api.js';
import * as session from './session.js';

const routes = {
  'sign-in': () => import('./views/sign-in.js'),
  catalog: () => import('./views/catalog.js'),
  request: () => import('./views/request-form.js'),
  'my-requests': () => import('./views/my-requests.js'),
  requests: () => import('./views/request-detail.js'),
  queue: () => import('./views/queue.js'),
  tickets: () => import('./views/ticket.js'),
  approvals: () => import('./views/approvals.js'),
  'out-of-office': () => import('./views/out-of-office.js'),
  kpis: () => import('./views/kpis.js'),
};
const app = document.getElementById('app');
let leaveView = null;
let rendering = 0;
let rendered = false;

function parse(hash) {
  // a view's own state may follow a '?' (#/queue?q=printer): the view reads it, the route ignores it
  const [name, ...rest] = (hash.replace(/^#\/?/, '').split('?')[0] || 'catalog').split('/');
  return { name: routes[name] ? name : 'catalog', argument: rest.map(decodeURIComponent).join('/') };
}

export function go(hash) {
  if (location.hash === hash) render(); else location.hash = hash;
}

async function render() {
  const ticket = ++rendering;
  if (leaveView) { leaveView(); leaveView = null; }
  const route = parse(location.hash);
  if (!session.state.me && route.name !== 'sign-in') {
    session.rememberReturn(location.hash);
    go('#/sign-in');
    return;
  }
  renderChrome(route.name);
  const module = await routes[route.name]();
  if (ticket !== rendering) return;
  const main = h('main', { id: `view-${route.name === 'request' ? 'request-form' : route.name === 'requests' ? 'request-detail' : route.name === 'tickets' ? 'ticket' : route.name}`, tabindex: '-1' });
  clear(app, main);
  try {
    leaveView = (await module.render(main, route.argument, { go })) || null;
  } catch (error) {
    if (error?.handled) return;
    if (error?.status === 403) { forbidden(main); return; }
    clear(main, h('h1', { text: t('error.title') }), h('p', { class: 'notice error-box', role: 'alert', text: error.message }));
  }
  // after a navigation the focus moves to the new view; on the first load it stays at the start, where Tab finds the skip link
  if (ticket === rendering && rendered && !main.contains(document.activeElement)) { window.scrollTo(0, 0); main.focus({ preventScroll: true }); }
  rendered = true;
  // when a view stands with its data: the benchmark reads it (time from navigation to a usable view)
  if (ticket === rendering) performance.mark('atrium-view', { detail: route.name });
}

/** The portal's 403 view: the server refused what this view shows to this person (the view's main becomes view-forbidden). */
function forbidden(main) {
  main.id = 'view-forbidden';
  clear(main, h('h1', { text: t('forbidden.title') }), h('p', { class: 'notice error-box', text: t('forbidden.text') }),
    h('p', {}, h('a', { href: '#/catalog', text: t('forbidden.back') })));
}

function renderChrome(current) {
  const nav = document.getElementById('nav');
  const signedIn = Boolean(session.state.me);
  nav.hidden = !signedIn;
  document.getElementById('sign-out').hidden = !signedIn;
  document.getElementById('who').textContent = signedIn ? session.displayName() : '';
  document.getElementById('language-label').textContent = t('language');
  document.getElementById('sign-out').textContent = t('signOut');
  document.getElementById('skip-link').textContent = t('skipToContent');
  document.title = `Atrium`;
  if (!signedIn) { clear(nav); return; }
  const links = [['catalog', t('nav.catalog')], ['my-requests', t('nav.myRequests')]];
  if (session.isAgent()) links.push(['queue', t('nav.queue')]);
  if (session.mayWatchKpis()) links.push(['kpis', t('nav.kpis')]);
  links.push(['approvals', t('nav.approvals')], ['out-of-office', t('nav.outOfOffice')]);
  const active = { request: 'catalog', requests: 'my-requests', tickets: 'queue' }[current] || current;
  clear(nav, links.map(([name, label]) => h('a', { href: `#/${name}`, 'aria-current': name === active ? 'page' : null, text: label })));
  nav.setAttribute('aria-label', t('nav.label'));
}

async function start() {
  await loadLanguage(preferredLanguage());
  const select = document.getElementById('language');
  select.value = currentLanguage();
  select.addEventListener('change', async () => {
    await loadLanguage(select.value, true);
    announce(t('languageChanged'));
    render();
  });
  document.getElementById('skip-link').addEventListener('click', (event) => {
    event.preventDefault();
    document.querySelector('main')?.focus();
  });
  document.getElementById('sign-out').addEventListener('click', async () => {
    await session.signOut();
    announce(t('signedOut'));
    go('#/sign-in');
  });
  // an expired session: back to sign-in, and afterwards back here
  whenUnauthorized(() => {
    if (!session.state.me) return;
    session.forget();
    session.rememberReturn(location.hash);
    sessionStorage.setItem('atrium.expired', '1');
    go('#/sign-in');
  });
  window.addEventListener('hashchange', render);
  await session.resume();
  render();
}

start();
