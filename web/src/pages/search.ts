// Find a child by name (typos forgiven), date of birth, UPN or LA child id, as you type.
import { h, ukDate, ageYears } from '../dom';
import { api } from '../api';

export interface Match { id: number; la_child_id: string; first_name: string; last_name: string; date_of_birth: string; upn: string; matched: string }

export function matchList(items: Match[], onPick?: (m: Match) => void): HTMLElement {
  if (!items.length) return h('p', { class: 'muted' }, 'No child matches.');
  return h('ul', { class: 'matches' }, items.map((m) => {
    const label = `${m.first_name} ${m.last_name}`;
    const meta = [m.date_of_birth ? `born ${ukDate(m.date_of_birth)} (${ageYears(m.date_of_birth)})` : '', m.la_child_id, m.upn].filter(Boolean).join(' · ');
    const link = onPick ? h('button', { type: 'button', class: 'link' }, label) : h('a', { href: `#/child/${m.id}` }, label);
    if (onPick) link.addEventListener('click', () => onPick(m));
    return h('li', { 'data-child': m.id }, link, h('span', { class: 'muted' }, ` ${meta} — matched on ${m.matched}`));
  }));
}

// Wires a text box to the search API; `render` gets each answer (debounced, latest wins).
export function searchAsYouType(box: HTMLInputElement, render: (items: Match[] | null, q: string) => void): void {
  let timer = 0, seq = 0;
  box.addEventListener('input', () => {
    window.clearTimeout(timer);
    const q = box.value.trim();
    if (q.length < 2) { render(null, q); return; }
    timer = window.setTimeout(async () => {
      const mine = ++seq;
      const r = await api<{ items: Match[] }>(`/api/search/children?q=${encodeURIComponent(q)}&limit=20`).catch(() => ({ items: [] }));
      if (mine === seq) render(r.items, q);
    }, 120);
  });
}

export async function searchPage(main: HTMLElement, params: URLSearchParams): Promise<void> {
  const box = h('input', { id: 'child-search', type: 'search', autocomplete: 'off', placeholder: 'e.g. Jaden Smith 04/03/2015' }) as HTMLInputElement;
  const results = h('div', { 'aria-live': 'polite', id: 'search-results' });
  main.append(h('h1', null, 'Find a child'),
    h('label', { for: 'child-search' }, 'Name, date of birth, UPN or LA child id'), box, results);
  searchAsYouType(box, (items) => results.replaceChildren(items ? matchList(items) : h('span')));
  const q = params.get('q');
  if (q) {
    box.value = q;
    box.dispatchEvent(new Event('input'));
  }
  box.focus();
}
