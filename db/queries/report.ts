// Reads of the whole report (issue 13): one week's report, the form's prefill, and the leadership boards.
// Writes go through saveWeek (weekly rows) and report-admin.ts (objectives, initiatives, findings).
import { and, asc, desc, eq, gte, inArray, lt, lte } from 'drizzle-orm';
import { emptyWeekReport, periodOf, type Finding, type FindingNote, type Initiative, type InitiativeUpdate, type Objective, type PlanCheck, type WeekFinding, type WeekItem, type WeekObjective, type WeekReport } from '@/lib/report/model';
import { getDb, type Db } from '../index';
import type { Tx } from './save-week';
import { findingNotes, findings, initiativeUpdates, initiatives, objectives, planChecks, weekItems, weeks, type FindingRow, type InitiativeRow, type ObjectiveRow, type WeekItemRow } from '../schema';

export interface ReportReadOptions {
  /** Signed-in readers see internal items and updates; share links do not. */
  includeInternal: boolean;
}

export const toObjective = (o: ObjectiveRow): Objective => ({ id: o.id, code: o.code, titleZh: o.titleZh, titleEn: o.titleEn, period: o.period, sort: o.sort, archived: o.archivedAt !== null });
export const toInitiative = (i: InitiativeRow): Initiative => ({ id: i.id, objectiveId: i.objectiveId, parentId: i.parentId, title: i.title, owner: i.owner, sort: i.sort, archived: i.archivedAt !== null });
export const toFinding = (f: FindingRow): Finding => ({ id: f.id, title: f.title, source: f.source, owner: f.owner, status: f.status, dueDate: f.dueDate, openedWeek: f.openedWeek, resolvedWeek: f.resolvedWeek });
const toItem = (r: WeekItemRow): WeekItem => ({ id: r.id, section: r.section, position: r.position, text: r.text, internal: r.internal, carriedFrom: r.carriedFrom });

/** The objectives a week reports on: those of the newest period up to the week's, plus any it has updates for. */
function objectivesFor(weekStart: string, updatedInitiatives: ReadonlySet<number>, db: Db): { objectives: ObjectiveRow[]; initiatives: InitiativeRow[] } {
  const all = db.select().from(objectives).orderBy(asc(objectives.sort), asc(objectives.code), asc(objectives.id)).all();
  const allInitiatives = db.select().from(initiatives).orderBy(asc(initiatives.sort), asc(initiatives.id)).all();
  const withUpdate = new Set(allInitiatives.filter((i) => updatedInitiatives.has(i.id)).map((i) => i.objectiveId));
  const period = all
    .filter((o) => o.period <= periodOf(weekStart))
    .map((o) => o.period)
    .sort()
    .at(-1);
  const shown = all.filter((o) => withUpdate.has(o.id) || (o.period === period && o.archivedAt === null));
  const shownIds = new Set(shown.map((o) => o.id));
  const shownInitiatives = allInitiatives.filter((i) => shownIds.has(i.objectiveId) && (updatedInitiatives.has(i.id) || i.archivedAt === null));
  return { objectives: shown, initiatives: shownInitiatives };
}

/** The week's report as stored; sections, updates and notes the week lacks are empty / null. */
export function getWeekReport(weekStart: string, options: ReportReadOptions, db: Db = getDb()): WeekReport {
  const visible = <T extends { internal: boolean }>(x: T) => options.includeInternal || !x.internal;
  const report = emptyWeekReport(weekStart);
  const week = db.select({ reflection: weeks.reflection }).from(weeks).where(eq(weeks.weekStart, weekStart)).get();
  report.reflection = week?.reflection ?? '';

  const items = db.select().from(weekItems).where(eq(weekItems.weekStart, weekStart)).orderBy(asc(weekItems.position), asc(weekItems.id)).all().map(toItem).filter(visible);
  report.focus = items.filter((i) => i.section === 'focus');
  report.other = items.filter((i) => i.section === 'other');
  report.nextWeek = items.filter((i) => i.section === 'next_week');

  const plan = getPlanToCheck(weekStart, db);
  report.planWeek = plan.week;
  const checks = new Map(db.select().from(planChecks).where(eq(planChecks.weekStart, weekStart)).all().map((c) => [c.itemId, c]));
  report.planChecks = plan.items.filter(visible).map((i): PlanCheck => ({ itemId: i.id, text: i.text, outcome: checks.get(i.id)?.outcome ?? null, reason: checks.get(i.id)?.reason ?? '' }));

  const updates = new Map(db.select().from(initiativeUpdates).where(eq(initiativeUpdates.weekStart, weekStart)).all().map((u) => [u.initiativeId, u]));
  const shown = objectivesFor(weekStart, new Set(updates.keys()), db);
  report.objectives = shown.objectives.map((o): WeekObjective => ({
    ...toObjective(o),
    initiatives: shown.initiatives
      .filter((i) => i.objectiveId === o.id)
      .map((i) => {
        const u = updates.get(i.id);
        const update: InitiativeUpdate | null = u ? { status: u.status, progress: u.progress, text: u.text, internal: u.internal } : null;
        return { ...toInitiative(i), update: update && visible(update) ? update : null };
      }),
  }));

  report.findings = listWeekFindings(weekStart, db).map((f) => ({ ...f, note: f.note && visible(f.note) ? f.note : null }));
  return report;
}

/** The previous week's next_week items: the newest earlier week that planned anything. */
export function getPlanToCheck(weekStart: string, db: Db | Tx = getDb()): { week: string | null; items: WeekItem[] } {
  const prev = db
    .select({ weekStart: weekItems.weekStart })
    .from(weekItems)
    .where(and(eq(weekItems.section, 'next_week'), lt(weekItems.weekStart, weekStart)))
    .orderBy(desc(weekItems.weekStart))
    .limit(1)
    .get();
  if (!prev) return { week: null, items: [] };
  const items = db
    .select()
    .from(weekItems)
    .where(and(eq(weekItems.weekStart, prev.weekStart), eq(weekItems.section, 'next_week')))
    .orderBy(asc(weekItems.position), asc(weekItems.id))
    .all()
    .map(toItem);
  return { week: prev.weekStart, items };
}

/** Findings the week reports on: open during the week (opened by then, not closed before it) or noted in it. */
function listWeekFindings(weekStart: string, db: Db): WeekFinding[] {
  const notes = new Map(db.select().from(findingNotes).where(eq(findingNotes.weekStart, weekStart)).all().map((n) => [n.findingId, n]));
  return db
    .select()
    .from(findings)
    .orderBy(asc(findings.id))
    .all()
    .filter((f) => notes.has(f.id) || (f.openedWeek <= weekStart && (f.resolvedWeek === null || f.resolvedWeek >= weekStart)))
    .map((f) => {
      const n = notes.get(f.id);
      const note: FindingNote | null = n ? { status: n.status, text: n.text, internal: n.internal } : null;
      return { ...toFinding(f), note };
    });
}

/**
 * The form's starting point: the stored report, where each initiative and finding without an update this
 * week takes its newest earlier status and progress (text empty, `carried: true`).
 */
export function getReportPrefill(weekStart: string, db: Db = getDb()): WeekReport {
  const report = getWeekReport(weekStart, { includeInternal: true }, db);
  const missing = report.objectives.flatMap((o) => o.initiatives).filter((i) => !i.update);
  if (missing.length) {
    const earlier = db
      .select()
      .from(initiativeUpdates)
      .where(and(inArray(initiativeUpdates.initiativeId, missing.map((i) => i.id)), lt(initiativeUpdates.weekStart, weekStart)))
      .orderBy(desc(initiativeUpdates.weekStart))
      .all();
    for (const i of missing) {
      const last = earlier.find((u) => u.initiativeId === i.id);
      if (last && !i.archived) {
        i.update = { status: last.status, progress: last.progress, text: '', internal: false };
        i.carried = true;
      }
    }
  }
  for (const f of report.findings) {
    if (!f.note && f.resolvedWeek === null) {
      f.note = { status: f.status, text: '', internal: false };
      f.carried = true;
    }
  }
  return report;
}

export interface BoardInitiative extends Initiative {
  /** One per board week, oldest first; null where the week has no update. */
  statuses: (InitiativeUpdate['status'] | null)[];
  progress: (number | null)[];
  latest: (InitiativeUpdate & { weekStart: string }) | null;
}

export interface ObjectivesBoard {
  weeks: string[];
  objectives: (Objective & { initiatives: BoardInitiative[] })[];
}

/** Objectives → initiatives with a status per week and a progress series over the `count` weeks ending `endWeek`. */
export function listObjectivesBoard(endWeek: string, count = 13, db: Db = getDb(), options: ReportReadOptions = { includeInternal: true }): ObjectivesBoard {
  const boardWeeks = Array.from({ length: count }, (_, k) => shiftWeek(endWeek, k - count + 1));
  // Leadership reads what was published: a draft week's updates never reach the board.
  const rows = db
    .select({ update: initiativeUpdates })
    .from(initiativeUpdates)
    .innerJoin(weeks, and(eq(weeks.weekStart, initiativeUpdates.weekStart), eq(weeks.status, 'published')))
    .where(lte(initiativeUpdates.weekStart, endWeek))
    .orderBy(asc(initiativeUpdates.weekStart))
    .all()
    .map((r) => r.update)
    .filter((u) => options.includeInternal || !u.internal);
  const inWindow = rows.filter((u) => u.weekStart >= boardWeeks[0]);
  const shown = objectivesFor(endWeek, new Set(inWindow.map((u) => u.initiativeId)), db);
  return {
    weeks: boardWeeks,
    objectives: shown.objectives.map((o) => ({
      ...toObjective(o),
      initiatives: shown.initiatives
        .filter((i) => i.objectiveId === o.id)
        .map((i) => {
          const mine = rows.filter((u) => u.initiativeId === i.id);
          const byWeek = new Map(mine.map((u) => [u.weekStart, u]));
          const last = mine.at(-1);
          return {
            ...toInitiative(i),
            statuses: boardWeeks.map((w) => byWeek.get(w)?.status ?? null),
            progress: boardWeeks.map((w) => byWeek.get(w)?.progress ?? null),
            latest: last ? { weekStart: last.weekStart, status: last.status, progress: last.progress, text: last.text, internal: last.internal } : null,
          };
        }),
    })),
  };
}

export interface FindingsBoard {
  open: Finding[];
  overdue: Finding[];
  resolvedThisWeek: Finding[];
}

/** Open findings as of the week (overdue: due before the week's end, or before today for the current week), and those closed in it. */
export function listFindingsBoard(weekStart: string, db: Db = getDb(), today: string = new Date().toISOString().slice(0, 10)): FindingsBoard {
  const weekEndDay = shiftDay(weekStart, 6);
  const asOf = today < weekEndDay ? today : weekEndDay;
  const all = db.select().from(findings).where(lte(findings.openedWeek, weekStart)).orderBy(asc(findings.dueDate), asc(findings.id)).all().map(toFinding);
  const openThen = all.filter((f) => f.resolvedWeek === null || f.resolvedWeek > weekStart);
  return {
    open: openThen,
    overdue: openThen.filter((f) => f.dueDate !== null && f.dueDate < asOf),
    resolvedThisWeek: all.filter((f) => f.resolvedWeek === weekStart),
  };
}

/** Weeks with any initiative update, for the board's week picker. */
export function listReportWeeks(db: Db = getDb()): string[] {
  return db
    .selectDistinct({ weekStart: initiativeUpdates.weekStart })
    .from(initiativeUpdates)
    .where(gte(initiativeUpdates.weekStart, '2000-01-03'))
    .orderBy(asc(initiativeUpdates.weekStart))
    .all()
    .map((r) => r.weekStart);
}

function shiftDay(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const shiftWeek = (weekStart: string, n: number) => shiftDay(weekStart, n * 7);
