'use client';

import { useActionState, useEffect, useRef, useTransition, type FormEvent } from 'react';

/**
 * useActionState, submitted by hand: React does not reset the form afterwards, so every field keeps
 * what the user typed whether the save succeeded or not (selects included).
 * A refused save moves focus to what needs the user (the first invalid field, or the form's message), so
 * the answer is noticed wherever they pressed the button (issue 16).
 */
export function useFormAction<S>(action: (prev: S | null, form: FormData) => Promise<S>) {
  const [state, dispatch, pending] = useActionState(action, null);
  const [transitioning, startTransition] = useTransition();
  const form = useRef<HTMLFormElement | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.current = event.currentTarget;
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };
  useEffect(() => {
    const el = form.current;
    if (!el || !state || (state as { ok?: unknown }).ok !== false) return;
    const target = el.querySelector<HTMLElement>('[aria-invalid="true"]') ?? el.querySelector<HTMLElement>('[data-testid="form-message"]');
    if (!target) return;
    if (!target.matches('input, select, textarea, button, [tabindex]')) target.setAttribute('tabindex', '-1');
    target.focus();
  }, [state]);
  return [state, onSubmit, pending || transitioning] as const;
}
