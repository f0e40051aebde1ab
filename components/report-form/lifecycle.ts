// The form's lifecycle actions (add / rename / archive an initiative, add a finding) on the audited server
// actions of app/(app)/entry/report-actions.ts, in the shape the sections call.
import { archiveInitiativeAction, createFindingAction, createInitiativeAction, updateFindingAction, updateInitiativeAction } from '@/app/(app)/entry/report-actions';
import type { LifecycleResult, ReportLifecycle } from './types';

type ActionResult = Awaited<ReturnType<typeof createInitiativeAction>>;

/** The action's answer; `rename` maps the action's field names onto the form's (dueDate → due). */
function answer(r: ActionResult, rename: Record<string, string> = {}): LifecycleResult {
  if (r.ok) return { ok: true, id: r.id, message: '' };
  const fieldErrors = Object.fromEntries(Object.entries(r.fieldErrors).map(([k, v]) => [rename[k] ?? k, v]));
  return { ok: false, message: r.message, fieldErrors };
}

export const reportLifecycle: ReportLifecycle = {
  addInitiative: async (input) => answer(await createInitiativeAction(input)),
  renameInitiative: async ({ id, title }) => answer(await updateInitiativeAction({ id, title })),
  archiveInitiative: async ({ id }) => answer(await archiveInitiativeAction({ id, archived: true })),
  addFinding: async ({ title, source, owner, due, weekStart }) =>
    answer(await createFindingAction({ title, source, owner, dueDate: due === '' ? null : due, openedWeek: weekStart }), { dueDate: 'due' }),
  setFindingDue: async ({ id, due }) => answer(await updateFindingAction({ id, dueDate: due === '' ? null : due }), { dueDate: 'due' }),
};
