import type { ActionResult } from '@/lib/validation/result';

export function FormMessage({ state, testId = 'form-message' }: { state: ActionResult<unknown> | null; testId?: string }) {
  if (!state || (state.ok && !state.message)) return null;
  return (
    <p
      role={state.ok ? 'status' : 'alert'}
      data-testid={testId}
      className={`rounded-md px-3 py-2 text-sm ${state.ok ? 'bg-green-50 text-green-900 dark:bg-green-950 dark:text-green-200' : 'bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-200'}`}
    >
      {state.message}
      {/* A machine's own words (a provider's HTTP status), quoted as they came: not translated. */}
      {!state.ok && state.detail ? <> <code data-content="code" className="font-mono text-xs">{state.detail}</code></> : null}
    </p>
  );
}
