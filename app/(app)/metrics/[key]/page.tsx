import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { TrendChart } from '@/components/charts/lazy';
import { LineLegend } from '@/components/charts/legend';
import { ChartCard } from '@/components/dashboard/panels';
import { RangePicker } from '@/components/dashboard/range-picker';
import { CATALOGUE_EPOCH } from '@/db/queries/catalogue';
import { loadMetric, loadMetricSeries } from '@/db/queries/dashboard-load';
import { getPublishedBounds } from '@/db/queries/dashboard';
import { getWeekNumbering } from '@/db/queries/settings';
import { listTargets } from '@/db/queries/targets';
import { requirePageRole } from '@/lib/auth';
import { describeUnit, formatDelta, formatMetricValue } from '@/lib/format';
import { getTranslator, pageTitle } from '@/lib/i18n/server';
import { buildLineChart } from '@/lib/kpi/chart-data';
import { metricDelta } from '@/lib/kpi/delta';
import { metricStatus } from '@/lib/kpi/status';
import { targetInForce } from '@/lib/kpi/targets';
import { resolveRange } from '@/lib/range';
import { weekLabel } from '@/lib/weeks';
import { restatedKeys } from '@/lib/kpi/snapshot';

type Props = { params: Promise<{ key: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const metric = loadMetric((await params).key);
  const { lang } = await getTranslator();
  return { title: metric ? (lang === 'zh' ? metric.labelZh : metric.labelEn) : await pageTitle('notFound.title') };
}

export default async function MetricPage({ params, searchParams }: Props) {
  const { key } = await params;
  await requirePageRole('viewer', `/metrics/${key}`);
  const metric = loadMetric(key);
  if (!metric) notFound();
  const { lang, t } = await getTranslator();
  const numbering = getWeekNumbering();
  const bounds = getPublishedBounds();
  const label = (w: string) => weekLabel(w, numbering);
  const name = lang === 'zh' ? metric.labelZh : metric.labelEn;
  const targets = listTargets();
  const own = targets.filter((tg) => tg.metricKey === key);
  if (!bounds) return <p className="text-slate-600">{t('overview.empty')}</p>;
  const range = resolveRange(await searchParams, { numbering, ...bounds, latest: bounds.latest });
  const { data, reported } = loadMetricSeries(key, range);
  const chartMetric = { key, label: name, unit: metric.unit, decimals: metric.decimals, kind: metric.kind, direction: metric.direction, truncate: metric.truncate };
  // Weeks whose figure was restated since first published: ringed, as on the dashboard (issue 14).
  const restated = restatedKeys(data, reported);
  const model = buildLineChart({ weeks: data.weeks, series: data.series, metrics: [chartMetric], targets, gradedWeeks: data.gradedWeeks, label, scale: metric.kind === 'progress' ? 'percent' : 'zoom', restated });
  const hasBand = own.some((tg) => tg.warning !== null);
  const values = data.series[key] ?? [];
  const rows = data.weeks
    .map((week, i) => ({ week, value: values[i] ?? null, previous: i > 0 ? (values[i - 1] ?? null) : null }))
    .filter((r) => r.value !== null)
    .reverse();
  const fmt = (v: number | null) => formatMetricValue(v, metric, lang);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold" data-testid="metric-title">{name}</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="metric-subtitle">{describeUnit(metric, lang)}{metric.archived ? ` · ${t('admin.archived')}` : ''}</p>
        </div>
        <RangePicker range={range} basePath={`/metrics/${key}`} t={t} fromLabel={label(range.from)} toLabel={label(range.to)} />
      </div>
      <ChartCard id="metric" title={name}>
        <LineLegend series={[name]} labels={{ target: t('dash.target'), warningBand: t('dash.warningBand'), incident: t('chart.incidentWeek'), restated: t('chart.restatedLegend') }} band={hasBand} markers={model.markers.length > 0} restated={model.restated.length > 0} testId="legend-metric" />
        <TrendChart model={model} lang={lang} targetLabel={t('dash.target')} restatedLabel={t('chart.restated')} height={400} />
      </ChartCard>
      <div className="grid gap-4 lg:grid-cols-3">
        <section aria-labelledby="history" className="min-w-0 overflow-x-auto lg:col-span-2">
          <h2 id="history" className="mb-2 text-lg font-semibold">{t('metric.history')}</h2>
          {rows.length === 0 ? <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-600 dark:text-slate-400" data-testid="metric-empty">{t('metric.empty')}</p> : null}
          <table className="w-full text-left text-sm" data-testid="metric-history" hidden={rows.length === 0}>
            <thead className="text-slate-500">
              <tr><th className="py-1 pr-3 font-medium">{t('metric.week')}</th><th className="py-1 pr-3 font-medium">{t('metric.value')}</th><th className="py-1 pr-3 font-medium">{t('metric.change')}</th><th className="py-1 pr-3 font-medium">{t('metric.target')}</th><th className="py-1 font-medium">{t('metric.status')}</th></tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const tg = targetInForce(targets, key, r.week);
                return (
                  <tr key={r.week} className="border-t border-slate-200 dark:border-slate-800">
                    <td className="py-1 pr-3"><Link className="text-sky-700 underline dark:text-sky-400" href={`/weeks/${label(r.week)}`}>{label(r.week)}</Link></td>
                    <td className="py-1 pr-3 tabular-nums">{fmt(r.value)}</td>
                    <td className="py-1 pr-3 tabular-nums">{formatDelta(metricDelta(r.value, r.previous, metric), metric, lang)}</td>
                    <td className="py-1 pr-3 tabular-nums">{tg ? formatMetricValue(tg.target, { ...metric, truncate: false }, lang) : '—'}</td>
                    <td className="py-1">{t(`status.${metricStatus(r.value, metric.direction, tg)}`)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
        <section aria-labelledby="targets">
          <h2 id="targets" className="mb-2 text-lg font-semibold">{t('metric.targets')}</h2>
          <ul className="text-sm" data-testid="metric-targets">
            {own.map((tg) => (
              <li key={tg.effectiveFrom} className="border-t border-slate-200 py-1 dark:border-slate-800">
                {tg.effectiveFrom === CATALOGUE_EPOCH ? t('metric.always') : t('metric.from', { week: label(tg.effectiveFrom) })}: {metric.direction === 'higher' ? '≥' : '≤'} {formatMetricValue(tg.target, { ...metric, truncate: false }, lang)}
                {tg.warning !== null ? ` · ${t('dash.warningBand')} ${formatMetricValue(tg.warning, { ...metric, truncate: false }, lang)}` : ''}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
