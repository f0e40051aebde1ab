// One validated CSV row → the weekly form's input. The row states some metrics; everything else about the
// week (other values, the event log, notes, status) stays as stored. Pure.
import type { WideCsvRow } from '../csv/validate';
import { DONE_SUFFIX, TOTAL_SUFFIX } from '../csv/validate';
import { plainNumber } from '../csv/format';
import { storedIncidentInput, storedValueCells, type StoredWeek, type WeekEntryInput } from './report-entry';

const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : plainNumber(n));

/**
 * Intent `save`: a new week is created as a draft and a published one stays published (changing it needs the
 * reason, which names the file; its missing metrics stay confirmed). A value given without counts keeps the stored counts while the value is the
 * stored one, so a file without `_done`/`_total` columns does not erase them.
 */
export function csvRowToEntryInput(row: WideCsvRow, stored: StoredWeek, reason: string): WeekEntryInput {
  const values = storedValueCells(stored);
  for (const [key, v] of Object.entries(row.values)) {
    const before = stored.values[key];
    const keepCounts = v.done === undefined && v.total === undefined && before?.value === v.value;
    values[key] = keepCounts ? values[key] : { value: text(v.value), done: text(v.done), total: text(v.total) };
  }
  return {
    weekStart: row.weekStart,
    baseVersion: stored.version,
    intent: 'save',
    // The import never publishes: a published week's missing metrics were confirmed when it was published.
    confirmMissing: true,
    reason,
    notes: stored.notes,
    internalNotes: stored.internalNotes,
    values,
    incidents: stored.incidents.map(storedIncidentInput),
  };
}

/** The CSV column a form field came from: `values.<key>.done` → `<key>_done`; null for anything else. */
export function csvColumnOf(path: readonly PropertyKey[]): string | null {
  if (path[0] !== 'values' || typeof path[1] !== 'string') return null;
  if (path[2] === 'done') return `${path[1]}${DONE_SUFFIX}`;
  if (path[2] === 'total') return `${path[1]}${TOTAL_SUFFIX}`;
  return path[1];
}
