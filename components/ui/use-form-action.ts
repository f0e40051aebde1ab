'use client';

import { useActionState, useEffect, useRef, useState, useTransition, type FormEvent } from 'react';
import type { z } from 'zod';
import { key } from '@/lib/i18n/key';
import { localize, localizeErrors } from '@/lib/i18n/form-labels';
import { fieldErrorsOf } from '@/lib/validation/result';

/** The check a form runs in the browser: its own zod schema over its own reader (lib/validation/form-input.ts). */
export type FormCheck = (form: FormData) => z.ZodSafeParseResult<unknown>;

type Refusal = { ok: false; message: string; fieldErrors: Record<string, string[]>; values: Record<string, string> };

const readerLanguage = () => (document.documentElement.lang.startsWith('zh') ? 'zh' : 'en');

/**
 * The one form pattern for forms that post to a server action (issue 16):
 * - the same zod schema runs in the browser first: every error at once, nothing sent while any remains;
 * - after a refusal (the browser's or the server's), errors follow the user's typing;
 * - the server action parses the same input again and stays the authority;
 * - a refusal moves focus to what needs the user (the first invalid field, or the form's message);
 * - React does not reset the form afterwards: every field keeps what was typed (selects included).
 * Returns `[state, onSubmit, pending, onInput]`; put `onInput` on the form for errors as you type.
 */
export function useFormAction<S>(action: (prev: S | null, form: FormData) => Promise<S>, check?: FormCheck) {
  const [state, dispatch, pending] = useActionState(action, null);
  const [transitioning, startTransition] = useTransition();
  const [local, setLocal] = useState<Refusal | null>(null);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement | null>(null);

  const errorsOf = (el: HTMLFormElement) => {
    const result = check?.(new FormData(el));
    return result && !result.success ? localizeErrors(fieldErrorsOf(result.error), readerLanguage()) : {};
  };
  const valuesOf = (el: HTMLFormElement) => Object.fromEntries([...new FormData(el).entries()].filter(([, v]) => typeof v === 'string')) as Record<string, string>;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const el = event.currentTarget;
    form.current = el;
    const errors = errorsOf(el);
    const count = Object.keys(errors).length;
    setAttempt((n) => n + 1);
    if (count) {
      setLocal({ ok: false, message: localize(key('error.fieldsNeedFixing', { count }), readerLanguage()), fieldErrors: errors, values: valuesOf(el) });
      return;
    }
    setLocal(null);
    const data = new FormData(el);
    startTransition(() => dispatch(data));
  };

  // Errors as you type, once the form was refused: the browser's check again on every change.
  const refused = local ?? (state && (state as { ok?: unknown }).ok === false ? (state as unknown as Refusal) : null);
  const onInput = (event: FormEvent<HTMLFormElement>) => {
    if (!refused || !check) return;
    const el = event.currentTarget;
    setLocal({ ...refused, fieldErrors: errorsOf(el), values: valuesOf(el) });
  };

  const shown = (local ?? state) as S | null;
  useEffect(() => {
    const el = form.current;
    if (!el || !attempt || !shown || (shown as { ok?: unknown }).ok !== false) return;
    const target = el.querySelector<HTMLElement>('[aria-invalid="true"]') ?? el.querySelector<HTMLElement>('[data-testid="form-message"]');
    if (!target) return;
    if (!target.matches('input, select, textarea, button, [tabindex]')) target.setAttribute('tabindex', '-1');
    target.focus();
    // Only a new refusal moves focus; typing afterwards leaves it where the user is.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt, state]);
  return [shown, onSubmit, pending || transitioning, onInput] as const;
}
