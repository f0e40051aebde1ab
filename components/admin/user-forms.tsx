'use client';

import { changeRoleAction, createUserAction, setDisabledAction } from '@/app/(app)/admin/users/actions';
import { ROLES } from '@/lib/constants';
import { Field, buttonClass, inputClass, secondaryButtonClass } from '../ui/field';
import type { AdminLabels } from '@/lib/i18n/admin-labels';
import { FormMessage } from './form-message';
import { useFormAction } from '../ui/use-form-action';
import { newUserSchema } from '@/lib/validation/auth';
import { newUserFormInput } from '@/lib/validation/form-input';

export function NewUserForm({ l }: { l: AdminLabels }) {
  const [state, onSubmit, pending, onInput] = useFormAction(createUserAction, (f) => newUserSchema.safeParse(newUserFormInput(f)));
  const errors = state && !state.ok ? state.fieldErrors : {};
  const values = state && !state.ok ? state.values : { email: '', name: '', role: 'viewer' };
  const described = (f: string) => (errors[f] ? `new-${f}-error` : undefined);
  return (
    <form onSubmit={onSubmit} onInput={onInput} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end" noValidate key={state?.ok ? state.message : 'form'}>
      <div className="sm:col-span-2 lg:col-span-5"><FormMessage state={state} /></div>
      <Field id="new-email" label={l.email} errors={errors.email}>
        <input id="new-email" name="email" type="email" defaultValue={values.email} aria-invalid={Boolean(errors.email)} aria-describedby={described('email')} className={inputClass} />
      </Field>
      <Field id="new-name" label={l.name} errors={errors.name}>
        <input id="new-name" name="name" defaultValue={values.name} className={inputClass} />
      </Field>
      <Field id="new-role" label={l.role} errors={errors.role}>
        <select id="new-role" name="role" defaultValue={values.role} className={inputClass}>
          {ROLES.map((r) => <option key={r} value={r}>{l.names[r] ?? r}</option>)}
        </select>
      </Field>
      <Field id="new-password" label={l.password} errors={errors.password}>
        <input id="new-password" name="password" type="password" autoComplete="new-password" aria-invalid={Boolean(errors.password)} aria-describedby={described('password')} className={inputClass} />
      </Field>
      <button type="submit" className={buttonClass} disabled={pending}>{l.addUserButton}</button>
    </form>
  );
}

export function RoleForm({ userId, role, email, l }: { userId: string; role: string; email: string; l: AdminLabels }) {
  const [state, onSubmit, pending] = useFormAction(changeRoleAction);
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <label className="sr-only" htmlFor={`role-${userId}`}>{l.roleOf} {email}</label>
      <select id={`role-${userId}`} name="role" defaultValue={role} className={`${inputClass} w-32`}>
        {ROLES.map((r) => <option key={r} value={r}>{l.names[r] ?? r}</option>)}
      </select>
      <button type="submit" className={secondaryButtonClass} disabled={pending}>{l.changeRole}</button>
      {state ? <FormMessage state={state} testId={`role-message-${email}`} /> : null}
    </form>
  );
}

export function DisableForm({ userId, disabled, email, l }: { userId: string; disabled: boolean; email: string; l: AdminLabels }) {
  const [state, onSubmit, pending] = useFormAction(setDisabledAction);
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="disabled" value={disabled ? 'false' : 'true'} />
      <button type="submit" className={secondaryButtonClass} disabled={pending}>
        {disabled ? `${l.enable} ${email}` : `${l.disable} ${email}`}
      </button>
      {state && !state.ok ? <FormMessage state={state} /> : null}
    </form>
  );
}
