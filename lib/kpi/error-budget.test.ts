import { describe, expect, it } from 'vitest';
import { errorBudget, minutesElapsedInYear, minutesInYear, weekEndInstant } from './error-budget';

const endOfYear = (y: number) => new Date(y, 11, 31, 23, 59, 59, 999);

describe('minutes in a year', () => {
  it('counts 525,600 minutes, 527,040 in leap years', () => {
    expect(minutesInYear(2023)).toBe(525_600);
    expect(minutesInYear(2024)).toBe(527_040);
    expect(minutesInYear(1900)).toBe(525_600);
    expect(minutesInYear(2000)).toBe(527_040);
  });

  it('counts elapsed minutes from 1 January 00:00 local', () => {
    expect(minutesElapsedInYear(new Date(2023, 0, 1))).toBe(0);
    expect(minutesElapsedInYear(new Date(2023, 0, 1, 1, 30))).toBe(90);
    expect(minutesElapsedInYear(new Date(2023, 6, 1))).toBe(181 * 1440);
    expect(minutesElapsedInYear(new Date(2024, 2, 1))).toBe(60 * 1440); // 29 February counted
    expect(minutesElapsedInYear(endOfYear(2023))).toBeCloseTo(525_600, 3);
    expect(minutesElapsedInYear(endOfYear(2024))).toBeCloseTo(527_040, 3);
  });
});

describe('errorBudget', () => {
  it('allows 52.56 min/yr at 99.99 % and 10.51 at 99.998 % in a 365-day year', () => {
    const asOf = new Date(2023, 0, 1);
    expect(errorBudget({ availability: 100, target: 99.99, asOf }).allowedMinutes).toBeCloseTo(52.56, 6);
    expect(errorBudget({ availability: 100, target: 99.998, asOf }).allowedMinutes).toBeCloseTo(10.512, 6);
  });

  it('allows a little more in a leap year', () => {
    expect(errorBudget({ availability: 100, target: 99.99, asOf: new Date(2024, 5, 1) }).allowedMinutes).toBeCloseTo(
      52.704,
      6,
    );
  });

  it('uses (1 − availability) of the minutes elapsed so far', () => {
    const b = errorBudget({ availability: 99.995, target: 99.99, asOf: new Date(2023, 6, 1) });
    expect(b.elapsedMinutes).toBe(260_640);
    expect(b.usedMinutes).toBeCloseTo(13.032, 6);
    expect(b.leftMinutes).toBeCloseTo(39.528, 6);
  });

  it('goes negative when the budget is overspent', () => {
    const b = errorBudget({ availability: 99.97, target: 99.99, asOf: new Date(2023, 6, 1) });
    expect(b.usedMinutes).toBeCloseTo(78.192, 6);
    expect(b.leftMinutes).toBeCloseTo(-25.632, 6);
  });

  it('spends exactly the whole budget when the year ends exactly on target', () => {
    const b = errorBudget({ availability: 99.99, target: 99.99, asOf: endOfYear(2023) });
    expect(b.usedMinutes).toBeCloseTo(52.56, 6);
    expect(b.leftMinutes).toBeCloseTo(0, 6);
  });

  it('uses nothing at 100 % and has the full budget on 1 January', () => {
    const b = errorBudget({ availability: 100, target: 99.99, asOf: new Date(2025, 0, 1) });
    expect(b).toEqual({ allowedMinutes: b.allowedMinutes, usedMinutes: 0, leftMinutes: b.allowedMinutes, elapsedMinutes: 0 });
  });

  it('restarts with the new year', () => {
    const dec = errorBudget({ availability: 99.99, target: 99.99, asOf: new Date(2024, 11, 31, 12) });
    const jan = errorBudget({ availability: 99.99, target: 99.99, asOf: new Date(2025, 0, 2) });
    expect(dec.elapsedMinutes).toBe(365 * 1440 + 720);
    expect(dec.allowedMinutes).toBeCloseTo(52.704, 6);
    expect(jan.elapsedMinutes).toBe(1440);
    expect(jan.allowedMinutes).toBeCloseTo(52.56, 6);
    expect(jan.usedMinutes).toBeCloseTo(0.144, 6);
  });
});

describe('weekEndInstant', () => {
  it('is the end of the week\'s Sunday, local time', () => {
    const d = weekEndInstant('2023-07-10');
    expect([d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes()]).toEqual([2023, 7, 16, 23, 59]);
  });

  it('lands in the new year for the week holding 1 January', () => {
    const d = weekEndInstant('2026-12-28');
    expect([d.getFullYear(), d.getMonth() + 1, d.getDate()]).toEqual([2027, 1, 3]);
    expect(minutesElapsedInYear(d)).toBeCloseTo(3 * 1440, 3);
  });
});
