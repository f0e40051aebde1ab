// The team's time zone: every time shown and every "today" (the current week, what may be published) is read
// on the team's wall clock, not the server's. Default Asia/Shanghai; TIME_ZONE in the environment overrides
// (validated at start-up in lib/env.ts). Pure: no database, no next/headers.

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

// Building an Intl.DateTimeFormat costs tens of microseconds; a 10-year CSV import validates 520 weeks, each
// asking for today's date. Formatters are kept per zone (a handful at most): same output, built once.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const knownZones = new Map<string, boolean>();

function dateFormat(timeZone: string): Intl.DateTimeFormat {
  let f = dateFormats.get(timeZone);
  if (!f) dateFormats.set(timeZone, (f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return f;
}

function dateTimeFormat(timeZone: string): Intl.DateTimeFormat {
  let f = dateTimeFormats.get(timeZone);
  if (!f) dateTimeFormats.set(timeZone, (f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })));
  return f;
}

/** A zone the runtime knows (Intl accepts it), e.g. Asia/Shanghai or UTC. */
export function isTimeZone(name: string): boolean {
  if (!name) return false;
  let known = knownZones.get(name);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: name });
      known = true;
    } catch {
      known = false;
    }
    if (knownZones.size < 100) knownZones.set(name, known);
  }
  return known;
}

/** TIME_ZONE when set and valid, else Asia/Shanghai. */
export function teamTimeZone(): string {
  const fromEnv = typeof process !== 'undefined' ? process.env.TIME_ZONE?.trim() : undefined;
  return fromEnv && isTimeZone(fromEnv) ? fromEnv : DEFAULT_TIME_ZONE;
}

/** The calendar date (`yyyy-MM-dd`) on the wall clock of `timeZone` at `now`. */
export function dateInZone(now: Date, timeZone: string = teamTimeZone()): string {
  const parts = Object.fromEntries(
    dateFormat(timeZone)
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The wall-clock `yyyy-MM-dd HH:mm` of an instant in `timeZone`, for history and audit rows. */
export function localDateTime(at: Date, timeZone: string = teamTimeZone()): string {
  const parts = Object.fromEntries(
    dateTimeFormat(timeZone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
