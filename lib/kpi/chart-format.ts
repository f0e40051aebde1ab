// Chart ticks and tooltips through the product's one formatter (lib/format.ts): 99.995 at 2 decimals is
// "99.99%", never "100.00%"; a truncated metric (availability) is truncated, never rounded up.
import type { Language } from '../constants';
import { formatMetricValue } from '../format';
import type { ChartMetric } from './chart-data';

type Fmt = Pick<ChartMetric, 'decimals' | 'unit' | 'truncate' | 'kind'>;

/** A value in a tooltip; a pair (the warning band) as "low – high". */
export function chartValue(value: unknown, metric: Fmt, lang: Language): string {
  if (Array.isArray(value)) return value.map((v) => chartValue(v, metric, lang)).join(' – ');
  return formatMetricValue(typeof value === 'number' ? value : null, metric, lang);
}

/** A y-axis tick: the metric's own format; a progress axis (0–100 in whole steps) shows whole percents. */
export function axisTick(value: number, metric: Fmt, lang: Language): string {
  return formatMetricValue(value, metric.kind === 'progress' ? { ...metric, decimals: 0 } : metric, lang);
}
