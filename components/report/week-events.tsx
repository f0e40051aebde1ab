// The week's production events for the week page: each its own incident, durations in hours and minutes.
import type { Language } from '@/lib/constants';
import type { Translate } from '@/lib/i18n/messages';
import { formatDuration } from '@/lib/report/duration';

export interface WeekEvent {
  id: number | string;
  startedAt: string;
  title: string;
  durationMinutes: number | null;
  grade: string | null;
  gradeStatus: string | null;
  cause: string;
  handling: string;
}

/** `extra`: a line under an event, e.g. its grade change since the week was first published. */
export function WeekEvents({ events, lang, t, extra }: { events: WeekEvent[]; lang: Language; t: Translate; extra?: ReadonlyMap<number | string, string> }) {
  if (events.length === 0) return <p className="text-sm text-slate-500">{t('week.noEvents')}</p>;
  return (
    <ul className="flex flex-col gap-2" data-testid="week-incidents">
      {events.map((e) => (
        <li key={e.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm dark:border-slate-800 dark:bg-slate-900">
          <p className="font-medium">
            {e.startedAt.replace('T', ' ')} · <span data-content="user">{e.title}</span>
            {e.durationMinutes !== null ? ` · ${formatDuration(e.durationMinutes, lang)}` : ''}
            {e.grade ? ` · ${t('dash.grade', { grade: e.grade })} (${t(e.gradeStatus === 'final' ? 'week.final' : 'week.estimated')})` : ` · ${t('dash.ungraded')}`}
          </p>
          {extra?.has(e.id) ? (
            <p className="text-amber-800 dark:text-amber-300" data-testid="grade-change">
              {extra.get(e.id)}
            </p>
          ) : null}
          {e.cause ? <p>{t('week.cause')}: <span data-content="user">{e.cause}</span></p> : null}
          {e.handling ? <p>{t('week.handling')}: <span data-content="user">{e.handling}</span></p> : null}
        </li>
      ))}
    </ul>
  );
}
