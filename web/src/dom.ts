// A few DOM helpers: the application builds its pages with h() and no framework, which keeps
// the bundle small and every page quick to become usable.

type Child = Node | string | number | null | undefined | false | Child[];
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith('on') && typeof v === 'function') {
        el.addEventListener(k.slice(2).toLowerCase(), v as EventListener);
      } else if (k === 'class') {
        el.className = String(v);
      } else if (v === true) {
        el.setAttribute(k, '');
      } else {
        el.setAttribute(k, String(v));
      }
    }
  }
  append(el, children);
  return el;
}

export function append(el: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
  }
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

export function svg(tag: string, attrs: Record<string, string | number>): SVGElement {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];

// "2025-03-04" -> "4 Mar 2025".
export function ukDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return iso;
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

// "2025-03" or "2025-03-01" -> "March 2025".
export function monthName(iso: string): string {
  const [y, m] = iso.split('-').map(Number);
  return `${MONTHS_LONG[m - 1]} ${y}`;
}

export function shortMonth(iso: string): string {
  const [y, m] = iso.split('-').map(Number);
  return `${MONTHS[m - 1]} ${String(y).slice(2)}`;
}

// A timestamp in UK time, "4 Mar 2025 14:05".
export function ukDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString('en-GB', {
    timeZone: 'Europe/London', day: 'numeric', month: 'short', year: 'numeric',
    hour: '2-digit', minute: '2-digit',
  });
}

// Intl formatters are costly to create: make each once.
const ukDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });
export const number = new Intl.NumberFormat('en-GB');

// Now as the API's timestamps are written: "2026-11-22T12:05:00Z".
export function nowUtc(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function todayIso(): string {
  return ukDay.format(new Date());
}

// "2025-03-04T14:05" for a datetime-local input, in UK time.
export function nowLocalInput(): string {
  const s = new Date().toLocaleString('sv-SE', { timeZone: 'Europe/London' });
  return s.slice(0, 16).replace(' ', 'T');
}

// A datetime-local value in UK time -> UTC ISO timestamp.
export function localInputToUtc(v: string): string {
  // Work out the UK offset at that moment: format the instant in UK time and compare.
  const guess = new Date(`${v}:00Z`);
  const uk = new Date(guess.toLocaleString('en-US', { timeZone: 'Europe/London' }));
  const utc = new Date(guess.toLocaleString('en-US', { timeZone: 'UTC' }));
  const offset = uk.getTime() - utc.getTime();
  return new Date(guess.getTime() - offset).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function ageYears(dob: string | null | undefined, on = todayIso()): number | null {
  if (!dob) return null;
  const [y, m, d] = dob.split('-').map(Number);
  const [ty, tm, td] = on.split('-').map(Number);
  let age = ty - y;
  if (tm < m || (tm === m && td < d)) age--;
  return age;
}

// el.append() that also takes arrays and skips null/false.
export function put(el: Node, ...children: Child[]): void {
  append(el, children);
}
