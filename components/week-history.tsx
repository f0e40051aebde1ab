import type { HistoryEntry } from '@/db/queries/revisions';

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('value' in v) return [v.value, v.done !== null && v.done !== undefined ? `(${v.done}/${v.total})` : ''].join(' ').trim();
    if ('title' in v) return `${v.title}${v.grade ? ` · ${v.grade} ${v.gradeStatus ?? ''}` : ''}`;
    if ('status' in v) return String(v.status);
  }
  return JSON.stringify(value);
}

export function WeekHistory({ entries, labels }: { entries: HistoryEntry[]; labels: Record<string, string> }) {
  if (!entries.length) return <p className="text-sm text-slate-500">No recorded changes.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="week-history">
        <thead className="text-slate-500">
          <tr>
            <th className="py-2 pr-3 font-medium">When</th>
            <th className="py-2 pr-3 font-medium">Who</th>
            <th className="py-2 pr-3 font-medium">What</th>
            <th className="py-2 pr-3 font-medium">Before</th>
            <th className="py-2 pr-3 font-medium">After</th>
            <th className="py-2 font-medium">Why</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} className="border-t border-slate-200 dark:border-slate-800">
              <td className="py-2 pr-3 whitespace-nowrap tabular-nums">{e.createdAt.toISOString().slice(0, 16).replace('T', ' ')} UTC</td>
              <td className="py-2 pr-3">{e.userEmail ?? '—'}</td>
              <td className="py-2 pr-3">
                {e.metricKey ? (labels[e.metricKey] ?? e.metricKey) : e.entity} · {e.action}
              </td>
              <td className="py-2 pr-3">{show(e.before)}</td>
              <td className="py-2 pr-3">{show(e.after)}</td>
              <td className="py-2">{e.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
