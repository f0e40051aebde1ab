import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getWeekNumbering } from '@/db/queries/settings';
import { routeWeek } from '@/lib/params';
import { listTargets } from '@/db/queries/targets';
import { getWeekEntryData } from '@/db/queries/week-entry';
import { hasRole, requirePageRole } from '@/lib/auth';
import { INCIDENT_COUNT_KEYS } from '@/lib/constants';
import { formatDelta, formatDuration, formatMetricValue } from '@/lib/format';
import { getTranslator } from '@/lib/i18n/server';
import { buildTiles } from '@/lib/kpi/tiles';
import { formatWeek } from '@/lib/weeks';
import { pageTitle } from '@/lib/i18n/server';

type Props = { params: Promise<{ label: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: await pageTitle('title.print', { label: (await params).label }) };
}

/** The week's review on one A4 page, laid out like the team's weekly report. */
export default async function PrintWeekPage({ params }: Props) {
  const { label } = await params;
  const principal = await requirePageRole('viewer', `/weeks/${label}/print`);
  const numbering = getWeekNumbering();
  const weekStart = routeWeek(label, numbering);
  if (!weekStart) notFound();
  const data = getWeekEntryData(weekStart);
  if (!data.week || (data.week.status !== 'published' && !hasRole(principal.role, 'editor'))) notFound();
  const { lang, t } = await getTranslator();
  const zh = lang === 'zh';
  const tiles = buildTiles({ metrics: data.metrics, targets: listTargets(), week: weekStart, current: data.values, previous: data.previousValues });
  const byKey = Object.fromEntries(tiles.map((tile) => [tile.metric.key, tile]));
  const incidentKeys = new Set<string>(Object.values(INCIDENT_COUNT_KEYS));
  const lines = tiles.filter((tile) => !incidentKeys.has(tile.metric.key) && tile.value !== null);
  const count = (key: string) => byKey[key]?.value ?? null;
  const ab = (count('incidents_a') ?? 0) + (count('incidents_b') ?? 0);
  const cd = (count('incidents_c') ?? 0) + (count('incidents_d') ?? 0);
  return (
    <article data-print-view className="mx-auto max-w-[180mm] bg-white p-8 text-[11pt] leading-relaxed text-slate-900 print:p-0">
      <h1 className="text-2xl font-bold">{formatWeek(weekStart, numbering, lang)}</h1>
      <p className="text-sm text-slate-500">{t(`status.${data.week.status}`)}</p>
      <h2 className="mt-6 border-b border-slate-300 text-lg font-semibold">{t('print.figures')}</h2>
      <ul className="mt-2 list-disc pl-6">
        {lines.map((tile) => (
          <li key={tile.metric.key}>
            {t('print.figureLabel', { label: zh ? tile.metric.labelZh : tile.metric.labelEn })}
            <strong>{formatMetricValue(tile.value, tile.metric, lang)}</strong>
            {tile.delta ? ` (${formatDelta(tile.delta, tile.metric, lang)})` : ''}
            {tile.target ? ` · ${t(`status.${tile.status}`)}` : ''}
          </li>
        ))}
        <li>
          {t('print.incidents', { ab, cd })}
        </li>
      </ul>
      <h2 className="mt-6 border-b border-slate-300 text-lg font-semibold">{t('print.events')}</h2>
      {data.incidents.length === 0 ? <p className="mt-2">{t('print.none')}</p> : (
        <ol className="mt-2 list-decimal pl-6">
          {data.incidents.map((e) => (
            <li key={e.id} className="mb-2 break-inside-avoid">
              <p>{e.startedAt.slice(5).replace('T', ' ')} <span data-content="user">{e.title}</span>{e.durationMinutes !== null ? t('print.duration', { duration: formatDuration(e.durationMinutes, lang) }) : ''}</p>
              {e.cause ? <p className="pl-4">{t('preview.cause')}<span data-content="user">{e.cause}</span></p> : null}
              {e.handling ? <p className="pl-4">{t('preview.handling')}<span data-content="user">{e.handling}</span>{e.grade ? t('print.grade', { grade: e.grade, status: t(e.gradeStatus === 'final' ? 'week.final' : 'week.estimated') }) : ''}</p> : null}
            </li>
          ))}
        </ol>
      )}
      {data.week.notes ? (
        <>
          <h2 className="mt-6 border-b border-slate-300 text-lg font-semibold">{t('week.notes')}</h2>
          <p className="mt-2 whitespace-pre-wrap" data-content="user">{data.week.notes}</p>
        </>
      ) : null}
    </article>
  );
}
