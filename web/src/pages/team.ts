// The team manager's view: each worker's caseload, overdue work and children not seen within
// timescale, with the children behind each figure.
import { put, h } from '../dom';
import { api, currentUser } from '../api';
import { Caseload, caseTable } from './mywork';

interface TeamWork { team_id: number; team_name: string; as_of: string; workers: Caseload[] }
interface Team { id: number; name: string }

export async function teamPage(main: HTMLElement, params: URLSearchParams): Promise<void> {
  const teams = await api<{ items: Team[] }>('/api/teams?limit=1000');
  let teamId = params.get('team_id') ?? '';
  if (!teamId && !currentUser?.worker_id) teamId = String(teams.items[0]?.id ?? '');
  const work = await api<TeamWork>(`/api/team-work${teamId ? `?team_id=${teamId}` : ''}`);
  const picker = h('select', { id: 'team-pick' }, teams.items.map((t) => h('option', { value: t.id }, t.name)));
  picker.value = String(work.team_id);
  picker.addEventListener('change', () => { location.hash = `#/team?team_id=${picker.value}`; });
  const total = work.workers.reduce((n, w) => n + w.caseload, 0);
  const late = work.workers.reduce((n, w) => n + w.not_seen_in_time, 0);
  put(main, h('h1', null, `Team: ${work.team_name}`),
    h('p', null, h('label', { for: 'team-pick' }, 'Team '), picker),
    h('p', { class: 'lede' }, `${work.workers.length} workers, ${total} children allocated, ${late} not seen within timescale.`),
    h('table', { class: 'team-summary' },
      h('thead', null, h('tr', null, ['Worker', 'Role', 'Caseload', 'Overdue', 'Not seen in time'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', null, work.workers.map((w) => h('tr', { class: w.not_seen_in_time ? 'late' : '' },
        h('th', { scope: 'row' }, h('a', { href: `#w${w.worker_id}`, onclick: ((e: Event) => { e.preventDefault(); document.getElementById(`w${w.worker_id}`)?.scrollIntoView(); }) as EventListener }, w.worker_name)),
        h('td', null, w.role), h('td', { class: 'num' }, w.caseload), h('td', { class: 'num' }, w.overdue), h('td', { class: 'num' }, w.not_seen_in_time))))),
    work.workers.filter((w) => w.caseload > 0).map((w) => h('section', { id: `w${w.worker_id}` },
      h('h2', null, `${w.worker_name} (${w.caseload})`), caseTable(w.children))));
}
