// The production-event log ("生产稳定性事件："): one entry per dated line, with the lines below it.
import type { Grade, GradeStatus } from '../constants';
import { headingLevel, tidy, type ReportLine } from './text';
import { daysBetween, spanMinutes } from './incident-dates';
import type { ReportWarning } from './types';
import { key } from '@/lib/i18n/key';

/** An event as logged: the log gives month and day only, the year comes from the report. */
export interface LoggedIncident {
  year: number | null;
  month: number;
  day: number;
  hour: number;
  minute: number;
  durationMinutes?: number;
  /** A span's end written with its own date: the duration is settled once the year is known (29 February). */
  spanEnd?: { month: number; day: number; hour: number; minute: number };
  grade: Grade | null;
  gradeStatus: GradeStatus | null;
  title: string;
  cause: string;
  handling: string;
}

export interface IncidentLog {
  /** Whether the report has a log at all; without one the counts cannot be checked. */
  present: boolean;
  incidents: LoggedIncident[];
}

/** Raw text and its width-folded twin (same length), cut in step. */
interface Text {
  raw: string;
  norm: string;
}

const LOG_LABEL = /(?:生产)?稳定性事件|生产事件|生产事故|线上事故/;
const NONE = /^(?:无|暂无|没有|0\s{0,2}[次起个]?)\s{0,3}[。.]?$/;
// A date may be written twice ("3/02 03/02 21:40"): the second copy is skipped.
const EVENT =
  /^\s{0,12}(?:[-*+•]\s{0,3})?(?:\d{1,2}[.、)]\s{1,3}|\(\d{1,2}\)\s{0,3})?(?:(\d{4})\s{0,2}[-/.年]\s{0,2})?(\d{1,2})\s{0,2}(?:[/.-]|月)\s{0,2}(\d{1,2})\s{0,2}日?(?:\s{1,4}\d{1,2}\s{0,2}(?:[/.-]|月)\s{0,2}\d{1,2}\s{0,2}日?)?\s{0,4}(\d{1,2})\s{0,2}:\s{0,2}(\d{2})/;
/** A dated list line without a readable time: an event the log cannot place, worth a warning. */
const DATED_ITEM = /^\s{0,12}(?:[-*+•]\s{0,3}|\d{1,2}[.、)]\s{1,3})(?:\d{4}\s{0,2}[-/.年]\s{0,2})?(\d{1,2})\s{0,2}(?:[/.]|月)\s{0,2}(\d{1,2})(?!\d)/;
const TOP_LEVEL_ITEM = /^\d{1,2}[.、)]\s/;
// The end may carry its own date when the event ran past midnight ("21:40 ～ 03/03 08:05").
const SPAN_AT_START =
  /^\s{0,3}(?:~|-|–|—|至|到)\s{0,3}(?:(\d{1,2})\s{0,2}(?:[/.-]|月)\s{0,2}(\d{1,2})\s{0,2}日?\s{0,4})?(\d{1,2})\s{0,2}:\s{0,2}(\d{2})/;
const SPAN = /(\d{1,2}):(\d{2})\s{0,3}(?:~|-|–|—|至|到)\s{0,3}(\d{1,2}):(\d{2})/;
const DURATION =
  /(?:持续|影响|耗时|历时)(?:时间|时长)?\s{0,3}:?\s{0,3}约?\s{0,2}(\d{1,5}(?:\.\d{1,2})?)\s{0,2}(小时|hours?|hrs?|h|分钟|分|minutes?|mins?|m)(?:\s{0,2}(\d{1,3})\s{0,2}(?:分钟|分|minutes?|mins?|m))?/i;
const GRADE = /(预估|预计|初步定级|定级|最终定级)\s{0,2}(?:为)?\s{0,2}:?\s{0,2}([A-D])\s{0,2}级/gi;
// A field label only at the start of a line or clause, so "人工处理:" inside a sentence stays text.
const FIELD = /(?<=^|[\s,;。、*•-])(原因|根因|处置|处理)\s{0,2}:/g;
const BRACKETED = /\(([^()]{0,60})\)/g;
const CLAUSE = /[^,;，；。]+[,;，；。]?|[,;，；。]/g;

/** Whether a line introduces the log ("生产稳定性事件：", "…：无", or the first event on the same line). */
export function introducesLog(norm: string): boolean {
  const label = LOG_LABEL.exec(norm);
  if (!label) return false;
  const rest = norm.slice(label.index + label[0].length).trim().replace(/^:\s{0,3}/, '');
  return rest === '' || rest.endsWith(':') || NONE.test(rest) || EVENT.test(rest);
}

export function parseIncidentLog(lines: ReportLine[]): { log: IncidentLog; warnings: ReportWarning[] } {
  const warnings: ReportWarning[] = [];
  const incidents: LoggedIncident[] = [];
  let present = false;
  let inLog = false;
  let block: Text[] | null = null;

  const flush = () => {
    if (block) {
      const incident = buildIncident(block, warnings);
      if (incident) incidents.push(incident);
    }
    block = null;
  };

  for (const line of lines) {
    const whole: Text = { raw: line.raw, norm: line.norm };
    if (line.inGoals) {
      flush();
      inLog = false;
      continue;
    }
    if (inLog) {
      if (EVENT.test(line.norm)) {
        flush();
        block = [whole];
        continue;
      }
      if (!headingLevel(line.norm) && !TOP_LEVEL_ITEM.test(line.norm)) {
        const dated = DATED_ITEM.exec(line.norm);
        if (dated && !/^\s{0,12}(?:[-*+•]\s{0,3}|\d{1,2}[.、)]\s{1,3})?(?:原因|根因|处置|处理)/.test(line.norm)) {
          flush();
          warnings.push({ code: 'incident_no_time', message: key('warn.eventNoTime', { text: line.raw.trim() }) });
          continue;
        }
        if (block && line.norm.trim()) block.push(whole);
        continue;
      }
      flush();
      inLog = false;
    }
    const label = LOG_LABEL.exec(line.norm);
    if (!label) continue;
    const rest = slice(whole, label.index + label[0].length);
    const restNorm = rest.norm.trim().replace(/^:\s{0,3}/, '');
    // A passing mention ("生产稳定性事件复盘会") is not the log: the label must introduce it.
    if (restNorm === '' || restNorm.endsWith(':') || NONE.test(restNorm)) {
      present = inLog = true;
    } else if (EVENT.test(restNorm)) {
      present = inLog = true;
      block = [slice(rest, rest.norm.indexOf(restNorm))];
    }
  }
  flush();
  return { log: { present, incidents }, warnings };
}

function slice(t: Text, start: number, end?: number): Text {
  return { raw: t.raw.slice(start, end), norm: t.norm.slice(start, end) };
}

function buildIncident(block: Text[], warnings: ReportWarning[]): LoggedIncident | null {
  const head = block[0];
  const m = EVENT.exec(head.norm);
  if (!m) return null;
  const [month, day, hour, minute] = [Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) {
    warnings.push({ code: 'incident_invalid_date', message: key('warn.eventNoDateTime', { text: head.raw.trim() }) });
    return null;
  }
  let desc = slice(head, m[0].length);
  let durationMinutes: number | undefined;
  let spanEndDay: LoggedIncident['spanEnd'];
  const spanEnd = SPAN_AT_START.exec(desc.norm);
  if (spanEnd) {
    const endDay = spanEnd[1] ? { month: Number(spanEnd[1]), day: Number(spanEnd[2]) } : null;
    const days = endDay && daysBetween(month, day, endDay.month, endDay.day);
    if (endDay && days === null) {
      // An end date before the start (or weeks after it) is a typo we cannot settle: no duration, a warning.
      warnings.push({ code: 'uncertain_value', message: key('warn.eventSpanBackwards', { text: head.raw.trim() }) });
    } else {
      durationMinutes = spanMinutes(hour, minute, Number(spanEnd[3]), Number(spanEnd[4]), days);
      if (endDay) spanEndDay = { ...endDay, hour: Number(spanEnd[3]), minute: Number(spanEnd[4]) };
    }
    desc = slice(desc, spanEnd[0].length);
  }

  const fields = { title: [] as Text[], cause: [] as Text[], handling: [] as Text[] };
  let last: keyof typeof fields = 'title';
  for (const text of [desc, ...block.slice(1)]) {
    let at = 0;
    let into: keyof typeof fields = last;
    for (const f of text.norm.matchAll(FIELD)) {
      fields[into].push(slice(text, at, f.index));
      into = f[1] === '原因' || f[1] === '根因' ? 'cause' : 'handling';
      at = f.index + f[0].length;
    }
    fields[into].push(slice(text, at));
    last = into;
  }

  const allNorm = block.map((t) => t.norm).join('\n');
  const stated = durationOf(allNorm);
  if (durationMinutes !== undefined && stated !== undefined && Math.abs(stated - durationMinutes) > 1) {
    // Two readings of one event: the span is kept, and the user is told rather than left with a guess.
    warnings.push({
      code: 'incident_duration_mismatch',
      message: key('warn.eventSpanDiffers', { text: head.raw.trim(), span: durationMinutes, stated }),
    });
  }
  durationMinutes ??= durationOf(desc.norm) ?? spanOf(desc.norm) ?? stated;
  const { grade, gradeStatus } = gradeOf(allNorm);
  return {
    year: m[1] ? Number(m[1]) : null,
    month,
    day,
    hour,
    minute,
    ...(durationMinutes !== undefined ? { durationMinutes } : {}),
    ...(spanEndDay ? { spanEnd: spanEndDay } : {}),
    grade,
    gradeStatus,
    title: titleOf(fields.title),
    cause: join(fields.cause.map(withoutGrade)),
    handling: join(fields.handling.map(withoutGrade)),
  };
}

function spanOf(norm: string): number | undefined {
  const s = SPAN.exec(norm);
  if (!s || Number(s[1]) > 23 || Number(s[2]) > 59) return undefined;
  return spanMinutes(Number(s[1]), Number(s[2]), Number(s[3]), Number(s[4]));
}

function durationOf(norm: string): number | undefined {
  const d = DURATION.exec(norm);
  if (!d) return undefined;
  const amount = Number(d[1]);
  const hours = /^(小时|h)/i.test(d[2]);
  const minutes = hours ? amount * 60 + (d[3] ? Number(d[3]) : 0) : amount;
  return Number.isFinite(minutes) ? Math.round(minutes) : undefined;
}

// A final grade (定级) outranks an estimate; the last mention of a status is the latest word on it.
function gradeOf(norm: string): { grade: Grade | null; gradeStatus: GradeStatus | null } {
  let estimated: Grade | null = null;
  let final: Grade | null = null;
  for (const g of norm.matchAll(GRADE)) {
    const grade = g[2].toUpperCase() as Grade;
    if (g[1].startsWith('预') || g[1].startsWith('初步')) estimated = grade;
    else final = grade;
  }
  if (final) return { grade: final, gradeStatus: 'final' };
  if (estimated) return { grade: estimated, gradeStatus: 'estimated' };
  return { grade: null, gradeStatus: null };
}

/** Cuts every match of a global pattern out of raw and norm alike (they share indices). */
function cut(t: Text, re: RegExp, when: (m: RegExpMatchArray) => boolean = () => true): Text {
  let raw = '';
  let norm = '';
  let at = 0;
  for (const m of t.norm.matchAll(re)) {
    if (m.index === undefined || !when(m)) continue;
    raw += t.raw.slice(at, m.index);
    norm += t.norm.slice(at, m.index);
    at = m.index + m[0].length;
  }
  return { raw: raw + t.raw.slice(at), norm: norm + t.norm.slice(at) };
}

const withoutGrade = (t: Text): Text => cut(t, GRADE);

function join(parts: Text[]): string {
  return parts
    .map((p) => tidy(p.raw.trim()))
    .filter(Boolean)
    .join(' ');
}

/** The event description without its duration clause or grade ("…延迟，告警持续12mins" → "…延迟"). */
function titleOf(parts: Text[]): string {
  const kept: string[] = [];
  for (const part of parts) {
    // "网关超时（11:20～11:52）": a bracketed span goes alone, not with the clause around it.
    const t = cut(withoutGrade(part), BRACKETED, (m) => SPAN.test(m[1]) || DURATION.test(m[1]));
    for (const c of t.norm.matchAll(CLAUSE)) {
      const clauseNorm = c[0];
      if (DURATION.test(clauseNorm) || SPAN.test(clauseNorm) || !tidy(clauseNorm.replace(/[。.]/g, ''))) continue;
      kept.push(t.raw.slice(c.index, c.index + clauseNorm.length));
    }
  }
  return tidy(kept.join('').trim()) || join(parts.map(withoutGrade));
}
