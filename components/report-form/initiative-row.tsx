'use client';

// One initiative in the form: quick status (a select) and progress (a number), this week's Markdown-lite
// update with its preview, and rename / archive (audited actions of their own).
import { useState, useTransition } from 'react';
import type { Translate } from '@/lib/i18n/messages';
import { inputClass, secondaryButtonClass } from '../ui/field';
import { reportErrorKey } from './adapter';
import { MarkdownPreview } from './markdown-preview';
import { INITIATIVE_STATUSES, type InitiativeDraft, type ReportLifecycle } from './types';

const small = `${secondaryButtonClass} px-2 py-1 text-sm`;

export function InitiativeRow(props: {
  item: InitiativeDraft;
  nested: boolean;
  errors: Record<string, string[]>;
  onChange: (patch: Partial<InitiativeDraft>) => void;
  onArchived: () => void;
  lifecycle?: ReportLifecycle;
  t: Translate;
}) {
  const { item, errors, onChange, t } = props;
  const [renaming, setRenaming] = useState(false);
  const [title, setTitle] = useState(item.title);
  const [actionError, setActionError] = useState<string[] | null>(null);
  const [pending, startTransition] = useTransition();
  const base = `rf-init-${item.id}`;
  const lifecycle = props.lifecycle;
  const err = (f: 'status' | 'progress' | 'text') => errors[reportErrorKey.initiative(item.id, f)];
  const described = (f: 'status' | 'progress' | 'text') => (err(f) ? `${base}-${f}-error` : undefined);
  const errorLine = (f: 'status' | 'progress' | 'text') =>
    err(f) ? <p id={`${base}-${f}-error`} role="alert" className="text-sm text-bad dark:text-red-400">{err(f)!.join(' ')}</p> : null;

  const run = (action: () => Promise<{ ok: boolean; message: string; fieldErrors?: Record<string, string[]> }>, done: () => void) =>
    startTransition(async () => {
      const r = await action();
      if (r.ok) {
        setActionError(null);
        done();
      } else setActionError([r.message, ...Object.values(r.fieldErrors ?? {}).flat()]);
    });

  return (
    <li className={`grid gap-2 rounded-md border border-slate-200 p-3 dark:border-slate-700 ${props.nested ? 'ml-6' : ''}`} data-testid={base}>
      {renaming && lifecycle ? (
        <div className="flex flex-wrap items-end gap-2">
          <label className="flex flex-1 flex-col gap-1 text-sm font-medium">
            {t('rf.initiativeTitle')}
            <input value={title} onChange={(e) => setTitle(e.target.value)} className={inputClass} aria-invalid={Boolean(actionError)} aria-describedby={actionError ? `${base}-action-error` : undefined} />
          </label>
          <button type="button" className={small} disabled={pending} onClick={() => run(() => lifecycle.renameInitiative({ id: item.id, title }), () => { onChange({ title: title.trim() }); setRenaming(false); })}>
            {t('rf.saveTitle')}
          </button>
          <button type="button" className={small} onClick={() => { setRenaming(false); setTitle(item.title); setActionError(null); }}>{t('rf.cancel')}</button>
        </div>
      ) : (
        <div className="flex flex-wrap items-baseline gap-2">
          <h4 className="font-medium break-words" id={`${base}-title`} data-content="user">{item.title}</h4>
          {item.owner ? <span className="text-xs text-slate-500">{t('rf.owner')}: <span data-content="user">{item.owner}</span></span> : null}
          {lifecycle ? <div className="ml-auto flex gap-1">
            <button type="button" className={small} aria-label={`${t('rf.rename')} ${item.title}`} onClick={() => setRenaming(true)}>{t('rf.rename')}</button>
            <button type="button" className={small} aria-label={`${t('rf.archive')} ${item.title}`} disabled={pending} onClick={() => {
              if (window.confirm(t('rf.archiveConfirm', { title: item.title }))) run(() => lifecycle.archiveInitiative({ id: item.id }), props.onArchived);
            }}>{t('rf.archive')}</button>
          </div> : null}
        </div>
      )}
      {actionError ? <p id={`${base}-action-error`} role="alert" className="text-sm text-bad dark:text-red-400">{actionError.join(' ')}</p> : null}
      <div className="grid gap-2 sm:grid-cols-[12rem_8rem_1fr]">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${base}-status`} className="text-sm font-medium">{t('rf.status')}</label>
          <select id={`${base}-status`} value={item.status} onChange={(e) => onChange({ status: e.target.value as InitiativeDraft['status'] })} aria-invalid={Boolean(err('status'))} aria-describedby={described('status')} className={inputClass}>
            <option value="">{t('rf.noStatus')}</option>
            {INITIATIVE_STATUSES.map((s) => <option key={s} value={s}>{t(`rf.istatus.${s}`)}</option>)}
          </select>
          {errorLine('status')}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${base}-progress`} className="text-sm font-medium">{t('rf.progress')}</label>
          <input id={`${base}-progress`} type="number" inputMode="numeric" min={0} max={100} step={1} value={item.progress} onChange={(e) => onChange({ progress: e.target.value })} aria-invalid={Boolean(err('progress'))} aria-describedby={described('progress')} className={inputClass} />
          {errorLine('progress')}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${base}-text`} className="text-sm font-medium">{t('rf.update')}</label>
          <textarea id={`${base}-text`} rows={2} value={item.text} onChange={(e) => onChange({ text: e.target.value })} aria-invalid={Boolean(err('text'))} aria-describedby={described('text')} className={inputClass} />
          {errorLine('text')}
          <MarkdownPreview source={item.text} />
        </div>
      </div>
    </li>
  );
}
