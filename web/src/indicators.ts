// The scorecard's data: the API's indicator series, and the plain-English sentences that
// describe them.
import { api } from './api';
import { monthName, number, todayIso } from './dom';

export interface BenchFigure { label: string; year: number; value: number | null; text: string; contributing: number }
export interface Benchmarks {
  measure: string; year: number; la?: BenchFigure; england?: BenchFigure; region?: BenchFigure;
  sn2025_mean?: BenchFigure; sn2025_median?: BenchFigure; sn2021_mean?: BenchFigure; sn2021_median?: BenchFigure;
  quartile: number; quartile_of: number; quartile_band: string;
}
export interface Group { label: string; values: (number | null)[]; numerators: number[]; denominators: number[]; suppressed?: boolean[] }
export interface Indicator {
  id: string; area: string; name: string; description: string; unit: string; polarity: string;
  definition: { numerator: string; denominator: string; timing: string; exclusions: string };
  available: boolean; unavailable_reason?: string;
  values: (number | null)[]; numerators: number[]; denominators: number[];
  target?: { value: number; amber: number }; rag: string; benchmarks?: Benchmarks; groups?: Group[];
}
export interface Scorecard {
  la_code: string; la_name: string; breakdown: string;
  periods: { label: string; from: string; to: string }[]; indicators: Indicator[];
}

// `months` months ending with the current one (month to date) or, with `whole`, the last
// whole months before it: "2024-12-01..2026-11-30".
export function lastMonths(months: number, whole = false, today = todayIso()): string {
  const [y, m] = today.split('-').map(Number);
  const endIndex = y * 12 + (m - 1) - (whole ? 1 : 0);
  const startIndex = endIndex - months + 1;
  const iso = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
  const last = new Date(Date.UTC(Math.floor(endIndex / 12), (endIndex % 12) + 1, 0)).getUTCDate();
  return `${iso(startIndex)}-01..${iso(endIndex)}-${String(last).padStart(2, '0')}`;
}

export function loadScorecard(query: string): Promise<Scorecard> {
  return api<Scorecard>(`/api/indicators?${query}`);
}

export function formatValue(v: number | null | undefined, unit: string): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  switch (unit) {
    case '%': return `${v.toFixed(1)}%`;
    case 'count': return number.format(Math.round(v));
    case 'per 10,000': return v.toFixed(1);
    case 'days':
    case 'working days': return `${Math.round(v)} ${unit}`;
    default: return Number.isInteger(v) ? number.format(v) : v.toFixed(1);
  }
}

// "about 9 in 10" for 88.5%.
export function inTen(pct: number): string {
  const n = Math.round(pct / 10);
  if (n <= 0) return pct > 0 ? 'fewer than 1 in 10' : 'none';
  if (n >= 10) return pct >= 99.5 ? 'all' : 'almost all';
  return `about ${n} in 10`;
}

function lastIndex(values: (number | null)[]): number {
  for (let i = values.length - 1; i >= 0; i--) if (values[i] !== null) return i;
  return -1;
}

export function latest(ind: Indicator): { value: number | null; index: number } {
  const i = lastIndex(ind.values);
  return { value: i >= 0 ? ind.values[i] : null, index: i };
}

// A year's benchmark label: 2025 -> "2024-25".
export function yearLabel(y: number): string {
  return `${y - 1}-${String(y % 100).padStart(2, '0')}`;
}

// The sentence under a tile, e.g. "About 9 in 10 in October 2026 (88.5%), up from 85.1% in
// October 2025, which is better. England 85.7% (2024-25)."
export function sentence(ind: Indicator, periods: Scorecard['periods'], today = todayIso()): string {
  if (!ind.available) return ind.unavailable_reason ?? 'Not available from this data.';
  const { value, index } = latest(ind);
  if (value === null) return 'No figure yet for this period.';
  const partial = periods[index].to > today;
  const when = `${monthName(periods[index].label)}${partial ? ' so far' : ''}`;
  const lead = ind.unit === '%' ? `${cap(inTen(value))} in ${when} (${formatValue(value, ind.unit)})`
    : `${formatValue(value, ind.unit)} in ${when}`;
  let change = '';
  const before = index >= 12 ? index - 12 : 0;
  const prev = ind.values[before];
  if (before !== index && prev !== null && prev !== undefined) {
    const diff = value - prev;
    const same = Math.abs(diff) < (ind.unit === '%' ? 0.5 : Math.max(0.005 * Math.abs(prev), 0.5));
    if (same) {
      change = `, about the same as in ${monthName(periods[before].label)}`;
    } else {
      const up = diff > 0;
      const better = ind.polarity === 'none' ? '' : (up === (ind.polarity === 'higher_better') ? ', which is better' : ', which is worse');
      change = `, ${up ? 'up' : 'down'} from ${formatValue(prev, ind.unit)} in ${monthName(periods[before].label)}${better}`;
    }
  }
  const eng = ind.benchmarks?.england;
  const bench = eng ? (eng.value !== null ? ` England ${formatValue(eng.value, ind.unit)} (${yearLabel(eng.year)}).`
    : ` England: not published.`) : '';
  return `${lead}${change}.${bench}`;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function ragLabel(rag: string): string {
  return ({ red: 'Red: off target', amber: 'Amber: near target', green: 'Green: on target' } as Record<string, string>)[rag] ?? 'No target';
}
