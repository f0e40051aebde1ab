'use server';

import { revalidatePath } from 'next/cache';
import { listMetrics } from '@/db/queries/catalogue';
import { listIncidents, type Incident } from '@/db/queries/incidents';
import { saveWeek, type ConflictDetail } from '@/db/queries/save-week';
import { getStoredWeek } from '@/db/queries/import-week';
import { getRecentValues } from '@/db/queries/week-entry';
import { getWeekRecord } from '@/db/queries/weeks';
import type { StoredWeek } from '@/lib/import/report-entry';
import { AuthorizationError, requireRole } from '@/lib/auth';
import type { WeekStatus } from '@/lib/constants';
import { incidentCountWarnings, outlierWarnings, type EntryWarning } from '@/lib/kpi/entry-warnings';
import { localize, localizeErrors, messageKey } from '@/lib/i18n/form-labels';
import { translator } from '@/lib/i18n/messages';
import type { WeekState } from '@/lib/kpi/week-merge';
import { getLanguage } from '@/lib/i18n/server';
import { fieldErrorsOf } from '@/lib/validation/result';
import { weekEntrySchema } from '@/lib/validation/week-entry';

export type SaveWeekResult =
  | { ok: true; message: string; version: number; status: WeekStatus; warnings: EntryWarning[]; incidents: Incident[]; saved: StoredWeek }
  | {
      ok: false;
      kind: 'forbidden' | 'invalid' | 'conflict' | 'needs_confirmation' | 'needs_reason';
      message: string;
      fieldErrors: Record<string, string[]>;
      currentVersion?: number;
      /** The fields both changed, the fields only they changed and the stored week: the form rebases on them. */
      conflicts?: ConflictDetail[];
      takeTheirs?: string[];
      theirs?: WeekState;
      missing?: string[];
      /** The same metrics by key: the form marks their fields. */
      missingKeys?: string[];
    };

/** Saves the weekly form. The payload is untrusted: it is validated here against the live catalogue. */
export async function saveWeekAction(payload: unknown): Promise<SaveWeekResult> {
  const [result, lang] = await Promise.all([saveWeekAsKeys(payload), getLanguage()]);
  if (!result.ok && result.kind === 'conflict') return { ...result, message: translator(lang)('conflict.message') };
  // Missing metrics by name in the reader's language, never their keys.
  const names = new Map(listMetrics().map((m) => [m.key, lang === 'zh' ? m.labelZh : m.labelEn]));
  const missing = !result.ok && result.missing ? { missing: result.missing.map((k) => names.get(k) ?? k), missingKeys: result.missing } : {};
  const warnings = result.ok ? { warnings: result.warnings.map((w) => ({ ...w, message: localize(w.message, lang) })) } : {};
  return { ...result, message: localize(result.message, lang), ...warnings, ...(result.ok ? {} : { fieldErrors: localizeErrors(result.fieldErrors, lang), ...missing }) } as SaveWeekResult;
}

async function saveWeekAsKeys(payload: unknown): Promise<SaveWeekResult> {
  let principal;
  try {
    principal = await requireRole('editor');
  } catch (error) {
    if (error instanceof AuthorizationError) return { ok: false, kind: 'forbidden', message: messageKey('error.notAllowed'), fieldErrors: {} };
    throw error;
  }
  const metrics = listMetrics();
  const parsed = weekEntrySchema(metrics).safeParse(payload);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    // Every problem at once: a published week's values that fail validation are changed values, so the
    // missing reason is named now rather than after the user has fixed the rest.
    if (needsReasonToo(payload, fieldErrors)) fieldErrors.reason = [messageKey('error.reasonRequired')];
    const n = Object.keys(fieldErrors).length;
    // The week is not a field of the form: its problem (not a Monday, not started yet…) is the message itself.
    const weekProblem = fieldErrors.weekStart?.[0];
    return { ok: false, kind: 'invalid', message: weekProblem ?? messageKey('error.fieldsNeedFixing', { count: n }), fieldErrors };
  }
  const entry = parsed.data;
  const outcome = saveWeek(entry, { userId: principal.userId, email: principal.email });
  if (!outcome.ok) {
    if (outcome.kind === 'conflict') {
      return {
        ok: false,
        kind: 'conflict',
        message: 'conflict',
        fieldErrors: {},
        currentVersion: outcome.currentVersion,
        conflicts: outcome.conflicts,
        takeTheirs: outcome.takeTheirs,
        theirs: outcome.theirs,
      };
    }
    if (outcome.kind === 'needs_confirmation') {
      return { ok: false, kind: 'needs_confirmation', message: messageKey('error.missingRequired'), fieldErrors: {}, missing: outcome.missing };
    }
    return { ok: false, kind: 'needs_reason', message: messageKey('error.publishedNeedsReason'), fieldErrors: { reason: [messageKey('error.reasonRequired')] } };
  }
  revalidatePath('/', 'layout');
  const warnings = [
    ...incidentCountWarnings(entry.values, entry.incidents),
    ...outlierWarnings(entry.values, metrics, getRecentValues(entry.weekStart)),
  ];
  const message = messageKey(outcome.changes === 0 ? 'error.noChanges' : outcome.status === 'published' ? 'error.savedPublished' : 'error.draftSaved');
  // What is stored now (merged with any save made since the form opened): the form continues from it.
  return { ok: true, message, version: outcome.version, status: outcome.status, warnings, incidents: listIncidents(entry.weekStart), saved: getStoredWeek(entry.weekStart) };
}

function needsReasonToo(payload: unknown, fieldErrors: Record<string, string[]>): boolean {
  if (fieldErrors.reason || typeof payload !== 'object' || payload === null) return false;
  const p = payload as { weekStart?: unknown; intent?: unknown; reason?: unknown };
  if (p.intent === 'draft' || typeof p.weekStart !== 'string' || (typeof p.reason === 'string' && p.reason.trim() !== '')) return false;
  if (!Object.keys(fieldErrors).some((k) => k.startsWith('values.') || k.startsWith('incidents.'))) return false;
  return getWeekRecord(p.weekStart)?.status === 'published';
}
