import { describe, expect, it } from 'vitest';
import { addWeeks } from '../weeks';
import { forecastCompletion, type ForecastPoint } from './forecast';

/** Consecutive weekly points from `start`. */
const series = (start: string, values: (number | null)[]): ForecastPoint[] =>
  values.map((value, i) => ({ week: addWeeks(start, i), value }));

describe('forecastCompletion', () => {
  it('needs data', () => {
    expect(forecastCompletion([])).toEqual({ status: 'insufficient_data' });
    expect(forecastCompletion([{ week: '2024-01-01', value: 50 }])).toEqual({ status: 'insufficient_data' });
    expect(forecastCompletion(series('2024-01-01', [null, 50, null]))).toEqual({ status: 'insufficient_data' });
  });

  it('is done once the latest value reaches the goal, even with one point', () => {
    expect(forecastCompletion([{ week: '2024-01-01', value: 100 }])).toEqual({ status: 'done' });
    expect(forecastCompletion(series('2024-01-01', [90, 95, 100]))).toEqual({ status: 'done' });
    expect(forecastCompletion(series('2024-01-01', [40, 60]), { goal: 60 })).toEqual({ status: 'done' });
  });

  it('projects the least-squares pace from the latest point', () => {
    expect(forecastCompletion(series('2024-01-01', [40, 50, 60, 70]))).toEqual({
      status: 'on_track',
      week: '2024-02-12',
      weeksLeft: 3,
      pacePerWeek: 10,
    });
  });

  it('rounds the weeks left up', () => {
    const f = forecastCompletion(series('2024-01-01', [10, 14]));
    expect(f).toEqual({ status: 'on_track', week: '2024-06-10', weeksLeft: 22, pacePerWeek: 4 });
  });

  it('does not add a week for float noise', () => {
    const f = forecastCompletion(series('2024-01-01', [99.7, 99.8, 99.9]));
    expect(f.status).toBe('on_track');
    if (f.status === 'on_track') {
      expect(f.weeksLeft).toBe(1);
      expect(f.week).toBe('2024-01-22');
      expect(f.pacePerWeek).toBeCloseTo(0.1, 9);
    }
  });

  it('measures x by week distance, so gaps are fine', () => {
    const points = [
      { week: '2024-01-01', value: 10 },
      { week: '2024-01-15', value: 20 },
      { week: '2024-02-12', value: 40 },
    ];
    expect(forecastCompletion(points)).toEqual({ status: 'on_track', week: '2024-05-06', weeksLeft: 12, pacePerWeek: 5 });
  });

  it('only looks back lookbackWeeks weeks (the latest included)', () => {
    // Flat for weeks 0..3, then +2 a week in weeks 12..15.
    const points = [...series('2024-01-01', [50, 50, 50, 50]), ...series('2024-03-25', [60, 62, 64, 66])];
    const recent = forecastCompletion(points);
    expect(recent).toEqual({ status: 'on_track', week: addWeeks('2024-04-15', 17), weeksLeft: 17, pacePerWeek: 2 });
    const all = forecastCompletion(points, { lookbackWeeks: 16 });
    expect(all.status).toBe('on_track');
    if (all.status === 'on_track') expect(all.pacePerWeek).toBeLessThan(2);
    // A window holding only the latest point is not enough.
    expect(forecastCompletion(points, { lookbackWeeks: 1 })).toEqual({ status: 'insufficient_data' });
    // Nine weeks back reaches week 7: still only weeks 12..15.
    expect(forecastCompletion(points, { lookbackWeeks: 9 })).toEqual(recent);
  });

  it('is not on track when the pace is flat or negative', () => {
    expect(forecastCompletion(series('2024-01-01', [70, 70, 70]))).toEqual({ status: 'not_on_track', pacePerWeek: 0 });
    expect(forecastCompletion(series('2024-01-01', [70, 68, 66]))).toEqual({ status: 'not_on_track', pacePerWeek: -2 });
  });

  it('is not on track when the finish is beyond maxWeeksAhead', () => {
    const slow = series('2024-01-01', [10, 10.01]);
    expect(forecastCompletion(slow).status).toBe('not_on_track');
    expect(forecastCompletion(slow, { maxWeeksAhead: 10_000 })).toMatchObject({ status: 'on_track', weeksLeft: 8999 });
  });

  it('accepts points in any order, ignores nulls and keeps the last value given for a week', () => {
    const points = [
      { week: '2024-01-15', value: 60 },
      { week: '2024-01-01', value: 40 },
      { week: '2024-01-08', value: null },
      { week: '2024-01-08', value: 0 },
      { week: '2024-01-08', value: 50 },
    ];
    expect(forecastCompletion(points)).toEqual({ status: 'on_track', week: '2024-02-12', weeksLeft: 4, pacePerWeek: 10 });
  });

  it('crosses the year boundary by whole weeks', () => {
    const f = forecastCompletion(series('2023-12-18', [94, 96, 98]));
    expect(f).toEqual({ status: 'on_track', week: '2024-01-08', weeksLeft: 1, pacePerWeek: 2 });
  });
});
