// My work: the worker's caseload with what is due, most overdue first.
import { h, ukDate } from '../dom';
import { api } from '../api';

export interface DueItem { what: string; due: string; days: number; overdue: boolean; visit: boolean }
export interface ChildRow { child_id: number; la_child_id: string; name: string; status: string; date_of_birth: string | null; last_seen: string | null; overdue: number; not_seen_in_time: boolean; due: DueItem[] }
export interface AuditAction { id: number; audit_id: number; child_id: number; action: string; due_date: string | null; overdue: boolean }
export interface Caseload { worker_id: number; worker_name: string; role: string; caseload: number; overdue: number; not_seen_in_time: number; children: ChildRow[]; as_of?: string; audit_actions?: AuditAction[] }

export function dueText(d: DueItem): string {
  return d.overdue ? `${d.what}: overdue by ${-d.days} day${d.days === -1 ? '' : 's'}` : `${d.what}: due ${ukDate(d.due)}`;
}

export function caseTable(children: ChildRow[]): HTMLElement {
  if (!children.length) return h('p', { class: 'muted' }, 'No children allocated.');
  return h('table', { class: 'caseload' },
    h('thead', null, h('tr', null, ['Child', 'Status', 'Last seen', 'Next due', 'Overdue'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', null, children.map((c) => h('tr', { class: c.overdue ? 'late' : '', 'data-child': c.child_id },
      h('th', { scope: 'row' }, h('a', { href: `#/child/${c.child_id}` }, c.name)),
      h('td', null, c.status),
      h('td', null, c.last_seen ? ukDate(c.last_seen) : 'not seen', c.not_seen_in_time ? h('span', { class: 'flag' }, ' not seen in time') : ''),
      h('td', null, c.due.length ? dueText(c.due.find((d) => d.overdue) ?? c.due[0]) : '—'),
      h('td', { class: 'num' }, c.overdue || '')))));
}

export async function myWorkPage(main: HTMLElement): Promise<void> {
  const load = await api<Caseload>('/api/my-work');
  main.append(h('h1', null, 'My work'),
    h('p', { class: 'lede' }, `${load.worker_name}: ${load.caseload} children allocated; ${load.overdue} things overdue; ${load.not_seen_in_time} children not seen within timescale.`),
    caseTable(load.children));
  const actions = load.audit_actions ?? [];
  if (actions.length) {
    const names = new Map(load.children.map((c) => [c.child_id, c.name]));
    main.append(h('h2', null, 'Actions from case file audits'),
      h('ul', { class: 'due' }, actions.map((a) => h('li', { class: a.overdue ? 'overdue' : '' },
        h('a', { href: `#/child/${a.child_id}` }, names.get(a.child_id) ?? `Child ${a.child_id}`),
        `: ${a.action}`, a.due_date ? ` — ${a.overdue ? 'overdue since' : 'due'} ${ukDate(a.due_date)}` : ''))));
  }
}
