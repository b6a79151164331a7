// Attachments of a ticket: list, download (a plain link: the cookie authenticates a GET), upload (multipart, part "file").
import { h, clear, uid } from './dom.js';
import { t, formatDateTime, currentLanguage } from './i18n.js';
import { api, enc, BASE, ApiError } from './api.js';
import { nameOf } from './names.js';
import { fieldBox, errorSummary, onSubmit, savedNotice } from './forms.js';

export function uploadAttachment(key, file) {
  const form = new FormData();
  form.append('file', file, file.name);
  return api(`/tickets/${enc(key)}/attachments`, { method: 'POST', form });
}

/** POST /attachments: a file uploaded before its ticket exists, held for the uploader; its id goes into an attachment field. */
export function uploadBeforeTicket(file) {
  const form = new FormData();
  form.append('file', file, file.name);
  return api('/attachments', { method: 'POST', form });
}

// in the portal's language: "1,5 MB" in German, "1.5 MB" in English
const size = (bytes) => {
  const number = (value, digits) => new Intl.NumberFormat(currentLanguage(), { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
  return bytes >= 1048576 ? `${number(bytes / 1048576, 1)} MB` : bytes >= 1024 ? `${number(Math.round(bytes / 1024), 0)} KB` : `${number(bytes, 0)} B`;
};

/** The attachments section; `canUpload` for those who may comment on the ticket. */
export function attachmentsSection(key, { canUpload = true } = {}) {
  const list = h('div', {});
  const section = h('section', { class: 'panel', 'aria-labelledby': 'attachments-title' },
    h('h2', { id: 'attachments-title', text: t('attachments.title') }), list);
  const load = async () => {
    try {
      const { items } = await api(`/tickets/${enc(key)}/attachments`);
      clear(list, items.length === 0 ? h('p', { text: t('attachments.none') }) : h('ul', { class: 'attachments' }, items.map((a) =>
        h('li', {}, h('a', { href: `${BASE}/tickets/${enc(key)}/attachments/${enc(a.id)}`, download: a.fileName, text: a.fileName }),
          h('span', { class: 'meta' }, ` ${size(a.size)}, `, nameOf(a.uploadedBy), `, ${formatDateTime(a.uploadedAt)}`)))));
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) { clear(list, h('p', { class: 'meta', text: t('attachments.unavailable') })); return; }
      clear(list, h('p', { class: 'error', text: error.message }));
    }
  };
  if (canUpload) {
    const file = h('input', { type: 'file', name: 'file', id: uid('file') });
    const form = h('form', { novalidate: true }, errorSummary(),
      fieldBox({ key: 'file', label: t('attachments.add'), control: file }),
      h('button', { type: 'submit', class: 'secondary', text: t('attachments.upload') }));
    onSubmit(form, async () => {
      if (!file.files[0]) throw new ApiError(400, { errors: [{ field: 'file', reason: t('attachments.choose') }] });
      await uploadAttachment(key, file.files[0]);
      file.value = '';
      savedNotice(form, t('attachments.uploaded'));
      await load();
    });
    section.append(form);
  }
  load();
  return section;
}
