// Browser tests: Debian's Chromium driven by playwright-core against a running `safeguard
// serve` with a synthetic LA. Usage: node test/browser.mjs BASE_URL ARTEFACT_DIR [--timings]
//   every role logs in and sees only what the role allows; a contact is recorded through to a
//   decision; an assessment is completed with a visit and the scorecard tile changes; an audit
//   is recorded with its theme grades and an action; an improvement plan action is completed;
//   screenshots of the main pages go to ARTEFACT_DIR, with timings.json (how long each page
//   took to become usable). --timings: only the page timings (make bench).
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const [base, outDir = 'browser-artefacts', ...flags] = process.argv.slice(2);
if (!base) {
  console.error('usage: node test/browser.mjs BASE_URL [ARTEFACT_DIR] [--timings]');
  process.exit(2);
}
const timingsOnly = flags.includes('--timings');
fs.mkdirSync(outDir, { recursive: true });
const PASSWORD = 'safeguard-demo';
const ROLES = {
  'social.worker': { home: 'my-work', nav: ['Scorecard', 'My work', 'Front Door', 'Find a child', 'Returns', 'Improvement plan'] },
  'team.manager': { home: 'team', nav: ['Scorecard', 'My work', 'Team', 'Case review', 'Front Door', 'Find a child', 'Returns', 'Audits', 'Improvement plan'] },
  'front.door': { home: 'front-door', nav: ['Scorecard', 'Front Door', 'Find a child', 'Improvement plan'] },
  iro: { home: 'scorecard', nav: ['Scorecard', 'Team', 'Case review', 'Find a child', 'Audits', 'Improvement plan'] },
  auditor: { home: 'scorecard', nav: ['Scorecard', 'Team', 'Case review', 'Find a child', 'Returns', 'Audits', 'Improvement plan'] },
  analyst: { home: 'scorecard', nav: ['Scorecard', 'Team', 'Case review', 'Find a child', 'Returns', 'Audits', 'Improvement plan'] },
  'senior.leader': { home: 'scorecard', nav: ['Scorecard', 'Team', 'Case review', 'Front Door', 'Find a child', 'Returns', 'Audits', 'Improvement plan'] },
  member: { home: 'scorecard', nav: ['Scorecard', 'Audits', 'Improvement plan'] },
  admin: { home: 'scorecard', nav: ['Scorecard', 'Team', 'Case review', 'Front Door', 'Find a child', 'Returns', 'Audits', 'Improvement plan'] },
};

const browser = await chromium.launch({
  executablePath: process.env.SG_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
});
const results = [];
const timings = [];
let failed = 0;

function check(cond, what) {
  if (!cond) throw new Error(`expected: ${what}`);
}

// Every child's record the tests open (user, child, route), to check the access log holds each.
const recordReads = [];
const users = new WeakMap();

async function test(name, fn, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => {
    const m = /\/api\/children\/(\d+)\/record$/.exec(new URL(r.url()).pathname);
    if (m && r.request().method() === 'GET' && r.status() === 200 && users.get(page)) {
      recordReads.push({ user: users.get(page), child: Number(m[1]) });
    }
  });
  const start = Date.now();
  try {
    await fn(page);
    check(errors.length === 0, `no script errors (got: ${errors.join('; ')})`);
    results.push(`ok   ${name} (${Date.now() - start} ms)`);
  } catch (e) {
    failed++;
    results.push(`FAIL ${name}: ${e.message}`);
    await page.screenshot({ path: path.join(outDir, `FAILED-${name.replace(/\W+/g, '-')}.png`), fullPage: true }).catch(() => {});
  } finally {
    await context.close();
  }
}

async function login(page, user) {
  users.set(page, user);
  await page.goto(base + '/');
  await page.waitForSelector('body[data-ready="login"]');
  await page.fill('#username', user);
  await page.fill('#password', PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForSelector('body[data-ready]:not([data-ready="login"])');
}

// Goes to a page by its hash and returns how long it took to become usable (the app's own
// measure, from the navigation to the page's content being on screen).
async function visit(page, hash, shot) {
  const route = hash.replace(/^#\//, '').split(/[/?]/)[0];
  const before = await page.evaluate(() => window.__sgTimings.length);
  // Going to the page already shown fires no hashchange: ask for it afresh.
  const current = await page.evaluate(() => location.hash);
  if (current === hash) hash += `${hash.includes('?') ? '&' : '?'}again=${before}`;
  await page.evaluate((h) => { location.hash = h; }, hash);
  await page.waitForFunction(([n, r]) => window.__sgTimings.length > n && document.body.dataset.ready === r, [before, route], { timeout: 30000 });
  const ms = await page.evaluate(() => window.__sgTimings[window.__sgTimings.length - 1].ms);
  timings.push({ page: hash, ms: Math.round(ms * 10) / 10 });
  if (shot) await page.screenshot({ path: path.join(outDir, `${shot}.png`), fullPage: false });
  return ms;
}

async function apiCall(page, url, method = 'GET', body) {
  return page.evaluate(async ([u, m, b]) => {
    const r = await fetch(u, { method: m, headers: b ? { 'Content-Type': 'application/json' } : {}, body: b ? JSON.stringify(b) : undefined });
    return { status: r.status, body: r.status === 204 ? null : await r.json() };
  }, [url, method, body]);
}

function today() {
  return new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
}

// A child of the social worker's with an open referral and an assessment started today.
async function makeCase(page, surname) {
  const me = (await apiCall(page, '/api/me')).body;
  check(me.worker_id, 'the demo social worker is linked to a worker');
  const child = await apiCall(page, '/api/children', 'POST', { la_child_id: `BT${Date.now()}`, first_name: 'Robin', last_name: surname, date_of_birth: '2016-05-04', sex: 'F' });
  check(child.status === 201, `child created (${JSON.stringify(child.body)})`);
  const referral = await apiCall(page, '/api/referrals', 'POST', { child_id: child.body.id, referral_date: today(), source: '1A' });
  check(referral.status === 201, `referral created (${JSON.stringify(referral.body)})`);
  const alloc = await apiCall(page, '/api/allocations', 'POST', { child_id: child.body.id, worker_id: me.worker_id, start_date: today() });
  check(alloc.status === 201, `allocation created (${JSON.stringify(alloc.body)})`);
  const a = await apiCall(page, '/api/assessments', 'POST', { child_id: child.body.id, referral_id: referral.body.id, start_date: today(), worker_id: me.worker_id });
  check(a.status === 201, `assessment started (${JSON.stringify(a.body)})`);
  return { child: child.body, assessment: a.body };
}

async function tileValue(page) {
  await visit(page, '#/scorecard');
  const v = await page.getAttribute('[data-indicator="assessments_completed"] .value', 'data-value');
  return Number(v);
}

if (!timingsOnly) {
  for (const [user, want] of Object.entries(ROLES)) {
    await test(`log in as ${user}`, async (page) => {
      await login(page, user);
      const ready = await page.evaluate(() => document.body.dataset.ready);
      check(ready === want.home, `${user} lands on ${want.home}, got ${ready}`);
      const nav = await page.$$eval('header nav a', (as) => as.map((a) => a.textContent));
      check(JSON.stringify(nav) === JSON.stringify(want.nav), `${user} navigation ${want.nav}, got ${nav}`);
      await page.screenshot({ path: path.join(outDir, `home-${user}.png`) });
      if (user === 'member') {
        const list = await apiCall(page, '/api/children');
        check(list.status === 403 && !list.body.items, 'a member cannot list children');
        const search = await apiCall(page, '/api/search/children?q=smith');
        check(search.status === 403 && !search.body.items, 'a member cannot search for children');
        // Wait for the scorecard shown after the refusal (it was the page before, so its ready
        // mark alone would pass at once, while the tiles are being drawn again).
        const drawn = await page.evaluate(() => window.__sgTimings.length);
        await page.evaluate(() => { location.hash = '#/child/1'; });
        await page.waitForFunction((n) => window.__sgTimings.length > n && document.body.dataset.ready === 'scorecard', drawn);
        const shown = await page.$$('[data-indicator]');
        check(shown.length > 50, `the member sees the scorecard's tiles (${shown.length})`);
      }
    });
  }

  await test('record a contact through to a decision', async (page) => {
    await login(page, 'front.door');
    const surname = `Quillon${Date.now() % 100000}`;
    const made = await apiCall(page, '/api/children', 'POST', { la_child_id: `FDT${Date.now()}`, first_name: 'Kit', last_name: surname, date_of_birth: '2014-02-03', sex: 'M' });
    check(made.status === 201, 'a child to find');
    await visit(page, '#/front-door', 'front-door');
    // Fuzzy: one letter wrong, as typed at speed.
    await page.fill('#fd-search', `kit ${surname.replace('Quill', 'Qiull')}`);
    await page.waitForSelector(`#fd-matches li[data-child="${made.body.id}"] button`);
    await page.click(`#fd-matches li[data-child="${made.body.id}"] button`);
    await page.selectOption('form[data-form=contact] select[name=source]', '1A');
    await page.fill('form[data-form=contact] textarea[name=concern]', 'School reports bruising on the arm; the child says he fell.');
    await page.click('form[data-form=contact] button[type=submit]');
    await page.waitForFunction(() => /#\/front-door\/\d+/.test(location.hash) && document.body.dataset.ready === 'front-door');
    const contactId = Number((await page.evaluate(() => location.hash)).split('/').pop());
    const queue = (await apiCall(page, '/api/front-door/queue')).body.items;
    check(queue.some((q) => q.contact_id === contactId && q.age_hours < 1), 'the new contact waits in the queue');
    await page.selectOption('form[data-form=mash-check] select[name=agency]', 'POLICE');
    await page.selectOption('form[data-form=mash-check] select[name=outcome]', 'INFORMATION_SHARED');
    await page.fill('form[data-form=mash-check] input[name=summary]', 'No police involvement with the household.');
    await page.click('form[data-form=mash-check] button[type=submit]');
    await page.waitForSelector('text=No police involvement with the household.');
    await page.selectOption('form[data-form=decision] select[name=decision]', 'REFERRAL');
    await page.fill('form[data-form=decision] textarea[name=decision_reason]', 'Unexplained injury: assessment needed.');
    await page.screenshot({ path: path.join(outDir, 'front-door-decision.png'), fullPage: true });
    await page.click('form[data-form=decision] button[type=submit]');
    await page.waitForFunction(() => location.hash === '#/front-door' && document.body.dataset.ready === 'front-door');
    const contact = (await apiCall(page, `/api/contacts/${contactId}`)).body;
    check(contact.decision === 'REFERRAL' && contact.decided_at && contact.decision_reason.startsWith('Unexplained'), `the decision is recorded (${JSON.stringify(contact)})`);
    const after = (await apiCall(page, '/api/front-door/queue')).body.items;
    check(!after.some((q) => q.contact_id === contactId), 'the decided contact left the queue');
    const checks = (await apiCall(page, `/api/mash-checks?contact_id=${contactId}`)).body.items;
    check(checks.length === 1 && checks[0].agency === 'POLICE', 'the agency check is recorded');
  });

  await test('complete an assessment with a visit, and the scorecard changes', async (page) => {
    await login(page, 'social.worker');
    const before = await tileValue(page);
    const { child, assessment } = await makeCase(page, `Tamsett${Date.now() % 100000}`);
    await visit(page, `#/child/${child.id}`, 'child-record');
    check(await page.isVisible('text=Assessment to be completed (45 working days from its start)'), 'the assessment shows as due');
    await page.click('button:has-text("Record a visit")');
    await page.selectOption('form[data-form=visit] select[name=visit_type]', 'CIN');
    await page.check('form[data-form=visit] input[name=child_seen_alone]');
    await page.fill('form[data-form=visit] textarea[name=notes]', 'Robin showed me her room and said she feels safe with her nan.');
    // The draft survives a reload (a crash, a timeout) before it is saved.
    await page.reload();
    await page.waitForSelector('body[data-ready="child"]');
    await page.click('button:has-text("Record a visit")');
    const kept = await page.inputValue('form[data-form=visit] textarea[name=notes]');
    check(kept.startsWith('Robin showed me'), `the draft was restored (${kept})`);
    await page.click('form[data-form=visit] button[type=submit]');
    await page.waitForSelector('.timeline >> text=Child seen, and seen alone');
    await page.click('button:has-text("Assessment")');
    const seenDate = await page.inputValue('form[data-form=assessment] input[name=child_seen_date]');
    check(seenDate === today(), `the date seen is carried forward from the visit (${seenDate})`);
    check(await page.isChecked('form[data-form=assessment] input[name=child_seen_alone]'), 'seen alone carried forward');
    await page.selectOption('form[data-form=assessment] select[name=outcome]', { index: 1 });
    await page.screenshot({ path: path.join(outDir, 'assessment-form.png'), fullPage: true });
    await page.click('form[data-form=assessment] button[type=submit]');
    await page.waitForSelector('.timeline >> text=Assessment completed');
    const stored = (await apiCall(page, `/api/assessments/${assessment.id}`)).body;
    check(stored.authorised_date === today() && stored.child_seen_date === today() && stored.child_seen_alone === true, `the assessment is stored (${JSON.stringify(stored)})`);
    // The scorecard follows the record (figures refresh in the background after a write).
    let after = before;
    for (let i = 0; i < 40 && after === before; i++) {
      after = await tileValue(page);
      if (after === before) await page.waitForTimeout(500);
    }
    check(after === before + 1, `assessments completed this month went from ${before} to ${before + 1} (got ${after})`);
    await page.screenshot({ path: path.join(outDir, 'scorecard.png'), fullPage: false });
  });
}

if (!timingsOnly) {
  // WCAG 2.1 A and AA, colour contrast included, checked by axe-core on each main page, on a
  // laptop and on a tablet (where nothing may need sideways scrolling).
  await test('accessibility (axe-core, WCAG 2.1 AA) on laptop and tablet', async (page) => {
    await login(page, 'social.worker');
    const child = (await apiCall(page, '/api/my-work')).body.children[0];
    const pages = ['#/my-work', `#/child/${child.child_id}`, '#/scorecard', '#/indicator/cp_visits_10wd_pct',
      '#/front-door', '#/search?q=' + encodeURIComponent(child.name), '#/returns'];
    const problems = [];
    for (const size of [{ width: 1280, height: 900 }, { width: 768, height: 1024 }]) {
      await page.setViewportSize(size);
      for (const p of pages) {
        await visit(page, p);
        await page.evaluate(axeSource);
        const r = await page.evaluate(() => window.axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
        check(r.passes.some((x) => x.id === 'color-contrast'), `axe checked colour contrast on ${p}`);
        for (const v of r.violations) {
          problems.push(`${size.width}px ${p}: ${v.id} (${v.nodes.length}): ${v.nodes[0].target.join(' ')} ${v.nodes[0].failureSummary.split('\n')[1] ?? ''}`);
        }
        const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (wide > 0) problems.push(`${size.width}px ${p}: ${wide}px of sideways scrolling`);
      }
    }
    await page.screenshot({ path: path.join(outDir, 'tablet-returns.png') });
    check(problems.length === 0, `no accessibility problems, found:\n  ${problems.join('\n  ')}`);
  }, { bypassCSP: true });

  // A census file from "another system" checked on the returns page.
  if (process.env.SG_CIN_FILE) {
    await test('upload a CIN census and see its findings', async (page) => {
      await login(page, 'team.manager');
      await visit(page, '#/returns');
      const children = (fs.readFileSync(process.env.SG_CIN_FILE, 'utf8').match(/<Child>/g) ?? []).length;
      check(children > 100, `the census file has children (${children})`);
      await page.setInputFiles('#return-file', process.env.SG_CIN_FILE);
      await page.waitForSelector('section[aria-label$="(uploaded)"]', { timeout: 60000 });
      const lede = await page.textContent('section[aria-label$="(uploaded)"] .lede');
      check(lede.includes(`${children.toLocaleString('en-GB')} children`), `the upload's summary counts its ${children} children (${lede})`);
      await page.screenshot({ path: path.join(outDir, 'returns-upload.png') });
    });
  }

  // The bulk case review: a manager records a decision on the most worrying case.
  await test('the case review: record a decision on a flagged case', async (page) => {
    await login(page, 'team.manager');
    await visit(page, '#/review', 'case-review');
    const lede = await page.textContent('main .lede');
    check(/\d+ need a look/.test(lede), `the review says how many cases need a look (${lede})`);
    const row = page.locator('table.review tbody tr').first();
    const child = await row.getAttribute('data-child');
    await row.locator('button', { hasText: 'decision' }).click();
    await row.locator('select[name=outcome]').selectOption('CONFIRMED');
    await row.locator('textarea[name=notes]').fill('Visit booked for Monday with the worker.');
    await row.locator('button[type=submit]').click();
    await page.waitForSelector(`table.review tr.reviewed[data-child="${child}"]`);
    check((await page.textContent(`tr[data-child="${child}"] .outcome`)).startsWith('Drift confirmed'), 'the decision is shown on the case');
    const saved = await apiCall(page, `/api/review-outcomes?child_id=${child}`);
    check(saved.status === 200 && saved.body.items.some((o) => o.outcome === 'CONFIRMED' && o.notes.includes('Monday')), 'the decision is in the record');
    await page.evaluate(axeSource);
    const r = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
    check(r.violations.length === 0, `no accessibility problems on the case review (${r.violations.map((v) => v.id).join(', ')})`);
    await page.screenshot({ path: path.join(outDir, 'case-review-decision.png'), fullPage: false });
  }, { bypassCSP: true });

  // The session ends while a visit is being written up: the password is asked for in place
  // and the visit is saved as written.
  await test('a session that ends mid-form loses nothing', async (page) => {
    await login(page, 'social.worker');
    const child = (await apiCall(page, '/api/my-work')).body.children[0];
    await visit(page, `#/child/${child.child_id}`);
    await page.click('button:has-text("Record a visit")');
    const note = `Seen at school, talked about her week (${Date.now()}).`;
    await page.fill('form[data-form=visit] textarea[name=notes]', note);
    await apiCall(page, '/api/logout', 'POST', {});  // as if the idle timeout had passed
    await page.click('form[data-form=visit] button[type=submit]');
    await page.waitForSelector('dialog[open] #relogin-password');
    await page.screenshot({ path: path.join(outDir, 'session-ended.png') });
    await page.fill('#relogin-password', PASSWORD);
    await page.click('dialog[open] button[type=submit]');
    await page.waitForSelector('dialog', { state: 'detached' });
    let saved = [];
    for (let i = 0; i < 20 && !saved.length; i++) {
      const visits = (await apiCall(page, `/api/visits?child_id=${child.child_id}&limit=1000`)).body.items;
      saved = visits.filter((v) => v.notes === note);
      if (!saved.length) await page.waitForTimeout(250);
    }
    check(saved.length === 1, 'the visit typed before the session ended was saved once');
  });

  // Keyboard only: log in, move through the navigation and open a page.
  await test('keyboard only', async (page) => {
    await page.goto(base + '/');
    await page.waitForSelector('body[data-ready="login"]');
    await page.keyboard.type('front.door');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForSelector('body[data-ready="front-door"]');
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.textContent === 'Find a child')) break;
    }
    check(await page.evaluate(() => document.activeElement?.textContent === 'Find a child'), 'Tab reaches the navigation');
    await page.keyboard.press('Enter');
    await page.waitForSelector('body[data-ready="search"]');
    check(await page.evaluate(() => document.activeElement?.id === 'child-search'), 'the search box has the focus');
  });
}

// Case file audits and the improvement plan.
async function axeViolations(page) {
  await page.evaluate(axeSource);
  const r = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  check(r.passes.some((x) => x.id === 'color-contrast'), 'axe checked colour contrast');
  return r.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0].target.join(' ')}`);
}

// The page again on a tablet: no accessibility problem and no sideways scrolling.
async function onTablet(page, hash) {
  await page.setViewportSize({ width: 768, height: 1024 });
  await visit(page, hash);
  const problems = (await axeViolations(page)).map((p) => `768px: ${p}`);
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (wide > 0) problems.push(`768px: ${wide}px of sideways scrolling`);
  return problems;
}

function inDays(n) {
  const d = new Date(`${today()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

async function figure(page, key) {
  return Number((await page.textContent(`[data-figure="${key}"]`)).replace(/[^\d.]/g, ''));
}

if (!timingsOnly) {
  await test('audits: an auditor records an audit with theme grades and an action', async (page) => {
    await login(page, 'auditor');
    await visit(page, '#/audits', 'audits');
    const themes = await page.$$eval('table[data-table=themes] tbody th', (ths) => ths.map((t) => t.textContent));
    check(themes[0] === 'Overall' && themes.length > 1, `the grades by theme, Overall first (${themes})`);
    const agreement = await page.textContent('[data-figure=agreement]');
    check(/^\d+\.\d%$/.test(agreement), `the moderation agreement is shown (${agreement})`);
    check(/^Kappa \d\.\d\d: (good|moderate|weak) agreement/.test(await page.textContent('[data-figure=kappa-reading]')), 'kappa is read in words');
    check(await page.isVisible('table.overdue-actions'), 'the auditor sees the overdue actions');
    const before = await figure(page, 'audits');
    const child = (await apiCall(page, '/api/children?limit=1')).body.items[0];
    await page.click('button:has-text("Record an audit")');
    const form = 'form[data-form=audit]';
    await page.waitForSelector(form);
    await page.fill(`${form} input[name=child_id]`, String(child.id));
    await page.selectOption(`${form} select[name=grade]`, 'GOOD');
    const themeSets = page.locator(`${form} fieldset.theme`);
    const n = await themeSets.count();
    check(n >= 2, `the template's themes each have a grade (${n})`);
    for (let i = 0; i < n; i++) {
      await themeSets.nth(i).locator('select').selectOption(i % 2 ? 'REQUIRES_IMPROVEMENT' : 'GOOD');
      await themeSets.nth(i).locator('textarea').fill(`Evidence for theme ${i + 1}: seen in the case notes.`);
    }
    await page.fill(`${form} textarea[name=findings]`, 'A clear plan; the child’s views are recorded but not acted on.');
    if (await page.isVisible(`${form} select[name=auditor_id]`)) await page.selectOption(`${form} select[name=auditor_id]`, { index: 1 });
    await page.click(`${form} button:has-text("Add action")`);
    await page.fill(`${form} fieldset.action textarea[name=action]`, 'Visit the child and record her views in the plan.');
    await page.selectOption(`${form} fieldset.action select[name=owner_id]`, { index: 1 });
    await page.fill(`${form} fieldset.action input[name=due_date]`, inDays(28));
    await page.screenshot({ path: path.join(outDir, 'audit-form.png'), fullPage: true });
    // The draft survives a reload, the theme grades and the action included.
    await page.reload();
    await page.waitForSelector('body[data-ready="audits"]');
    await page.click('button:has-text("Record an audit")');
    await page.waitForSelector(form);
    check(await page.inputValue(`${form} input[name=child_id]`) === String(child.id), 'the draft keeps the child');
    check(await page.locator(`${form} fieldset.theme`).nth(1).locator('select').inputValue() === 'REQUIRES_IMPROVEMENT', 'the draft keeps the theme grades');
    check((await page.inputValue(`${form} fieldset.action textarea[name=action]`)).startsWith('Visit the child'), 'the draft keeps the action');
    await page.click(`${form} button[type=submit]`);
    await page.waitForSelector('p.saved:has-text("recorded with")', { timeout: 15000 });
    const saved = await page.textContent('p.saved');
    check(saved.includes(`with ${n} theme grades and 1 action`), `the audit is saved with its grades and action (${saved})`);
    const after = await figure(page, 'audits');
    check(after === before + 1, `the audits count went from ${before} to ${before + 1} (got ${after})`);
    const auditId = Number(saved.match(/Audit #(\d+)/)[1]);
    const grades = (await apiCall(page, `/api/audit-theme-grades?audit_id=${auditId}`)).body.items;
    check(grades.length === n && grades.every((g) => g.child_id === child.id && g.evidence.startsWith('Evidence')), `the theme grades are stored (${grades.length})`);
    const actions = (await apiCall(page, `/api/audit-actions?audit_id=${auditId}`)).body.items;
    check(actions.length === 1 && actions[0].due_date === inDays(28) && !actions[0].completed_date, 'the action is stored');
    const problems = [...await axeViolations(page), ...await onTablet(page, '#/audits')];
    check(problems.length === 0, `no accessibility problems on the audits page with its form:\n  ${problems.join('\n  ')}`);
  }, { bypassCSP: true });

  await test('improvement plan: a senior leader completes an action', async (page) => {
    await login(page, 'senior.leader');
    await visit(page, '#/plans', 'improvement-plan');
    const head = await page.textContent('.plan-head .plan-rag .rag');
    check(['Red', 'Amber', 'Green', 'Complete'].includes(head), `the plan is rated in words (${head})`);
    const badges = await page.$$eval('.plan-item .rag', (bs) => bs.map((b) => b.textContent));
    check(badges.length > 10 && badges.every((b) => ['Red', 'Amber', 'Green', 'Complete', 'Not rated'].includes(b)), `every item has a badge in words (${badges.length})`);
    await page.click('button:has-text("Open every workstream and project")');
    const action = page.locator('.plan-item.kind-action', { has: page.locator('.rag:text-matches("^(Red|Amber|Green)$")') }).first();
    const id = await action.getAttribute('data-item');
    await action.locator('button', { hasText: 'Change status' }).click();
    await action.locator('select[name=status]').selectOption('COMPLETE');
    await action.locator('textarea[name=evidence]').fill('Agreed at the partnership board; minutes filed.');
    await action.locator('button[type=submit]').click();
    await page.waitForSelector(`[data-item="${id}"] p.saved`);
    check(await page.textContent(`[data-item="${id}"] .rag`) === 'Complete', 'the badge reads Complete once saved');
    const item = (await apiCall(page, `/api/plan-items/${id}`)).body;
    check(item.status === 'COMPLETE' && item.completed_date === today() && item.evidence.startsWith('Agreed'), `the item is complete today (${JSON.stringify(item)})`);
    await visit(page, '#/plans');
    check(await page.textContent(`[data-item="${id}"] .rag`) === 'Complete', 'the badge reads Complete after a refresh');
    const problems = [...await axeViolations(page), ...await onTablet(page, '#/plans')];
    check(problems.length === 0, `no accessibility problems on the improvement plan:\n  ${problems.join('\n  ')}`);
  }, { bypassCSP: true });

  await test('improvement plan: a scrutiny member reads it and the board report', async (page) => {
    await login(page, 'member');
    await visit(page, '#/plans', 'improvement-plan-member');
    check(await page.locator('.plan-item .rag').count() > 10, 'the member sees the rated items');
    check(await page.locator('button:has-text("Change status"), form[data-form], details.add').count() === 0, 'the member has no edit controls');
    const html = page.locator('a[data-report=html]');
    check(await html.getAttribute('target') === '_blank', 'the web page opens in a new tab');
    const res = await page.request.get(new URL(await html.getAttribute('href'), base).href);
    const body = await res.text();
    check(res.status() === 200 && res.headers()['content-type'].startsWith('text/html') && body.includes('What case file audits found'),
      `the board report is an HTML page about the audits (${res.status()})`);
    const pdf = await page.request.get(new URL(await page.getAttribute('a[data-report=pdf]', 'href'), base).href);
    check(pdf.status() === 200 && pdf.headers()['content-type'] === 'application/pdf' && (await pdf.body()).subarray(0, 5).toString() === '%PDF-',
      'the PDF link gives a PDF');
    const problems = [...await axeViolations(page), ...await onTablet(page, '#/plans')];
    check(problems.length === 0, `no accessibility problems on the member's improvement plan:\n  ${problems.join('\n  ')}`);
  }, { bypassCSP: true });

  await test('audits: a scrutiny member sees the figures without the lists', async (page) => {
    await login(page, 'member');
    await visit(page, '#/audits', 'audits-member');
    check(await figure(page, 'audits') > 0, 'the member sees how many audits');
    check(await page.locator('table[data-table=themes] tbody tr').count() > 1, 'the member sees the grades by theme');
    check(/%$/.test(await page.textContent('[data-figure=agreement]')), 'the member sees the moderation agreement');
    check(await figure(page, 'actions-set') > 0, 'the member sees the actions set');
    check(await page.locator('table.overdue-actions, table.moderated, table.reaudits, a[href^="#/child/"]').count() === 0, 'no list of audits, actions or children');
    check(await page.locator('button:has-text("Record an audit")').count() === 0, 'the member cannot record an audit');
    const problems = [...await axeViolations(page), ...await onTablet(page, '#/audits')];
    check(problems.length === 0, `no accessibility problems on the member's audits page:\n  ${problems.join('\n  ')}`);
  }, { bypassCSP: true });
}

// The audit trail is complete: every child's record a test opened is in the access log, with
// who opened it and the route (an administrator asks "who viewed this child" for each).
await test('every record opened is in the access log', async (page) => {
  check(recordReads.length >= 5, `the tests opened children's records (${recordReads.length})`);
  await login(page, 'admin');
  const children = [...new Set(recordReads.map((r) => r.child))];
  for (const child of children) {
    const log = await apiCall(page, `/api/children/${child}/access-log`);
    check(log.status === 200, `the access log of child ${child} (${log.status})`);
    for (const read of recordReads.filter((r) => r.child === child)) {
      check(log.body.items.some((e) => e.username === read.user && e.request === 'GET /api/children/{id}/record'),
        `${read.user}'s opening of child ${child} is in the log`);
    }
  }
});

// Page timings: each main page of the demo LA, as the role that uses it.
await test('page timings', async (page) => {
  await login(page, 'social.worker');
  const child = (await apiCall(page, '/api/my-work')).body.children[0];
  for (let round = 0; round < 3; round++) {
    await visit(page, '#/my-work', round === 0 && 'my-work');
    await visit(page, `#/child/${child.child_id}`, round === 0 && 'child');
    await visit(page, '#/search?q=' + encodeURIComponent(child.name), round === 0 && 'search');
    await visit(page, '#/scorecard', round === 0 && 'scorecard-social-worker');
    await visit(page, '#/indicator/assessment_45wd_pct', round === 0 && 'indicator');
    await visit(page, '#/front-door', round === 0 && 'front-door-queue');
  }
  await apiCall(page, '/api/logout', 'POST', {});
  await login(page, 'team.manager');
  for (let round = 0; round < 3; round++) {
    await visit(page, '#/team', round === 0 && 'team');
    await visit(page, '#/returns', round === 0 && 'returns');
    await visit(page, '#/review', false);
  }
});

// Page timings: the audits and the improvement plan, as an auditor.
await test('page timings: audits and the improvement plan', async (page) => {
  await login(page, 'auditor');
  for (let round = 0; round < 3; round++) {
    await visit(page, '#/audits', false);
    await visit(page, '#/plans', false);
  }
});

await browser.close();
const byPage = {};
for (const t of timings) (byPage[t.page.split('?')[0].replace(/\/\d+$/, '/{id}')] ??= []).push(t.ms);
const summary = Object.entries(byPage).map(([p, ms]) => ({ page: p, worst_ms: Math.max(...ms), median_ms: ms.sort((a, b) => a - b)[Math.floor(ms.length / 2)], runs: ms.length }));
fs.writeFileSync(path.join(outDir, 'timings.json'), JSON.stringify(summary, null, 2));
for (const r of results) console.log(r);
console.log('page                               median ms   worst ms   (usable: content on screen)');
for (const s of summary) console.log(`${s.page.padEnd(34)} ${String(s.median_ms).padStart(9)} ${String(s.worst_ms).padStart(10)}`);
console.log(`browser tests: ${results.length - failed} passed, ${failed} failed; screenshots in ${outDir}`);
process.exit(failed ? 1 : 0);
