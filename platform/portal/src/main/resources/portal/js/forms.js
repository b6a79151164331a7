// Form plumbing every view shares: a labelled field box, server errors (problem+json errors[].field)
// shown beside their fields and tied to them with aria-describedby, and a live region for the rest.
import { h, uid, clear, announce } from './dom.js';
import { t } from './i18n.js';

/**
 * A field: label (or legend for a group), help, the control(s) and a place for its error.
 * `key` is the name the server's errors use for it (`summary`, `kind` for `fields.kind`, ...).
 */
export function fieldBox({ key, label, control, help, required = false, group = false }) {
  const helpId = help ? uid('help') : null;
  const errorId = uid('error');
  const controls = group ? [...control.querySelectorAll('input, select, textarea')] : [control];
  for (const c of controls) {
    c.dataset.control = key;
    if (helpId) c.setAttribute('aria-describedby', helpId);
  }
  const mark = h('span', { class: 'required-mark', 'aria-hidden': 'true', text: ' *', hidden: !required });
  let box;
  if (group) {
    box = h('div', { class: 'field', 'data-field': key },
      h('fieldset', { name: key, 'aria-describedby': helpId },
        h('legend', {}, label, mark),
        help && h('p', { class: 'help', id: helpId, text: help }),
        control),
      h('p', { class: 'error', id: errorId, hidden: true }));
  } else {
    if (!control.id) control.id = uid('input');
    box = h('div', { class: 'field', 'data-field': key },
      h('label', { for: control.id }, label, mark),
      help && h('p', { class: 'help', id: helpId, text: help }),
      control,
      h('p', { class: 'error', id: errorId, hidden: true }));
  }
  box.dataset.errorId = errorId;
  setRequired(box, required);
  return box;
}

export function setRequired(box, required) {
  box.querySelector('.required-mark').hidden = !required;
  for (const c of box.querySelectorAll('[data-control]')) {
    if (c.type !== 'checkbox' && c.type !== 'radio') c.setAttribute('aria-required', String(required));
  }
  // not on the fieldset: ARIA does not allow aria-required on a group (axe's critical aria-allowed-attr); its inputs carry it
}

/** The error key of a server field path: `fields.period.to` belongs to the field `period`. */
export function errorKey(path) {
  const rest = path.startsWith('fields.') ? path.slice(7) : path;
  return rest.split(/[.[]/)[0];
}

export function clearErrors(form) {
  for (const box of form.querySelectorAll('.field[data-field]')) setError(box, null);
  const summary = form.querySelector('.form-errors');
  if (summary) { summary.hidden = true; clear(summary); }
}

function setError(box, message) {
  const error = box.dataset.errorId && box.querySelector(`#${box.dataset.errorId}`);
  if (!error) return;
  error.hidden = !message;
  error.textContent = message || '';
  for (const c of box.querySelectorAll('[data-control]')) {
    const described = (c.getAttribute('aria-describedby') || '').split(' ').filter((id) => id && id !== error.id);
    if (message) described.push(error.id);
    if (described.length) c.setAttribute('aria-describedby', described.join(' ')); else c.removeAttribute('aria-describedby');
    if (message) c.setAttribute('aria-invalid', 'true'); else c.removeAttribute('aria-invalid');
  }
}

/** A place at the top of a form for errors that belong to no field; a live region, so they are read out. */
export const errorSummary = () => h('div', { class: 'form-errors notice error-box', role: 'alert', hidden: true });

/** Shows an ApiError on a form: each field error beside its field, the rest at the top; focuses the first bad field. */
export function showProblem(form, error) {
  clearErrors(form);
  const loose = [];
  let first = null;
  for (const { field, reason } of error.fieldErrors || []) {
    const box = form.querySelector(`.field[data-field="${CSS.escape(errorKey(field))}"]`);
    if (box && !box.hidden) {
      const existing = box.querySelector('.error').textContent;
      setError(box, existing ? `${existing}; ${reason}` : reason);
      first = first || box.querySelector('[data-control]');
    } else {
      loose.push(`${field}: ${reason}`);
    }
  }
  const summary = form.querySelector('.form-errors');
  const messages = error.fieldErrors?.length ? [t('form.hasErrors'), ...loose] : [error.message];
  if (summary) {
    summary.hidden = false;
    clear(summary, messages.length > 1 ? [h('p', { text: messages[0] }), h('ul', {}, messages.slice(1).map((m) => h('li', { text: m })))] : h('p', { text: messages[0] }));
  } else {
    announce(messages.join('. '));
  }
  if (first) first.focus();
}

/** A status line after a saved change: shown and read out. */
export function savedNotice(container, message) {
  // a second save (another upload, another comment) replaces the first notice instead of stacking under it
  for (const earlier of container.querySelectorAll(':scope > .notice.saved')) earlier.remove();
  const notice = h('p', { class: 'notice saved', role: 'status', text: message });
  container.prepend(notice);
  announce(message);
  setTimeout(() => notice.remove(), 8000);
}

/** Runs an action on submit, with the button disabled meanwhile and errors shown on the form. */
export function onSubmit(form, action) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const buttons = form.querySelectorAll('button');
    buttons.forEach((b) => { b.disabled = true; });
    try {
      clearErrors(form);
      await action(event.submitter);
    } catch (error) {
      if (!error?.handled) showProblem(form, error);
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
    }
  });
}
