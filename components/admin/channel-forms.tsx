'use client';

import { addChannelAction, removeChannelAction, saveDigestSettingsAction, testChannelAction } from '@/app/(app)/admin/channels/actions';
import { CHANNEL_KINDS } from '@/lib/constants';
import type { MessageKey } from '@/lib/i18n/messages';
import { Field, buttonClass, inputClass, secondaryButtonClass } from '../ui/field';
import { useFormAction } from '../ui/use-form-action';
import { FormMessage } from './form-message';


type Labels = Partial<Record<MessageKey, string>>;

export function NewChannelForm({ labels }: { labels: Labels }) {
  const [state, onSubmit, pending] = useFormAction(addChannelAction);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const values = state && !state.ok ? state.values : { kind: 'wecom', url: '', label: '' };
  const described = (f: string) => (errors[f] ? `channel-${f}-error` : undefined);
  return (
    <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-end" noValidate key={state?.ok ? state.message : 'form'}>
      <div className="sm:col-span-2 lg:col-span-4"><FormMessage state={state} testId="channel-message" /></div>
      <Field id="channel-kind" label={labels['channels.kind']} errors={errors.kind}>
        <select id="channel-kind" name="kind" defaultValue={values.kind} className={inputClass}>
          {CHANNEL_KINDS.map((k) => <option key={k} value={k}>{labels[`channels.kind.${k}`]}</option>)}
        </select>
      </Field>
      <Field id="channel-label" label={labels['channels.label']} errors={errors.label}>
        <input id="channel-label" name="label" defaultValue={values.label} aria-invalid={Boolean(errors.label)} aria-describedby={described('label')} className={inputClass} />
      </Field>
      <Field id="channel-url" label={labels['channels.url']} errors={errors.url}>
        <input id="channel-url" name="url" type="url" autoComplete="off" defaultValue={values.url} aria-invalid={Boolean(errors.url)} aria-describedby={described('url')} className={inputClass} />
      </Field>
      <Field id="channel-secret" label={labels['channels.secret']} errors={errors.secret}>
        <input id="channel-secret" name="secret" type="password" autoComplete="off" aria-invalid={Boolean(errors.secret)} aria-describedby={described('secret')} className={inputClass} />
      </Field>
      <button type="submit" className={buttonClass} disabled={pending}>{labels['channels.submit']}</button>
    </form>
  );
}

export function ChannelRowForms({ id, label, labels }: { id: number; label: string; labels: Labels }) {
  const [testState, onTest, testing] = useFormAction(testChannelAction);
  const [removeState, onRemove, removing] = useFormAction(removeChannelAction);
  return (
    <div className="flex flex-wrap items-start gap-2">
      <form onSubmit={onTest} className="flex flex-col gap-1">
        <input type="hidden" name="id" value={id} />
        <button type="submit" className={secondaryButtonClass} disabled={testing} aria-label={`${labels['channels.test']} ${label}`}>{labels['channels.test']}</button>
        {testState ? <FormMessage state={testState} testId={`channel-test-${id}`} /> : null}
      </form>
      <form onSubmit={onRemove} className="flex flex-col gap-1">
        <input type="hidden" name="id" value={id} />
        <button type="submit" className={secondaryButtonClass} disabled={removing} aria-label={`${labels['channels.remove']} ${label}`}>{labels['channels.remove']}</button>
        {removeState && !removeState.ok ? <FormMessage state={removeState} /> : null}
      </form>
    </div>
  );
}

const DAYS = [1, 2, 3, 4, 5, 6, 7];

export function DigestSettingsForm({ initial, labels, dayNames }: { initial: { language: string; enabled: boolean; day: number; time: string; timeZone: string }; labels: Labels; dayNames: string[] }) {
  const [state, onSubmit, pending] = useFormAction(saveDigestSettingsAction);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const values = state && !state.ok ? { ...state.values, enabled: state.values.enabled === 'on', day: Number(state.values.day) } : initial;
  return (
    <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end" noValidate>
      <div className="sm:col-span-2 lg:col-span-5"><FormMessage state={state} testId="settings-message" /></div>
      <Field id="digest-language" label={labels['channels.language']} errors={errors.language}>
        <select id="digest-language" name="language" defaultValue={values.language} className={inputClass}>
          <option value="zh">中文</option>
          <option value="en">English</option>
        </select>
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="enabled" defaultChecked={values.enabled} /> {labels['channels.reminder']}
      </label>
      <Field id="digest-day" label={labels['channels.reminderDay']} errors={errors.day}>
        <select id="digest-day" name="day" defaultValue={String(values.day)} className={inputClass}>
          {DAYS.map((d) => <option key={d} value={d}>{dayNames[d - 1]}</option>)}
        </select>
      </Field>
      <Field id="digest-time" label={labels['channels.reminderTime']} errors={errors.time}>
        <input id="digest-time" name="time" defaultValue={values.time} placeholder="18:00" aria-invalid={Boolean(errors.time)} className={inputClass} />
      </Field>
      <Field id="digest-timeZone" label={labels['channels.timeZone']} errors={errors.timeZone}>
        <input id="digest-timeZone" name="timeZone" defaultValue={values.timeZone} aria-invalid={Boolean(errors.timeZone)} className={inputClass} />
      </Field>
      <button type="submit" className={buttonClass} disabled={pending}>{labels['channels.save']}</button>
    </form>
  );
}
