import Link from '@/components/ui/link';
import { ChartsData } from '@/components/charts/charts-data';
import { DashboardChartGroup, DashboardIncidentChart } from '@/components/charts/lazy';
import { LineLegend, SwatchLegend } from '@/components/charts/legend';
import { GRADE_COLORS } from '@/components/charts/palette';
import { MetricTile } from '@/components/metric-tile';
import type { Language } from '@/lib/constants';
import type { Translate } from '@/lib/i18n/messages';
import type { ChartGroup } from '@/lib/kpi/chart-groups';
import type { DashboardModel } from '@/lib/kpi/dashboard-model';
import type { WeekNumbering } from '@/lib/weeks';
import { BudgetSummary, ChartCard, ForecastList } from './panels';

const GROUP_TITLE = { rates: 'dash.rates', availability: 'dash.availability', health: 'dash.health', counts: 'chart.counts', progress: 'dash.progress' } as const;

/** The dashboard body shared by the signed-in overview and share links; links are built by the caller. */
export function DashboardView(props: {
  model: DashboardModel;
  lang: Language;
  t: Translate;
  numbering: WeekNumbering;
  metricHref?: (key: string) => string;
  /** The charts' series as JSON text (loadDashboardChartsJson): carried once, read by every chart. */
  chartsJson: string;
  /** The wall screen: everything fits one screen, large type, no links. */
  kiosk?: boolean;
}) {
  const { model, lang, t, numbering, metricHref, chartsJson, kiosk = false } = props;
  const legendLabels = { target: t('dash.target'), warningBand: t('dash.warningBand'), incident: t('chart.incidentWeek'), restated: t('chart.restatedLegend') };
  const gradeLabels = { A: t('dash.grade', { grade: 'A' }), B: t('dash.grade', { grade: 'B' }), C: t('dash.grade', { grade: 'C' }), D: t('dash.grade', { grade: 'D' }), ungraded: t('dash.ungraded') };
  const { totals } = model.charts.incidents;
  const { groups } = model.charts;
  const hasRange = groups.some((g) => g.panels.some((p) => p.rows.some((r) => p.metrics.some((m) => r[m.key] !== null))));
  const fontSize = kiosk ? 15 : 12;

  const groupCard = (group: ChartGroup, footer?: React.ReactNode) => {
    const titles = group.panels.flatMap((p) => (group.id === 'progress' ? [p.metrics.map((m) => m.label).join(' · ')] : p.metrics.map((m) => m.label)));
    const series = group.panels.flatMap((p) => p.metrics.map((m) => m.label));
    const band = group.panels.some((p) => p.rows.some((r) => p.metrics.some((m) => r[`${m.key}__band`] != null)));
    const markers = group.panels.some((p) => p.markers.length > 0);
    const restated = group.panels.some((p) => p.restated.length > 0);
    // Small multiples: each rate gets a panel tall enough to read its target against its own axis.
    const panelHeight = group.id === 'progress' ? 200 : group.panels.length > 1 ? 120 : 170;
    return (
      <ChartCard key={group.id} id={group.id} title={t(GROUP_TITLE[group.id])} footer={footer} fill={kiosk}>
        <LineLegend series={series} labels={legendLabels} band={band} markers={markers} restated={restated} testId={`legend-${group.id}`} large={kiosk} />
        <DashboardChartGroup group={group.id} titles={titles} panelHeight={panelHeight} lang={lang} targetLabel={legendLabels.target} restatedLabel={t('chart.restated')} fontSize={fontSize} fill={kiosk} />
      </ChartCard>
    );
  };
  const byId = (id: ChartGroup['id']) => groups.find((g) => g.id === id);
  const rates = byId('rates');
  const availability = byId('availability');
  const health = byId('health');
  const counts = byId('counts');
  const progress = byId('progress');
  const incidents = (
    <ChartCard id="incidents" title={t('dash.incidents')} fill={kiosk} footer={<p data-testid="incident-totals">{t('dash.totals', { ab: totals.AB, cd: totals.CD, ungraded: totals.ungraded })}</p>}>
      <SwatchLegend items={(['A', 'B', 'C', 'D', 'ungraded'] as const).map((g) => ({ label: gradeLabels[g], color: GRADE_COLORS[g] }))} testId="legend-incidents" large={kiosk} />
      {kiosk ? (
        <div className="min-h-0 flex-1">
          <DashboardIncidentChart labels={gradeLabels} height="100%" fontSize={fontSize} />
        </div>
      ) : (
        <DashboardIncidentChart labels={gradeLabels} fontSize={fontSize} />
      )}
    </ChartCard>
  );
  const budget = <BudgetSummary budget={model.budget} lang={lang} t={t} />;
  const forecasts = <ForecastList forecasts={model.forecasts} lang={lang} t={t} numbering={numbering} />;

  const tiles = (
    <div className={kiosk ? 'grid shrink-0 grid-cols-6 gap-3' : 'grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4'} data-testid="tiles">
      {model.tiles.map((tile) => (
        <MetricTile key={tile.metric.key} tile={tile} lang={lang} t={t} spark={tile.spark} href={kiosk ? undefined : metricHref?.(tile.metric.key)} size={kiosk ? 'kiosk' : 'normal'} />
      ))}
    </div>
  );
  const empty = !hasRange ? <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-slate-600 dark:text-slate-400">{t('dash.noData')}</p> : null;

  if (kiosk) {
    // Four columns filling what the tiles leave of the screen; every chart takes the height it is given.
    const column = (children: React.ReactNode) => <div className="flex min-h-0 min-w-0 flex-col gap-3">{children}</div>;
    return (
      <ChartsData json={chartsJson}>
      <div className="flex min-h-0 flex-1 flex-col gap-3" data-testid="kiosk-dashboard">
        {tiles}
        {empty}
        <div className="grid min-h-0 flex-1 grid-cols-4 gap-3">
          {column(rates ? groupCard(rates) : null)}
          {column(<>{availability ? groupCard(availability, budget) : null}{counts ? groupCard(counts) : null}</>)}
          {column(<>{incidents}{health ? groupCard(health) : null}</>)}
          {column(progress ? groupCard(progress, forecasts) : null)}
        </div>
      </div>
      </ChartsData>
    );
  }
  return (
    <ChartsData json={chartsJson}>
    <div className="flex flex-col gap-6">
      {tiles}
      {empty}
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        {rates ? groupCard(rates) : null}
        {availability ? groupCard(availability, budget) : null}
        {incidents}
        {health ? groupCard(health) : null}
        {counts ? groupCard(counts) : null}
        {progress ? groupCard(progress, forecasts) : null}
      </div>
    </div>
    </ChartsData>
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
