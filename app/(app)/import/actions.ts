'use server';

import { revalidatePath } from 'next/cache';
import { localizeErrors } from '@/lib/i18n/form-labels';
import { listMetrics } from '@/db/queries/catalogue';
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

const forbidden = async () => ({ ok: false, kind: 'forbidden', message: translator(await getLanguage())('importMsg.forbidden'), fieldErrors: {} }) as const;

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
  if (!(await editor())) return forbidden();
  const parsed = reportTextSchemaFor(await getLanguage()).safeParse(input);
  if (!parsed.success) return { ok: false, kind: 'invalid', message: translator(await getLanguage())('importMsg.nothingToPreview'), fieldErrors: fieldErrorsOf(parsed.error) };
  return { ok: true, preview: previewReport(parsed.data.text) };
}

/** Saves the previewed report through the weekly form's save path, against the version the preview showed. */
export async function importReportAction(input: unknown): Promise<ImportReportResult> {
  const principal = await editor();
  if (!principal) return forbidden();
  const parsed = importReportInputSchemaFor(await getLanguage()).safeParse(input);
  if (!parsed.success) return { ok: false, kind: 'invalid', message: translator(await getLanguage())('importMsg.nothingSaved'), fieldErrors: fieldErrorsOf(parsed.error) };
  const { text, ...options } = parsed.data;
  const lang = await getLanguage();
  const t = translator(lang);
  const outcome = importReport(text, options, { userId: principal.userId, email: principal.email });
  if (!outcome.ok) {
    switch (outcome.kind) {
      case 'no_week':
        return { ok: false, kind: 'no_week', message: t('importMsg.noWeek'), fieldErrors: {} };
      case 'invalid': {
        const n = Object.keys(outcome.fieldErrors).length;
        return { ok: false, kind: 'invalid', message: t('importMsg.invalid', { count: n }), fieldErrors: localizeErrors(outcome.fieldErrors, lang) };
      }
      case 'conflict':
        return {
          ok: false,
          kind: 'conflict',
          message: t('conflict.importMessage'),
          fieldErrors: {},
          currentVersion: outcome.currentVersion,
          conflicts: outcome.conflicts,
        };
      case 'needs_confirmation':
        return { ok: false, kind: 'needs_confirmation', message: t('importMsg.needsConfirmation'), fieldErrors: {}, missing: metricNames(outcome.missing, lang) };
      case 'needs_reason':
        return { ok: false, kind: 'needs_reason', message: t('importMsg.needsReason'), fieldErrors: { reason: [t('error.reasonRequired')] } };
    }
  }
  revalidatePath('/', 'layout');
  const label = outcome.week.label;
  const message =
    t(outcome.changes === 0 ? 'importMsg.noChanges' : outcome.status === 'published' ? 'importMsg.published' : 'importMsg.draft', { label });
  return { ok: true, message, label, status: outcome.status, version: outcome.version, changes: outcome.changes };
}

/** Missing metrics by their names in the reader's language, never their keys. */
function metricNames(keys: string[], lang: 'zh' | 'en'): string[] {
  const byKey = new Map(listMetrics().map((m) => [m.key, lang === 'zh' ? m.labelZh : m.labelEn]));
  return keys.map((k) => byKey.get(k) ?? k);
}
