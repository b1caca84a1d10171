// One indicator: the monthly chart against its target and England, the breakdown by team,
// the benchmarks with their years, and DfE's definition.
import { put, h, shortMonth, monthName } from '../dom';
import { Indicator, formatValue, lastMonths, loadScorecard, ragLabel, sentence, yearLabel } from '../indicators';

function benchTable(ind: Indicator): HTMLElement {
  const b = ind.benchmarks;
  if (!b) return h('p', { class: 'muted' }, 'No published figure is comparable with this measure.');
  const rows = [b.la, b.england, b.region, b.sn2025_mean, b.sn2025_median, b.sn2021_mean, b.sn2021_median];
  return h('table', null,
    h('caption', null, `Published comparison (DfE / LAIT measure ${b.measure})`),
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Who'), h('th', { scope: 'col' }, 'Value'), h('th', { scope: 'col' }, 'Year'))),
    h('tbody', null, rows.filter(Boolean).map((f) => h('tr', null,
      h('th', { scope: 'row' }, f!.label),
      h('td', null, f!.value === null ? 'not published' : formatValue(f!.value, ind.unit)),
      h('td', null, yearLabel(f!.year))))),
    b.quartile ? h('tfoot', null, h('tr', null, h('td', { colspan: 3 },
      `Quartile ${b.quartile} of ${b.quartile_of} local authorities (band ${b.quartile_band}; A is the best).`))) : null);
}

export async function indicatorPage(main: HTMLElement, _p: URLSearchParams, id: string): Promise<void> {
  const months = lastMonths(24);
  const [card, byTeam] = await Promise.all([
    loadScorecard(`monthly=${months}&only=${encodeURIComponent(id)}`),
    loadScorecard(`period=${lastMonths(12, true)}&only=${encodeURIComponent(id)}&by=team`),
  ]);
  const ind = card.indicators[0];
  const chartEl = h('div', { class: 'chart', role: 'figure', 'aria-label': `${ind.name}, monthly` });
  put(main, 
    h('p', null, h('a', { href: '#/scorecard' }, '← Scorecard')),
    h('h1', null, ind.name),
    h('p', { class: 'lede' }, ind.description),
    h('p', { class: 'sentence big' }, sentence(ind, card.periods)),
    ind.rag ? h('p', null, h('span', { class: `rag rag-${ind.rag}` }, ragLabel(ind.rag)),
      ind.target ? ` Target ${formatValue(ind.target.value, ind.unit)} (amber within ${ind.target.amber}).` : '') : null,
    chartEl);
  const teamInd = byTeam.indicators[0];
  const groups = (teamInd.groups ?? []).slice().sort((a, b) => (b.values[0] ?? -1) - (a.values[0] ?? -1));
  put(main, 
    h('h2', null, 'By team, last 12 months'),
    groups.length ? h('table', { class: 'teams' },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Team'), h('th', { scope: 'col' }, 'Value'),
        h('th', { scope: 'col' }, 'Numerator'), h('th', { scope: 'col' }, 'Denominator'))),
      h('tbody', null, groups.map((g) => h('tr', null, h('th', { scope: 'row' }, g.label),
        h('td', null, g.suppressed?.[0] ? 'fewer than 5' : formatValue(g.values[0], ind.unit)),
        h('td', null, g.suppressed?.[0] ? '' : g.numerators[0]),
        h('td', null, g.suppressed?.[0] ? '' : (g.denominators[0] || '')))))) :
      h('p', { class: 'muted' }, 'No breakdown by team for this measure.'),
    h('h2', null, 'Compared with others'),
    benchTable(ind),
    h('h2', null, 'Definition'),
    h('dl', { class: 'definition' },
      h('dt', null, 'Counts'), h('dd', null, ind.definition.numerator),
      h('dt', null, 'Out of'), h('dd', null, ind.definition.denominator || '—'),
      h('dt', null, 'When'), h('dd', null, ind.definition.timing),
      h('dt', null, 'Leaves out'), h('dd', null, ind.definition.exclusions || '—'),
      h('dt', null, 'Better is'), h('dd', null, ind.polarity === 'higher_better' ? 'higher' : ind.polarity === 'lower_better' ? 'lower' : 'neither: context')),
    h('p', { class: 'muted' }, `Figures from ${monthName(card.periods[0].label)} to ${monthName(card.periods[card.periods.length - 1].label)}.`));
  const { lineChart } = await import('../charts');
  const labels = card.periods.map((p) => shortMonth(p.label));
  const series = [{ name: ind.name, values: ind.values }];
  if (ind.target) series.push({ name: 'Target', values: labels.map(() => ind.target!.value), dashed: true } as never);
  const eng = ind.benchmarks?.england?.value;
  if (eng !== undefined && eng !== null) series.push({ name: `England ${yearLabel(ind.benchmarks!.year)}`, values: labels.map(() => eng), dashed: true } as never);
  lineChart(chartEl, labels, series, ind.unit);
}
