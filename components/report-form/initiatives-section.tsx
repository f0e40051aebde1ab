'use client';

// Objectives → initiatives (groups first, their children under them), and a small form per objective to
// add an initiative (optionally under a group). Adding, renaming and archiving are audited actions.
import { useState, useTransition } from 'react';
import type { Translate } from '@/lib/i18n/messages';
import { inputClass, secondaryButtonClass } from '../ui/field';
import { InitiativeRow } from './initiative-row';
import { initiativeOrder } from './state';
import type { InitiativeDraft, ObjectiveDraft, ReportDraft, ReportLifecycle } from './types';

export function InitiativesSection(props: {
  draft: ReportDraft;
  update: (fn: (d: ReportDraft) => ReportDraft) => void;
  errors: Record<string, string[]>;
  /** Absent: no add / rename / archive (the actions are not available to this form). */
  lifecycle?: ReportLifecycle;
  t: Translate;
}) {
  const { draft, update, t } = props;
  if (draft.objectives.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">{t('rf.noObjectives')}</p>;
  const patch = (id: number, p: Partial<InitiativeDraft>) => update((d) => ({ ...d, initiatives: d.initiatives.map((x) => (x.id === id ? { ...x, ...p, carried: false } : x)) }));
  const archive = (id: number) => update((d) => ({ ...d, initiatives: d.initiatives.filter((x) => x.id !== id && x.parentId !== id) }));
  return (
    <div className="flex flex-col gap-5">
      {draft.objectives.map((o) => {
        const rows = initiativeOrder(draft.initiatives, o.id);
        return (
          <section key={o.id} aria-labelledby={`rf-obj-${o.id}`} className="flex flex-col gap-2" data-testid={`rf-objective-${o.code}`}>
            <h3 id={`rf-obj-${o.id}`} className="font-semibold">【<span data-content="code">{o.code}</span> <span data-content="user">{o.title}</span>】</h3>
            {rows.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">{t('rf.noInitiatives')}</p> : null}
            <ul className="flex flex-col gap-2">
              {rows.map(({ item, nested }) => (
                <InitiativeRow key={item.id} item={item} nested={nested} errors={props.errors} onChange={(p) => patch(item.id, p)} onArchived={() => archive(item.id)} lifecycle={props.lifecycle} t={t} />
              ))}
            </ul>
            {props.lifecycle ? <AddInitiative objective={o} groups={draft.initiatives.filter((x) => x.objectiveId === o.id && x.parentId === null)} lifecycle={props.lifecycle} t={t}
              onAdded={(item) => update((d) => ({ ...d, initiatives: [...d.initiatives, item] }))} /> : null}
          </section>
        );
      })}
    </div>
  );
}

function AddInitiative(props: { objective: ObjectiveDraft; groups: InitiativeDraft[]; lifecycle: ReportLifecycle; onAdded: (item: InitiativeDraft) => void; t: Translate }) {
  const { objective: o, t } = props;
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [parent, setParent] = useState('');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState('');
  const [pending, startTransition] = useTransition();
  const base = `rf-new-${o.id}`;
  if (!open) {
    return (
      <div>
        <button type="button" className={`${secondaryButtonClass} px-2 py-1 text-sm`} onClick={() => setOpen(true)} data-testid={`${base}-open`}>+ {t('rf.addInitiative')}</button>
      </div>
    );
  }
  const submit = () =>
    startTransition(async () => {
      const input = { objectiveId: o.id, parentId: parent ? Number(parent) : null, title, owner };
      const r = await props.lifecycle.addInitiative(input);
      if (!r.ok || r.id === undefined) {
        setErrors(r.fieldErrors ?? {});
        setMessage(r.message);
        return;
      }
      props.onAdded({ id: r.id, objectiveId: o.id, parentId: input.parentId, title: title.trim(), owner: owner.trim(), status: '', progress: '', text: '' });
      setTitle('');
      setOwner('');
      setParent('');
      setErrors({});
      setMessage('');
      setOpen(false);
    });
  const field = (name: string, label: string, value: string, set: (v: string) => void) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`${base}-${name}`} className="text-sm font-medium">{label}</label>
      <input id={`${base}-${name}`} value={value} onChange={(e) => set(e.target.value)} aria-invalid={Boolean(errors[name])} aria-describedby={errors[name] ? `${base}-${name}-error` : undefined} className={inputClass} />
      {errors[name] ? <p id={`${base}-${name}-error`} role="alert" className="text-sm text-bad dark:text-red-400">{errors[name].join(' ')}</p> : null}
    </div>
  );
  return (
    <fieldset className="grid gap-2 rounded-md border border-dashed border-slate-300 p-3 sm:grid-cols-3 dark:border-slate-600" data-testid={base}>
      <legend className="px-1 text-sm font-medium">{t('rf.newInitiative', { code: o.code })}</legend>
      {field('title', t('rf.initiativeTitle'), title, setTitle)}
      {field('owner', t('rf.owner'), owner, setOwner)}
      <div className="flex flex-col gap-1">
        <label htmlFor={`${base}-parent`} className="text-sm font-medium">{t('rf.group')}</label>
        <select id={`${base}-parent`} value={parent} onChange={(e) => setParent(e.target.value)} className={inputClass}>
          <option value="">{t('rf.noGroup')}</option>
          {props.groups.map((g) => <option key={g.id} value={g.id} data-content="user">{g.title}</option>)}
        </select>
      </div>
      {message ? <p role="alert" className="text-sm text-bad sm:col-span-3 dark:text-red-400">{message}</p> : null}
      <div className="flex gap-2 sm:col-span-3">
        <button type="button" className={`${secondaryButtonClass} px-2 py-1 text-sm`} disabled={pending} onClick={submit}>{t('rf.addInitiative')}</button>
        <button type="button" className={`${secondaryButtonClass} px-2 py-1 text-sm`} onClick={() => setOpen(false)}>{t('rf.cancel')}</button>
      </div>
    </fieldset>
  );
}
