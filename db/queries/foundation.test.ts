import { describe, expect, it } from 'vitest';
import { DEFAULT_METRICS, DEFAULT_TARGETS, METRIC_KEYS } from '@/lib/constants';
import { generateDemoData } from '@/lib/demo-data';
import { openTestDatabase } from '../setup';
import { metricValues, revisions, weeks } from '../schema';
import { getMetricByKey, listMetrics } from './catalogue';
import { writeDemoData } from './demo';
import { listTargets } from './targets';
import { getWeekValues } from './values';
import { countWeeks, getLatestPublishedWeek } from './weeks';

describe('the real migrations', () => {
  it('install exactly the default catalogue with its targets', () => {
    const db = openTestDatabase();
    expect(listMetrics({}, db).map((m) => m.key)).toEqual([...METRIC_KEYS]);
    const availability = getMetricByKey('availability', db)!;
    expect(availability).toMatchObject({ decimals: 3, truncate: true, direction: 'higher', kind: 'rate' });
    expect(listTargets(db)).toHaveLength(DEFAULT_TARGETS.length);
    expect(DEFAULT_METRICS).toHaveLength(12);
  });

  it('round-trip a value with its counts', () => {
    const db = openTestDatabase();
    const metric = getMetricByKey('data_classification_progress', db)!;
    db.insert(weeks).values({ weekStart: '2023-07-10', status: 'published' }).run();
    db.insert(metricValues).values({ weekStart: '2023-07-10', metricId: metric.id, value: 15.08, done: 27, total: 179 }).run();
    expect(getWeekValues('2023-07-10', db).data_classification_progress).toMatchObject({
      value: 15.08,
      done: 27,
      total: 179,
      version: 1,
    });
    expect(getLatestPublishedWeek(db)?.weekStart).toBe('2023-07-10');
  });

  it('keep one value per week and metric', () => {
    const db = openTestDatabase();
    const metric = getMetricByKey('health_score', db)!;
    db.insert(weeks).values({ weekStart: '2023-07-10' }).run();
    db.insert(metricValues).values({ weekStart: '2023-07-10', metricId: metric.id, value: 488 }).run();
    expect(() =>
      db.insert(metricValues).values({ weekStart: '2023-07-10', metricId: metric.id, value: 512 }).run(),
    ).toThrow(/UNIQUE/);
  });

  it('make the revision log append-only', () => {
    const db = openTestDatabase();
    db.insert(revisions).values({ entity: 'value', entityId: '1', action: 'create', after: { value: 1 } }).run();
    expect(() => db.update(revisions).set({ reason: 'tamper' }).run()).toThrow(/append-only/);
    expect(() => db.delete(revisions).run()).toThrow(/append-only/);
  });

  it('enforce foreign keys', () => {
    const db = openTestDatabase();
    expect(() => db.insert(metricValues).values({ weekStart: '1999-01-04', metricId: 1, value: 1 }).run()).toThrow(
      /FOREIGN KEY/,
    );
  });
});

describe('demo data', () => {
  it('writes N published weeks ending at the given week, with one target change', () => {
    const db = openTestDatabase();
    const data = generateDemoData({ weeks: 52, endWeek: '2026-11-23', seed: 7 });
    writeDemoData(data, { reset: false }, db);
    expect(countWeeks(db)).toBe(52);
    expect(getLatestPublishedWeek(db)?.weekStart).toBe('2026-11-23');
    const changed = listTargets(db).filter((t) => t.metricKey === 'first_attempt_success_rate');
    expect(changed.map((t) => t.target)).toEqual([99.2, 99.3]);
    expect(Object.keys(getWeekValues('2026-11-23', db))).toHaveLength(12);
  });

  it('replaces existing data only when asked to reset', () => {
    const db = openTestDatabase();
    writeDemoData(generateDemoData({ weeks: 4, endWeek: '2026-11-23' }), { reset: false }, db);
    expect(() => writeDemoData(generateDemoData({ weeks: 4, endWeek: '2026-11-23' }), { reset: false }, db)).toThrow();
    expect(countWeeks(db)).toBe(4);
    writeDemoData(generateDemoData({ weeks: 10, endWeek: '2026-11-23' }), { reset: true }, db);
    expect(countWeeks(db)).toBe(10);
  });
});
