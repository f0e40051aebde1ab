// KPI tables ("| 指标 | 本周 | 上周 | 目标 |"): each row becomes the line a writer would have typed
// ("入金有效成功率: 99.99%") for this week's column, and another for last week's, so the one grammar in
// metrics.ts reads both. A table whose this-week column cannot be told is a warning, never a guess.
import type { ReportLine } from './text';
import type { ReportWarning } from './types';
import { key } from '@/lib/i18n/key';

export interface TableRow {
  current: string;
  previous?: string;
}

/** Per line index: a data row's synthetic lines, or null for a table line with nothing to read. */
export type TableLines = Map<number, TableRow | null>;

const CURRENT = /本周|本期|当前|this\s?week|current/i;
const PREVIOUS = /上周|上期|last\s?week|previous/i;
const OTHER = /目标|环比|同比|变化|差值|趋势|备注|说明|target|delta|change|note/i;
const SEPARATOR = /^\|?\s{0,3}:?-{2,}/;
const NUMERIC = /\d/;

const cells = (norm: string) => {
  const parts = norm.trim().split('|').map((c) => c.trim());
  if (parts[0] === '') parts.shift();
  if (parts.length && parts[parts.length - 1] === '') parts.pop();
  return parts;
};

export function readTables(lines: ReportLine[], warnings: ReportWarning[]): TableLines {
  const out: TableLines = new Map();
  let i = 0;
  while (i < lines.length) {
    if (!lines[i].norm.trimStart().startsWith('|')) {
      i++;
      continue;
    }
    const start = i;
    while (i < lines.length && lines[i].norm.trimStart().startsWith('|')) i++;
    readOne(lines, start, i, out, warnings);
  }
  return out;
}

function readOne(lines: ReportLine[], start: number, end: number, out: TableLines, warnings: ReportWarning[]): void {
  for (let k = start; k < end; k++) out.set(k, null);
  const hasHeader = end - start >= 2 && SEPARATOR.test(lines[start + 1].norm.trim());
  const header = hasHeader ? cells(lines[start].norm) : [];
  const body = hasHeader ? start + 2 : start;
  let current = header.findIndex((h, k) => k > 0 && CURRENT.test(h));
  const previous = header.findIndex((h, k) => k > 0 && PREVIOUS.test(h) && !CURRENT.test(h));
  if (current < 0) {
    // Without a 本周 header, the one column that is neither last week's nor a target is this week's.
    const width = Math.max(...Array.from({ length: end - body }, (_, k) => cells(lines[body + k].norm).length), 0);
    const candidates: number[] = [];
    for (let col = 1; col < width; col++) {
      const h = header[col] ?? '';
      if (col === previous || OTHER.test(h)) continue;
      const numeric = Array.from({ length: end - body }, (_, k) => cells(lines[body + k].norm)[col] ?? '').some((c) => NUMERIC.test(c));
      if (numeric) candidates.push(col);
    }
    if (candidates.length === 1) current = candidates[0];
    else if (candidates.length > 1) {
      warnings.push({
        code: 'uncertain_value',
        message: key('warn.tableColumn', { text: lines[start].raw.trim() }),
      });
      return;
    } else return;
  }
  for (let k = body; k < end; k++) {
    const row = cells(lines[k].norm);
    const label = row[0];
    if (!label || row[current] === undefined) continue;
    const entry: TableRow = { current: `${label}: ${row[current]}` };
    if (previous > 0 && row[previous]) entry.previous = `${label}: ${row[previous]}`;
    out.set(k, entry);
  }
}
