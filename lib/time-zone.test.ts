import { describe, expect, it } from 'vitest';
import { currentWeekStart, weekStartProblem } from './weeks';
import { dateInZone, isTimeZone, localDateTime, teamTimeZone } from './time-zone';
import { parseEnv } from './env';

// Sunday 29 Nov 2026 17:30 UTC is already Monday 30 Nov 01:30 in Shanghai.
const SUNDAY_EVENING_UTC = new Date('2026-11-29T17:30:00Z');

describe('the team time zone', () => {
  it('decides which week is current: Monday 01:30 in Shanghai is the new week, still the old one in UTC', () => {
    expect(currentWeekStart(SUNDAY_EVENING_UTC, 'Asia/Shanghai')).toBe('2026-11-30');
    expect(currentWeekStart(SUNDAY_EVENING_UTC, 'UTC')).toBe('2026-11-23');
    expect(dateInZone(SUNDAY_EVENING_UTC, 'America/New_York')).toBe('2026-11-29');
  });

  it('defaults to Asia/Shanghai, and TIME_ZONE overrides it', () => {
    const saved = process.env.TIME_ZONE;
    try {
      delete process.env.TIME_ZONE;
      expect(teamTimeZone()).toBe('Asia/Shanghai');
      expect(currentWeekStart(SUNDAY_EVENING_UTC)).toBe('2026-11-30');
      process.env.TIME_ZONE = 'UTC';
      expect(currentWeekStart(SUNDAY_EVENING_UTC)).toBe('2026-11-23');
    } finally {
      if (saved === undefined) delete process.env.TIME_ZONE;
      else process.env.TIME_ZONE = saved;
    }
  });

  it('rejects a zone the runtime does not know, at start-up with one sentence', () => {
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(() => parseEnv({ TIME_ZONE: 'Mars/Olympus' })).toThrow(/TIME_ZONE must be a time zone name/);
    expect(parseEnv({}).TIME_ZONE).toBe('Asia/Shanghai');
  });

  it('shows instants on the team clock', () => {
    expect(localDateTime(SUNDAY_EVENING_UTC, 'Asia/Shanghai')).toBe('2026-11-30 01:30');
  });

  it('lets a week be saved up to a year after the team’s current week', () => {
    expect(weekStartProblem('2027-11-29', SUNDAY_EVENING_UTC)).toBeNull();
  });
});
