// The paste import's whole-report part (issue 13): the model a report is matched against, and the plan
// applied inside the import's transaction: objectives, initiatives and findings created where the plan says
// "new" (audited), then the week's report part as saveWeek takes it.
import { eq } from 'drizzle-orm';
import { CLOSED_FINDING_STATUSES, WEEK_ITEM_SECTIONS, periodOf, type WeekItemSection } from '@/lib/report/model';
import type { ImportPlan } from '@/lib/report/to-model';
import type { ExistingModel } from '@/lib/report/to-model';
import type { ReportEntryInput } from '@/lib/validation/report-entry';
import type { Db } from '../index';
import { findingNotes, findings, initiatives, objectives } from '../schema';
import { createFinding, createInitiative, ensureObjective } from './report-admin';
import { readReportState } from './report-state';
import type { Actor, Tx } from './save-week';

const isOpen = (f: { id: number; status: (typeof CLOSED_FINDING_STATUSES)[number] }, noted: ReadonlySet<number>) => noted.has(f.id) || !CLOSED_FINDING_STATUSES.includes(f.status);

/** What a report for `weekStart` may match: the period's objectives, live initiatives, and every finding (open ones first: a report keeps listing a finding for a while after it is closed). */
export function readExistingModel(tx: Tx | Db, weekStart: string): ExistingModel {
  const period = periodOf(weekStart);
  const noted = new Set(tx.select({ id: findingNotes.findingId }).from(findingNotes).where(eq(findingNotes.weekStart, weekStart)).all().map((r) => r.id));
  return {
    objectives: tx.select().from(objectives).all().filter((o) => o.period === period).map((o) => ({ id: o.id, code: o.code, titleZh: o.titleZh })),
    initiatives: tx.select().from(initiatives).all().filter((i) => i.archivedAt === null).map((i) => ({ id: i.id, objectiveId: i.objectiveId, title: i.title })),
    findings: tx
      .select()
      .from(findings)
      .all()
      .sort((a, b) => Number(isOpen(b, noted)) - Number(isOpen(a, noted)))
      .map((f) => ({ id: f.id, title: f.title })),
  };
}

/**
 * Create what the plan needs and return the week's report part. Sections the report has replace the stored
 * ones (an item with the same text keeps its id and flags); sections it lacks stay as stored; an empty
 * reflection keeps the stored one.
 */
export function applyImportPlan(tx: Tx, plan: ImportPlan, weekStart: string, actor: Actor): ReportEntryInput {
  const period = periodOf(weekStart);
  const objectiveIds = new Map<string, number>();
  for (const o of plan.objectives) objectiveIds.set(o.code, ensureObjective({ code: o.code, titleZh: o.title, period }, actor, tx));

  const initiativeIds = new Map<string, number>();
  const updates: NonNullable<ReportEntryInput['updates']> = [];
  for (const p of plan.initiatives) {
    const id = p.match?.id ?? createInitiative({ objectiveId: objectiveIds.get(p.objectiveCode)!, parentId: p.parentKey ? (initiativeIds.get(p.parentKey) ?? null) : null, title: p.title }, actor, tx);
    initiativeIds.set(p.key, id);
    updates.push({ initiativeId: id, status: p.status, progress: p.progress, text: p.text });
  }

  const findingNotesInput: NonNullable<ReportEntryInput['findingNotes']> = plan.findings.map((f) => ({
    findingId: f.match?.id ?? createFinding({ title: f.title, owner: f.owner, dueDate: f.due, openedWeek: weekStart }, actor, tx),
    status: f.status,
    text: f.text,
  }));

  const stored = readReportState(tx, weekStart);
  const storedItems = Object.entries(stored.items)
    .map(([id, fields]) => ({ id: Number(id), ...fields }))
    .sort((a, b) => a.position - b.position || a.id - b.id);
  const reported: Record<WeekItemSection, string[]> = { focus: plan.focus, other: plan.other, next_week: plan.nextWeek };
  const items: NonNullable<ReportEntryInput['items']> = [];
  for (const section of WEEK_ITEM_SECTIONS) {
    const mine = storedItems.filter((i) => i.section === section);
    if (!reported[section].length) {
      items.push(...mine.map((i) => ({ id: i.id, section, text: i.text, internal: i.internal, carriedFrom: i.carriedFrom })));
      continue;
    }
    const unused = [...mine];
    for (const text of reported[section]) {
      const at = unused.findIndex((i) => i.text === text.trim());
      const same = at >= 0 ? unused.splice(at, 1)[0] : null;
      items.push(same ? { id: same.id, section, text, internal: same.internal, carriedFrom: same.carriedFrom } : { section, text });
    }
  }

  return { reflection: plan.reflection || undefined, items, updates, findingNotes: findingNotesInput };
}
