// The JSON API client. A request that finds the session expired asks the user to log in again
// in a dialog and then carries on: nothing typed is lost to a timeout.
import { h } from './dom';

export interface User {
  id: number;
  username: string;
  display_name: string;
  role: string;
  worker_id: number | null;
}

export class ApiError extends Error {
  constructor(public status: number, message: string, public field = '') {
    super(message);
  }
}

let reLogin: Promise<void> | null = null;
export let currentUser: User | null = null;
export function setUser(u: User | null): void {
  currentUser = u;
}

async function raw(method: string, path: string, body?: unknown): Promise<Response> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: {} };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
  }
  return fetch(path, init);
}

export async function api<T>(path: string, method = 'GET', body?: unknown): Promise<T> {
  let res = await raw(method, path, body);
  if (res.status === 401 && currentUser && path !== '/api/login') {
    reLogin ??= loginDialog().finally(() => (reLogin = null));
    await reLogin;
    res = await raw(method, path, body);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    throw new ApiError(res.status, `the server answered HTTP ${res.status}`);
  }
  if (!res.ok) {
    const e = json?.error ?? {};
    throw new ApiError(res.status, e.message ?? `HTTP ${res.status}`, e.field ?? '');
  }
  return json as T;
}

export async function login(username: string, password: string): Promise<User> {
  const r = await api<{ user: User }>('/api/login', 'POST', { username, password });
  setUser(r.user);
  return r.user;
}

// The modal shown when a session ends mid-task; resolves once logged in as the same user.
function loginDialog(): Promise<void> {
  return new Promise((resolve) => {
    const msg = h('p', { class: 'error', role: 'alert' });
    const pass = h('input', { type: 'password', id: 'relogin-password', autocomplete: 'current-password', required: true });
    const form = h('form', { class: 'dialog-body' },
      h('h2', { id: 'relogin-title' }, 'Your session has ended'),
      h('p', null, `Log in again as ${currentUser?.username}: what you were doing is kept.`),
      h('label', { for: 'relogin-password' }, 'Password'), pass, msg,
      h('button', { type: 'submit', class: 'primary' }, 'Log in and carry on'));
    const dialog = h('dialog', { 'aria-labelledby': 'relogin-title' }, form);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      try {
        await login(currentUser!.username, pass.value);
        dialog.close();
        dialog.remove();
        resolve();
      } catch (e) {
        msg.textContent = (e as Error).message;
      }
    });
    document.body.appendChild(dialog);
    dialog.showModal();
    pass.focus();
  });
}

export interface CodeList { name: string; title: string; codes: { code: string; label: string }[] }
// Every code list in one request (34 KB), the first time any is needed: a page that labels
// many codes does not wait for one round trip per list.
let allLists: Promise<Map<string, CodeList>> | null = null;
export async function codeList(name: string): Promise<CodeList> {
  allLists ??= api<CodeList[]>('/api/code-lists')
    .then((ls) => new Map(ls.map((l) => [l.name, l])))
    .catch((e) => {
      allLists = null;  // try again next time
      throw e;
    });
  const l = (await allLists).get(name);
  if (!l) throw new Error(`no code list ${name}`);
  return l;
}
export async function codeLabel(list: string, code: string | null | undefined): Promise<string> {
  if (!code) return '';
  const l = await codeList(list);
  return l.codes.find((c) => c.code === code)?.label ?? code;
}
