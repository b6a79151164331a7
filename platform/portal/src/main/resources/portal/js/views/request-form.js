// A request form from the type's descriptor: POST /tickets, server errors beside their fields, then
// the attachments (POST /tickets/{key}/attachments) and their ids into the form (PATCH).
import { h, append } from '../dom.js';
import { t } from '../i18n.js';
import { api, enc, ApiError } from '../api.js';
import { fieldBox, errorSummary, onSubmit } from '../forms.js';
import { typeOf, typeName } from '../data.js';
import { renderFields, applyConditions, collectValues } from '../fields.js';
import { uploadAttachment } from '../attachments.js';

export async function render(main, typeKey, { go }) {
  const type = await typeOf(typeKey);
  if (!type) {
    append(main, h('h1', { text: t('request.unknownType') }), h('p', {}, h('a', { href: '#/catalog', text: t('nav.catalog') })));
    return;
  }
  const summary = h('input', { type: 'text', name: 'summary', maxlength: 200, required: true });
  const description = h('textarea', { name: 'description', rows: 4, maxlength: 20000 });
  const level = (name) => h('select', { name }, ['low', 'medium', 'high'].map((v) => h('option', { value: v, selected: v === 'medium', text: t(`level.${v}`) })));
  const impact = level('impact');
  const urgency = level('urgency');
  const boxes = renderFields(type.fields);
  const form = h('form', { novalidate: true },
    errorSummary(),
    fieldBox({ key: 'summary', label: t('request.summary'), control: summary, required: true }),
    boxes,
    fieldBox({ key: 'description', label: t('request.description'), control: description }),
    type.category === 'incident' && [
      fieldBox({ key: 'impact', label: t('request.impact'), control: impact, help: t('request.impactHelp') }),
      fieldBox({ key: 'urgency', label: t('request.urgency'), control: urgency })],
    h('p', { class: 'help', text: t('form.requiredNote') }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', text: t('request.submit') }), h('a', { href: '#/catalog', text: t('cancel') })));
  append(main, h('h1', { text: typeName(type) }), type.helpText && h('p', { class: 'help', text: type.helpText }), form);
  applyConditions(form, boxes);
  form.addEventListener('input', () => applyConditions(form, boxes));
  form.addEventListener('change', () => applyConditions(form, boxes));

  onSubmit(form, async () => {
    const { values, files } = collectValues(form, boxes);
    const body = { type: type.key, summary: summary.value, description: description.value || null, fields: values };
    if (type.category === 'incident') Object.assign(body, { impact: impact.value, urgency: urgency.value });
    const ticket = await api('/tickets', { method: 'POST', body });
    const failed = await attachFiles(ticket, files);
    sessionStorage.setItem('atrium.saved', failed.length ? t('request.createdUploadFailed', { key: ticket.key, files: failed.join(', ') }) : t('request.created', { key: ticket.key }));
    go(`#/requests/${enc(ticket.key)}`);
  });
}

/** Uploads each chosen file and sets the field to the upload's id; the request exists already, so a failure is reported, not fatal. */
async function attachFiles(ticket, files) {
  const failed = [];
  const ids = {};
  for (const [name, file] of Object.entries(files)) {
    try {
      ids[name] = (await uploadAttachment(ticket.key, file)).id;
    } catch (error) {
      if (error instanceof ApiError && error.handled) throw error;
      failed.push(`${file.name} (${error.message})`);
    }
  }
  if (Object.keys(ids).length) {
    const fields = Object.fromEntries(Object.entries(ids).map(([k, v]) => [k, String(v)]));
    try {
      await api(`/tickets/${enc(ticket.key)}`, { method: 'PATCH', body: { version: ticket.version, fields } });
    } catch (error) {
      failed.push(error.message);
    }
  }
  return failed;
}
