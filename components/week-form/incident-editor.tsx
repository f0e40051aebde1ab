'use client';

import { Field, inputClass, secondaryButtonClass } from '../ui/field';
import type { FormLabels } from '@/lib/i18n/form-labels';
import type { IncidentDraft } from './types';

const FIELDS = ['title', 'cause', 'handling'] as const;

export function IncidentEditor(props: {
  incidents: IncidentDraft[];
  errors: Record<string, string[]>;
  onChange: (next: IncidentDraft[]) => void;
  newIncident: () => IncidentDraft;
  labels: FormLabels;
}) {
  const { incidents, errors, onChange, labels: l } = props;
  const update = (i: number, patch: Partial<IncidentDraft>) => onChange(incidents.map((e, j) => (j === i ? { ...e, ...patch } : e)));
  const err = (i: number, f: string) => errors[`incidents.${i}.${f}`];
  const described = (i: number, f: string) => (err(i, f) ? `incident-${i}-${f}-error` : undefined);
  return (
    <div className="flex flex-col gap-4">
      {incidents.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">{l.noEvents}</p> : null}
      {incidents.map((e, i) => (
        <fieldset key={e.clientKey} data-testid={`incident-${i}`} className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-2 lg:grid-cols-4 dark:border-slate-700">
          <legend className="px-1 text-sm font-medium">{l.event} {i + 1}</legend>
          {FIELDS.map((f) => (
            <div key={f} className={f === 'title' ? 'sm:col-span-2 lg:col-span-4' : 'sm:col-span-1 lg:col-span-2'}>
              <Field id={`incident-${i}-${f}`} label={<><span className="sr-only">{l.event} {i + 1} · </span>{l[f]}</>} errors={err(i, f)}>
                <input id={`incident-${i}-${f}`} value={e[f]} onChange={(ev) => update(i, { [f]: ev.target.value })} aria-invalid={Boolean(err(i, f))} aria-describedby={described(i, f)} className={inputClass} />
              </Field>
            </div>
          ))}
          <Field id={`incident-${i}-startedAt`} label={<><span className="sr-only">{l.event} {i + 1} · </span>{l.start}</>} errors={err(i, 'startedAt')}>
            <input id={`incident-${i}-startedAt`} type="datetime-local" value={e.startedAt} onChange={(ev) => update(i, { startedAt: ev.target.value })} aria-invalid={Boolean(err(i, 'startedAt'))} aria-describedby={described(i, 'startedAt')} className={inputClass} />
          </Field>
          <Field id={`incident-${i}-endedAt`} label={<><span className="sr-only">{l.event} {i + 1} · </span>{l.end}</>} errors={err(i, 'endedAt')}>
            <input id={`incident-${i}-endedAt`} type="datetime-local" value={e.endedAt} onChange={(ev) => update(i, { endedAt: ev.target.value })} aria-invalid={Boolean(err(i, 'endedAt'))} aria-describedby={described(i, 'endedAt')} className={inputClass} />
          </Field>
          <Field id={`incident-${i}-durationMinutes`} label={<><span className="sr-only">{l.event} {i + 1} · </span>{l.duration}</>} errors={err(i, 'durationMinutes')}>
            <input id={`incident-${i}-durationMinutes`} inputMode="numeric" value={e.durationMinutes} onChange={(ev) => update(i, { durationMinutes: ev.target.value })} aria-invalid={Boolean(err(i, 'durationMinutes'))} aria-describedby={described(i, 'durationMinutes')} className={inputClass} />
          </Field>
          <div className="grid grid-cols-2 gap-2">
            <Field id={`incident-${i}-grade`} label={<><span className="sr-only">{l.event} {i + 1} · </span>{l.grade}</>} errors={err(i, 'grade')}>
              <select id={`incident-${i}-grade`} value={e.grade} onChange={(ev) => update(i, { grade: ev.target.value })} aria-invalid={Boolean(err(i, 'grade'))} className={inputClass}>
                <option value="">{l.gradeNone}</option>
                {['A', 'B', 'C', 'D'].map((g) => (
                  <option key={g} value={g}>{g}</option>
                ))}
              </select>
            </Field>
            <Field id={`incident-${i}-gradeStatus`} label={<><span className="sr-only">{l.event} {i + 1} · </span>{l.gradeStatus}</>} errors={err(i, 'gradeStatus')}>
              <select id={`incident-${i}-gradeStatus`} value={e.gradeStatus} onChange={(ev) => update(i, { gradeStatus: ev.target.value })} aria-invalid={Boolean(err(i, 'gradeStatus'))} className={inputClass}>
                <option value="">—</option>
                <option value="estimated">{l.estimated}</option>
                <option value="final">{l.final}</option>
              </select>
            </Field>
          </div>
          <div className="sm:col-span-2 lg:col-span-4">
            <button type="button" className={secondaryButtonClass} onClick={() => onChange(incidents.filter((_, j) => j !== i))}>
              {l.remove} {i + 1}
            </button>
          </div>
        </fieldset>
      ))}
      <div>
        <button type="button" className={secondaryButtonClass} onClick={() => onChange([...incidents, props.newIncident()])}>
          {l.add}
        </button>
      </div>
    </div>
  );
}
