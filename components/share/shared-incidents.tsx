import type { Incident } from '@/db/queries/incidents';
import type { Translate } from '@/lib/i18n/messages';

export function SharedIncidents({ incidents, t }: { incidents: Incident[]; t: Translate }) {
  return (
    <section aria-labelledby="events" className="flex flex-col gap-2">
      <h2 id="events" className="text-lg font-semibold">{t('share.events')}</h2>
      {incidents.length === 0 ? <p className="text-sm text-slate-500">{t('share.noEvents')}</p> : (
        <ul className="flex flex-col gap-2" data-testid="week-incidents">
          {incidents.map((e) => (
            <li key={e.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm dark:border-slate-800 dark:bg-slate-900">
              <p className="font-medium">
                {e.startedAt.replace('T', ' ')} · <span data-content="user">{e.title}</span>
                {e.durationMinutes !== null ? ` · ${t('share.minutes', { n: e.durationMinutes })}` : ''}
                {e.grade ? ` · ${t('preview.graded', { grade: e.grade, status: t(e.gradeStatus === 'final' ? 'week.final' : 'week.estimated') })}` : ` · ${t('share.ungraded')}`}
              </p>
              {e.cause ? <p>{t('share.cause')}: <span data-content="user">{e.cause}</span></p> : null}
              {e.handling ? <p>{t('share.handling')}: <span data-content="user">{e.handling}</span></p> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
