'use client';

import Link from '@/components/ui/link';
import { useState, useTransition } from 'react';
import { importReportAction, previewReportAction, type ImportReportResult } from '@/app/(app)/import/actions';
import type { ReportPreview } from '@/db/queries/import-report';
import type { Language } from '@/lib/constants';
import { MAX_REPORT_CHARS, reportTooLong } from '@/lib/report/limits';
import { translator } from '@/lib/i18n/messages';
import { FORM_LABELS } from '@/lib/i18n/form-labels';
import { ConflictPanel } from '../week-form/conflict-panel';
import { Field, buttonClass, inputClass, secondaryButtonClass } from '../ui/field';
import { ReportPreviewView } from './report-preview';
import { WholeReportPreview } from './whole-report-preview';
import type { MatchChoices } from '@/lib/report/to-model';

const INCIDENT_FIELD_LABELS = Object.fromEntries(
  (['en', 'zh'] as const).map((lang) => {
    const l = FORM_LABELS[lang];
    return [lang, { title: l.title, startedAt: l.start, endedAt: l.end, durationMinutes: l.duration, grade: l.grade, gradeStatus: l.gradeStatus, cause: l.cause, handling: l.handling, estimated: l.estimated, final: l.final }];
  }),
) as Record<Language, Record<'title' | 'startedAt' | 'endedAt' | 'durationMinutes' | 'grade' | 'gradeStatus' | 'cause' | 'handling' | 'estimated' | 'final', string>>;

/** What was previewed: saving sends exactly this text and the version it was compared with. */
interface Previewed {
  text: string;
  preview: ReportPreview;
}

export function ImportForm({ lang }: { lang: Language }) {
  const t = translator(lang);
  const [text, setText] = useState('');
  const [previewed, setPreviewed] = useState<Previewed | null>(null);
  const [textError, setTextError] = useState<string[] | undefined>();
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<ImportReportResult | null>(null);
  // The user's changes to the preview's initiative/finding matches; a new preview starts afresh.
  const [choices, setChoices] = useState<MatchChoices>({});
  const [pending, startTransition] = useTransition();

  async function runPreview(source: string): Promise<void> {
    const r = await previewReportAction({ text: source });
    if (r.ok) {
      if (source !== previewed?.text) setChoices({});
      setPreviewed({ text: source, preview: r.preview });
      setTextError(undefined);
    } else {
      setPreviewed(null);
      setTextError(r.fieldErrors.text ?? [r.message]);
    }
  }

  function preview() {
    // Checked before sending: a body past the server's limit would be refused before our action runs.
    if (text.length > MAX_REPORT_CHARS) {
      setPreviewed(null);
      setTextError([reportTooLong(text.length, lang)]);
      return;
    }
    startTransition(async () => {
      setResult(null);
      await runPreview(text);
    });
  }

  function save(intent: 'draft' | 'publish', confirmMissing = false) {
    if (!previewed) return;
    startTransition(async () => {
      const r = await importReportAction({ text: previewed.text, intent, baseVersion: previewed.preview.stored.version, confirmMissing, reason, choices });
      setResult(r);
      if (r.ok) {
        setReason('');
        // Saved: what was "new" now exists, and the next preview matches it.
        setChoices({});
        // The stored side of the preview is now what was just saved.
        await runPreview(previewed.text);
      }
    });
  }

  const stale = previewed !== null && previewed.text !== text;
  const p = previewed?.preview;
  const canSave = Boolean(p?.week) && !stale && !pending && Object.keys(p?.fieldErrors ?? {}).length === 0;
  const published = p?.stored.status === 'published';
  const reasonError = result && !result.ok ? result.fieldErrors.reason : undefined;

  return (
    <div className="flex flex-col gap-6">
      <form
        className="flex flex-col gap-3"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          preview();
        }}
      >
        <Field id="report" label={t('import.report')} errors={textError}>
          <textarea
            id="report"
            rows={12}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={'# 第29周 2023-07-15\n\n# 上周进展\n…'}
            aria-invalid={Boolean(textError)}
            aria-describedby={textError ? 'report-error' : undefined}
            className={`${inputClass} font-mono text-sm`}
            data-content="user"
          />
        </Field>
        <div>
          <button type="submit" className={buttonClass} disabled={pending}>
            {previewed ? t('import.previewAgain') : t('import.preview')}
          </button>
        </div>
      </form>

      {stale ? (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200" role="status">
          The text changed since the preview: preview again before saving.
        </p>
      ) : null}

      {p ? <ReportPreviewView preview={p} lang={lang} t={t} /> : null}
      {p?.report ? <WholeReportPreview whole={p.report} choices={choices} onChoose={(key, value) => setChoices((c) => ({ ...c, [key]: value }))} t={t} /> : null}

      {p?.week ? (
        <div className="flex flex-col gap-3 border-t border-slate-200 pt-4 dark:border-slate-800">
          <div aria-live="polite" className="flex flex-col gap-3">
            {result ? (
              <p role={result.ok ? 'status' : 'alert'} data-testid="import-message" className={`rounded-md px-3 py-2 text-sm ${result.ok ? 'bg-green-50 text-green-900 dark:bg-green-950 dark:text-green-200' : 'bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-200'}`}>
                {result.message}{' '}
                {result.ok ? (
                  <Link href={`/weeks/${result.label}`} className="font-medium underline" data-testid="import-week-link">
                    {t('import.openWeek', { label: result.label })}
                  </Link>
                ) : null}
              </p>
            ) : null}
            {result && !result.ok && result.kind === 'conflict' && result.conflicts ? (
              <ConflictPanel
                conflicts={result.conflicts}
                metrics={(p?.rows ?? []).map((r) => ({ key: r.key, label: lang === 'zh' ? r.labelZh : r.labelEn, unit: r.unit }))}
                fieldLabels={INCIDENT_FIELD_LABELS[lang]}
                lang={lang}
                heading={t('conflict.importHeading')}
              />
            ) : null}
            {result && !result.ok && result.kind === 'needs_confirmation' ? (
              <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950">
                <p>{t('importMsg.missing', { metrics: result.missing?.join('、') ?? '' })}</p>
                <button type="button" className={`${buttonClass} mt-2`} onClick={() => save('publish', true)} disabled={pending}>
                  {t('importMsg.publishAnyway')}
                </button>
              </div>
            ) : null}
          </div>
          {published ? (
            <>
              <p className="text-sm text-slate-700 dark:text-slate-300">
                {t('import.publishedWeek', { label: p.week.label, saveDraft: t('import.saveDraft') })}
              </p>
              <Field id="reason" label={t('form.reason')} errors={reasonError}>
                <input id="reason" value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={Boolean(reasonError)} aria-describedby={reasonError ? 'reason-error' : undefined} className={inputClass} />
              </Field>
            </>
          ) : null}
          <div className="flex flex-wrap gap-3">
            <button type="button" className={secondaryButtonClass} disabled={!canSave} onClick={() => save('draft')}>
              {t('import.saveDraft')}
            </button>
            <button type="button" className={buttonClass} disabled={!canSave} onClick={() => save('publish')}>
              {t('import.publish')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
