// Following a ticket (GET/POST/DELETE /tickets/{key}/watchers): a toggle for anyone who may see the ticket;
// the department's agents also see who follows it and add or remove people. The server decides who may do what;
// its refusals show in the section like any other problem+json.
import { h, clear, announce } from './dom.js';
import { t } from './i18n.js';
import { api, enc, query } from './api.js';
import { errorSummary, fieldBox, onSubmit, showProblem } from './forms.js';
import { personInput } from './people.js';
import { nameOf } from './names.js';
import * as session from './session.js';

/** The section; `agent` also lists the watchers with add and remove. Drawn again in place after each change. */
export function watchersSection(ticketKey, { agent = false } = {}) {
  const section = h('section', { class: 'panel watchers', 'aria-labelledby': 'watchers-title' });
  const path = `/tickets/${enc(ticketKey)}/watchers`;
  const draw = (watchers, focusName) => {
    clear(section, h('h2', { id: 'watchers-title', text: t('watchers.title') }), toggle(watchers), agent && manage(watchers));
    if (focusName) section.querySelector(`[name="${focusName}"]`)?.focus();
  };
  const change = async (method, person, message, focusName) => {
    const answer = await api(`${path}${query({ person })}`, { method });
    draw(answer.watchers, focusName);
    announce(message);
  };

  const toggle = (watchers) => {
    const following = watchers.includes(session.login());
    // the label says what a press does (a filled "Follow" that unfollows misled people); data-following is for tests
    const button = h('button', { type: 'submit', name: 'follow', class: following ? 'secondary' : '', 'data-following': String(following),
      text: t(following ? 'watchers.unfollow' : 'watchers.follow') });
    const form = h('form', { class: 'follow', novalidate: true }, errorSummary(),
      h('div', { class: 'actions' }, button, h('p', { class: 'meta follow-state', text: t(following ? 'watchers.following' : 'watchers.notFollowing') })));
    onSubmit(form, () => (following
      ? change('DELETE', null, t('watchers.unfollowed'), 'follow')
      : change('POST', null, t('watchers.followed'), 'follow')));
    return form;
  };

  const manage = (watchers) => {
    const person = personInput({ name: 'person' });
    const add = h('form', { class: 'add-watcher', novalidate: true }, errorSummary(),
      fieldBox({ key: 'person', label: t('watchers.person'), control: person }),
      h('button', { type: 'submit', class: 'secondary', text: t('watchers.add') }));
    onSubmit(add, () => {
      const login = person.value.trim();
      if (!login) { showProblem(add, { fieldErrors: [{ field: 'person', reason: t('watchers.personMissing') }] }); return null; }
      return change('POST', login, t('watchers.added', { person: login }), 'person');
    });
    const remove = (login) => async (event) => {
      const button = event.currentTarget;
      button.disabled = true;
      try {
        await change('DELETE', login, t('watchers.removed', { person: login }), 'person');
      } catch (error) {
        button.disabled = false;
        if (!error?.handled) showProblem(add, error);
      }
    };
    return [
      h('h3', { id: 'watchers-list-title', text: t('watchers.list') }),
      watchers.length
        ? h('ul', { class: 'watcher-list', 'aria-labelledby': 'watchers-list-title' }, watchers.map((login) => h('li', { 'data-person': login },
          h('span', {}, nameOf(login)), ' ',
          h('button', { type: 'button', class: 'link-button', 'aria-label': t('watchers.removeOne', { person: login }), text: t('watchers.remove'), onclick: remove(login) }))))
        : h('p', { text: t('watchers.none') }),
      add];
  };

  section.append(h('h2', { id: 'watchers-title', text: t('watchers.title') }));
  api(path).then((answer) => draw(answer.watchers), (error) => {
    if (error?.handled) return;
    section.append(h('p', { class: 'notice error-box', role: 'alert', text: error.message }));
  });
  return section;
}
