import type { z } from 'zod';

/**
 * The one result shape every server action returns. `values` echoes what was typed (never a password);
 * `detail` is a machine's own words quoted after the message (a provider's HTTP status), shown as code.
 */
export type ActionResult<V = Record<string, string>, Extra = object> =
  | ({ ok: true; message?: string } & Extra)
  | { ok: false; message: string; fieldErrors: Record<string, string[]>; values: V; detail?: string };

export function failure<V>(message: string, values: V, fieldErrors: Record<string, string[]> = {}, detail?: string) {
  return { ok: false as const, message, fieldErrors, values, ...(detail ? { detail } : {}) };
}

/** Every field's errors at once, keyed by the dotted path of the field. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_form';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
