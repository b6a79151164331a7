// People's names for logins (GET /directory/people/{id}), asked once per login and page load; the login
// stays where the directory has no such person (a former employee) or cannot be asked.
import { api, enc } from './api.js';

const asked = new Map();

export function personName(login) {
  if (!login) return Promise.resolve('');
  if (!asked.has(login)) {
    asked.set(login, api(`/directory/people/${enc(login)}`).then((person) => person?.displayName || login, () => login));
  }
  return asked.get(login);
}

/** A text node that shows the login at once and the person's name as soon as it is known. */
export function nameOf(login) {
  const text = document.createTextNode(login || '');
  personName(login).then((name) => { text.data = name; });
  return text;
}
