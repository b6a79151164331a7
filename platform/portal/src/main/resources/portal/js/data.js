// Data several views share: the catalog (labels of types, fields, options, states) and small formatters.
import { api } from './api.js';
import { currentLanguage, formatDate, pick, t } from './i18n.js';

let catalog = null;
let catalogLanguage = null;

export async function getCatalog() {
  if (!catalog || catalogLanguage !== currentLanguage()) {
    catalogLanguage = currentLanguage();
    catalog = await api('/catalog');
  }
  return catalog;
}

export async function typeOf(key) {
  return (await getCatalog()).find((type) => type.key === key) || null;
}

export const typeName = (type, fallback) => (type ? type.name || pick(type.names, type.key) : fallback);
export const fieldLabel = (field) => field.label || pick(field.labels, field.name);
export const optionLabel = (option) => option.label || pick(option.labels, option.value);

/** The state's name from the type's workflow in the catalog, else the key (types that left the catalog). */
export function stateName(type, key) {
  const state = type?.workflow?.states?.find((s) => s.key === key);
  return state ? state.name || pick(state.names, key) : key;
}

/** The department's label from the catalog's descriptors (`departmentName`, in the current language); its key where none gives one. */
export function departmentName(key) {
  const type = catalog?.find((entry) => entry.department === key && (entry.departmentName || Object.keys(entry.departmentNames || {}).length));
  return type ? type.departmentName || pick(type.departmentNames, key) : key.toUpperCase();
}

/** A form value as people read it: option labels, ranges, yes/no. */
export function displayValue(field, value) {
  if (value === null || value === undefined) return '';
  if (field?.options?.length) {
    const label = (v) => { const o = field.options.find((x) => x.value === v); return o ? optionLabel(o) : v; };
    return Array.isArray(value) ? value.map(label).join(', ') : label(value);
  }
  if (typeof value === 'boolean') return value ? t('yes') : t('no');
  if (Array.isArray(value)) return value.join(', ');
  // dates as the reader's language writes them (21.12.2026, Dec 21, 2026); times stay as sent
  if (field?.type === 'date' && typeof value === 'string') return formatDate(value);
  if (typeof value === 'object' && 'from' in value) {
    const end = field?.type === 'date-range' ? formatDate : String;
    return `${end(value.from)} – ${end(value.to)}`;
  }
  return String(value);
}

/** Time left until an instant, as "2 h 5 min" or "-15 min" once past. */
export function countdown(iso, now = Date.now()) {
  const exact = (new Date(iso).getTime() - now) / 60000;
  // whole minutes: -1 min right after the due time, 0 min in its last minute
  const minutes = Math.floor(exact);
  const sign = minutes < 0 ? '-' : '';
  const abs = Math.abs(minutes);
  const days = Math.floor(abs / 1440);
  const hours = Math.floor((abs % 1440) / 60);
  const rest = abs % 60;
  const parts = [];
  if (days) parts.push(t('unit.days', { n: days }));
  if (hours) parts.push(t('unit.hours', { n: hours }));
  if (!days) parts.push(t('unit.minutes', { n: rest }));
  return sign + parts.join(' ');
}
