'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { saveWeekAction, type SaveWeekResult } from '@/app/(app)/entry/actions';
import type { ConflictDetail } from '@/db/queries/save-week';
import type { Language, WeekStatus } from '@/lib/constants';
import type { FormLabels } from '@/lib/i18n/form-labels';
import { Field, buttonClass, inputClass, secondaryButtonClass } from '../ui/field';
import { describeReportConflict, draftToPayload, reportErrorsOf } from '../report-form/adapter';
import { applyReportChoice, isUntouchedCarried, rebaseReport, type ReportSide } from '../report-form/rebase-report';
import { ReportSections } from '../report-form/report-sections';
import { reportLifecycle } from '../report-form/lifecycle';
import type { ReportDraft } from '../report-form/types';
import { translator } from '@/lib/i18n/messages';
import { ConflictPanel } from './conflict-panel';
import { incidentToDraft } from './drafts';
import { IncidentEditor } from './incident-editor';
import { MetricInputs } from './metric-inputs';
import { applyChoice, cellToDraft, rebaseDraft, type Choice } from './rebase';
import type { CellDraft, FormMetric, WeekDraft } from './types';

const isReportConflict = (c: ConflictDetail) => (c as { kind: string }).kind === 'report';

let nextKey = 0;
const newKey = () => `new-${++nextKey}`;

export function WeekForm(props: {
  weekStart: string;
  weekTitle: string;
  version: number;
  status: WeekStatus;
  metrics: FormMetric[];
  initial: WeekDraft;
  labels: FormLabels;
  lang: Language;
  /** The report sections (issue 13): this week's stored report, or last week's carried into it. */
  report?: { initial: ReportDraft };
}) {
  const l = props.labels;
  const router = useRouter();
  const [draft, setDraft] = useState<WeekDraft>(props.initial);
  const [report, setReport] = useState<ReportDraft | null>(props.report?.initial ?? null);
  const updateReport = (fn: (d: ReportDraft) => ReportDraft) => setReport((r) => (r ? fn(r) : r));
  // After a save the page is refreshed: the report continues from what is stored (new items get their ids).
  const [reportSource, setReportSource] = useState(props.report?.initial);
  if (props.report?.initial !== reportSource) {
    setReportSource(props.report?.initial);
    setReport(props.report?.initial ?? null);
  }
  // The report as last sent: the server's errors name its fields by their place in that submit.
  const [sentReport, setSentReport] = useState<{ draft: ReportDraft; publish: boolean } | null>(null);
  const [baseVersion, setBaseVersion] = useState(props.version);
  const [status, setStatus] = useState<WeekStatus>(props.status);
  const [result, setResult] = useState<SaveWeekResult | null>(null);
  // Fields both editors changed, and the user's pick for each: saving waits until every one is picked.
  const [conflicts, setConflicts] = useState<ConflictDetail[]>([]);
  const [choices, setChoices] = useState<Record<string, Choice | undefined>>({});
  const [pending, startTransition] = useTransition();
  const unpicked = conflicts.some((c) => !choices[c.field]);
  const blocked = pending || unpicked;

  const errors = result && !result.ok ? result.fieldErrors : {};
  const reportErrors = result && !result.ok && sentReport ? reportErrorsOf(sentReport.draft, result.fieldErrors, sentReport.publish) : {};
  const warnings: Record<string, string[]> = {};
  if (result?.ok) for (const w of result.warnings) (warnings[w.field] ??= []).push(w.message);

  const setCell = (key: string, patch: Partial<CellDraft>) =>
    setDraft((d) => ({ ...d, values: { ...d.values, [key]: { ...(d.values[key] ?? { value: '', done: '', total: '' }), ...patch } } }));

  function choose(c: ConflictDetail, choice: Choice) {
    setChoices((all) => ({ ...all, [c.field]: choice }));
    setDraft((d) => applyChoice(d, c, choice));
    if (isReportConflict(c)) updateReport((r) => applyReportChoice(r, c, choice));
  }

  function submit(intent: 'draft' | 'publish' | 'save', confirmMissing = false) {
    if (unpicked) return;
    startTransition(() => save(intent, confirmMissing, { draft, report, baseVersion }, false));
  }

  async function save(intent: 'draft' | 'publish' | 'save', confirmMissing: boolean, from: { draft: WeekDraft; report: ReportDraft | null; baseVersion: number }, retried: boolean) {
      const { incidents, ...rest } = from.draft;
      const payload = {
        ...rest,
        weekStart: props.weekStart,
        baseVersion: from.baseVersion,
        intent,
        confirmMissing,
        incidents: incidents.map(({ clientKey: _k, ...e }) => e),
        ...(from.report ? { report: draftToPayload(from.report, intent === 'publish') } : {}),
      };
      setSentReport(from.report ? { draft: from.report, publish: intent === 'publish' } : null);
      const r = await saveWeekAction(payload);
      setResult(r);
      if (r.ok) {
        setConflicts([]);
        setChoices({});
        setBaseVersion(r.version);
        setStatus(r.status);
        // The form continues from what is stored: with a merge, that can hold another editor's fields too.
        const saved = r.saved;
        setDraft((d) => ({
          ...d,
          reason: '',
          notes: saved.notes,
          internalNotes: saved.internalNotes,
          values: Object.fromEntries(Object.entries(saved.values).map(([k, v]) => [k, cellToDraft(v)])),
          incidents: r.incidents.map(incidentToDraft),
        }));
        router.refresh();
      } else if (r.kind === 'conflict' && r.currentVersion !== undefined && r.theirs) {
        // Onto the stored version: what only they changed comes in, mine stays, each field both changed waits.
        const theirs = r.theirs;
        // An initiative update or finding note I only saw prefilled, never touched: theirs stands, unasked.
        const unasked = (r.conflicts ?? []).filter((c) => isReportConflict(c) && from.report !== null && isUntouchedCarried(from.report, c.field));
        const asked = (r.conflicts ?? []).filter((c) => !unasked.includes(c));
        const moveReport = (rep: ReportDraft) => unasked.reduce((acc, c) => applyReportChoice(acc, c, 'theirs'), rebaseReport(rep, r.takeTheirs ?? [], (theirs as { report?: ReportSide }).report));
        if (!asked.length && unasked.length && !retried && from.report) {
          // Nothing left for the user to pick: send again from the stored version, once.
          const next = { draft: rebaseDraft(from.draft, r.takeTheirs ?? [], theirs), report: moveReport(from.report), baseVersion: r.currentVersion };
          setDraft(next.draft);
          setReport(next.report);
          setBaseVersion(next.baseVersion);
          return save(intent, confirmMissing, next, true);
        }
        setDraft((d) => rebaseDraft(d, r.takeTheirs ?? [], theirs));
        updateReport(moveReport);
        setBaseVersion(r.currentVersion);
        setStatus(theirs.status ?? 'draft');
        setConflicts(asked);
        setChoices({});
      }
  }

  const published = status === 'published';
  return (
    <form
      className="flex flex-col gap-6"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit(published ? 'save' : 'draft');
      }}
    >
      <div aria-live="polite" className="flex flex-col gap-3">
        {result ? (
          <p role={result.ok ? 'status' : 'alert'} data-testid="form-message" className={`rounded-md px-3 py-2 text-sm ${result.ok ? 'bg-green-50 text-green-900 dark:bg-green-950 dark:text-green-200' : 'bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-200'}`}>
            {result.message}
          </p>
        ) : null}
        {conflicts.length ? (
          <ConflictPanel
            conflicts={conflicts}
            choices={choices}
            onChoose={choose}
            metrics={props.metrics}
            fieldLabels={{ title: l.title, startedAt: l.start, endedAt: l.end, durationMinutes: l.duration, grade: l.grade, gradeStatus: l.gradeStatus, cause: l.cause, handling: l.handling, estimated: l.estimated, final: l.final }}
            lang={props.lang}
            describeReport={report ? (c) => describeReportConflict(c, report, translator(props.lang)) : undefined}
          />
        ) : null}
        {result && !result.ok && result.kind === 'needs_confirmation' ? (
          <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950">
            <p data-testid="missing-metrics">{l.missing}: {result.missing?.join(props.lang === 'zh' ? '、' : ', ')}</p>
            <button type="button" className={`${buttonClass} mt-2`} onClick={() => submit('publish', true)} disabled={pending}>
              {l.publishAnyway}
            </button>
          </div>
        ) : null}
        {result?.ok && result.warnings.length ? (
          <ul className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200" data-testid="save-warnings">
            {result.warnings.map((w) => (
              <li key={w.field + w.code}>⚠ {w.message}</li>
            ))}
          </ul>
        ) : null}
      </div>

      <section aria-labelledby="values-heading" className="flex flex-col gap-3">
        <h2 id="values-heading" className="text-lg font-semibold">{l.values}</h2>
        <MetricInputs metrics={props.metrics} values={draft.values} errors={errors} warnings={warnings} onChange={setCell} labels={l} />
      </section>

      <section aria-labelledby="incidents-heading" className="flex flex-col gap-3">
        <h2 id="incidents-heading" className="text-lg font-semibold">{l.events}</h2>
        <IncidentEditor
          incidents={draft.incidents}
          labels={l}
          errors={errors}
          onChange={(incidents) => setDraft((d) => ({ ...d, incidents }))}
          newIncident={() => ({ clientKey: newKey(), title: '', startedAt: `${props.weekStart}T09:00`, endedAt: '', durationMinutes: '', grade: '', gradeStatus: '', cause: '', handling: '' })}
        />
      </section>

      {report && props.report ? (
        <ReportSections draft={report} update={updateReport} errors={{ ...errors, ...reportErrors }} lifecycle={reportLifecycle} newKey={newKey} weekStart={props.weekStart} t={translator(props.lang)} />
      ) : null}

      <section aria-labelledby="notes-heading" className="grid gap-4 md:grid-cols-2">
        <h2 id="notes-heading" className="sr-only">{l.notes}</h2>
        <Field id="notes" label={l.notes} errors={errors.notes}>
          <textarea id="notes" rows={4} value={draft.notes} onChange={(e) => setDraft((d) => ({ ...d, notes: e.target.value }))} className={inputClass} />
        </Field>
        <Field id="internalNotes" label={l.internalNotes} errors={errors.internalNotes}>
          <textarea id="internalNotes" rows={4} value={draft.internalNotes} onChange={(e) => setDraft((d) => ({ ...d, internalNotes: e.target.value }))} className={inputClass} />
        </Field>
      </section>

      {published ? (
        <Field id="reason" label={l.reason} errors={errors.reason}>
          <input id="reason" value={draft.reason} onChange={(e) => setDraft((d) => ({ ...d, reason: e.target.value }))} aria-invalid={Boolean(errors.reason)} aria-describedby={errors.reason ? 'reason-error' : undefined} className={inputClass} />
        </Field>
      ) : null}

      <div className="sticky bottom-0 flex flex-wrap items-center gap-3 border-t border-slate-200 bg-slate-50/95 py-3 dark:border-slate-800 dark:bg-slate-950/95">
        <span className="text-sm text-slate-600 dark:text-slate-400" data-testid="week-status">
          {props.weekTitle} · {published ? l.published : l.draft} · {l.version.replace("{n}", String(baseVersion))}
        </span>
        <div className="ml-auto flex gap-3">
          {published ? (
            <>
              <button type="button" className={secondaryButtonClass} disabled={blocked} onClick={() => submit('draft')}>
                {l.unpublish}
              </button>
              <button type="submit" className={buttonClass} disabled={blocked}>
                {l.saveChanges}
              </button>
              <button type="button" className={buttonClass} disabled={blocked} onClick={() => submit('publish')} data-testid="republish">
                {l.republish}
              </button>
            </>
          ) : (
            <>
              <button type="submit" className={secondaryButtonClass} disabled={blocked}>
                {l.saveDraft}
              </button>
              <button type="button" className={buttonClass} disabled={blocked} onClick={() => submit('publish')}>
                {l.publish}
              </button>
            </>
          )}
        </div>
      </div>
    </form>
  );
}
