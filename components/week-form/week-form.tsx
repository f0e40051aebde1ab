'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useRef, useState, useTransition, type FocusEvent } from 'react';
import { saveWeekAction, type SaveWeekResult } from '@/app/(app)/entry/actions';
import type { ConflictDetail } from '@/db/queries/save-week';
import type { Language, WeekStatus } from '@/lib/constants';
import { localize, type FormLabels } from '@/lib/i18n/form-labels';
import { localDateTime } from '@/lib/time-zone';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { ErrorSummary } from '../ui/error-summary';
import { Field, buttonClass, inputClass, secondaryButtonClass } from '../ui/field';
import { describeReportConflict, draftToPayload, reportErrorsOf } from '../report-form/adapter';
import { applyReportChoice, isUntouchedCarried, rebaseReport, type ReportSide } from '../report-form/rebase-report';
import { ReportSections } from '../report-form/report-sections';
import { reportLifecycle } from '../report-form/lifecycle';
import type { ReportDraft } from '../report-form/types';
import { translator } from '@/lib/i18n/messages';
import { blockingErrors, checkWeek, draftDirty } from './check';
import { ConflictPanel } from './conflict-panel';
import { incidentToDraft } from './drafts';
import { IncidentEditor } from './incident-editor';
import { MetricInputs } from './metric-inputs';
import { applyChoice, cellToDraft, rebaseDraft, type Choice } from './rebase';
import type { CellDraft, FormMetric, WeekDraft } from './types';
import { clearLocalDraft, readLocalDraft, useLeaveGuard, writeLocalDraft, type LocalDraft } from './unsaved';

type Intent = 'draft' | 'publish' | 'save';
/** A question the form asks before it sends: blanks to confirm, published values to clear, a withdrawal. */
type Ask = { kind: 'missing' | 'clear'; intent: Intent; keys: string[] } | { kind: 'unpublish' };

/** Which field a DOM id shows, for the errors shown while typing (before the first save attempt). */
function pathOfId(id: string): string | null {
  let m = /^(value|done|total)-(.+)$/.exec(id);
  if (m) return `values.${m[2]}.${m[1]}`;
  m = /^incident-(\d+)-(\w+)$/.exec(id);
  if (m) return `incidents.${m[1]}.${m[2]}`;
  return id === 'notes' || id === 'internalNotes' || id === 'reason' ? id : null;
}

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
  /** False for a week that has not begun in the team's time zone: it may be drafted, not published. */
  canPublish?: boolean;
  /** Whose unsaved work the local copy is (the signed-in user's id). */
  owner?: string;
}) {
  const owner = props.owner ?? 'anyone';
  const l = props.labels;
  const t = translator(props.lang);
  const formRef = useRef<HTMLFormElement>(null);
  const router = useRouter();
  const [draft, setDraft] = useState<WeekDraft>(props.initial);
  // What is stored, as last loaded or saved: what "unsaved changes" and "a changed published value" compare with.
  const [saved, setSaved] = useState<WeekDraft>(props.initial);
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

  // Errors as you type: the same checks as a save, shown for the fields left once (blurred), and for every
  // field after a save was attempted. The server's answer stands until the user edits again.
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [lastIntent, setLastIntent] = useState<Intent | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [serverErrorsFor, setServerErrorsFor] = useState<WeekDraft | null>(null);
  const [ask, setAsk] = useState<Ask | null>(null);
  const published = status === 'published';
  const liveIntent: Intent = lastIntent ?? (published ? 'save' : 'draft');
  const live = useMemo(
    () => checkWeek({ payload: payloadOf(liveIntent, false, { draft, report, baseVersion }), metrics: props.metrics, status, intent: liveIntent, saved, draft, confirmMissing: false }),
    // payloadOf reads only its arguments and props.weekStart.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [draft, report, baseVersion, props.metrics, status, liveIntent, saved],
  );
  const shownLive = lastIntent ? live.fieldErrors : Object.fromEntries(Object.entries(live.fieldErrors).filter(([path]) => touched.has(path)));
  const serverErrors = result && !result.ok && serverErrorsFor === draft ? result.fieldErrors : {};
  const liveShown: Record<string, string[]> = Object.fromEntries(Object.entries(shownLive).map(([k, v]) => [k, v.map((m) => localize(m, props.lang))]));
  const errors: Record<string, string[]> = { ...serverErrors, ...liveShown };
  // Report errors name items by their place in a submit: the server's by the one sent, the live ones by now.
  const reportErrors = {
    ...(sentReport && Object.keys(serverErrors).length ? reportErrorsOf(sentReport.draft, serverErrors, sentReport.publish) : {}),
    ...(report && lastIntent ? reportErrorsOf(report, liveShown, liveIntent === 'publish') : {}),
  };

  // Unsaved work: asked before leaving, and kept on this device until saved.
  const reportDirty = report !== null && JSON.stringify(report) !== JSON.stringify(reportSource ?? null);
  const dirty = draftDirty(saved, draft) || reportDirty;
  useLeaveGuard(dirty && !pending, t('flow.leaveConfirm'));
  // undefined until this device's copy was looked for; a copy while it waits for the user's answer.
  const [offer, setOffer] = useState<LocalDraft | null | undefined>(undefined);
  useEffect(() => {
    const kept = readLocalDraft(owner, props.weekStart);
    const differs = kept && (draftDirty(props.initial, kept.draft) || (kept.report !== null && JSON.stringify(kept.report) !== JSON.stringify(props.report?.initial ?? null)));
    // localStorage exists only in the browser: read once after the first render.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setOffer(differs ? kept : null);
    if (kept && !differs) clearLocalDraft(owner, props.weekStart);
    // Once per week page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.weekStart]);
  useEffect(() => {
    if (offer !== null) return;
    if (dirty) writeLocalDraft(owner, props.weekStart, { draft, report, baseVersion, savedAt: Date.now() });
    else clearLocalDraft(owner, props.weekStart);
  }, [dirty, draft, report, baseVersion, offer, props.weekStart, owner]);

  function restore(kept: LocalDraft) {
    setDraft(kept.draft);
    if (kept.report) setReport(kept.report);
    // The copy was typed on top of that version: saving merges it with whatever was saved since.
    setBaseVersion(kept.baseVersion);
    setOffer(null);
  }
  const warnings: Record<string, string[]> = {};
  if (result?.ok) for (const w of result.warnings) (warnings[w.field] ??= []).push(w.message);

  const setCell = (key: string, patch: Partial<CellDraft>) =>
    setDraft((d) => ({ ...d, values: { ...d.values, [key]: { ...(d.values[key] ?? { value: '', done: '', total: '' }), ...patch } } }));

  function choose(c: ConflictDetail, choice: Choice) {
    setChoices((all) => ({ ...all, [c.field]: choice }));
    setDraft((d) => applyChoice(d, c, choice));
    if (isReportConflict(c)) updateReport((r) => applyReportChoice(r, c, choice));
  }

  function payloadOf(intent: Intent, confirmMissing: boolean, from: { draft: WeekDraft; report: ReportDraft | null; baseVersion: number }) {
    const { incidents, ...rest } = from.draft;
    return {
      ...rest,
      weekStart: props.weekStart,
      baseVersion: from.baseVersion,
      intent,
      confirmMissing,
      incidents: incidents.map(({ clientKey: _k, ...e }) => e),
      ...(from.report ? { report: draftToPayload(from.report, intent === 'publish') } : {}),
    };
  }

  /** Every check first, all at once; then the questions; then the server, which checks again. */
  function submit(intent: Intent, confirmMissing = false, unpublishConfirmed = false) {
    if (unpicked) return;
    const from = { draft, report, baseVersion };
    const problems = checkWeek({ payload: payloadOf(intent, confirmMissing, from), metrics: props.metrics, status, intent, saved, draft, confirmMissing });
    setLastIntent(intent);
    if (Object.keys(blockingErrors(problems)).length) {
      setResult(null);
      setAttempt((n) => n + 1);
      return;
    }
    setAttempt(0);
    if (problems.missing.length) {
      setAsk({ kind: problems.clearing ? 'clear' : 'missing', intent, keys: problems.missing });
      return;
    }
    if (intent === 'draft' && published && !unpublishConfirmed) {
      setAsk({ kind: 'unpublish' });
      return;
    }
    setAsk(null);
    startTransition(() => save(intent, confirmMissing, from, false));
  }

  async function save(intent: Intent, confirmMissing: boolean, from: { draft: WeekDraft; report: ReportDraft | null; baseVersion: number }, retried: boolean) {
      const payload = payloadOf(intent, confirmMissing, from);
      setSentReport(from.report ? { draft: from.report, publish: intent === 'publish' } : null);
      const wasPublished = status === 'published';
      const r = await saveWeekAction(payload);
      setResult(r.ok && wasPublished && r.status === 'draft' ? { ...r, message: t('flow.unpublished') } : r);
      setServerErrorsFor(from.draft);
      if (!r.ok && (r.kind === 'invalid' || r.kind === 'needs_reason')) setAttempt((n) => n + 1);
      if (!r.ok && r.kind === 'needs_confirmation' && r.missingKeys?.length) setAsk({ kind: wasPublished ? 'clear' : 'missing', intent, keys: r.missingKeys });
      if (r.ok) {
        setConflicts([]);
        setChoices({});
        setBaseVersion(r.version);
        setStatus(r.status);
        // The form continues from what is stored: with a merge, that can hold another editor's fields too.
        const saved = r.saved;
        const stored: WeekDraft = {
          reason: '',
          notes: saved.notes,
          internalNotes: saved.internalNotes,
          values: Object.fromEntries(Object.entries(saved.values).map(([k, v]) => [k, cellToDraft(v)])),
          incidents: r.incidents.map(incidentToDraft),
        };
        setDraft(stored);
        setSaved(stored);
        setLastIntent(null);
        setTouched(new Set());
        setAttempt(0);
        clearLocalDraft(owner, props.weekStart);
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

  const names = new Map(props.metrics.map((m) => [m.key, m.label]));
  const askNames = ask && ask.kind !== 'unpublish' ? ask.keys.map((k) => names.get(k) ?? k).join(props.lang === 'zh' ? '、' : ', ') : '';
  const canPublish = props.canPublish ?? true;
  const onBlur = (e: FocusEvent<HTMLFormElement>) => {
    const path = pathOfId((e.target as HTMLElement).id ?? '');
    if (path && !touched.has(path)) setTouched((s) => new Set(s).add(path));
  };
  return (
    <form
      ref={formRef}
      className="flex flex-col gap-6"
      noValidate
      onBlur={onBlur}
      onSubmit={(e) => {
        e.preventDefault();
        submit(published ? 'save' : 'draft');
      }}
    >
      {offer ? (
        <div role="status" data-testid="local-draft" className="rounded-md border border-sky-300 bg-sky-50 p-3 text-sm text-sky-950 dark:border-sky-700 dark:bg-sky-950 dark:text-sky-100">
          <p className="font-medium">{t('flow.restoreTitle', { when: localDateTime(new Date(offer.savedAt)) })}</p>
          <p className="mt-1">{t('flow.restoreBody', { version: offer.baseVersion })}</p>
          <div className="mt-2 flex gap-3">
            <button type="button" className={buttonClass} onClick={() => restore(offer)}>{t('flow.restore')}</button>
            <button
              type="button"
              className={secondaryButtonClass}
              onClick={() => {
                clearLocalDraft(owner, props.weekStart);
                setOffer(null);
              }}
            >
              {t('flow.discard')}
            </button>
          </div>
        </div>
      ) : null}
      <ErrorSummary formRef={formRef} attempt={attempt} title={(count) => localize(`error.fieldsNeedFixing|${JSON.stringify({ count })}`, props.lang)} hint={t('flow.summaryHint')} fieldOf={(field, message) => t('flow.fieldOf', { field, message })} />
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
        {ask && ask.kind !== 'unpublish' ? (
          <AskPanel
            title={t(ask.kind === 'clear' ? 'flow.confirmClearTitle' : 'flow.confirmMissingTitle')}
            body={t(ask.kind === 'clear' ? 'flow.confirmClearBody' : 'flow.confirmMissingBody', { names: askNames })}
            confirm={ask.kind === 'clear' ? t('flow.confirmClear') : l.publishAnyway}
            cancel={t('flow.cancel')}
            disabled={pending}
            onConfirm={() => submit(ask.intent, true)}
            onCancel={() => setAsk(null)}
          />
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
          <textarea id="notes" rows={4} value={draft.notes} onChange={(e) => setDraft((d) => ({ ...d, notes: e.target.value }))} aria-invalid={Boolean(errors.notes)} aria-describedby={errors.notes ? 'notes-error' : undefined} className={inputClass} />
        </Field>
        <Field id="internalNotes" label={l.internalNotes} errors={errors.internalNotes}>
          <textarea id="internalNotes" rows={4} value={draft.internalNotes} onChange={(e) => setDraft((d) => ({ ...d, internalNotes: e.target.value }))} aria-invalid={Boolean(errors.internalNotes)} aria-describedby={errors.internalNotes ? 'internalNotes-error' : undefined} className={inputClass} />
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
        <span className="text-sm text-slate-600 dark:text-slate-400" data-testid="save-state" aria-live="polite">
          {dirty ? `● ${t('flow.unsaved')}` : t('flow.allSaved')}
        </span>
        {!published && !canPublish ? (
          <span className="basis-full text-sm text-amber-800 dark:text-amber-300" id="not-started" data-testid="not-started">{t('flow.notStarted')}</span>
        ) : null}
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
              <button type="button" className={buttonClass} disabled={blocked || !canPublish} aria-describedby={canPublish ? undefined : 'not-started'} onClick={() => submit('publish')}>
                {l.publish}
              </button>
            </>
          )}
        </div>
      </div>
      <ConfirmDialog
        open={ask?.kind === 'unpublish'}
        title={t('flow.unpublishTitle')}
        body={t('flow.unpublishBody')}
        confirm={t('flow.unpublishConfirm')}
        cancel={t('flow.cancel')}
        danger
        testId="unpublish-dialog"
        onConfirm={() => {
          setAsk(null);
          submit('draft', false, true);
        }}
        onCancel={() => setAsk(null)}
      />
    </form>
  );
}

/** A question in the page, where the messages are: focused when it appears, so the user sees it is asked. */
function AskPanel(props: { title: string; body: string; confirm: string; cancel: string; disabled: boolean; onConfirm: () => void; onCancel: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.scrollIntoView({ block: 'center' });
  }, [props.body]);
  return (
    <div ref={ref} tabIndex={-1} role="alertdialog" aria-labelledby="ask-title" aria-describedby="ask-body" data-testid="confirm-panel" className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950 focus:outline-none focus:ring-4 focus:ring-amber-500/40 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100">
      <h2 id="ask-title" className="font-semibold">{props.title}</h2>
      <p id="ask-body" data-testid="missing-metrics" className="mt-1">{props.body}</p>
      <div className="mt-2 flex gap-3">
        <button type="button" className={buttonClass} onClick={props.onConfirm} disabled={props.disabled}>
          {props.confirm}
        </button>
        <button type="button" className={secondaryButtonClass} onClick={props.onCancel}>
          {props.cancel}
        </button>
      </div>
    </div>
  );
}
