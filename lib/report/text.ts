// Line handling and number helpers shared by the report parsers.

export interface ReportLine {
  /** The line as written: titles, causes and handling are sliced from here. */
  raw: string;
  /** Same length as `raw` with full-width forms folded to ASCII, so indices found here slice `raw`. */
  norm: string;
  /** Inside a "下周…" (next week's goals) section: its percentages are targets, not figures. */
  inGoals: boolean;
}

/** A number as reports write it; bounded so a run of digits can never make a pattern backtrack far. */
export const NUM = '(\\d{1,12}(?:\\.\\d{1,12})?)';
/** Label-to-value glue: optional colon between a few spaces (bounded, see NUM). */
export const SEP = '\\s{0,3}:?\\s{0,3}';
export const PCT = `${NUM}\\s{0,2}%`;

const FULL_WIDTH = /[\uff01-\uff5e\u3000\u301c]/g;

/**
 * Folds full-width punctuation and digits (：％，（）～０-９) to ASCII one character for one, keeping
 * every index of the original so matches on the folded copy can slice the original text.
 */
export function normalizeWidth(s: string): string {
  return s.replace(FULL_WIDTH, (ch) => {
    const code = ch.charCodeAt(0);
    if (code === 0x3000) return ' ';
    if (code === 0x301c) return '~';
    return String.fromCharCode(code - 0xfee0);
  });
}

const HEADING = /^\s{0,3}(#{1,6})\s/;
const GOALS_TITLE = /^[\s#*【\[]{0,12}(?:下周|下一周|下阶段)/;

export function headingLevel(norm: string): number {
  const m = HEADING.exec(norm);
  return m ? m[1].length : 0;
}

/**
 * Splits the report into lines and marks the next-week section, which runs from its heading (or a
 * bare "下周工作及目标" line) to the next heading of the same or a higher level.
 */
export function toLines(text: string): ReportLine[] {
  const out: ReportLine[] = [];
  let goalsLevel = 0; // 0: not in the goals section; 7: opened by a bare line, closed by any heading
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const norm = normalizeWidth(raw);
    const level = headingLevel(norm);
    if (goalsLevel && level && level <= goalsLevel) goalsLevel = 0;
    if (!goalsLevel && GOALS_TITLE.test(norm) && (level > 0 || norm.trim().length <= 24)) {
      goalsLevel = level || 7;
    }
    out.push({ raw, norm, inGoals: goalsLevel > 0 });
  }
  return out;
}

export function decimalsOf(stated: string): number {
  const dot = stated.indexOf('.');
  return dot < 0 ? 0 : stated.length - dot - 1;
}

export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** Whether `actual` rounds to `stated` at the stated precision (half a unit of its last digit). */
export function agreesWith(stated: string, actual: number): boolean {
  const tolerance = 0.5 * 10 ** -decimalsOf(stated);
  return Math.abs(Number(stated) - actual) <= tolerance + 1e-9;
}

export function formatDerived(value: number, decimals: number): string {
  return value.toFixed(decimals);
}

const LOOSE_ENDS = new Set([' ', '\t', ',', '，', ';', '；', '、', ':', '：', '\u3000']);

/**
 * Trims whitespace and dangling clause separators left behind after cutting a clause out.
 * A loop, not `/[…]+$/`: that pattern is quadratic on a long run of separators.
 */
export function tidy(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && LOOSE_ENDS.has(s[start])) start++;
  while (end > start && LOOSE_ENDS.has(s[end - 1])) end--;
  return s.slice(start, end);
}
