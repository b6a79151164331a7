// The UI's own strings come from i18n/<lang>.json; every label of the data comes from the API in the same language.
const SUPPORTED = ['de', 'en'];
const STORE = 'atrium.language';
let language = 'en';
let messages = {};

export function preferredLanguage() {
  const stored = localStorage.getItem(STORE);
  if (SUPPORTED.includes(stored)) return stored;
  for (const tag of navigator.languages || [navigator.language || 'en']) {
    const primary = String(tag).toLowerCase().split('-')[0];
    if (SUPPORTED.includes(primary)) return primary;
  }
  return 'en';
}

export async function loadLanguage(lang, remember = false) {
  const chosen = SUPPORTED.includes(lang) ? lang : 'en';
  const response = await fetch(new URL(`../i18n/${chosen}.json`, import.meta.url));
  messages = await response.json();
  language = chosen;
  if (remember) localStorage.setItem(STORE, chosen);
  document.documentElement.lang = chosen;
}

export const currentLanguage = () => language;

/** The Accept-Language the API gets: the chosen language first, English as the fallback. */
export const acceptLanguage = () => (language === 'de' ? 'de-DE,de;q=0.9,en;q=0.5' : 'en');

/** A UI string, with {name} placeholders filled. A missing key shows itself, so it is noticed. */
export function t(key, params = {}) {
  const text = messages[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (params[name] ?? `{${name}}`));
}

/** A text of the API given per language ({"de": ..., "en": ...}), in the current language. */
export function pick(texts, fallback = '') {
  if (!texts) return fallback;
  return texts[language] ?? texts.en ?? Object.values(texts)[0] ?? fallback;
}

export function formatDateTime(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatDate(isoDate) {
  if (!isoDate) return '';
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(y, m - 1, d));
}
