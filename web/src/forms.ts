// Form building blocks: labelled fields, code-list selects, and drafts kept in the browser as
// the user types, so that nothing is lost to a timeout, a closed tab or a crash.
import { h } from './dom';
import { codeList, currentUser, ApiError } from './api';

export type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

let seq = 0;
export function field(label: string, input: Field, hint = ''): HTMLElement {
  input.id ||= `f${++seq}`;
  const hintEl = hint ? h('span', { class: 'hint', id: `${input.id}-hint` }, hint) : null;
  if (hintEl) input.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: input.type === 'checkbox' ? 'field check' : 'field' },
    input.type === 'checkbox' ? [input, h('label', { for: input.id }, label)] : [h('label', { for: input.id }, label), hintEl, input]);
}

export function input(name: string, type = 'text', value = '', attrs: Record<string, string | boolean> = {}): HTMLInputElement {
  const el = h('input', { name, type, ...attrs }) as HTMLInputElement;
  if (type === 'checkbox') el.checked = value === 'true';
  else el.value = value;
  return el;
}

export function textarea(name: string, value = ''): HTMLTextAreaElement {
  const el = h('textarea', { name, rows: 4 });
  el.value = value;
  return el;
}

export async function select(name: string, list: string, value = '', blank = 'Choose…', multiple = false): Promise<HTMLSelectElement> {
  const l = await codeList(list);
  const el = h('select', { name, multiple, size: multiple ? 6 : null },
    multiple ? null : h('option', { value: '' }, blank),
    l.codes.map((c) => h('option', { value: c.code }, `${c.label} (${c.code})`)));
  el.value = value;
  return el;
}

export function values(form: HTMLFormElement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const el of Array.from(form.elements) as Field[]) {
    if (!el.name) continue;
    if (el instanceof HTMLInputElement && el.type === 'checkbox') out[el.name] = el.checked;
    else if (el instanceof HTMLSelectElement && el.multiple) out[el.name] = Array.from(el.selectedOptions).map((o) => o.value);
    else if (el.value !== '') out[el.name] = el.value;
  }
  return out;
}

function restore(form: HTMLFormElement, data: Record<string, unknown>): void {
  for (const el of Array.from(form.elements) as Field[]) {
    if (!el.name || !(el.name in data)) continue;
    const v = data[el.name];
    if (el instanceof HTMLInputElement && el.type === 'checkbox') el.checked = Boolean(v);
    else if (el instanceof HTMLSelectElement && el.multiple) {
      for (const o of Array.from(el.options)) o.selected = (v as string[]).includes(o.value);
    } else el.value = String(v ?? '');
  }
}

// Keeps the form's values in localStorage under `key` (per user) on every change, restores
// them when the form is built again, and forgets them once submitted.
export function keepDraft(form: HTMLFormElement, key: string): { clear: () => void; status: HTMLElement } {
  const storeKey = `sg-draft:${currentUser?.username}:${key}`;
  const status = h('p', { class: 'draft-status', 'aria-live': 'polite' });
  const saved = localStorage.getItem(storeKey);
  if (saved) {
    try {
      const d = JSON.parse(saved);
      restore(form, d.values);
      status.textContent = `Draft restored from ${new Date(d.at).toLocaleTimeString('en-GB')}.`;
    } catch {
      localStorage.removeItem(storeKey);
    }
  }
  const save = () => {
    localStorage.setItem(storeKey, JSON.stringify({ at: Date.now(), values: values(form) }));
    status.textContent = `Draft saved at ${new Date().toLocaleTimeString('en-GB')}.`;
  };
  form.addEventListener('input', save);
  form.addEventListener('change', save);
  return { clear: () => localStorage.removeItem(storeKey), status };
}

// Runs `action` when the form is submitted; an error is shown in `err`, and nothing typed is
// lost.
export function onSubmit(form: HTMLFormElement, err: HTMLElement, action: () => Promise<void>): void {
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await action();
    } catch (x) {
      showError(err, x);
    }
  });
}

export function showError(where: HTMLElement, e: unknown): void {
  const msg = e instanceof ApiError && e.field ? `${e.message} (${e.field})` : (e as Error).message;
  where.textContent = msg;
  where.setAttribute('role', 'alert');
}
