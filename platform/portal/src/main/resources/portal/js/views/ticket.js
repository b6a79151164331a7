// The agent's ticket: facts, the transitions the agent may take (with a resolution code where one is asked),
// assignment (to self, a person, a group), public and internal comments, links and child tasks, history,
// attachments, SLA clocks and approvals. Every change sends the version last read (409 on a stale one).
import { h, clear, uid } from '../dom.js';
import { t, pick } from '../i18n.js';
import { api, enc, query } from '../api.js';
import { typeOf, typeName, stateName } from '../data.js';
import { fieldBox, errorSummary, onSubmit, savedNotice } from '../forms.js';
import { personInput } from '../people.js';
import { facts, timeline, comments, approvals, sla } from '../ticket-parts.js';
import { attachmentsSection } from '../attachments.js';
import { watchersSection } from '../watchers.js';
import * as session from '../session.js';

const LINK_TYPES = ['relates-to', 'parent', 'child', 'duplicate-of', 'duplicated-by', 'caused-by', 'causes'];

export async function render(main, key, { go }) {
  const ticket = await api(`/tickets/${enc(key)}`);
  const type = await typeOf(ticket.type);
  const reload = (message) => { if (message) sessionStorage.setItem('atrium.saved', message); go(`#/tickets/${enc(key)}`); };
  const saved = sessionStorage.getItem('atrium.saved');
  main.append(h('h1', {}, `${ticket.key}: ${ticket.summary}`), h('p', { class: 'meta', text: typeName(type, ticket.type) }));
  if (saved) { sessionStorage.removeItem('atrium.saved'); savedNotice(main, saved); }
  const [transitionsPart, linksPart, history, approvalPart, slaPart] = await Promise.all([
    transitions(ticket, type, reload), links(ticket, reload), timeline(key, type, { full: true }),
    approvals(key).catch(() => null), sla(key).catch(() => null)]);
  main.append(h('div', { class: 'columns' },
    h('div', {}, facts(ticket, type), transitionsPart, assignment(ticket, reload), comments(key, { agent: true }), linksPart, attachmentsSection(key)),
    h('div', {}, watchersSection(key, { agent: session.departments().includes(ticket.department) }), slaPart, approvalPart, history)));
}

async function transitions(ticket, type, reload) {
  const data = await api(`/tickets/${enc(ticket.key)}/transitions`);
  const steps = data.items || data;
  const section = h('section', { class: 'panel', 'aria-labelledby': 'transitions-title' }, h('h2', { id: 'transitions-title', text: t('transitions.title') }));
  if (!steps.length) { section.append(h('p', { text: t('transitions.none') })); return section; }
  const to = h('select', { name: 'to', id: uid('f') }, steps.map((s) => h('option', { value: s.to, disabled: s.blockedBy?.length > 0, text: `${pick(s.names, s.name)} → ${stateName(type, s.to)}${s.blockedBy?.length ? ` (${t('transitions.blocked')})` : ''}` })));
  const code = h('select', { name: 'resolutionCode', id: uid('f') });
  const codeBox = fieldBox({ key: 'resolutionCode', label: t('transitions.resolutionCode'), control: code, required: true });
  const blocked = h('p', { class: 'help' });
  const linkedBox = h('div', {});
  const update = () => {
    const step = steps.find((s) => s.to === to.value);
    clear(linkedBox, linkedOffers(step));
    codeBox.hidden = !step?.resolutionCodes?.length;
    code.disabled = codeBox.hidden;
    clear(code, h('option', { value: '', text: t('form.choose') }), (step?.resolutionCodes || []).map((c) => h('option', { value: c.value, text: pick(c.labels, c.value) })));
    blocked.textContent = step?.blockedBy?.length ? `${t('transitions.blockedBy')}: ${step.blockedBy.map((b) => (typeof b === 'string' ? b : b.reason || JSON.stringify(b))).join(', ')}` : '';
  };
  to.addEventListener('change', update);
  const form = h('form', { novalidate: true }, errorSummary(),
    fieldBox({ key: 'to', label: t('transitions.step'), control: to }), codeBox, blocked, linkedBox,
    h('button', { type: 'submit', text: t('transitions.submit') }));
  update();
  onSubmit(form, async () => {
    const body = { to: to.value, version: ticket.version };
    if (!code.disabled && code.value) body.resolutionCode = code.value;
    const linked = linkedMoves(linkedBox);
    if (linked.length) body.linked = linked;
    await api(`/tickets/${enc(ticket.key)}/transitions`, { method: 'POST', body });
    reload(t('transitions.done', { status: stateName(type, to.value) }));
  });
  section.append(form);
  return section;
}

/**
 * The linked tickets a step can move along (the transition's `linked` offers: the incidents a problem caused),
 * each with a checkbox and, where it resolves, its resolution code; errors come back as `linked[i].member`.
 */
function linkedOffers(step) {
  const offers = step?.linked || [];
  if (!offers.length) return null;
  return h('fieldset', { class: 'linked-offers' }, h('legend', { text: t('transitions.linked') }),
    offers.map((offer, i) => {
      const box = h('input', { type: 'checkbox', name: `linked[${i}]`, id: uid('f'), checked: true, value: offer.key });
      box.dataset.to = offer.to;
      const codes = offer.resolutionCodes || [];
      const code = codes.length ? h('select', { name: `linked[${i}].resolutionCode`, id: uid('f') },
        codes.map((c) => h('option', { value: c.value, text: pick(c.labels, c.value) }))) : null;
      return h('div', { class: 'field', 'data-field': `linked[${i}]` },
        h('div', { class: 'choices' }, h('label', { for: box.id }, box, `${offer.key}: ${offer.summary}`)),
        code && h('label', { for: code.id, text: t('transitions.resolutionCode') }), code);
    }));
}

/** The checked offers as the transition's `linked` moves. */
function linkedMoves(container) {
  return [...container.querySelectorAll('input[type=checkbox]:checked')].map((box) => {
    const code = container.querySelector(`select[name="${box.name}.resolutionCode"]`);
    return { key: box.value, to: box.dataset.to, ...(code ? { resolutionCode: code.value } : {}) };
  });
}

function assignment(ticket, reload) {
  const person = personInput({ name: 'assignee' });
  person.value = ticket.assignee || '';
  const group = h('select', { name: 'assignmentGroup', id: uid('f') }, h('option', { value: '', text: t('ticket.noGroup') }));
  api(`/directory/groups${query({ department: ticket.department })}`).then((data) => {
    for (const g of data.items || []) group.append(h('option', { value: g.key, text: pick(g.names, g.key), selected: g.key === ticket.assignmentGroup }));
  }).catch(() => {});
  const patch = async (body, message) => {
    await api(`/tickets/${enc(ticket.key)}`, { method: 'PATCH', body: { version: ticket.version, ...body } });
    reload(message);
  };
  const toMe = h('button', { type: 'button', class: 'secondary', text: t('assign.toMe') });
  const form = h('form', { novalidate: true }, errorSummary(),
    h('div', { class: 'actions' }, toMe),
    fieldBox({ key: 'assignee', label: t('ticket.assignee'), control: person }),
    fieldBox({ key: 'assignmentGroup', label: t('ticket.group'), control: group }),
    h('button', { type: 'submit', text: t('assign.submit') }));
  onSubmit(form, async (submitter) => {
    if (submitter === toMe) return;
    const body = {};
    if (person.value.trim() !== (ticket.assignee || '')) body.assignee = person.value.trim() || null;
    if (group.value !== (ticket.assignmentGroup || '')) body.assignmentGroup = group.value || null;
    await patch(body, t('assign.saved'));
  });
  toMe.addEventListener('click', async () => {
    toMe.disabled = true;
    try { await patch({ assignee: 'me' }, t('assign.saved')); } catch (error) {
      const { showProblem } = await import('../forms.js');
      showProblem(form, error);
    } finally { toMe.disabled = false; }
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'assign-title' }, h('h2', { id: 'assign-title', text: t('assign.title') }), form);
}

async function links(ticket, reload) {
  const data = await api(`/tickets/${enc(ticket.key)}/links`);
  const items = data.items || data;
  const row = (link) => h('li', {},
    h('span', { text: `${t(`link.${link.type}`)}: ` }), h('a', { href: `#/tickets/${enc(link.key)}`, text: link.key }),
    ` ${link.summary} (${link.status}) `,
    h('button', { type: 'button', class: 'link-button', 'aria-label': t('links.removeOne', { key: link.key }), text: t('links.remove'),
      onclick: async () => { await api(`/tickets/${enc(ticket.key)}/links/${enc(link.type)}/${enc(link.key)}`, { method: 'DELETE' }); reload(t('links.removed')); } }));
  const children = items.filter((l) => l.type === 'child');
  const others = items.filter((l) => l.type !== 'child');
  const type = h('select', { name: 'type', id: uid('f') }, LINK_TYPES.map((v) => h('option', { value: v, text: t(`link.${v}`) })));
  const other = h('input', { type: 'text', name: 'key', id: uid('f'), autocapitalize: 'characters', spellcheck: 'false' });
  const form = h('form', { novalidate: true }, errorSummary(),
    fieldBox({ key: 'type', label: t('links.type'), control: type }),
    fieldBox({ key: 'key', label: t('links.key'), control: other }),
    h('button', { type: 'submit', class: 'secondary', text: t('links.add') }));
  onSubmit(form, async () => {
    await api(`/tickets/${enc(ticket.key)}/links`, { method: 'POST', body: { type: type.value, key: other.value.trim() } });
    reload(t('links.added'));
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'links-title' },
    h('h2', { id: 'links-title', text: t('links.title') }),
    children.length > 0 && [h('h3', { text: t('links.children') }), h('ul', {}, children.map(row))],
    others.length > 0 ? h('ul', {}, others.map(row)) : (children.length === 0 && h('p', { text: t('links.none') })),
    form);
}
