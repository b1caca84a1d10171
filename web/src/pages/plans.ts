// The improvement plan: the plan rated red, amber or green with the reason, its workstreams,
// projects and actions (each rated), its measures against the trajectory to their targets, and
// its risks; the board report as a web page or a PDF. Every role reads it (scrutiny members
// included); leaders, managers, auditors and analysts change an item's status, add a value to a
// survey or local measure, and add a risk.
import { h, put, clear, todayIso, ukDate, ukDateTime, number } from '../dom';
import { api, codeList, currentUser } from '../api';
import { field, input, onSubmit, showError, textarea } from '../forms';
import { formatValue } from '../indicators';
import { yearTo } from './audits';

type Rag = 'green' | 'amber' | 'red' | 'complete' | null;
interface Plan { id: number; title: string; status: string; start_date: string; end_date: string | null }
interface Item {
  id: number; parent_id: number | null; kind: string; title: string; lead: string; status: string;
  start_date: string | null; due_date: string | null; completed_date: string | null; evidence: string;
  depends_on: number[]; rag: Rag; reason: string; items: Item[];
}
interface Point { date: string; value: number }
interface Measure {
  id: number; name: string; kind: string; indicator_id: string | null; question: string; unit: string;
  higher_is_better: boolean; baseline: number | null; baseline_computed: boolean; baseline_date: string;
  target: number; target_date: string; tolerance_pct: number; values: Point[]; latest: Point | null;
  expected: number | null; trajectory: Point[]; rag: Rag; reason: string;
}
interface Risk {
  id: number; title: string; owner: string; mitigation: string; status: string; likelihood: number;
  impact: number; score: number; review_date: string | null; review_overdue: boolean; rag: Rag;
}
interface PlanState {
  id: number; title: string; description: string; source: string; lead: string; status: string;
  start_date: string; end_date: string | null; as_of: string; rag: Rag; reason: string;
  counts: { actions: number; complete: number; overdue: number; due_soon: number; blocked: number; measures_off_track: number; open_red_risks: number };
  workstreams: Item[]; measures: Measure[]; risks: Risk[];
}
interface HistoryEntry { actor_id: number | null; at: string; operation: string; version: number; record: Record<string, unknown> | null }

// Who may change the plan from this page.
const WRITERS = ['SENIOR_LEADER', 'TEAM_MANAGER', 'AUDITOR', 'ANALYST', 'ADMIN'];
const KINDS: Record<string, string> = { WORKSTREAM: 'Workstream', PROJECT: 'Project', ACTION: 'Action' };
const LIKELIHOOD = ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'];
const IMPACT = ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'];

// A RAG badge: the rating in words as well as colour.
export function ragBadge(rag: Rag): HTMLElement {
  const label = rag === 'red' ? 'Red' : rag === 'amber' ? 'Amber' : rag === 'green' ? 'Green' : rag === 'complete' ? 'Complete' : 'Not rated';
  return h('span', { class: `rag rag-${rag ?? 'none'}`, 'data-rag': rag ?? '' }, label);
}

// The API's reasons carry ISO dates ("On track, due 2027-01-06"): shown as the pages show dates.
function ukText(s: string): string {
  return s.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (d) => ukDate(d));
}

function fmt(v: number | null | undefined, unit: string): string {
  if (v === null || v === undefined) return '–';
  const s = formatValue(v, unit);
  return unit && !['%', 'count', 'days', 'working days'].includes(unit) ? `${s} ${unit}` : s;
}

interface Ctx {
  state: PlanState; asOf: string; writer: boolean; statuses: Map<string, string>;
  titles: Map<number, string>; refresh: (focus: string, msg: string) => Promise<void>;
}

// The status form of an item: a status, the evidence; COMPLETE dates it today.
function statusForm(item: Item, ctx: Ctx, close: () => void): HTMLElement {
  const status = h('select', { name: 'status', required: true },
    [...ctx.statuses].map(([code, label]) => h('option', { value: code }, label)));
  status.value = item.status;
  const evidence = textarea('evidence', item.evidence ?? '');
  evidence.rows = 3;
  const err = h('p', { class: 'error' });
  const cancel = h('button', { type: 'button' }, 'Cancel');
  cancel.addEventListener('click', close);
  const form = h('form', { class: 'card form status-form', 'data-form': 'item-status' },
    field(`New status of “${item.title}”`, status),
    field('Evidence (optional)', evidence, 'What shows that it is done or progressing.'),
    err, h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Save status'), cancel));
  onSubmit(form, err, async () => {
    const rec = await api<{ version: number; status: string; completed_date: string | null; evidence: string | null }>(`/api/plan-items/${item.id}`);
    const body: Record<string, unknown> = { version: rec.version, status: status.value };
    if (status.value === 'COMPLETE' && (rec.status !== 'COMPLETE' || !rec.completed_date)) body.completed_date = todayIso();
    if (status.value !== 'COMPLETE' && rec.completed_date) body.completed_date = null;
    const ev = evidence.value.trim();
    if (ev !== (rec.evidence ?? '')) body.evidence = ev || null;
    await api(`/api/plan-items/${item.id}`, 'PATCH', body);
    await ctx.refresh(`[data-item="${item.id}"]`, `Status saved: ${ctx.statuses.get(status.value) ?? status.value}.`);
  });
  return form;
}

const HISTORY_FIELDS: [string, string][] = [['status', 'status'], ['title', 'title'], ['lead', 'lead'], ['start_date', 'start'],
  ['due_date', 'due'], ['completed_date', 'completed'], ['evidence', 'evidence']];

async function historyList(item: Item, ctx: Ctx): Promise<HTMLElement> {
  const hist = await api<{ items: HistoryEntry[] }>(`/api/plan-items/${item.id}/history`);
  const show = (k: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return 'none';
    if (k === 'status') return ctx.statuses.get(String(v)) ?? String(v);
    if (k.endsWith('_date')) return ukDate(String(v));
    return String(v);
  };
  let prev: Record<string, unknown> | null = null;
  const rows = hist.items.map((e) => {
    const rec = e.record ?? {};
    const changes = HISTORY_FIELDS.filter(([k]) => (prev ? prev[k] !== rec[k] : k !== 'title' && rec[k] !== null && rec[k] !== undefined && rec[k] !== ''))
      .map(([k, label]) => `${label} ${prev && k !== 'evidence' ? `${show(k, prev[k])} → ` : ''}${show(k, rec[k])}`);
    prev = rec;
    return h('li', null, h('time', { datetime: e.at }, ukDateTime(e.at)), ' ',
      `${e.operation === 'create' ? 'Created' : e.operation === 'delete' ? 'Deleted' : 'Changed'}${e.actor_id ? ` by user ${e.actor_id}` : ''} (version ${e.version})`,
      changes.length ? `: ${changes.join('; ')}` : '');
  });
  return h('div', { class: 'history' }, h('p', null, h('strong', null, `History of “${item.title}”`)),
    rows.length ? h('ul', { class: 'timeline' }, rows.reverse()) : h('p', { class: 'muted' }, 'No history recorded.'));
}

function itemEl(item: Item, ctx: Ctx): HTMLElement {
  const meta = [
    item.due_date ? `Due ${ukDate(item.due_date)}` : 'No due date',
    item.lead ? `Lead: ${item.lead}` : '',
    ctx.statuses.get(item.status) ?? item.status,
    item.completed_date ? `Completed ${ukDate(item.completed_date)}` : '',
  ].filter(Boolean).join(' · ');
  const panel = h('div', { class: 'item-panel' });
  const buttons: HTMLButtonElement[] = [];
  const toggle = (label: string, build: () => Promise<HTMLElement>): HTMLButtonElement => {
    const b = h('button', { type: 'button', class: 'link', 'aria-expanded': 'false' }, label);
    b.addEventListener('click', async () => {
      const opened = b.getAttribute('aria-expanded') === 'true';
      for (const o of buttons) o.setAttribute('aria-expanded', 'false');
      clear(panel);
      if (opened) return;
      b.setAttribute('aria-expanded', 'true');
      try {
        panel.append(await build());
        (panel.querySelector('select, textarea') as HTMLElement | null)?.focus();
      } catch (e) {
        const msg = h('p', { class: 'error' });
        showError(msg, e);
        panel.append(msg);
      }
    });
    buttons.push(b);
    return b;
  };
  const close = (): void => {
    for (const o of buttons) o.setAttribute('aria-expanded', 'false');
    clear(panel);
    buttons[0]?.focus();
  };
  if (ctx.writer) toggle('Change status', async () => statusForm(item, ctx, close));
  toggle('History', () => historyList(item, ctx));
  for (const b of buttons) b.setAttribute('aria-label', `${b.textContent} of “${item.title}”`);

  const body = [
    h('p', { class: 'item-meta' }, meta, item.reason && item.rag !== 'complete' ? h('span', { class: 'reason' }, ` — ${ukText(item.reason)}`) : null),
    item.depends_on.length ? h('p', { class: 'muted' }, `Waits for: ${item.depends_on.map((d) => ctx.titles.get(d) ?? `item ${d}`).join('; ')}`) : null,
    item.evidence ? h('p', { class: 'evidence' }, h('strong', null, 'Evidence: '), item.evidence) : null,
    h('div', { class: 'item-controls' }, buttons),
    panel,
  ];
  const title = [h('span', { class: 'kind' }, `${KINDS[item.kind] ?? item.kind}: `), h('strong', { class: 'item-title' }, item.title), ' ', ragBadge(item.rag)];
  const children = item.items.length ? h('ul', { class: 'plan-tree' }, item.items.map((c) => h('li', null, itemEl(c, ctx)))) : null;
  if (item.kind === 'ACTION' && !item.items.length) {
    return h('div', { class: 'plan-item kind-action', 'data-item': item.id }, h('p', { class: 'item-head' }, title), body);
  }
  // Workstreams open; a project open while it needs attention (red, amber or not rated).
  const open = item.kind === 'WORKSTREAM' || (item.rag !== 'green' && item.rag !== 'complete');
  return h('details', { class: `plan-item kind-${item.kind.toLowerCase()}`, 'data-item': item.id, open },
    h('summary', null, title), body, children);
}

function measureTable(s: PlanState): HTMLElement {
  if (!s.measures.length) return h('p', { class: 'muted' }, 'The plan has no measures.');
  return h('table', { class: 'measures' },
    h('caption', null, `Measures on ${ukDate(s.as_of)}`),
    h('thead', null, h('tr', null, ['Measure', 'Baseline', 'Latest', 'Expected now', 'Target', 'Rating', 'Why'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', null, s.measures.map((m) => h('tr', { 'data-measure': m.id },
      h('th', { scope: 'row' }, m.name, m.question ? h('span', { class: 'muted' }, h('br'), `“${m.question}”`) : null),
      h('td', null, fmt(m.baseline, m.unit), h('br'), h('span', { class: 'muted' }, `${ukDate(m.baseline_date)}${m.baseline_computed ? ', from the record' : ''}`)),
      h('td', null, m.latest ? [fmt(m.latest.value, m.unit), h('br'), h('span', { class: 'muted' }, ukDate(m.latest.date))] : 'No value yet'),
      h('td', null, fmt(m.expected, m.unit)),
      h('td', null, fmt(m.target, m.unit), h('br'), h('span', { class: 'muted' }, `by ${ukDate(m.target_date)}`)),
      h('td', null, ragBadge(m.rag)),
      h('td', null, ukText(m.reason))))));
}

function valueForm(m: Measure, ctx: Ctx): HTMLElement {
  const today = todayIso();
  const date = input('value_date', 'date', today, { required: true, max: today });
  const value = input('value', 'number', '', { required: true, step: 'any' });
  const respondents = m.kind === 'CHILD_VOICE' ? input('respondents', 'number', '', { min: '0', step: '1' }) : null;
  const source = input('source', 'text', '', { maxlength: '400' });
  const err = h('p', { class: 'error' });
  const form = h('form', { class: 'value-form', 'data-form': 'measure-value' },
    field('Date the value describes', date), field(`Value${m.unit ? ` (${m.unit})` : ''}`, value),
    respondents ? field('Children and young people who answered', respondents) : null,
    field('Source (optional)', source, m.kind === 'CHILD_VOICE' ? 'For example the survey and its year.' : ''),
    err, h('button', { type: 'submit' }, 'Add value'));
  onSubmit(form, err, async () => {
    await api('/api/measure-values', 'POST', {
      measure_id: m.id, value_date: date.value, value: Number(value.value),
      respondents: respondents?.value ? Number(respondents.value) : null, source: source.value.trim() || null,
    });
    await ctx.refresh(`[data-measure-card="${m.id}"]`, `Value ${fmt(Number(value.value), m.unit)} for ${ukDate(date.value)} added.`);
  });
  return h('details', { class: 'add' }, h('summary', null, `Add a value to “${m.name}”`), form);
}

function measureCards(ctx: Ctx): { el: HTMLElement; charts: [HTMLElement, Measure][] } {
  const charts: [HTMLElement, Measure][] = [];
  const cards = ctx.state.measures.map((m) => {
    const chartEl = h('div', { class: 'chart small', role: 'figure', 'aria-label': `${m.name}: the values so far, the trajectory from the baseline to the target, and the target (the figures are in the table above)` });
    charts.push([chartEl, m]);
    return h('section', { class: 'card measure', 'data-measure-card': m.id, 'aria-labelledby': `measure-${m.id}` },
      h('h3', { id: `measure-${m.id}` }, m.name),
      h('p', null, ragBadge(m.rag), ' ', ukText(m.reason),
        m.latest ? `: ${fmt(m.latest.value, m.unit)} on ${ukDate(m.latest.date)} against ${fmt(m.expected, m.unit)} expected.` : '.'),
      chartEl,
      ctx.writer && (m.kind === 'CHILD_VOICE' || m.kind === 'LOCAL') ? valueForm(m, ctx) : null);
  });
  return { el: h('div', { class: 'measure-cards' }, cards), charts };
}

// Each measure's chart is drawn as it comes near the screen: the measures sit below the plan's
// items, and drawing seven charts before the page is usable would double the wait.
function drawCharts(charts: [HTMLElement, Measure][]): void {
  if (!charts.length) return;
  // charts.ts registers the line chart and the components with ECharts.
  const lib = Promise.all([import('../charts'), import('echarts/core')]).then(([, echarts]) => echarts);
  const byEl = new Map(charts);
  const io = new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (!e.isIntersecting) continue;
      io.unobserve(e.target);
      const el = e.target as HTMLElement, m = byEl.get(el);
      if (m && el.isConnected) void lib.then((echarts) => draw(echarts, el, m));
    }
  }, { rootMargin: '400px 0px' });
  for (const [el] of charts) io.observe(el);
}

function draw(echarts: typeof import('echarts/core'), el: HTMLElement, m: Measure): void {
  const chart = echarts.init(el, undefined, { renderer: 'svg' });
  chart.setOption({
    color: ['#1d70b8', '#505a5f', '#00703c'],
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 48, right: 16, top: 16, bottom: 56 },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', scale: true },
    series: [
      { name: 'Value', type: 'line', data: m.values.map((v) => [v.date, v.value]), symbolSize: 5 },
      { name: 'Trajectory', type: 'line', data: m.trajectory.map((v) => [v.date, v.value]), symbol: 'none', lineStyle: { type: 'dashed' } },
      { name: 'Target', type: 'line', data: [[m.baseline_date, m.target], [m.target_date, m.target]], symbol: 'none', lineStyle: { type: 'dotted', width: 2 } },
    ],
  });
  new ResizeObserver(() => chart.resize()).observe(el);
}

function riskTable(s: PlanState): HTMLElement {
  if (!s.risks.length) return h('p', { class: 'muted' }, 'No risk is recorded for the plan.');
  return h('table', { class: 'risks' },
    h('caption', null, 'Risks, the highest score first (score = likelihood × impact, each 1 to 5)'),
    h('thead', null, h('tr', null, ['Risk', 'Owner', 'Score', 'Rating', 'Status', 'Next review', 'Mitigation']
      .map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', null, s.risks.map((r) => h('tr', { 'data-risk': r.id },
      h('th', { scope: 'row' }, r.title),
      h('td', null, r.owner),
      h('td', null, h('strong', null, r.score), h('br'),
        h('span', { class: 'muted' }, `likelihood ${r.likelihood} (${(LIKELIHOOD[r.likelihood - 1] ?? '').toLowerCase()}) × impact ${r.impact} (${(IMPACT[r.impact - 1] ?? '').toLowerCase()})`)),
      h('td', null, ragBadge(r.rag)),
      h('td', null, r.status === 'OPEN' ? 'Open' : r.status === 'CLOSED' ? 'Closed' : r.status),
      h('td', null, ukDate(r.review_date) || 'Not set', r.review_overdue ? h('span', { class: 'flag' }, ' overdue') : null),
      h('td', null, r.mitigation)))));
}

function scaleSelect(name: string, words: string[]): HTMLSelectElement {
  return h('select', { name, required: true }, h('option', { value: '' }, 'Choose…'),
    words.map((w, i) => h('option', { value: i + 1 }, `${i + 1}: ${w}`)));
}

function riskForm(ctx: Ctx): HTMLElement {
  const title = input('title', 'text', '', { required: true, maxlength: '400' });
  const description = textarea('description');
  description.rows = 2;
  const owner = input('owner', 'text', '', { maxlength: '200' });
  const likelihood = scaleSelect('likelihood', LIKELIHOOD);
  const impact = scaleSelect('impact', IMPACT);
  const mitigation = textarea('mitigation');
  mitigation.rows = 2;
  const review = input('review_date', 'date', '');
  const err = h('p', { class: 'error' });
  const form = h('form', { class: 'card form', 'data-form': 'risk' },
    field('The risk', title), field('Cause and effect (optional)', description), field('Owner', owner),
    field('Likelihood', likelihood), field('Impact', impact), field('Mitigation', mitigation), field('Next review', review),
    err, h('button', { type: 'submit', class: 'primary' }, 'Add risk'));
  onSubmit(form, err, async () => {
    await api('/api/plan-risks', 'POST', {
      plan_id: ctx.state.id, title: title.value.trim(), description: description.value.trim() || null,
      owner: owner.value.trim() || null, likelihood: Number(likelihood.value), impact: Number(impact.value),
      mitigation: mitigation.value.trim() || null, status: 'OPEN', review_date: review.value || null,
    });
    await ctx.refresh('#plan-risks', `Risk “${title.value.trim()}” added.`);
  });
  return h('details', { class: 'add' }, h('summary', null, 'Add a risk'), form);
}

// Open or close every workstream and project at once.
function treeButtons(): HTMLElement {
  const all = (open: boolean) => () => {
    for (const d of document.querySelectorAll<HTMLDetailsElement>('details.plan-item')) d.open = open;
  };
  return h('div', { class: 'actions' },
    h('button', { type: 'button', onclick: all(true) as EventListener }, 'Open every workstream and project'),
    h('button', { type: 'button', onclick: all(false) as EventListener }, 'Close every workstream and project'));
}

function titlesOf(items: Item[], out = new Map<number, string>()): Map<number, string> {
  for (const i of items) {
    out.set(i.id, i.title);
    titlesOf(i.items, out);
  }
  return out;
}

// The board report for the 12 months to the page's date.
function reportLinks(asOf: string): HTMLElement {
  const q = `period=${yearTo(asOf)}..${asOf}&as_of=${asOf}`;
  return h('div', { class: 'report-links' },
    h('p', { class: 'actions' },
      h('a', { href: `/api/board-report?${q}`, target: '_blank', rel: 'noopener', 'data-report': 'html' }, 'Board report (web page)'),
      h('a', { href: `/api/board-report?${q}&format=pdf`, download: `board-report-${asOf}.pdf`, 'data-report': 'pdf' }, 'Board report (PDF)')),
    h('p', { class: 'hint' }, `The report covers the 12 months to ${ukDate(asOf)}: the web page opens in a new tab, the PDF is downloaded.`));
}

async function renderPlan(box: HTMLElement, id: number, asOf: string): Promise<void> {
  const [s, statusList] = await Promise.all([
    api<PlanState>(`/api/improvement-plans/${id}/status?as_of=${asOf}`),
    codeList('plan_item_status'),
  ]);
  const ctx: Ctx = {
    state: s, asOf, writer: WRITERS.includes(currentUser?.role ?? ''),
    statuses: new Map(statusList.codes.map((c) => [c.code, c.label])),
    titles: titlesOf(s.workstreams),
    refresh: async (focus, msg) => {
      await renderPlan(box, id, asOf);
      const target = box.querySelector(focus);
      for (let p = target?.parentElement; p && p !== box; p = p.parentElement) if (p instanceof HTMLDetailsElement) p.open = true;
      const note = h('p', { class: 'saved', role: 'status', tabindex: '-1' }, msg);
      if (target instanceof HTMLDetailsElement) target.querySelector(':scope > summary')!.after(note);
      else if (target) target.prepend(note);
      else box.prepend(note);
      note.focus();
    },
  };
  const c = s.counts;
  const measures = measureCards(ctx);
  clear(box);
  put(box,
    h('div', { class: 'card plan-head', 'data-plan': s.id },
      h('h2', null, s.title),
      h('p', { class: 'plan-rag' }, ragBadge(s.rag), ' ', ukText(s.reason)),
      h('p', { class: 'muted' }, [s.source, s.lead ? `Led by ${s.lead}` : '',
        `${ukDate(s.start_date)}${s.end_date ? ` to ${ukDate(s.end_date)}` : ''}`,
        s.status === 'ACTIVE' ? 'Active' : s.status === 'DRAFT' ? 'Draft' : s.status === 'CLOSED' ? 'Closed' : s.status,
        `rated on ${ukDate(s.as_of)}`].filter(Boolean).join(' · ')),
      s.description ? h('p', null, s.description) : null,
      h('dl', { class: 'figures' },
        [['Actions complete', `${number.format(c.complete)} of ${number.format(c.actions)}`, 'complete'], ['Overdue', c.overdue, 'overdue'],
          ['Due in the next 14 days', c.due_soon, 'due-soon'], ['Blocked', c.blocked, 'blocked'],
          ['Measures off trajectory', `${c.measures_off_track} of ${s.measures.length}`, 'measures-off-track'], ['Open red risks', c.open_red_risks, 'red-risks'],
        ].map(([label, v, key]) => h('div', null, h('dt', null, label), h('dd', { 'data-figure': key }, typeof v === 'number' ? number.format(v) : v)))),
      reportLinks(asOf)),
    h('h2', null, 'Workstreams, projects and actions'),
    s.workstreams.length ? [treeButtons(), h('ul', { class: 'plan-tree top' }, s.workstreams.map((w) => h('li', null, itemEl(w, ctx))))]
      : h('p', { class: 'muted' }, 'The plan has no workstreams yet.'),
    h('h2', null, 'Measures'),
    measureTable(s),
    measures.el,
    h('section', { id: 'plan-risks', 'aria-labelledby': 'plan-risks-title' },
      h('h2', { id: 'plan-risks-title' }, 'Risks'),
      riskTable(s),
      ctx.writer ? riskForm(ctx) : null));
  drawCharts(measures.charts);
}

export async function plansPage(main: HTMLElement, params: URLSearchParams, arg: string): Promise<void> {
  const plans = (await api<{ items: Plan[] }>('/api/improvement-plans?limit=1000')).items;
  main.append(h('h1', null, 'Improvement plan'));
  if (!plans.length) {
    main.append(h('p', { class: 'muted' }, 'No improvement plan is recorded yet.'));
    return;
  }
  const chosen = plans.find((p) => String(p.id) === arg) ?? plans.find((p) => p.status === 'ACTIVE') ?? plans[0];
  const asOf = params.get('as_of') || todayIso();
  const pick = h('select', { name: 'plan' }, plans.map((p) => h('option', { value: p.id },
    `${p.title} (${p.status === 'ACTIVE' ? 'active' : p.status === 'DRAFT' ? 'draft' : 'closed'}, from ${ukDate(p.start_date)})`)));
  pick.value = String(chosen.id);
  const date = input('as_of', 'date', asOf, { required: true });
  const controls = h('form', { class: 'inline', 'aria-label': 'Plan and date' },
    plans.length > 1 ? field('Plan', pick) : null, field('Rated on', date), h('button', { type: 'submit' }, 'Show'));
  controls.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = `#/plans/${pick.value}?${new URLSearchParams({ as_of: date.value })}`;
  });
  const box = h('div', { id: 'plan' });
  put(main, controls, box);
  await renderPlan(box, chosen.id, asOf);
}
