'use client';

import { Field, inputClass } from '../ui/field';
import type { FormLabels } from '@/lib/i18n/form-labels';
import type { CellDraft, FormMetric } from './types';

export function MetricInputs(props: {
  metrics: FormMetric[];
  values: Record<string, CellDraft>;
  errors: Record<string, string[]>;
  warnings: Record<string, string[]>;
  onChange: (key: string, patch: Partial<CellDraft>) => void;
  labels: FormLabels;
}) {
  const { metrics, values, errors, warnings, onChange, labels: l } = props;
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {metrics.map((m) => {
        const cell = values[m.key] ?? { value: '', done: '', total: '' };
        const id = `value-${m.key}`;
        const err = (part: string) => errors[`values.${m.key}.${part}`];
        const derived = m.kind === 'progress' && cell.done !== '' && cell.total !== '' && Number(cell.total) > 0;
        const shownValue = derived ? ((Number(cell.done) / Number(cell.total)) * 100).toFixed(m.decimals) : cell.value;
        const hint = [m.lastWeek && `${l.lastWeek} ${m.lastWeek}`, m.target && `${l.target} ${m.target}`, `${m.decimals} ${l.dp}`].filter(Boolean).join(' · ');
        return (
          <div key={m.key} className="flex flex-col gap-2 rounded-md border border-slate-200 p-3 dark:border-slate-700" data-testid={`metric-${m.key}`}>
            <Field id={id} label={<>{m.label}{m.unit ? ` (${m.unit === 'pts' ? l.points : m.unit})` : ''}{m.required ? null : <span className="text-slate-500 dark:text-slate-400"> · {l.optional}</span>}</>} errors={err('value')} hint={hint}>
              <input
                id={id}
                name={id}
                inputMode="decimal"
                value={shownValue}
                readOnly={derived}
                onChange={(e) => onChange(m.key, { value: e.target.value })}
                aria-invalid={Boolean(err('value'))}
                aria-describedby={err('value') ? `${id}-error` : undefined}
                className={`${inputClass} ${derived ? 'bg-slate-100 dark:bg-slate-800' : ''}`}
              />
            </Field>
            {warnings[`values.${m.key}.value`]?.map((w) => (
              <p key={w} className="text-sm text-amber-800 dark:text-amber-300" data-testid="field-warning">
                ⚠ {w}
              </p>
            ))}
            {m.kind === 'progress' ? (
              <div className="grid grid-cols-2 gap-2">
                <Field id={`done-${m.key}`} label={<><span className="sr-only">{m.label} · </span>{l.done}</>} errors={err('done')}>
                  <input id={`done-${m.key}`} inputMode="numeric" value={cell.done} onChange={(e) => onChange(m.key, { done: e.target.value })} aria-invalid={Boolean(err('done'))} aria-describedby={err('done') ? `done-${m.key}-error` : undefined} className={inputClass} />
                </Field>
                <Field id={`total-${m.key}`} label={<><span className="sr-only">{m.label} · </span>{l.total}</>} errors={err('total')}>
                  <input id={`total-${m.key}`} inputMode="numeric" value={cell.total} onChange={(e) => onChange(m.key, { total: e.target.value })} aria-invalid={Boolean(err('total'))} aria-describedby={err('total') ? `total-${m.key}-error` : undefined} className={inputClass} />
                </Field>
              </div>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
