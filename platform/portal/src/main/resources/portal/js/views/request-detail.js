// One of my requests: facts, status timeline, public comments, approval progress, SLA due time,
// attachments, and the rating once it is resolved.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api, enc } from '../api.js';
import { typeOf, typeName } from '../data.js';
import { facts, timeline, comments, approvals, sla } from '../ticket-parts.js';
import { attachmentsSection } from '../attachments.js';
import { ratingSection } from '../rating.js';
import { watchersSection } from '../watchers.js';
import { savedNotice } from '../forms.js';
import * as session from '../session.js';

export async function render(main, key) {
  const ticket = await api(`/tickets/${enc(key)}`);
  const type = await typeOf(ticket.type);
  main.append(h('h1', {}, `${ticket.key}: ${ticket.summary}`), h('p', { class: 'meta', text: typeName(type, ticket.type) }));
  const saved = sessionStorage.getItem('atrium.saved');
  if (saved) { sessionStorage.removeItem('atrium.saved'); savedNotice(main, saved); }
  const [history, approvalPart, slaPart] = await Promise.all([
    timeline(key, type), approvals(key).catch(() => null), sla(key).catch(() => null)]);
  const resolved = ['resolved', 'closed'].includes(ticket.statusCategory);
  main.append(
    h('div', { class: 'columns' },
      h('div', {}, facts(ticket, type), comments(key), attachmentsSection(key)),
      h('div', {}, watchersSection(key), history, approvalPart, slaPart,
        resolved && ticket.requester === session.login() && ratingSection(ticket))));
}
