// The scorecard: every indicator as a tile with its latest value, a 24-month trend, target and
// RAG, England / region / statistical-neighbour benchmarks and a sentence saying what it means.
import { h, svg, ukDate, todayIso } from '../dom';
import { currentUser } from '../api';
import { Indicator, Scorecard, formatValue, lastMonths, latest, loadScorecard, ragLabel, sentence, yearLabel } from '../indicators';

export function sparkline(values: (number | null)[], label: string): SVGElement {
  const w = 160, hgt = 36, pad = 3;
  const nums = values.filter((v): v is number => v !== null);
  const el = svg('svg', { viewBox: `0 0 ${w} ${hgt}`, width: w, height: hgt, role: 'img', class: 'spark' });
  const title = svg('title', {});
  title.textContent = label;
  el.appendChild(title);
  if (nums.length < 2) return el;
  const min = Math.min(...nums), max = Math.max(...nums);
  const span = max - min || 1;
  const step = (w - 2 * pad) / (values.length - 1);
  let d = '';
  values.forEach((v, i) => {
    if (v === null) return;
    const x = pad + i * step, y = hgt - pad - ((v - min) / span) * (hgt - 2 * pad);
    d += `${d ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`;
  });
  el.appendChild(svg('path', { d, fill: 'none', stroke: 'currentColor', 'stroke-width': 1.6 }));
  return el;
}

function benchLine(ind: Indicator): HTMLElement | null {
  const b = ind.benchmarks;
  if (!b) return null;
  const fmt = (f: { value: number | null } | undefined) => (f && f.value !== null ? formatValue(f.value, ind.unit) : 'not published');
  return h('p', { class: 'bench' },
    `England ${fmt(b.england)} · ${b.region?.label ?? 'Region'} ${fmt(b.region)} · Neighbours ${fmt(b.sn2025_mean)}`,
    h('span', { class: 'muted' }, ` (${yearLabel(b.year)})`));
}

function tile(ind: Indicator, card: Scorecard, today: string): HTMLElement {
  const { value } = latest(ind);
  const rag = ind.rag || 'none';
  const target = ind.target ? h('span', { class: 'target' }, `Target ${formatValue(ind.target.value, ind.unit)}`) : null;
  return h('a', { class: `tile tile-${rag}`, href: `#/indicator/${ind.id}`, 'data-indicator': ind.id },
    h('span', { class: 'area' }, ind.area),
    h('h3', null, ind.name),
    h('div', { class: 'figure' },
      h('span', { class: 'value', 'data-value': value ?? '' }, ind.available ? formatValue(value, ind.unit) : 'n/a'),
      ind.available ? sparkline(ind.values, `${ind.name}: monthly trend over ${ind.values.length} months`) : null),
    h('div', { class: 'chips' },
      ind.rag ? h('span', { class: `rag rag-${rag}` }, ragLabel(ind.rag)) : null, target),
    h('p', { class: 'sentence' }, sentence(ind, card.periods, today)),
    benchLine(ind));
}

export async function scorecardPage(main: HTMLElement, params: URLSearchParams): Promise<void> {
  const months = lastMonths(24);
  const card = await loadScorecard(`monthly=${months}`);
  const today = todayIso();
  const areas = [...new Set(card.indicators.map((i) => i.area))];
  const area = params.get('area') ?? '';
  const shown = card.indicators.filter((i) => !area || i.area === area);
  const period = card.periods.length ? `${ukDate(card.periods[0].from)} to ${ukDate(card.periods[card.periods.length - 1].to)}` : '';
  const reds = shown.filter((i) => i.rag === 'red').length;
  const withTarget = shown.filter((i) => i.target).length;
  const filter = h('nav', { class: 'filters', 'aria-label': 'Areas' },
    h('a', { href: '#/scorecard', 'aria-current': area ? null : 'page' }, 'All'),
    areas.map((a) => h('a', { href: `#/scorecard?area=${encodeURIComponent(a)}`, 'aria-current': a === area ? 'page' : null }, a)));
  main.append(
    h('h1', null, `${card.la_name || 'Local authority'} scorecard`),
    h('p', { class: 'lede' }, `Monthly figures, ${period}, from the case record. `,
      withTarget ? `${reds} of the ${withTarget} measures with a target ${reds === 1 ? 'is' : 'are'} off target. ` : '',
      currentUser?.role === 'SCRUTINY_MEMBER' ? 'Figures only: no child can be identified from this page.' : ''),
    filter,
    h('div', { class: 'tiles' }, shown.map((i) => tile(i, card, today))));
  // The record changed since the figures were computed: show the new ones once ready.
  if ((card as { refreshing?: boolean }).refreshing) {
    const note = h('p', { class: 'muted', role: 'status' }, 'Updating the figures with the latest changes…');
    main.insertBefore(note, main.children[2] ?? null);
    window.setTimeout(() => {
      if (location.hash.startsWith('#/scorecard') && main.contains(note)) {
        main.replaceChildren();
        void scorecardPage(main, params);
      }
    }, 1500);
  }
}
