import type { ChangeSummary } from '@/db/queries/save-week';

function describe(value: unknown): string {
  if (value === null || value === undefined) return '(empty)';
  if (typeof value === 'object' && 'value' in (value as Record<string, unknown>)) return String((value as { value: unknown }).value);
  if (typeof value === 'object' && 'title' in (value as Record<string, unknown>)) return String((value as { title: unknown }).title);
  if (typeof value === 'object' && 'status' in (value as Record<string, unknown>)) return String((value as { status: unknown }).status);
  return JSON.stringify(value);
}

export function ConflictPanel({ changes, heading = 'Saved by someone else since you opened this week:' }: { changes: ChangeSummary[]; heading?: string }) {
  return (
    <div role="region" aria-label="Changes saved by someone else" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950" data-testid="conflict-panel">
      <p className="font-medium">{heading}</p>
      <ul className="mt-2 list-disc pl-5">
        {changes.map((c, i) => (
          <li key={i}>
            {c.userEmail ?? 'someone'} · {c.metricKey ?? c.entity} {c.action}: {describe(c.before)} → {describe(c.after)}
            {c.reason ? ` (${c.reason})` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}
