// Availability error budget. Availability is year to date (%), the target a yearly % (99.99).
// allowed = (1 − target/100) × minutes in the year; used ≈ (1 − availability/100) × minutes elapsed so far.
import { differenceInCalendarDays, endOfDay, getDaysInYear, startOfYear } from 'date-fns';
import { parseDate, weekEnd, type WeekStart } from '../weeks';

export const MINUTES_PER_DAY = 1440;

export type ErrorBudget = {
  /** Downtime the target allows in asOf's whole year. */
  allowedMinutes: number;
  /** Downtime implied by the year-to-date availability over the minutes elapsed so far. */
  usedMinutes: number;
  /** allowed − used; negative when the budget is overspent. */
  leftMinutes: number;
  /** Minutes from 1 January 00:00 (local) to asOf. */
  elapsedMinutes: number;
};

/** 525,600, or 527,040 in a leap year. */
export function minutesInYear(year: number): number {
  return getDaysInYear(new Date(year, 0, 1)) * MINUTES_PER_DAY;
}

/**
 * Wall-clock minutes from 1 January 00:00 of asOf's year to asOf (local time; a DST shift does not skew it,
 * and a year's total stays 525,600 / 527,040).
 */
export function minutesElapsedInYear(asOf: Date): number {
  const days = differenceInCalendarDays(asOf, startOfYear(asOf));
  const minutes =
    days * MINUTES_PER_DAY +
    asOf.getHours() * 60 +
    asOf.getMinutes() +
    asOf.getSeconds() / 60 +
    asOf.getMilliseconds() / 60000;
  return Math.min(Math.max(minutes, 0), minutesInYear(asOf.getFullYear()));
}

/**
 * The end (23:59:59.999 local) of a week's Sunday: the asOf for figures reported for that week.
 * Note the week holding 1 January ends in the new year.
 */
export function weekEndInstant(week: WeekStart): Date {
  const sunday = parseDate(weekEnd(week));
  if (!sunday) throw new RangeError(`Not a week: ${week}`);
  return endOfDay(sunday);
}

export function errorBudget(input: { availability: number; target: number; asOf: Date }): ErrorBudget {
  const { availability, target, asOf } = input;
  const yearMinutes = minutesInYear(asOf.getFullYear());
  const elapsedMinutes = minutesElapsedInYear(asOf);
  const allowedMinutes = ((100 - target) / 100) * yearMinutes;
  const usedMinutes = ((100 - availability) / 100) * elapsedMinutes;
  return { allowedMinutes, usedMinutes, leftMinutes: allowedMinutes - usedMinutes, elapsedMinutes };
}
