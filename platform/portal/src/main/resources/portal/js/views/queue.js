// The agent's queue: GET /tickets of a department in SLA order (sort=sla), a page at a time (cursor),
// filters, a search (q, best match first instead of SLA order), and a countdown to each ticket's due time, coloured at the warning time (slaWarnAt) and at breach.
import { h, clear, uid, announce } from '../dom.js';
import { t, pick, formatDateTime } from '../i18n.js';
import { api, query, enc } from '../api.js';
import { getCatalog, stateName, countdown, departmentName } from '../data.js';
import { personInput } from '../people.js';
import { slaClass } from '../ticket-parts.js';
import { nameOf } from '../names.js';
import * as session from '../session.js';
import { searchBox, matchNote, emptyNote } from '../search.js';

export async function render(main) {
  const departments = session.departments();
  main.append(h('h1', { text: t('queue.title') }));
  if (!departments.length) { main.append(h('p', { text: t('queue.notAgent') })); return; }
  const catalog = await getCatalog();
  const saved = JSON.parse(sessionStorage.getItem('atrium.queue') || '{}');

  const department = h('select', { name: 'department', id: uid('f') }, departments.map((d) => h('option', { value: d, text: departmentName(d) })));
  const status = h('select', { name: 'status', id: uid('f') });
  const group = h('select', { name: 'group', id: uid('f') });
  const assignee = personInput({ name: 'assignee' });
  const unassigned = h('input', { type: 'checkbox', name: 'unassigned', id: uid('f') });
  const mine = h('button', { type: 'button', class: 'secondary', text: t('queue.mine') });
  department.value = departments.includes(saved.department) ? saved.department : departments[0];

  const fillChoices = async () => {
    const states = new Map();
    for (const type of catalog.filter((x) => x.department === department.value)) {
      for (const s of type.workflow?.states || []) if (!states.has(s.key)) states.set(s.key, stateName(type, s.key));
    }
    clear(status, h('option', { value: '', text: t('queue.anyStatus') }), [...states].map(([key, name]) => h('option', { value: key, text: name })));
    let groups = [];
    try { groups = (await api(`/directory/groups${query({ department: department.value })}`)).items || []; } catch { groups = []; }
    clear(group, h('option', { value: '', text: t('queue.anyGroup') }), groups.map((g) => h('option', { value: g.key, text: pick(g.names, g.key) })));
  };
  await fillChoices();
  status.value = saved.status || '';
  group.value = saved.group || '';
  assignee.value = saved.assignee || '';
  unassigned.checked = Boolean(saved.unassigned);

  const search = searchBox(() => load(true));
  const labelled = (label, control) => h('div', { class: 'field' }, h('label', { for: control.id, text: label }), control);
  const filters = h('form', { class: 'filters', 'aria-label': t('queue.filters') }, search.element,
    labelled(t('queue.department'), department), labelled(t('ticket.status'), status), labelled(t('ticket.group'), group),
    labelled(t('ticket.assignee'), assignee),
    h('div', { class: 'field choices' }, h('label', { for: unassigned.id }, unassigned, t('queue.unassigned'))),
    h('div', { class: 'field' }, mine),
    h('button', { type: 'submit', text: t('queue.apply') }));
  const body = h('tbody');
  const table = h('div', { class: 'table-wrap' }, h('table', { class: 'queue stack' },
    h('caption', { class: 'visually-hidden', text: t('queue.caption') }),
    h('thead', {}, h('tr', {}, [t('ticket.key'), t('ticket.summary'), t('ticket.priority'), t('ticket.status'), t('ticket.assignee'), t('queue.due')].map((c) => h('th', { scope: 'col', text: c })))),
    body));
  const empty = h('p', { hidden: true, text: t('queue.empty') });
  const more = h('button', { type: 'button', class: 'secondary', hidden: true, text: t('more') });
  const problem = h('p', { class: 'notice error-box', role: 'alert', hidden: true });
  main.append(filters, problem, table, empty, more);

  let cursor = null;
  const rows = [];
  // a search ranks by match (the API refuses sort with q); without one the queue is in SLA order
  const parameters = () => ({
    q: search.value(),
    department: department.value, status: status.value, group: group.value,
    assignee: unassigned.checked ? '' : assignee.value.trim(), unassigned: unassigned.checked ? 'true' : '', sort: search.value() ? '' : 'sla', limit: 25,
  });
  let loading = 0; // only the latest request draws: a slow answer to older words never replaces a newer one
  const load = async (fresh) => {
    const ticket = ++loading;
    try {
      const page = await api(`/tickets${query({ ...parameters(), cursor: fresh ? null : cursor })}`);
      if (ticket !== loading) return;
      problem.hidden = true;
      if (fresh) { body.replaceChildren(); rows.length = 0; }
      for (const item of page.items) body.append(row(item));
      cursor = page.nextCursor;
      more.hidden = !cursor || page.items.length === 0; // no further page: nothing to load
      empty.hidden = body.children.length > 0;
      emptyNote(empty, search.value(), t('queue.empty'));
      if (fresh) announce(search.value() ? t('search.results', { n: page.items.length }) : t('queue.loaded', { n: page.items.length }));
    } catch (error) {
      if (error.handled || ticket !== loading) return;
      problem.hidden = false;
      problem.textContent = error.fieldErrors.length ? error.fieldErrors.map((e) => `${e.field}: ${e.reason}`).join('; ') : error.message;
    }
  };
  const row = (ticket) => {
    const type = catalog.find((x) => x.key === ticket.type);
    const due = h('td', { 'data-label': t('queue.due') });
    const entry = { ticket, due, warnAt: ticket.slaWarnAt };
    rows.push(entry);
    paint(entry);
    return h('tr', {},
      h('td', {}, h('a', { href: `#/tickets/${enc(ticket.key)}`, text: ticket.key })),
      h('td', {}, ticket.summary, matchNote(ticket)),
      h('td', { 'data-label': t('ticket.priority'), text: ticket.priority }),
      h('td', { 'data-label': t('ticket.status'), text: stateName(type, ticket.status) }),
      h('td', { 'data-label': t('ticket.assignee') }, ticket.assignee ? nameOf(ticket.assignee) : t('ticket.unassigned')),
      due);
  };
  const paint = ({ ticket, due, warnAt }) => {
    if (!ticket.slaDueAt) { due.textContent = '–'; due.className = ''; return; }
    const cls = slaClass(ticket.slaDueAt, warnAt, null);
    due.className = cls;
    const word = cls === 'sla-breached' ? t('queue.breached') : cls === 'sla-warning' ? t('queue.warning') : '';
    due.textContent = `${countdown(ticket.slaDueAt)}${word ? ` (${word})` : ''}`;
    due.title = formatDateTime(ticket.slaDueAt); // in the portal's language, not the browser's
  };
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem('atrium.queue', JSON.stringify({ department: department.value, status: status.value, group: group.value, assignee: assignee.value, unassigned: unassigned.checked }));
    load(true);
  });
  department.addEventListener('change', async () => { await fillChoices(); });
  unassigned.addEventListener('change', () => { assignee.disabled = unassigned.checked; });
  assignee.disabled = unassigned.checked;
  mine.addEventListener('click', () => { unassigned.checked = false; assignee.disabled = false; assignee.value = 'me'; filters.requestSubmit(); });
  more.addEventListener('click', () => load(false));
  await load(true);
  const timer = setInterval(() => rows.forEach(paint), 30000);
  return () => { clearInterval(timer); search.stop(); };
}
