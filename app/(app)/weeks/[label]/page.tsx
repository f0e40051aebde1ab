import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { MetricTile } from '@/components/metric-tile';
import { WeekHistory } from '@/components/week-history';
import { listWeekHistory } from '@/db/queries/revisions';
import { getWeekNumbering } from '@/db/queries/settings';
import { routeWeek } from '@/lib/params';
import { getWeekEntryData } from '@/db/queries/week-entry';
import { hasRole, requirePageRole } from '@/lib/auth';
import { getTranslator } from '@/lib/i18n/server';
import { buildTiles } from '@/lib/kpi/tiles';
import { listTargets } from '@/db/queries/targets';
import { addWeeks, formatWeek, weekLabel } from '@/lib/weeks';
import { formatDuration } from '@/lib/format';
import { teamTimeZone } from '@/lib/time-zone';

type Props = { params: Promise<{ label: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).label };
}

export default async function WeekPage({ params }: Props) {
  const { label } = await params;
  const principal = await requirePageRole('viewer', `/weeks/${label}`);
  const numbering = getWeekNumbering();
  const weekStart = routeWeek(label, numbering);
  if (!weekStart) notFound();
  const data = getWeekEntryData(weekStart);
  const canEdit = hasRole(principal.role, 'editor');
  // Viewers read published weeks only; editors also see drafts.
  if (!data.week || (data.week.status !== 'published' && !canEdit)) notFound();
  const { lang, t } = await getTranslator();
  const tiles = buildTiles({ metrics: data.metrics, targets: listTargets(), week: weekStart, current: data.values, previous: data.previousValues });
  const historyMetrics = data.metrics.map((m) => ({ key: m.key, label: lang === 'zh' ? m.labelZh : m.labelEn, unit: m.unit, decimals: m.decimals, truncate: m.truncate }));
  const link = 'text-sky-700 underline dark:text-sky-400';
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-2xl font-semibold" data-testid="week-title">
          {formatWeek(weekStart, numbering, lang)}
        </h1>
        <span className="rounded bg-slate-200 px-2 py-0.5 text-sm dark:bg-slate-800">{t(`status.${data.week.status}`)}</span>
        <nav aria-label={t('metric.week')} className="flex gap-3 text-sm">
          <Link className={link} href={`/weeks/${weekLabel(addWeeks(weekStart, -1), numbering)}`}>← {weekLabel(addWeeks(weekStart, -1), numbering)}</Link>
          <Link className={link} href={`/weeks/${weekLabel(addWeeks(weekStart, 1), numbering)}`}>{weekLabel(addWeeks(weekStart, 1), numbering)} →</Link>
          <Link className={link} href={`/weeks/${weekLabel(weekStart, numbering)}/print`}>{t('dash.print')}</Link>
          {canEdit ? <Link className={link} href={`/entry/${weekLabel(weekStart, numbering)}`}>{t('week.edit')}</Link> : null}
        </nav>
      </div>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {tiles.map((tile) => (
          <MetricTile key={tile.metric.key} tile={tile} lang={lang} t={t} href={`/metrics/${tile.metric.key}`} />
        ))}
      </div>
      <section aria-labelledby="events" className="flex flex-col gap-2">
        <h2 id="events" className="text-lg font-semibold">{t('week.events')}</h2>
        {data.incidents.length === 0 ? <p className="text-sm text-slate-500">{t('week.noEvents')}</p> : (
          <ul className="flex flex-col gap-2" data-testid="week-incidents">
            {data.incidents.map((e) => (
              <li key={e.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm dark:border-slate-800 dark:bg-slate-900">
                <p className="font-medium">
                  {e.startedAt.replace('T', ' ')} · <span data-content="user">{e.title}</span>
                  {e.durationMinutes !== null ? ` · ${formatDuration(e.durationMinutes, lang)}` : ''}
                  {e.grade ? ` · ${t('dash.grade', { grade: e.grade })} (${t(`week.${e.gradeStatus ?? 'estimated'}`)})` : ` · ${t('dash.ungraded')}`}
                </p>
                {e.cause ? <p>{t('week.cause')}: <span data-content="user">{e.cause}</span></p> : null}
                {e.handling ? <p>{t('week.handling')}: <span data-content="user">{e.handling}</span></p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      {data.week.notes || data.week.internalNotes ? (
        <section aria-labelledby="notes" className="flex flex-col gap-2">
          <h2 id="notes" className="text-lg font-semibold">{t('week.notes')}</h2>
          {data.week.notes ? <p className="whitespace-pre-wrap text-sm" data-content="user">{data.week.notes}</p> : null}
          {data.week.internalNotes ? <p className="whitespace-pre-wrap text-sm text-slate-600 dark:text-slate-400">{t('week.internal')}: <span data-content="user">{data.week.internalNotes}</span></p> : null}
        </section>
      ) : null}
      <section aria-labelledby="history" className="flex flex-col gap-2">
        <h2 id="history" className="text-lg font-semibold">{t('week.history')}</h2>
        {canEdit ? null : <p className="text-sm text-slate-500">{t('week.historyPublished')}</p>}
        <WeekHistory entries={listWeekHistory(weekStart, canEdit ? 'editor' : 'reader')} metrics={historyMetrics} lang={lang} timeZone={teamTimeZone()} />
      </section>
    </div>
  );
}
