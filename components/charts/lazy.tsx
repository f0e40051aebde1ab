'use client';

// recharts is the largest piece of client code (≈130 kB gzip): the dashboard's first load ships the
// server-rendered tiles and sparklines, and the chart code follows; the series are in the page (charts-data.tsx).
import dynamic from 'next/dynamic';
import type { ComponentProps } from 'react';
import type { ChartGroupId } from '@/lib/kpi/chart-groups';
import type { IncidentChart as IncidentChartType } from './incident-chart';
import type { TrendChart as TrendChartType } from './trend-chart';
import { useCharts } from './charts-data';

const ChartSkeleton = () => <div className="h-full w-full animate-pulse rounded bg-slate-100 dark:bg-slate-800" aria-hidden />;

const TrendChartLazy = dynamic(() => import('./trend-chart').then((m) => m.TrendChart), { ssr: false, loading: ChartSkeleton });
const IncidentChartLazy = dynamic(() => import('./incident-chart').then((m) => m.IncidentChart), { ssr: false, loading: ChartSkeleton });

type TrendProps = ComponentProps<typeof TrendChartType>;

/** A trend chart whose model is given (the metric page). */
export function TrendChart(props: TrendProps) {
  return (
    <div style={{ height: props.height ?? 260 }}>
      <TrendChartLazy {...props} />
    </div>
  );
}

/**
 * A dashboard chart group from the page's series (ChartsData): one panel per model, stacked (small
 * multiples sharing the x axis, tooltips in step), each with its own y axis and a small title. `titles`
 * come from the server-rendered model, so the space is held while the chart code loads.
 */
export function DashboardChartGroup({ group, titles, panelHeight, fill = false, ...props }: Omit<TrendProps, 'model' | 'height' | 'colorOffset' | 'showXAxis' | 'syncId'> & { group: ChartGroupId; titles: string[]; panelHeight: number; fill?: boolean }) {
  const charts = useCharts();
  const panels = charts?.groups.find((g) => g.id === group)?.panels;
  const xAxisHeight = Math.round((props.fontSize ?? 12) * 2.2);
  return (
    <div className={fill ? 'flex min-h-0 flex-1 flex-col gap-1' : 'flex flex-col gap-1'}>
      {titles.map((title, i) => {
        const last = i === titles.length - 1;
        // With `fill` every panel shares the card's height (ResponsiveContainer measures it); otherwise fixed.
        const height = fill ? '100%' : panelHeight + (last ? xAxisHeight : 0);
        const chart = panels?.[i] ? <TrendChartLazy {...props} model={panels[i]} height={height} colorOffset={titles.length > 1 ? i : 0} showXAxis={last} syncId={titles.length > 1 ? group : undefined} /> : <ChartSkeleton />;
        return (
          <div key={title} data-testid="chart-panel" data-panel={i} className={fill ? 'flex min-h-0 flex-1 flex-col' : undefined}>
            {titles.length > 1 ? <p className={`font-medium text-slate-600 dark:text-slate-400 ${fill ? 'text-sm' : 'text-xs'}`}>{title}</p> : null}
            <div style={fill ? undefined : { height }} className={fill ? 'min-h-0 flex-1' : undefined}>{chart}</div>
          </div>
        );
      })}
    </div>
  );
}

/** The dashboard's incident chart, from the page's series like the trend charts. */
export function DashboardIncidentChart(props: Omit<ComponentProps<typeof IncidentChartType>, 'rows'>) {
  const charts = useCharts();
  return <div style={{ height: props.height ?? 240 }}>{charts ? <IncidentChartLazy {...props} rows={charts.incidents.rows} /> : <ChartSkeleton />}</div>;
}
