// Safeguard's browser application: the shell (log in, navigation by role) and a hash router.
// Each page renders into <main> and marks itself usable (body[data-ready]) once its content
// is on screen, which the browser tests time.
import './style.css';
import { api, login, setUser, currentUser, User, ApiError } from './api';
import { h, clear } from './dom';
import { scorecardPage } from './pages/scorecard';
import { indicatorPage } from './pages/indicator';
import { frontDoorPage } from './pages/frontdoor';
import { childPage } from './pages/child';
import { myWorkPage } from './pages/mywork';
import { teamPage } from './pages/team';
import { reviewPage } from './pages/review';
import { returnsPage } from './pages/returns';
import { searchPage } from './pages/search';
import { auditsPage } from './pages/audits';
import { plansPage } from './pages/plans';

export type Page = (main: HTMLElement, params: URLSearchParams, arg: string) => Promise<void>;

interface Route { path: string; title: string; page: Page; nav?: string; roles?: string[] }

const CASEWORK = ['SOCIAL_WORKER', 'TEAM_MANAGER', 'FRONT_DOOR', 'IRO', 'AUDITOR', 'ANALYST',
  'SENIOR_LEADER', 'ADMIN'];
const MANAGERS = ['TEAM_MANAGER', 'SENIOR_LEADER', 'ADMIN', 'AUDITOR', 'ANALYST', 'IRO'];

const ROUTES: Route[] = [
  { path: 'scorecard', title: 'Scorecard', page: scorecardPage, nav: 'Scorecard' },
  { path: 'indicator', title: 'Indicator', page: indicatorPage },
  { path: 'my-work', title: 'My work', page: myWorkPage, nav: 'My work', roles: ['SOCIAL_WORKER', 'TEAM_MANAGER'] },
  { path: 'team', title: 'Team work', page: teamPage, nav: 'Team', roles: MANAGERS },
  { path: 'review', title: 'Case review', page: reviewPage, nav: 'Case review', roles: MANAGERS },
  { path: 'front-door', title: 'Front Door', page: frontDoorPage, nav: 'Front Door', roles: ['FRONT_DOOR', 'TEAM_MANAGER', 'SOCIAL_WORKER', 'ADMIN', 'SENIOR_LEADER'] },
  { path: 'search', title: 'Find a child', page: searchPage, nav: 'Find a child', roles: CASEWORK },
  { path: 'child', title: "Child's record", page: childPage, roles: CASEWORK },
  { path: 'returns', title: 'Returns', page: returnsPage, nav: 'Returns', roles: ['TEAM_MANAGER', 'ANALYST', 'SENIOR_LEADER', 'ADMIN', 'AUDITOR', 'SOCIAL_WORKER'] },
  { path: 'audits', title: 'Case file audits', page: auditsPage, nav: 'Audits', roles: [...MANAGERS, 'SCRUTINY_MEMBER'] },
  { path: 'plans', title: 'Improvement plan', page: plansPage, nav: 'Improvement plan' },
];

declare global {
  interface Window { __sgTimings: { route: string; ms: number }[] }
}
window.__sgTimings = [];

const app = document.getElementById('app')!;
let navStart = 0;

function homeFor(u: User): string {
  if (u.role === 'SOCIAL_WORKER') return 'my-work';
  if (u.role === 'FRONT_DOOR') return 'front-door';
  if (u.role === 'TEAM_MANAGER') return 'team';
  return 'scorecard';
}

function allowed(r: Route, u: User): boolean {
  return !r.roles || r.roles.includes(u.role);
}

function shell(u: User): HTMLElement {
  const nav = h('nav', { 'aria-label': 'Main' },
    h('ul', null, ROUTES.filter((r) => r.nav && allowed(r, u)).map((r) =>
      h('li', null, h('a', { href: `#/${r.path}`, 'data-nav': r.path }, r.nav!)))));
  const logout = h('button', { type: 'button', class: 'link' }, 'Log out');
  logout.addEventListener('click', async () => {
    await api('/api/logout', 'POST', {}).catch(() => undefined);
    setUser(null);
    location.hash = '';
    start();
  });
  const main = h('main', { id: 'main', tabindex: '-1' });
  clear(app);
  app.append(
    h('header', { class: 'top' },
      h('a', { class: 'brand', href: `#/${homeFor(u)}` }, 'Safeguard'),
      nav,
      h('div', { class: 'who' }, h('span', null, `${u.display_name} · ${roleName(u.role)}`), logout)),
    h('div', { class: 'banner', role: 'note' }, 'Demonstration: every child, family and worker here is synthetic.'),
    main);
  return main;
}

export function roleName(role: string): string {
  return ({ SOCIAL_WORKER: 'Social worker', TEAM_MANAGER: 'Team manager', FRONT_DOOR: 'Front Door / MASH',
    IRO: 'Independent reviewing officer', AUDITOR: 'Auditor', ANALYST: 'Performance analyst',
    SENIOR_LEADER: 'Senior leader', SCRUTINY_MEMBER: 'Scrutiny member', ADMIN: 'Administrator' } as Record<string, string>)[role] ?? role;
}

async function route(): Promise<void> {
  const u = currentUser!;
  const hash = location.hash.replace(/^#\/?/, '');
  const [pathPart, query = ''] = hash.split('?');
  const [path, arg = ''] = pathPart.split('/');
  const r = ROUTES.find((x) => x.path === path);
  if (!r || !allowed(r, u)) {
    location.replace(`#/${homeFor(u)}`);
    return;
  }
  let main = document.querySelector('header.top') ? document.getElementById('main') : null;
  if (!main) main = shell(u);
  for (const a of document.querySelectorAll('nav a')) {
    if ((a as HTMLElement).dataset.nav === path) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  delete document.body.dataset.ready;
  document.title = `${r.title} · Safeguard`;
  clear(main);
  const started = navStart || performance.now();
  try {
    await r.page(main, new URLSearchParams(query), decodeURIComponent(arg));
  } catch (e) {
    main.append(h('p', { class: 'error', role: 'alert' }, `This page could not be shown: ${(e as Error).message}`));
  }
  const ms = performance.now() - started;
  window.__sgTimings.push({ route: path, ms });
  document.body.dataset.ready = path;
  navStart = 0;
}

function loginPage(): void {
  clear(app);
  const user = h('input', { id: 'username', name: 'username', autocomplete: 'username', required: true });
  const pass = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const msg = h('p', { class: 'error', role: 'alert' });
  const form = h('form', { class: 'login card' },
    h('h1', null, 'Safeguard'),
    h('p', null, "Children's social care: the record, the returns, the figures."),
    h('label', { for: 'username' }, 'User name'), user,
    h('label', { for: 'password' }, 'Password'), pass, msg,
    h('button', { type: 'submit', class: 'primary' }, 'Log in'),
    h('p', { class: 'hint' }, 'Demo: social.worker, team.manager, front.door, member, … with password safeguard-demo.'));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const u = await login(user.value.trim(), pass.value);
      if (!location.hash || location.hash === '#/' || location.hash === '#') location.hash = `#/${homeFor(u)}`;
      else void route();
      window.setTimeout(() => void import('./charts'), 300);
    } catch (e) {
      msg.textContent = e instanceof ApiError && e.status === 401 ? 'That user name and password do not match.' : (e as Error).message;
    }
  });
  app.append(h('main', { id: 'main' }, form));
  document.body.dataset.ready = 'login';
  user.focus();
}

async function start(): Promise<void> {
  try {
    setUser(await api<User>('/api/me'));
  } catch {
    setUser(null);
  }
  if (!currentUser) {
    loginPage();
    return;
  }
  if (!location.hash || location.hash === '#/') location.replace(`#/${homeFor(currentUser)}`);
  await route();
  // The charting code is large: fetch and compile it while the user reads the first page.
  window.setTimeout(() => void import('./charts'), 300);
}

window.addEventListener('hashchange', () => {
  if (!currentUser) return;
  navStart = performance.now();
  void route();
});
void start();
