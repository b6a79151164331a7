// Rating a resolved or closed request (PUT /tickets/{key}/rating): 1 to 5 and an optional comment.
import { h, uid } from './dom.js';
import { t } from './i18n.js';
import { api, enc } from './api.js';
import { fieldBox, errorSummary, onSubmit, savedNotice } from './forms.js';

export function ratingSection(ticket) {
  const current = ticket.rating || null;
  const stars = h('div', { class: 'choices' }, [1, 2, 3, 4, 5].map((score) => {
    const id = uid('score');
    return h('label', { for: id }, h('input', { type: 'radio', id, name: 'score', value: String(score), checked: current?.score === score }), t(`rating.score${score}`));
  }));
  const comment = h('textarea', { name: 'comment', rows: 3, maxlength: 2000 });
  comment.value = current?.comment || '';
  const form = h('form', { novalidate: true }, errorSummary(),
    fieldBox({ key: 'score', label: t('rating.score'), control: stars, group: true, required: true }),
    fieldBox({ key: 'comment', label: t('rating.comment'), control: comment }),
    h('button', { type: 'submit', text: current ? t('rating.change') : t('rating.submit') }));
  onSubmit(form, async () => {
    const chosen = form.querySelector('input[name="score"]:checked');
    const body = { score: chosen ? Number(chosen.value) : null };
    if (comment.value.trim()) body.comment = comment.value;
    await api(`/tickets/${enc(ticket.key)}/rating`, { method: 'PUT', body });
    savedNotice(form, t('rating.saved'));
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'rating-title' }, h('h2', { id: 'rating-title', text: t('rating.title') }), form);
}
