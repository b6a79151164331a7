// The search box of ticket lists (GET /tickets?q= with the list's filters): debounced as the person types, the
// words kept in the URL hash (#/queue?q=printer) so that reload and back show the same hits, and a clear button.
// A hit's snippet is drawn from text nodes and <mark> elements only: the text is the tickets' data, never HTML.
import { h, clear, uid } from './dom.js';
import { t } from './i18n.js';

const DEBOUNCE_MS = 300;

/** The search words in the current hash (`#/view?q=...`), or ''. */
export function hashQuery() {
  const at = location.hash.indexOf('?');
  return at < 0 ? '' : (new URLSearchParams(location.hash.slice(at + 1)).get('q') || '').trim();
}

/** Puts `q` into the hash without a new history entry and without drawing the view again (no hashchange). */
function keepInHash(q) {
  const base = location.hash.split('?')[0] || '#/';
  const hash = q ? `${base}?${new URLSearchParams({ q })}` : base;
  if (hash !== location.hash) history.replaceState(history.state, '', hash);
}

/**
 * A labelled search input with its clear button; `onSearch(q)` runs after the person stops typing, on Enter and
 * on clear. Starts with the words of the hash.
 */
export function searchBox(onSearch) {
  const input = h('input', { type: 'search', name: 'q', id: uid('search'), maxlength: '200', autocomplete: 'off', spellcheck: 'false', value: hashQuery() });
  const clearButton = h('button', { type: 'button', class: 'secondary', name: 'clear-search', text: t('search.clear') });
  let timer = null;
  let last = input.value.trim();
  const run = () => {
    clearTimeout(timer);
    const q = input.value.trim();
    clearButton.hidden = !input.value;
    if (q === last) return;
    last = q;
    keepInHash(q);
    onSearch(q);
  };
  input.addEventListener('input', () => {
    clearButton.hidden = !input.value;
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') { event.preventDefault(); run(); }
  });
  // Escape in a search input fires "search" with an empty value (the browser's own clear (x) is hidden in app.css)
  input.addEventListener('search', run);
  clearButton.addEventListener('click', () => { input.value = ''; run(); input.focus(); });
  clearButton.hidden = !input.value;
  const element = h('div', { class: 'field search' },
    h('label', { for: input.id, text: t('search.label') }),
    h('div', { class: 'search-row' }, input, clearButton));
  return { element, input, value: () => input.value.trim(), stop: () => clearTimeout(timer) };
}

/**
 * What a hit says about where it matched: the snippet (`{field, text, highlights: [[from, to], ...]}`, ranges
 * of `text`, end exclusive) with the highlighted ranges in <mark>, else the list of matching fields.
 */
export function matchNote(ticket) {
  const snippet = ticket.snippet;
  if (snippet && typeof snippet.text === 'string') {
    return h('p', { class: 'snippet' }, h('span', { class: 'snippet-field', text: `${fieldName(snippet.field)}: ` }), ...marked(snippet.text, snippet.highlights));
  }
  const matches = Array.isArray(ticket.matches) ? ticket.matches : [];
  return matches.length ? h('p', { class: 'snippet', text: `${t('search.matches')}: ${matches.map(fieldName).join(', ')}` }) : null;
}

const fieldName = (field) => {
  const key = `search.field.${field}`;
  const name = t(key);
  return name === key ? String(field ?? '') : name;
};

/** Text nodes and <mark>s for `text` with `ranges` highlighted; ranges out of order, overlapping or out of bounds are tamed. */
export function marked(text, ranges) {
  const clean = (Array.isArray(ranges) ? ranges : [])
    .filter((r) => Array.isArray(r) && Number.isInteger(r[0]) && Number.isInteger(r[1]))
    .map(([from, to]) => [Math.max(0, from), Math.min(text.length, to)])
    .filter(([from, to]) => from < to)
    .sort((a, b) => a[0] - b[0]);
  const parts = [];
  let at = 0;
  for (const [from, to] of clean) {
    const start = Math.max(from, at);
    if (start >= to) continue;
    if (start > at) parts.push(document.createTextNode(text.slice(at, start)));
    parts.push(h('mark', { text: text.slice(start, to) }));
    at = to;
  }
  if (at < text.length) parts.push(document.createTextNode(text.slice(at)));
  return parts;
}

/** The notice under a list: no hits for these words (with the words), or the list's own empty text. */
export function emptyNote(element, q, emptyText) {
  clear(element, q ? t('search.noResults', { q }) : emptyText);
}
