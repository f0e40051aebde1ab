'use client';

// Findings: each open one (carried from last week) with its status, due date and this week's note; a small
// form adds a finding (an audited action of its own).
import { useState, useTransition } from 'react';
import type { Translate } from '@/lib/i18n/messages';
import { inputClass, secondaryButtonClass } from '../ui/field';
import { reportErrorKey } from './adapter';
import { MarkdownPreview } from './markdown-preview';
import { FINDING_STATUSES, type FindingDraft, type ReportDraft, type ReportLifecycle } from './types';

const small = `${secondaryButtonClass} px-2 py-1 text-sm`;
const today = () => new Date().toISOString().slice(0, 10);
/** Past its due date and not closed: shown in red (the boards count these as overdue). */
const overdue = (f: FindingDraft) => f.due !== '' && f.due < today() && f.status !== 'resolved' && f.status !== 'accepted_risk';

export function FindingsSection(props: {
  draft: ReportDraft;
  update: (fn: (d: ReportDraft) => ReportDraft) => void;
  errors: Record<string, string[]>;
  /** Absent: no add / rename / archive (the actions are not available to this form). */
  lifecycle?: ReportLifecycle;
  weekStart: string;
  t: Translate;
}) {
  const { draft, update, errors, t } = props;
  const patch = (id: number, p: Partial<FindingDraft>) => update((d) => ({ ...d, findings: d.findings.map((f) => (f.id === id ? { ...f, ...p, carried: false } : f)) }));
  return (
    <div className="flex flex-col gap-2">
      {draft.findings.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">{t('rf.noFindings')}</p> : null}
      <ul className="flex flex-col gap-2">
        {draft.findings.map((f) => {
          const base = `rf-finding-${f.id}`;
          const err = (k: 'status' | 'note') => errors[reportErrorKey.finding(f.id, k === 'note' ? 'text' : k)];
          const aria = (k: 'status' | 'note') => ({ 'aria-invalid': Boolean(err(k)), 'aria-describedby': err(k) ? `${base}-${k}-error` : undefined });
          const line = (k: 'status' | 'note') => (err(k) ? <p id={`${base}-${k}-error`} role="alert" className="text-sm text-bad dark:text-red-400">{err(k)!.join(' ')}</p> : null);
          return (
            <li key={f.id} className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-[12rem_10rem_1fr] dark:border-slate-700" data-testid={base}>
              <p className="font-medium break-words sm:col-span-3">
                <span data-content="user">{f.title}</span>
                {f.source || f.owner ? <span className="ml-2 text-xs font-normal text-slate-500" data-content="user">{[f.source, f.owner].filter(Boolean).join(' · ')}</span> : null}
              </p>
              <div className="flex flex-col gap-1">
                <label htmlFor={`${base}-status`} className="text-sm font-medium">{t('rf.status')}</label>
                <select id={`${base}-status`} value={f.status} onChange={(e) => patch(f.id, { status: e.target.value as FindingDraft['status'] })} className={inputClass} {...aria('status')}>
                  {FINDING_STATUSES.map((s) => <option key={s} value={s}>{t(`rf.fstatus.${s}`)}</option>)}
                </select>
                {line('status')}
              </div>
              {props.lifecycle ? (
                <DueDate finding={f} lifecycle={props.lifecycle} onSaved={(due) => update((d) => ({ ...d, findings: d.findings.map((x) => (x.id === f.id ? { ...x, due } : x)) }))} t={t} />
              ) : (
                <div className="flex flex-col gap-1">
                  <span className="text-sm font-medium">{t('rf.due')}</span>
                  <span className={`py-2 text-sm ${overdue(f) ? 'font-medium text-bad dark:text-red-400' : ''}`}>{f.due || '—'}</span>
                </div>
              )}
              <div className="flex flex-col gap-1">
                <label htmlFor={`${base}-note`} className="text-sm font-medium">{t('rf.note')}</label>
                <textarea id={`${base}-note`} rows={2} value={f.note} onChange={(e) => patch(f.id, { note: e.target.value })} className={inputClass} {...aria('note')} />
                {line('note')}
                <MarkdownPreview source={f.note} />
              </div>
            </li>
          );
        })}
      </ul>
      {props.lifecycle ? <AddFinding lifecycle={props.lifecycle} weekStart={props.weekStart} t={t} onAdded={(f) => update((d) => ({ ...d, findings: [...d.findings, f] }))} /> : null}
    </div>
  );
}

function AddFinding(props: { lifecycle: ReportLifecycle; weekStart: string; onAdded: (f: FindingDraft) => void; t: Translate }) {
  const { t } = props;
  const empty = { title: '', source: '', owner: '', due: '' };
  const [open, setOpen] = useState(false);
  const [input, setInput] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState('');
  const [pending, startTransition] = useTransition();
  if (!open) return <div><button type="button" className={small} onClick={() => setOpen(true)} data-testid="rf-finding-open">+ {t('rf.addFinding')}</button></div>;
  const submit = () =>
    startTransition(async () => {
      const r = await props.lifecycle.addFinding({ ...input, weekStart: props.weekStart });
      if (!r.ok || r.id === undefined) {
        setErrors(r.fieldErrors ?? {});
        setMessage(r.message);
        return;
      }
      props.onAdded({ id: r.id, title: input.title.trim(), source: input.source.trim(), owner: input.owner.trim(), status: 'open', due: input.due, note: '' });
      setInput(empty);
      setErrors({});
      setMessage('');
      setOpen(false);
    });
  const fields = [['title', t('rf.findingTitle'), 'text'], ['source', t('rf.source'), 'text'], ['owner', t('rf.owner'), 'text'], ['due', t('rf.due'), 'date']] as const;
  return (
    <fieldset className="grid gap-2 rounded-md border border-dashed border-slate-300 p-3 sm:grid-cols-4 dark:border-slate-600" data-testid="rf-finding-new">
      <legend className="px-1 text-sm font-medium">{t('rf.addFinding')}</legend>
      {fields.map(([name, label, type]) => (
        <div key={name} className="flex flex-col gap-1">
          <label htmlFor={`rf-finding-new-${name}`} className="text-sm font-medium">{label}</label>
          <input id={`rf-finding-new-${name}`} type={type} value={input[name]} onChange={(e) => setInput((x) => ({ ...x, [name]: e.target.value }))} aria-invalid={Boolean(errors[name])} aria-describedby={errors[name] ? `rf-finding-new-${name}-error` : undefined} className={inputClass} />
          {errors[name] ? <p id={`rf-finding-new-${name}-error`} role="alert" className="text-sm text-bad dark:text-red-400">{errors[name].join(' ')}</p> : null}
        </div>
      ))}
      {message ? <p role="alert" className="text-sm text-bad sm:col-span-4 dark:text-red-400">{message}</p> : null}
      <div className="flex gap-2 sm:col-span-4">
        <button type="button" className={small} disabled={pending} onClick={submit}>{t('rf.addFinding')}</button>
        <button type="button" className={small} onClick={() => setOpen(false)}>{t('rf.cancel')}</button>
      </div>
    </fieldset>
  );
}

/** A finding's due date is lasting (not weekly): changing it is its own audited write, saved with its button. */
function DueDate(props: { finding: FindingDraft; lifecycle: ReportLifecycle; onSaved: (due: string) => void; t: Translate }) {
  const { finding: f, t } = props;
  const [due, setDue] = useState(f.due);
  const [error, setError] = useState<string[] | null>(null);
  const [pending, startTransition] = useTransition();
  const id = `rf-finding-${f.id}-due`;
  const save = () =>
    startTransition(async () => {
      const r = await props.lifecycle.setFindingDue({ id: f.id, due });
      if (r.ok) {
        setError(null);
        props.onSaved(due);
      } else setError([r.message, ...Object.values(r.fieldErrors ?? {}).flat()]);
    });
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">{t('rf.due')}</label>
      <input id={id} type="date" value={due} onChange={(e) => setDue(e.target.value)} aria-invalid={Boolean(error)} aria-describedby={error ? `${id}-error` : undefined} className={`${inputClass} ${overdue(f) ? 'text-bad' : ''}`} />
      {due !== f.due ? <button type="button" className={small} disabled={pending} onClick={save}>{t('rf.saveDue')}</button> : null}
      {error ? <p id={`${id}-error`} role="alert" className="text-sm text-bad dark:text-red-400">{error.join(' ')}</p> : null}
    </div>
  );
}
