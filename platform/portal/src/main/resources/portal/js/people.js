// A person chooser: a text input with suggestions from GET /directory/people?q= as the person types.
import { h, uid } from './dom.js';
import { api, query } from './api.js';

export function personInput({ name, multiple = false, id } = {}) {
  const listId = uid('people');
  const input = h('input', { type: 'text', name, id: id || uid('input'), list: listId, autocomplete: 'off', spellcheck: 'false' });
  const list = h('datalist', { id: listId });
  let timer = null;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const term = multiple ? input.value.split(/[,;\s]+/).pop() : input.value;
    if (!term || term.length < 2) return;
    timer = setTimeout(async () => {
      try {
        const people = await api(`/directory/people${query({ q: term, limit: 10 })}`);
        const prefix = multiple ? input.value.slice(0, input.value.length - term.length) : '';
        list.replaceChildren(...(people.items || people).map((p) => h('option', { value: prefix + p.id, text: `${p.displayName} (${p.id})` })));
      } catch { /* suggestions are a help, not a must */ }
    }, 200);
  });
  // the suggestions go right after the input once the caller has placed it (in the same task)
  queueMicrotask(() => input.after(list));
  return input;
}
