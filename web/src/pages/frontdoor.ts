// The Front Door: record a contact (finding the child's existing record as you type, or
// creating one), ask partner agencies (MASH checks), and decide, with the reason; and the
// queue of contacts awaiting a decision with their age in hours.
import { h, nowLocalInput, nowUtc, localInputToUtc, ukDateTime } from '../dom';
import { api, codeLabel, currentUser } from '../api';
import { field, input, keepDraft, onSubmit, select, textarea, values } from '../forms';
import { Match, matchList, searchAsYouType } from './search';

interface QueueItem { contact_id: number; child_id: number; child_name: string; received_at: string; age_hours: number; source: string; rag: string; checks: number; checks_outstanding: number }

async function queue(): Promise<HTMLElement> {
  const r = await api<{ items: QueueItem[] }>('/api/front-door/queue');
  if (!r.items.length) return h('p', null, 'No contact is awaiting a decision.');
  const rows = [];
  for (const q of r.items) {
    rows.push(h('tr', { class: q.age_hours >= 24 ? 'late' : '', 'data-contact': q.contact_id },
      h('td', null, h('a', { href: `#/front-door/${q.contact_id}` }, q.child_name)),
      h('td', null, ukDateTime(q.received_at)),
      h('td', { class: 'num' }, `${Math.floor(q.age_hours)} h`),
      h('td', null, await codeLabel('referral_source', q.source)),
      h('td', null, q.rag ? h('span', { class: `rag rag-${q.rag.toLowerCase()}` }, q.rag) : '—'),
      h('td', null, q.checks ? `${q.checks - q.checks_outstanding} of ${q.checks} back` : 'none')));
  }
  return h('table', { class: 'queue' },
    h('caption', null, `${r.items.length} contact${r.items.length === 1 ? '' : 's'} awaiting a decision, oldest first (24 hours or more highlighted)`),
    h('thead', null, h('tr', null, ['Child', 'Received', 'Waiting', 'From', 'RAG', 'Agency checks'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', null, rows));
}

async function newContactForm(done: (contactId: number) => void): Promise<HTMLElement> {
  let chosen: Match | null = null;
  const box = h('input', { id: 'fd-search', type: 'search', autocomplete: 'off' }) as HTMLInputElement;
  const results = h('div', { 'aria-live': 'polite', id: 'fd-matches' });
  const chosenEl = h('p', { class: 'chosen', 'aria-live': 'polite' }, 'No child chosen yet.');
  const newChild = h('fieldset', { class: 'new-child', hidden: true },
    h('legend', null, 'A child not known to us'),
    field('First name', input('first_name', 'text', '', { autocomplete: 'off' })),
    field('Last name', input('last_name', 'text', '', { autocomplete: 'off' })),
    field('Date of birth', input('date_of_birth', 'date', '')),
    field('Sex', await select('sex', 'sex', 'U')));
  const choose = (m: Match | null) => {
    chosen = m;
    newChild.hidden = m !== null;
    chosenEl.textContent = m ? `Contact about ${m.first_name} ${m.last_name} (${m.la_child_id}).` : 'A new record will be created for this child.';
  };
  searchAsYouType(box, (items) => {
    if (!items) { results.replaceChildren(); return; }
    const none = h('button', { type: 'button', class: 'link' }, 'None of these: a new child');
    none.addEventListener('click', () => choose(null));
    results.replaceChildren(matchList(items, choose), none);
  });
  const form = h('form', { class: 'card form', 'data-form': 'contact' },
    h('h2', null, 'New contact'),
    h('label', { for: 'fd-search' }, 'Find the child: name, date of birth, UPN'), box, results, chosenEl, newChild,
    field('Received', input('received_at', 'datetime-local', nowLocalInput(), { required: true })),
    field('Who made the contact', await select('source', 'referral_source', '')),
    field('The concern, in the referrer\'s words', textarea('concern')),
    field('MASH RAG rating', await select('rag', 'rag_rating', '', 'Not rated yet')));
  const err = h('p', { class: 'error' });
  const draft = keepDraft(form, 'front-door:new');
  form.append(err, draft.status, h('button', { type: 'submit', class: 'primary' }, 'Record contact'));
  onSubmit(form, err, async () => {
    const v = values(form);
    let childId = (chosen as Match | null)?.id;
    if (!childId) {
      if (!v.first_name || !v.last_name) throw new Error('Choose the child from the matches, or give a new child\'s first and last name.');
      const child = await api<{ id: number }>('/api/children', 'POST', {
        la_child_id: `FD${Date.now().toString(36).toUpperCase()}`, first_name: v.first_name, last_name: v.last_name,
        date_of_birth: v.date_of_birth, sex: v.sex || 'U' });
      childId = child.id;
    }
    const contact = await api<{ id: number }>('/api/contacts', 'POST', {
      child_id: childId, received_at: localInputToUtc(String(v.received_at)), source: v.source, concern: v.concern, rag: v.rag });
    draft.clear();
    done(contact.id);
  });
  return form;
}

async function decisionPage(main: HTMLElement, contactId: string): Promise<void> {
  const c = await api<Record<string, any>>(`/api/contacts/${contactId}`);
  const child = await api<Record<string, any>>(`/api/children/${c.child_id}`);
  const checks = await api<{ items: Record<string, any>[] }>(`/api/mash-checks?contact_id=${contactId}`);
  const reload = () => { main.replaceChildren(); void decisionPage(main, contactId); };
  const checkRows = [];
  for (const k of checks.items) {
    checkRows.push(h('li', null, h('strong', null, await codeLabel('mash_agency', k.agency)), `: ${await codeLabel('mash_check_outcome', k.outcome)}`,
      k.summary ? ` — ${k.summary}` : ''));
  }
  const checkForm = h('form', { class: 'inline', 'data-form': 'mash-check' },
    field('Agency', await select('agency', 'mash_agency', '')),
    field('Outcome', await select('outcome', 'mash_check_outcome', 'REQUESTED')),
    field('What the agency shared', input('summary', 'text', '')),
    h('button', { type: 'submit' }, 'Add check'));
  const checkErr = h('p', { class: 'error' });
  onSubmit(checkForm, checkErr, async () => {
    const v = values(checkForm);
    const now = nowUtc();
    await api('/api/mash-checks', 'POST', { ...v, contact_id: Number(contactId), child_id: c.child_id, requested_at: now,
      responded_at: v.outcome === 'REQUESTED' ? undefined : now });
    reload();
  });
  const decided = Boolean(c.decision);
  const decisionForm = h('form', { class: 'card form', 'data-form': 'decision' },
    h('h2', null, decided ? 'Decision' : 'Decide'),
    field('Decision', await select('decision', 'contact_decision', c.decision ?? '')),
    field('Why', textarea('decision_reason', c.decision_reason ?? '')),
    field('RAG rating', await select('rag', 'rag_rating', c.rag ?? '', 'Not rated')));
  const err = h('p', { class: 'error' });
  const draft = keepDraft(decisionForm, `front-door:decision:${contactId}`);
  decisionForm.append(err, draft.status, h('button', { type: 'submit', class: 'primary' }, decided ? 'Update decision' : 'Record decision'));
  onSubmit(decisionForm, err, async () => {
    const v = values(decisionForm);
    if (!v.decision) throw new Error('Choose a decision.');
    if (!v.decision_reason) throw new Error('Say why: the reason is part of the decision.');
    await api(`/api/contacts/${contactId}`, 'PATCH', {
      ...v, decided_at: c.decided_at ?? nowUtc(),
      decided_by: currentUser?.worker_id ?? undefined, version: c.version });
    draft.clear();
    location.hash = '#/front-door';
  });
  main.append(
    h('p', null, h('a', { href: '#/front-door' }, '← Front Door')),
    h('h1', null, `Contact about ${child.first_name} ${child.last_name}`),
    h('p', { class: 'lede' }, `Received ${ukDateTime(c.received_at)} from ${await codeLabel('referral_source', c.source)}. `,
      h('a', { href: `#/child/${c.child_id}` }, "Open the child's record")),
    h('blockquote', null, c.concern),
    h('section', { class: 'card' }, h('h2', null, 'Agency checks'), checkRows.length ? h('ul', null, checkRows) : h('p', { class: 'muted' }, 'None yet.'), checkForm, checkErr),
    decisionForm);
}

export async function frontDoorPage(main: HTMLElement, _p: URLSearchParams, arg: string): Promise<void> {
  if (arg) return decisionPage(main, arg);
  const q = await queue();
  const form = await newContactForm((id) => { location.hash = `#/front-door/${id}`; });
  main.append(h('h1', null, 'Front Door'), h('div', { class: 'two' }, h('section', null, h('h2', null, 'Awaiting a decision'), q), form));
}
