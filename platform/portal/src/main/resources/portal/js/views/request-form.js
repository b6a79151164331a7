// A request form from the type's descriptor: the chosen files first (POST /attachments), then POST /tickets
// with their ids in the attachment fields (so a required attachment field is filled at creation), server
// errors beside their fields.
import { h, append } from '../dom.js';
import { t } from '../i18n.js';
import { api, enc, ApiError } from '../api.js';
import { fieldBox, errorSummary, onSubmit } from '../forms.js';
import { typeOf, typeName } from '../data.js';
import { renderFields, applyConditions, collectValues } from '../fields.js';
import { uploadBeforeTicket } from '../attachments.js';

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

  const uploaded = new WeakMap(); // file -> upload id: a form sent again after an error does not upload the same file twice
  onSubmit(form, async () => {
    const { values, files } = collectValues(form, boxes);
    Object.assign(values, await uploadFiles(files, uploaded));
    const body = { type: type.key, summary: summary.value, description: description.value || null, fields: values };
    if (type.category === 'incident') Object.assign(body, { impact: impact.value, urgency: urgency.value });
    const ticket = await api('/tickets', { method: 'POST', body });
    sessionStorage.setItem('atrium.saved', t('request.created', { key: ticket.key }));
    go(`#/requests/${enc(ticket.key)}`);
  });
}

/**
 * Uploads each chosen file (POST /attachments) and returns the fields' values (the uploads' ids). A refused
 * file (too large, a type not accepted) is an error beside its field (the server names the part `file`).
 */
async function uploadFiles(files, uploaded) {
  const ids = {};
  const errors = [];
  for (const [name, file] of Object.entries(files)) {
    try {
      if (!uploaded.has(file)) uploaded.set(file, String((await uploadBeforeTicket(file)).id));
      ids[name] = uploaded.get(file);
    } catch (error) {
      if (!(error instanceof ApiError) || error.handled) throw error;
      const reasons = error.fieldErrors.length ? error.fieldErrors.map((e) => e.reason) : [error.message];
      reasons.forEach((reason) => errors.push({ field: `fields.${name}`, reason }));
    }
  }
  if (errors.length) throw new ApiError(400, { errors });
  return ids;
}
