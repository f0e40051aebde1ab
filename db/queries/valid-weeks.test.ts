// Issue 11 item 5: one impossible week already in the database (written before saves checked weeks, or by
// hand) must not take down the overview, a week page, a share page or the CSV export.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_METRICS } from '@/lib/constants';
import { weekEntrySchema } from '@/lib/validation/week-entry';
import { openTestDatabase } from '../setup';
import { incidents, metricValues, metrics, user, weeks } from '../schema';
import { getPublishedBounds } from './dashboard';
import { loadDashboardModel } from './dashboard-load';
import { exportCsv, exportJson } from './export';
import { saveWeek } from './save-week';
import { getSharedBounds, getSharedWeek, loadSharedDashboardModel } from './share-links-view';
import { reportInsaneWeeks } from './valid-weeks';
import { getRecentValues, getWeekEntryData } from './week-entry';
import { getLatestPublishedWeek, listWeekRecords } from './weeks';

const GOOD = '2026-11-23';
const BAD = ['9999-12-31', '9999-12-27', '2026-13-45', '2026-11-25', '2026-02-30', '1999-12-27', 'x', ''];

function seeded() {
  const db = openTestDatabase();
  db.insert(user).values({ id: 'u1', email: 'e@example.com', name: 'e', role: 'editor' }).run();
  const schema = weekEntrySchema(DEFAULT_METRICS);
  const saved = saveWeek(schema.parse({ weekStart: GOOD, baseVersion: 0, intent: 'publish', confirmMissing: true, values: { health_score: { value: '580' } } }), { userId: 'u1', email: 'e@example.com' }, db);
  expect(saved.ok).toBe(true);
  const metricId = db.select({ id: metrics.id }).from(metrics).all()[0].id;
  for (const weekStart of BAD) {
    db.insert(weeks).values({ weekStart, status: 'published', notes: 'bad', publishedAt: new Date() }).run();
    db.insert(metricValues).values({ weekStart, metricId, value: 1 }).run();
    db.insert(incidents).values({ weekStart, startedAt: '2026-99-99T99:99', title: 'bad' }).run();
  }
  return db;
}

afterEach(() => vi.restoreAllMocks());

describe('readers with impossible weeks stored', () => {
  it('the overview, share pages and exports skip them and show the real week', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const db = seeded();
    expect(getPublishedBounds(db)).toEqual({ earliest: GOOD, latest: GOOD });
    expect(getLatestPublishedWeek(db)?.weekStart).toBe(GOOD);
    const model = loadDashboardModel({ from: '2026-06-01', to: GOOD, latestWeek: GOOD, lang: 'en', numbering: 'jan1' }, db);
    expect(JSON.stringify(model)).toContain('580');

    const scope = { fromWeek: null, toWeek: null };
    expect(getSharedBounds(scope, db)).toEqual({ earliest: GOOD, latest: GOOD });
    expect(loadSharedDashboardModel({ from: GOOD, to: GOOD, latestWeek: GOOD, lang: 'zh', numbering: 'iso', scope }, db)).toBeTruthy();
    const shared = getSharedWeek(GOOD, scope, db)!;
    expect(shared.values.health_score.value).toBe(580);
    expect(shared.previousWeek).toBeNull();
    expect(shared.nextWeek).toBeNull();

    const csv = exportCsv({ publishedOnly: true }, db);
    expect(csv.trim().split('\n')).toHaveLength(2); // header + the one real week
    expect(csv).toContain('\n2026-W48,');
    expect(exportJson(db).weeks).toHaveLength(1 + BAD.length); // the full dump keeps every row, unlabelled
    expect(listWeekRecords({}, db).map((w) => w.weekStart)).toEqual([GOOD]);
    expect(getRecentValues('9999-12-31', 8, db)).toEqual({ health_score: [580] });
    expect(getWeekEntryData('2026-11-30', db).previousWeek).toBe(GOOD);

    expect(reportInsaneWeeks(db).sort()).toEqual([...BAD].sort());
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
