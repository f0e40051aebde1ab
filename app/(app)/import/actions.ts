'use server';

import { revalidatePath } from 'next/cache';
import { importReport, previewReport, type ReportPreview } from '@/db/queries/import-report';
import type { ConflictDetail } from '@/db/queries/save-week';
import { AuthorizationError, requireRole, type Principal } from '@/lib/auth';
import type { WeekStatus } from '@/lib/constants';
import { importReportInputSchemaFor, reportTextSchemaFor } from '@/lib/import/action-input';
import { translator } from '@/lib/i18n/messages';
import { getLanguage } from '@/lib/i18n/server';
import { fieldErrorsOf } from '@/lib/validation/result';

type Failure<K extends string> = {
  ok: false;
  kind: K;
  message: string;
  fieldErrors: Record<string, string[]>;
};

export type PreviewReportResult = { ok: true; preview: ReportPreview } | Failure<'forbidden' | 'invalid'>;

export type ImportReportResult =
  | { ok: true; message: string; label: string; status: WeekStatus; version: number; changes: number }
  | (Failure<'forbidden' | 'invalid' | 'no_week' | 'conflict' | 'needs_confirmation' | 'needs_reason'> & {
      currentVersion?: number;
      conflicts?: ConflictDetail[];
      missing?: string[];
    });

const FORBIDDEN = { ok: false, kind: 'forbidden', message: 'You are not allowed to import weeks.', fieldErrors: {} } as const;

async function editor(): Promise<Principal | null> {
  try {
    return await requireRole('editor');
  } catch (error) {
    if (error instanceof AuthorizationError) return null;
    throw error;
  }
}

/** Parses the pasted report and compares it with the stored week. Writes nothing. */
export async function previewReportAction(input: unknown): Promise<PreviewReportResult> {
  if (!(await editor())) return FORBIDDEN;
  const parsed = reportTextSchemaFor(await getLanguage()).safeParse(input);
  if (!parsed.success) return { ok: false, kind: 'invalid', message: 'Nothing to preview.', fieldErrors: fieldErrorsOf(parsed.error) };
  return { ok: true, preview: previewReport(parsed.data.text) };
}

/** Saves the previewed report through the weekly form's save path, against the version the preview showed. */
export async function importReportAction(input: unknown): Promise<ImportReportResult> {
  const principal = await editor();
  if (!principal) return FORBIDDEN;
  const parsed = importReportInputSchemaFor(await getLanguage()).safeParse(input);
  if (!parsed.success) return { ok: false, kind: 'invalid', message: 'Nothing was saved.', fieldErrors: fieldErrorsOf(parsed.error) };
  const { text, ...options } = parsed.data;
  const outcome = importReport(text, options, { userId: principal.userId, email: principal.email });
  if (!outcome.ok) {
    switch (outcome.kind) {
      case 'no_week':
        return { ok: false, kind: 'no_week', message: 'Nothing was saved: the report names no week (a heading like "第29周 2023-07-15").', fieldErrors: {} };
      case 'invalid': {
        const n = Object.keys(outcome.fieldErrors).length;
        return { ok: false, kind: 'invalid', message: `Nothing was saved: ${n} value${n === 1 ? '' : 's'} in the report cannot be stored as they are.`, fieldErrors: outcome.fieldErrors };
      }
      case 'conflict':
        return {
          ok: false,
          kind: 'conflict',
          message: translator(await getLanguage())('conflict.importMessage'),
          fieldErrors: {},
          currentVersion: outcome.currentVersion,
          conflicts: outcome.conflicts,
        };
      case 'needs_confirmation':
        return { ok: false, kind: 'needs_confirmation', message: 'Not published: some required metrics have no value. Confirm to publish without them.', fieldErrors: {}, missing: outcome.missing };
      case 'needs_reason':
        return { ok: false, kind: 'needs_reason', message: 'This week is published: say why its values change.', fieldErrors: { reason: ['Give a reason for changing published values.'] } };
    }
  }
  revalidatePath('/', 'layout');
  const label = outcome.week.label;
  const message =
    outcome.changes === 0 ? `No changes: ${label} already holds this report.` : outcome.status === 'published' ? `Published ${label}.` : `Saved ${label} as a draft.`;
  return { ok: true, message, label, status: outcome.status, version: outcome.version, changes: outcome.changes };
}
