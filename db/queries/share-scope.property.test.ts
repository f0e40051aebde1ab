// Promise: a share link never returns a week outside its scope, whatever range the URL asks for (before,
// after, across or inside the scope), on the page and in the CSV export. Both read through
// resolveSharedRange, exactly as app/s/[token]/page.tsx and app/s/[token]/export/route.ts do.
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addWeeks, parseWeekLabel, weekLabel, type WeekStart } from '@/lib/weeks';
import type { Db } from '../index';
import { metricValues, metrics, weeks } from '../schema';
import { openTestDatabase } from '../setup';
import { exportCsv } from './export';
import { loadSharedDashboardModel, resolveSharedRange } from './share-links-view';

const FIRST = '2025-01-06';
const PUBLISHED = 60;
const DRAFT_VALUE = 999_999;
const week = (i: number): WeekStart => addWeeks(FIRST, i);
/** Health score of published week i: rises with the week, so an average of in-scope weeks stays in their span. */
const valueOf = (i: number) => 100 + i;

function seed(): Db {
  const db = openTestDatabase();
  const health = db.select().from(metrics).where(eq(metrics.key, 'health_score')).get()!;
  for (let i = 0; i < PUBLISHED + 4; i++) {
    // A few drafts in the middle and after the last published week: never shown either.
    const draft = i >= PUBLISHED || i % 17 === 5;
    db.insert(weeks).values({ weekStart: week(i), status: draft ? 'draft' : 'published' }).run();
    db.insert(metricValues).values({ weekStart: week(i), metricId: health.id, value: draft ? DRAFT_VALUE : valueOf(i) }).run();
  }
  return db;
}

const index = fc.integer({ min: -80, max: PUBLISHED + 80 });
const scopeArb = fc
  .record({ from: fc.option(fc.integer({ min: -10, max: PUBLISHED + 10 })), to: fc.option(fc.integer({ min: -10, max: PUBLISHED + 10 })) })
  .filter((s) => s.from === null || s.to === null || s.from <= s.to)
  .map((s) => ({ fromWeek: s.from === null ? null : week(s.from), toWeek: s.to === null ? null : week(s.to) }));
const paramsArb = fc.oneof(
  fc.record({ from: index.map((i) => weekLabel(week(i), 'jan1')), to: index.map((i) => weekLabel(week(i), 'jan1')) }),
  fc.record({ from: index.map((i) => weekLabel(week(i), 'jan1')) }),
  fc.record({ to: index.map((i) => weekLabel(week(i), 'jan1')) }),
  fc.record({ range: fc.constantFrom('13w', '26w', '52w', 'ytd', 'all', 'bogus') }),
  fc.constant({}),
);

describe('share scope clamp', () => {
  const db = seed();
  const inScope = (scope: { fromWeek: string | null; toWeek: string | null }) => (w: WeekStart) =>
    (!scope.fromWeek || w >= scope.fromWeek) && (!scope.toWeek || w <= scope.toWeek);

  it('no page data and no CSV row ever comes from a week outside the scope', () => {
    fc.assert(
      fc.property(scopeArb, paramsArb, (scope, params) => {
        const shared = resolveSharedRange(params, scope, 'jan1', db);
        const visible = Array.from({ length: PUBLISHED }, (_, i) => i).filter((i) => i % 17 !== 5 && inScope(scope)(week(i)));
        if (!visible.length) {
          expect(shared).toBeNull();
          return;
        }
        const ok = inScope(scope);
        const { bounds, range } = shared!;
        expect(ok(range.from) && ok(range.to) && range.from <= range.to).toBe(true);

        // The page: every chart row, sparkline and tile value from inside the scope.
        const model = loadSharedDashboardModel({ from: range.from, to: range.to, latestWeek: bounds.latest, lang: 'en', numbering: 'jan1', scope }, db);
        const [lo, hi] = [valueOf(visible[0]), valueOf(visible.at(-1)!)];
        for (const chart of model.charts.groups.flatMap((g) => g.panels)) {
          for (const row of chart.rows) expect(ok(String(row.weekStart)), `chart week ${row.weekStart}`).toBe(true);
        }
        const healthValues = model.charts.groups.find((g) => g.id === 'health')!.panels.flatMap((p) => p.rows).map((r) => r.health_score).filter((v): v is number => typeof v === 'number');
        const tile = model.tiles.find((t) => t.metric.key === 'health_score')!;
        for (const v of [...healthValues, ...tile.spark.filter((v): v is number => v !== null), tile.value ?? lo]) {
          expect(v).toBeGreaterThanOrEqual(lo);
          expect(v).toBeLessThanOrEqual(hi);
        }

        // The export: every row a week inside the scope, never a draft.
        const csv = exportCsv({ from: range.from, to: range.to, publishedOnly: true }, db);
        const rows = csv.replace(/^\uFEFF/, '').trim().split(/\r?\n/).slice(1);
        for (const line of rows) {
          const w = parseWeekLabel(line.split(',')[0], 'jan1');
          expect(w && ok(w), `csv row ${line}`).toBe(true);
          expect(line).not.toContain(String(DRAFT_VALUE));
        }
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('a range wholly before or after the scope gives the link\'s own weeks with a notice, never the ends swapped', () => {
    const scope = { fromWeek: week(20), toWeek: week(30) };
    for (const params of [
      { from: weekLabel(week(2), 'jan1'), to: weekLabel(week(10), 'jan1') },
      { from: weekLabel(week(31), 'jan1'), to: weekLabel(week(50), 'jan1') },
    ]) {
      const shared = resolveSharedRange(params, scope, 'jan1', db)!;
      expect(shared.outsideScope).toBe(true);
      expect(shared.range).toMatchObject({ from: week(20), to: week(30) });
    }
    // Only an end before the scope: the range would end before it starts, and says so.
    expect(resolveSharedRange({ to: weekLabel(week(19), 'jan1') }, scope, 'jan1', db)!.range).toMatchObject({ from: week(20), to: week(30), notice: expect.any(String) });
    expect(resolveSharedRange({ from: weekLabel(week(25), 'jan1'), to: weekLabel(week(40), 'jan1') }, scope, 'jan1', db)).toMatchObject({ range: { from: week(25), to: week(30), notice: null }, outsideScope: false });
  });
});
