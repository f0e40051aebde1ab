'use client';

import { useActionState } from 'react';
import { loginAction } from '@/app/login/actions';
import { Field, buttonClass, inputClass } from './ui/field';

export function LoginForm(props: { next: string; labels: { email: string; password: string; submit: string } }) {
  const [state, action, pending] = useActionState(loginAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const email = state && !state.ok ? state.values.email : '';
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="next" value={props.next} />
      {state && !state.ok ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {state.message}
        </p>
      ) : null}
      <Field id="email" label={props.labels.email} errors={errors.email}>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          defaultValue={email}
          key={email}
          aria-invalid={Boolean(errors.email)}
          aria-describedby={errors.email ? 'email-error' : undefined}
          className={inputClass}
        />
      </Field>
      <Field id="password" label={props.labels.password} errors={errors.password}>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={Boolean(errors.password)}
          aria-describedby={errors.password ? 'password-error' : undefined}
          className={inputClass}
        />
      </Field>
      <button type="submit" disabled={pending} className={buttonClass}>
        {props.labels.submit}
      </button>
    </form>
  );
}
