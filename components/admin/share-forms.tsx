'use client';

import { createShareLinkAction, revokeShareLinkAction, rotateShareLinkAction } from '@/app/(app)/admin/shares/actions';
import { SHARE_EXPIRIES } from '@/lib/share/expiry';
import { Field, buttonClass, inputClass, secondaryButtonClass } from '../ui/field';
import { useFormAction } from '../ui/use-form-action';
import { FormMessage } from './form-message';
import { ShareUrl } from './share-url';

const EXPIRY_LABELS: Record<(typeof SHARE_EXPIRIES)[number], string> = { '1d': '1 day', '7d': '7 days', '30d': '30 days', '90d': '90 days', never: 'Never' };

export function NewShareForm({ weekHint }: { weekHint: string }) {
  const [state, onSubmit, pending] = useFormAction(createShareLinkAction);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const values = state && !state.ok ? state.values : { label: '', expiresIn: '30d', fromWeek: '', toWeek: '', asOf: 'current' };
  const described = (f: string) => (errors[f] ? `share-${f}-error` : undefined);
  return (
    <div className="flex flex-col gap-3">
      <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6 lg:items-end" noValidate key={state?.ok ? state.url : 'form'}>
        <div className="sm:col-span-2 lg:col-span-6"><FormMessage state={state} /></div>
        <Field id="share-label" label="Label" errors={errors.label}>
          <input id="share-label" name="label" defaultValue={values.label} aria-invalid={Boolean(errors.label)} aria-describedby={described('label')} className={inputClass} />
        </Field>
        <Field id="share-expiresIn" label="Expires after" errors={errors.expiresIn}>
          <select id="share-expiresIn" name="expiresIn" defaultValue={values.expiresIn} className={inputClass}>
            {SHARE_EXPIRIES.map((e) => <option key={e} value={e}>{EXPIRY_LABELS[e]}</option>)}
          </select>
        </Field>
        <Field id="share-fromWeek" label="From week (optional)" errors={errors.fromWeek}>
          <input id="share-fromWeek" name="fromWeek" placeholder={weekHint} defaultValue={values.fromWeek} aria-invalid={Boolean(errors.fromWeek)} aria-describedby={described('fromWeek')} className={inputClass} />
        </Field>
        <Field id="share-toWeek" label="To week (optional)" errors={errors.toWeek}>
          <input id="share-toWeek" name="toWeek" placeholder={weekHint} defaultValue={values.toWeek} aria-invalid={Boolean(errors.toWeek)} aria-describedby={described('toWeek')} className={inputClass} />
        </Field>
        <Field id="share-asOf" label="Shows" errors={errors.asOf}>
          <select id="share-asOf" name="asOf" defaultValue={values.asOf} className={inputClass}>
            <option value="current">Current figures</option>
            <option value="reported">As first reported</option>
          </select>
        </Field>
        <button type="submit" className={buttonClass} disabled={pending}>Create link</button>
      </form>
      {state?.ok ? <ShareUrl url={state.url} id="new-share-url" /> : null}
    </div>
  );
}

export function RevokeShareForm({ id, label }: { id: number; label: string }) {
  const [state, onSubmit, pending] = useFormAction(revokeShareLinkAction);
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <button type="submit" className={secondaryButtonClass} disabled={pending} aria-label={`Revoke ${label}`}>Revoke</button>
      {state && !state.ok ? <FormMessage state={state} /> : null}
    </form>
  );
}

export function RotateShareForm({ id, label }: { id: number; label: string }) {
  const [state, onSubmit, pending] = useFormAction(rotateShareLinkAction);
  return (
    <form onSubmit={onSubmit} className="flex flex-col items-start gap-2">
      <input type="hidden" name="id" value={id} />
      <button type="submit" className={secondaryButtonClass} disabled={pending} aria-label={`Rotate ${label}`}>Rotate</button>
      {state ? <FormMessage state={state} testId={`rotate-message-${id}`} /> : null}
      {state?.ok ? <ShareUrl url={state.url} id={`rotated-share-url-${id}`} /> : null}
    </form>
  );
}
