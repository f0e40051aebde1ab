import type { Metadata } from 'next';
import { z } from 'zod';
import { DashboardView, WeekHeading } from '@/components/dashboard/dashboard-view';
import { RangeNotice, RangePicker } from '@/components/dashboard/range-picker';
import { AsOfSwitch } from '@/components/dashboard/as-of-switch';
import { KioskRefresh } from '@/components/kiosk-refresh';
import { parseAsOf } from '@/lib/kpi/snapshot';
import { Highlights } from '@/components/report/report-sections';
import { loadSignedInHighlights } from '@/db/queries/report-view';
import { getPublishedBounds } from '@/db/queries/dashboard';
import { loadDashboardChartsJson, loadDashboardModel } from '@/db/queries/dashboard-load';
import { getWeekNumbering } from '@/db/queries/settings';
import { requirePageRole } from '@/lib/auth';
import { getTranslator } from '@/lib/i18n/server';
import { resolveRange } from '@/lib/range';
import { formatWeek, weekLabel } from '@/lib/weeks';
import { pageTitle } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle('title.overview') };
}

/** How often the wall screen reloads itself: `?refresh=` seconds, 5 s to an hour; anything else is 5 minutes. */
const KIOSK_REFRESH = z.coerce.number().int().min(5).max(3600).catch(300);

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OverviewPage({ searchParams }: Props) {
  await requirePageRole('viewer', '/');
  const { lang, t } = await getTranslator();
  const bounds = getPublishedBounds();
  if (!bounds) {
    return <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-slate-600">{t('overview.empty')}</p>;
  }
  const numbering = getWeekNumbering();
  const params = await searchParams;
  const kiosk = params.kiosk === '1';
  const range = resolveRange(params, { numbering, ...bounds });
  const asOf = parseAsOf(params.as);
  const model = loadDashboardModel({ from: range.from, to: range.to, latestWeek: bounds.latest, lang, numbering, asOf });
  const rangeQuery = `from=${weekLabel(range.from, numbering)}&to=${weekLabel(range.to, numbering)}${kiosk ? '&kiosk=1' : ''}`;
  const label = weekLabel(bounds.latest, numbering);
  const chartsJson = loadDashboardChartsJson({ from: range.from, to: range.to, latestWeek: bounds.latest, lang, numbering, asOf });
  if (kiosk) {
    // The wall screen: no controls or links, the whole dashboard in one screen, refreshing itself.
    const refreshSeconds = KIOSK_REFRESH.parse(params.refresh);
    return (
      <div className="flex h-[calc(100dvh-2rem)] flex-col gap-3 overflow-hidden">
        <div className="flex shrink-0 items-baseline justify-between gap-4">
          <h1 className="text-3xl font-semibold">
            {t('overview.title')} <span className="text-2xl font-normal text-slate-600 dark:text-slate-400" data-testid="week-label" data-week={label}>{formatWeek(bounds.latest, numbering, lang)}</span>
          </h1>
          <KioskRefresh seconds={refreshSeconds} renderedAt={new Date().toISOString()} text={t('kiosk.refreshed', { time: '{time}', every: refreshSeconds % 60 === 0 ? t('kiosk.minutes', { n: refreshSeconds / 60 }) : t('kiosk.seconds', { n: refreshSeconds }) })} lang={lang} />
        </div>
        <DashboardView model={model} lang={lang} t={t} numbering={numbering} chartsJson={chartsJson} kiosk />
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t('overview.title')}</h1>
          <WeekHeading title={formatWeek(bounds.latest, numbering, lang)} href={`/weeks/${label}`} linkText={t('dash.weekLink')} label={label} />
        </div>
        <RangePicker range={range} basePath="/" t={t} fromLabel={weekLabel(range.from, numbering)} toLabel={weekLabel(range.to, numbering)} extraQuery={asOf === 'reported' ? '&as=reported' : ''} exportHref={`/api/export/csv?from=${weekLabel(range.from, numbering)}&to=${weekLabel(range.to, numbering)}`} />
      </div>
      <AsOfSwitch asOf={asOf} t={t} href={(v) => `/?${rangeQuery}${v === 'reported' ? '&as=reported' : ''}`} />
      <RangeNotice notice={range.notice} />
      <Highlights items={loadSignedInHighlights(bounds.latest, lang)} t={t} />
      <DashboardView model={model} lang={lang} t={t} numbering={numbering} metricHref={(key) => `/metrics/${key}`} chartsJson={chartsJson} />
    </div>
  );
}
