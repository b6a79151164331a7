// The catalog by department, searched in the browser over names, help texts and field labels.
import { h, append, clear, announce } from '../dom.js';
import { t } from '../i18n.js';
import { getCatalog, typeName, fieldLabel, departmentName } from '../data.js';

export async function render(main) {
  const catalog = await getCatalog();
  const search = h('input', { type: 'search', id: 'catalog-search', name: 'q', autocomplete: 'off' });
  const results = h('div', { id: 'catalog-results' });
  append(main, 
    h('h1', { text: t('catalog.title') }),
    h('div', { class: 'field', role: 'search' }, h('label', { for: 'catalog-search', text: t('catalog.search') }), search),
    results);
  const text = (type) => [typeName(type), type.helpText, type.key, departmentName(type.department), ...type.fields.map(fieldLabel)]
    .join(' ').toLocaleLowerCase();
  const show = () => {
    const words = search.value.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    const matching = catalog.filter((type) => words.every((w) => text(type).includes(w)));
    const departments = [...new Set(matching.map((type) => type.department))].sort((a, b) => departmentName(a).localeCompare(departmentName(b)));
    clear(results, matching.length === 0 && h('p', { text: t('catalog.none') }),
      departments.map((department) => h('section', { 'aria-labelledby': `department-${department}` },
        h('h2', { id: `department-${department}`, text: departmentName(department) }),
        h('ul', { class: 'cards' }, matching.filter((type) => type.department === department).map((type) =>
          h('li', {}, h('a', { href: `#/request/${encodeURIComponent(type.key)}`, text: typeName(type) }),
            type.helpText && h('p', { text: type.helpText })))))));
    return matching.length;
  };
  show();
  let timer;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    const count = show();
    timer = setTimeout(() => announce(t('catalog.found', { n: count })), 400);
  });
}
