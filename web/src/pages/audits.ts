// Case file audits: what the period's audits found (grades by theme, month by month), how far
// moderators agreed with the first auditor, what re-audits found and whether the actions set
// were done; and, for auditors and managers, a form to record an audit with its theme grades
// and actions. Scrutiny members, social workers and the Front Door get the figures only.
import { h, put, clear, todayIso, ukDate, shortMonth, monthName, number } from '../dom';
import { api, codeList, currentUser, ApiError } from '../api';
import { field, input, select, textarea, showError } from '../forms';

interface Mix {
  outstanding: number; good: number; requires_improvement: number; inadequate: number;
  total: number; good_or_better_pct: number | null;
}
interface ModeratedAudit {
  audit_id: number; moderation_id: number; child_id: number; moderated_on: string; auditor: string;
  moderator: string; original_grade: string; moderated_grade: string; agree: boolean;
  themes_compared: number; themes_agreed: number;
}
interface Reaudit {
  audit_id: number; reaudit_id: number; child_id: number; reaudited_on: string; before: string;
  after: string; change: number;
}
interface OverdueAction {
  action_id: number; audit_id: number; child_id: number; action: string; owner_id: number;
  owner: string; due_date: string; days_overdue: number;
}
interface AuditSummary {
  from: string; to: string; as_of: string; months: string[]; audits: number; overall: Mix;
  themes: { theme: string; total: Mix; months: Mix[] }[];
  moderation: {
    pairs: number; agreed: number; within_one: number; agreement_pct: number | null;
    within_one_pct: number | null; kappa: number | null; themes_compared: number; themes_agreed: number;
    theme_agreement_pct: number | null; audits?: ModeratedAudit[];
  };
  reaudits: { count: number; improved: number; same: number; worse: number; list?: Reaudit[] };
  actions: { set: number; completed: number; completed_on_time: number; open: number; overdue: number; overdue_list?: OverdueAction[] };
}
interface Template { id: number; name: string; description: string | null; themes: string; active: boolean }
interface Worker { id: number; first_name: string; last_name: string; role: string; end_date: string | null }

// Who may record audits and mark their actions done from this page.
const WRITERS = ['AUDITOR', 'TEAM_MANAGER', 'ADMIN'];
const GRADES: [keyof Mix, string][] = [
  ['outstanding', 'Outstanding'], ['good', 'Good'], ['requires_improvement', 'Requires improvement'], ['inadequate', 'Inadequate'],
];
const GRADE_COLOURS = ['#1d70b8', '#00703c', '#ffbf47', '#b3261e'];
const PAGE = 10;

function pct(v: number | null | undefined): string {
  return v === null || v === undefined ? '–' : `${v.toFixed(1)}%`;
}

// The day after `iso` twelve months earlier: the first day of the 12 months to `iso`.
export function yearTo(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  const ny = next.getUTCFullYear() - 1, nm = next.getUTCMonth();
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  const day = Math.min(next.getUTCDate(), last);
  return `${ny}-${String(nm + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// Cohen's kappa in words: how far the moderators agreed beyond chance.
export function kappaReading(k: number | null): string {
  if (k === null) return 'There are too few moderated audits to measure agreement beyond chance.';
  const value = k.toFixed(2);
  if (k >= 0.6) return `Kappa ${value}: good agreement beyond chance. Auditors and moderators grade alike.`;
  if (k >= 0.4) return `Kappa ${value}: moderate agreement beyond chance. Auditors and moderators often grade alike, but not reliably; a calibration session would help.`;
  return `Kappa ${value}: weak agreement beyond chance. Auditors and moderators grade differently; the grades should be read with care until they are calibrated.`;
}

function figures(items: [string, string | number, string][]): HTMLElement {
  return h('dl', { class: 'figures' }, items.map(([label, value, key]) =>
    h('div', null, h('dt', null, label), h('dd', { 'data-figure': key }, typeof value === 'number' ? number.format(value) : value))));
}

function gradeRow(label: string, m: Mix): HTMLElement {
  return h('tr', null, h('th', { scope: 'row' }, label), h('td', { class: 'num' }, number.format(m.total)),
    GRADES.map(([k]) => h('td', { class: 'num' }, number.format(m[k] as number))),
    h('td', { class: 'num' }, pct(m.good_or_better_pct)));
}

function numHeads(): HTMLElement[] {
  return ['Graded', ...GRADES.map(([, label]) => label), 'Good or better'].map((t) => h('th', { scope: 'col', class: 'num' }, t));
}

function themeTable(s: AuditSummary): HTMLElement {
  return h('table', { class: 'grades', 'data-table': 'themes' },
    h('caption', null, `Audits at each grade, ${ukDate(s.from)} to ${ukDate(s.to)}`),
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Theme'), numHeads())),
    h('tbody', null, s.themes.map((t) => gradeRow(t.theme, t.total))));
}

// The overall grades month by month: a stacked bar chart, with its figures in a table.
function monthlyChart(s: AuditSummary): { el: HTMLElement; draw: () => Promise<void> } {
  const overall = s.themes.find((t) => t.theme === 'Overall') ?? s.themes[0];
  const chartEl = h('div', { class: 'chart', role: 'figure', 'aria-label': 'Overall grades of the audits, month by month (the figures are in the table below)' });
  const table = h('details', null, h('summary', null, 'The figures behind the chart'),
    h('table', { class: 'grades' },
      h('caption', null, 'Overall grades by month'),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Month'), numHeads())),
      h('tbody', null, (overall?.months ?? []).map((m, i) => gradeRow(monthName(s.months[i]), m)))));
  const el = h('div', null, chartEl, table);
  const draw = async (): Promise<void> => {
    if (!overall) return;
    // charts.ts registers the bar chart and the components with ECharts.
    const [, echarts] = await Promise.all([import('../charts'), import('echarts/core')]);
    const chart = echarts.init(chartEl, undefined, { renderer: 'svg' });
    chart.setOption({
      color: GRADE_COLOURS,
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 48, right: 16, top: 16, bottom: 48 },
      xAxis: { type: 'category', data: s.months.map(shortMonth) },
      yAxis: { type: 'value', minInterval: 1 },
      series: GRADES.map(([k, label]) => ({ name: label, type: 'bar', stack: 'grades', data: overall.months.map((m) => m[k]) })),
    });
    new ResizeObserver(() => chart.resize()).observe(chartEl);
  };
  return { el, draw };
}

// A long list shows its first rows, the rest on request.
function longTable(caption: string, heads: string[], rows: HTMLElement[], attrs: Record<string, string> = {}, numCols: number[] = []): HTMLElement {
  const body = h('tbody', null, rows.slice(0, PAGE));
  const more = h('button', { type: 'button' }, `Show all ${rows.length}`);
  more.addEventListener('click', () => {
    body.append(...rows.slice(PAGE));
    more.remove();
  });
  return h('div', null,
    h('table', attrs,
      h('caption', null, caption),
      h('thead', null, h('tr', null, heads.map((t, i) => h('th', { scope: 'col', class: numCols.includes(i) ? 'num' : null }, t)))),
      body),
    rows.length > PAGE ? more : null);
}

function childLink(id: number): HTMLElement {
  return h('a', { href: `#/child/${id}` }, `Child ${id}`);
}

function overdueRow(a: OverdueAction, writer: boolean, status: HTMLElement): HTMLElement {
  const done = writer ? h('button', { type: 'button', 'aria-label': `Mark action ${a.action_id} done` }, 'Mark done') : null;
  const row = h('tr', { 'data-action': a.action_id },
    h('th', { scope: 'row' }, a.action),
    h('td', null, childLink(a.child_id), h('br'), h('span', { class: 'muted' }, `Audit #${a.audit_id}`)),
    h('td', null, a.owner),
    h('td', null, ukDate(a.due_date)),
    h('td', { class: 'num' }, `${number.format(a.days_overdue)} day${a.days_overdue === 1 ? '' : 's'}`),
    writer ? h('td', null, done) : null);
  done?.addEventListener('click', async () => {
    done.disabled = true;
    try {
      const rec = await api<{ version: number }>(`/api/audit-actions/${a.action_id}`);
      await api(`/api/audit-actions/${a.action_id}`, 'PATCH', { version: rec.version, completed_date: todayIso() });
      done.replaceWith(h('span', { class: 'outcome' }, `Done ${ukDate(todayIso())}`));
      row.classList.add('reviewed');
      status.textContent = `Action ${a.action_id} marked done on ${ukDate(todayIso())}.`;
    } catch (e) {
      done.disabled = false;
      showError(status, e);
    }
  });
  return row;
}

async function renderSummary(box: HTMLElement, from: string, to: string): Promise<void> {
  const [s, grades] = await Promise.all([
    api<AuditSummary>(`/api/audits/summary?period=${from}..${to}`),
    codeList('audit_grade'),
  ]);
  const grade = (g: string): string => grades.codes.find((c) => c.code === g)?.label ?? g;
  const role = currentUser?.role ?? '';
  const writer = WRITERS.includes(role);
  const m = s.moderation, r = s.reaudits, a = s.actions;
  const chart = monthlyChart(s);
  const status = h('p', { class: 'muted', role: 'status' });

  // The lists, for the roles that may see them.
  const moderated = m.audits && m.audits.length ? [h('h3', null, 'Moderated audits'),
    h('details', { class: 'list' }, h('summary', null, `The ${m.audits.length} moderated audits, the auditor’s grade beside the moderator’s`),
      h('table', { class: 'moderated' },
        h('caption', null, `${m.audits.length} moderated audits; those where the grades differ are shaded`),
        h('thead', null, h('tr', null, ['Moderated on', 'Child', 'Auditor', 'Moderator', 'Auditor’s grade', 'Moderator’s grade', 'Agreed']
          .map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', null, m.audits.map((x) => h('tr', { class: x.agree ? '' : 'late' },
          h('th', { scope: 'row' }, ukDate(x.moderated_on)),
          h('td', null, childLink(x.child_id), h('br'), h('span', { class: 'muted' }, `Audit #${x.audit_id}, moderation #${x.moderation_id}`)),
          h('td', null, x.auditor), h('td', null, x.moderator),
          h('td', null, grade(x.original_grade)), h('td', null, grade(x.moderated_grade)),
          h('td', null, x.agree ? 'Yes' : h('span', { class: 'flag' }, 'No'), h('br'),
            h('span', { class: 'muted' }, `${x.themes_agreed} of ${x.themes_compared} themes`)))))))] : null;
  const reaudited = r.list && r.list.length ? [h('h3', null, 'Re-audited cases'),
    h('details', { class: 'list' }, h('summary', null, `The ${r.list.length} re-audits, the grade before beside the grade after`),
      h('table', { class: 'reaudits' },
        h('caption', null, `${r.list.length} re-audits`),
        h('thead', null, h('tr', null, ['Re-audited on', 'Child', 'Before', 'After', 'Change'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', null, r.list.map((x) => h('tr', null,
          h('th', { scope: 'row' }, ukDate(x.reaudited_on)),
          h('td', null, childLink(x.child_id), h('br'), h('span', { class: 'muted' }, `Audit #${x.audit_id}, re-audit #${x.reaudit_id}`)),
          h('td', null, grade(x.before)), h('td', null, grade(x.after)),
          h('td', null, x.change > 0 ? 'Improved' : x.change < 0 ? h('span', { class: 'flag' }, 'Worse') : 'Same'))))))] : null;
  const overdue = a.overdue_list ? [h('h3', null, 'Overdue actions'),
    a.overdue_list.length ? longTable(`${a.overdue_list.length} overdue actions, the longest overdue first`,
      ['Action', 'Child', 'Owner', 'Due', 'Overdue by', ...(writer ? ['Done'] : [])],
      a.overdue_list.map((x) => overdueRow(x, writer, status)), { class: 'overdue-actions' }, [4])
      : h('p', { class: 'muted' }, 'No action is overdue.'),
    status] : null;

  clear(box);
  put(box,
    h('p', { class: 'lede' },
      h('strong', { 'data-figure': 'audits' }, number.format(s.audits)), ` audits completed from ${ukDate(s.from)} to ${ukDate(s.to)}; `,
      `${pct(s.overall.good_or_better_pct)} graded good or better.`,
      role === 'SCRUTINY_MEMBER' ? ' Figures only: no child can be identified from this page.' : ''),
    h('h2', null, 'Grades by theme'),
    s.audits ? themeTable(s) : h('p', { class: 'muted' }, 'No audit was completed in this period.'),
    h('h2', null, 'Overall grades month by month'),
    chart.el,
    h('h2', null, 'Moderation'),
    h('p', null, m.pairs
      ? `A second auditor moderated ${number.format(m.pairs)} audits: the overall grades agreed in ${number.format(m.agreed)} (${pct(m.agreement_pct)}) and were within one grade in ${number.format(m.within_one)} (${pct(m.within_one_pct)}). Theme by theme, ${number.format(m.themes_agreed)} of ${number.format(m.themes_compared)} grades agreed (${pct(m.theme_agreement_pct)}).`
      : 'No audit was moderated in this period.'),
    figures([['Moderated', m.pairs, 'moderation-pairs'], ['Agreed', pct(m.agreement_pct), 'agreement'],
      ['Within one grade', pct(m.within_one_pct), 'within-one'], ['Kappa', m.kappa === null ? '–' : m.kappa.toFixed(2), 'kappa']]),
    h('p', { class: 'sentence', 'data-figure': 'kappa-reading' }, kappaReading(m.kappa)),
    moderated,
    h('h2', null, 'Re-audits'),
    h('p', null, r.count
      ? `${number.format(r.count)} cases were audited again after the actions set: ${number.format(r.improved)} improved, ${number.format(r.same)} stayed the same and ${number.format(r.worse)} got worse.`
      : 'No case was re-audited in this period.'),
    reaudited,
    h('h2', null, 'Actions set by the audits'),
    figures([['Set', a.set, 'actions-set'], ['Done', a.completed, 'actions-done'], ['Done on time', a.completed_on_time, 'actions-on-time'],
      ['Open', a.open, 'actions-open'], ['Overdue', a.overdue, 'actions-overdue']]),
    h('p', { class: 'muted' }, `Set and done: the actions of this period’s audits, and how many of those were done. Open and overdue: every action not done on ${ukDate(s.as_of)}, whenever it was set.`),
    overdue);
  await chart.draw();
}

// Every worker still in post, by name (the API lists 1,000 at a time).
async function currentWorkers(): Promise<Worker[]> {
  const out: Worker[] = [];
  let after = 0;
  for (;;) {
    const page = await api<{ items: Worker[]; next_after: number | null }>(`/api/workers?limit=1000${after ? `&after=${after}` : ''}`);
    out.push(...page.items);
    if (!page.next_after) break;
    after = page.next_after;
  }
  const today = todayIso();
  return out.filter((w) => !w.end_date || w.end_date >= today)
    .sort((a, b) => a.last_name.localeCompare(b.last_name) || a.first_name.localeCompare(b.first_name));
}

function workerSelect(name: string, workers: Worker[], roles: Map<string, string>, blank: string): HTMLSelectElement {
  return h('select', { name }, h('option', { value: '' }, blank),
    workers.map((w) => h('option', { value: w.id }, `${w.first_name} ${w.last_name} (${roles.get(w.role) ?? w.role})`)));
}

function themesOf(t: Template | undefined): string[] {
  return (t?.themes ?? '').split(/\r?\n/).map((x) => x.trim()).filter(Boolean);
}

// The form to record an audit: the audit, then its theme grades, then its actions. A save that
// fails part way keeps what was saved and carries on from there when the user saves again.
async function auditForm(onSaved: (msg: string) => Promise<void>): Promise<HTMLElement> {
  const [templates, workers, roleList] = await Promise.all([
    api<{ items: Template[] }>('/api/audit-templates?active=true&limit=1000'),
    currentWorkers(),
    codeList('worker_role'),
  ]);
  const roles = new Map(roleList.codes.map((c) => [c.code, c.label]));
  const me = currentUser?.worker_id ?? null;
  const today = todayIso();

  const child = input('child_id', 'number', '', { required: true, min: '1', step: '1', inputmode: 'numeric' });
  const date = input('audit_date', 'date', today, { required: true, max: today });
  const template = h('select', { name: 'template_id' }, h('option', { value: '' }, 'No template: the overall grade only'),
    templates.items.map((t) => h('option', { value: t.id }, t.name)));
  template.value = String(templates.items[0]?.id ?? '');
  const grade = await select('grade', 'audit_grade', '', 'Choose a grade…');
  grade.required = true;
  const focus = input('theme', 'text', '', { maxlength: '200' });
  const findings = textarea('findings');
  const auditor = me ? null : workerSelect('auditor_id', workers, roles, 'Choose the auditor…');
  if (auditor) auditor.required = true;
  const holder = workerSelect('worker_id', workers, roles, 'Not recorded');

  // First audit, moderation or re-audit, and of which audit.
  const kinds: [string, string][] = [['first', 'A first audit of this case'], ['moderates_id', 'A moderation of audit number…'], ['reaudit_of_id', 'A re-audit of audit number…']];
  const radios = kinds.map(([value], i) => h('input', { type: 'radio', name: 'relation', id: `relation-${value}`, value, checked: i === 0 }) as HTMLInputElement);
  const related = input('related_id', 'number', '', { min: '1', step: '1', inputmode: 'numeric', disabled: true });
  const relation = (): string => radios.find((r) => r.checked)?.value ?? 'first';
  for (const r of radios) {
    r.addEventListener('change', () => {
      related.disabled = relation() === 'first';
      related.required = !related.disabled;
    });
  }
  const relationSet = h('fieldset', null, h('legend', null, 'This audit is'),
    kinds.map(([value, label], i) => h('div', { class: 'field check' }, radios[i], h('label', { for: `relation-${value}` }, label))),
    field('Audit number', related, 'The number of the earlier audit (shown as “Audit #” in the lists above).'));

  // One grade and evidence per theme of the chosen template.
  const themeBox = h('div', { class: 'themes' });
  let themeFields: { theme: string; grade: HTMLSelectElement; evidence: HTMLTextAreaElement }[] = [];
  const drawThemes = async (): Promise<void> => {
    const t = templates.items.find((x) => String(x.id) === template.value);
    themeFields = [];
    clear(themeBox);
    for (const theme of themesOf(t)) {
      const g = await select('theme_grade', 'audit_grade', '', 'Not graded');
      const ev = textarea('theme_evidence');
      ev.rows = 2;
      themeFields.push({ theme, grade: g, evidence: ev });
      themeBox.append(h('fieldset', { class: 'theme', 'data-theme': theme }, h('legend', null, theme),
        field(`Grade for “${theme}”`, g), field(`Evidence for “${theme}”`, ev)));
    }
  };
  template.addEventListener('change', () => void drawThemes().then(() => saveDraft()));
  await drawThemes();

  // Zero or more actions, each with its owner and due date.
  const actionBox = h('div', { class: 'audit-actions' });
  let seq = 0;
  const renumber = (): void => {
    actionBox.querySelectorAll('fieldset legend').forEach((l, i) => { l.textContent = `Action ${i + 1}`; });
  };
  const addAction = (focus = true): void => {
    const n = ++seq;
    const text = textarea('action');
    text.rows = 2;
    text.required = true;
    const owner = workerSelect('owner_id', workers, roles, 'Choose who must do it…');
    owner.required = true;
    const due = input('due_date', 'date', '', { required: true });
    const remove = h('button', { type: 'button', class: 'link' }, 'Remove this action');
    const set = h('fieldset', { class: 'action', 'data-action-row': n }, h('legend', null, 'Action'),
      field('What must be done', text), field('Who must do it', owner), field('By when', due), remove);
    remove.addEventListener('click', () => {
      set.remove();
      renumber();
      saveDraft();
      addButton.focus();
    });
    actionBox.append(set);
    renumber();
    if (focus) text.focus();
  };
  const addButton = h('button', { type: 'button' }, 'Add action');
  addButton.addEventListener('click', () => {
    addAction();
    saveDraft();
  });

  // The draft, kept in the browser as the user types (the form's rows vary, so keepDraft's
  // fields by name do not fit): every control's value in order, the template and the number of
  // actions. It is forgotten once the audit itself is saved, so that it cannot be saved twice.
  const draftKey = `sg-draft:${currentUser?.username}:audit`;
  const draftStatus = h('p', { class: 'draft-status', 'aria-live': 'polite' });
  const controls = (): (HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement)[] =>
    Array.from(form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea'));
  const saveDraft = (): void => {
    if (auditId) return;
    localStorage.setItem(draftKey, JSON.stringify({
      at: Date.now(), template: template.value, actions: actionBox.querySelectorAll('fieldset.action').length,
      values: controls().map((c) => (c instanceof HTMLInputElement && c.type === 'radio' ? c.checked : c.value)),
    }));
    draftStatus.textContent = `Draft saved at ${new Date().toLocaleTimeString('en-GB')}.`;
  };
  const restoreDraft = async (): Promise<void> => {
    const saved = localStorage.getItem(draftKey);
    if (!saved) return;
    try {
      const d = JSON.parse(saved) as { at: number; template: string; actions: number; values: (string | boolean)[] };
      template.value = d.template;
      await drawThemes();
      for (let i = 0; i < d.actions; i++) addAction(false);
      controls().forEach((c, i) => {
        const v = d.values[i];
        if (v === undefined) return;
        if (c instanceof HTMLInputElement && c.type === 'radio') c.checked = v === true;
        else c.value = String(v);
      });
      radios.find((r) => r.checked)?.dispatchEvent(new Event('change'));
      draftStatus.textContent = `Draft restored from ${new Date(d.at).toLocaleTimeString('en-GB')}.`;
    } catch {
      localStorage.removeItem(draftKey);
    }
  };
  const err = h('div', { class: 'error', 'aria-live': 'assertive' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Save audit');
  const form = h('form', { class: 'card form audit-form', 'data-form': 'audit' },
    h('h3', null, 'The audit'),
    field('Child’s record number', child, 'The number in the address of the child’s record (#/child/number).'),
    field('Date of the audit', date),
    field('Template', template),
    field('Overall grade', grade),
    field('Focus of the audit (optional)', focus, 'For example “child seen and heard”.'),
    themeBox,
    field('Findings', findings),
    relationSet,
    auditor ? field('Auditor', auditor) : h('p', null, 'You are recorded as the auditor.'),
    field('Worker holding the case (optional)', holder),
    h('h3', null, 'Actions'),
    h('p', { class: 'hint' }, 'Set an action for each thing that must be done for the child.'),
    actionBox,
    h('div', { class: 'actions' }, addButton),
    err,
    draftStatus,
    submit);
  await restoreDraft();

  // What has been saved so far, for a save that failed part way.
  let auditId = 0;
  let auditChild = 0;
  const savedThemes = new Set<string>();
  const savedActions = new Set<Element>();
  const fail = (where: string, e: unknown, control?: Element | null): void => {
    showError(err, e);
    if (where) err.textContent = `${where}: ${err.textContent}`;
    if (auditId) err.append(h('br'), `Audit #${auditId} is saved; correct the rest and press “Save audit” again to add it.`);
    if (control instanceof HTMLElement) {
      control.setAttribute('aria-invalid', 'true');
      control.focus();
    }
  };
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    err.textContent = '';
    for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    submit.disabled = true;
    try {
      if (!auditId) {
        const body: Record<string, unknown> = {
          child_id: Number(child.value), audit_date: date.value, grade: grade.value,
          auditor_id: me ?? (auditor?.value ? Number(auditor.value) : null),
          worker_id: holder.value ? Number(holder.value) : null,
          template_id: template.value ? Number(template.value) : null,
          theme: focus.value.trim() || null, findings: findings.value.trim() || null,
        };
        if (relation() !== 'first') body[relation()] = related.value ? Number(related.value) : null;
        try {
          const rec = await api<{ id: number; child_id: number }>('/api/case-audits', 'POST', body);
          auditId = rec.id;
          auditChild = rec.child_id;
          localStorage.removeItem(draftKey);
        } catch (e) {
          const name = e instanceof ApiError ? e.field : '';
          const control = name === 'moderates_id' || name === 'reaudit_of_id' ? related
            : name === 'auditor_id' && !auditor ? null : form.querySelector(`[name="${name}"]`);
          fail('', e, control);
          return;
        }
      }
      for (const t of themeFields) {
        if (!t.grade.value || savedThemes.has(t.theme)) continue;
        try {
          await api('/api/audit-theme-grades', 'POST', {
            audit_id: auditId, child_id: auditChild, theme: t.theme, grade: t.grade.value, evidence: t.evidence.value.trim() || null,
          });
          savedThemes.add(t.theme);
        } catch (e) {
          fail(`The grade for “${t.theme}”`, e, t.grade);
          return;
        }
      }
      for (const set of Array.from(actionBox.querySelectorAll('fieldset.action'))) {
        if (savedActions.has(set)) continue;
        const get = (n: string) => set.querySelector(`[name="${n}"]`) as HTMLInputElement | null;
        try {
          await api('/api/audit-actions', 'POST', {
            audit_id: auditId, child_id: auditChild, action: get('action')?.value.trim() ?? '',
            owner_id: get('owner_id')?.value ? Number(get('owner_id')!.value) : null, due_date: get('due_date')?.value || null,
          });
          savedActions.add(set);
        } catch (e) {
          const name = e instanceof ApiError ? e.field : '';
          fail(set.querySelector('legend')?.textContent ?? 'An action', e, name ? get(name) : null);
          return;
        }
      }
      const msg = `Audit #${auditId} of child ${auditChild} recorded with ${savedThemes.size} theme grade${savedThemes.size === 1 ? '' : 's'} and ${savedActions.size} action${savedActions.size === 1 ? '' : 's'}.`;
      await onSaved(msg);
    } finally {
      submit.disabled = false;
    }
  });
  form.addEventListener('input', saveDraft);
  form.addEventListener('change', saveDraft);
  return form;
}

export async function auditsPage(main: HTMLElement, params: URLSearchParams): Promise<void> {
  const today = todayIso();
  const to = params.get('to') || today;
  const from = params.get('from') || yearTo(to);
  const fromIn = input('from', 'date', from, { required: true, id: 'audits-from' });
  const toIn = input('to', 'date', to, { required: true, id: 'audits-to' });
  const period = h('form', { class: 'inline', 'aria-label': 'Period' },
    field('From', fromIn), field('To', toIn), h('button', { type: 'submit' }, 'Show'));
  period.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = `#/audits?${new URLSearchParams({ from: fromIn.value, to: toIn.value })}`;
  });
  const box = h('section', { 'aria-label': 'What the audits found', id: 'audit-summary' });
  put(main, h('h1', null, 'Case file audits'), period, box);
  await renderSummary(box, from, to);

  if (!WRITERS.includes(currentUser?.role ?? '')) return;
  const done = h('p', { class: 'saved', role: 'status', tabindex: '-1' });
  const open = h('button', { type: 'button', class: 'primary', 'aria-expanded': 'false', 'aria-controls': 'audit-form-box' }, 'Record an audit');
  const formBox = h('div', { id: 'audit-form-box' });
  const showForm = async (): Promise<void> => {
    clear(formBox);
    formBox.append(await auditForm(async (msg) => {
      await renderSummary(box, from, to);
      done.textContent = msg;
      await showForm();
      done.focus();
    }));
  };
  open.addEventListener('click', async () => {
    const opened = open.getAttribute('aria-expanded') === 'true';
    open.setAttribute('aria-expanded', String(!opened));
    open.textContent = opened ? 'Record an audit' : 'Close the form';
    if (opened) clear(formBox);
    else {
      open.disabled = true;
      try {
        await showForm();
        (formBox.querySelector('input[name=child_id]') as HTMLInputElement | null)?.focus();
      } catch (e) {
        showError(done, e);
      } finally {
        open.disabled = false;
      }
    }
  });
  put(main, h('section', { 'aria-labelledby': 'record-audit' },
    h('h2', { id: 'record-audit' }, 'Record an audit'), done, open, formBox));
}
