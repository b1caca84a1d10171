// Returns: the CIN census or SSDA903 built from the record and checked against every DfE rule,
// with the findings grouped by worker and by rule, each linked to the child's record.
import { put, h } from '../dom';
import { api } from '../api';

interface Finding { rule: string; severity: string; child: string; child_id?: number; worker?: string; field: string; where: string; message: string }
interface ByRule { rule: string; severity: string; message: string; findings: number; children: number }
interface Validation { year: string; children: number; errors: number; queries: number; by_rule: ByRule[]; findings: Finding[] }

function thisYear(): string {
  const d = new Date();
  const y = d.getMonth() >= 3 ? d.getFullYear() - 1 : d.getFullYear() - 2;
  return `${y}-${String((y + 1) % 100).padStart(2, '0')}`;
}

function render(v: Validation, title: string): HTMLElement {
  const byWorker = new Map<string, Finding[]>();
  for (const f of v.findings) {
    const w = f.worker || 'Not allocated';
    if (!byWorker.has(w)) byWorker.set(w, []);
    byWorker.get(w)!.push(f);
  }
  const workers = [...byWorker.entries()].sort((a, b) => b[1].length - a[1].length);
  const link = (f: Finding) => (f.child_id ? h('a', { href: `#/child/${f.child_id}` }, f.child) : f.child || '—');
  const out = h('section', { 'aria-label': title });
  put(out,
    h('p', { class: 'lede' }, `${title}: ${v.children.toLocaleString('en-GB')} children, ${v.errors} errors and ${v.queries} queries.`),
    h('h2', null, 'By rule'),
    h('table', null, h('thead', null, h('tr', null, ['Rule', 'Type', 'What it checks', 'Findings', 'Children'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', null, v.by_rule.map((r) => h('tr', null, h('th', { scope: 'row' }, r.rule), h('td', null, r.severity), h('td', null, r.message),
        h('td', { class: 'num' }, r.findings), h('td', { class: 'num' }, r.children))))),
    h('h2', null, 'By worker'),
    workers.map(([w, fs]) => h('details', null, h('summary', null, `${w}: ${fs.length} finding${fs.length === 1 ? '' : 's'}`),
      h('ul', null, fs.slice(0, 200).map((f) => h('li', null, link(f), ` — ${f.rule}: ${f.message}`, f.field ? h('span', { class: 'muted' }, ` (${f.field})`) : ''))))));
  return out;
}

export async function returnsPage(main: HTMLElement, params: URLSearchParams): Promise<void> {
  const kind = params.get('return') === '903' ? '903' : 'cin';
  const year = params.get('year') ?? thisYear();
  const v = await api<Validation>(`/api/returns/${kind}/validate?year=${encodeURIComponent(year)}`);
  const results = h('div', null, render(v, `Built from the record`));
  const file = kind === 'cin'
    ? h('input', { type: 'file', id: 'return-file', accept: '.xml,application/xml,text/xml' }) as HTMLInputElement
    : h('input', { type: 'file', id: 'return-file', multiple: true, accept: '.csv,.xml,text/csv' }) as HTMLInputElement;
  const status = h('p', { role: 'status' });
  file.addEventListener('change', async () => {
    const files = Array.from(file.files ?? []);
    if (!files.length) return;
    const names = files.map((f) => f.name).join(', ');
    status.textContent = `Checking ${names}…`;
    try {
      const up = kind === 'cin'
        ? await api<Validation>('/api/returns/cin/validate', 'POST', { xml: await files[0].text() })
        : await api<Validation>('/api/returns/903/validate', 'POST',
          { year, files: await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() }))) });
      status.textContent = '';
      results.replaceChildren(render(up, `${names} (uploaded)`));
    } catch (e) {
      status.textContent = `${names} could not be checked: ${(e as Error).message}`;
    }
  });
  put(main,
    h('h1', null, `${kind === 'cin' ? 'CIN census' : 'SSDA903'} ${v.year}`),
    h('nav', { class: 'filters', 'aria-label': 'Return' },
      h('a', { href: `#/returns?return=cin&year=${year}`, 'aria-current': kind === 'cin' ? 'page' : null }, 'CIN census'),
      h('a', { href: `#/returns?return=903&year=${year}`, 'aria-current': kind === '903' ? 'page' : null }, 'SSDA903')),
    h('p', null, h('label', { for: 'return-file' }, kind === 'cin'
      ? 'Or check a census file from another system: '
      : `Or check a ${year} SSDA903 from another system (its CSV tables, or one XML file): `), file, status),
    results);
}
