// Out of office (GET/PUT/DELETE /me/out-of-office): from, until and the delegate who decides meanwhile.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { fieldBox, errorSummary, onSubmit, savedNotice } from '../forms.js';
import { personInput } from '../people.js';

export async function render(main) {
  let current = null;
  try {
    current = await api('/me/out-of-office');
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
  }
  const from = h('input', { type: 'date', name: 'from' });
  const until = h('input', { type: 'date', name: 'until' });
  const delegate = personInput({ name: 'delegate' });
  from.value = current?.from || '';
  until.value = current?.until || '';
  delegate.value = current?.delegate || '';
  const state = h('p', { role: 'status', text: current ? t('ooo.active', current) : t('ooo.none') });
  const clearButton = h('button', { type: 'button', class: 'secondary', text: t('ooo.clear'), hidden: !current });
  const form = h('form', { novalidate: true }, errorSummary(),
    fieldBox({ key: 'from', label: t('ooo.from'), control: from, required: true }),
    fieldBox({ key: 'until', label: t('ooo.until'), control: until, required: true }),
    fieldBox({ key: 'delegate', label: t('ooo.delegate'), control: delegate, required: true, help: t('ooo.delegateHelp') }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', text: t('ooo.save') }), clearButton));
  main.append(h('h1', { text: t('ooo.title') }), h('p', { class: 'help', text: t('ooo.intro') }), state, form);
  onSubmit(form, async () => {
    const body = { from: from.value || null, until: until.value || null, delegate: delegate.value.trim() || null };
    current = await api('/me/out-of-office', { method: 'PUT', body }) || body;
    state.textContent = t('ooo.active', current);
    clearButton.hidden = false;
    savedNotice(form, t('ooo.saved'));
  });
  clearButton.addEventListener('click', async () => {
    await api('/me/out-of-office', { method: 'DELETE' });
    from.value = ''; until.value = ''; delegate.value = '';
    state.textContent = t('ooo.none');
    clearButton.hidden = true;
    savedNotice(form, t('ooo.cleared'));
  });
}
