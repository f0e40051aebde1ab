// The week's history as people read it: metric names, formatted values with units, event titles, "备注" for
// notes, who by name, and the team's local time. Never JSON or keys. Text people typed is marked as user content.
import type { ReactNode } from 'react';
import type { HistoryEntry } from '@/db/queries/revisions';
import type { Language } from '@/lib/constants';
import { formatDuration, formatMetricValue, type ValueFormat } from '@/lib/format';
import { translator, type MessageKey } from '@/lib/i18n/messages';
import { localDateTime } from '@/lib/time-zone';

export interface HistoryMetric extends ValueFormat {
  key: string;
  label: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null;
const User = ({ children }: { children: ReactNode }) => <span data-content="user">{children}</span>;

export function WeekHistory({ entries, metrics, lang, timeZone }: { entries: HistoryEntry[]; metrics: HistoryMetric[]; lang: Language; timeZone: string }) {
  const t = translator(lang);
  if (!entries.length) return <p className="text-sm text-slate-500">{t('history.none')}</p>;
  const metricOf = (key: string | null) => metrics.find((m) => m.key === key);
  const empty = t('history.empty');

  const valueText = (v: unknown, m: HistoryMetric | undefined): ReactNode => {
    if (!isObj(v) || typeof v.value !== 'number') return empty;
    const shown = m ? formatMetricValue(v.value, m, lang) : String(v.value);
    return v.done !== null && v.done !== undefined ? `${shown} (${String(v.done)}/${String(v.total)})` : shown;
  };
  const statusText = (s: unknown) => (s === 'published' || s === 'draft' ? t(`status.${s}`) : empty);
  const eventText = (v: unknown): ReactNode => {
    if (!isObj(v)) return empty;
    const minutes = v.durationMinutes === null || v.durationMinutes === undefined || v.durationMinutes === '' ? null : Number(v.durationMinutes);
    const grade = v.grade ? t('history.graded', { grade: String(v.grade), status: t(v.gradeStatus === 'final' ? 'week.final' : 'week.estimated') }) : t('dash.ungraded');
    return (
      <>
        <User>{String(v.title ?? '')}</User>
        {minutes !== null ? ` · ${formatDuration(minutes, lang)}` : ''} · {grade}
      </>
    );
  };
  const noteText = (v: unknown, field: string): ReactNode => {
    const text = isObj(v) ? String(v[field] ?? '') : '';
    return text.trim() ? <User>{text}</User> : empty;
  };

  /** One readable row per change; a notes save that touched both notes gives two rows. */
  function describe(e: HistoryEntry): { what: ReactNode; before: ReactNode; after: ReactNode }[] {
    const action = t(`history.${e.action}` as MessageKey);
    if (e.entity === 'value') {
      const m = metricOf(e.metricKey);
      return [{ what: `${m?.label ?? t('history.what')} · ${action}`, before: valueText(e.before, m), after: valueText(e.after, m) }];
    }
    if (e.entity === 'incident') {
      const title = String((isObj(e.after) ? e.after.title : undefined) ?? (isObj(e.before) ? e.before.title : undefined) ?? '');
      return [{ what: <>{t('history.event', { title: '' })}<User>{title}</User> · {action}</>, before: eventText(e.before), after: eventText(e.after) }];
    }
    const after = e.after;
    if (e.entity === 'week' && isObj(after) && ('notes' in after || 'internalNotes' in after)) {
      const fields = (['notes', 'internalNotes'] as const).filter((f) => (isObj(e.before) ? e.before[f] : '') !== after[f]);
      return fields.map((f) => ({ what: `${t(`history.${f}`)} · ${action}`, before: noteText(e.before, f), after: noteText(e.after, f) }));
    }
    return [{ what: `${t('history.week')} · ${action}`, before: isObj(e.before) ? statusText(e.before.status) : empty, after: isObj(e.after) ? statusText(e.after.status) : empty }];
  }

  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="week-history">
        <thead className="text-slate-500">
          <tr>
            {(['when', 'who', 'what', 'before', 'after', 'why'] as const).map((c) => (
              <th key={c} className="py-2 pr-3 font-medium">{t(`history.${c}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {entries.flatMap((e) =>
            describe(e).map((row, i) => (
              <tr key={`${e.id}-${i}`} className="border-t border-slate-200 dark:border-slate-800" data-testid="history-row">
                <td className="py-2 pr-3 whitespace-nowrap tabular-nums">{localDateTime(e.createdAt, timeZone)}</td>
                <td className="py-2 pr-3">
                  <User>{e.userName ?? e.userEmail ?? '—'}</User>
                  {e.userName && e.userEmail && e.userName !== e.userEmail ? (
                    <span className="block text-xs text-slate-500" data-content="user">{e.userEmail}</span>
                  ) : null}
                </td>
                <td className="py-2 pr-3">{row.what}</td>
                <td className="py-2 pr-3">{row.before}</td>
                <td className="py-2 pr-3">{row.after}</td>
                <td className="py-2">{e.reason ? <User>{e.reason}</User> : ''}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}
