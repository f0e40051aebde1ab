// Display formatting for metric values, deltas and minutes. Pure: no React, no database.
// Numbers are grouped per locale (1,234.5) and always shown with exactly the metric's decimals.
import type { Language } from './constants';
import type { MetricDelta } from './kpi/delta';
import { translator } from './i18n/messages';

/** Shown for a missing or non-finite value. */
export const MISSING = '—';
/** Typographic minus used in deltas and minutes ("−3"). */
export const MINUS = '\u2212';

const MAX_DECIMALS = 12;

function checkDecimals(decimals: number): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS) {
    throw new RangeError(`decimals must be an integer from 0 to ${MAX_DECIMALS}, got ${decimals}`);
  }
  return decimals;
}

/** Drops binary float noise (28.999999999999996 → 29) by keeping 15 significant digits. */
function clean(x: number): number {
  return Number(x.toPrecision(15));
}

/** -0 → 0, so nothing ever prints as "-0.00". */
function noNegativeZero(x: number): number {
  return x === 0 ? 0 : x;
}

function scaleTo(value: number, decimals: number, op: (n: number) => number): number {
  if (!Number.isFinite(value)) return value;
  const d = checkDecimals(decimals);
  const factor = 10 ** d;
  const scaled = clean(clean(Math.abs(value)) * factor);
  if (scaled >= Number.MAX_SAFE_INTEGER) return value; // beyond float precision already
  // integer / 10^d is the double nearest the decimal number, so it prints exactly.
  return noNegativeZero((Math.sign(value) * op(scaled)) / factor);
}

/**
 * Truncates toward zero at `decimals`: truncateTo(99.9995, 3) = 99.999 (never 100), truncateTo(-1.29, 1) = -1.2.
 * Float noise is removed first, so truncateTo(0.57, 2) = 0.57 even though 0.57 * 100 = 56.99999999999999.
 */
export function truncateTo(value: number, decimals: number): number {
  return scaleTo(value, decimals, Math.trunc);
}

/** Rounds half away from zero at `decimals`: roundTo(1.005, 2) = 1.01, roundTo(-2.5, 0) = -3. */
export function roundTo(value: number, decimals: number): number {
  return scaleTo(value, decimals, Math.round);
}

const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Language, decimals: number): Intl.NumberFormat {
  const key = `${locale}:${decimals}`;
  let nf = formatters.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en-US', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: true,
    });
    formatters.set(key, nf);
  }
  return nf;
}

/**
 * A number with exactly `decimals` decimals, grouped per locale ("1,234.50"); rounds half away from zero,
 * or truncates toward zero when `truncate`. Negative numbers use the ASCII hyphen-minus ("-1.50").
 */
export function formatNumber(value: number, decimals: number, locale: Language, truncate = false): string {
  const v = truncate ? truncateTo(value, decimals) : roundTo(value, decimals);
  return numberFormat(locale, decimals).format(noNegativeZero(v));
}

/** Appends a metric unit: '%' directly ("99.99%"), 'pts' as "600 pts" / "600分", others after a space. */
export function withUnit(text: string, unit: string | undefined, locale: Language): string {
  if (!unit) return text;
  if (unit === '%' || unit === '‰') return `${text}${unit}`;
  if (unit === 'pts') return translator(locale)('unit.ptsValue', { v: text });
  return `${text} ${unit}`;
}

export interface ValueFormat {
  decimals: number;
  /** Truncate toward zero instead of rounding (availability). */
  truncate?: boolean;
  /** MetricDefinition.unit: '%', 'pts' or '' for plain counts. */
  unit?: string;
}

/**
 * A metric value for display: formatMetricValue(99.9995, { decimals: 3, truncate: true, unit: '%' }, 'en')
 * = "99.999%"; formatMetricValue(488, { decimals: 0, unit: '' }, 'zh') = "488". Missing → "—".
 * A MetricDefinition can be passed as the format directly.
 */
export function formatMetricValue(value: number | null | undefined, fmt: ValueFormat, locale: Language): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  // A percentage short of 100 never reads as 100: 99.995 % at 2 decimals shows 99.99 %, not 100.00 %.
  const roundsUpToFull = fmt.unit === '%' && value < 100 && roundTo(value, fmt.decimals) >= 100;
  return withUnit(formatNumber(value, fmt.decimals, locale, (fmt.truncate ?? false) || roundsUpToFull), fmt.unit, locale);
}

function signed(value: number, decimals: number, locale: Language): string {
  const v = roundTo(value, decimals);
  const body = numberFormat(locale, decimals).format(Math.abs(v));
  return v > 0 ? `+${body}` : v < 0 ? `${MINUS}${body}` : body;
}

/**
 * A week-on-week change: "+0.02 pp" / "+0.02个百分点" for rates and progress, "−3" / "+12 pts" for counts and
 * scores, "0.00 pp" when flat, "—" when there is no delta. Uses the metric's decimals, always rounded.
 */
export function formatDelta(
  delta: MetricDelta | null | undefined,
  metric: { decimals: number; unit?: string },
  locale: Language,
): string {
  if (!delta || !Number.isFinite(delta.value)) return MISSING;
  const text = signed(delta.value, metric.decimals, locale);
  if (delta.unit === 'pp') return translator(locale)('unit.ppValue', { v: text });
  return withUnit(text, metric.unit === '%' ? '' : metric.unit, locale);
}

/** "12.3 min" / "12.3分钟"; negative (overspent budget) as "−5.2 min"; missing → "—". */
export function formatMinutes(minutes: number | null | undefined, locale: Language, decimals = 1): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return MISSING;
  const v = roundTo(minutes, decimals);
  const body = numberFormat(locale, decimals).format(Math.abs(v));
  const text = v < 0 ? `${MINUS}${body}` : body;
  return translator(locale)('unit.minutes', { n: text });
}

/** A duration in hours and minutes: 125 → "2 h 5 min" / "2小时5分钟", 45 → "45 min" / "45分钟"; missing → "—". */
export function formatDuration(minutes: number | null | undefined, locale: Language): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes) || minutes < 0) return MISSING;
  const total = Math.round(minutes);
  const [h, m] = [Math.floor(total / 60), total % 60];
  const t = translator(locale);
  return h === 0 ? t('duration.m', { m }) : m === 0 ? t('duration.h', { h }) : t('duration.hm', { h, m });
}

/** A metric's unit and precision in words: "百分比 · 2 位小数" / "percentage · 2 decimals", "分 · 整数". */
export function describeUnit(metric: { unit: string; decimals: number }, locale: Language): string {
  const t = translator(locale);
  const unit = metric.unit === '%' ? t('unit.percent') : metric.unit === 'pts' ? t('unit.points') : metric.unit === '‰' ? t('unit.permille') : metric.unit || t('unit.count');
  return `${unit} · ${t('unit.decimals', { count: metric.decimals })}`;
}
