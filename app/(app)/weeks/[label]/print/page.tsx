import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PrintKpis } from '@/components/report/print-kpis';
import { ReportSections } from '@/components/report/report-sections';
import { getSeries } from '@/db/queries/dashboard';
import { getReportView, getWeekHighlights, today } from '@/db/queries/report-view';
import { getWeekNumbering } from '@/db/queries/settings';
import { listSnapshots } from '@/db/queries/snapshots';
import { dayOf, snapshotView } from '@/lib/kpi/snapshot';
import { routeWeek } from '@/lib/params';
import { listTargets } from '@/db/queries/targets';
import { getWeekEntryData } from '@/db/queries/week-entry';
import { hasRole, requirePageRole } from '@/lib/auth';
import { INCIDENT_COUNT_KEYS } from '@/lib/constants';
import { getTranslator } from '@/lib/i18n/server';
import { overdueAsOf } from '@/lib/kpi/highlights';
import { buildTiles } from '@/lib/kpi/tiles';
import { formatDuration } from '@/lib/report/duration';
import { addWeeks, formatWeek } from '@/lib/weeks';
import { pageTitle } from '@/lib/i18n/server';
import { toReportView } from '@/lib/report/view';

type Props = { params: Promise<{ label: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: await pageTitle('title.print', { label: (await params).label }) };
}

const READ = { includeInternal: true };

/** The whole report on A4, light whatever the screen theme, with a 13-week trend beside each KPI. */
export default async function PrintWeekPage({ params, searchParams }: Props) {
  const { label } = await params;
  const principal = await requirePageRole('viewer', `/weeks/${label}/print`);
  const numbering = getWeekNumbering();
  const weekStart = routeWeek(label, numbering);
  if (!weekStart) notFound();
  const data = getWeekEntryData(weekStart);
  if (!data.week || (data.week.status !== 'published' && !hasRole(principal.role, 'editor'))) notFound();
  const { lang, t } = await getTranslator();
  // ?v=N prints published version N with the targets frozen with it; without it, the current figures.
  const snapshots = listSnapshots(weekStart);
  const wanted = Number((await searchParams).v);
  const chosen = snapshots.find((s) => s.version === wanted) ?? null;
  const view = chosen ? snapshotView(chosen.payload, weekStart) : null;
  const shown = { values: view?.values ?? data.values, incidents: view?.incidents ?? data.incidents, notes: view?.notes ?? data.week.notes };
  const tiles = buildTiles({ metrics: data.metrics, targets: view?.targets ?? listTargets(), week: weekStart, current: shown.values, previous: data.previousValues });
  const byKey = Object.fromEntries(tiles.map((tile) => [tile.metric.key, tile]));
  const incidentKeys = new Set<string>(Object.values(INCIDENT_COUNT_KEYS));
  const lines = tiles.filter((tile) => !incidentKeys.has(tile.metric.key) && tile.value !== null);
  const count = (key: string) => byKey[key]?.value ?? null;
  const ab = (count('incidents_a') ?? 0) + (count('incidents_b') ?? 0);
  const cd = (count('incidents_c') ?? 0) + (count('incidents_d') ?? 0);
  const range = getSeries({ from: addWeeks(weekStart, -12), to: weekStart });
  // A draft (editors only) is not in the published series: its own values end the trend.
  const series = Object.fromEntries(lines.map((tile) => [tile.metric.key, [...(range.series[tile.metric.key] ?? new Array(range.weeks.length).fill(null)).slice(0, -1), tile.value]]));
  // A chosen version prints its report as published too (snapshots from before reports were kept: the current one).
  const report = chosen?.payload.report ? toReportView(chosen.payload.report, lang) : getReportView(weekStart, lang, READ);
  const current = data.week.status === 'published' ? undefined : data.values;
  return (
    <article data-print-view className="mx-auto max-w-[182mm] bg-white p-8 text-[10.5pt] leading-snug text-slate-900 print:max-w-none print:p-0">
      <h1 className="text-xl font-bold">{formatWeek(weekStart, numbering, lang)}</h1>
      <p className="text-xs text-slate-500">{t(`status.${data.week.status}`)}</p>
      {snapshots.length ? (
        <p className="text-xs text-slate-600" data-testid="print-version">
          {chosen ? t('print.asVersion', { version: chosen.version, at: dayOf(chosen.publishedAt), by: chosen.publishedByName ?? '—' }) : t('print.asCurrent')}
        </p>
      ) : null}
      <ReportSections
        print
        report={report}
        week={weekStart}
        asOf={overdueAsOf(weekStart, today())}
        t={t}
        highlights={getWeekHighlights({ weekStart, lang, report, options: READ, current })}
        kpis={<PrintKpis tiles={lines} series={series} lang={lang} t={t} incidents={t('print.incidents', { ab, cd })} />}
        events={
          shown.incidents.length === 0 ? <p>{t('reading.none')}</p> : (
            <ol className="list-decimal pl-6">
              {shown.incidents.map((e) => (
                <li key={e.id} className="mb-1 break-inside-avoid">
                  <p>{e.startedAt.slice(5).replace('T', ' ')} <span data-content="user">{e.title}</span>{e.durationMinutes !== null ? t('print.duration', { duration: formatDuration(e.durationMinutes, lang) }) : ''}</p>
                  {e.cause ? <p className="pl-4">{t('preview.cause')}<span data-content="user">{e.cause}</span></p> : null}
                  {e.handling || e.grade ? <p className="pl-4">{t('preview.handling')}<span data-content="user">{e.handling}</span>{e.grade ? t('print.grade', { grade: e.grade, status: t(e.gradeStatus === 'final' ? 'week.final' : 'week.estimated') }) : ''}</p> : null}
                </li>
              ))}
            </ol>
          )
        }
      />
      {shown.notes ? (
        <section className="break-inside-avoid">
          <h2 className="mt-4 border-b border-slate-300 text-base font-semibold">{t('week.notes')}</h2>
          <p className="mt-1 whitespace-pre-wrap" data-content="user">{shown.notes}</p>
        </section>
      ) : null}
    </article>
  );
}
