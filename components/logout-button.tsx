'use client';

import { useActionState } from 'react';
import { logoutAction } from '@/app/login/actions';

/** The header's sign-out: on failure it says so and the user stays where they are, still signed in. */
export function LogoutButton({ label }: { label: string }) {
  const [state, action, pending] = useActionState(logoutAction, null);
  return (
    <form action={action} className="flex items-center gap-2">
      <button type="submit" disabled={pending} className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
        {label}
      </button>
      {state ? (
        <p role="alert" className="rounded-md bg-red-50 px-2 py-1 text-sm text-red-800 dark:bg-red-950 dark:text-red-200" data-testid="logout-error">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
