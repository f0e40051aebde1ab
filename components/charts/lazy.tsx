'use client';

// recharts is the largest piece of client code (≈130 kB gzip): the dashboard's first load ships the
// server-rendered tiles and sparklines, and the chart code and the chart series (use-charts.ts) follow.
import dynamic from 'next/dynamic';
import type { ComponentProps } from 'react';
import type { IncidentChart as IncidentChartType } from './incident-chart';
import type { TrendChart as TrendChartType } from './trend-chart';
import { useCharts } from './use-charts';

const ChartSkeleton = () => <div className="h-full w-full animate-pulse rounded bg-slate-100 dark:bg-slate-800" aria-hidden />;

const TrendChartLazy = dynamic(() => import('./trend-chart').then((m) => m.TrendChart), { ssr: false, loading: ChartSkeleton });
const IncidentChartLazy = dynamic(() => import('./incident-chart').then((m) => m.IncidentChart), { ssr: false, loading: ChartSkeleton });

/** A trend chart whose model is given (the metric page). */
export function TrendChart(props: ComponentProps<typeof TrendChartType>) {
  return (
    <div style={{ height: props.height ?? 260 }}>
      <TrendChartLazy {...props} />
    </div>
  );
}

type LineKey = 'rates' | 'availability' | 'health' | 'progress';

/** A dashboard trend chart: its series are fetched from `src` with the page's other charts. */
export function FetchedTrendChart({ src, chart, ...props }: Omit<ComponentProps<typeof TrendChartType>, 'model'> & { src: string; chart: LineKey }) {
  const charts = useCharts(src);
  return <div style={{ height: props.height ?? 260 }}>{charts ? <TrendChartLazy {...props} model={charts[chart]} /> : <ChartSkeleton />}</div>;
}

/** The dashboard's incident chart, fetched from `src` like the trend charts. */
export function FetchedIncidentChart({ src, ...props }: Omit<ComponentProps<typeof IncidentChartType>, 'rows'> & { src: string }) {
  const charts = useCharts(src);
  return <div style={{ height: props.height ?? 240 }}>{charts ? <IncidentChartLazy {...props} rows={charts.incidents.rows} /> : <ChartSkeleton />}</div>;
}
