// Sections the requester's and the agent's ticket views share: facts, status timeline, comments, approvals, SLA.
import { h, clear } from './dom.js';
import { t, pick, formatDateTime } from './i18n.js';
import { api, enc, BASE } from './api.js';
import { fieldBox, errorSummary, onSubmit, savedNotice } from './forms.js';
import { stateName, fieldLabel, displayValue, countdown } from './data.js';
import { nameOf } from './names.js';

export function facts(ticket, type, { withFields = true } = {}) {
  const row = (label, value) => value !== null && value !== undefined && value !== '' && [h('dt', { text: label }), h('dd', {}, value)];
  const fields = type?.fields || [];
  return h('dl', { class: 'facts' },
    row(t('ticket.status'), stateName(type, ticket.status)),
    row(t('ticket.priority'), ticket.priority),
    row(t('ticket.requester'), ticket.requester && nameOf(ticket.requester)),
    row(t('ticket.assignee'), ticket.assignee ? nameOf(ticket.assignee) : t('ticket.unassigned')),
    row(t('ticket.group'), ticket.assignmentGroup),
    row(t('ticket.created'), formatDateTime(ticket.createdAt)),
    row(t('ticket.updated'), formatDateTime(ticket.updatedAt)),
    row(t('ticket.slaDue'), ticket.slaDueAt && formatDateTime(ticket.slaDueAt)),
    row(t('ticket.resolution'), ticket.resolutionCode && pick(type?.resolutionCodes?.find((c) => c.value === ticket.resolutionCode)?.labels, ticket.resolutionCode)),
    row(t('ticket.description'), ticket.description && h('span', { class: 'pre', text: ticket.description })),
    withFields && Object.entries(ticket.fields || {}).map(([name, value]) => {
      const field = fields.find((f) => f.name === name);
      const shown = field?.type === 'attachment' && value
        ? h('a', { href: `${BASE}/tickets/${enc(ticket.key)}/attachments/${enc(value)}`, text: t('attachments.download') })
        : displayValue(field, value);
      return row(field ? fieldLabel(field) : name, shown);
    }));
}

/** The status timeline from the history: creation and every transition, with who and when. */
export async function timeline(key, type, { full = false } = {}) {
  const history = await api(`/tickets/${enc(key)}/history`);
  const entries = (history.items || history).filter((e) => full || e.field === 'status');
  const describe = (e) => {
    if (e.field === 'status') return e.action === 'created' ? t('history.created', { status: stateName(type, e.after) }) : t('history.moved', { from: stateName(type, e.before), to: stateName(type, e.after) });
    if (e.action === 'commented') return t(e.field === 'internal' ? 'history.internalComment' : 'history.comment');
    return t('history.changed', { field: e.field || e.action, before: e.before ?? '–', after: e.after ?? '–' });
  };
  return h('section', { class: 'panel', 'aria-labelledby': 'history-title' },
    h('h2', { id: 'history-title', text: t(full ? 'history.title' : 'history.timeline') }),
    h('ol', { class: 'timeline' }, entries.map((e) => h('li', {}, h('span', { text: describe(e) }), h('br'),
      h('span', { class: 'meta' }, nameOf(e.actor), `, ${formatDateTime(e.at)}`)))));
}

/** Comments; `agent` may read and write internal ones. */
export function comments(key, { agent = false } = {}) {
  const list = h('ol', { class: 'comments' });
  const load = async () => {
    const data = await api(`/tickets/${enc(key)}/comments`);
    const items = (data.items || data).filter((c) => agent || !c.internal);
    clear(list, items.length === 0 ? h('li', { text: t('comments.none') }) : items.map((c) =>
      h('li', { class: c.internal ? 'internal' : null },
        h('p', { class: 'meta' }, nameOf(c.author), `, ${formatDateTime(c.createdAt)}`, c.internal && [' ', h('span', { class: 'badge', text: t('comments.internal') })]),
        h('p', { text: c.body }))));
  };
  const body = h('textarea', { name: 'body', rows: 3, maxlength: 20000 });
  const internal = h('input', { type: 'checkbox', name: 'internal', id: 'comment-internal' });
  const form = h('form', { novalidate: true }, errorSummary(),
    fieldBox({ key: 'body', label: t('comments.add'), control: body }),
    agent && h('div', { class: 'field choices' }, h('label', { for: 'comment-internal' }, internal, t('comments.internalOption'))),
    h('button', { type: 'submit', text: t('comments.submit') }));
  onSubmit(form, async () => {
    await api(`/tickets/${enc(key)}/comments`, { method: 'POST', body: { body: body.value, internal: agent && internal.checked } });
    body.value = '';
    internal.checked = false;
    savedNotice(form, t('comments.saved'));
    await load();
  });
  load();
  return h('section', { class: 'panel', 'aria-labelledby': 'comments-title' }, h('h2', { id: 'comments-title', text: t('comments.title') }), list, form);
}

/** Approval progress: each stage's approvers and where they stand. */
export async function approvals(key) {
  const data = await api(`/tickets/${enc(key)}/approvals`);
  const items = data.items || data;
  if (!items.length) return null;
  return h('section', { class: 'panel', 'aria-labelledby': 'approvals-title' },
    h('h2', { id: 'approvals-title', text: t('approvals.progress') }),
    h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, [t('approvals.stage'), t('approvals.approver'), t('approvals.state'), t('approvals.comment')].map((c) => h('th', { scope: 'col', text: c })))),
      h('tbody', {}, items.map((a) => h('tr', {},
        h('td', { text: `${pick(a.stageNames, a.stage)}${a.round > 1 ? ` (${t('approvals.round', { n: a.round })})` : ''}` }),
        h('td', { text: a.onBehalfOf ? `${a.decidedBy} (${t('approvals.onBehalfOf', { who: a.onBehalfOf })})` : a.approver }),
        h('td', { text: t(`approval.${a.state}`) + (a.decidedAt ? `, ${formatDateTime(a.decidedAt)}` : '') }),
        h('td', { text: a.comment || '' })))))));
}

export function slaClass(dueAt, warnAt, state, now = Date.now()) {
  if (state === 'breached' || (dueAt && new Date(dueAt).getTime() <= now)) return 'sla-breached';
  if (warnAt && new Date(warnAt).getTime() <= now) return 'sla-warning';
  return 'sla-ok';
}

/** The SLA clocks with their due times. */
export async function sla(key) {
  const data = await api(`/tickets/${enc(key)}/sla`);
  const clocks = data.clocks || data.items || data;
  if (!clocks.length) return null;
  return h('section', { class: 'panel', 'aria-labelledby': 'sla-title' },
    h('h2', { id: 'sla-title', text: t('sla.title') }),
    h('ul', {}, clocks.map((c) => h('li', { class: c.state === 'running' ? slaClass(c.dueAt, c.warnAt, c.state) : null },
      `${pick(c.names, c.key)}: ${t(`sla.state.${c.state}`)}`,
      c.dueAt && `, ${t('sla.due', { at: formatDateTime(c.dueAt), left: countdown(c.dueAt) })}`))));
}
