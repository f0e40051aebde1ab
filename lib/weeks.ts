// Week math: the one place that turns dates into weeks and back.
// A week is stored as its Monday's date (`yyyy-MM-dd`, local calendar date, no time zone).
// Dates are always parsed with parseISO (local midnight), never `new Date('yyyy-MM-dd')` (UTC).
import {
  addDays,
  addWeeks as addWeeksFns,
  differenceInCalendarWeeks,
  format,
  getISOWeek,
  getISOWeekYear,
  getWeek,
  getWeekYear,
  isValid,
  parseISO,
  startOfISOWeek,
  startOfWeek,
} from 'date-fns';
import { dateInZone, teamTimeZone } from './time-zone';

export const WEEK_NUMBERINGS = ['jan1', 'iso'] as const;
export type WeekNumbering = (typeof WEEK_NUMBERINGS)[number];

/** A week's key: the Monday's date as `yyyy-MM-dd`. */
export type WeekStart = string;

const MONDAY = { weekStartsOn: 1 } as const;
// The team's numbering: week 1 is the Monday-start week holding 1 January (never split across years).
const JAN1 = { weekStartsOn: 1, firstWeekContainsDate: 1 } as const;

const DATE_RE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const LABEL_RE = /^(\d{4})-?W(\d{1,2})$/i;

export function isWeekNumbering(value: unknown): value is WeekNumbering {
  return typeof value === 'string' && (WEEK_NUMBERINGS as readonly string[]).includes(value);
}

/** Parses `2023-07-15`, `2023/7/15` or `2023.07.15` to a local date; null when not a real date. */
export function parseDate(input: string): Date | null {
  const m = DATE_RE.exec(input.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const iso = `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const date = parseISO(iso);
  if (!isValid(date) || date.getFullYear() !== y || date.getMonth() + 1 !== mo || date.getDate() !== d) {
    return null;
  }
  return date;
}

export function toDateString(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

/** The Monday of the week holding `date`. */
export function weekStartOf(date: Date | string): WeekStart {
  const d = typeof date === 'string' ? parseDate(date) : date;
  if (!d || !isValid(d)) throw new RangeError(`Not a date: ${String(date)}`);
  return toDateString(startOfWeek(d, MONDAY));
}

export function weekNumberOf(date: Date | string, numbering: WeekNumbering): { year: number; week: number } {
  const d = parseDate(weekStartOf(date))!;
  if (numbering === 'iso') return { year: getISOWeekYear(d), week: getISOWeek(d) };
  // jan1: the week holding 1 January is week 1 of the new year as a whole, Monday included.
  return { year: getWeekYear(d, JAN1), week: getWeek(d, JAN1) };
}

// A page labels the same few hundred weeks on every request; the label of a stored date never changes.
const labels = new Map<string, string>();

export function weekLabel(date: Date | string, numbering: WeekNumbering): string {
  const key = typeof date === 'string' ? `${numbering}|${date}` : null;
  const known = key === null ? undefined : labels.get(key);
  if (known !== undefined) return known;
  const { year, week } = weekNumberOf(date, numbering);
  const label = `${year}-W${String(week).padStart(2, '0')}`;
  if (key !== null) {
    if (labels.size >= 20_000) labels.clear();
    labels.set(key, label);
  }
  return label;
}

function firstWeekStart(year: number, numbering: WeekNumbering): Date {
  const jan = new Date(year, 0, numbering === 'iso' ? 4 : 1);
  return numbering === 'iso' ? startOfISOWeek(jan) : startOfWeek(jan, MONDAY);
}

/** `2023-W29` (or `2023W29`) to its Monday; null when malformed or the week does not exist. */
export function parseWeekLabel(label: string, numbering: WeekNumbering): WeekStart | null {
  const m = LABEL_RE.exec(label.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (week < 1 || week > 53) return null;
  const monday = toDateString(addWeeksFns(firstWeekStart(year, numbering), week - 1));
  const back = weekNumberOf(monday, numbering);
  return back.year === year && back.week === week ? monday : null;
}

/** A week label or any date inside the week, to the week's Monday; null when neither. */
export function parseWeek(input: string, numbering: WeekNumbering): WeekStart | null {
  const byLabel = parseWeekLabel(input, numbering);
  if (byLabel) return byLabel;
  const date = parseDate(input);
  return date ? weekStartOf(date) : null;
}

export function weekEnd(weekStart: WeekStart): string {
  return toDateString(addDays(parseISO(weekStart), 6));
}

/** The date `offset` days after the week's Monday (0 = Monday … 6 = Sunday). */
export function weekDay(weekStart: WeekStart, offset: number): string {
  return toDateString(addDays(parseISO(weekStart), offset));
}

export function addWeeks(weekStart: WeekStart, n: number): WeekStart {
  return toDateString(addWeeksFns(parseISO(weekStart), n));
}

/** Whole weeks from `from` to `to` (negative when `to` is earlier). */
export function weeksBetween(from: WeekStart, to: WeekStart): number {
  return differenceInCalendarWeeks(parseISO(to), parseISO(from), MONDAY);
}

/** Every week from `from` to `to`, both included, oldest first. */
export function listWeeks(from: WeekStart, to: WeekStart): WeekStart[] {
  const n = weeksBetween(from, to);
  const out: WeekStart[] = [];
  for (let i = 0; i <= n; i++) out.push(addWeeks(from, i));
  return out;
}

/** The week holding today on the team's wall clock (lib/time-zone.ts), not the server's. */
// Every request asks for this week (the readers' sanity bound, the entry form); the answer can only change
// on a minute boundary (today's zones are offset by whole minutes), so it is kept for the minute.
let thisWeek: { key: string; week: WeekStart } | null = null;

export function currentWeekStart(now: Date = new Date(), timeZone: string = teamTimeZone()): WeekStart {
  const key = `${timeZone}|${Math.floor(now.getTime() / 60_000)}`;
  if (thisWeek?.key === key) return thisWeek.week;
  const week = weekStartOf(dateInZone(now, timeZone));
  thisWeek = { key, week };
  return week;
}

/** `2023年第29周 (07/10–07/16)` */
export function formatWeekZh(weekStart: WeekStart, numbering: WeekNumbering): string {
  const { year, week } = weekNumberOf(weekStart, numbering);
  const start = parseISO(weekStart);
  return `${year}年第${week}周 (${format(start, 'MM/dd')}–${format(addDays(start, 6), 'MM/dd')})`;
}

/** `Week 29, 2023 (Jul 10 – Jul 16)` */
export function formatWeekEn(weekStart: WeekStart, numbering: WeekNumbering): string {
  const { year, week } = weekNumberOf(weekStart, numbering);
  const start = parseISO(weekStart);
  return `Week ${week}, ${year} (${format(start, 'MMM d')} – ${format(addDays(start, 6), 'MMM d')})`;
}

/** The week's title in the reader's language. */
export function formatWeek(weekStart: WeekStart, numbering: WeekNumbering, lang: 'zh' | 'en'): string {
  return lang === 'zh' ? formatWeekZh(weekStart, numbering) : formatWeekEn(weekStart, numbering);
}

// The weeks a report may be about: real Mondays from the first Monday of 2000 to a year after this week.
// Anything outside this range is a typo (9999-12-27) or an attack, and would make every range unbounded.
export const FIRST_WEEK: WeekStart = '2000-01-03';
export const WEEKS_AHEAD = 52;

/** The newest week a report may be saved for: the current week plus WEEKS_AHEAD weeks. */
export function lastAllowedWeek(now: Date = new Date()): WeekStart {
  return addWeeks(currentWeekStart(now), WEEKS_AHEAD);
}

export type WeekProblem = 'not_date' | 'not_monday' | 'too_early' | 'too_late';

/** Why `input` is not a week a report may be saved for (strict `yyyy-MM-dd`), or null when it is one. */
export function weekStartProblem(input: string, now: Date = new Date()): WeekProblem | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input)) return 'not_date';
  const date = parseDate(input);
  if (!date) return 'not_date';
  if (date.getDay() !== 1) return 'not_monday';
  if (input < FIRST_WEEK) return 'too_early';
  if (input > lastAllowedWeek(now)) return 'too_late';
  return null;
}

export function isAllowedWeekStart(input: string, now: Date = new Date()): boolean {
  return weekStartProblem(input, now) === null;
}

/** A real wall-clock `yyyy-MM-ddTHH:mm`: the date exists and the time is 00:00–23:59. */
export function isRealDateTime(input: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(input);
  return Boolean(m && parseDate(m[1]) && Number(m[2]) < 24 && Number(m[3]) < 60);
}

/** A stored week's label, or the stored text itself when the row is not a real week (never throws: a bad row must not take a page down). */
export function weekLabelOrRaw(weekStart: string, numbering: WeekNumbering): string {
  try {
    return weekLabel(weekStart, numbering);
  } catch {
    return weekStart;
  }
}
