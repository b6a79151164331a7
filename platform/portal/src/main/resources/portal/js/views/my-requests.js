// "My requests": the tickets the caller opened, newest first, a page at a time.
import { h, clear } from '../dom.js';
import { t, formatDateTime } from '../i18n.js';
import { api, query, enc } from '../api.js';
import { getCatalog, stateName, typeName } from '../data.js';
import * as session from '../session.js';

export async function render(main) {
  const catalog = await getCatalog();
  const typeOf = (key) => catalog.find((type) => type.key === key);
  const body = h('tbody');
  const more = h('button', { type: 'button', class: 'secondary', hidden: true, text: t('more') });
  let cursor = null;
  const load = async () => {
    const page = await api(`/tickets${query({ requester: session.login(), sort: '-created', limit: 25, cursor })}`);
    body.append(...page.items.map((ticket) => h('tr', {},
      h('td', {}, h('a', { href: `#/requests/${enc(ticket.key)}`, text: ticket.key })),
      h('td', { text: ticket.summary }),
      h('td', { text: typeName(typeOf(ticket.type), ticket.type) }),
      h('td', { text: stateName(typeOf(ticket.type), ticket.status) }),
      h('td', { text: formatDateTime(ticket.updatedAt) }))));
    cursor = page.nextCursor;
    more.hidden = !cursor || page.items.length === 0; // no further page: nothing to load
    return page.items.length;
  };
  main.append(h('h1', { text: t('myRequests.title') }));
  const count = await load();
  if (count === 0) {
    main.append(h('p', {}, t('myRequests.none'), ' ', h('a', { href: '#/catalog', text: t('nav.catalog') })));
    return;
  }
  more.addEventListener('click', load);
  main.append(h('div', { class: 'table-wrap' }, h('table', { class: 'stack' },
    h('caption', { class: 'visually-hidden', text: t('myRequests.title') }),
    h('thead', {}, h('tr', {}, [t('ticket.key'), t('ticket.summary'), t('ticket.type'), t('ticket.status'), t('ticket.updated')].map((c) => h('th', { scope: 'col', text: c })))),
    body)), more);
}
