// The child's record: who the child is, what is due and overdue, the whole journey as a
// timeline, and forms for the common steps (visit, assessment, plan review, placement change)
// that carry forward what the record already knows. Drafts are kept as the user types.
import { put, h, ukDate, ukDateTime, ageYears, todayIso } from '../dom';
import { api, codeLabel, codeList, currentUser } from '../api';
import { field, input, keepDraft, onSubmit, select, textarea, values } from '../forms';

type Rec = Record<string, any> & { id: number; version: number };
interface ChildRecord { child: Rec; [table: string]: Rec | Rec[] }
interface Due { kind: string; what: string; due: string; days: number; overdue: boolean; visit: boolean; entity: string; record_id: number }
interface Summary { status: string; last_seen: string | null; overdue: number; not_seen_in_time: boolean; due: Due[] }

interface Event { date: string; kind: string; title: string; detail: string }

function list(r: ChildRecord, table: string): Rec[] {
  return (r[table] as Rec[] | undefined) ?? [];
}

function open(rec: Rec, end = 'end_date'): boolean {
  return !rec[end] || rec[end] > todayIso();
}

async function timeline(r: ChildRecord): Promise<Event[]> {
  const ev: Event[] = [];
  const add = (date: string | null | undefined, kind: string, title: string, detail = '') => {
    if (date) ev.push({ date: date.slice(0, 10), kind, title, detail });
  };
  for (const c of list(r, 'contacts')) {
    add(c.received_at, 'contact', 'Contact received', `${await codeLabel('referral_source', c.source)}: ${c.concern ?? ''}`);
    if (c.decided_at) add(c.decided_at, 'contact', `Front Door decision: ${await codeLabel('contact_decision', c.decision)}`, c.decision_reason ?? '');
  }
  for (const x of list(r, 'mash_checks')) add(x.requested_at, 'contact', `MASH check: ${await codeLabel('mash_agency', x.agency)}`, await codeLabel('mash_check_outcome', x.outcome));
  for (const x of list(r, 'early_help_episodes')) add(x.start_date, 'early', 'Early help started', x.lead_professional ?? '');
  for (const x of list(r, 'referrals')) {
    add(x.referral_date, 'referral', 'Referral', `${await codeLabel('referral_source', x.source)}${x.nfa ? ' — no further action' : ''}`);
    if (x.closure_date) add(x.closure_date, 'referral', 'Case closed', await codeLabel('cin_closure_reason', x.closure_reason));
  }
  for (const x of list(r, 'assessments')) {
    add(x.start_date, 'assessment', 'Assessment started');
    if (x.authorised_date) add(x.authorised_date, 'assessment', 'Assessment completed', await codeLabel('assessment_outcome', x.outcome));
  }
  for (const x of list(r, 'strategy_discussions')) add(x.discussion_date, 'cp', 'Strategy discussion', x.s47_required ? 'Section 47 enquiry needed' : 'No section 47 enquiry');
  for (const x of list(r, 's47_enquiries')) add(x.start_date, 'cp', 'Section 47 enquiry started');
  for (const x of list(r, 'cp_conferences')) add(x.conference_date, 'cp', await codeLabel('cp_conference_type', x.conference_type), x.plan_decided ? 'Child protection plan decided' : '');
  for (const x of list(r, 'cp_plans')) {
    add(x.start_date, 'cp', 'Child protection plan started', await codeLabel('category_of_abuse', x.initial_category));
    if (x.end_date) add(x.end_date, 'cp', 'Child protection plan ended');
  }
  for (const x of list(r, 'cin_plans')) {
    add(x.start_date, 'cin', 'Child in need plan started');
    if (x.end_date) add(x.end_date, 'cin', 'Child in need plan ended');
  }
  for (const x of list(r, 'plan_reviews')) add(x.review_date, x.cp_plan_id ? 'cp' : 'cin', x.cp_plan_id ? 'Child protection review' : 'Child in need plan review', x.summary ?? '');
  for (const x of list(r, 'visits')) add(x.visit_date, 'visit', await codeLabel('visit_type', x.visit_type),
    x.child_seen ? (x.child_seen_alone ? 'Child seen, and seen alone' : 'Child seen') : 'Child not seen');
  for (const x of list(r, 'cla_episodes')) {
    add(x.start_date, 'cla', x.reason_new_episode === 'S' ? 'Started to be looked after' : 'Placement', `${await codeLabel('placement_type', x.placement_type)} · ${await codeLabel('legal_status', x.legal_status)}`);
    if (x.end_date && x.reason_ceased !== 'X1') add(x.end_date, 'cla', 'Ceased to be looked after', await codeLabel('reason_episode_ceased', x.reason_ceased));
  }
  for (const x of list(r, 'cla_reviews')) add(x.review_date, 'cla', 'Looked-after review', await codeLabel('review_participation', x.participation));
  for (const x of list(r, 'missing_episodes')) add(x.start_date, 'cla', 'Missing from placement');
  for (const x of list(r, 'allocations')) add(x.start_date, 'alloc', 'Allocated', x.reason ?? '');
  // Case file audits, with each theme's grade: the worker sees what the auditor found.
  for (const x of list(r, 'case_audits')) {
    const what = x.moderates_id ? 'Audit moderated' : x.reaudit_of_id ? 'Case re-audited' : 'Case file audit';
    const parts = [`Overall ${await codeLabel('audit_grade', x.grade)}`];
    for (const g of list(r, 'audit_theme_grades').filter((t) => t.audit_id === x.id)) {
      parts.push(`${g.theme}: ${await codeLabel('audit_grade', g.grade)}`);
    }
    if (x.findings) parts.push(x.findings);
    add(x.audit_date, 'audit', what, parts.join('. '));
  }
  for (const x of list(r, 'audit_actions')) {
    if (x.completed_date) add(x.completed_date, 'audit', 'Audit action done', x.action);
    else add(x.due_date, 'audit', 'Audit action due', x.action);
  }
  ev.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  return ev;
}

function dueList(s: Summary): HTMLElement {
  if (!s.due.length) return h('p', { class: 'muted' }, 'Nothing statutory is due for this child.');
  return h('ul', { class: 'due' }, s.due.map((d) => h('li', { class: d.overdue ? 'overdue' : d.days <= 5 ? 'soon' : '' },
    h('strong', null, d.overdue ? `Overdue by ${-d.days} day${d.days === -1 ? '' : 's'}` : d.days === 0 ? 'Due today' : `Due in ${d.days} day${d.days === 1 ? '' : 's'}`),
    ` — ${d.what}, ${ukDate(d.due)}`)));
}

// The form dialogs; each resolves after a successful save.
async function visitForm(r: ChildRecord, s: Summary, done: () => void): Promise<HTMLElement> {
  const type = s.status === 'Looked after' ? 'CLA' : s.status === 'Child protection plan' ? 'CP' : 'CIN';
  const form = h('form', { class: 'card form', 'data-form': 'visit' },
    h('h3', null, 'Record a visit'),
    field('Type of visit', await select('visit_type', 'visit_type', type)),
    field('Date of visit', input('visit_date', 'date', todayIso(), { required: true, max: todayIso() })),
    field('The child was seen', input('child_seen', 'checkbox', 'true')),
    field('The child was seen alone', input('child_seen_alone', 'checkbox', 'false')),
    field("What was seen and heard, and the child's wishes and feelings", textarea('notes')));
  const err = h('p', { class: 'error' });
  const draft = keepDraft(form, `child:${r.child.id}:visit`);
  form.append(err, draft.status, h('button', { type: 'submit', class: 'primary' }, 'Save visit'));
  onSubmit(form, err, async () => {
    await api('/api/visits', 'POST', { ...values(form), child_id: r.child.id, worker_id: currentUser?.worker_id ?? undefined });
    draft.clear();
    done();
  });
  return form;
}

async function assessmentForm(r: ChildRecord, done: () => void): Promise<HTMLElement | null> {
  const openA = list(r, 'assessments').find((a) => !a.authorised_date);
  const openRef = list(r, 'referrals').filter((x) => open(x, 'closure_date') && !x.nfa).pop();
  const err = h('p', { class: 'error' });
  if (openA) {
    // Carry forward: the first visit since the assessment began where the child was seen.
    const seen = list(r, 'visits').filter((v) => v.child_seen && v.visit_date >= openA.start_date)
      .sort((a, b) => (a.visit_date < b.visit_date ? -1 : 1));
    const form = h('form', { class: 'card form', 'data-form': 'assessment' },
      h('h3', null, `Complete the assessment started ${ukDate(openA.start_date)}`),
      field('Date authorised (completed)', input('authorised_date', 'date', todayIso(), { required: true, min: openA.start_date, max: todayIso() })),
      field('Date the child was first seen', input('child_seen_date', 'date', openA.child_seen_date ?? seen[0]?.visit_date ?? ''),
        seen.length ? `From the visit of ${ukDate(seen[0].visit_date)}.` : 'No visit with the child seen is recorded yet.'),
      field('The child was seen alone', input('child_seen_alone', 'checkbox', String(Boolean(openA.child_seen_alone) || seen.some((v) => v.child_seen_alone)))),
      field('Factors identified', await select('factors', 'assessment_factor', '', '', true), 'Hold Ctrl (or Cmd) to choose several.'),
      field('Outcome', await select('outcome', 'assessment_outcome', openA.outcome ?? '')));
    const draft = keepDraft(form, `child:${r.child.id}:assessment:${openA.id}`);
    form.append(err, draft.status, h('button', { type: 'submit', class: 'primary' }, 'Complete assessment'));
    onSubmit(form, err, async () => {
      const v = values(form);
      if (!v.factors || !(v.factors as string[]).length) delete v.factors;
      await api(`/api/assessments/${openA.id}`, 'PATCH', { ...v, child_seen_alone: v.child_seen_alone, version: openA.version });
      draft.clear();
      done();
    });
    return form;
  }
  if (!openRef) return null;
  const form = h('form', { class: 'card form', 'data-form': 'assessment-start' },
    h('h3', null, `Start an assessment of the referral of ${ukDate(openRef.referral_date)}`),
    field('Start date', input('start_date', 'date', todayIso(), { required: true, min: openRef.referral_date, max: todayIso() })));
  form.append(err, h('button', { type: 'submit', class: 'primary' }, 'Start assessment'));
  onSubmit(form, err, async () => {
    await api('/api/assessments', 'POST', { ...values(form), referral_id: openRef.id, child_id: r.child.id, worker_id: currentUser?.worker_id ?? undefined });
    done();
  });
  return form;
}

function reviewForm(r: ChildRecord, done: () => void): HTMLElement | null {
  const cp = list(r, 'cp_plans').find((p) => open(p));
  const cin = list(r, 'cin_plans').find((p) => open(p));
  const plan = cp ?? cin;
  if (!plan) return null;
  const form = h('form', { class: 'card form', 'data-form': 'review' },
    h('h3', null, `Review the ${cp ? 'child protection' : 'child in need'} plan (since ${ukDate(plan.start_date)})`),
    field('Date of review', input('review_date', 'date', todayIso(), { required: true, max: todayIso() })),
    field('What the review decided', textarea('summary')));
  const err = h('p', { class: 'error' });
  const draft = keepDraft(form, `child:${r.child.id}:review:${plan.id}`);
  form.append(err, draft.status, h('button', { type: 'submit', class: 'primary' }, 'Save review'));
  onSubmit(form, err, async () => {
    await api('/api/plan-reviews', 'POST', { ...values(form), child_id: r.child.id, [cp ? 'cp_plan_id' : 'cin_plan_id']: plan.id });
    draft.clear();
    done();
  });
  return form;
}

async function placementForm(r: ChildRecord, done: () => void): Promise<HTMLElement | null> {
  const current = list(r, 'cla_episodes').find((e) => !e.end_date);
  if (!current) return null;
  const form = h('form', { class: 'card form', 'data-form': 'placement' },
    h('h3', null, `Change of placement (now: ${await codeLabel('placement_type', current.placement_type)} since ${ukDate(current.start_date)})`),
    h('p', { class: 'hint' }, `Legal status ${current.legal_status}, category of need ${current.category_of_need} and the home postcode carry over.`),
    field('Date of the move', input('date', 'date', todayIso(), { required: true, min: current.start_date, max: todayIso() })),
    field('New placement', await select('placement_type', 'placement_type', '')),
    field('Provider', await select('placement_provider', 'placement_provider', current.placement_provider ?? '')),
    field('Postcode of the placement', input('placement_postcode', 'text', '', { autocomplete: 'off' })),
    field('Ofsted URN of the placement', input('provider_urn', 'text', '')),
    field('Reason for the move', await select('reason_place_change', 'reason_place_change', '')),
    field('Same carer, new placement', input('same_carer', 'checkbox', 'false')));
  const err = h('p', { class: 'error' });
  const draft = keepDraft(form, `child:${r.child.id}:placement:${current.id}`);
  form.append(err, draft.status, h('button', { type: 'submit', class: 'primary' }, 'Record the move'));
  onSubmit(form, err, async () => {
    const v = values(form);
    const same = v.same_carer;
    delete v.same_carer;
    await api(`/api/children/${r.child.id}/placement-change`, 'POST',
      { ...v, episode_id: current.id, version: current.version, reason_new_episode: same ? 'T' : 'P' });
    draft.clear();
    done();
  });
  return form;
}

export async function childPage(main: HTMLElement, _p: URLSearchParams, id: string): Promise<void> {
  const [r, s] = await Promise.all([
    api<ChildRecord>(`/api/children/${encodeURIComponent(id)}/record`),
    api<Summary>(`/api/children/${encodeURIComponent(id)}/due`),
    codeList('visit_type'),  // the code lists, fetched alongside
  ]);
  const c = r.child;
  const age = ageYears(c.date_of_birth);
  const reload = () => { void childPage(clearMain(main), _p, id); };
  const actions = h('div', { class: 'actions' });
  const formArea = h('div', { class: 'form-area' });
  const addAction = (label: string, make: () => Promise<HTMLElement | null> | HTMLElement | null) => {
    const b = h('button', { type: 'button' }, label);
    b.addEventListener('click', async () => {
      formArea.replaceChildren();
      const f = await make();
      if (f) {
        formArea.append(f);
        (f.querySelector('input,select,textarea') as HTMLElement | null)?.focus();
      }
    });
    actions.append(b);
  };
  const canWrite = ['SOCIAL_WORKER', 'TEAM_MANAGER', 'FRONT_DOOR', 'IRO', 'ADMIN'].includes(currentUser!.role);
  if (canWrite) {
    addAction('Record a visit', () => visitForm(r, s, reload));
    if (list(r, 'assessments').some((a) => !a.authorised_date) || list(r, 'referrals').some((x) => open(x, 'closure_date') && !x.nfa))
      addAction('Assessment', () => assessmentForm(r, reload));
    if (list(r, 'cp_plans').some((p) => open(p)) || list(r, 'cin_plans').some((p) => open(p))) addAction('Plan review', () => reviewForm(r, reload));
    if (list(r, 'cla_episodes').some((e) => !e.end_date)) addAction('Change of placement', () => placementForm(r, reload));
  }
  const events = await timeline(r);
  const allocation = list(r, 'allocations').filter((a) => open(a)).pop();
  put(main, 
    h('p', null, h('a', { href: 'javascript:history.back()' }, '← Back')),
    h('h1', null, `${c.first_name} ${c.last_name}`),
    h('p', { class: 'lede' },
      [c.date_of_birth ? `Born ${ukDate(c.date_of_birth)} (${age} years)` : `Expected ${ukDate(c.expected_date_of_birth)}`,
        `LA id ${c.la_child_id}`, c.upn ? `UPN ${c.upn}` : '', s.status].filter(Boolean).join(' · ')),
    allocation ? h('p', null, `Allocated since ${ukDate(allocation.start_date)}.`) : null,
    h('section', { class: 'card', 'aria-labelledby': 'due-h' },
      h('h2', { id: 'due-h' }, 'Due and overdue'),
      s.last_seen ? h('p', null, `Last seen ${ukDate(s.last_seen)}.`) : h('p', null, 'Not seen on any recorded visit.'),
      dueList(s)),
    actions, formArea,
    h('section', { 'aria-labelledby': 'tl-h' },
      h('h2', { id: 'tl-h' }, 'The journey'),
      h('ol', { class: 'timeline' }, events.map((e) => h('li', { class: `ev ev-${e.kind}` },
        h('time', { datetime: e.date }, ukDate(e.date)), h('strong', null, e.title), e.detail ? h('span', null, ` — ${e.detail}`) : null)))),
    h('p', { class: 'muted' }, `Record read ${ukDateTime(new Date().toISOString())}.`));
}

function clearMain(main: HTMLElement): HTMLElement {
  main.replaceChildren();
  return main;
}
