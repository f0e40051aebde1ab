'use client';

import { addMetricAction, updateMetricAction } from '@/app/(app)/admin/metrics/actions';
import { DIRECTIONS, METRIC_KINDS } from '@/lib/constants';
import { Field, buttonClass, inputClass, secondaryButtonClass } from '../ui/field';
import type { AdminLabels } from '@/lib/i18n/admin-labels';
import { FormMessage } from './form-message';
import { useFormAction } from '../ui/use-form-action';
import { metricSchema, metricUpdateSchema } from '@/lib/validation/admin';
import { metricFormInput, metricUpdateFormInput } from '@/lib/validation/form-input';

export interface EditableMetric {
  key: string;
  labelZh: string;
  labelEn: string;
  unit: string;
  decimals: number;
  direction: string;
  kind: string;
  sortOrder: number;
  required: boolean;
  archived: boolean;
  version: number;
}

function Text(props: { id: string; name: string; label: string; value: string; errors?: string[]; className?: string }) {
  return (
    <Field id={props.id} label={props.label} errors={props.errors}>
      <input id={props.id} name={props.name} defaultValue={props.value} aria-invalid={Boolean(props.errors)} aria-describedby={props.errors ? `${props.id}-error` : undefined} className={`${inputClass} ${props.className ?? ''}`} />
    </Field>
  );
}

export function MetricRowForm({ metric, l }: { metric: EditableMetric; l: AdminLabels }) {
  const [state, onSubmit, pending, onInput] = useFormAction(updateMetricAction, (f) => metricUpdateSchema.safeParse(metricUpdateFormInput(f)));
  const e = state && !state.ok ? state.fieldErrors : {};
  const id = (f: string) => `${metric.key}-${f}`;
  return (
    <form onSubmit={onSubmit} onInput={onInput} noValidate className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-3 lg:grid-cols-8 lg:items-end dark:border-slate-800" data-testid={`metric-row-${metric.key}`}>
      <input type="hidden" name="key" value={metric.key} />
      <input type="hidden" name="version" value={metric.version} />
      <p className="text-xs sm:col-span-3 lg:col-span-8"><code className="font-mono" data-content="code">{metric.key}</code> · {l.names[metric.kind] ?? metric.kind}{metric.archived ? ` · ${l.archived}` : ''}</p>
      <Text id={id('labelZh')} name="labelZh" label="中文" value={metric.labelZh} errors={e.labelZh} />
      <Text id={id('labelEn')} name="labelEn" label="English" value={metric.labelEn} errors={e.labelEn} />
      <Text id={id('unit')} name="unit" label={l.unit} value={metric.unit} errors={e.unit} />
      <Text id={id('decimals')} name="decimals" label={l.decimals} value={String(metric.decimals)} errors={e.decimals} />
      <Field id={id('direction')} label={l.better} errors={e.direction}>
        <select id={id('direction')} name="direction" defaultValue={metric.direction} className={inputClass}>
          {DIRECTIONS.map((d) => <option key={d} value={d}>{l.names[d] ?? d}</option>)}
        </select>
      </Field>
      <Text id={id('sortOrder')} name="sortOrder" label={l.order} value={String(metric.sortOrder)} errors={e.sortOrder} />
      <div className="flex flex-col gap-1 text-sm">
        <label><input type="checkbox" name="required" defaultChecked={metric.required} /> {l.required}</label>
        <label><input type="checkbox" name="archived" defaultChecked={metric.archived} /> {l.archived}</label>
      </div>
      <button type="submit" className={secondaryButtonClass} disabled={pending}>{l.save}<span className="sr-only" data-content="code"> {metric.key}</span></button>
      {state ? <div className="sm:col-span-3 lg:col-span-8"><FormMessage state={state} /></div> : null}
    </form>
  );
}

export function NewMetricForm({ l }: { l: AdminLabels }) {
  const [state, onSubmit, pending, onInput] = useFormAction(addMetricAction, (f) => metricSchema.safeParse(metricFormInput(f)));
  const e = state && !state.ok ? state.fieldErrors : {};
  const v = state && !state.ok ? state.values : {};
  return (
    <form onSubmit={onSubmit} onInput={onInput} noValidate className="grid gap-2 sm:grid-cols-3 lg:grid-cols-5 lg:items-end">
      <div className="sm:col-span-3 lg:col-span-5"><FormMessage state={state} /></div>
      <Text id="new-key" name="key" label={l.key} value={v.key ?? ''} errors={e.key} />
      <Text id="new-labelZh" name="labelZh" label="中文" value={v.labelZh ?? ''} errors={e.labelZh} />
      <Text id="new-labelEn" name="labelEn" label="English" value={v.labelEn ?? ''} errors={e.labelEn} />
      <Text id="new-unit" name="unit" label={l.unit} value={v.unit ?? ''} errors={e.unit} />
      <Text id="new-decimals" name="decimals" label={l.decimals} value={v.decimals ?? '2'} errors={e.decimals} />
      <Field id="new-kind" label={l.kind} errors={e.kind}>
        <select id="new-kind" name="kind" defaultValue={v.kind ?? 'rate'} className={inputClass}>
          {METRIC_KINDS.map((k) => <option key={k} value={k}>{l.names[k] ?? k}</option>)}
        </select>
      </Field>
      <Field id="new-direction" label={l.better} errors={e.direction}>
        <select id="new-direction" name="direction" defaultValue={v.direction ?? 'higher'} className={inputClass}>
          {DIRECTIONS.map((d) => <option key={d} value={d}>{l.names[d] ?? d}</option>)}
        </select>
      </Field>
      <Text id="new-sortOrder" name="sortOrder" label={l.order} value={v.sortOrder ?? '500'} errors={e.sortOrder} />
      <label className="text-sm"><input type="checkbox" name="required" /> {l.required}</label>
      <button type="submit" className={buttonClass} disabled={pending}>{l.addMetricButton}</button>
    </form>
  );
}
