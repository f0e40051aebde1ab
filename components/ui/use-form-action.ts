'use client';

import { useActionState, useTransition, type FormEvent } from 'react';

/**
 * useActionState, submitted by hand: React does not reset the form afterwards, so every field keeps
 * what the user typed whether the save succeeded or not (selects included).
 */
export function useFormAction<S>(action: (prev: S | null, form: FormData) => Promise<S>) {
  const [state, dispatch, pending] = useActionState(action, null);
  const [transitioning, startTransition] = useTransition();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => dispatch(form));
  };
  return [state, onSubmit, pending || transitioning] as const;
}
