import Link from '@/components/ui/link';
import { FetchedIncidentChart, FetchedTrendChart } from '@/components/charts/lazy';
import { MetricTile } from '@/components/metric-tile';
import type { Language } from '@/lib/constants';
import type { Translate } from '@/lib/i18n/messages';
import type { DashboardModel } from '@/lib/kpi/dashboard-model';
import type { WeekNumbering } from '@/lib/weeks';
import { BudgetSummary, ChartCard, ForecastList } from './panels';

/** The dashboard body shared by the signed-in overview and share links; links are built by the caller. */
export function DashboardView(props: {
  model: DashboardModel;
  lang: Language;
  t: Translate;
  numbering: WeekNumbering;
  metricHref?: (key: string) => string;
  /** Where the charts' series are fetched from (they are not part of the page: components/charts/use-charts.ts). */
  chartsSrc: string;
}) {
  const { model, lang, t, numbering, metricHref, chartsSrc } = props;
  const chartLabels = { target: t('dash.target'), warningBand: t('dash.warningBand'), incident: t('dash.incident') };
  const gradeLabels = { A: t('dash.grade', { grade: 'A' }), B: t('dash.grade', { grade: 'B' }), C: t('dash.grade', { grade: 'C' }), D: t('dash.grade', { grade: 'D' }), ungraded: t('dash.ungraded') };
  const { totals } = model.charts.incidents;
  const hasRange = model.charts.rates.rows.some((r) => model.charts.rates.metrics.some((m) => r[m.key] !== null));
  return (
    <div className="flex flex-col gap-6">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="tiles">
        {model.tiles.map((tile) => (
          <MetricTile key={tile.metric.key} tile={tile} lang={lang} t={t} spark={tile.spark} href={metricHref?.(tile.metric.key)} />
        ))}
      </div>
      {!hasRange ? <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-slate-600">{t('dash.noData')}</p> : null}
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        <ChartCard id="rates" title={t('dash.rates')}>
          <FetchedTrendChart src={chartsSrc} chart="rates" labels={chartLabels} />
        </ChartCard>
        <ChartCard id="availability" title={t('dash.availability')} footer={<BudgetSummary budget={model.budget} lang={lang} t={t} />}>
          <FetchedTrendChart src={chartsSrc} chart="availability" labels={chartLabels} height={200} />
        </ChartCard>
        <ChartCard id="incidents" title={t('dash.incidents')} footer={<p data-testid="incident-totals">{t('dash.totals', { ab: totals.AB, cd: totals.CD, ungraded: totals.ungraded })}</p>}>
          <FetchedIncidentChart src={chartsSrc} labels={gradeLabels} />
        </ChartCard>
        <ChartCard id="health" title={t('dash.health')}>
          <FetchedTrendChart src={chartsSrc} chart="health" labels={chartLabels} />
        </ChartCard>
        <ChartCard id="progress" title={t('dash.progress')} footer={<ForecastList forecasts={model.forecasts} lang={lang} t={t} numbering={numbering} />}>
          <FetchedTrendChart src={chartsSrc} chart="progress" labels={chartLabels} />
        </ChartCard>
      </div>
    </div>
  );
}

export function WeekHeading({ title, href, linkText, label }: { title: string; href?: string; linkText: string; label: string }) {
  return (
    <p className="text-slate-600 dark:text-slate-400" data-testid="week-label" data-week={label}>
      {title}
      {href ? (
        <>
          {' · '}
          <Link href={href} className="text-sky-700 underline dark:text-sky-400">{linkText}</Link>
        </>
      ) : null}
    </p>
  );
}
