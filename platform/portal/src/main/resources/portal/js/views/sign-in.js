// Sign-in: POST /session; afterwards back to where the person was (also after an expired session).
import { h, append } from '../dom.js';
import { t } from '../i18n.js';
import { fieldBox, errorSummary, onSubmit } from '../forms.js';
import * as session from '../session.js';

export function render(main, _argument, { go }) {
  if (session.state.me) { go('#/catalog'); return; }
  const expired = sessionStorage.getItem('atrium.expired');
  sessionStorage.removeItem('atrium.expired');
  const login = h('input', { type: 'text', name: 'login', autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false', required: true });
  const password = h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const form = h('form', { novalidate: true, class: 'sign-in' },
    errorSummary(),
    fieldBox({ key: 'login', label: t('signIn.login'), control: login }),
    fieldBox({ key: 'password', label: t('signIn.password'), control: password }),
    h('button', { type: 'submit', text: t('signIn.submit') }));
  append(main, 
    h('h1', { text: t('signIn.title') }),
    expired && h('p', { class: 'notice', role: 'status', text: t('signIn.expired') }),
    form);
  onSubmit(form, async () => {
    await session.signIn(login.value.trim(), password.value);
    go(session.takeReturn());
  });
  login.focus();
}
