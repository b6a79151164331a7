// "My requests": the tickets the caller opened, newest first, a page at a time; a search (q) among them
// shows the best matches first (the API refuses sort with q).
import { h, clear, announce } from '../dom.js';
import { t, formatDateTime } from '../i18n.js';
import { api, query, enc } from '../api.js';
import { getCatalog, stateName, typeName } from '../data.js';
import { searchBox, matchNote, emptyNote } from '../search.js';
import * as session from '../session.js';

export async function render(main) {
  const catalog = await getCatalog();
  const typeOf = (key) => catalog.find((type) => type.key === key);
  const body = h('tbody');
  const more = h('button', { type: 'button', class: 'secondary', hidden: true, text: t('more') });
  const problem = h('p', { class: 'notice error-box', role: 'alert', hidden: true });
  const empty = h('p', { class: 'empty-state', hidden: true });
  const search = searchBox(() => load(true));
  const table = h('div', { class: 'table-wrap' }, h('table', { class: 'stack' },
    h('caption', { class: 'visually-hidden', text: t('myRequests.title') }),
    h('thead', {}, h('tr', {}, [t('ticket.key'), t('ticket.summary'), t('ticket.type'), t('ticket.status'), t('ticket.updated')].map((c) => h('th', { scope: 'col', text: c })))),
    body));
  let cursor = null;
  let loading = 0; // only the latest request draws
  const load = async (fresh) => {
    const ticket = ++loading;
    const q = search.value();
    try {
      const page = await api(`/tickets${query({ requester: session.login(), q, sort: q ? '' : '-created', limit: 25, cursor: fresh ? null : cursor })}`);
      if (ticket !== loading) return;
      problem.hidden = true;
      if (fresh) body.replaceChildren();
      body.append(...page.items.map((item) => h('tr', {},
        h('td', {}, h('a', { href: `#/requests/${enc(item.key)}`, text: item.key })),
        h('td', {}, item.summary, matchNote(item)),
        h('td', { 'data-label': t('ticket.type'), text: typeName(typeOf(item.type), item.type) }),
        h('td', { 'data-label': t('ticket.status'), text: stateName(typeOf(item.type), item.status) }),
        h('td', { 'data-label': t('ticket.updated'), text: formatDateTime(item.updatedAt) }))));
      cursor = page.nextCursor;
      more.hidden = !cursor || page.items.length === 0; // no further page: nothing to load
      const none = body.children.length === 0;
      table.hidden = none;
      empty.hidden = !none;
      if (q) emptyNote(empty, q, '');
      else clear(empty, t('myRequests.none'), ' ', h('a', { href: '#/catalog', text: t('nav.catalog') }));
      if (fresh && q) announce(t('search.results', { n: page.items.length }));
    } catch (error) {
      if (error.handled || ticket !== loading) return;
      problem.hidden = false;
      problem.textContent = error.fieldErrors.length ? error.fieldErrors.map((e) => `${e.field}: ${e.reason}`).join('; ') : error.message;
    }
  };
  more.addEventListener('click', () => load(false));
  main.append(h('h1', { text: t('myRequests.title') }),
    h('form', { class: 'filters', role: 'search', 'aria-label': t('search.label'), onsubmit: (event) => event.preventDefault() }, search.element),
    problem, table, empty, more);
  await load(true);
  return () => search.stop();
}
