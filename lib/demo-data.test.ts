import { describe, expect, it } from 'vitest';
import { generateDemoData } from './demo-data';

const year = generateDemoData({ weeks: 52, endWeek: '2026-11-23', seed: 42 });
const decade = generateDemoData({ weeks: 520, endWeek: '2026-11-23', seed: 42 });
const series = (key: string, data = decade) => data.weeks.map((w) => w.values.find((v) => v.key === key)!.value);

describe('generateDemoData', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(generateDemoData({ weeks: 52, endWeek: '2026-11-23', seed: 42 })).toEqual(year);
    expect(generateDemoData({ weeks: 52, endWeek: '2026-11-23', seed: 43 })).not.toEqual(year);
  });

  it('covers consecutive weeks ending at the requested one', () => {
    expect(decade.weeks).toHaveLength(520);
    expect(decade.weeks.at(-1)!.weekStart).toBe('2026-11-23');
    expect(new Set(decade.weeks.map((w) => w.weekStart)).size).toBe(520);
  });

  it('keeps rates near target with occasional dips', () => {
    const inbound = series('inbound_success_rate');
    const dips = inbound.filter((v) => v < 99.99).length;
    expect(Math.min(...inbound)).toBeGreaterThan(99.8);
    expect(dips).toBeGreaterThan(10);
    expect(dips).toBeLessThan(inbound.length / 3);
  });

  it('has sparse incidents, some estimated and some ungraded, matching the weekly counts', () => {
    const all = decade.weeks.flatMap((w) => w.incidents);
    expect(all.filter((e) => e.grade === null).length).toBeGreaterThan(0);
    expect(all.filter((e) => e.gradeStatus === 'estimated').length).toBeGreaterThan(0);
    expect(decade.weeks.filter((w) => w.incidents.length === 0).length).toBeGreaterThan(260);
    for (const w of decade.weeks) {
      const d = w.values.find((v) => v.key === 'incidents_d')!.value;
      expect(d).toBe(w.incidents.filter((e) => e.grade === 'D').length);
    }
  });

  it('climbs progress toward 100 % without going back or past it', () => {
    const progress = series('hive_migration_progress', year);
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1]);
    expect(Math.max(...progress)).toBeLessThanOrEqual(100);
    expect(progress.at(-1)!).toBeGreaterThan(progress[0]);
  });

  it('changes a target half-way', () => {
    expect(year.targetChanges.map((t) => t.effectiveFrom)).toContain(year.weeks[26].weekStart);
  });
});
