import type { Metadata } from 'next';
import { DashboardView, WeekHeading } from '@/components/dashboard/dashboard-view';
import { RangeNotice, RangePicker } from '@/components/dashboard/range-picker';
import { KioskRefresh } from '@/components/kiosk-refresh';
import { getPublishedBounds } from '@/db/queries/dashboard';
import { loadDashboardModel } from '@/db/queries/dashboard-load';
import { getDataVersion } from '@/db/queries/data-version';
import { getWeekNumbering } from '@/db/queries/settings';
import { requirePageRole } from '@/lib/auth';
import { getTranslator } from '@/lib/i18n/server';
import { resolveRange } from '@/lib/range';
import { formatWeek, weekLabel } from '@/lib/weeks';
import { pageTitle } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle('title.overview') };
}

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
  const model = loadDashboardModel({ from: range.from, to: range.to, latestWeek: bounds.latest, lang, numbering });
  const label = weekLabel(bounds.latest, numbering);
  // The data version makes the URL name exactly this data: a publish gives the next render a new one.
  const chartsSrc = `/api/charts?from=${weekLabel(range.from, numbering)}&to=${weekLabel(range.to, numbering)}&lang=${lang}&v=${getDataVersion()}`;
  return (
    <div className="flex flex-col gap-4">
      {kiosk ? <KioskRefresh /> : null}
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t('overview.title')}</h1>
          <WeekHeading title={formatWeek(bounds.latest, numbering, lang)} href={`/weeks/${label}`} linkText={t('dash.weekLink')} label={label} />
        </div>
        <RangePicker range={range} basePath="/" t={t} fromLabel={weekLabel(range.from, numbering)} toLabel={weekLabel(range.to, numbering)} extraQuery={kiosk ? '&kiosk=1' : ''} exportHref={`/api/export/csv?from=${weekLabel(range.from, numbering)}&to=${weekLabel(range.to, numbering)}`} />
      </div>
      <RangeNotice notice={range.notice} />
      <DashboardView model={model} lang={lang} t={t} numbering={numbering} metricHref={(key) => `/metrics/${key}`} chartsSrc={chartsSrc} />
    </div>
  );
}
