// The approver's inbox (GET /approvals): what the API shows the approver of each ticket, and the decision
// with a comment (POST /approvals/{id}) or a hand-over to a colleague (POST /approvals/{id}/hand-over);
// decided ones on a second tab.
import { h, clear, uid } from '../dom.js';
import { t, pick, formatDateTime } from '../i18n.js';
import { api, enc, query } from '../api.js';
import { fieldBox, errorSummary, onSubmit, savedNotice } from '../forms.js';
import { getCatalog, typeName, fieldLabel, displayValue } from '../data.js';
import { personInput } from '../people.js';
import { personName } from '../names.js';

export async function render(main) {
  const catalog = await getCatalog();
  const stateSelect = h('select', { id: 'approvals-state', name: 'state' },
    h('option', { value: 'pending', text: t('approvals.pending') }), h('option', { value: 'decided', text: t('approvals.decided') }));
  const list = h('div', {});
  main.append(h('h1', { text: t('approvals.title') }),
    h('div', { class: 'field' }, h('label', { for: 'approvals-state', text: t('approvals.show') }), stateSelect), list);
  const load = async () => {
    const data = await api(`/approvals${query({ state: stateSelect.value })}`);
    const items = data.items || data;
    clear(list, items.length === 0 ? h('p', { text: t(stateSelect.value === 'pending' ? 'approvals.nonePending' : 'approvals.noneDecided') }) : items.map((a) => card(a)));
  };
  const card = (approval) => {
    const type = catalog.find((x) => x.key === approval.type);
    const titleId = uid('approval');
    const section = h('section', { class: 'panel', 'aria-labelledby': titleId },
      h('h2', { id: titleId }, `${approval.ticket}: ${approval.summary}`),
      h('p', { class: 'meta', text: `${typeName(type, approval.type)}, ${t('approvals.stage')}: ${pick(approval.stageNames, approval.stage)}${approval.onBehalfOf ? `, ${t('approvals.forWhom', { who: approval.approver })}` : ''}${approval.dueAt ? `, ${t('approvals.dueAt', { at: formatDateTime(approval.dueAt) })}` : ''}` }),
      h('dl', { class: 'facts' }, Object.entries(approval.fields || {}).map(([name, value]) => {
        const field = type?.fields.find((f) => f.name === name);
        return [h('dt', { text: field ? fieldLabel(field) : name }), h('dd', { text: displayValue(field, value) })];
      })));
    if (approval.state !== 'pending') {
      section.append(h('p', { text: `${t(`approval.${approval.state}`)}${approval.decidedAt ? `, ${formatDateTime(approval.decidedAt)}` : ''}${approval.comment ? `: ${approval.comment}` : ''}` }));
      return section;
    }
    const comment = h('textarea', { name: 'comment', rows: 3, maxlength: 2000 });
    const approve = h('button', { type: 'submit', value: 'approve', text: t('approvals.approve') });
    const reject = h('button', { type: 'submit', value: 'reject', class: 'danger', text: t('approvals.reject') });
    const form = h('form', { novalidate: true }, errorSummary(),
      fieldBox({ key: 'comment', label: t('approvals.comment'), control: comment, help: t('approvals.commentHelp') }),
      h('div', { class: 'actions' }, approve, reject));
    onSubmit(form, async (submitter) => {
      const decision = submitter?.value === 'reject' ? 'reject' : 'approve';
      await api(`/approvals/${enc(approval.id)}`, { method: 'POST', body: { decision, comment: comment.value || null } });
      clear(form);
      savedNotice(section, t(decision === 'approve' ? 'approvals.approved' : 'approvals.rejected', { key: approval.ticket }));
    });
    section.append(form, handOver(approval, section, form));
    return section;
  };
  stateSelect.addEventListener('change', load);
  await load();
}

/** Passes a pending approval to a named colleague, who then decides it instead (the server checks who may). */
function handOver(approval, section, decisionForm) {
  const to = personInput({ name: 'to' });
  const form = h('form', { novalidate: true, class: 'hand-over' }, errorSummary(),
    fieldBox({ key: 'to', label: t('approvals.handOverTo'), control: to, help: t('approvals.handOverHelp') }),
    h('button', { type: 'submit', class: 'secondary', text: t('approvals.handOver') }));
  onSubmit(form, async () => {
    const handed = await api(`/approvals/${enc(approval.id)}/hand-over`, { method: 'POST', body: { to: to.value.trim() } });
    clear(decisionForm);
    clear(form);
    savedNotice(section, t('approvals.handedOver', { key: approval.ticket, who: await personName(handed?.approver || to.value.trim()) }));
  });
  return h('details', {}, h('summary', { text: t('approvals.handOver') }), form);
}
