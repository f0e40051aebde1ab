'use client';

import { createShareLinkAction, revokeShareLinkAction, rotateShareLinkAction } from '@/app/(app)/admin/shares/actions';
import { SHARE_EXPIRIES } from '@/lib/share/expiry';
import { Field, buttonClass, inputClass, secondaryButtonClass } from '../ui/field';
import { useFormAction } from '../ui/use-form-action';
import { FormMessage } from './form-message';
import { ShareUrl } from './share-url';
import { newShareLinkSchema } from '@/lib/share/validation';
import { shareFormInput } from '@/lib/validation/form-input';
import type { WeekNumbering } from '@/lib/weeks';

/** The share admin's words from the catalogue (keys 'shares.*'), handed down by the server page. */
export type ShareLabels = Record<string, string>;

export function NewShareForm({ weekHint, numbering, l }: { weekHint: string; numbering: WeekNumbering; l: ShareLabels }) {
  const [state, onSubmit, pending, onInput] = useFormAction(createShareLinkAction, (f) => newShareLinkSchema(numbering).safeParse(shareFormInput(f)));
  const errors = state && !state.ok ? state.fieldErrors : {};
  const values = state && !state.ok ? state.values : { label: '', expiresIn: '30d', fromWeek: '', toWeek: '', asOf: 'current' };
  const described = (f: string) => (errors[f] ? `share-${f}-error` : undefined);
  return (
    <div className="flex flex-col gap-3">
      <form onSubmit={onSubmit} onInput={onInput} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6 lg:items-end" noValidate key={state?.ok ? state.url : 'form'}>
        <div className="sm:col-span-2 lg:col-span-6"><FormMessage state={state} /></div>
        <Field id="share-label" label={l['shares.label']} errors={errors.label}>
          <input id="share-label" name="label" defaultValue={values.label} aria-invalid={Boolean(errors.label)} aria-describedby={described('label')} className={inputClass} />
        </Field>
        <Field id="share-expiresIn" label={l['shares.expiresAfter']} errors={errors.expiresIn}>
          <select id="share-expiresIn" name="expiresIn" defaultValue={values.expiresIn} className={inputClass}>
            {SHARE_EXPIRIES.map((e) => <option key={e} value={e}>{l[`shares.expiry.${e}`]}</option>)}
          </select>
        </Field>
        <Field id="share-fromWeek" label={l['shares.fromWeek']} errors={errors.fromWeek}>
          <input id="share-fromWeek" name="fromWeek" placeholder={weekHint} defaultValue={values.fromWeek} aria-invalid={Boolean(errors.fromWeek)} aria-describedby={described('fromWeek')} className={inputClass} />
        </Field>
        <Field id="share-toWeek" label={l['shares.toWeek']} errors={errors.toWeek}>
          <input id="share-toWeek" name="toWeek" placeholder={weekHint} defaultValue={values.toWeek} aria-invalid={Boolean(errors.toWeek)} aria-describedby={described('toWeek')} className={inputClass} />
        </Field>
        <Field id="share-asOf" label={l['shares.asOf']} errors={errors.asOf}>
          <select id="share-asOf" name="asOf" defaultValue={values.asOf} className={inputClass}>
            <option value="current">{l['shares.asOfCurrent']}</option>
            <option value="reported">{l['shares.asOfReported']}</option>
          </select>
        </Field>
        <button type="submit" className={buttonClass} disabled={pending}>{l['shares.createButton']}</button>
      </form>
      {state?.ok ? <ShareUrl url={state.url} id="new-share-url" l={l} /> : null}
    </div>
  );
}

export function RevokeShareForm({ id, label, l }: { id: number; label: string; l: ShareLabels }) {
  const [state, onSubmit, pending] = useFormAction(revokeShareLinkAction);
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <button type="submit" className={secondaryButtonClass} disabled={pending} aria-label={l['shares.revokeLabel'].replace('{label}', label)}>{l['shares.revoke']}</button>
      {state && !state.ok ? <FormMessage state={state} /> : null}
    </form>
  );
}

export function RotateShareForm({ id, label, l }: { id: number; label: string; l: ShareLabels }) {
  const [state, onSubmit, pending] = useFormAction(rotateShareLinkAction);
  return (
    <form onSubmit={onSubmit} className="flex flex-col items-start gap-2">
      <input type="hidden" name="id" value={id} />
      <button type="submit" className={secondaryButtonClass} disabled={pending} aria-label={l['shares.rotateLabel'].replace('{label}', label)}>{l['shares.rotate']}</button>
      {state ? <FormMessage state={state} testId={`rotate-message-${id}`} /> : null}
      {state?.ok ? <ShareUrl url={state.url} id={`rotated-share-url-${id}`} l={l} /> : null}
    </form>
  );
}
