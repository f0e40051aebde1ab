'use client';

import { setTargetAction } from '@/app/(app)/admin/targets/actions';
import { Field, buttonClass, inputClass } from '../ui/field';
import type { AdminLabels } from '@/lib/i18n/admin-labels';
import { FormMessage } from './form-message';
import { useFormAction } from '../ui/use-form-action';
import { targetFormSchema } from '@/lib/validation/admin';
import type { WeekNumbering } from '@/lib/weeks';
import { targetFormInput } from '@/lib/validation/form-input';

export function TargetForm({ metrics, defaultWeek, numbering, l }: { metrics: Array<{ key: string; label: string }>; defaultWeek: string; numbering: WeekNumbering; l: AdminLabels }) {
  const [state, onSubmit, pending, onInput] = useFormAction(setTargetAction, (f) => targetFormSchema(numbering).safeParse(targetFormInput(f)));
  const errors = state && !state.ok ? state.fieldErrors : {};
  const v = state && !state.ok ? state.values : { metricKey: metrics[0]?.key ?? '', effectiveFrom: defaultWeek, target: '', warning: '' };
  const described = (f: string) => (errors[f] ? `t-${f}-error` : undefined);
  return (
    <form onSubmit={onSubmit} onInput={onInput} noValidate className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
      <div className="sm:col-span-2 lg:col-span-5"><FormMessage state={state} /></div>
      <Field id="t-metricKey" label={l.metric} errors={errors.metricKey}>
        <select id="t-metricKey" name="metricKey" defaultValue={v.metricKey} className={inputClass}>
          {metrics.map((m) => <option key={m.key} value={m.key}>{m.label}</option>)}
        </select>
      </Field>
      <Field id="t-effectiveFrom" label={l.fromWeek} errors={errors.effectiveFrom}>
        <input id="t-effectiveFrom" name="effectiveFrom" defaultValue={v.effectiveFrom} aria-invalid={Boolean(errors.effectiveFrom)} aria-describedby={described('effectiveFrom')} className={inputClass} />
      </Field>
      <Field id="t-target" label={l.target} errors={errors.target}>
        <input id="t-target" name="target" inputMode="decimal" defaultValue={v.target} aria-invalid={Boolean(errors.target)} aria-describedby={described('target')} className={inputClass} />
      </Field>
      <Field id="t-warning" label={l.warning} errors={errors.warning}>
        <input id="t-warning" name="warning" inputMode="decimal" defaultValue={v.warning} aria-invalid={Boolean(errors.warning)} aria-describedby={described('warning')} className={inputClass} />
      </Field>
      <button type="submit" className={buttonClass} disabled={pending}>{l.setTarget}</button>
    </form>
  );
}
