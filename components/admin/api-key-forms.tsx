'use client';

import { useState } from 'react';
import { createApiKeyAction, revokeApiKeyAction } from '@/app/(app)/admin/api-keys/actions';
import { API_KEY_EXPIRIES, API_SCOPES, newApiKeySchema } from '@/lib/api/scopes';
import { Field, buttonClass, inputClass, secondaryButtonClass } from '../ui/field';
import { useFormAction } from '../ui/use-form-action';
import { FormMessage } from './form-message';
import { apiKeyFormInput } from '@/lib/validation/form-input';

/** Words of the form, translated by the server page. */
export interface ApiKeyFormLabels {
  label: string;
  scopes: string;
  scope: Record<(typeof API_SCOPES)[number], string>;
  expires: string;
  expiry: Record<(typeof API_KEY_EXPIRIES)[number], string>;
  create: string;
  newKey: string;
  copy: string;
  copied: string;
}

/** The freshly issued key, shown this once, with a copy button. */
function IssuedKey({ value, labels }: { value: string; labels: ApiKeyFormLabels }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label htmlFor="new-api-key" className="sr-only">{labels.newKey}</label>
      <input id="new-api-key" readOnly value={value} data-testid="api-key-value" onFocus={(e) => e.currentTarget.select()} className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs dark:border-slate-700 dark:bg-slate-950" />
      <button type="button" onClick={copy} className={secondaryButtonClass}>{copied ? labels.copied : labels.copy}</button>
    </div>
  );
}

export function NewApiKeyForm({ labels }: { labels: ApiKeyFormLabels }) {
  const [state, onSubmit, pending, onInput] = useFormAction(createApiKeyAction, (f) => newApiKeySchema().safeParse(apiKeyFormInput(f)));
  const errors = state && !state.ok ? state.fieldErrors : {};
  const values = state && !state.ok ? state.values : { label: '', scopes: ['kpi:write'], expiresIn: '90d' };
  const described = (f: string) => (errors[f] ? `api-key-${f}-error` : undefined);
  return (
    <div className="flex flex-col gap-3">
      <form onSubmit={onSubmit} onInput={onInput} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-end" noValidate key={state?.ok ? state.key : 'form'}>
        <div className="sm:col-span-2 lg:col-span-4"><FormMessage state={state} /></div>
        <Field id="api-key-label" label={labels.label} errors={errors.label}>
          <input id="api-key-label" name="label" defaultValue={values.label} aria-invalid={Boolean(errors.label)} aria-describedby={described('label')} className={inputClass} />
        </Field>
        <fieldset className="flex flex-col gap-1" aria-describedby={described('scopes')}>
          <legend className="text-sm font-medium text-slate-700 dark:text-slate-300">{labels.scopes}</legend>
          {API_SCOPES.map((s) => (
            <label key={s} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="scopes" value={s} defaultChecked={values.scopes.includes(s)} />
              {/* The scope's name is an identifier the API reads; its meaning is in the reader's language. */}
              <code data-content="code">{s}</code>
              {labels.scope[s].startsWith(s) ? labels.scope[s].slice(s.length) : ` — ${labels.scope[s]}`}
            </label>
          ))}
          {errors.scopes?.length ? <p id="api-key-scopes-error" role="alert" className="text-sm text-bad dark:text-red-400">{errors.scopes.join(' ')}</p> : null}
        </fieldset>
        <Field id="api-key-expiresIn" label={labels.expires} errors={errors.expiresIn}>
          <select id="api-key-expiresIn" name="expiresIn" defaultValue={values.expiresIn} className={inputClass}>
            {API_KEY_EXPIRIES.map((e) => <option key={e} value={e}>{labels.expiry[e]}</option>)}
          </select>
        </Field>
        <button type="submit" className={buttonClass} disabled={pending}>{labels.create}</button>
      </form>
      {state?.ok ? <IssuedKey value={state.key} labels={labels} /> : null}
    </div>
  );
}

export function RevokeApiKeyForm({ id, text, ariaLabel }: { id: number; text: string; ariaLabel: string }) {
  const [state, onSubmit, pending] = useFormAction(revokeApiKeyAction);
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <button type="submit" className={secondaryButtonClass} disabled={pending} aria-label={ariaLabel}>{text}</button>
      {state && !state.ok ? <FormMessage state={state} /> : null}
    </form>
  );
}
