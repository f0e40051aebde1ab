// A share link's week page as the link shows it (issue 14): current, or as first published (the week's v1
// snapshot). Reads only what getSharedWeek lets the link read (a published week inside its scope); from a
// snapshot it takes the values, the targets frozen with them, the incidents, the public notes and the report as
// published, never the internal notes or the report's internal parts.
import { changedValues, snapshotView, type AsOf } from '@/lib/kpi/snapshot';
import type { TargetRow } from '@/lib/kpi/targets';
import type { WeekReport } from '@/lib/report/model';
import { publicReport } from '@/lib/report/visibility';
import type { WeekStart } from '@/lib/weeks';
import { getDb, type Db } from '../index';
import type { Incident } from './incidents';
import type { ShareScope } from './share-links';
import { getSharedWeek, type SharedWeek } from './share-links-view';
import { getWeekReport } from './report';
import { listSnapshots } from './snapshots';

type FigureLike = { value: number; done: number | null; total: number | null };

export interface SharedWeekView extends Omit<SharedWeek, 'values' | 'previousValues' | 'targets'> {
  /** What the figures are: `reported` only when the week has a published version to show. */
  asOf: AsOf;
  values: Record<string, FigureLike>;
  previousValues: Record<string, FigureLike>;
  targets: TargetRow[];
  /** Metrics whose current figure differs from the one first published (marked in both views). */
  restated: Set<string>;
  /** The report as first published, public parts only; null: read the current report. */
  report: WeekReport | null;
}

export function getSharedWeekView(weekStart: WeekStart, scope: Pick<ShareScope, 'fromWeek' | 'toWeek'>, asOf: AsOf, db: Db = getDb()): SharedWeekView | null {
  const data = getSharedWeek(weekStart, scope, db);
  if (!data) return null;
  const first = listSnapshots(weekStart, db)[0];
  const restated = new Set(first ? changedValues(first.payload, data.values) : []);
  if (asOf !== 'reported' || !first) return { ...data, asOf: 'current', restated, report: null };
  const view = snapshotView(first.payload, weekStart);
  // The week before as it was first published too, so the change beside each tile is the one then reported.
  const before = data.previousWeek ? listSnapshots(data.previousWeek, db)[0] : undefined;
  const incidents: Incident[] = view.incidents.map((e) => ({ ...e, weekStart }));
  // Snapshots frozen before reports were kept have none: the current report stands in.
  const planItems = () => new Set(getWeekReport(weekStart, { includeInternal: false }, db).planChecks.map((c) => c.itemId));
  const report = first.payload.report ? publicReport(first.payload.report, planItems()) : null;
  return {
    ...data,
    asOf: 'reported',
    values: view.values,
    previousValues: before ? snapshotView(before.payload, data.previousWeek!).values : data.previousValues,
    targets: view.targets,
    incidents,
    notes: view.notes,
    restated,
    report,
  };
}
