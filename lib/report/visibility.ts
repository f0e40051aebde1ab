// What of a week's report a reader without an account may see: nothing marked internal. A snapshot keeps the
// report whole (internal parts included, like the internal notes); share readers get it through this filter.
import type { WeekReport } from './model';

/**
 * The report without internal items, updates or finding notes. Plan checks carry no flag of their own (the
 * planned item does): only those whose item `publicPlanItems` names are kept.
 */
export function publicReport(r: WeekReport, publicPlanItems: ReadonlySet<number>): WeekReport {
  const open = <T extends { internal: boolean }>(x: T) => !x.internal;
  return {
    ...r,
    focus: r.focus.filter(open),
    other: r.other.filter(open),
    nextWeek: r.nextWeek.filter(open),
    planChecks: r.planChecks.filter((c) => publicPlanItems.has(c.itemId)),
    objectives: r.objectives.map((o) => ({ ...o, initiatives: o.initiatives.map((i) => ({ ...i, update: i.update && open(i.update) ? i.update : null })) })),
    findings: r.findings.map((f) => ({ ...f, note: f.note && open(f.note) ? f.note : null })),
  };
}
