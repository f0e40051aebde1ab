import type { Metadata } from 'next';
import { DashboardView, WeekHeading } from '@/components/dashboard/dashboard-view';
import { RangeNotice, RangePicker } from '@/components/dashboard/range-picker';
import { loadSharedChartsJson, loadSharedDashboardModel, resolveSharedRange } from '@/db/queries/share-links-view';
import { getWeekNumbering } from '@/db/queries/settings';
import { getTranslator } from '@/lib/i18n/server';
import { requireShareScope } from '@/lib/share/request';
import { formatWeek, weekLabel } from '@/lib/weeks';
import { AsOfSwitch } from '@/components/dashboard/as-of-switch';
import { parseAsOf } from '@/lib/kpi/snapshot';
import { pageTitle } from '@/lib/i18n/server';

// Never prerendered or cached: the token is checked again on every request.
export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle('title.shared') };
}

type Props = { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SharedDashboardPage({ params, searchParams }: Props) {
  const { token } = await params;
  const scope = await requireShareScope(token);
  const { lang, t } = await getTranslator();
  const basePath = `/s/${token}`;
  const numbering = getWeekNumbering();
  const query = await searchParams;
  const shared = resolveSharedRange(query, scope, numbering);
  if (!shared) {
    return <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-slate-600">{t('share.empty')}</p>;
  }
  const { bounds, range, outsideScope } = shared;
  // The link's creator chose what it shows by default; its reader may switch (?as=).
  const asOf = parseAsOf(query.as, scope.asOf);
  const model = loadSharedDashboardModel({ from: range.from, to: range.to, latestWeek: bounds.latest, lang, numbering, scope, asOf });
  const rangeQuery = `from=${weekLabel(range.from, numbering)}&to=${weekLabel(range.to, numbering)}`;
  const label = weekLabel(bounds.latest, numbering);
  // The reader's switch travels to the week pages; the link's own choice needs no parameter.
  const weekHref = `${basePath}/weeks/${label}${asOf === scope.asOf ? '' : `?as=${asOf}`}`;
  const chartsJson = loadSharedChartsJson({ from: range.from, to: range.to, latestWeek: bounds.latest, lang, numbering, scope, asOf });
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t('share.title')}</h1>
          <WeekHeading title={formatWeek(bounds.latest, numbering, lang)} href={weekHref} linkText={t('dash.weekLink')} label={label} />
        </div>
        <RangePicker range={range} basePath={basePath} t={t} fromLabel={weekLabel(range.from, numbering)} toLabel={weekLabel(range.to, numbering)} extraQuery={asOf === scope.asOf ? "" : `&as=${asOf}`} exportHref={`${basePath}/export?from=${weekLabel(range.from, numbering)}&to=${weekLabel(range.to, numbering)}`} />
      </div>
      <AsOfSwitch asOf={asOf} t={t} href={(v) => `${basePath}?${rangeQuery}&as=${v}`} />
      <RangeNotice notice={outsideScope ? t('share.outsideScope') : range.notice} />
      <DashboardView model={model} lang={lang} t={t} numbering={numbering} metricHref={() => weekHref} chartsJson={chartsJson} />
    </div>
  );
}
