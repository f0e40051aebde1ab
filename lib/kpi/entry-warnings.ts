// Warnings at save (never blocks): counts that disagree with the week's incident log, and values far
// outside their recent range (a likely typo such as 9.99 for 99.99).
import { GRADES, INCIDENT_COUNT_KEYS, type Grade, type MetricKind } from '../constants';
import { key as messageKey } from '../i18n/key';

export interface EntryWarning {
  code: 'incident_count_mismatch' | 'outlier';
  field: string;
  message: string;
}

/** How far outside the recent range a value may sit before it looks like a typo, by kind. */
const TOLERANCE: Record<MetricKind, (median: number) => number> = {
  rate: () => 0.5,
  progress: () => 25,
  score: (median) => Math.max(20, Math.abs(median) * 0.25),
  count: () => Number.POSITIVE_INFINITY,
};

export function incidentCountWarnings(
  values: Readonly<Record<string, { value: number } | undefined>>,
  log: ReadonlyArray<{ grade: Grade | null }>,
): EntryWarning[] {
  const warnings: EntryWarning[] = [];
  for (const grade of GRADES) {
    const key = INCIDENT_COUNT_KEYS[grade];
    const inLog = log.filter((e) => e.grade === grade).length;
    const entered = values[key]?.value;
    if (entered === undefined ? inLog > 0 : entered !== inLog) {
      warnings.push({
        code: 'incident_count_mismatch',
        field: `values.${key}.value`,
        message: messageKey('warn.countVsLog', { grade, count: entered ?? '—', inLog }),
      });
    }
  }
  return warnings;
}

export function outlierWarnings(
  values: Readonly<Record<string, { value: number } | undefined>>,
  metrics: ReadonlyArray<{ key: string; kind: MetricKind }>,
  recent: Readonly<Record<string, readonly number[]>>,
): EntryWarning[] {
  const warnings: EntryWarning[] = [];
  for (const m of metrics) {
    const value = values[m.key]?.value;
    const history = recent[m.key] ?? [];
    if (value === undefined || history.length < 3) continue;
    const lo = Math.min(...history);
    const hi = Math.max(...history);
    const sorted = [...history].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    const slack = (hi - lo) * 2 + TOLERANCE[m.kind](median);
    if (value < lo - slack || value > hi + slack) {
      warnings.push({
        code: 'outlier',
        field: `values.${m.key}.value`,
        message: messageKey('warn.outlier', { value, low: lo, high: hi }),
      });
    }
  }
  return warnings;
}
