// Bulk case review: every open case and every case closed recently, checked for drift, the most
// worrying first; a manager records a decision on each (confirmed, reopened, escalated, no
// concern) without leaving the list.
import { h, put, todayIso, ukDate } from '../dom';
import { api, currentUser } from '../api';
import { field, onSubmit, select, textarea, values } from '../forms';

interface Flag { rule: string; detail: string; due: string | null }
interface ReviewCase {
  child_id: number; la_child_id: string; name: string; status: string; priority: number;
  referral_id: number; referral_date: string; closure_date: string | null; worker_name: string;
  team_name: string; last_seen: string | null; outcome: string | null; outcome_date: string | null;
  flags: Flag[];
}
interface Rule { id: string; name: string; description: string; weight: number; cases: number }
interface Review {
  as_of: string; closed_months: number; open_cases: number; closed_cases: number; rules: Rule[];
  spikes: { week: string; closed: number; usual: number }[]; cases: ReviewCase[]; refreshing?: boolean;
}

const OUTCOMES: Record<string, string> = {
  CONFIRMED: 'Drift confirmed', REOPENED: 'Reopened', ESCALATED: 'Escalated', NO_CONCERN: 'No concern',
};

async function decisionForm(c: ReviewCase, names: Map<string, string>, row: HTMLElement): Promise<HTMLElement> {
  const outcome = await select('outcome', 'review_outcome', '', 'Choose a decision…');
  outcome.required = true;
  const notes = textarea('notes');
  notes.rows = 2;
  const err = h('p', { class: 'error' });
  const form = h('form', { class: 'decision' },
    field('Decision', outcome), field('Why, and the actions agreed', notes),
    h('button', { type: 'submit' }, 'Record decision'), err);
  onSubmit(form, err, async () => {
    const v = values(form);
    await api('/api/review-outcomes', 'POST', {
      child_id: c.child_id, referral_id: c.referral_id, reviewer_id: currentUser?.worker_id ?? null,
      review_date: todayIso(), rules: [...new Set(c.flags.map((f) => f.rule))].join(','),
      outcome: v.outcome, notes: v.notes || null,
    });
    c.outcome = String(v.outcome);
    c.outcome_date = todayIso();
    row.replaceWith(caseRow(c, names));
  });
  return form;
}

function caseRow(c: ReviewCase, names: Map<string, string>): HTMLElement {
  const decided = c.outcome ? h('span', { class: 'outcome' }, `${OUTCOMES[c.outcome] ?? c.outcome}, ${ukDate(c.outcome_date)}`) : null;
  const button = h('button', { type: 'button', class: 'link' }, c.outcome ? 'Change decision' : 'Record decision');
  const row = h('tr', { 'data-child': c.child_id, class: c.outcome ? 'reviewed' : '' },
    h('td', { class: 'num' }, c.priority),
    h('th', { scope: 'row' }, h('a', { href: `#/child/${c.child_id}` }, c.name), h('br'), h('span', { class: 'muted' }, c.la_child_id)),
    h('td', null, c.status, c.closure_date ? ` on ${ukDate(c.closure_date)}` : ''),
    h('td', null, c.worker_name || h('span', { class: 'flag' }, 'none'), c.team_name ? h('br') : null, c.team_name ? h('span', { class: 'muted' }, c.team_name) : null),
    h('td', null, h('ul', { class: 'findings' }, c.flags.map((f) => h('li', null, h('strong', null, names.get(f.rule) ?? f.rule), ': ', f.detail)))),
    h('td', null, decided, decided ? h('br') : null, button));
  button.addEventListener('click', async () => {
    button.disabled = true;
    const cell = button.parentElement!;
    cell.append(await decisionForm(c, names, row));
  });
  return row;
}

export async function reviewPage(main: HTMLElement, params: URLSearchParams): Promise<void> {
  const months = params.get('closed_months') ?? '6';
  const review = await api<Review>(`/api/case-review?closed_months=${encodeURIComponent(months)}`);
  const names = new Map(review.rules.map((r) => [r.id, r.name]));
  const rule = params.get('rule') ?? '';
  const pending = params.get('pending') === '1';
  const shown = review.cases.filter((c) => (!rule || c.flags.some((f) => f.rule === rule)) && (!pending || !c.outcome));

  const pick = h('select', { id: 'rule-pick' }, h('option', { value: '' }, 'Every finding'),
    review.rules.map((r) => h('option', { value: r.id }, `${r.name} (${r.cases})`)));
  pick.value = rule;
  const onlyPending = h('input', { type: 'checkbox', id: 'pending-pick' }) as HTMLInputElement;
  onlyPending.checked = pending;
  const go = (): void => {
    const q = new URLSearchParams({ closed_months: months });
    if (pick.value) q.set('rule', pick.value);
    if (onlyPending.checked) q.set('pending', '1');
    location.hash = `#/review?${q}`;
  };
  pick.addEventListener('change', go);
  onlyPending.addEventListener('change', go);

  put(main, h('h1', null, 'Case review'),
    h('p', { class: 'lede' },
      `On ${ukDate(review.as_of)}: ${review.open_cases} open cases and ${review.closed_cases} closed in the last ${review.closed_months} months checked; `,
      h('strong', null, `${review.cases.length} need a look`), `, ${review.cases.filter((c) => !c.outcome).length} without a decision yet.`,
      review.refreshing ? ' (The record has changed: newer findings are being worked out.)' : ''),
    review.spikes.map((s) => h('p', { class: 'alert', role: 'note' },
      `Mass closure: ${s.closed} long-open cases were closed in the week of ${ukDate(s.week)}, where ${s.usual} is usual. Each is listed below for review.`)),
    h('table', { class: 'rules' },
      h('caption', null, 'What the review looks for'),
      h('thead', null, h('tr', null, ['Finding', 'What it means', 'Cases'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', null, review.rules.map((r) => h('tr', null, h('th', { scope: 'row' }, r.name), h('td', null, r.description), h('td', { class: 'num' }, r.cases))))),
    h('div', { class: 'filters' },
      h('label', { for: 'rule-pick' }, 'Show '), pick, ' ',
      onlyPending, h('label', { for: 'pending-pick' }, ' only cases without a decision')),
    shown.length ? caseTable(shown, names) : h('p', { class: 'muted' }, 'No case to show.'));
}

// The first 100 cases at once (the list of a county runs to thousands), the rest on request.
const PAGE = 100;
function caseTable(cases: ReviewCase[], names: Map<string, string>): HTMLElement {
  const body = h('tbody', null, cases.slice(0, PAGE).map((c) => caseRow(c, names)));
  const more = h('button', { type: 'button' }, `Show all ${cases.length} cases`);
  more.addEventListener('click', () => {
    body.append(...cases.slice(PAGE).map((c) => caseRow(c, names)));
    more.remove();
  });
  return h('div', null,
    h('table', { class: 'review' },
      h('thead', null, h('tr', null, ['Priority', 'Child', 'Status', 'Worker', 'Findings', 'Decision'].map((t) => h('th', { scope: 'col' }, t)))),
      body),
    cases.length > PAGE ? more : null);
}
