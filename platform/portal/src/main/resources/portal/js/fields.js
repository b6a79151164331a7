// A request form rendered from the descriptor's fields (GET /catalog): every field type, live shownWhen and
// requiredWhen, and the values in the JSON shape POST /tickets expects. Each input's name is the field's name
// (ranges: name.from and name.to inside a fieldset named after the field).
import { h, uid } from './dom.js';
import { t } from './i18n.js';
import { fieldBox, setRequired } from './forms.js';
import { fieldLabel, optionLabel } from './data.js';
import { personInput } from './people.js';

/** One box per field the requester fills in (computed fields are the server's). */
export function renderFields(fields) {
  return fields.filter((f) => !f.computed).map(renderField);
}

function renderField(field) {
  const label = fieldLabel(field);
  const help = field.helpText || null;
  const required = Boolean(field.required);
  const group = ['date-range', 'time-range', 'multi-choice'].includes(field.type);
  const box = fieldBox({ key: field.name, label, control: control(field, label), help, required, group });
  box.field = field;
  return box;
}

function control(field, label) {
  const name = field.name;
  switch (field.type) {
    case 'textarea':
      return h('textarea', { name, maxlength: field.maxLength ?? 4000, rows: 5 });
    case 'number':
      return h('input', { type: 'number', name, step: 'any', min: field.min ?? null, max: field.max ?? null, inputmode: 'decimal' });
    case 'integer':
      return h('input', { type: 'number', name, step: '1', min: field.min ?? null, max: field.max ?? null, inputmode: 'numeric' });
    case 'date':
      return h('input', { type: 'date', name });
    case 'time':
      return h('input', { type: 'time', name });
    case 'date-range':
    case 'time-range': {
      const type = field.type === 'date-range' ? 'date' : 'time';
      const part = (which) => { const id = uid('input'); return h('label', { for: id }, t(`range.${which}`), h('input', { id, type, name: `${name}.${which}`, 'aria-label': `${label}: ${t(`range.${which}`)}` })); };
      return h('div', { class: 'range' }, part('from'), part('to'));
    }
    case 'choice':
      return h('select', { name }, h('option', { value: '', text: t('form.choose') }),
        field.options.map((o) => h('option', { value: o.value, text: optionLabel(o) })));
    case 'multi-choice':
      return h('div', { class: 'choices' }, field.options.map((o) => {
        const id = uid('option');
        return h('label', { for: id }, h('input', { id, type: 'checkbox', name, value: o.value }), optionLabel(o));
      }));
    case 'boolean':
      return h('select', { name }, h('option', { value: '', text: t('form.choose') }),
        h('option', { value: 'true', text: t('yes') }), h('option', { value: 'false', text: t('no') }));
    case 'person':
      return personInput({ name });
    case 'person-list':
      return personInput({ name, multiple: true });
    case 'attachment':
      return h('input', { type: 'file', name });
    default:
      return h('input', { type: 'text', name, maxlength: field.maxLength ?? 4000 });
  }
}

/** The field's value as text(s), for conditions: what the person has entered now. */
function conditionValues(form, name) {
  const controls = [...form.querySelectorAll(`[name="${CSS.escape(name)}"]`)];
  if (!controls.length) return [];
  if (controls[0].type === 'checkbox') return controls.filter((c) => c.checked).map((c) => c.value);
  const box = controls[0].closest('.field');
  if (box?.hidden) return [];
  return controls[0].value === '' ? [] : [controls[0].value];
}

const holds = (form, condition) => Boolean(condition) && conditionValues(form, condition.field).some((v) => condition.in.includes(v));

/** Shows, hides and (un)requires fields as the values they depend on change. */
export function applyConditions(form, boxes) {
  // twice: a field shown by a field that is itself conditional settles in the second pass
  for (let pass = 0; pass < 2; pass++) {
    for (const box of boxes) {
      const field = box.field;
      const shown = !field.shownWhen || holds(form, field.shownWhen);
      box.hidden = !shown;
      for (const c of box.querySelectorAll('input, select, textarea')) c.disabled = !shown;
      setRequired(box, Boolean(field.required) || holds(form, field.requiredWhen));
    }
  }
}

/** The form's values for POST /tickets `fields`: shown fields with a value; the chosen files apart (uploaded first, their ids sent). */
export function collectValues(form, boxes) {
  const values = {};
  const files = {};
  for (const box of boxes) {
    if (box.hidden) continue;
    const field = box.field;
    const named = (suffix = '') => form.querySelector(`[name="${CSS.escape(field.name + suffix)}"]`);
    switch (field.type) {
      case 'date-range':
      case 'time-range': {
        const from = named('.from').value;
        const to = named('.to').value;
        if (from || to) values[field.name] = { from: from || null, to: to || null };
        break;
      }
      case 'multi-choice': {
        const chosen = [...form.querySelectorAll(`[name="${CSS.escape(field.name)}"]:checked`)].map((c) => c.value);
        if (chosen.length) values[field.name] = chosen;
        break;
      }
      case 'person-list': {
        const ids = named().value.split(/[,;\s]+/).map((s) => s.trim()).filter(Boolean);
        if (ids.length) values[field.name] = ids;
        break;
      }
      case 'number':
      case 'integer': {
        const text = named().value.trim();
        // a text that is no number goes as it is, so the server names the field and the reason
        if (text) values[field.name] = text !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
        break;
      }
      case 'boolean': {
        const text = named().value;
        if (text) values[field.name] = text === 'true';
        break;
      }
      case 'attachment': {
        const file = named().files[0];
        if (file) files[field.name] = file;
        break;
      }
      default: {
        const text = named().value;
        if (text.trim()) values[field.name] = text;
      }
    }
  }
  return { values, files };
}
